// The checks of record.md over a canonical record.
import { fen, type CountyRecord } from './record';
import { formatWan, percentOutside, statedRateAgrees, sumFen } from './money';
import { finding, type Finding } from './findings';
import { lastDayOf } from './ledger';
import { checkPerformance } from './performance';
import { pushAll } from './arrays';

/** The basic facts a record may lack (a warning each); name, batch and year key it and cannot be missing. */
export const MISSABLE_FACTS = [
  'investment.total',
  'investment.central',
  'investment.localGov',
  'investment.social',
  'centralArrangedUse',
] as const;
type MissableFact = (typeof MISSABLE_FACTS)[number];
const countyMoney = (county: CountyRecord['county'], field: MissableFact): string | null =>
  field === 'centralArrangedUse'
    ? county.centralArrangedUse
    : county.investment[field.slice('investment.'.length) as keyof CountyRecord['county']['investment']];

/** Whether a record lacks a basic fact (shown as incomplete in the sidebar, the overview and the checks). */
export const isIncomplete = (record: CountyRecord): boolean => MISSABLE_FACTS.some((f) => countyMoney(record.county, f) === null);

export function checkRecord(record: CountyRecord, options: { rateLine?: string } = {}): Finding[] {
  const out: Finding[] = [];
  const { county, items, disbursements, totals } = record;
  const inv = county.investment;

  for (const [table, rows] of [
    ['items', items],
    ['disbursements', disbursements],
  ] as const) {
    const seen = new Map<number, number>();
    rows.forEach((row, index) => {
      if (!row.name.trim()) out.push(finding('missing_name', { seq: String(row.seq) }, { table, row: index, field: 'name' }));
      if (seen.has(row.seq)) out.push(finding('duplicate_seq', { seq: String(row.seq) }, { table, row: index, field: 'seq' }));
      else seen.set(row.seq, index);
      if (row.category === 'other') out.push(finding('uncategorised', { name: row.name }, { table, row: index, field: 'category' }));
    });
  }

  // A basic fact not given: the record is incomplete until a person completes it.
  for (const field of MISSABLE_FACTS)
    if (countyMoney(county, field) === null) out.push(finding('missing_fact', { field: `county.${field}` }, { table: 'county', field }));

  if (inv.total !== null && inv.central !== null && inv.localGov !== null && inv.social !== null) {
    const parts = sumFen([inv.central, inv.localGov, inv.social].map(fen));
    if (fen(inv.total) !== parts)
      out.push(finding('investment_sum', { total: inv.total, sum: formatWan(parts) }, { table: 'county', field: 'investment.total' }));
  }

  const planned = fen(totals.planned);
  const actual = fen(totals.actual);
  const central = inv.central === null ? null : fen(inv.central);
  const arranged = county.centralArrangedUse === null ? null : fen(county.centralArrangedUse);
  if (central !== null && disbursements.length > 0 && planned !== central)
    out.push(finding('planned_vs_central', { planned: totals.planned, central: inv.central! }, { table: 'totals', field: 'planned' }));
  if (arranged !== null && central !== null && arranged > central)
    out.push(
      finding(
        'arranged_over_central',
        { arranged: county.centralArrangedUse!, central: inv.central! },
        { table: 'county', field: 'centralArrangedUse' },
      ),
    );
  if (arranged !== null && actual > arranged)
    out.push(
      finding(
        'disbursed_over_arranged',
        { actual: totals.actual, arranged: county.centralArrangedUse! },
        { table: 'totals', field: 'actual' },
      ),
    );

  disbursements.forEach((d, index) => {
    for (const field of ['planned', 'actual'] as const)
      if (d[field] === null)
        out.push(finding('amount_missing', { name: d.name, seq: String(d.seq), field }, { table: 'disbursements', row: index, field }));
    if (d.planned === null || d.actual === null) return;
    if (fen(d.actual) > fen(d.planned))
      out.push(
        finding(
          'over_disbursed',
          { name: d.name, actual: d.actual, planned: d.planned },
          { table: 'disbursements', row: index, field: 'actual' },
        ),
      );
    if (d.statedRate !== undefined && !statedRateAgrees(d.statedRate, fen(d.actual), fen(d.planned)))
      out.push(
        finding(
          'stated_rate_mismatch',
          { name: d.name, stated: d.statedRate, computed: d.rate ?? '—' },
          { table: 'disbursements', row: index, field: 'statedRate' },
        ),
      );
  });
  if (totals.statedRate !== undefined && !statedRateAgrees(totals.statedRate, actual, planned))
    out.push(
      finding(
        'stated_rate_mismatch',
        { name: '合计', stated: totals.statedRate, computed: totals.rate ?? '—' },
        { table: 'totals', field: 'statedRate' },
      ),
    );

  // The ledger: payments after the acceptance day, a voucher used twice, a payment without payee.
  const accepted = county.acceptedOn ? lastDayOf(county.acceptedOn) : null;
  const vouchers = new Map<string, number>();
  (record.payments ?? []).forEach((p, index) => {
    const target = (field: string) => ({ table: 'payments' as const, row: index, field });
    const line = String(p.line);
    if (accepted && p.date > accepted) out.push(finding('payment_after_acceptance', { line, date: p.date, accepted }, target('date')));
    const voucher = p.voucher.trim();
    if (voucher) {
      if (vouchers.has(voucher))
        out.push(finding('duplicate_voucher', { line, voucher, other: String(vouchers.get(voucher)! + 1) }, target('voucher')));
      else vouchers.set(voucher, index);
    }
    if (!p.payee.trim()) out.push(finding('payment_no_payee', { line, date: p.date, amount: p.amount }, target('payee')));
  });

  items.forEach((item, index) => {
    if (item.completionRate !== null && percentOutside(item.completionRate, 0, 100))
      out.push(
        finding(
          'completion_out_of_range',
          { name: item.name, value: item.completionRate },
          { table: 'items', row: index, field: 'completionRate' },
        ),
      );
  });
  if (record.performance) pushAll(out, checkPerformance(record.performance, options));
  return out;
}
