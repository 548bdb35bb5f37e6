// What AG Grid is told when a table's rows change, as plain rules: a row whose values did not change
// keeps its object, and when the rows are the same ones in the same order (typing, a paste) only the
// rows that changed are handed over (a transaction by row id), so a keystroke in a table of 2,000
// lines redraws one row instead of AG Grid comparing them all. Likewise only the rows whose notes
// (findings, refusals, drafts) changed are redrawn. test/unit/renderer/grid-rows.test.ts tests these.
import type { CellNote, RowData } from './gridOptions';

/** The rows as last given to the grid: what they were made from, their ids, and the grid's rows. */
export type GridRows = { source: readonly object[]; ids: readonly number[]; rows: RowData[] };

/** A row's values as shown are those of `r` (the id aside). */
function sameValues(old: RowData, r: Record<string, unknown>): boolean {
  let n = 0;
  for (const k in r) {
    if (k === 'id') continue;
    n++;
    if (old[k] !== r[k]) return false;
  }
  let m = 0;
  for (const k in old) if (k !== 'id') m++;
  return n === m;
}

const sameIds = (a: readonly number[], b: readonly number[]) => a === b || (a.length === b.length && a.every((id, i) => id === b[i]));

/**
 * The grid's rows for `source` (with `ids`), and what changed: the rows to update by id when the rows
 * are the same ones in the same order, or null when rows came, went or moved (the grid takes them
 * all, and keeps the rows whose object it has).
 */
export function nextRows(
  prev: GridRows | null,
  source: readonly object[],
  ids: readonly number[],
): { rows: GridRows; changed: RowData[] | null } {
  const inPlace = !!prev && sameIds(prev.ids, ids);
  const before = inPlace ? null : new Map((prev?.rows ?? []).map((r) => [r.id, r]));
  const changed: RowData[] = [];
  const rows = source.map((r, i): RowData => {
    if (inPlace && r === prev.source[i]) return prev.rows[i];
    const old = inPlace ? prev.rows[i] : before!.get(ids[i]);
    if (old && sameValues(old, r as Record<string, unknown>)) return old;
    const row = { ...(r as Record<string, unknown>), id: ids[i] };
    changed.push(row);
    return row;
  });
  return { rows: { source, ids, rows }, changed: inPlace ? changed : null };
}

/** The rows (by index) whose notes differ between two sets of notes by `${row}:${field}`. */
export function rowsWithNewNotes(before: ReadonlyMap<string, CellNote[]>, after: ReadonlyMap<string, CellNote[]>): number[] {
  const rows = new Set<number>();
  const same = (a: CellNote[] | undefined, b: CellNote[] | undefined) =>
    !!a && !!b && a.length === b.length && a.every((n, i) => n.severity === b[i].severity && n.text === b[i].text);
  for (const [key, notes] of after) if (!same(notes, before.get(key))) rows.add(Number(key.split(':')[0]));
  for (const key of before.keys()) if (!after.has(key)) rows.add(Number(key.split(':')[0]));
  return [...rows].sort((a, b) => a - b);
}
