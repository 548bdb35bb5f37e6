// The list of records is always current: a list computes each record's figures once and reuses them
// only while nothing of the record changed, so an edit, an undo or a redo (the record's own creation
// among them), a status change, a change made through another connection to the same store, and the
// rate line each show at once in the next list. The seed: 实际拨付 1235.96 of 1500 planned, 宣传 29.41.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { openWorkspace } from '../../../electron/services/store/workspace';
import { createRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { editCells } from '../../../electron/services/store/edits';
import { setStatus } from '../../../electron/services/store/status';
import { writePreferences } from '../../../electron/services/store/preferences';
import { draftPerformance } from '../../../electron/services/store/performance';
import { history } from '../../../electron/services/store/changelog';
import { ME, seedInput, tempDir } from '../../helpers/fixtures';
import { redo, undo } from '../../helpers/store';
import { BACKEND, newStore, newWorkspaceUrl } from '../../helpers/backend';

const listed = (db: DB, id: number) => listRecords(db, { asOf: undefined }).find((r) => r.id === id);

/** Types a new 实际拨付额度 into the seed's 宣传 line (29.41 as seeded). */
function typePromotion(db: DB, id: number, value: string): void {
  const stored = readRecord(db, id, { asOf: undefined });
  const line = stored.record.disbursements.findIndex((d) => d.category === 'promotion');
  editCells(db, ME, id, 'disbursements', [{ rowId: stored.disbursementIds[line], field: 'actual', value }], []);
}

/** Two connections to one store: two handles on one data file, or two on one workspace. */
function twoConnections(): [DB, DB] {
  if (BACKEND === 'postgres') {
    const url = newWorkspaceUrl();
    return [openWorkspace(url), openWorkspace(url)];
  }
  const file = path.join(tempDir(), 'two.sqlite');
  return [openDatabase(file), openDatabase(file)];
}

describe('the list of records after a change', () => {
  it('shows an edit, its undo and its redo at once (1235.96 → 1245.96 → 1235.96 → 1245.96)', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    expect(listed(db, id)?.actual).toBe('1235.96');
    typePromotion(db, id, '39.41');
    expect(listed(db, id)?.actual).toBe('1245.96');
    undo(db);
    expect(listed(db, id)?.actual).toBe('1235.96');
    redo(db);
    expect(listed(db, id)?.actual).toBe('1245.96');
  });

  it('a record removed by undoing its creation, put back by redo and edited anew shows the new edit, not the one undone', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    typePromotion(db, id, '99.41');
    expect(listed(db, id)?.actual).toBe('1305.96');
    undo(db);
    undo(db);
    redo(db);
    typePromotion(db, id, '49.41');
    expect(listed(db, id)?.actual).toBe('1255.96');
  });

  it('shows a change made through another connection to the same store', () => {
    const [mine, theirs] = twoConnections();
    try {
      const id = createRecord(mine, ME, seedInput());
      expect(listed(mine, id)?.actual).toBe('1235.96');
      typePromotion(theirs, id, '39.41');
      expect(listed(mine, id)?.actual).toBe('1245.96');
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('shows a status change with its time as the record’s last change', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    expect(listed(db, id)?.status.status).toBe('draft');
    setStatus(db, ME, id, { status: 'submitted', by: '李会计' });
    const step = history(db, ME).steps[0];
    expect(step.action).toBe('status');
    expect(listed(db, id)).toMatchObject({ status: { status: 'submitted', by: '李会计' }, updatedAt: step.at });
  });

  it('counts a 执行率 below the rate line as a warning, and no longer once the line is lowered to 80', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    draftPerformance(db, ME, id, { draft: false });
    const warnings = listed(db, id)!.warnings;
    writePreferences(db, { rateLine: '80' });
    expect(listed(db, id)!.warnings).toBe(warnings - 1);
  });
});
