// The ledger as the user wants to look at it: sorted by line, day or payee, filtered by line, payee
// (simplified and traditional alike) and days. Only what is shown changes: the payments stored, their
// order in the record and their running totals stay as they are. New payments being typed are always
// shown, last.
import { countIn } from '../../../shared/find-text';
import type { LedgerRow } from './rows';

export type LedgerSortKey = 'line' | 'date' | 'payee';
export type Arrangement = {
  sort: LedgerSortKey;
  desc: boolean;
  /** Only this line (序号), or every line. */
  line: number | null;
  /** Payees holding this text ('' for any). */
  payee: string;
  /** Paid on or after / on or before these days (YYYY-MM-DD; '' for no bound). */
  from: string;
  to: string;
};

export const AS_STORED: Arrangement = { sort: 'line', desc: false, line: null, payee: '', from: '', to: '' };

/** Whether any filter is set (the ledger then shows fewer payments than it holds). */
export const filtering = (a: Arrangement): boolean => a.line !== null || a.payee !== '' || a.from !== '' || a.to !== '';

function shows(row: LedgerRow, a: Arrangement): boolean {
  if (a.line !== null && row.line !== a.line) return false;
  if (a.payee && countIn(row.payee, a.payee) === 0) return false;
  if (a.from && (row.date ?? '') < a.from) return false;
  if (a.to && (row.date ?? '') > a.to) return false;
  return true;
}

const sortValue = (row: LedgerRow, key: LedgerSortKey): string | number =>
  key === 'line' ? (row.line ?? 0) : key === 'date' ? (row.date ?? '') : row.payee;

/**
 * The keys in the order shown: the stored payments the filters let through, sorted (ties keep the
 * record's order, by line and day), then the new payments as they are.
 */
export function arrange(keys: readonly number[], stored: ReadonlyMap<number, LedgerRow>, a: Arrangement): number[] {
  const kept = keys.filter((k) => stored.has(k) && shows(stored.get(k)!, a));
  const drafts = keys.filter((k) => !stored.has(k));
  const place = new Map(keys.map((k, i) => [k, i]));
  const compare = (x: number, y: number) => {
    const [vx, vy] = [sortValue(stored.get(x)!, a.sort), sortValue(stored.get(y)!, a.sort)];
    const by = typeof vx === 'number' ? vx - (vy as number) : String(vx).localeCompare(String(vy), 'zh-Hans-CN');
    return (a.desc ? -by : by) || place.get(x)! - place.get(y)!;
  };
  return [...kept.sort(compare), ...drafts];
}
