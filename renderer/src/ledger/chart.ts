// What the ledger's chart draws: the payments adding up over time (all the lines with payments, and
// each of them when there are several) against what those lines were planned, with the as-of day
// and the acceptance day marked. Amounts stay exact decimal strings for every label; only the
// height of a point on screen is a float.
import { formatWan } from '../../../shared/money';
import { fen, type CountyRecord } from '../../../shared/record';
import { lastDayOf } from '../../../shared/ledger';

/** A point of a running total: the day, the total after that day's payments (exact, and as a height). */
export type ChartPoint = { date: string; total: string; height: number };
export type ChartSeries = { name: string; points: ChartPoint[] };
export type ChartData = {
  /** All lines with payments together, then each line (when there are several). */
  total: ChartSeries;
  lines: ChartSeries[];
  /** Σ 计划安排额度 of the lines with payments. */
  planned: string;
  plannedHeight: number;
  asOf: string | null;
  accepted: string | null;
};

const height = (value: bigint) => Number(value) / 1_000_000;

/** Running totals by day: several payments on one day are one step. */
function steps(payments: { date: string; amount: string }[], end: string | null): ChartPoint[] {
  const byDay = new Map<string, bigint>();
  for (const p of [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)))
    byDay.set(p.date, (byDay.get(p.date) ?? 0n) + fen(p.amount));
  const points: ChartPoint[] = [];
  let sum = 0n;
  for (const [date, amount] of byDay) {
    if (points.length === 0) points.push({ date, total: '0', height: 0 });
    sum += amount;
    points.push({ date, total: formatWan(sum), height: height(sum) });
  }
  // The line runs on to the last day marked, level.
  const last = points[points.length - 1];
  if (last && end && end > last.date) points.push({ ...last, date: end });
  return points;
}

export function chartData(record: CountyRecord, allName: string): ChartData {
  const payments = record.payments ?? [];
  const accepted = record.county.acceptedOn ? lastDayOf(record.county.acceptedOn) : null;
  const asOf = record.asOf ?? null;
  // Every line runs on to the same last day: the day marked last, or the last payment.
  const end =
    [asOf, accepted, ...payments.map((p) => p.date)]
      .filter((d): d is string => !!d)
      .sort()
      .pop() ?? null;
  const seqs = [...new Set(payments.map((p) => p.line))];
  const lines = record.disbursements.filter((d) => seqs.includes(d.seq));
  const planned = lines.reduce((s, d) => s + (d.planned === null ? 0n : fen(d.planned)), 0n);
  return {
    total: { name: allName, points: steps(payments, end) },
    lines:
      lines.length > 1
        ? lines.map((d) => ({
            name: `${d.seq} ${d.name}`,
            points: steps(
              payments.filter((p) => p.line === d.seq),
              end,
            ),
          }))
        : [],
    planned: formatWan(planned),
    plannedHeight: height(planned),
    asOf,
    accepted,
  };
}
