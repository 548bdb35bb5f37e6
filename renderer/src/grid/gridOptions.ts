// What AG Grid is given to draw a table: the theme, the column definitions (widths, formats, the
// classes that draw marks and the selection, tooltips) and the 合计 row. Everything here is
// stable from render to render: a new object or function each time makes AG Grid rebuild its
// style sheet or its columns (tens of ms on every keystroke).
import { themeQuartz, type CellClassParams, type ColDef, type ITooltipParams, type ValueFormatterParams } from 'ag-grid-community';
import { categoryLabel, type EditTable } from '../../../shared/fields';
import type { Category } from '../../../shared/text';
import type { Lang } from '../../../shared/i18n';
import type { CountyRecord } from '../../../shared/record';
import type { Strings } from '../strings';
import type { GridColumn } from './blocks';
import { LONG_TEXT, displayText } from './columns';

export type RowData = Record<string, unknown> & { id: number };
/** What a cell carries besides its value: a finding, a refusal, a draft. */
export type CellNote = { severity: 'error' | 'warning' | 'draft' | 'info'; text: string };
export type CellParams = { node: { rowIndex: number | null; rowPinned?: string | null } | null; colDef: ColDef };

export const THEME = themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 13, headerFontWeight: 600, cellHorizontalPadding: 10 });
export const DEFAULT_COL_DEF: ColDef = { wrapHeaderText: true, autoHeaderHeight: true, suppressMovable: true };
export const rowIdOf = (p: { data: RowData }) => String(p.data.id);
export const rowClassOf = (p: { node: { rowPinned?: string | null } }) => (p.node.rowPinned ? 'total-row' : undefined);
/** Past this many rows the grid scrolls inside a fixed height, so only visible rows render. */
export const LONG_TABLE = 60;
const SELECTION_CLASSES = ['sel-active', 'sel-in', 'sel-top', 'sel-bottom', 'sel-left', 'sel-right'];

/**
 * The columns. `notesOf` and `selected` read the grid's current marks and selection (through refs),
 * so the definitions stay the same while they change; a refresh of the cells redraws them.
 */
export function buildColumnDefs(args: {
  table: EditTable;
  columns: readonly GridColumn[];
  t: Strings;
  lang: Lang;
  notesOf: (p: CellParams) => CellNote[];
  selected: (p: CellParams, className: string) => boolean;
}): ColDef<RowData>[] {
  const { table, columns, t, lang, notesOf, selected } = args;
  const header = (field: string) => (field === 'name' && table === 'disbursements' ? t.columns.disbursementName : t.columns[field]);
  const classRules: ColDef['cellClassRules'] = {
    'cell-error': (p) => notesOf(p as CellParams).some((n) => n.severity === 'error'),
    'cell-warning': (p) => notesOf(p as CellParams).some((n) => n.severity === 'warning'),
    'cell-draft': (p) => notesOf(p as CellParams).some((n) => n.severity === 'draft'),
    ...Object.fromEntries(SELECTION_CLASSES.map((name) => [name, (p: CellClassParams) => selected(p as CellParams, name)])),
  };
  return columns.map(({ field }): ColDef<RowData> => {
    const def: ColDef<RowData> = {
      field, colId: field, headerName: header(field), editable: false, sortable: false,
      cellClassRules: classRules,
      valueFormatter: (p: ValueFormatterParams) => displayText(field, p.value, lang),
      tooltipValueGetter: (p: ITooltipParams) => {
        const notes = notesOf({ node: p.node as CellParams['node'], colDef: p.colDef as ColDef });
        if (notes.length) return notes.map((n) => n.text).join('\n');
        // A category name cut short by a narrow window still reads in full on hover.
        return field === 'category' && p.value ? categoryLabel(p.value as Category, lang) : undefined;
      },
    };
    if (field === 'seq') return { ...def, width: 64, type: 'rightAligned', valueFormatter: (p) => String(p.value ?? '') };
    if (field === 'category') return { ...def, width: 168 };
    if (LONG_TEXT.has(field)) return { ...def, minWidth: field === 'name' ? 160 : 200, flex: field === 'name' ? 1 : 2, wrapText: true, autoHeight: true };
    if (field === 'completionRate') return { ...def, width: 150, type: 'rightAligned' };
    if (field === 'planned' || field === 'actual') return { ...def, width: 156, type: 'rightAligned' };
    // The computed rate is shaded; the rate as filed (原表) in italics: a reviewer must not take one for the other.
    if (field === 'rate') return { ...def, width: 124, type: 'rightAligned', cellClass: 'computed', headerClass: 'computed-header', headerTooltip: t.computedTip };
    return { ...def, width: 150, type: 'rightAligned', cellClass: 'stated', headerClass: 'stated-header', headerTooltip: t.statedTip };
  });
}

/** The 合计 row of table 三. */
export function totalRow(totals: CountyRecord['totals'], t: Strings): RowData[] {
  return [{ id: -1, seq: t.total, name: '', planned: totals.planned, actual: totals.actual, rate: totals.rate, statedRate: totals.statedRate ?? null }];
}
