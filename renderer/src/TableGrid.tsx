// One of the two tables as a spreadsheet: type to edit, Enter/Tab/arrows move, paste a block
// copied from Excel or WPS, copy rows or a cell, insert/delete/reorder rows. Nothing is stored
// by the grid itself: every change goes through the contract, so undo covers it.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule, ModuleRegistry, themeQuartz,
  type CellClassParams, type CellEditRequestEvent, type ColDef, type GridApi, type ITooltipParams, type ValueFormatterParams,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { parseCell, EDITABLE, categoryLabel, type EditTable, type RawValue } from '../../shared/fields';
import { formatWanTable, parseMoney, showRate } from '../../shared/money';
import { CATEGORIES, type Category } from '../../shared/text';
import { parseBlock, formatBlock } from '../../shared/clipboard';
import { findingMessage, fieldLabel, type Lang } from '../../shared/i18n';
import type { Finding } from '../../shared/findings';
import type { CountyRecord } from '../../shared/record';
import type { Strings } from './strings';
import type { CellEdit } from './useRecord';

ModuleRegistry.registerModules([AllCommunityModule]);

type RowData = Record<string, unknown> & { id: number };
export type GridHandle = { focus: (row: number, field: string) => void };
export type RowOp = { kind: 'insert'; index: number } | { kind: 'delete'; rowIds: number[] } | { kind: 'move'; rowId: number; toIndex: number };

type Props = {
  table: EditTable;
  record: CountyRecord;
  rowIds: number[];
  findings: Finding[];
  lang: Lang;
  t: Strings;
  onEdit: (edits: CellEdit[]) => void;
  /** Cell edits plus rows appended past the end (paste), written as one step. */
  onPaste: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<void>;
  onRows: (op: RowOp) => Promise<void>;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
};

/** Past this many rows the grid scrolls inside a fixed height, so only visible rows render. */
const LONG_TABLE = 60;

