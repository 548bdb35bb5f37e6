// Subtotals over records (the overview, `yanshou summary`, the 汇总 sheet): exact sums of 万元, and
// rates half up from the sums — never an average of rates.
import { fenOfDecimal, formatWan, rate, sumFen } from './money';

export type GroupBy = 'province' | 'batch' | 'year';
export type Totalled = { planned: string; actual: string };
export type Subtotal = { key: string; records: number; planned: string; actual: string; rate: string | null };

const fenOf = (money: string): bigint => {
  const value = fenOfDecimal(money);
  if (value === null) throw new Error(`not a money string: ${money}`);
  return value;
};

/** Σ计划, Σ实际 and the rate of the sums, over some records. */
export function subtotal<R extends Totalled>(key: string, records: R[]): Subtotal {
  const planned = sumFen(records.map((r) => fenOf(r.planned)));
  const actual = sumFen(records.map((r) => fenOf(r.actual)));
  return { key, records: records.length, planned: formatWan(planned), actual: formatWan(actual), rate: rate(actual, planned) };
}

/** Records grouped by `keyOf`, in the order `order` gives the keys, each group subtotalled. */
export function groupTotals<R extends Totalled>(
  records: R[],
  keyOf: (r: R) => string,
  order: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): Subtotal[] {
  const groups = new Map<string, R[]>();
  for (const r of records) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return [...groups.keys()].sort(order).map((key) => subtotal(key, groups.get(key)!));
}

/**
 * The mean 绩效自评 总分 of the records that keep one, half up to 2 decimals (exact: the sum of the
 * totals in hundredths over the count); null when none does.
 */
export function meanScore(records: readonly { performance?: { total: string | null } }[]): { mean: string | null; scored: number } {
  const totals = records.flatMap((r) => (r.performance?.total ? [r.performance.total] : []));
  if (totals.length === 0) return { mean: null, scored: 0 };
  const hundredths = totals.reduce((sum, t) => {
    const [a, b = ''] = t.split('.');
    return sum + BigInt(a) * 100n + BigInt((b + '00').slice(0, 2));
  }, 0n);
  const n = BigInt(totals.length);
  const mean = (2n * hundredths + n) / (2n * n);
  return { mean: `${mean / 100n}.${String(mean % 100n).padStart(2, '0')}`, scored: totals.length };
}
