// The columns of the two tables: which fields, in which order, which can be edited, and how a
// value is shown in its cell and in the editor.
import { categoryLabel, type EditTable } from '../../../shared/fields';
import { formatWanTable, parseMoney, showRate } from '../../../shared/money';
import type { Category } from '../../../shared/text';
import { titleKey, type GridColumn } from './blocks';
import { WORDING } from '../../../shared/document';
import { fieldLabel } from '../../../shared/i18n';
import { STRINGS } from '../strings';

const FIELDS: Record<EditTable, readonly string[]> = {
  items: ['seq', 'category', 'name', 'target', 'completion', 'completionRate'],
  disbursements: ['seq', 'category', 'name', 'planned', 'actual', 'rate', 'statedRate'],
};
/** Computed from the others: shown, copied, never edited. */
export const COMPUTED = new Set(['rate']);
/** Long texts: they wrap in the cell, and Alt+Enter / Ctrl+Enter break the line while editing. */
export const LONG_TEXT = new Set(['name', 'target', 'completion']);
/** A value is required: Delete does not clear it. */
export const REQUIRED = new Set(['seq', 'category', 'name']);

export function gridColumns(table: EditTable): GridColumn[] {
  return FIELDS[table].map((field) => ({ field, editable: !COMPUTED.has(field) }));
}

/** A value as its cell shows it. */
export function displayText(field: string, value: unknown, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return field === 'rate' ? '—' : '';
  if (field === 'category') return categoryLabel(value as Category, lang);
  if (field === 'rate') return showRate(value as string);
  if (field === 'planned' || field === 'actual') {
    const parsed = typeof value === 'string' ? parseMoney(value) : null;
    return parsed?.ok ? formatWanTable(parsed.value) : String(value);
  }
  return String(value);
}

/** A value as the editor (F2) and the clipboard take it: the amount as stored, the category by name. */
export function rawText(field: string, value: unknown, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '';
  if (field === 'category') return categoryLabel(value as Category, lang);
  return String(value);
}

/** Every title a pasted header row may carry: the grid's, the workbook's, in both scripts and languages. */
export const PASTE_TITLES: ReadonlySet<string> = new Set(
  [
    ...Object.values(STRINGS.zh.columns), ...Object.values(STRINGS.en.columns),
    ...['seq', 'category', 'name', 'target', 'completion', 'completionRate', 'planned', 'actual', 'rate', 'statedRate'].flatMap((f) => [fieldLabel(f, 'zh'), fieldLabel(f, 'en')]),
    ...(['hans', 'hant'] as const).flatMap((s) => [...WORDING[s].itemHeaders, ...WORDING[s].disbursementHeaders]),
  ].map(titleKey),
);
