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
export function groupTotals<R extends Totalled>(records: R[], keyOf: (r: R) => string, order: (a: string, b: string) => number = (a, b) => a.localeCompare(b)): Subtotal[] {
  const groups = new Map<string, R[]>();
  for (const r of records) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return [...groups.keys()].sort(order).map((key) => subtotal(key, groups.get(key)!));
}
