// An undo or redo refused, in words that name the place and the people: the line and the payments
// another window entered under it, the 序号 a new row of another window took meanwhile, a step out
// of reach, the acceptance an undo would restore. And who a window or a run of the command line is.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { deleteRows, editCells } from '../../../electron/services/store/edits';
import { editPayments } from '../../../electron/services/store/payments';
import { setStatus } from '../../../electron/services/store/status';
import { cliActor, history, replay, webActor, type Actor } from '../../../electron/services/store/changelog';
import { ME, seedInput } from '../../helpers/fixtures';
import { redo, refusal, undo } from '../../helpers/store';

const A: Actor = { client: 'window-a', kind: 'desktop' };
const B: Actor = { client: 'web-tab-b', kind: 'web' };
const C: Actor = { client: 'cli-7-7', kind: 'cli' };

let db: DB;
let id: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  id = createRecord(db, ME, seedInput());
});

const seqs = () => readRecord(db, id, { asOf: undefined }).record.disbursements.map((d) => d.seq);
const paymentCount = () => readRecord(db, id, { asOf: undefined }).paymentIds.length;
/** A time as the messages write it: a date and hh:mm:ss. */
const TIME = String.raw`\d{4}/\d{1,2}/\d{1,2} \d{2}:\d{2}:\d{2}`;

describe('an undo or redo that would delete what another window entered', () => {
  it('undo of a new line of 表三 names the county, the line and the 2 payments the browser window entered under it', () => {
    editCells(db, A, id, 'disbursements', [], [{ name: '新增线路', planned: '100' }], 'paste');
    for (const day of ['2022-01-05', '2022-02-05']) editPayments(db, B, id, [], [{ line: '7', date: day, amount: '10' }]);
    const e = refusal(() => undo(db, A));
    expect(e.code).toBe('undo_conflict');
    expect(e.messages.zh).toMatch(
      new RegExp(
        `^无法撤销:这一步会删除 樟树市 表三 序号 7 的行,连同浏览器窗口在 ${TIME} 录入的 2 笔拨付。为免删除别人的数据,未做任何改动。$`,
      ),
    );
    expect(e.messages.en).toMatch(
      new RegExp(
        `^Cannot undo: this step would delete 樟树市, table 3 No\\. 7 and with it 2 payment\\(s\\) entered by a browser window at ${TIME}\\. Nothing was changed, so their data is not deleted\\.$`,
      ),
    );
    expect(e.details).toMatchObject({ by: 'web', rows: 2 });
    expect([seqs(), paymentCount()]).toEqual([[1, 2, 3, 4, 5, 6, 7], 2]);
  });

  it('redo of a deleted line names the command line that entered a payment under it since, as a redo', () => {
    deleteRows(db, A, id, 'disbursements', [readRecord(db, id, { asOf: undefined }).disbursementIds[1]]);
    undo(db, A);
    editPayments(db, C, id, [], [{ line: '2', date: '2022-01-05', amount: '10' }]);
    const e = refusal(() => redo(db, A));
    expect(e.messages.zh).toMatch(new RegExp(`^无法重做:这一步会删除 樟树市 表三 序号 2 的行,连同命令行在 ${TIME} 录入的 1 笔拨付。`));
    expect(e.messages.en).toMatch(
      new RegExp(
        `^Cannot redo: this step would delete 樟树市, table 3 No\\. 2 and with it 1 payment\\(s\\) entered by the command line at`,
      ),
    );
    expect([seqs(), paymentCount()]).toEqual([[1, 2, 3, 4, 5, 6], 1]);
  });
});

describe('a redo over a cell another window changed since', () => {
  it('is refused as a redo naming the browser window; an undo or redo done raises the version and says which it was', () => {
    const rowId = readRecord(db, id, { asOf: undefined }).itemIds[0];
    editCells(db, A, id, 'items', [{ rowId, field: 'target', value: '1个' }], []);
    const version = () => db.prepare('SELECT version FROM records WHERE id = ?').pluck().get(id) as number;
    const before = version();
    expect(undo(db, A)?.undone).toBe(true);
    expect(version()).toBeGreaterThan(before);
    editCells(db, B, id, 'items', [{ rowId, field: 'target', value: '2个' }], []);
    const e = refusal(() => redo(db, A));
    expect(e.messages.zh).toMatch(
      new RegExp(
        `^无法重做“编辑 樟树市 二 第1行 项目实施目标”:这一步改过的内容已由浏览器窗口在 ${TIME} 再次修改\\(编辑 樟树市 二 第1行 项目实施目标\\)。为免覆盖别人的修改,未做任何改动。$`,
      ),
    );
    expect(e.messages.en).toMatch(
      new RegExp(
        `^Cannot redo “Edit 樟树市, table 2, row 1, target”: what this step changed was changed again by a browser window at ${TIME} \\(Edit 樟树市, table 2, row 1, target\\)\\. Nothing was changed, so their work is not overwritten\\.$`,
      ),
    );
    undo(db, B);
    expect(redo(db, A)?.undone).toBe(false);
    expect(readRecord(db, id, { asOf: undefined }).record.items[0].target).toBe('1个');
  });
});

describe('a row brought back whose 序号 another window took meanwhile', () => {
  it('is refused naming the 序号; nothing changes', () => {
    editCells(db, A, id, 'disbursements', [], [{ name: '甲的新行', planned: '1' }], 'paste');
    undo(db, A);
    editCells(db, B, id, 'disbursements', [], [{ name: '乙的新行', planned: '2' }], 'paste');
    const e = refusal(() => redo(db, A));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'undo_conflict',
      '无法重做:序号 7 已被另一个窗口新加的行使用,重做后会重复。未做任何改动。',
      'Cannot redo: No. 7 is now used by a row another window added; it would appear twice. Nothing was changed.',
    ]);
    expect(
      readRecord(db, id, { asOf: undefined })
        .record.disbursements.map((d) => d.name)
        .at(-1),
    ).toBe('乙的新行');
  });
});

