// Find and replace within a record: which text cells hold what was asked, and the text with it
// replaced. Matching is by character, simplified and traditional alike (县 finds 縣), full- and
// half-width alike, upper and lower case alike; what is not matched is kept exactly as typed.
import { fold } from './text';
import type { CountyRecord } from './record';

/** The text fields find and replace look in, by table (money, dates and 序号 are figures, not text). */
export const TEXT_FIELDS = {
  county: ['province', 'prefecture', 'statusNote'],
  items: ['name', 'target', 'completion'],
  disbursements: ['name'],
  payments: ['payee', 'voucher', 'stage', 'note'],
} as const;
export type TextTable = keyof typeof TEXT_FIELDS;

/** A text cell: its table, its row (the record's order; 0 for the basic facts), its field, what it holds. */
export type TextCell = { table: TextTable; row: number; field: string; text: string };
/** A cell holding what was asked, and how many times. */
export type Hit = TextCell & { count: number };

const key = (ch: string): string => (fold(ch) || ch).toLowerCase();

/** Where `query` starts among the characters (code points) of a text, not overlapping. */
function starts(chars: readonly string[], query: string): number[] {
  const q = Array.from(query, key);
  if (q.length === 0) return [];
  const keys = chars.map(key);
  const found: number[] = [];
  for (let i = 0; i + q.length <= keys.length;)
    if (q.every((k, j) => keys[i + j] === k)) {
      found.push(i);
      i += q.length;
    } else i++;
  return found;
}

/** How many times `query` occurs in `text`. */
export const countIn = (text: string, query: string): number => starts(Array.from(text), query).length;

/** The text with every occurrence of `query` replaced, and how many there were. */
export function replaceText(text: string, query: string, replacement: string): { text: string; count: number } {
  const chars = Array.from(text);
  const found = starts(chars, query);
  const length = Array.from(query).length;
  let out = '';
  let from = 0;
  for (const at of found) {
    out += chars.slice(from, at).join('') + replacement;
    from = at + length;
  }
  return { text: out + chars.slice(from).join(''), count: found.length };
}

/** Every text cell of a record, in the order a reader meets them: basic facts, table 二, table 三, the ledger. */
export function textCells(record: CountyRecord): TextCell[] {
  const cells: TextCell[] = [];
  const county = record.county as unknown as Record<string, string | null>;
  for (const field of TEXT_FIELDS.county) cells.push({ table: 'county', row: 0, field, text: county[field] ?? '' });
  const rows = { items: record.items, disbursements: record.disbursements, payments: record.payments ?? [] };
  for (const table of ['items', 'disbursements', 'payments'] as const)
    rows[table].forEach((r, row) => {
      for (const field of TEXT_FIELDS[table]) cells.push({ table, row, field, text: String((r as Record<string, unknown>)[field] ?? '') });
    });
  return cells;
}

/** The cells of a record holding `query`, in reading order, each with its count. */
export function findInRecord(record: CountyRecord, query: string): Hit[] {
  const hits: Hit[] = [];
  for (const cell of textCells(record)) {
    const count = countIn(cell.text, query);
    if (count) hits.push({ ...cell, count });
  }
  return hits;
}
