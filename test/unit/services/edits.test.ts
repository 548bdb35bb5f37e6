import { describe, expect, it } from 'vitest';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { deleteRows, editCells, insertRows, moveRow, updateCounty } from '../../../electron/services/store/edits';
import { undo, redo } from '../../helpers/store';
import { referenceFixture, seedInput, ME } from '../../helpers/fixtures';
import { AppError } from '../../../shared/errors';
import { newStore } from '../../helpers/backend';

/** The Chinese message a refused edit gives the user. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.messages.zh;
    throw e;
  }
  throw new Error('not refused');
}

const setup = () => {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  return { db, id, ids: readRecord(db, id, { asOf: undefined }).disbursementIds };
};

describe('edits through the change log', () => {
  it('a paste of cells plus appended rows is one undo step', () => {
    const { db, id, ids } = setup();
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [
        { rowId: ids[0], field: 'actual', value: '700' },
        { rowId: ids[1], field: 'planned', value: '1,000' },
      ],
      [{ name: '新增项目', planned: '10', actual: '5' }],
      'paste',
    );
    const after = readRecord(db, id, { asOf: undefined }).record;
    expect(after.totals.actual).toBe('1300.75');
    expect(after.disbursements).toHaveLength(7);
    expect(after.disbursements[6]).toMatchObject({ seq: 7, name: '新增项目', rate: '50.00', category: 'other' });
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    redo(db);
    expect(readRecord(db, id, { asOf: undefined }).record.totals.actual).toBe('1300.75');
  });

  it('refuses the whole step when one cell is invalid, or 序号 would repeat', () => {
    const { db, id, ids } = setup();
    expect(
      refusal(() =>
        editCells(
          db,
          ME,
          id,
          'disbursements',
          [
            { rowId: ids[0], field: 'actual', value: '700' },
            { rowId: ids[1], field: 'planned', value: 'abc' },
          ],
          [],
        ),
      ),
    ).toBe('第 2 行 计划安排额度(万元):计划安排额度(万元)“abc”不是数字');
    expect(refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId: ids[0], field: 'seq', value: '2' }], []))).toContain(
      '序号 2 在同一表中重复',
    );
    expect(refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId: ids[0], field: 'rate', value: '50' }], []))).toContain(
      '由程序计算',
    );
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('inserting, deleting and moving rows keep a 1..n 序号 in order, each one step', () => {
    const { db, id, ids } = setup();
    insertRows(db, ME, id, 'disbursements', 1, 1);
    let r = readRecord(db, id, { asOf: undefined }).record;
    expect(r.disbursements.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.disbursements[1].name).toBe('');
    // A line just added holds no amounts: "not entered", never a disbursement of 0 nobody typed.
    expect([r.disbursements[1].planned, r.disbursements[1].actual]).toEqual([null, null]);
    moveRow(db, ME, id, 'disbursements', ids[5], 0);
    r = readRecord(db, id, { asOf: undefined }).record;
    expect(r.disbursements[0].name).toBe('农村电商宣传和规划');
    expect(r.disbursements.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    deleteRows(db, ME, id, 'disbursements', [ids[0], ids[1]]);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements).toHaveLength(5);
    undo(db);
    undo(db);
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('county facts: exact money, a rename that would collide is refused', () => {
    const { db, id } = setup();
    updateCounty(db, ME, id, 'centralArrangedUse', '1,332.780000');
    updateCounty(db, ME, id, 'batch', '第九批');
    expect(readRecord(db, id, { asOf: undefined }).record.county).toMatchObject({ batch: 9, centralArrangedUse: '1332.78' });
    createRecord(db, ME, { ...seedInput(), county: { ...seedInput().county, name: '南丰县' } });
    const other = readRecord(db, 2, { asOf: undefined }).record;
    expect(other.county.name).toBe('南丰县');
    expect(() => updateCounty(db, ME, 2, 'batch', '9')).not.toThrow();
    expect(refusal(() => updateCounty(db, ME, 2, 'name', '樟樹市'))).toBe('樟樹市 第9批 已有记录');
    expect(refusal(() => updateCounty(db, ME, id, 'investment.total', '-1'))).toBe('项目总投资不能为负数:-1');
  });
});

describe('a paste is all or nothing in the store', () => {
  it('one bad cell in an appended row refuses the whole paste, naming its row: the edited cells and the other new rows are not written', () => {
    const { db, id, ids } = setup();
    const message = refusal(() =>
      editCells(
        db,
        ME,
        id,
        'disbursements',
        [{ rowId: ids[0], field: 'actual', value: '700' }],
        [
          { name: '新增一', planned: '10' },
          { name: '新增二', planned: '十万' },
          { name: '新增三', planned: '5' },
        ],
        'paste',
      ),
    );
    // The seed has 6 lines: the second appended row is line 8.
    expect(message).toContain('第 8 行 计划安排额度(万元)');
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });
});

describe('the one mutation path names only columns the store has', () => {
  it('a write to a column that does not exist is refused before any SQL is made of it, and nothing changes', async () => {
    const { mutate } = await import('../../../electron/services/store/changelog');
    const { db, id, ids } = setup();
    const evil = 'name = 1; DROP TABLE records; --';
    expect(() =>
      mutate(db, ME, { action: 'edit', recordId: id }, (changes) => changes.update('disbursements', ids[0], { [evil]: 'x' })),
    ).toThrow(`unknown column disbursements.${evil}`);
    expect(() =>
      mutate(db, ME, { action: 'edit', recordId: id }, (changes) => changes.insert('disbursements', { record_id: id, [evil]: 'x' })),
    ).toThrow(`unknown column disbursements.${evil}`);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });
});
