// The overview (总览): every record's figures side by side, filtered, grouped by province and/or
// batch with a subtotal row after each group and a grand total — exact sums of 万元, rates half up
// from the sums (summary.ts), never an average of rates. The app's table, its print and PDF and the
// 汇总 workbook are all made from the rows this module gives, so they cannot disagree.
import { compareDecimals } from './money';
import { STATUSES, type ReviewStatus, type StatusInfo } from './status';
import { subtotal, type Subtotal } from './summary';
import type { Category } from './text';

/** What the overview knows of a record (the contract's listRecords summary). */
export type OverviewRecord = {
  id: number;
  county: string;
  province: string | null;
  prefecture: string | null;
  batch: number;
  year: number;
  planned: string;
  actual: string;
  rate: string | null;
  warnings: number;
  errors: number;
  /** A basic fact is not given. */
  incomplete?: boolean;
  items: number;
  status: StatusInfo;
  updatedAt: string | null;
  categories: { category: Category; planned: string; actual: string }[];
  asOf?: string;
  /** 四、绩效自评's 总分 and 等级, when the record keeps one. */
  performance?: { total: string | null; grade: '优' | '良' | '中' | '差' | null };
};

export const GROUPINGS = ['province', 'batch', 'province-batch', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The filters a reviewer sets; each one left out lets every record through. */
export type OverviewFilters = {
  /** A province as written; '' for records without one. */
  province?: string;
  batch?: number;
  year?: number;
  status?: ReviewStatus;
  /** Only records with findings (warnings or errors). */
  warnings?: boolean;
  /** Only records whose rate is below this percent (a record without a rate is left out). */
  below?: string;
  /** The search text as typed (matched in simplified, traditional or pinyin by the caller). */
  search?: string;
  /** 四、绩效自评: only records of this 等级 (a record without one is left out). */
  grade?: '优' | '良' | '中' | '差';
};

/** Whether a record passes the filters (search aside: its matching needs a dictionary, see pinyin.ts). */
export function passes(r: OverviewRecord, f: OverviewFilters): boolean {
  if (f.province !== undefined && (r.province ?? '') !== f.province) return false;
  if (f.batch !== undefined && r.batch !== f.batch) return false;
  if (f.year !== undefined && r.year !== f.year) return false;
  if (f.status !== undefined && r.status.status !== f.status) return false;
  if (f.warnings && r.warnings + r.errors === 0) return false;
  if (f.below !== undefined && (r.rate === null || compareDecimals(r.rate, f.below) !== -1)) return false;
  if (f.grade !== undefined && r.performance?.grade !== f.grade) return false;
  return true;
}

/** A row of the overview: a county, the subtotal of a group, or the grand total. */
export type OverviewRow =
  | { kind: 'county'; key: string; record: OverviewRecord }
  | { kind: 'subtotal'; key: string; level: 'province' | 'batch'; province?: string; batch?: number; sum: Summed }
  | { kind: 'total'; key: 'total'; sum: Summed };

/** `dated`: how many of the records have their figures as of a day (a ledger); the others' are as typed. */
export type Summed = Subtotal & { items: number; warnings: number; dated: number };

export function sumOf(key: string, records: OverviewRecord[]): Summed {
  return {
    ...subtotal(key, records),
    items: records.reduce((n, r) => n + r.items, 0),
    warnings: records.reduce((n, r) => n + r.warnings + r.errors, 0),
    dated: records.filter((r) => r.asOf !== undefined).length,
  };
}

/** With an as-of day chosen, a record without a ledger shows its typed totals: not figures of that day. */
export const typedFigures = (r: Pick<OverviewRecord, 'asOf'>, asOf: string | undefined): boolean =>
  asOf !== undefined && r.asOf === undefined;

export const countyKeyOf = (r: OverviewRecord) => `c:${r.id}`;
const provinceOf = (r: OverviewRecord) => r.province ?? '';

/**
 * The rows in order: within each group the records in the order given, each group followed by its
 * subtotal, the grand total last. Province groups come in the order `provinceRank` gives (default:
 * as they first appear), batches in number order.
 */
export function overviewRows(records: OverviewRecord[], grouping: Grouping, provinceRank?: ReadonlyMap<string, number>): OverviewRow[] {
  const rank = provinceRank ?? firstAppearance(records);
  const byProvince = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const rows: OverviewRow[] = [];
  const counties = (list: OverviewRecord[]) => list.forEach((record) => rows.push({ kind: 'county', key: countyKeyOf(record), record }));
  const batches = (list: OverviewRecord[], province?: string) => {
    for (const [batch, inBatch] of groupBy(
      list,
      (r) => r.batch,
      (a, b) => a - b,
    )) {
      counties(inBatch);
      const key = province === undefined ? `b:${batch}` : `b:${province}|${batch}`;
      rows.push({
        kind: 'subtotal',
        key,
        level: 'batch',
        batch,
        ...(province !== undefined ? { province } : {}),
        sum: sumOf(key, inBatch),
      });
    }
  };
  if (grouping === 'none') counties(records);
  else if (grouping === 'batch') batches(records);
  else
    for (const [province, inProvince] of groupBy(records, provinceOf, byProvince)) {
      if (grouping === 'province-batch') batches(inProvince, province);
      else counties(inProvince);
      rows.push({ kind: 'subtotal', key: `p:${province}`, level: 'province', province, sum: sumOf(`p:${province}`, inProvince) });
    }
  rows.push({ kind: 'total', key: 'total', sum: sumOf('total', records) });
  return rows;
}

/** Each province's place in the list, as it first appears ('' for records without one). */
export function firstAppearance(records: readonly Pick<OverviewRecord, 'province'>[]): Map<string, number> {
  const rank = new Map<string, number>();
  for (const r of records) if (!rank.has(r.province ?? '')) rank.set(r.province ?? '', rank.size);
  return rank;
}

/** Groups in key order, each keeping its records in the order given. */
function groupBy<K>(records: OverviewRecord[], keyOf: (r: OverviewRecord) => K, order: (a: K, b: K) => number): [K, OverviewRecord[]][] {
  const groups = new Map<K, OverviewRecord[]>();
  for (const r of records) {
    const list = groups.get(keyOf(r));
    if (list) list.push(r);
    else groups.set(keyOf(r), [r]);
  }
  return [...groups].sort(([a], [b]) => order(a, b));
}

/** How many records have each status, in the order of the workflow. */
export function statusCounts(records: OverviewRecord[]): { status: ReviewStatus; count: number }[] {
  return STATUSES.map((status) => ({ status, count: records.filter((r) => r.status.status === status).length }));
}