describe('a row brought back by undo whose 序号 another window took meanwhile', () => {
  it('is refused as an undo naming the 序号; both windows’ rows stay as they are', () => {
    const lastLine = readRecord(db, id, { asOf: undefined }).disbursementIds[5];
    deleteRows(db, A, id, 'disbursements', [lastLine]);
    editCells(db, B, id, 'disbursements', [], [{ name: '乙的新行', planned: '2' }], 'paste');
    const e = refusal(() => undo(db, A));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'undo_conflict',
      '无法撤销:序号 6 已被另一个窗口新加的行使用,撤销后会重复。未做任何改动。',
      'Cannot undo: No. 6 is now used by a row another window added; it would appear twice. Nothing was changed.',
    ]);
    expect(
      readRecord(db, id, { asOf: undefined })
        .record.disbursements.map((d) => [d.seq, d.name])
        .at(-1),
    ).toEqual([6, '乙的新行']);
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('steps out of reach, and the acceptance', () => {
  it('a step that is not this window’s to undo is refused, naming why', () => {
    editCells(db, A, id, 'items', [{ rowId: readRecord(db, id, { asOf: undefined }).itemIds[0], field: 'target', value: '1个' }], []);
    const e = refusal(() => replay(db, db.name, A, 'undo', { through: 99_999 }));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'no_step',
      '这一步不在可撤销或重做的范围内',
      'That step cannot be undone or redone from here',
    ]);
    expect(replay(db, db.name, B, 'undo').steps).toEqual([]);
  });

  it('undoing an acceptance is refused as an unlock, in both languages', () => {
    setStatus(db, A, id, { status: 'accepted', by: '赵处长' });
    const e = refusal(() => undo(db, A));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'locked',
      '撤销“验收”就是解除验收:请用“解除验收”并写明理由。',
      'Undoing an acceptance unlocks the record: use Unlock and give a reason.',
    ]);
  });

  it('undoing an unlock after the command line changed the figures names it and the change', () => {
    setStatus(db, A, id, { status: 'accepted', by: '赵处长' });
    setStatus(db, A, id, { status: 'reviewed', by: '赵处长', reason: '补录凭证' });
    editCells(
      db,
      C,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '700' }],
      [],
    );
    const e = refusal(() => undo(db, A));
    expect(e.code).toBe('changed_since');
    expect(e.messages.zh).toMatch(
      new RegExp(`^无法恢复“已验收”:解除验收后,命令行在 ${TIME} 改过这条记录\\(编辑 樟树市 三 第1行 实际拨付额度`),
    );
    expect(e.messages.en).toMatch(
      new RegExp(
        `^Cannot restore the acceptance: after the unlock, the command line changed this record at ${TIME} \\(Edit 樟树市, table 3, row 1`,
      ),
    );
    expect(e.details).toMatchObject({ by: 'cli', action: 'edit' });
  });

  it("the history points undo at this window's latest done step and redo at its earliest undone one", () => {
    const rowId = readRecord(db, id, { asOf: undefined }).itemIds[0];
    for (const target of ['1个', '2个', '3个']) editCells(db, A, id, 'items', [{ rowId, field: 'target', value: target }], []);
    undo(db, A);
    undo(db, A);
    const h = history(db, A);
    expect(h.steps.map((s) => s.undone)).toEqual([true, true, false]);
    expect(h.undo?.id).toBe(h.steps[2].id);
    expect(h.redo?.id).toBe(h.steps[1].id);
  });
});

describe('who a client is', () => {
  it('a browser tab by the id it keeps (8–64 letters, digits, - or _), else anonymous; a run of the command line by its process', () => {
    expect(webActor('tab_0001-x')).toEqual({ client: 'web-tab_0001-x', kind: 'web' });
    expect(['short', undefined, 'a'.repeat(65), 'tab 0001 x', 'tab0001x\n'].map((t) => webActor(t).client)).toEqual(
      Array(5).fill('web-anonymous'),
    );
    expect(webActor('a'.repeat(64)).client).toBe(`web-${'a'.repeat(64)}`);
    const cli = cliActor();
    expect(cli.kind).toBe('cli');
    expect(cli.client).toMatch(new RegExp(`^cli-${process.pid}-\\d+$`));
  });
});

describe('an undo over a record someone else has since accepted', () => {
  it('names this window’s step and its county, and what the other did to it (finding #11: not “my 樟树市 cell”)', () => {
    const line1 = readRecord(db, id, { asOf: undefined }).disbursementIds[0];
    editCells(db, A, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '700' }], []);
    const input = seedInput();
    const ruijin = createRecord(db, A, { ...input, county: { ...input.county, name: '瑞金市', prefecture: '赣州市' } }, 'create');
    setStatus(db, B, ruijin, { status: 'accepted', by: '赵处长' });
    const e = refusal(() => undo(db, A));
    expect(e.messages.zh).toMatch(
      new RegExp(
        `^无法撤销“新建记录 瑞金市 第8批”:这一步改过的内容已由浏览器窗口在 ${TIME} 再次修改\\(状态 瑞金市 第8批 → 已验收 \\(赵处长\\)\\)。`,
      ),
    );
    // 樟树市 was not touched by anyone else: its line 1 stays as A typed it.
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('700');
  });
});
