// What the reviewer set in the overview (kept while the app runs, across the two views): the
// filters as typed, the grouping, the as-of day, whether the charts show.
import { isDay } from '../../../shared/ledger';
import type { Grouping, OverviewFilters } from '../../../shared/overview';
import type { ReviewStatus } from '../../../shared/status';

export type OverviewState = {
  search: string;
  province?: string;
  batch?: number;
  year?: number;
  status?: ReviewStatus;
  warnings: boolean;
  /** "拨付率低于" as typed; used when it is a number. */
  below: string;
  /** "截至" as typed (YYYY-MM-DD); used when it is a day. */
  asOf: string;
  grouping: Grouping;
  charts: boolean;
  /** 四、绩效自评: only counties of this 等级. */
  grade?: '优' | '良' | '中' | '差';
};

export const INITIAL_OVERVIEW: OverviewState = { search: '', warnings: false, below: '', asOf: '', grouping: 'province', charts: true };

const BELOW = /^\d{1,6}(\.\d{1,6})?$/;

/** The typed bound, normalised ("８０" → "80", "80%" → "80"); null when it is not one. */
export function belowOf(text: string): string | null {
  const t = text.normalize('NFKC').trim().replace(/%$/, '');
  return t === '' ? null : BELOW.test(t) ? t : null;
}

export const asOfOf = (text: string): string | null => (isDay(text.trim()) ? text.trim() : null);

/** What is typed and is not a value (a bound, a day): said beside its field, left out of the filters. */
export const invalidOf = (s: OverviewState): { below: boolean; asOf: boolean } => ({
  below: s.below.trim() !== '' && belowOf(s.below) === null,
  asOf: s.asOf.trim() !== '' && asOfOf(s.asOf) === null,
});

/** The filters in effect (what is typed and not valid is left out, and said so beside its field). */
export function filtersOf(s: OverviewState): OverviewFilters {
  const below = belowOf(s.below);
  return {
    ...(s.province !== undefined ? { province: s.province } : {}),
    ...(s.batch !== undefined ? { batch: s.batch } : {}),
    ...(s.year !== undefined ? { year: s.year } : {}),
    ...(s.status !== undefined ? { status: s.status } : {}),
    ...(s.warnings ? { warnings: true } : {}),
    ...(below !== null ? { below } : {}),
    ...(s.search.trim() ? { search: s.search.trim() } : {}),
    ...(s.grade !== undefined ? { grade: s.grade } : {}),
  };
}
