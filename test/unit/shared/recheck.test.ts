// The checks while typing: only the rows an edit touches are checked again (with the facts and the
// totals), the store's findings for the rest kept. What the screen shows must be exactly what the
// whole record's checks give — for any edits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkParts, checkRecord, findingsOf, partsOf, recheck } from '../../../shared/checks';
import { computeRecord, type RecordInput } from '../../../shared/record';
import { emptyPerformance } from '../../../shared/performance';
import { parseCell, type FieldValue } from '../../../shared/fields';
import { CATEGORIES } from '../../../shared/text';
import { applyEdits, type RowEdit } from '../../../renderer/src/applyEdits';
import { touchedBy } from '../../../renderer/src/editQueue';
import { seedInput } from '../../helpers/fixtures';

/** The seed, with rows that carry findings of every kind a row can have: no name, a 序号 twice, 其他, over-disbursed, a stated rate that disagrees; a ledger and a 绩效自评. */
function input(): RecordInput {
  const seed = seedInput();
  seed.county.investment.localGov = null;
  seed.items.push({ ...seed.items[0], seq: 1, name: ' ', category: 'other', completionRate: '120' });
  seed.disbursements.push(
    { ...seed.disbursements[0], seq: 2, name: '', category: 'other', planned: '10', actual: '12', statedRate: '50' },
    { ...seed.disbursements[1], seq: 9, planned: null, actual: null },
  );
  seed.payments = [
    { line: 1, date: '2021-03-01', amount: '1', payee: '', voucher: 'A1', stage: '', note: '' },
    { line: 1, date: '2021-04-01', amount: '2', payee: 'x', voucher: 'A1', stage: '', note: '' },
  ];
  seed.performance = emptyPerformance();
  return seed;
}
const base = computeRecord(input());
const ids = { itemIds: base.items.map((_, i) => 100 + i), disbursementIds: base.disbursements.map((_, i) => 200 + i) };
const ROWS = { items: base.items.length, disbursements: base.disbursements.length };

const value = (table: 'items' | 'disbursements', field: string, raw: string): FieldValue => {
  const parsed = parseCell(table, field, raw);
  if (!parsed.ok) throw new Error(`${field} ${raw}`);
  return parsed.value;
};
const amount = fc.oneof(
  fc.constant(''),
  fc.nat(5000).map(String),
  fc.tuple(fc.nat(999), fc.nat(99)).map(([w, f]) => `${w}.${String(f).padStart(2, '0')}`),
);
const table = fc.constantFrom('items' as const, 'disbursements' as const);
const edit: fc.Arbitrary<RowEdit> = fc
  .oneof(
    fc.record({ table: fc.constant('disbursements' as const), field: fc.constantFrom('planned', 'actual'), raw: amount }),
    fc.record({
      table: fc.constant('disbursements' as const),
      field: fc.constant('statedRate'),
      raw: fc.oneof(
        fc.constant(''),
        fc.nat(12_000).map((n) => `${n / 100}%`),
      ),
    }),
    fc.record({ table, field: fc.constant('name'), raw: fc.constantFrom('物流', '', ' ', 'x') }),
    fc.record({ table, field: fc.constant('seq'), raw: fc.constantFrom('1', '2', '3', '9') }),
    fc.record({ table, field: fc.constant('category'), raw: fc.constantFrom(...CATEGORIES) }),
    fc.record({
      table: fc.constant('items' as const),
      field: fc.constant('completionRate'),
      raw: fc.oneof(fc.constant(''), fc.nat(200).map(String)),
    }),
  )
  .chain(({ table, field, raw }) =>
    fc.nat(ROWS[table] - 1).map((row) => ({
      table,
      rowId: (table === 'items' ? ids.itemIds : ids.disbursementIds)[row],
      field,
      // A name of spaces or none is not typed, but the store may hold one (an import): the check must still see it.
      value: field === 'name' ? raw : value(table, field, raw),
    })),
  );

describe('checking only what an edit touches', () => {
  it('the store’s findings, put into parts and back, are the findings, in their order', () => {
    const findings = checkRecord(base);
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['missing_name', 'duplicate_seq', 'uncategorised', 'missing_fact', 'over_disbursed', 'amount_missing']),
    );
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['stated_rate_mismatch', 'duplicate_voucher', 'payment_no_payee', 'completion_out_of_range']),
    );
    expect(findingsOf(partsOf(findings)!)).toEqual(findings);
    expect(partsOf(findings)).toEqual(checkParts(base));
  });

  it('equals the checks of the whole edited record, for any edits', () => {
    const parts = partsOf(checkRecord(base))!;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const edited = applyEdits(base, ids, edits);
        const touched = touchedBy(
          ids,
          edits.map((e) => ({ ...e, raw: '' })),
        );
        expect(findingsOf(recheck(parts, base, edited, touched))).toEqual(checkRecord(edited));
      }),
      { numRuns: 400 },
    );
  });

  it('checks the ledger and 四、绩效自评 again when they changed', () => {
    const parts = partsOf(checkRecord(base))!;
    const none = { items: new Set<number>(), disbursements: new Set<number>(), seq: { items: false, disbursements: false } };
    const paid = { ...base, payments: base.payments!.map((p) => ({ ...p, payee: 'y', voucher: '' })) };
    expect(findingsOf(recheck(parts, base, paid, none)).filter((f) => f.target?.table === 'payments')).toEqual([]);
    const accepted = { ...base, county: { ...base.county, acceptedOn: '2021-03' } };
    expect(findingsOf(recheck(parts, base, accepted, none))).toEqual(checkRecord(accepted));
  });

  it('a finding not of the record’s checks is not placed (the screen checks the record whole)', () => {
    expect(partsOf([{ severity: 'error', code: 'no_tables', params: {} }])).toBeNull();
  });
});
