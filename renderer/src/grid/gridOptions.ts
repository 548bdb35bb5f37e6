// What AG Grid is given to draw a table: the theme, the column definitions (widths, formats, the
// classes that draw marks and the selection, tooltips) and the 合计 row. Everything here is
// stable from render to render: a new object or function each time makes AG Grid rebuild its
// style sheet or its columns (tens of ms on every keystroke).
import { themeQuartz, type CellClassParams, type ColDef, type ITooltipParams, type ValueFormatterParams } from 'ag-grid-community';
import { categoryLabel } from '../../../shared/fields';
import type { Category } from '../../../shared/text';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import type { GridColumn } from './blocks';
import { LONG_TEXT, displayText, type GridTable } from './columns';
import { indicatorColumn, indicatorHeader } from '../performance/columns';

export type RowData = Record<string, unknown> & { id: number };
/** What a cell carries besides its value: a finding, a refusal, a draft. */
export type CellNote = { severity: 'error' | 'warning' | 'draft' | 'info'; text: string };
export type CellParams = { node: { rowIndex: number | null; rowPinned?: string | null } | null; colDef: ColDef };

export const THEME = themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 13, headerFontWeight: 600, cellHorizontalPadding: 10 });
export const DEFAULT_COL_DEF: ColDef = { wrapHeaderText: true, autoHeaderHeight: true, suppressMovable: true };
export const rowIdOf = (p: { data: RowData }) => String(p.data.id);
/**
 * A row's classes: 合计 (pinned), and what a table says of its own rows in `rowClass` (the ledger: a
 * line's first payment, a payment after the as-of day, a new payment not saved yet). Rules, not a
 * function: AG Grid applies them again when a row's data changes.
 */
const ROW_CLASSES = ['group-start', 'group-cont', 'after-as-of', 'new-row'] as const;
type RowParams = { node: { rowPinned?: string | null }; data?: RowData };
export const ROW_CLASS_RULES = {
  'total-row': (p: RowParams) => !!p.node.rowPinned,
  ...Object.fromEntries(
    ROW_CLASSES.map((name) => [
      name,
      (p: RowParams) =>
        !p.node.rowPinned &&
        String(p.data?.rowClass ?? '')
          .split(' ')
          .includes(name),
    ]),
  ),
};
/** Past this many rows the grid scrolls inside a fixed height, so only visible rows render. */
export const LONG_TABLE = 60;
const SELECTION_CLASSES = ['sel-active', 'sel-in', 'sel-top', 'sel-bottom', 'sel-left', 'sel-right'];

/**
 * The columns. `notesOf` and `selected` read the grid's current marks and selection (through refs),
 * so the definitions stay the same while they change; a refresh of the cells redraws them.
 */
export function buildColumnDefs(args: {
  table: GridTable;
  columns: readonly GridColumn[];
  t: Strings;
  lang: Lang;
  notesOf: (p: CellParams) => CellNote[];
  selected: (p: CellParams, className: string) => boolean;
  /** A cell of an editable column that its row keeps computed (a line with payments): drawn so, with a
   * badge, and its tooltip (null for any other cell). */
  lockTipOf: (p: CellParams) => string | null;
}): ColDef<RowData>[] {
  const { table, columns, t, lang, notesOf, selected, lockTipOf } = args;
  const header = (field: string) =>
    table === 'indicators'
      ? indicatorHeader(field, lang)
      : table === 'payments'
        ? t.ledgerColumns[field]
        : field === 'name' && table === 'disbursements'
          ? t.columns.disbursementName
          : t.columns[field];
  const classRules: ColDef['cellClassRules'] = {
    'cell-error': (p) => notesOf(p as CellParams).some((n) => n.severity === 'error'),
    'cell-warning': (p) => notesOf(p as CellParams).some((n) => n.severity === 'warning'),
    'cell-draft': (p) => notesOf(p as CellParams).some((n) => n.severity === 'draft'),
    'ledger-cell': (p) => lockTipOf(p as CellParams) !== null,
    ...Object.fromEntries(SELECTION_CLASSES.map((name) => [name, (p: CellClassParams) => selected(p as CellParams, name)])),
  };
  return columns.map(({ field }): ColDef<RowData> => {
    const def: ColDef<RowData> = {
      field,
      colId: field,
      headerName: header(field),
      editable: false,
      sortable: false,
      cellClassRules: classRules,
      valueFormatter: (p: ValueFormatterParams) => displayText(field, p.value, lang),
      tooltipValueGetter: (p: ITooltipParams) => {
        const notes = notesOf({ node: p.node as CellParams['node'], colDef: p.colDef as ColDef });
        const lock = lockTipOf({ node: p.node as CellParams['node'], colDef: p.colDef as ColDef });
        if (notes.length || lock) return [...notes.map((n) => n.text), ...(lock ? [lock] : [])].join('\n');
        // A category name cut short by a narrow window still reads in full on hover (the ledger's texts too).
        if (field === 'category' && p.value) return categoryLabel(p.value as Category, lang);
        return table === 'payments' && typeof p.value === 'string' && p.value.length > 6 ? p.value : undefined;
      },
    };
    if (table === 'payments') return paymentColumn(field, def, t);
    if (table === 'indicators') return indicatorColumn(field, def, t, lang);
    if (field === 'seq') return { ...def, width: 64, type: 'rightAligned', valueFormatter: (p) => String(p.value ?? '') };
    if (field === 'category') return { ...def, width: 168 };
    if (LONG_TEXT.has(field))
      return { ...def, minWidth: field === 'name' ? 160 : 200, flex: field === 'name' ? 1 : 2, wrapText: true, autoHeight: true };
    if (field === 'completionRate') return { ...def, width: 150, type: 'rightAligned' };
    if (field === 'planned' || field === 'actual') return { ...def, width: 156, type: 'rightAligned' };
    // The computed rate is shaded; the rate as filed (原表) in italics: a reviewer must not take one for the other.
    if (field === 'rate')
      return {
        ...def,
        width: 124,
        type: 'rightAligned',
        cellClass: 'computed',
        headerClass: 'computed-header',
        headerTooltip: t.computedTip,
      };
    return { ...def, width: 150, type: 'rightAligned', cellClass: 'stated', headerClass: 'stated-header', headerTooltip: t.statedTip };
  });
}

/** The ledger's columns: the payment as the export's 拨付台账 sheet lists it, then the line's running figures. */
function paymentColumn(field: string, def: ColDef<RowData>, t: Strings): ColDef<RowData> {
  // One line a payment, so a line's payments read down as a list; a long text shows in full on hover and in its editor.
  const text = { ...def, cellClass: 'one-line' };
  switch (field) {
    case 'line':
      return { ...def, width: 60, type: 'rightAligned', valueFormatter: (p) => String(p.value ?? '') };
    case 'name':
      return { ...text, minWidth: 150, flex: 2, cellClass: 'one-line line-name', headerClass: 'computed-header' };
    case 'date':
      return { ...def, width: 104 };
    case 'amount':
      return { ...def, width: 108, type: 'rightAligned' };
    case 'payee':
      return { ...text, width: 140 };
    case 'voucher':
      return { ...text, width: 108 };
    case 'stage':
      return { ...text, width: 80 };
    case 'note':
      return { ...text, minWidth: 90, flex: 1 };
    default:
      // 累计, 累计拨付率: computed, shaded as the rate of table 三 is.
      return {
        ...def,
        width: field === 'running' ? 108 : 104,
        type: 'rightAligned',
        cellClass: 'computed',
        headerClass: 'computed-header',
        headerTooltip: t.runningTip,
      };
  }
}
