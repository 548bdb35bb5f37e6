// A status change refused in the store, in words naming what happened: a reviewer whose window
// is behind the record is told who changed it (which kind of window), what and whether it was
// undone since; a second acceptance names who accepted it and on which day; an unlock without a
// reason points at the reason. Nothing changes.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editCells } from '../../../electron/services/store/edits';
import { readStatus, readVersion, setStatus } from '../../../electron/services/store/status';
import { ME, seedInput } from '../../helpers/fixtures';
import { refusal, undo } from '../../helpers/store';

const BROWSER = { client: 'web-tab-0001', kind: 'web' } as const;
const CLI = { client: 'cli-1-1', kind: 'cli' } as const;

let db: DB;
let id: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  id = createRecord(db, ME, seedInput());
});

/** 实际拨付额度 of line 1 typed by `actor`. */
const typeActual = (actor: typeof BROWSER | typeof CLI, value: string) =>
  editCells(
    db,
    actor,
    id,
    'disbursements',
    [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value }],
    [],
  );

describe('an acceptance from a window that is behind the record', () => {
  it('is refused naming the browser window that changed it and the change; the status stays', () => {
    const seen = readVersion(db, id);
    typeActual(BROWSER, '700');
    const e = refusal(() => setStatus(db, ME, id, { status: 'accepted', by: '赵处长', version: seen }));
    expect(e.code).toBe('record_changed');
    expect(e.messages.zh).toMatch(
      /^樟树市 第8批 在您打开后已被修改:浏览器窗口在 \d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2} 编辑 樟树市 三 第1行 实际拨付额度\S*。状态未改。请查看最新的数字后再改。$/,
    );
    expect(e.messages.en).toMatch(
      /^樟树市 \(batch 8\) changed after you opened it: a browser window at \S+ \S+, Edit 樟树市, table 3, row 1, disbursed \(10k yuan\)\. The status was not changed; look at the current figures and try again\.$/,
    );
    expect(e.messages.zh).not.toContain('已撤销');
    expect(e.details).toMatchObject({ by: 'web', action: 'edit' });
    expect(readStatus(db, id).status).toBe('draft');
  });

  it('names the command line, and a change undone since as undone', () => {
    const seen = readVersion(db, id);
    typeActual(CLI, '700');
    undo(db, CLI);
    const e = refusal(() => setStatus(db, ME, id, { status: 'reviewed', by: '王科长', version: seen }));
    expect(e.messages.zh).toContain(':命令行在 ');
    expect(e.messages.zh).toContain('(已撤销)。');
    expect(e.messages.en).toContain(': the command line at ');
    expect(e.messages.en).toContain(' (undone). ');
  });

  it('is taken at the version the window read, and a status change leaves the version as it is', () => {
    const seen = readVersion(db, id);
    setStatus(db, ME, id, { status: 'submitted', by: '李会计', version: seen });
    expect(readVersion(db, id)).toBe(seen);
    expect(setStatus(db, ME, id, { status: 'accepted', by: '赵处长', version: seen }).status).toBe('accepted');
  });
});

describe('a second acceptance and an unlock', () => {
  it('a second acceptance names who accepted it and the day, in both languages; the first stands', () => {
    const first = setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    const day = first.at!.slice(0, 10);
    const e = refusal(() => setStatus(db, ME, id, { status: 'accepted', by: '钱局长' }));
    expect(e.messages.zh).toBe(`樟树市 第8批 已于 ${day} 由 赵处长 验收,不能再次验收(原验收记录保留不变)。`);
    expect(e.messages.en).toBe(
      `樟树市 (batch 8) was accepted by 赵处长 on ${day}; it cannot be accepted again (the acceptance stays as it is).`,
    );
    expect(e.details).toMatchObject({ status: 'accepted', by: '赵处长', at: first.at });
    expect(readStatus(db, id)).toEqual(first);
  });

  it('an unlock without a reason points at the reason; a remark alone is no reason', () => {
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    const e = refusal(() => setStatus(db, ME, id, { status: 'draft', by: '赵处长', remark: '改数' }));
    expect([e.code, e.messages.zh, e.messages.en, e.place.field]).toEqual([
      'reason_needed',
      '解除验收须写明理由',
      'Unlocking an accepted record needs a reason',
      'reason',
    ]);
    expect(readStatus(db, id).status).toBe('accepted');
  });

  it('a record that is not there is named by its number', () => {
    const e = refusal(() => setStatus(db, ME, 999, { status: 'submitted', by: '李会计' }));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual(['no_record', '记录 #999 不存在', 'Record #999 does not exist']);
  });
});
