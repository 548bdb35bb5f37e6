// Find and replace as plain rules, with no React: which keys open the bar, the places found (each
// occurrence once), stepping through them round the end, and what the count beside the field says.
// FindBar.tsx shows them; test/unit/renderer/find-search.test.ts tests them.
import { findInRecord } from '../../../shared/find-text';
import type { CountyRecord } from '../../../shared/record';
import type { FIND_STRINGS } from './strings';

export type Mode = 'find' | 'replace';
export type FindStrings = (typeof FIND_STRINGS)[keyof typeof FIND_STRINGS];
export type Place = ReturnType<typeof findInRecord>[number];

/** Ctrl+F (⌘F) → find, Ctrl+H → replace, else null (with Shift or Alt too: not ours). */
export const modeOf = (e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): Mode | null =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey ? (({ f: 'find', h: 'replace' } as const)[e.key.toLowerCase()] ?? null) : null;

/** The places of the text in the record, each occurrence once: a cell holding the text twice is two places. */
export const placesOf = (record: CountyRecord, query: string): Place[] =>
  query ? findInRecord(record, query).flatMap((h) => Array<Place>(h.count).fill(h)) : [];

/** The place after (1) or before (-1) the one at `at` (-1: none yet), round the end. */
export const stepFrom = (at: number, step: 1 | -1, count: number): number => (at + step + count) % count;

/** What the count beside the field says: nothing before a query, none found, how many, or which of how many. */
export function countText(s: FindStrings, query: string, count: number, at: number): string {
  if (!query) return '';
  if (!count) return s.none;
  return at < 0 ? s.total(count) : s.count(at + 1, count);
}
