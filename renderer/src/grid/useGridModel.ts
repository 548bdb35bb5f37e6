// What AG Grid is given, kept up to date: the rows (a row edited in place takes its new values by
// its id, gridRows.ts), 合计, the notes on the cells (only rows whose notes changed are drawn again)
// and the column definitions, which read the notes and the selection through the session.
import type { Said } from '../said';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { GridSession } from './controller';
import { buildColumnDefs, type CellParams, type RowData } from './gridOptions';
import { nextRows, rowsWithNewNotes, type GridRows } from './gridRows';
import { cellNotesOf } from './session';
import type { GridProps } from './TableGrid';
import type { GridRefs } from './useGridSession';
import { placeSink, redrawRows } from './useGridSession';

export function useGridModel(props: GridProps, session: GridSession, refs: GridRefs, pasteMarks: ReadonlyMap<string, Said>) {
  const { rowsRef, apiRef } = refs;
  const { columns } = session;
  const { table, rowIds, lang, t } = props;
  // A row whose values did not change keeps its object; typing hands AG Grid the changed rows only.
  const previous = useRef<GridRows | null>(null);
  const { rows, changed } = useMemo(() => {
    const next = nextRows(previous.current, props.rows, rowIds);
    previous.current = next.rows;
    return { rows: next.rows.rows, changed: next.changed };
  }, [props.rows, rowIds]);
  rowsRef.current = rows;
  // AG Grid is given its first rows as props, and every change after through its API.
  const [first] = useState({ rows, pinned: props.pinned });
  useLayoutEffect(() => {
    const api = refs.apiRef.current;
    if (!api) return;
    // A row edited in place takes its new values by its id (the rows are neither sorted nor filtered: nothing else moves).
    if (changed === null) api.setGridOption('rowData', rows);
    else for (const row of changed) api.getRowNode(String(row.id))?.updateData(row);
  }, [rows, changed, refs]);
  useLayoutEffect(() => updatePinned(refs.apiRef.current, props.pinned ?? []), [props.pinned, refs]);
  useEffect(() => {
    session.rowsChanged();
    requestAnimationFrame(() => placeSink(refs, session));
  }, [rows, session, refs]);

  const notes = useCellNotes(props, pasteMarks, refs);
  useEffect(() => {
    refs.apiRef.current?.refreshCells();
  }, [props.locked, props.recordLocked, refs]);

  // The columns: stable while typing (they read notes, locks and the selection when drawn).
  const columnDefs = useMemo(() => {
    const colIndex = new Map(columns.map((c, i) => [c.field, i]));
    const at = (p: CellParams) =>
      !p.node || p.node.rowPinned || p.node.rowIndex === null
        ? null
        : { row: p.node.rowIndex, col: colIndex.get(p.colDef.field!) ?? -1, field: p.colDef.field! };
    return buildColumnDefs({
      table,
      columns,
      t,
      lang,
      notesOf: (p) => {
        const c = at(p);
        return c ? (notes.current.get(`${c.row}:${c.field}`) ?? []) : [];
      },
      selected: (p, name) => {
        const c = at(p);
        return !!c && session.selected(c.row, c.col, name);
      },
      lockTipOf: (p) => {
        const c = at(p);
        return c ? (session.lockAt(c.row, c.field)?.tip ?? null) : null;
      },
    });
  }, [table, columns, t, lang, session, notes]); // (notes: the same ref throughout)

  /** The grid is made: the rows and 合计 that came meanwhile. */
  const onGridReady = (api: GridApi<RowData>) => {
    apiRef.current = api;
    if (session.rows !== first.rows) api.setGridOption('rowData', session.rows as RowData[]);
    if (session.props.pinned !== first.pinned) updatePinned(api, session.props.pinned ?? []);
  };
  return { rows, first, columnDefs, onGridReady };
}

/** The notes on the cells (findings, marks, pasted values refused) by `row:field`, as the columns read them when drawn; only the rows whose notes changed are drawn again. */
function useCellNotes(props: GridProps, pasteMarks: ReadonlyMap<string, Said>, refs: GridRefs) {
  const { table, rowIds, findings, marks, lang } = props;
  const cellNotes = useMemo(
    () => cellNotesOf(table, findings, marks, pasteMarks, rowIds, lang),
    [findings, marks, pasteMarks, rowIds, table, lang],
  );
  const notes = useRef(cellNotes);
  notes.current = cellNotes;
  // (Typing changes a row's findings, not the table's.)
  const drawn = useRef(cellNotes);
  useEffect(() => {
    const rowList = rowsWithNewNotes(drawn.current, cellNotes);
    drawn.current = cellNotes;
    if (rowList.length) redrawRows(refs.apiRef.current, rowList);
  }, [cellNotes, refs]);
  return notes;
}

/** 合计 takes the new figures in its row. */
function updatePinned(api: GridApi<RowData> | null, pinned: RowData[]) {
  if (!api) return;
  if (api.getPinnedBottomRowCount() !== pinned.length) api.setGridOption('pinnedBottomRowData', pinned);
  else pinned.forEach((row, i) => api.getPinnedBottomRow(i)?.updateData(row));
}
