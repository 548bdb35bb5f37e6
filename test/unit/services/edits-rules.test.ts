// The store's rules for edits of 表二 and 表三, each with the words and the place it names: a 序号
// twice named by its value and row; 实际拨付额度 of a line with payments not typed (its other
// cells are); a computed column not edited; what a paste appends; rows inserted, deleted and moved
// in a table numbered 1..n and in one numbered by hand; a county renamed or moved to another batch.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { deleteRows, editCells, insertRows, moveRow, updateCounty } from '../../../electron/services/store/edits';
import { editPayments } from '../../../electron/services/store/payments';
import { history } from '../../../electron/services/store/changelog';
import { ME, seedInput } from '../../helpers/fixtures';
import { refusal, undo } from '../../helpers/store';

let db: DB;
let id: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  id = createRecord(db, ME, seedInput());
});

const read = () => readRecord(db, id, { asOf: undefined });
const lines = () => read().record.disbursements;
const lastStep = () => history(db, ME).steps[0];

describe('refusals that name the place', () => {
  it('a field that is no column of the table (toString, __proto__, a typo) is named as such, not as a computed column', () => {
    const edit = (field: string) =>
      refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId: read().disbursementIds[0], field, value: '2' }], []));
    for (const field of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'plan'])
      expect([edit(field).messages.zh, edit(field).messages.en]).toEqual([
        `表中没有“${field}”这一栏,未做任何改动`,
        `The table has no column “${field}”; nothing was changed`,
      ]);
    expect(edit('rate').messages.zh).toBe('资金拨付率(%) 由程序计算,不能编辑');
  });

  it('a 序号 twice is named by its value and the row it repeats in', () => {
    const e = refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId: read().disbursementIds[5], field: 'seq', value: '1' }], []));
    expect([e.messages.zh, e.messages.en]).toEqual(['第 6 行 序号:序号 1 在同一表中重复', 'row 6, No.: No. 1 appears twice in one table']);
    expect(e.place).toEqual({ field: 'seq' });
    expect(e.details).toEqual({ table: 'disbursements', row: 6, field: 'seq', code: 'duplicate_seq' });
  });

  it('实际拨付额度 of a line with payments is the ledger’s: typing it is refused naming the row and the count; its other cells take edits', () => {
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: '2', date: '2021-12-01', amount: '100' },
        { line: '2', date: '2022-01-01', amount: '185.4' },
      ],
    );
    const rowId = read().disbursementIds[1];
    const e = refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId, field: 'actual', value: '300' }], []));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'read_only',
      '第 2 行 实际拨付额度(万元):由拨付台账计算(2 笔拨付),不能直接填写;请在拨付台账中录入、修改拨付',
      "row 2, disbursed (10k yuan) is the sum of the ledger's 2 payments and cannot be typed; enter or change the payments in the ledger",
    ]);
    expect(e.place).toEqual({ field: 'actual' });
    expect(e.details).toEqual({ table: 'disbursements', row: 2, field: 'actual' });
    editCells(db, ME, id, 'disbursements', [{ rowId, field: 'planned', value: '400' }], []);
    expect(lines()[1]).toMatchObject({ planned: '400', actual: '285.4' });
    // A line without payments still takes a typed amount.
    editCells(db, ME, id, 'disbursements', [{ rowId: read().disbursementIds[0], field: 'actual', value: '700' }], []);
    expect(lines()[0].actual).toBe('700');
  });

  it('a computed column is not edited, in both languages', () => {
    const e = refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId: read().disbursementIds[0], field: 'rate', value: '50' }], []));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'read_only',
      '资金拨付率(%) 由程序计算,不能编辑',
      'disbursement rate (%) is computed and cannot be edited',
    ]);
  });
});

describe('what a paste appends', () => {
  it('columns that cannot be typed are left out; a row without a name stays nameless; its category comes from its name unless pasted', () => {
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [],
      [
        { name: '村级快递服务站', planned: '10', rate: '99' },
        { name: '  ', planned: '20' },
        { name: '乡村物流车', category: '其他', planned: '30' },
      ],
      'paste',
    );
    // 实际拨付额度 not pasted is not entered (blank, no rate), as a blank cell of an imported workbook is.
    expect(lines().slice(6)).toMatchObject([
      { seq: 7, name: '村级快递服务站', category: 'logistics', planned: '10', actual: null, rate: null },
      { seq: 8, name: '', category: 'other', planned: '20' },
      { seq: 9, name: '乡村物流车', category: 'other', planned: '30' },
    ]);
    // One step naming how many rows and columns it touched: 3 rows; name, planned, rate, category.
    expect(lastStep().detail).toMatchObject({ table: 'disbursements', rows: 3, columns: 4 });
    expect(lastStep().detail).not.toHaveProperty('row');
  });

  it('an amount left blank in an appended row is not entered (not 0); a name given as nothing is no name; another cell of a row without a category gives it none', () => {
    editCells(db, ME, id, 'disbursements', [], [{ name: null, planned: '', actual: '5' }], 'paste');
    expect(lines()[6]).toMatchObject({ name: '', planned: null, actual: '5', rate: null, category: 'other' });
    editCells(db, ME, id, 'items', [], [{ target: '1个' }], 'paste');
    editCells(db, ME, id, 'items', [{ rowId: read().itemIds[6], field: 'target', value: '快递网点10个' }], []);
    expect(read().record.items[6]).toMatchObject({ target: '快递网点10个', category: 'other' });
  });

  it('a cell edited and a row appended in one paste are one step naming 2 rows, not the cell', () => {
    editCells(db, ME, id, 'items', [{ rowId: read().itemIds[0], field: 'target', value: '2个' }], [{ name: '新建内容' }], 'paste');
    expect(lastStep().detail).toMatchObject({ table: 'items', rows: 2, columns: 2 });
    expect(lastStep().detail).not.toHaveProperty('field');
  });
});

