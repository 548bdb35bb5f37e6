// The ledger's edit session (renderer/src/ledger/session.ts) without a browser: the payment being
// worked on keeps its place until the selection leaves it; new payments are stored once they have a
// line, a day and an amount; findings follow the rows as shown.
import { describe, expect, it } from 'vitest';
import { computeRecord } from '../../../shared/record';
import type { Finding } from '../../../shared/findings';
import { findingsAsShown, shownOrder, typeInto } from '../../../renderer/src/ledger/session';
import { seedInput } from '../../helpers/fixtures';

describe("the order of the ledger's rows", () => {
  it('the payment being worked on stays where it was shown while its day or line would move it; then takes its place', () => {
    // Payment 30 was third; its new day sorts it first.
    const sorted = [30, 10, 20];
    const held = shownOrder(sorted, 30, null, [10, 20, 30]);
    expect(held).toEqual({ order: [10, 20, 30], held: { key: 30, index: 2 } });
    // Still worked on, after another change: held at the same place.
    expect(shownOrder([30, 10, 20, -1], 30, held.held, [10, 20, 30]).order).toEqual([10, 20, 30, -1]);
    // Held at its place even when fewer rows had put it higher for a while (a row deleted, then undone).
    expect(shownOrder([30, 10, 20], 30, { key: 30, index: 2 }, [10, 30]).order).toEqual([10, 20, 30]);
    // The grid let go of it: by line and day.
    expect(shownOrder(sorted, null, held.held, [10, 20, 30])).toEqual({ order: [30, 10, 20], held: null });
    // A payment whose place does not change is not held.
    expect(shownOrder([10, 20, 30], 20, null, [10, 20, 30])).toEqual({ order: [10, 20, 30], held: null });
  });
});

describe('new payments', () => {
  const record = computeRecord(seedInput(), {});
  it('are stored once they have a line, a day and an amount; until then they are kept as typed', () => {
    const drafts = [
      { key: -1, raw: { line: '1' } },
      { key: -2, raw: {} },
    ];
    const first = typeInto(record, drafts, [
      { key: -1, field: 'date', raw: '2021-12-01' },
      { key: -2, field: 'amount', raw: 5 },
    ]);
    expect(first.complete).toEqual([]);
    expect(first.drafts).toEqual([
      { key: -1, raw: { line: '1', date: '2021-12-01' } },
      { key: -2, raw: { amount: '5' } },
    ]);
    const second = typeInto(record, first.drafts, [{ key: -1, field: 'amount', raw: '300' }]);
    expect(second.complete).toEqual([{ key: -1, raw: { line: '1', date: '2021-12-01', amount: '300' } }]);
    expect(second.drafts.map((d) => d.key)).toEqual([-2]);
  });

  it('a payment complete before this typing is not stored again by it; a cleared value is kept as empty text', () => {
    const complete = { key: -3, raw: { line: '1', date: '2021-12-01', amount: '300' } };
    expect(typeInto(record, [complete], [{ key: -4, field: 'note', raw: 'x' }]).complete).toEqual([]);
    expect(typeInto(record, [{ key: -5, raw: { line: '1' } }], [{ key: -5, field: 'line', raw: null }]).drafts).toEqual([
      { key: -5, raw: { line: '' } },
    ]);
  });
});

describe('findings', () => {
  it('on a payment point at its row as shown; others as they are', () => {
    const on = (row: number): Finding => ({
      severity: 'warning',
      code: 'duplicate_voucher',
      params: {},
      target: { table: 'payments', row, field: 'voucher' },
    });
    const other: Finding = { severity: 'warning', code: 'over_disbursed', params: {}, target: { table: 'disbursements', row: 0 } };
    expect(findingsAsShown([on(0), on(2), other], [10, 20, 30], [30, 10, 20]).map((f) => f.target?.row)).toEqual([1, 0, 0]);
  });
});
