// Edits of 表二, 表三 and 基本情况 in the store, at their edges: a refusal names the row, the field and
// why (an amount finer than 1 分 says so); a row or record that is gone is named by its number; a
// renamed row without a category takes the one its name implies; rows inserted, moved to either
// end, each one step named as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, findRecordIds, readRecord } from '../../../electron/services/store/records';
import { deleteRows, editCells, insertRows, moveRow, updateCounty } from '../../../electron/services/store/edits';
import { history } from '../../../electron/services/store/changelog';
import { AppError } from '../../../shared/errors';
import { ME, seedInput } from '../../helpers/fixtures';
import { refusal } from '../../helpers/store';

let db: DB;
let id: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  id = createRecord(db, ME, seedInput());
});

const read = () => readRecord(db, id, { asOf: undefined });
const words = (e: AppError) => [e.code, e.messages.zh, e.messages.en];

describe('a refusal names the row, the field and why', () => {
  it('an amount finer than 1 分 says so, in the row it was typed in', () => {
    const rowId = read().disbursementIds[2];
    const e = refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId, field: 'planned', value: '1.0000001' }], []));
    expect(e.code).toBe('invalid_input');
    expect(e.messages.zh).toMatch(/^第 3 行 计划安排额度\S*:计划安排额度\S*“1\.0000001”精度超过1分\(最多6位小数\)$/);
    expect(e.messages.en).toBe('row 3, planned (10k yuan): planned (10k yuan) “1.0000001” is finer than 1 fen (at most 6 decimals)');
    expect(e.details).toEqual({ table: 'disbursements', row: 3, field: 'planned', code: 'not_a_number' });
  });

  it('a fact of 基本情况 names its field and why: a negative investment, one finer than 1 分', () => {
    const e = refusal(() => updateCounty(db, ME, id, 'investment.total', '-5'));
    expect(words(e)).toEqual(['invalid_input', '项目总投资不能为负数:-5', 'total investment must not be negative: -5']);
    expect(e.place.field).toBe('county.investment.total');
    expect(words(refusal(() => updateCounty(db, ME, id, 'investment.total', '1.0000001')))).toEqual([
      'invalid_input',
      '项目总投资“1.0000001”精度超过1分(最多6位小数)',
      'total investment “1.0000001” is finer than 1 fen (at most 6 decimals)',
    ]);
    expect(read().record.county.investment.total).toBe('2310');
  });

  it('a batch or year that is a number outside its range says so, not "not a number"', () => {
    expect(words(refusal(() => updateCounty(db, ME, id, 'batch', '0')))[1]).toBe('批次“0”超出允许的范围(批次 1–99,年度 1990–2100)');
    expect(words(refusal(() => updateCounty(db, ME, id, 'year', '2101')))[1]).toMatch(/“2101”超出允许的范围/);
  });

  it('a cleared 序号 is refused naming the value as empty, in its row', () => {
    const rowId = read().disbursementIds[1];
    expect(words(refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId, field: 'seq', value: null }], [], 'clear')))).toEqual([
      'invalid_input',
      '第 2 行 序号:序号“”不是数字',
      'row 2, No.: No. “” is not a number',
    ]);
    expect(read().record.disbursements[1].seq).toBe(2);
  });

  it('a row or a record that is gone is named by its number', () => {
    const gone = 99_999;
    const noRow = ['no_row', `该行已不存在(#${gone})`, `That row no longer exists (#${gone})`];
    expect(words(refusal(() => editCells(db, ME, id, 'items', [{ rowId: gone, field: 'target', value: 'x' }], [])))).toEqual(noRow);
    expect(words(refusal(() => deleteRows(db, ME, id, 'items', [gone])))).toEqual(noRow);
    expect(words(refusal(() => moveRow(db, ME, id, 'items', gone, 0)))).toEqual(noRow);
    const noRecord = ['no_record', '记录 #404 不存在', 'Record #404 does not exist'];
    expect(words(refusal(() => editCells(db, ME, 404, 'items', [], [{ name: 'x' }])))).toEqual(noRecord);
    expect(words(refusal(() => insertRows(db, ME, 404, 'items', 0, 1)))).toEqual(noRecord);
  });
});

