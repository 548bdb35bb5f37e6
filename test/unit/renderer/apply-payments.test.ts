// The record on screen while payment edits and new payments are being written: it must be exactly
// what the store computes once they are in — for any edits, on any day, including a line whose
// last payment moves to another line (its 实际拨付额度 is what was typed under it again).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPayments, type AddedPayment, type PaymentEdit } from '../../../renderer/src/applyEdits';
import { computeRecord } from '../../../shared/record';
import type { Payment } from '../../../shared/ledger';
import { seedInput } from '../../helpers/fixtures';

/** The seed with line 1 typed as 600 and paid in two tranches, line 2 in one. */
function stored(asOf?: string) {
  const input = seedInput();
  input.disbursements[0] = { ...input.disbursements[0], actual: '600' };
  input.payments = [
    { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: 'A1', stage: '签订协议', note: '' },
    { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: 'A2', stage: '', note: '' },
    { line: 2, date: '2022-03-15', amount: '100', payee: '', voucher: '', stage: '', note: '' },
  ];
  const typedActuals = input.disbursements.map((d) => d.actual);
  return { input, typedActuals, record: computeRecord(input, { asOf }), ids: [11, 12, 13] };
}

/** The slow way: change the input's payments and compute everything, as the store does after a write. */
function recompute(asOf: string | undefined, changes: { edits: PaymentEdit[]; append: AddedPayment[] }[]) {
  const { input, ids } = stored(asOf);
  const list = input.payments!.map((p, i) => ({ id: ids[i], payment: { ...p } as Record<string, unknown> }));
  for (const c of changes) {
    for (const e of c.edits) {
      const row = list.find((p) => p.id === e.rowId);
      if (row) row.payment[e.field] = e.value;
    }
    for (const a of c.append) list.push({ id: a.key, payment: { ...a.payment } });
  }
  input.payments = list.map((p) => p.payment as Payment);
  if (!input.payments.length) delete input.payments;
  return computeRecord(input, { asOf });
}

const day = fc.constantFrom('2021-11-30', '2021-12-01', '2022-03-15', '2022-06-29', '2022-06-30', '2023-01-01');
const amount = fc.oneof(
  fc.nat(99_999).map((n) => String(n + 1)),
  fc.tuple(fc.nat(999), fc.integer({ min: 1, max: 999_999 })).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`.replace(/0+$/, '')),
);
const edit = fc.oneof(
  fc.record({ rowId: fc.constantFrom(11, 12, 13, -1), field: fc.constant('line'), value: fc.constantFrom(1, 2, 3) }),
  fc.record({ rowId: fc.constantFrom(11, 12, 13, -1), field: fc.constant('date'), value: day }),
  fc.record({ rowId: fc.constantFrom(11, 12, 13, -1), field: fc.constant('amount'), value: amount }),
  fc.record({ rowId: fc.constantFrom(11, 12, 13, -1), field: fc.constant('payee'), value: fc.constantFrom('', '收款单位') }),
);
const added = fc
  .record({ line: fc.constantFrom(1, 2, 4), date: day, amount })
  .map((p): AddedPayment => ({ key: -1, payment: { ...p, payee: '', voucher: '', stage: '', note: '' } }));
const change = fc.record({
  edits: fc.array(edit, { maxLength: 3 }),
  append: fc.oneof(
    fc.constant([] as AddedPayment[]),
    added.map((a) => [a]),
  ),
});

describe('applyPayments', () => {
  it("equals the store's figures after the write, for any edits and new payments, as of any day", () => {
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.array(change, { maxLength: 4 }), (asOf, changes) => {
        const { record, ids, typedActuals } = stored(asOf);
        const shown = applyPayments(record, ids, typedActuals, changes, asOf);
        expect(shown.record).toEqual(recompute(asOf, changes));
      }),
      { numRuns: 300 },
    );
  });

  it('a line whose payments all moved away shows what was typed under it again (600, not the 640.21 paid)', () => {
    const { record, ids, typedActuals } = stored('2022-07-01');
    const moved = applyPayments(record, ids, typedActuals, [
      {
        edits: [
          { rowId: 11, field: 'line', value: 3 },
          { rowId: 12, field: 'line', value: 3 },
        ],
        append: [],
      },
    ]);
    expect(moved.record.disbursements[0]).toMatchObject({ actual: '600', rate: '77.42' });
    expect(moved.record.disbursements[2].actual).toBe('640.21');
  });

  it("keeps the payments' ids (a new one its key) in the record's order: by line, then day", () => {
    const { record, ids, typedActuals } = stored();
    const next = applyPayments(record, ids, typedActuals, [
      {
        edits: [{ rowId: 13, field: 'line', value: 1 }],
        append: [{ key: -4, payment: { line: 1, date: '2022-01-10', amount: '5', payee: '', voucher: '', stage: '', note: '' } }],
      },
    ]);
    expect(next.paymentIds).toEqual([11, -4, 13, 12]);
    expect(next.record.payments!.map((p) => p.date)).toEqual(['2021-12-01', '2022-01-10', '2022-03-15', '2022-06-30']);
  });
});
