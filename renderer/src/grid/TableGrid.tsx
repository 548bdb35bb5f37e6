// A table (二, 三 or the ledger) as a spreadsheet with the keyboard of Excel and WPS (docs/keyboard.md).
//
// AG Grid draws the table (rows, columns, heights, the 合计 row, tooltips); the grid does its own
// selection (selection.ts), keyboard (keymap.ts) and editing. The keyboard goes to one text area
// that always holds the focus while the table is in use and sits over the active cell: typing
// lands in it directly, so no key is lost while an editor opens (there is none to open), and an
// input method composes in it as in any text field. Nothing is stored by the grid itself: every
// change goes through the contract, so undo covers it.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry, type GridApi } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { EditTable, RawValue } from '../../../shared/fields';
import type { Lang } from '../../../shared/i18n';
import type { Finding } from '../../../shared/findings';
import type { Strings } from '../strings';
import type { CellEdit } from '../useRecord';
import { commandFor, type EditMode, type GridCommand } from './keymap';
import { bounds, cellClasses, moveTo, rowsToRedraw, selectAll, single, type Cell, type Selection } from './selection';
import { copyBlock, tableCheck, type CellCheck } from './blocks';
import {
  cellNotesOf,
  commitOutcome,
  keepUnchanged,
  listHighlight,
  navigate,
  selectionAfterRows,
  tabTo,
  typedWhereNot,
  whyNotEditable,
} from './session';
import { clearCells, copyCells, fillCells, pasteText, rowOperation, type GridCore, type RowOp } from './actions';
import { LONG_TEXT, gridColumns, rawText, type GridTable } from './columns';
import { cellPlace } from './refusal';
import {
  DEFAULT_COL_DEF,
  LONG_TABLE,
  ROW_CLASS_RULES,
  THEME,
  buildColumnDefs,
  rowIdOf,
  type CellParams,
  type RowData,
} from './gridOptions';
import { cellAtPoint as cellAtPoint_, cellElement as cellElement_, editorBox } from './geometry';
import { CategoryList, LIST_FIELDS, listFor, type ListState } from './CategoryList';
import { GridTools } from './GridTools';
import type { Say } from '../said';

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
export type CellLock = { message: string; tip: string };

type Props = {
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
  onEdit: (edits: CellEdit[], options?: { clear?: boolean }) => void;
  /** Cell edits plus rows appended past the end (paste), written as one step; false if refused. */
  onPaste: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onRows: (op: RowOp) => Promise<boolean>;
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (question: string, ok: string) => Promise<boolean>;
  /** Why the record cannot be changed (it is accepted); null when it can. */
  recordLocked?: string | null;
};

type Editing = { mode: EditMode; cell: Cell; original: string };
const isMac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac');

const NO_LOCK = () => null;
/** The width of a locked cell's badge (styles.css: .ledger-cell::before), where a click opens it. */
const BADGE_WIDTH = 34;