describe('a renamed row', () => {
  it('without a category takes the one its new name implies; one with a category keeps it', () => {
    const [added] = editCells(db, ME, id, 'items', [], [{ target: '1个' }], 'paste');
    expect(read().record.items.at(-1)).toMatchObject({ name: '', category: 'other' });
    editCells(db, ME, id, 'items', [{ rowId: added, field: 'name', value: '乡村快递网点' }], []);
    expect(read().record.items.at(-1)).toMatchObject({ name: '乡村快递网点', category: 'logistics' });
    const first = read().itemIds[0];
    const category = read().record.items[0].category;
    editCells(db, ME, id, 'items', [{ rowId: first, field: 'name', value: '电商人才培训' }], []);
    expect(read().record.items[0].category).toBe(category);
  });

  it('renamed and given a category in one paste keeps the category pasted', () => {
    const [added] = editCells(db, ME, id, 'items', [], [{ target: '1个' }], 'paste');
    editCells(
      db,
      ME,
      id,
      'items',
      [
        { rowId: added, field: 'category', value: '宣传和规划' },
        { rowId: added, field: 'name', value: '乡村快递网点' },
      ],
      [],
    );
    expect(read().record.items.at(-1)!.category).toBe('promotion');
  });
});

describe('rows inserted and moved', () => {
  it('one row inserted names its place; several name how many', () => {
    insertRows(db, ME, id, 'disbursements', 2, 1);
    expect(history(db, ME).steps[0].detail).toMatchObject({ table: 'disbursements', row: 3 });
    insertRows(db, ME, id, 'disbursements', 0, 3);
    expect(history(db, ME).steps[0].detail).toMatchObject({ table: 'disbursements', rows: 3 });
    expect(history(db, ME).steps[0].detail).not.toHaveProperty('row');
    expect(read().record.disbursements.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(
      read()
        .record.disbursements.slice(0, 3)
        .map((d) => d.name),
    ).toEqual(['', '', '']);
  });

  it('moved past the end goes last, to 0 goes first; 序号 follows; each move one step naming the row it took', () => {
    const names = () => read().record.disbursements.map((d) => d.name);
    const before = names();
    moveRow(db, ME, id, 'disbursements', read().disbursementIds[0], 99);
    expect(names()).toEqual([...before.slice(1), before[0]]);
    expect(history(db, ME).steps[0].detail).toMatchObject({ row: 1 });
    moveRow(db, ME, id, 'disbursements', read().disbursementIds[5], 0);
    expect(names()).toEqual(before);
    expect(history(db, ME).steps[0].detail).toMatchObject({ row: 6 });
    expect(read().record.disbursements.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    moveRow(db, ME, id, 'disbursements', read().disbursementIds[3], 1);
    expect(names()).toEqual([before[0], before[3], before[1], before[2], before[4], before[5]]);
  });

  it('a row inserted at the top goes first, also once rows were moved to the front time and again', () => {
    const names = () => read().record.disbursements.map((d) => d.name);
    const before = names();
    for (let n = 0; n < 3; n++) moveRow(db, ME, id, 'disbursements', read().disbursementIds[5], 0);
    expect(names()).toEqual([...before.slice(3), ...before.slice(0, 3)]);
    insertRows(db, ME, id, 'disbursements', 0, 1);
    expect(names()).toEqual(['', ...before.slice(3), ...before.slice(0, 3)]);
    expect(read().record.disbursements.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('a county found by its name', () => {
  it('every batch of it, in the order of the batches', () => {
    createRecord(db, ME, { ...seedInput(), county: { ...seedInput().county, batch: 3 } });
    expect(findRecordIds(db, '樟樹市').map((r) => r.batch)).toEqual([3, 8]);
    expect(findRecordIds(db, '樟树市', 8)).toMatchObject([{ id, batch: 8 }]);
    expect(findRecordIds(db, '新余市')).toEqual([]);
  });
});
