// A table (二, 三 or the ledger) as a spreadsheet with the keyboard of Excel and WPS (docs/keyboard.md).
//
// AG Grid draws the table (rows, columns, heights, the 合计 row, tooltips); the grid does its own
// selection (selection.ts), keyboard (keymap.ts) and editing, as one session (controller.ts) this
// component forwards its events to. The keyboard goes to one text area that always holds the focus
// while the table is in use and sits over the active cell: typing lands in it directly, so no key is
// lost while an editor opens (there is none to open), and an input method composes in it as in any
// text field. Nothing is stored by the grid itself: every change goes through the contract, so undo
// covers it.
import { forwardRef, useImperativeHandle, useState, type ForwardedRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { RawValue } from '../../../shared/fields';
import type { Lang } from '../../../shared/i18n';
import type { Finding } from '../../../shared/findings';
import type { Strings } from '../strings';
import type { CellEdit, EditOptions } from '../useRecord';
import type { CellCheck } from './blocks';
import type { GridSession } from './controller';
import type { RowOp } from './actions';
import type { GridTable } from './columns';
import { DEFAULT_COL_DEF, LONG_TABLE, ROW_CLASS_RULES, THEME, rowIdOf, type RowData } from './gridOptions';
import { CategoryList } from './CategoryList';
import { GridTools } from './GridTools';
import { isMac, placeSink, useGridEvents, useGridSession, type GridRefs } from './useGridSession';
import { useGridModel } from './useGridModel';
import type { Said, Say } from '../said';

ModuleRegistry.registerModules([AllCommunityModule]);

export type GridHandle = {
  /** Selects a cell and gives the table the keyboard (a finding's place, say). */
  focus: (row: number, field: string) => void;
  /** A value typed into a cell and not stored (refused), described; null when there is none. */
  unsaved: () => string | null;
  /** Drops such a value (the user chose to). */
  discard: () => void;
};
export type { RowOp, GridTable, RowData };
/** A mark the app puts on a cell: a value refused or kept as a draft, with its message; or a note (info). */
export type CellMark = { kind: 'error' | 'draft' | 'info'; message: string };
/** A cell its row keeps computed (a line with payments): the refusal when something is typed or pasted into it, and its tooltip. */
export type CellLock = { message: Said; tip: string };

export type GridProps = {
  table: GridTable;
  /** The record shown: selection and editing start afresh when it changes. */
  recordId: number;
  /** The table's rows as shown, in order, and their ids (the ledger's new payments have keys below 0). */
  rows: readonly object[];
  rowIds: number[];
  /** Rows under the table (合计). */
  pinned?: RowData[];
  /** How a typed or pasted value is read, or why not (default: table 二 or 三's own). */
  check?: CellCheck;
  /** A cell of an editable column its row keeps computed, or null. */
  locked?: (row: number, field: string) => CellLock | null;
  /** What else goes when these rows are deleted (a line's payments), for the question asked first. */
  goesWith?: (rows: number[]) => string;
  /** F2, a double-click, or a click on its badge, on a locked cell: show where its value comes from. */
  onOpen?: (row: number, field: string) => void;
  /** The selection stays on its rows when they are put in another order (the ledger keeps its order by line and day). */
  followRows?: boolean;
  /** The row the active cell is on (its id), whenever it changes. */
  onActiveRow?: (rowId: number | null) => void;
  /** What an empty table says (default: how to add rows to 二 or 三). */
  emptyText?: string;
  findings: Finding[];
  /** Marks by `${rowId}:${field}` (drafts and refusals from the store). */
  marks: ReadonlyMap<string, CellMark>;
  lang: Lang;
  t: Strings;
  onEdit: (edits: CellEdit[], options?: EditOptions) => void;
  /** Cell edits plus rows appended past the end (paste), written as one step; false if refused. */
  onPaste: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onRows: (op: RowOp) => Promise<boolean>;
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (question: string, ok: string) => Promise<boolean>;
  /** Why the record cannot be changed (it is accepted); null when it can. */
  recordLocked?: Said | null;
};

/** What the record view asks of the table: select a cell, what is typed and not stored, drop it. */
function useGridHandle(ref: ForwardedRef<GridHandle>, session: GridSession, refs: GridRefs) {
  useImperativeHandle(ref, () => ({
    focus: (row, field) => {
      session.focusCell(row, field);
      refs.sinkRef.current?.focus({ preventScroll: true });
    },
    unsaved: () => session.unsaved(),
    discard: () => session.endEdit(),
  }));
}

type GridEvents = ReturnType<typeof useGridEvents>;

/** The text area that holds the keyboard while the table is in use, over the active cell: every key, input, copy and paste goes to the session. */
function KeySink({ refs, table, label, on }: { refs: GridRefs; table: GridTable; label: string; on: GridEvents }) {
  return (
    <textarea
      ref={refs.sinkRef}
      className="grid-editor"
      data-grid-sink={table}
      aria-label={label}
      spellCheck={false}
      autoComplete="off"
      rows={1}
      onKeyDown={on.onKeyDown}
      onInput={on.onInput}
      onCompositionStart={on.onCompositionStart}
      onCopy={(e) => on.onCopy(e)}
      onCut={(e) => on.onCopy(e, true)}
      onPaste={on.onPaste}
      onBlur={on.onBlur}
      onFocus={on.onFocus}
    />
  );
}

type SessionState = ReturnType<typeof useGridSession>;

/** What shows under the active cell: why a typed value is refused, why a cell cannot be changed, or the category list to pick from. */
function CellPopups(props: { state: SessionState; refs: GridRefs; lang: Lang; t: Strings; onPick: GridEvents['pick'] }) {
  const { lang, t } = props;
  const { editing, editError, notice, list } = props.state;
  const sinkStyle = props.refs.sinkRef.current?.style;
  const popup = {
    top: sinkStyle ? parseFloat(sinkStyle.top) + parseFloat(sinkStyle.height) : 0,
    left: sinkStyle ? parseFloat(sinkStyle.left) : 0,
  };
  return (
    <>
      {editing && editError && (
        <div className="grid-edit-error" role="alert" style={popup}>
          {editError(lang)} {t.editHint}
        </div>
      )}
      {notice?.at === 'cell' && !editing && (
        <div className="grid-edit-error locked-notice" role="alert" style={popup}>
          {notice.text(lang)}
        </div>
      )}
      {editing && list && !editError && <CategoryList list={list} top={popup.top} left={popup.left} onPick={props.onPick} />}
    </>
  );
}

export const TableGrid = forwardRef<GridHandle, GridProps>(function TableGrid(props, ref) {
  const { table, lang, t } = props;
  const [stableRefs] = useState<GridRefs>(() => ({
    rowsRef: { current: [] },
    apiRef: { current: null },
    wrapRef: { current: null },
    sinkRef: { current: null },
  }));
  const state = useGridSession(props, stableRefs);
  const { session, notice, pasteMarks } = state;
  const { rows, first, columnDefs, onGridReady } = useGridModel(props, session, stableRefs, pasteMarks);
  const on = useGridEvents(session, stableRefs, table);
  useGridHandle(ref, session, stableRefs);
  const place = () => placeSink(stableRefs, session);
  const long = rows.length > LONG_TABLE;
  return (
    <div className="table-block" data-table={table}>
      <GridTools
        table={table}
        recordLocked={props.recordLocked?.(props.lang) ?? null}
        t={t}
        mac={isMac}
        onOp={(op) => void session.rowOp(op)}
      />
      {notice?.at === 'tools' && (
        <p className="grid-notice" role="alert">
          {notice.text(props.lang)}
        </p>
      )}
      <div
        className={`grid${rows.length === 0 ? ' empty-grid' : ''}`}
        ref={stableRefs.wrapRef}
        style={long ? { height: 640 } : undefined}
        onMouseDown={on.onMouseDown}
        onDoubleClick={on.onDoubleClick}
      >
        <AgGridReact<RowData>
          theme={THEME}
          rowData={first.rows}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={rowIdOf}
          suppressCellFocus
          suppressHeaderFocus
          pinnedBottomRowData={first.pinned}
          domLayout={long ? 'normal' : 'autoHeight'}
          localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
          overlayNoRowsTemplate={`<span class="empty-table">${props.emptyText ?? t.emptyTable}</span>`}
          tooltipShowDelay={200}
          onGridReady={(e) => onGridReady(e.api)}
          onBodyScroll={place}
          onColumnResized={place}
          onModelUpdated={place}
          rowClassRules={ROW_CLASS_RULES}
        />
        <KeySink refs={stableRefs} table={table} label={t.cellEditor} on={on} />
        <CellPopups state={state} refs={stableRefs} lang={lang} t={t} onPick={on.pick} />
      </div>
    </div>
  );
});
