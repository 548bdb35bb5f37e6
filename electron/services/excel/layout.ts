// What export writes and import recognises as Yanshou's own: sheet names and the metadata sheet.
import { fold, stripXmlUnsafe } from '../../../shared/text';

/**
 * A very hidden sheet carries what the printed layout has no place for (province, prefecture,
 * accepted date, categories, stated rates), so an exported workbook imports back identically.
 * Visible cells always win; this only fills what they cannot say.
 */
export const META_SHEET = 'yanshou-meta';
export const META_SCHEMA = 'yanshou/workbook-meta@1';

export type SheetMeta = {
  /** The county's name as stored: read when the visible cells name no county (an unusual name). */
  name?: string;
  province: string | null;
  prefecture: string | null;
  acceptedOn: string | null;
  items: { seq: number; name: string; category: string }[];
  disbursements: { seq: number; name: string; category: string; statedRate?: string }[];
  totalsStatedRate?: string;
};

/** Names Excel keeps for itself, and ours for the metadata sheet: a county never gets one. */
const RESERVED = ['history', META_SHEET];

/**
 * A sheet name Excel accepts, from a county name: at most 31 characters, none of []:*?/\ or
 * control characters, no ' at either end, not "History", unique regardless of case and script
 * (a suffix "(2)"… tells twins apart). The county's own name stands in the sheet's title.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const key = (name: string) => fold(name).toLowerCase();
  const cleaned = stripXmlUnsafe(wanted)
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = [...cleaned].slice(0, 31).join('').replace(/'+$/, '') || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(key(name)) || RESERVED.includes(key(name)); n++) {
    const suffix = `(${n})`;
    name =
      [...base]
        .slice(0, 31 - suffix.length)
        .join('')
        .replace(/'+$/, '') + suffix;
  }
  taken.add(key(name));
  return name;
}
