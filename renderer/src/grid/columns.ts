// The columns of the grid's tables (二, 三 and the ledger): which fields, in which order, which can
// be edited, and how a value is shown in its cell and in the editor.
import { categoryLabel, type EditTable } from '../../../shared/fields';
import { formatWanTable, parseMoney, showRate } from '../../../shared/money';
import type { Category } from '../../../shared/text';
import { titleKey, type GridColumn, type HeaderRules } from './blocks';
import { headerIndex } from './headers';
import { WORDING } from '../../../shared/document';
import { fieldLabel } from '../../../shared/i18n';
import { PAYMENT_FIELDS } from '../../../shared/ledger';
import { indicatorHeader } from '../performance/columns';
import { STRINGS } from '../strings';
import { INDICATOR_COLUMNS, INDICATOR_COMPUTED, INDICATOR_TITLES } from '../performance/columns';
import { level1Label, type Level1 } from '../../../shared/performance';

/** The tables the grid edits: 二, 三, and the ledger's payments. */
export type GridTable = EditTable | 'payments' | 'indicators';

/**
 * The ledger's columns: a payment as the 拨付台账 sheet of the export lists it (so a block copied from
 * that sheet pastes straight in), then the line's running total and its rate.
 */
const FIELDS: Record<GridTable, readonly string[]> = {
  items: ['seq', 'category', 'name', 'target', 'completion', 'completionRate'],
  disbursements: ['seq', 'category', 'name', 'planned', 'actual', 'rate', 'statedRate'],
  payments: ['line', 'name', 'date', 'amount', 'payee', 'voucher', 'stage', 'note', 'running', 'runningRate'],
  indicators: INDICATOR_COLUMNS,
};
/** Computed from the others: shown, copied, never edited. */
const COMPUTED: Record<GridTable, ReadonlySet<string>> = {
  items: new Set(),
  disbursements: new Set(['rate']),
  payments: new Set(['name', 'running', 'runningRate']),
  indicators: INDICATOR_COMPUTED,
};
/** Long texts: they wrap in the cell, and Alt+Enter / Ctrl+Enter break the line while editing. */
export const LONG_TEXT = new Set(['name', 'target', 'completion', 'note']);
/** A value is required: Delete does not clear it. */
export const REQUIRED: Record<GridTable, ReadonlySet<string>> = {
  items: new Set(['seq', 'category', 'name']),
  disbursements: new Set(['seq', 'category', 'name']),
  payments: new Set(['line', 'date', 'amount']),
  indicators: new Set(['level1']),
};
const MONEY = new Set(['planned', 'actual', 'amount', 'running']);

export function gridColumns(table: GridTable): GridColumn[] {
  return FIELDS[table].map((field) => ({ field, editable: !COMPUTED[table].has(field) }));
}

/** A value as its cell shows it. */
export function displayText(field: string, value: unknown, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return field === 'rate' || field === 'runningRate' ? '—' : '';
  if (field === 'category') return categoryLabel(value as Category, lang);
  if (field === 'level1') return level1Label(value as Level1, lang);
  if (field === 'rate' || field === 'runningRate') return showRate(value as string);
  if (MONEY.has(field)) {
    const parsed = typeof value === 'string' ? parseMoney(value) : null;
    return parsed?.ok ? formatWanTable(parsed.value) : String(value);
  }
  return String(value);
}

/** A value as the editor (F2) and the clipboard take it: the amount as stored, the category by name. */
export function rawText(field: string, value: unknown, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '';
  if (field === 'category') return categoryLabel(value as Category, lang);
  if (field === 'level1') return level1Label(value as Level1, lang);
  return String(value);
}

/** Every title a pasted header row may carry: the grid's, the workbook's, in both scripts and languages. */
export const PASTE_TITLES: ReadonlySet<string> = new Set(
  [
    ...Object.values(STRINGS.zh.columns),
    ...Object.values(STRINGS.en.columns),
    ...Object.values(STRINGS.zh.ledgerColumns),
    ...Object.values(STRINGS.en.ledgerColumns),
    ...['seq', 'category', 'name', 'target', 'completion', 'completionRate', 'planned', 'actual', 'rate', 'statedRate'].flatMap((f) => [
      fieldLabel(f, 'zh'),
      fieldLabel(f, 'en'),
    ]),
    ...PAYMENT_FIELDS.flatMap((f) => [fieldLabel(`payment.${f}`, 'zh'), fieldLabel(`payment.${f}`, 'en')]),
    ...(['hans', 'hant'] as const).flatMap((s) => [
      ...WORDING[s].itemHeaders,
      ...WORDING[s].disbursementHeaders,
      ...WORDING[s].ledgerHeaders,
    ]),
    ...INDICATOR_TITLES,
  ].map(titleKey),
);

/** The app's own titles of each field of a table: the grid's, the workbook's (both scripts), English. */
function ownTitles(table: GridTable): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, title: string | undefined) => title && (out[field] ??= []).push(title);
  for (const field of FIELDS[table]) {
    for (const lang of ['zh', 'en'] as const) {
      const s = STRINGS[lang];
      if (table === 'payments') {
        add(field, s.ledgerColumns[field]);
        add(field, fieldLabel(`payment.${field}`, lang));
      } else if (table === 'indicators') {
        add(field, indicatorHeader(field, lang));
      } else {
        add(field, s.columns[table === 'disbursements' && field === 'name' ? 'disbursementName' : field]);
        add(field, fieldLabel(field, lang));
      }
    }
  }
  const layout: Record<GridTable, readonly string[]> = {
    items: ['seq', 'name', 'target', 'completion', 'completionRate'],
    disbursements: ['seq', 'name', 'planned', 'actual', 'rate'],
    payments: LEDGER_LAYOUT,
    indicators: [],
  };
  if (table === 'indicators') return out;
  for (const script of ['hans', 'hant'] as const) {
    const w = WORDING[script];
    const headers = table === 'items' ? w.itemHeaders : table === 'disbursements' ? w.disbursementHeaders : w.ledgerHeaders;
    headers.forEach((h, i) => add(layout[table][i], h));
  }
  return out;
}

/** The export's 拨付台账 sheet, column by column. */
const LEDGER_LAYOUT = ['line', 'name', 'date', 'amount', 'payee', 'voucher', 'stage', 'note'] as const;

/** How a pasted block with a header row is placed in each table (blocks.ts). */
export const HEADER_RULES: Record<GridTable, HeaderRules> = {
  items: { index: headerIndex('items', ownTitles('items')) },
  disbursements: { index: headerIndex('disbursements', ownTitles('disbursements')) },
  // Whole payments (序号, 日期, 金额) are added, never written over the payments listed; a block in the
  // export's columns that does not fit right of the selection is whole payments too.
  payments: { index: headerIndex('payments', ownTitles('payments')), appendWhole: ['line', 'date', 'amount'], wholeRow: LEDGER_LAYOUT },
  indicators: { index: headerIndex('indicators', ownTitles('indicators')) },
};
