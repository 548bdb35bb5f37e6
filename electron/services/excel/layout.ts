// What export writes and import recognises as Yanshou's own: sheet names, the metadata sheet,
// column widths.
import { fold } from '../../../shared/text';

/**
 * A very hidden sheet carries what the printed layout has no place for (province, prefecture,
 * accepted date, categories, stated rates), so an exported workbook imports back identically.
 * Visible cells always win; this only fills what they cannot say.
 */
export const META_SHEET = 'yanshou-meta';
export const META_SCHEMA = 'yanshou/workbook-meta@1';

export type SheetMeta = {
  province: string | null;
  prefecture: string | null;
  acceptedOn: string | null;
  items: { seq: number; name: string; category: string }[];
  disbursements: { seq: number; name: string; category: string; statedRate?: string }[];
  totalsStatedRate?: string;
};

/** Column widths (Excel character units) of a county sheet, A–E. */
export const COLUMN_WIDTHS = [7, 26, 42, 60, 14];

/** Excel sheet names: 31 characters, none of []:*?/\ , unique regardless of case. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(fold(name).toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(fold(name).toLowerCase());
  return name;
}