describe('rows in a table numbered 1..n and in one numbered by hand', () => {
  /** 表三's lines numbered by hand, in order. */
  const numberedByHand = (seqs: number[]) =>
    editCells(
      db,
      ME,
      id,
      'disbursements',
      read().disbursementIds.map((rowId, i) => ({ rowId, field: 'seq', value: String(seqs[i]) })),
      [],
    );
  const handNumbered = () => numberedByHand([10, 20, 30, 40, 50, 60]);

  it('new rows of 表二 are blank; inserted at the end of a hand-numbered table they take the next numbers and keep the others', () => {
    insertRows(db, ME, id, 'items', 6, 1);
    expect(read().record.items[6]).toMatchObject({ seq: 7, name: '', target: '', completion: '', completionRate: null, category: 'other' });
    handNumbered();
    insertRows(db, ME, id, 'disbursements', 6, 2);
    expect(lines().map((d) => d.seq)).toEqual([10, 20, 30, 40, 50, 60, 61, 62]);
    insertRows(db, ME, id, 'disbursements', 1, 1);
    expect(lines().map((d) => d.seq)).toEqual([10, 63, 20, 30, 40, 50, 60, 61, 62]);
  });

  it('deleting a line takes its payments along and renumbers 1..n; undo brings both back; a hand-numbered table keeps its numbers', () => {
    editPayments(db, ME, id, [], [{ line: '2', date: '2021-12-01', amount: '100' }]);
    deleteRows(db, ME, id, 'disbursements', [read().disbursementIds[1]]);
    expect(lastStep().detail).toMatchObject({ table: 'disbursements', row: 2 });
    expect(lines().map((d) => d.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(read().paymentIds).toEqual([]);
    undo(db);
    expect(lines().map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(read().record.payments).toMatchObject([{ line: 2, amount: '100' }]);
    handNumbered();
    const ids = read().disbursementIds;
    deleteRows(db, ME, id, 'disbursements', [ids[0], ids[2]]);
    expect(lastStep().detail).toMatchObject({ rows: 2 });
    expect(lines().map((d) => d.seq)).toEqual([20, 40, 50, 60]);
    deleteRows(db, ME, id, 'items', [read().itemIds[0]]);
    expect(read().record.items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a table numbered by hand from 1 (1, 2, 5, 6, 7, 8: lines 3 and 4 dropped) keeps its numbers as rows come and go', () => {
    const ids = read().disbursementIds;
    numberedByHand([1, 2, 5, 6, 7, 8]);
    expect(lines().map((d) => d.seq)).toEqual([1, 2, 5, 6, 7, 8]);
    insertRows(db, ME, id, 'disbursements', 6, 1);
    expect(lines().map((d) => d.seq)).toEqual([1, 2, 5, 6, 7, 8, 9]);
    deleteRows(db, ME, id, 'disbursements', [ids[1]]);
    expect(lines().map((d) => d.seq)).toEqual([1, 5, 6, 7, 8, 9]);
    moveRow(db, ME, id, 'disbursements', ids[0], 99);
    expect(lines().map((d) => d.seq)).toEqual([5, 6, 7, 8, 9, 1]);
  });

  it('a row moved forward lands after the row it was moved past', () => {
    const names = lines().map((d) => d.name);
    moveRow(db, ME, id, 'disbursements', read().disbursementIds[0], 2);
    expect(lines().map((d) => d.name)).toEqual([names[1], names[2], names[0], names[3], names[4], names[5]]);
    expect(lastStep().action).toBe('move row');
    expect(lastStep().detail).toMatchObject({ table: 'disbursements', row: 1 });
  });
});

describe('a county renamed or moved to another batch', () => {
  it('to a batch the county already has is refused; to its own name in the other script is not; each one step naming the field', () => {
    createRecord(db, ME, { ...seedInput(), county: { ...seedInput().county, batch: 3 } });
    const e = refusal(() => updateCounty(db, ME, id, 'batch', '第3批'));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual(['conflict', '樟树市 第3批 已有记录', '樟树市, batch 3, already has a record']);
    updateCounty(db, ME, id, 'name', '樟樹市');
    expect(read().record.county.name).toBe('樟樹市');
    expect(lastStep()).toMatchObject({ action: 'edit', detail: { county: '樟树市', table: 'county', field: 'county.name' } });
    updateCounty(db, ME, id, 'batch', '9');
    expect(read().record.county.batch).toBe(9);
  });
});