export const TableGrid = forwardRef<GridHandle, Props>(function TableGrid(props, ref) {
  const { table, recordId, rowIds, findings, marks, lang, t } = props;
  const apiRef = useRef<GridApi<RowData> | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  const columns = useMemo(() => gridColumns(table), [table]);
  const colIndex = useMemo(() => new Map(columns.map((c, i) => [c.field, i])), [columns]);
  const editableFlags = useMemo(() => columns.map((c) => c.editable), [columns]);

  // The latest props, for handlers that run between renders (keys come faster than frames).
  const live = useRef(props);
  live.current = props;
  const selRef = useRef<Selection | null>(null);
  const editRef = useRef<Editing | null>(null);
  const pendingAppend = useRef<Promise<unknown> | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  // A change refused because the record is locked, said where it was tried: at the cell or at the row tools.
  const [notice, setNotice] = useState<{ text: string; at: 'cell' | 'tools' } | null>(null);
  /** True (and said where) when the record is locked. */
  useEffect(() => {
    if (!props.recordLocked) setNotice(null);
  }, [props.recordLocked]);
  const refuseLocked = (at: 'cell' | 'tools'): boolean => {
    const why = live.current.recordLocked;
    if (!why) return false;
    setNotice({ text: why, at });
    live.current.onMessage(why, 'error');
    return true;
  };
  const [list, setList] = useState<ListState | null>(null);
  const listRef = useRef<ListState | null>(null);
  listRef.current = list;
  // Bad cells of a refused paste, by `${row}:${field}`, until the next change or Escape.
  const [pasteMarks, setPasteMarks] = useState<ReadonlyMap<string, string>>(new Map());

  // A row whose values did not change keeps its object, so the grid only redraws changed rows.
  const previous = useRef(new Map<number, RowData>());
  const rows: RowData[] = useMemo(() => {
    const { rows: list, byId } = keepUnchanged(previous.current, props.rows as Record<string, unknown>[], rowIds);
    previous.current = byId;
    return list;
  }, [props.rows, rowIds]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  // A row that Tab is adding counts already: Enter and the arrows may go to it.
  const dims = () => ({ rows: rowsRef.current.length + (pendingAppend.current ? 1 : 0), cols: columns.length });
  const check: CellCheck = (row, field, raw) => (live.current.check ?? tableCheck(table as EditTable, live.current.lang))(row, field, raw);
  const lockAt = (row: number, field: string) => (row < rowsRef.current.length ? (live.current.locked ?? NO_LOCK)(row, field) : null);

  // ---- marks: findings, refusals, drafts; read by the cell classes through a ref -------------
  // (A lock's own class and tooltip come from `locked`; see lockTipOf.)
  const cellNotes = useMemo(
    () => cellNotesOf(table, findings, marks, pasteMarks, rowIds, lang),
    [findings, marks, pasteMarks, rowIds, table, lang],
  );
  const notesRef = useRef(cellNotes);
  notesRef.current = cellNotes;
  useEffect(() => {
    apiRef.current?.refreshCells();
  }, [cellNotes, props.locked, props.recordLocked]);

  // ---- columns (stable while typing: they read marks and the selection through refs) ---------
  const columnDefs = useMemo(() => {
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
        return c ? (notesRef.current.get(`${c.row}:${c.field}`) ?? []) : [];
      },
      selected: (p, name) => {
        const c = at(p);
        return !!c && cellClasses(selRef.current, c.row, c.col).includes(name);
      },
      lockTipOf: (p) => {
        const c = at(p);
        return c ? (lockAt(c.row, c.field)?.tip ?? null) : null;
      },
    });
  }, [table, columns, colIndex, t, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- where things are on screen ---------------------------------------------------------------
  const cellElement = (cell: Cell) => cellElement_(wrapRef.current, cell.row, columns[cell.col]?.field);

  /** Puts the text area over the active cell (grown for long text while editing). */
  const placeSink = useCallback(() => {
    const sink = sinkRef.current;
    const wrap = wrapRef.current;
    const s = selRef.current;
    if (!sink || !wrap) return;
    const edit = editRef.current;
    const box = editorBox(wrap, s ? cellElement(s.active) : null, !!edit && LONG_TEXT.has(columns[edit.cell.col].field));
    Object.assign(sink.style, { top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` });
  }, [columns]); // eslint-disable-line react-hooks/exhaustive-deps

  const reveal = (cell: Cell, frames = 30) => {
    const api = apiRef.current;
    if (api && rowsRef.current.length > LONG_TABLE) {
      api.ensureIndexVisible(cell.row);
      api.ensureColumnVisible(columns[cell.col].field);
    }
    const element = cellElement(cell);
    // A row just added (添加一笔 under a long ledger) is drawn a few frames later: scrolled to once it is.
    if (element) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    else if (frames > 0) requestAnimationFrame(() => selRef.current?.active === cell && reveal(cell, frames - 1));
  };

  // ---- selection ----------------------------------------------------------------------------------
  const redraw = (before: Selection | null, after: Selection | null) => {
    const api = apiRef.current;
    if (!api) return;
    const rowList = rowsToRedraw(before, after);
    if (rowList.length > 200) api.refreshCells();
    else api.refreshCells({ rowNodes: rowList.map((i) => api.getDisplayedRowAtIndex(i)).filter((n) => !!n) });
  };

  /** Keys typed on a cell that cannot take them, since the selection came there (quoted whole in the message). */
  const notTyped = useRef<{ row: number; col: number; text: string } | null>(null);
  // The rows the selection is on, by id: where they went when the rows were put in another order.
  const selIds = useRef<{ anchor: number | null; active: number | null }>({ anchor: null, active: null });
  const noteActiveRow = () => {
    const s = selRef.current;
    const ids = live.current.rowIds;
    const active = s ? (ids[s.active.row] ?? null) : null;
    const changed = active !== selIds.current.active;
    selIds.current = { anchor: s ? (ids[s.anchor.row] ?? null) : null, active };
    if (changed) live.current.onActiveRow?.(active);
  };

  const select = (next: Selection | null, show = true) => {
    const before = selRef.current;
    selRef.current = next;
    notTyped.current = null;
    noteActiveRow();
    if (before && next && (before.active.row !== next.active.row || before.active.col !== next.active.col)) setNotice(null);
    redraw(before, next);
    if (next && show) reveal(next.active);
    placeSink();
  };

  // A new record (or rows gone after an undo): start afresh, or stay inside the table.
  useEffect(() => {
    endEdit();
    setPasteMarks(new Map());
    select(null, false);
  }, [recordId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const options = { followRows: !!props.followRows, editing: !!editRef.current, appending: !!pendingAppend.current, dims: dims() };
    const next = selectionAfterRows(selRef.current, live.current.rowIds, selIds.current, options);
    if (next) select(next, false);
    else noteActiveRow();
    requestAnimationFrame(placeSink);
  }, [rows]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- editing ------------------------------------------------------------------------------------
  const fieldAt = (cell: Cell) => columns[cell.col].field;
  const valueAt = (cell: Cell) => rowsRef.current[cell.row]?.[fieldAt(cell)];

  const openList = (field: string, text: string, current?: unknown) => {
    setList(listFor(field, text, current, lang));
  };

  const beginEdit = (mode: EditMode, text: string | null) => {
    const s = selRef.current;
    const sink = sinkRef.current;
    if (!s || !sink) return false;
    const cell = s.active;
    if (columns[cell.col].editable && refuseLocked('cell')) {
      sink.value = '';
      return false;
    }
    const lock = columns[cell.col].editable ? lockAt(cell.row, fieldAt(cell)) : null;
    const why = whyNotEditable(cell, columns[cell.col], dims().rows, lock, {
      place: cellPlace(cell.row, fieldAt(cell), lang, table),
      noRowHere: t.noRowHere,
      computedCell: t.computedCell,
    });
    if (why) {
      // Typed where nothing can be written: the message says why (and where to go), quoting every key typed there.
      notTyped.current = typedWhereNot(notTyped.current, cell, sink.value);
      const typed = notTyped.current.text;
      sink.value = '';
      live.current.onMessage(`${why}${typed ? ` (${t.notTyped(typed)})` : ''}`, 'error');
      return false;
    }
    // A block collapses to its active cell, as in Excel.
    if (s.anchor.row !== cell.row || s.anchor.col !== cell.col) select(single(cell), false);
    const original = rawText(fieldAt(cell), valueAt(cell), lang);
    if (text !== null) {
      sink.value = text;
      sink.setSelectionRange(text.length, text.length);
    }
    const edit: Editing = { mode, cell, original };
    editRef.current = edit;
    sink.classList.add('editing');
    sink.classList.toggle('multiline', LONG_TEXT.has(fieldAt(cell)));
    setEditing(edit);
    setEditError(null);
    // 类别 opens its whole list to choose from; 阶段 offers the usual stages matching what is typed.
    if (fieldAt(cell) === 'category') openList('category', mode === 'edit' ? '' : sink.value, valueAt(cell));
    else if (fieldAt(cell) === 'stage') openList('stage', mode === 'edit' ? '' : sink.value, valueAt(cell));
    placeSink();
    // A long text's editor is taller than its cell: all of it on screen.
    if (LONG_TEXT.has(fieldAt(cell))) requestAnimationFrame(() => sink.scrollIntoView({ block: 'nearest' }));
    return true;
  };

  function endEdit() {
    const sink = sinkRef.current;
    editRef.current = null;
    if (sink) {
      sink.value = '';
      sink.classList.remove('editing', 'multiline', 'invalid');
    }
    setEditing(null);
    setEditError(null);
    setList(null);
    placeSink();
  }

  /** Stores what the editor holds; false (and the editor stays, with the reason) if refused. */
  const commit = (): boolean => {
    const edit = editRef.current;
    const sink = sinkRef.current;
    if (!edit || !sink) return true;
    const field = fieldAt(edit.cell);
    const outcome = commitOutcome(edit, field, sink.value, listRef.current, check);
    if (outcome.kind === 'unchanged') {
      endEdit();
      return true;
    }
    if (outcome.kind === 'invalid') {
      sink.classList.add('invalid');
      setEditError(outcome.message);
      live.current.onMessage(outcome.message, 'error');
      return false;
    }
    const { text, value } = outcome;
    const row = edit.cell.row;
    const write = () => {
      const id = live.current.rowIds[row];
      if (value === (rowsRef.current[row]?.[field] ?? null)) return;
      live.current.onEdit([{ table, rowId: id, field, raw: text, value: value as CellEdit['value'] }]);
    };
    // A row Tab is still adding: the value waits until the row is on screen; nothing typed is dropped.
    if (row >= live.current.rowIds.length)
      void whenRowExists(row).then((ok) =>
        ok ? write() : live.current.onMessage(`${cellPlace(row, field, lang, table)}: ${t.notTyped(text)}`, 'error'),
      );
    else write();
    setPasteMarks((m) => (m.size ? new Map() : m));
    endEdit();
    return true;
  };

  const whenRowExists = async (row: number): Promise<boolean> => {
    await pendingAppend.current?.catch(() => {});
    for (let frame = 0; frame < 120 && row >= live.current.rowIds.length; frame++) await new Promise((r) => requestAnimationFrame(r));
    return row < live.current.rowIds.length;
  };

  const focusSink = () => sinkRef.current?.focus({ preventScroll: true });

  // ---- commands (actions.ts) ------------------------------------------------------------------------
  const core: GridCore = {
    table,
    columns,
    t,
    lang,
    check,
    locked: (row, field) => lockAt(row, field)?.message ?? null,
    goesWith: (rowList) => live.current.goesWith?.(rowList) ?? '',
    rowIds: () => live.current.rowIds,
    rows: () => rowsRef.current,
    selection: () => selRef.current,
    dims,
    select,
    commitEdit: () => !editRef.current || commit(),
    focus: focusSink,
    markPaste: setPasteMarks,
    onEdit: (edits, options) => {
      if (!refuseLocked('cell')) live.current.onEdit(edits, options);
    },
    onPaste: (edits, append) => (refuseLocked('cell') ? Promise.resolve(false) : live.current.onPaste(edits, append)),
    onRows: (op) => (refuseLocked('tools') ? Promise.resolve(false) : live.current.onRows(op)),
    onMessage: (text, kind) => live.current.onMessage(text, kind),
    confirm: (question, ok) => live.current.confirm(question, ok),
  };
  // An accepted record refuses at once: no question about deleting rows it will not delete.
  const rowOp = (kind: Parameters<typeof rowOperation>[1]) => (refuseLocked('tools') ? Promise.resolve() : rowOperation(core, kind));

  const run = (cmd: GridCommand): boolean => {
    const s = selRef.current;
    const edit = editRef.current;
    const d = dims();
    switch (cmd.kind) {
      case 'move':
      case 'edge':
      case 'page':
      case 'home':
      case 'end':
      case 'enter': {
        if (!s) return false;
        if (edit && !commit()) return true;
        select(navigate(s, cmd, d));
        return true;
      }
      case 'tab': {
        if (!s) return false;
        if (edit && !commit()) return true;
        const target = tabTo(s, editableFlags, d, cmd.back);
        if ('cell' in target) {
          select(single(target.cell));
          return true;
        }
        // Past the last cell of the last row: a new row, and the keys typed meanwhile go into it.
        if (refuseLocked('cell')) return true;
        const adding = live.current.onRows({ kind: 'insert', index: target.append.row, count: 1 }).finally(() => {
          if (pendingAppend.current === adding) pendingAppend.current = null;
          requestAnimationFrame(placeSink);
        });
        pendingAppend.current = adding;
        select(single(target.append), false);
        return true;
      }
      case 'edit':
        if (!s) return false;
        if (!edit && openLocked(s.active)) return true;
        if (edit) {
          // F2 while editing switches between moving the caret and leaving the cell with arrows.
          const next = { ...edit, mode: edit.mode === 'edit' ? ('enter' as const) : ('edit' as const) };
          editRef.current = next;
          setEditing(next);
        } else beginEdit('edit', rawText(fieldAt(s.active), valueAt(s.active), lang));
        return true;
      case 'openList':
        if (!s || !LIST_FIELDS.has(columns[s.active.col].field)) return false;
        // 类别 is chosen from the list; 阶段 keeps its text, the list beside it.
        if (!edit) beginEdit('edit', columns[s.active.col].field === 'category' ? '' : rawText(fieldAt(s.active), valueAt(s.active), lang));
        return true;
      case 'listMove': {
        const l = listRef.current;
        if (l && l.items.length) setList({ ...l, highlight: listHighlight(l.highlight, l.items.length, cmd.d) });
        return true;
      }
      case 'cancel':
        setNotice(null);
        if (edit) endEdit();
        else {
          setPasteMarks(new Map());
          if (s) select(single(s.active), false);
        }
        return true;
      case 'commitStay':
        if (edit) commit();
        return true;
      case 'newline': {
        const sink = sinkRef.current!;
        sink.setRangeText('\n', sink.selectionStart, sink.selectionEnd, 'end');
        return true;
      }
      case 'clear':
        // (Refused before anything is counted: the note never says cells were cleared that were not.)
        if (!refuseLocked('cell')) clearCells(core);
        return true;
      case 'selectAll':
        if (d.rows) select(selectAll(d), false);
        return true;
      case 'fill':
        if (!refuseLocked('cell')) fillCells(core, cmd.right);
        return true;
      case 'undo':
        live.current.onUndo();
        return true;
      case 'redo':
        live.current.onRedo();
        return true;
      case 'insertRows':
        void rowOp('insert');
        return true;
      case 'deleteRows':
        void rowOp('delete');
        return true;
    }
  };

  // ---- events of the text area ----------------------------------------------------------------------
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const edit = editRef.current;
    const cmd = commandFor(
      {
        key: e.key,
        code: e.code,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        isComposing: e.nativeEvent.isComposing,
        keyCode: e.keyCode,
      },
      { mode: edit?.mode ?? 'none', multiline: !!edit && LONG_TEXT.has(fieldAt(edit.cell)), list: !!edit && !!listRef.current, mac: isMac },
    );
    if (cmd && run(cmd)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** The first key typed on a cell (or the start of a composition) begins the edit; it is already in the text area. */
  const onInput = () => {
    const sink = sinkRef.current!;
    if (!editRef.current) {
      if (sink.value === '') return;
      if (!selRef.current) select(single({ row: 0, col: editableFlags.indexOf(true) }));
      beginEdit('enter', null);
      return;
    }
    sink.classList.remove('invalid');
    setEditError(null);
    const field = fieldAt(editRef.current.cell);
    if (LIST_FIELDS.has(field)) openList(field, sink.value);
  };
  const onCompositionStart = () => {
    if (!editRef.current) {
      if (!selRef.current) select(single({ row: 0, col: editableFlags.indexOf(true) }));
      beginEdit('enter', null);
    }
  };

  const onCopy = (e: React.ClipboardEvent, cut = false) => {
    if (editRef.current) return;
    const block = copyCells(core);
    if (!block) return;
    e.preventDefault();
    const { text, html } = copyBlock(block);
    e.clipboardData.setData('text/plain', text);
    e.clipboardData.setData('text/html', html);
    // A cut on a locked record copies, and says the cells were not cleared (why), never 已清除.
    if (cut) {
      if (!refuseLocked('cell')) clearCells(core);
    } else live.current.onMessage(t.copied(block.length, block[0]?.length ?? 0));
  };

  const onPaste = async (e: React.ClipboardEvent) => {
    if (editRef.current) return;
    e.preventDefault();
    await pasteText(core, e.clipboardData.getData('text/plain'));
  };

  const onBlur = () => {
    wrapRef.current?.classList.remove('has-focus');
    // No row is being worked on while the table has not the keyboard (the ledger lets a held row take its place).
    live.current.onActiveRow?.(null);
    // Switching to another window keeps the edit open, as Excel does; clicking elsewhere stores it.
    if (editRef.current && document.hasFocus()) commit();
  };
  const onFocus = () => {
    wrapRef.current?.classList.add('has-focus');
    if (selIds.current.active !== null) live.current.onActiveRow?.(selIds.current.active);
    if (!selRef.current && rowsRef.current.length) select(single({ row: 0, col: 0 }));
  };

  // ---- mouse: click selects, Shift+click and drag select a block, double-click edits -------------
  const cellAtPoint = (target: EventTarget | null) => cellAtPoint_(wrapRef.current, target, colIndex);

  const onMouseDown = (e: React.MouseEvent) => {
    const target = e.target as Element;
    if (target === sinkRef.current || target.closest('.grid-list')) return;
    const cell = cellAtPoint(target);
    if (!cell) {
      // The empty table's body: take the keyboard, so a paste lands in it.
      if (rowsRef.current.length === 0 && target.closest('.ag-body, .ag-overlay, .ag-root')) {
        e.preventDefault();
        focusSink();
      }
      return;
    }
    e.preventDefault();
    if (editRef.current && !commit()) return focusSink();
    // The badge (账) of a locked cell opens it, as a double-click does.
    if (e.button === 0 && !e.shiftKey && onBadge(e, cell)) {
      select(single(cell), false);
      focusSink();
      openLocked(cell);
      return;
    }
    // A right click inside the block keeps it (for the browser's menu).
    const s = selRef.current;
    if (
      e.button !== 0 &&
      s &&
      cell.row >= bounds(s).top &&
      cell.row <= bounds(s).bottom &&
      cell.col >= bounds(s).left &&
      cell.col <= bounds(s).right
    )
      return focusSink();
    select(moveTo(selRef.current, cell, dims(), e.shiftKey), false);
    focusSink();
    if (e.button !== 0) return;
    const move = (ev: MouseEvent) => {
      const over = cellAtPoint(ev.target);
      const s = selRef.current;
      if (over && s && (over.row !== s.active.row || over.col !== s.active.col)) select(moveTo(s, over, dims(), true), false);
    };
    const up = () => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up);
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
  };

  /** F2 or a double-click on a locked cell shows where its value comes from. */
  const openLocked = (cell: Cell): boolean => {
    if (!live.current.onOpen || !lockAt(cell.row, fieldAt(cell))) return false;
    live.current.onOpen(cell.row, fieldAt(cell));
    return true;
  };

  /** The badge is drawn (CSS) at the cell's left edge, BADGE_WIDTH wide. */
  const onBadge = (e: React.MouseEvent, cell: Cell): boolean => {
    const el = (e.target as Element).closest('.ag-cell.ledger-cell');
    if (!el || !lockAt(cell.row, fieldAt(cell))) return false;
    return e.clientX - el.getBoundingClientRect().left <= BADGE_WIDTH;
  };

  const onDoubleClick = (e: React.MouseEvent) => {
    const cell = cellAtPoint(e.target);
    if (!cell || editRef.current) return;
    select(single(cell), false);
    if (openLocked(cell)) return;
    beginEdit('edit', rawText(fieldAt(cell), valueAt(cell), lang));
    focusSink();
  };

  const pick = (label: string) => {
    const sink = sinkRef.current!;
    sink.value = label;
    setList(null);
    listRef.current = null;
    commit();
    focusSink();
  };

  useImperativeHandle(ref, () => ({
    focus: (row, field) => {
      if (editRef.current && !commit()) return;
      const col = colIndex.get(field) ?? 0;
      select(single({ row: Math.max(0, Math.min(row, rowsRef.current.length - 1)), col }));
      focusSink();
    },
    unsaved: () => {
      const edit = editRef.current;
      const sink = sinkRef.current;
      if (!edit || !sink) return null;
      return `${cellPlace(edit.cell.row, fieldAt(edit.cell), lang, table)}“${sink.value}”`;
    },
    discard: () => endEdit(),
  }));

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver(() => placeSink());
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [placeSink]);

  const onGridReady = useCallback((e: { api: GridApi<RowData> }) => {
    apiRef.current = e.api;
  }, []);
  const long = rows.length > LONG_TABLE;
  const sinkStyle = sinkRef.current?.style;
  const listTop = sinkStyle ? parseFloat(sinkStyle.top) + parseFloat(sinkStyle.height) : 0;
  const listLeft = sinkStyle ? parseFloat(sinkStyle.left) : 0;
  return (
    <div className="table-block" data-table={table}>
      <GridTools table={table} recordLocked={props.recordLocked} t={t} mac={isMac} onOp={(op) => void rowOp(op)} />
      {notice?.at === 'tools' && (
        <p className="grid-notice" role="alert">
          {notice.text}
        </p>
      )}
      <div
        className={`grid${rows.length === 0 ? ' empty-grid' : ''}`}
        ref={wrapRef}
        style={long ? { height: 640 } : undefined}
        onMouseDown={onMouseDown}
        onDoubleClick={onDoubleClick}
      >
        <AgGridReact<RowData>
          theme={THEME}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={rowIdOf}
          suppressCellFocus
          suppressHeaderFocus
          pinnedBottomRowData={props.pinned}
          domLayout={long ? 'normal' : 'autoHeight'}
          localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
          overlayNoRowsTemplate={`<span class="empty-table">${props.emptyText ?? t.emptyTable}</span>`}
          tooltipShowDelay={200}
          onGridReady={onGridReady}
          onBodyScroll={placeSink}
          onColumnResized={placeSink}
          onModelUpdated={placeSink}
          rowClassRules={ROW_CLASS_RULES}
        />
        <textarea
          ref={sinkRef}
          className="grid-editor"
          data-grid-sink={table}
          aria-label={t.cellEditor}
          spellCheck={false}
          autoComplete="off"
          rows={1}
          onKeyDown={onKeyDown}
          onInput={onInput}
          onCompositionStart={onCompositionStart}
          onCopy={(e) => onCopy(e)}
          onCut={(e) => onCopy(e, true)}
          onPaste={(e) => void onPaste(e)}
          onBlur={onBlur}
          onFocus={onFocus}
        />
        {editing && editError && (
          <div className="grid-edit-error" role="alert" style={{ top: listTop, left: listLeft }}>
            {editError} {t.editHint}
          </div>
        )}
        {notice?.at === 'cell' && !editing && (
          <div className="grid-edit-error locked-notice" role="alert" style={{ top: listTop, left: listLeft }}>
            {notice.text}
          </div>
        )}
        {editing && list && !editError && <CategoryList list={list} top={listTop} left={listLeft} onPick={pick} />}
      </div>
    </div>
  );
});
