// An import that replaced a county takes it out and puts its new figures in, in one step: undoing or
// redoing it removes no county, so it asks nothing; a step that created a county still asks before undo.
import { describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { newStore } from '../../helpers/backend';
import { mutate, replay } from '../../../electron/services/store/changelog';
import { createRecord, insertRecord, listRecords, removeRecord } from '../../../electron/services/store/records';
import { ME, seedInput } from '../../helpers/fixtures';

function replaced() {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  const input = seedInput();
  input.disbursements[0].actual = '700';
  mutate(db, ME, { action: 'import', recordId: null }, (changes) => {
    removeRecord(db, changes, id);
    insertRecord(changes, input);
  });
  return db;
}
const actualOfFirstLine = (db: DB) => listRecords(db, { asOf: undefined })[0].actual;

describe('undo and redo of an import that replaced a county', () => {
  it('neither asks (the county stays, with the old or the imported figures)', () => {
    const db = replaced();
    // 1235.96 as the seed has it; the import raised line 1 from 640.21 to 700: +59.79.
    expect(actualOfFirstLine(db)).toBe('1295.75');
    const undone = replay(db, ':memory:', ME, 'undo');
    expect(undone.needsConfirm).toEqual([]);
    expect(actualOfFirstLine(db)).toBe('1235.96');
    const redone = replay(db, ':memory:', ME, 'redo');
    expect(redone.needsConfirm).toEqual([]);
    expect(actualOfFirstLine(db)).toBe('1295.75');
  });

  it('the creation before it still asks before its undo removes the county', () => {
    const db = replaced();
    replay(db, ':memory:', ME, 'undo');
    expect(replay(db, ':memory:', ME, 'undo').needsConfirm.map((s) => s.action)).toEqual(['create']);
  });
});
