// A worksheet as a plain grid of what each cell shows: merged areas reduced to their top-left
// cell, rich text joined, formulas replaced by their cached results.
import type ExcelJS from 'exceljs';
import { fold } from '../../../shared/text';

/** exceljs's ValueType.Merge. */
const MERGE = 1;

export type CellValue = string | number | boolean | Date | null;
export type Cell = {
  address: string;
  row: number;
  col: number;
  value: CellValue;
  /** Text for matching and messages. */
  text: string;
  numFmt?: string;
  isFormula: boolean;
  /** A formula with no cached result (written by a program that does not calculate). */
  noResult: boolean;
  error?: string;
  /** Columns this cell spans when it is the top-left of a merge. */
  span: number;
};

export type Grid = { sheet: string; rowCount: number; colCount: number; at: (row: number, col: number) => Cell | undefined };

export function plain(v: unknown): { value: CellValue; isFormula: boolean; noResult: boolean; error?: string } {
  if (v === null || v === undefined) return { value: null, isFormula: false, noResult: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v, isFormula: false, noResult: false };
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return { value: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), isFormula: false, noResult: false };
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { value: null, isFormula: true, noResult: true };
    const inner = plain(o.result);
    return { ...inner, isFormula: true, noResult: false };
  }
  if ('error' in o) return { value: null, isFormula: false, noResult: false, error: String(o.error) };
  if ('text' in o) return plain(o.text);
  return { value: null, isFormula: false, noResult: false };
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const cells = new Map<number, Cell>();
  const key = (r: number, c: number) => r * 16_384 + c;
  let colCount = 0;
  const spans = new Map<string, number>();
  const merges = (sheet as unknown as { _merges?: Record<string, { model?: { left: number; right: number } }> })._merges ?? {};
  for (const [address, range] of Object.entries(merges)) if (range.model) spans.set(address, range.model.right - range.model.left + 1);
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Only the top-left cell of a merge holds its value. (ValueType.Merge, as a number: this module
      // must not load exceljs, which only the reading thread needs.)
      if (cell.type === MERGE) return;
      const p = plain(cell.value);
      if (p.value === null && !p.noResult && !p.error) return;
      colCount = Math.max(colCount, c);
      cells.set(key(r, c), {
        address: cell.address,
        row: r,
        col: c,
        ...p,
        text: cellText(p.value),
        numFmt: cell.numFmt || undefined,
        span: spans.get(cell.address) ?? 1,
      });
    });
  });
  return { sheet: sheet.name, rowCount: sheet.rowCount, colCount, at: (r, c) => cells.get(key(r, c)) };
}

const labelKeys = new Map<string, string>();

/** A header or label as a matching key: folded, units and brackets dropped ("计划安排额度\n（万元）" → "计划安排额度"). */
export function labelKey(text: string): string {
  let key = labelKeys.get(text);
  if (key === undefined) {
    key = fold(text)
      .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
      .replace(/(万元|元|%|:)$/g, '')
      .replace(/[:%]/g, '');
    // Headers and labels repeat on every sheet; only short texts are worth remembering.
    if (text.length <= 40) {
      if (labelKeys.size > 20_000) labelKeys.clear();
      labelKeys.set(text, key);
    }
  }
  return key;
}

export const isBlank = (cell: Cell | undefined) => !cell || (cell.text.trim() === '' && !cell.noResult && !cell.error);
