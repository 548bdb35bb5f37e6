// What an edit, a paste and a row operation do in the ledger (renderer/src/ledger/session.ts) without
// a browser: stored payments' cells go to the store, new payments are typed into; a pasted block's
// rows past the end are new payments; inserting adds new payments, deleting drops new ones and asks
// the store only for the stored ones.
import { describe, expect, it } from 'vitest';
import { computeRecord } from '../../../shared/record';
import type { CellEdit } from '../../../renderer/src/editQueue';
import { begunDrafts, lineFocus, pasteIntoLedger, rowsOfLedger, splitEdits } from '../../../renderer/src/ledger/session';
import { seedInput } from '../../helpers/fixtures';

// The seed's table 三 has lines 1 to 6.
const record = computeRecord(seedInput(), {});
const keys = (start: number) => {
  let k = start;
  return () => --k;
};
const edit = (rowId: number, field: string, raw: string): CellEdit => ({ table: 'payments', rowId, field, raw, value: raw });

describe('edits of the ledger', () => {
  it("a stored payment's go to the store; a new payment's are typed into it", () => {
    const drafts = [{ key: -1, raw: {} }];
    const split = splitEdits([edit(10, 'payee', '甲公司'), edit(-1, 'date', '2021-12-01'), edit(20, 'note', '')], drafts);
    expect(split.stored.map((e) => e.rowId)).toEqual([10, 20]);
    expect(split.typed).toEqual([{ key: -1, field: 'date', raw: '2021-12-01' }]);
  });
});

describe('a block pasted into the ledger', () => {
  it("stored payments' cells that read go to the store as read; a cell that does not read is left out", () => {
    const pasted = pasteIntoLedger(
      record,
      [],
      [
        { rowId: 10, field: 'amount', value: '1,234.5' },
        { rowId: 10, field: 'line', value: '9' },
        { rowId: 20, field: 'line', value: '３' },
      ],
      [],
      keys(-100),
    );
    expect(pasted.stored).toEqual([
      { table: 'payments', rowId: 10, field: 'amount', raw: '1,234.5', value: '1234.5' },
      { table: 'payments', rowId: 20, field: 'line', raw: '３', value: 3 },
    ]);
    expect(pasted.typed).toEqual([]);
    expect(pasted.drafts).toEqual([]);
  });
  it('rows past the end become new payments, each with a new key, their values typed into them; cells of new payments are typed too', () => {
    const pasted = pasteIntoLedger(
      record,
      [{ key: -1, raw: { line: '1' } }],
      [{ rowId: -1, field: 'amount', value: '5' }],
      [{ line: '2', date: '2021-12-01' }, { payee: '乙公司' }],
      keys(-100),
    );
    expect(pasted.stored).toEqual([]);
    expect(pasted.drafts).toEqual([
      { key: -1, raw: { line: '1' } },
      { key: -101, raw: {} },
      { key: -102, raw: {} },
    ]);
    expect(pasted.typed).toEqual([
      { key: -1, field: 'amount', raw: '5' },
      { key: -101, field: 'line', raw: '2' },
      { key: -101, field: 'date', raw: '2021-12-01' },
      { key: -102, field: 'payee', raw: '乙公司' },
    ]);
  });
});

describe('row operations in the ledger', () => {
  it('inserting adds as many empty new payments', () => {
    const next = rowsOfLedger([{ key: -1, raw: {} }], { kind: 'insert', index: 0, count: 2 }, keys(-10));
    expect(next).toEqual({
      drafts: [
        { key: -1, raw: {} },
        { key: -11, raw: {} },
        { key: -12, raw: {} },
      ],
      deleteStored: [],
    });
  });
  it('deleting drops the new payments and leaves only the stored ones to the store', () => {
    const drafts = [
      { key: -1, raw: { line: '1' } },
      { key: -2, raw: {} },
    ];
    expect(rowsOfLedger(drafts, { kind: 'delete', rowIds: [10, -2, 30] }, keys(-10))).toEqual({
      drafts: [{ key: -1, raw: { line: '1' } }],
      deleteStored: [10, 30],
    });
  });
  it('moving a row is not done in the ledger (it orders its rows itself)', () => {
    expect(rowsOfLedger([], { kind: 'move', rowId: 10, toIndex: 0 }, keys(-10))).toBeNull();
  });
});

describe('new payments begun', () => {
  it('count those with something typed; one emptied again does not count', () => {
    expect(
      begunDrafts([
        { key: -1, raw: {} },
        { key: -2, raw: { note: '' } },
        { key: -3, raw: { payee: '甲' } },
      ]),
    ).toBe(1);
  });
});

describe('focusing a line', () => {
  it("goes to its first payment's amount, or to the 序号 of the last row when it has none", () => {
    const rows = [{ line: 1 }, { line: 3 }, { line: 3 }, { line: null }];
    expect(lineFocus(rows, 3)).toEqual({ row: 1, field: 'amount' });
    expect(lineFocus(rows, 2)).toEqual({ row: 3, field: 'line' });
  });
});
