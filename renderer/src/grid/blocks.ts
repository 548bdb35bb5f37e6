// Blocks in and out of the clipboard. Copy: the selected block as tab-separated text and as an
// HTML table (Excel and WPS paste either). Paste: what a block copied from Excel or WPS writes
// where — checked cell by cell before anything is written, so a block with one bad cell writes
// nothing and every bad cell is named.
import { parseBlock, formatBlock } from '../../../shared/clipboard';
import { parseCell, type EditTable, type FieldValue, type RawValue } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import type { Lang } from '../../../shared/i18n';
import { blockSize, type Bounds } from './selection';
import { refusalText } from './refusal';

export type GridColumn = { field: string; editable: boolean };

/** A value typed or pasted into a cell (row counts from 0), read as its field's value, or why not (in words that say where). */
export type CellCheck = (row: number, field: string, raw: RawValue) => { ok: true; value: FieldValue } | { ok: false; message: string };

/** How the cells of table 二 or 三 are read: parseCell, refused in the words of refusal.ts. */
export function tableCheck(table: EditTable, lang: Lang): CellCheck {
  return (row, field, raw) => {
    const parsed = parseCell(table, field, raw);
    return parsed.ok ? parsed : { ok: false, message: refusalText(table, row, field, raw, parsed, lang) };
  };
}

/** The block as Excel puts it on the clipboard: text (TSV) and an HTML table. */
export function copyBlock(cells: string[][]): { text: string; html: string } {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br style="mso-data-placement:same-cell">');
  const rows = cells.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return { text: formatBlock(cells), html: `<meta charset="utf-8"><table>${rows}</table>` };
}

/** The first line of a block is the header row of a table if each of its filled cells is a column
 * title (in either script or language, with or without its unit) and one is filled. */
export function isHeaderLine(cells: string[], titles: ReadonlySet<string>): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => titles.has(titleKey(c)));
}

/** How titles compare: folded (traditional → simplified, full-width → half-width, no spaces), unit dropped. */
export function titleKey(title: string): string {
  return fold(title).replace(/\((?:万元|%|10kyuan)\)$/i, '').toLowerCase();
}

export type CellProblem = { row: number; field: string; value: string; message: string };
export type PastePlan = {
  edits: { rowId: number; field: string; value: RawValue }[];
  append: Record<string, RawValue>[];
  /** Bad cells, each with its place; when there is one, nothing may be written. */
  problems: CellProblem[];
  skippedHeader: boolean;
  /** Computed columns the block fell on: not written (their values come from the others). */
  skippedComputed: string[];
  /** Block columns past the table's last column. */
  columnsOutside: number;
  /** The block written: rows × columns. */
  rows: number;
  cols: number;
};

/**
 * Where each value of a block goes. A 1×1 block fills the whole selection, and a block that fits
 * the selection a whole number of times is repeated over it (as Excel does); otherwise the block
 * starts at the selection's top-left cell and runs on, adding rows past the end of the table.
 */
export function planPaste(args: {
  text: string;
  table: EditTable | 'payments' | 'indicators';
  columns: readonly GridColumn[];
  rowIds: readonly number[];
  selection: Bounds;
  titles: ReadonlySet<string>;
  lang: Lang;
  /** How a cell's value is read (default: parseCell of table 二 or 三). */
  check?: CellCheck;
  /** Why a cell of an editable column cannot take a value in its row (a line with payments), or null. */
  locked?: (row: number, field: string) => string | null;
  /** A cell's value now: a locked cell given the value it has is left alone, not refused. */
  current?: (row: number, field: string) => unknown;
}): PastePlan {
  const { table, columns, rowIds, selection, titles, lang, locked, current } = args;
  const check = args.check ?? tableCheck(table as EditTable, lang);
  let block = parseBlock(args.text);
  const skippedHeader = block.length > 0 && isHeaderLine(block[0], titles);
  if (skippedHeader) block = block.slice(1);
  const plan: PastePlan = { edits: [], append: [], problems: [], skippedHeader, skippedComputed: [], columnsOutside: 0, rows: 0, cols: 0 };
  if (block.length === 0) return plan;
  const width = Math.max(...block.map((r) => r.length));
  const sel = blockSize(selection);
  const fits = sel.rows % block.length === 0 && sel.cols % width === 0;
  const rows = fits ? sel.rows : block.length;
  const cols = fits ? sel.cols : width;
  plan.rows = rows;
  plan.cols = cols;
  const skipped = new Set<string>();
  const appended = new Map<number, Record<string, RawValue>>();
  for (let r = 0; r < rows; r++) {
    const line = block[r % block.length];
    const row = selection.top + r;
    for (let c = 0; c < cols; c++) {
      const value = line[c % width] ?? '';
      const column = columns[selection.left + c];
      if (!column) {
        plan.columnsOutside = Math.max(plan.columnsOutside, selection.left + c - columns.length + 1);
        continue;
      }
      if (!column.editable) {
        skipped.add(column.field);
        continue;
      }
      const { field } = column;
      const isNew = row >= rowIds.length;
      const lock = isNew ? null : locked?.(row, field) ?? null;
      if (lock !== null) {
        // The value the cell has already is no change; any other is refused at the cell, saying why.
        const parsed = check(row, field, value);
        if (!parsed.ok || parsed.value !== (current?.(row, field) ?? null)) plan.problems.push({ row, field, value, message: lock });
        continue;
      }
      // A new row's name may stay empty (the check then names it); an existing one's may not.
      if (!(isNew && field === 'name' && value.trim() === '')) {
        const parsed = check(row, field, value);
        if (!parsed.ok) plan.problems.push({ row, field, value, message: parsed.message });
      }
      if (isNew) {
        const values = appended.get(row) ?? {};
        values[field] = value;
        appended.set(row, values);
      } else plan.edits.push({ rowId: rowIds[row], field, value });
    }
  }
  plan.append = [...appended.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  plan.skippedComputed = [...skipped];
  return plan;
}