export const TableGrid = forwardRef<GridHandle, Props>(function TableGrid(props, ref) {
  const { table, record, rowIds, findings, lang, t, onEdit, onPaste, onRows, onMessage } = props;
  const apiRef = useRef<GridApi<RowData> | null>(null);

  useImperativeHandle(ref, () => ({
    focus: (row, field) => {
      const api = apiRef.current;
      if (!api) return;
      api.ensureIndexVisible(row, 'middle');
      api.ensureColumnVisible(field);
      api.setFocusedCell(row, field);
    },
  }));

  // A row whose values did not change keeps its object, so the grid only redraws changed rows.
  const previous = useRef(new Map<number, RowData>());
  const rows: RowData[] = useMemo(() => {
    const next = new Map<number, RowData>();
    const list = (record[table] as unknown as Record<string, unknown>[]).map((r, i) => {
      const row: RowData = { ...r, id: rowIds[i] };
      const old = previous.current.get(row.id);
      const same = old && Object.keys(row).length === Object.keys(old).length && Object.keys(row).every((k) => old[k] === row[k]);
      const kept = same ? old : row;
      next.set(row.id, kept);
      return kept;
    });
    previous.current = next;
    return list;
  }, [record, table, rowIds]);

  const cellFindings = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.target?.table !== table || f.target.row === undefined) continue;
      const key = `${f.target.row}:${f.target.field ?? 'name'}`;
      map.set(key, [...(map.get(key) ?? []), f]);
    }
    return map;
  }, [findings, table]);

  // Column definitions stay the same while findings change (a new set would make the grid
  // rebuild its columns on every keystroke); the markers read the findings through a ref.
  const findingsRef = useRef(cellFindings);
  findingsRef.current = cellFindings;
  const findingsOf = useCallback((p: { node: { rowIndex: number | null; rowPinned?: string | null } | null; colDef: ColDef }) => {
    if (!p.node || p.node.rowPinned || p.node.rowIndex === null) return [];
    return findingsRef.current.get(`${p.node.rowIndex}:${p.colDef.field}`) ?? [];
  }, []);
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [cellFindings]);

  const columnDefs = useMemo<ColDef<RowData>[]>(() => {
    const header = (field: string) => (field === 'name' && table === 'disbursements' ? t.columns.disbursementName : t.columns[field]);
    const marks = {
      cellClassRules: {
        'cell-error': (p: CellClassParams) => findingsOf(p).some((f) => f.severity === 'error'),
        'cell-warning': (p: CellClassParams) => findingsOf(p).some((f) => f.severity === 'warning'),
      },
      tooltipValueGetter: (p: ITooltipParams) => {
        const list = findingsOf({ node: p.node as never, colDef: p.colDef as ColDef });
        return list.length ? list.map((f) => findingMessage(f, lang)).join('\n') : undefined;
      },
    };
    const col = (field: string, extra: ColDef<RowData> = {}): ColDef<RowData> => ({ field, colId: field, headerName: header(field), editable: (p) => !p.node.rowPinned, ...marks, ...extra });
    // Text columns share what width there is (the screen may be a 1366×768 office laptop).
    const text = (field: string, width: number): ColDef<RowData> =>
      col(field, { minWidth: width, flex: field === 'name' ? 1 : 2, wrapText: true, autoHeight: true, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: 100_000, rows: 12, cols: 70 } });
    const category = col('category', {
      width: 140,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...CATEGORIES], formatValue: (v: Category) => categoryLabel(v, lang) },
      valueFormatter: (p: ValueFormatterParams) => (p.value ? categoryLabel(p.value as Category, lang) : ''),
    });
    const seq = col('seq', { width: 70, type: 'rightAligned', valueFormatter: (p: ValueFormatterParams) => String(p.value ?? '') });
    if (table === 'items')
      return [seq, category, text('name', 150), text('target', 200), text('completion', 240), col('completionRate', { width: 120, type: 'rightAligned' })];
    const tableMoney = (value: unknown) => {
      const parsed = typeof value === 'string' ? parseMoney(value) : null;
      return parsed?.ok ? formatWanTable(parsed.value) : '';
    };
    const money = (field: string) => col(field, { width: 140, type: 'rightAligned', valueFormatter: (p: ValueFormatterParams) => tableMoney(p.value) });
    return [
      seq, category, text('name', 180), money('planned'), money('actual'),
      { field: 'rate', colId: 'rate', headerName: header('rate'), width: 120, type: 'rightAligned', editable: false, cellClass: 'computed', valueFormatter: (p: ValueFormatterParams) => showRate(p.value as string | null) },
      col('statedRate', { width: 120, type: 'rightAligned' }),
    ];
  }, [table, t, lang, findingsOf]);

  const pinnedBottom = useMemo(
    () => (table === 'disbursements' ? [{ id: -1, seq: t.total, name: '', planned: record.totals.planned, actual: record.totals.actual, rate: record.totals.rate, statedRate: record.totals.statedRate ?? null }] : undefined),
    [table, record.totals, t.total],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<RowData>) => {
      const field = e.colDef.field!;
      const raw = (e.newValue ?? null) as RawValue;
      const parsed = parseCell(table, field, raw);
      const rowNo = (e.node.rowIndex ?? 0) + 1;
      if (!parsed.ok) {
        const msg = findingMessage({ severity: 'error', code: parsed.code, params: { field, value: raw === null ? '' : String(raw), seq: String(e.data.seq), ...(parsed.problem ? { problem: parsed.problem } : {}) } }, lang);
        onMessage(`${lang === 'zh' ? `第 ${rowNo} 行 ${fieldLabel(field, lang)}` : `Row ${rowNo}, ${fieldLabel(field, lang)}`}: ${msg}`, 'error');
        e.api.refreshCells({ rowNodes: [e.node], columns: [field], force: true });
        e.api.flashCells({ rowNodes: [e.node], columns: [field] });
        return;
      }
      onEdit([{ table, rowId: e.data.id, field, raw, value: parsed.value }]);
    },
    [table, lang, onEdit, onMessage],
  );

  const editableColumns = useCallback(() => (apiRef.current?.getAllDisplayedColumns() ?? []).map((c) => c.getColId()), []);

  const onPasteEvent = useCallback(
    async (ev: React.ClipboardEvent) => {
      const api = apiRef.current;
      const target = ev.target as HTMLElement;
      if (!api || target.closest('input, textarea, select, .ag-popup-editor')) return;
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      ev.preventDefault();
      const block = parseBlock(ev.clipboardData.getData('text/plain'));
      if (block.length === 0) return;
      const columns = editableColumns();
      const start = columns.indexOf(focused.column.getColId());
      const edits: { rowId: number; field: string; value: RawValue }[] = [];
      const append: Record<string, RawValue>[] = [];
      block.forEach((cells, r) => {
        const rowIndex = focused.rowIndex + r;
        const values: Record<string, RawValue> = {};
        cells.forEach((value, c) => {
          const field = columns[start + c];
          if (field && EDITABLE[table].includes(field)) values[field] = value;
        });
        if (rowIndex < rowIds.length) for (const [field, value] of Object.entries(values)) edits.push({ rowId: rowIds[rowIndex], field, value });
        else append.push(values);
      });
      await onPaste(edits, append);
      onMessage(t.pasted(block.length, Math.max(...block.map((r) => r.length))), 'info');
    },
    [table, rowIds, onPaste, onMessage, t, editableColumns],
  );

  const onCopyEvent = useCallback(
    (ev: React.ClipboardEvent) => {
      const api = apiRef.current;
      if (!api || (ev.target as HTMLElement).closest('input, textarea, select, .ag-popup-editor')) return;
      const selected = api.getSelectedRows();
      const focused = api.getFocusedCell();
      // Categories go out by name: they read right in Excel and paste back here all the same.
      const text = (v: unknown, column: string) => (v === null || v === undefined ? '' : column === 'category' ? categoryLabel(v as Category, lang) : String(v));
      let block: string[][];
      if (selected.length > 1 || (selected.length === 1 && !focused)) block = selected.map((r) => editableColumns().map((c) => text(r[c], c)));
      else if (focused) {
        const row: Record<string, unknown> | undefined = focused.rowPinned ? pinnedBottom?.[0] : rows[focused.rowIndex];
        const column = focused.column.getColId();
        block = [[text(row?.[column], column)]];
      } else return;
      ev.preventDefault();
      ev.clipboardData.setData('text/plain', formatBlock(block));
      onMessage(t.copied, 'info');
    },
    [rows, pinnedBottom, onMessage, t, editableColumns, lang],
  );

  const focusedRow = () => {
    const f = apiRef.current?.getFocusedCell();
    return f && !f.rowPinned ? f.rowIndex : null;
  };
  const selectedIds = () => {
    const sel = apiRef.current?.getSelectedRows().map((r) => r.id) ?? [];
    const f = focusedRow();
    return sel.length ? sel : f !== null ? [rowIds[f]] : [];
  };

  return (
    <div className="table-block" data-table={table}>
      <div className="grid-tools">
        <button onClick={() => void onRows({ kind: 'insert', index: focusedRow() ?? rowIds.length })}>{t.insertRow}</button>
        <button onClick={() => void onRows({ kind: 'insert', index: rowIds.length })}>{t.appendRow}</button>
        <button onClick={() => { const ids = selectedIds(); if (ids.length) void onRows({ kind: 'delete', rowIds: ids }); }}>{t.deleteRows}</button>
        <button onClick={() => { const f = focusedRow(); if (f !== null && f > 0) void onRows({ kind: 'move', rowId: rowIds[f], toIndex: f - 1 }).then(() => apiRef.current?.setFocusedCell(f - 1, apiRef.current.getFocusedCell()?.column ?? 'name')); }}>{t.moveUp}</button>
        <button onClick={() => { const f = focusedRow(); if (f !== null && f < rowIds.length - 1) void onRows({ kind: 'move', rowId: rowIds[f], toIndex: f + 1 }).then(() => apiRef.current?.setFocusedCell(f + 1, apiRef.current.getFocusedCell()?.column ?? 'name')); }}>{t.moveDown}</button>
      </div>
      <div className="grid" style={rows.length > LONG_TABLE ? { height: 640 } : undefined} onPaste={(e) => void onPasteEvent(e)} onCopy={onCopyEvent}>
        <AgGridReact<RowData>
          theme={themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 13, headerFontWeight: 600 })}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true }}
          getRowId={(p) => String(p.data.id)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          pinnedBottomRowData={pinnedBottom}
          domLayout={rows.length > LONG_TABLE ? 'normal' : 'autoHeight'}
          localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
          rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={200}
          onGridReady={(e) => (apiRef.current = e.api)}
          getRowClass={(p) => (p.node.rowPinned ? 'total-row' : undefined)}
        />
      </div>
    </div>
  );
});
