// The overview's rows as plain data, with no React: a shared overview row (shared/overview.ts) as the
// grid holds it, with its labels in the app's language; the choices the filters offer; how the
// columns compare; and the order of the rows after a sort (counties move only within their group).
// Overview.tsx and OverviewGrid.tsx call these; test/unit/renderer/overview-rows.test.ts tests them.
import type { Grade } from '../../../shared/performance';
import { compareScores } from '../../../shared/performance-rules';
import { compareDecimals, fenOfDecimal } from '../../../shared/money';
import { STATUSES, statusDay, type ReviewStatus } from '../../../shared/status';
import { typedFigures, type OverviewRow } from '../../../shared/overview';
import type { RecordSummary } from '../Sidebar';
import type { Strings } from '../strings';
import { pushAll } from '../../../shared/arrays';

/** A row as the grid holds it: the county's figures, or a group's sums with its label. */
export type GridRow = {
  key: string;
  kind: OverviewRow['kind'];
  id?: number;
  label?: string;
  level?: 'province' | 'batch';
  province: string | null;
  prefecture: string | null;
  county: string;
  /** A basic fact is not given. */
  incomplete?: boolean;
  batch: number | null;
  year: number | null;
  items: number;
  planned: string;
  actual: string;
  rate: string | null;
  warnings: number;
  status: ReviewStatus | null;
  statusBy: string | null;
  /** The day the status was set, as its person saw it. */
  statusDay: string | null;
  updatedAt: string | null;
  /** The as-of day, when this county's 实际拨付额度 is its typed total (no ledger), not a figure of that day. */
  typed?: string;
  /** 四、绩效自评's 总分 and 等级 (counties that keep one). */
  score?: string | null;
  grade?: string | null;
};

export const GRADES: Grade[] = ['优', '良', '中', '差'];

function countyRow(row: Extract<OverviewRow, { kind: 'county' }>, asOf: string | undefined): GridRow {
  const r = row.record;
  return {
    key: row.key,
    kind: 'county',
    id: r.id,
    province: r.province,
    prefecture: r.prefecture,
    county: r.county,
    incomplete: r.incomplete,
    batch: r.batch,
    year: r.year,
    items: r.items,
    planned: r.planned,
    actual: r.actual,
    rate: r.rate,
    warnings: r.warnings + r.errors,
    status: r.status.status,
    statusBy: r.status.by,
    statusDay: statusDay(r.status) || null,
    updatedAt: r.updatedAt,
    ...(typedFigures(r, asOf) ? { typed: asOf } : {}),
    score: r.performance?.total ?? null,
    grade: r.performance?.grade ?? null,
  };
}

/** A group's label: 合计 (N 县), or its province and batch (as of a day: how many are of that day). */
function groupLabel(row: Exclude<OverviewRow, { kind: 'county' }>, t: Strings, asOf: string | undefined): string {
  const s = row.sum;
  const plain =
    row.kind === 'total'
      ? t.grandTotal(s.records)
      : t.subtotal(
          [row.province !== undefined ? row.province || t.noProvince : null, row.level === 'batch' ? t.batchLabel(row.batch!) : null]
            .filter(Boolean)
            .join(' '),
          s.records,
        );
  // As of a day: how many of the group's counties have figures of that day (the others, typed totals).
  return asOf ? t.datedOf(plain, s.dated) : plain;
}

/** A row of the shared overview as the grid holds it, its labels in the app's language. */
export function gridRow(row: OverviewRow, t: Strings, asOf: string | undefined): GridRow {
  if (row.kind === 'county') return countyRow(row, asOf);
  const s = row.sum;
  return {
    key: row.key,
    kind: row.kind,
    label: groupLabel(row, t, asOf),
    ...(row.kind === 'subtotal' ? { level: row.level } : {}),
    province: null,
    prefecture: null,
    county: '',
    batch: null,
    year: null,
    items: s.items,
    planned: s.planned,
    actual: s.actual,
    rate: s.rate,
    warnings: s.warnings,
    status: null,
    statusBy: null,
    statusDay: null,
    updatedAt: null,
  };
}

/** What the filters offer: the provinces in the list's (pinyin) order, batches and years in number order. */
export function choicesOf(records: readonly RecordSummary[]) {
  return {
    provinces: [...new Set(records.map((r) => r.province ?? ''))],
    batches: [...new Set(records.map((r) => r.batch))].sort((a, b) => a - b),
    years: [...new Set(records.map((r) => r.year))].sort((a, b) => a - b),
  };
}

/** Amounts compare exactly (in 分); none counts as 0. */
export const compareMoney = (a: string | null, b: string | null): number => {
  const d = (fenOfDecimal(a ?? '0') ?? 0n) - (fenOfDecimal(b ?? '0') ?? 0n);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};
/** No score sorts before every score. */
export const compareScoreText = (a: string | null | undefined, b: string | null | undefined): number =>
  a == null ? (b == null ? 0 : -1) : b == null ? 1 : (compareScores(a, b) ?? 0);
/** No rate (nothing planned) sorts after every rate, both ways up. */
export const compareRate = (a: string | null, b: string | null, _x?: unknown, _y?: unknown, descending?: boolean): number =>
  a === null || b === null ? (a === b ? 0 : (a === null ? 1 : -1) * (descending ? -1 : 1)) : (compareDecimals(a, b) ?? 0);
/** Statuses in their order (草稿 → 已验收); none first. */
export const compareStatus = (a: ReviewStatus | null, b: ReviewStatus | null): number =>
  (a === null ? -1 : STATUSES.indexOf(a)) - (b === null ? -1 : STATUSES.indexOf(b));

/**
 * The rows in their groups after a sort: `sorted` is the grid's order; the groups keep the order of
 * `structure` (the rows as given), each subtotal stays under its group, and the counties between two
 * subtotals take the sorted order among themselves. Rows not in `sorted` (filtered out) are left out.
 */
export function withinGroups<R>(structure: readonly { key: string; kind: string }[], sorted: readonly R[], keyOf: (r: R) => string): R[] {
  const at = new Map(sorted.map((r, i) => [keyOf(r), i]));
  const byKey = new Map(sorted.map((r) => [keyOf(r), r]));
  const out: R[] = [];
  let run: R[] = [];
  const flush = () => {
    run.sort((a, b) => at.get(keyOf(a))! - at.get(keyOf(b))!);
    pushAll(out, run);
    run = [];
  };
  for (const row of structure) {
    const node = byKey.get(row.key);
    if (node === undefined) continue;
    if (row.kind === 'county') run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}
