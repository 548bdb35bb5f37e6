// How a sheet's table 三 is read, as the person corrects it: the draft correction over what the
// reader found — the columns of the amounts, their units, the header rows, the rows read, the
// columns read as stored. Plain functions; Correction.tsx renders them and
// test/unit/renderer/import-correction.test.ts tests them.
import type { SheetCorrection, SheetReading } from '../../../shared/doubts';
import type { Units } from './preview';

/** How many rows a header band may span. */
export const HEADER_SPAN = 6;

/** The columns that may hold an amount (not 序号, not the name). */
export const amountColumns = (reading: SheetReading) => reading.columns.filter((c) => c.field !== 'seq' && c.field !== 'name');

/** The column read as 计划 or 实际: the draft's, else the reader's. */
export const columnOf = (reading: SheetReading, draft: SheetCorrection, f: 'planned' | 'actual'): string =>
  draft[f] ?? reading.columns.find((c) => c.field === f)?.col ?? '';

/** A column's unit: the draft's, else the one read, else 万元. */
export const unitOf = (reading: SheetReading, draft: SheetCorrection, col: string): Units =>
  (draft.units?.[col] ?? reading.columns.find((c) => c.col === col)?.unit ?? 'wan') as Units;

/** A column as listed: its letter and its header text on one line. */
export const columnLabel = (reading: SheetReading, col: string): string =>
  `${col} ${reading.columns.find((c) => c.col === col)?.text.replace(/\s+/g, ' ') ?? ''}`;

/** Whether a row is read: the draft says so, else it is read unless the reader left it out. */
export const rowRead = (draft: SheetCorrection, row: number, leftOut: string | null): boolean =>
  draft.skipRows?.includes(row) ? false : draft.keepRows?.includes(row) ? true : leftOut === null;

/** The draft with a row read (`on`) or not: only what differs from the reader is kept. */
export function withRowRead(draft: SheetCorrection, row: number, leftOut: string | null, on: boolean): SheetCorrection {
  const skip = new Set(draft.skipRows ?? []);
  const keep = new Set(draft.keepRows ?? []);
  skip.delete(row);
  keep.delete(row);
  if (on && leftOut !== null && leftOut !== 'user') keep.add(row);
  if (!on && leftOut === null) skip.add(row);
  return { ...draft, skipRows: [...skip], keepRows: [...keep] };
}

/** The draft with a column read as stored (`on`) or scaled as its format shows. */
export const withStored = (draft: SheetCorrection, col: string, on: boolean): SheetCorrection => ({
  ...draft,
  stored: on ? [...(draft.stored ?? []), col] : (draft.stored ?? []).filter((x) => x !== col),
});

/** The header rows: the draft's, the reader's, or (table 三 not found) the first row that could be a header. */
export function headerBand(reading: SheetReading, draft: SheetCorrection): { top: number; bottom: number } | null {
  const first = reading.headerRows[0]?.row;
  return draft.header ?? reading.header ?? (first !== undefined ? { top: first, bottom: first } : null);
}

/** The draft with its header rows from `top` to `bottom` (never above top, at most HEADER_SPAN rows). */
export const withBand = (draft: SheetCorrection, top: number, bottom: number): SheetCorrection => ({
  ...draft,
  header: { top, bottom: Math.min(Math.max(bottom, top), top + HEADER_SPAN - 1) },
});
