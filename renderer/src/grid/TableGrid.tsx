// One of the two tables as a spreadsheet with the keyboard of Excel and WPS (docs/keyboard.md).
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
import { parseCell, categoryLabel, type EditTable, type RawValue } from '../../../shared/fields';
import type { Category } from '../../../shared/text';
import { findingMessage, type Lang } from '../../../shared/i18n';
import type { Finding } from '../../../shared/findings';
import type { CountyRecord } from '../../../shared/record';
import type { Strings } from '../strings';
import type { CellEdit } from '../useRecord';
import { commandFor, type EditMode, type GridCommand } from './keymap';
import {
  bounds, cellClasses, clampSelection, moveBy, moveTo, moveToEdge, rowsToRedraw, selectAll, single, tabTarget,
  type Cell, type Selection,
} from './selection';
import { copyBlock } from './blocks';
import { clearCells, copyCells, pasteText, rowOperation, type GridCore, type RowOp } from './actions';
import { LONG_TEXT, gridColumns, rawText } from './columns';
import { cellPlace, refusalText } from './refusal';
import { DEFAULT_COL_DEF, LONG_TABLE, THEME, buildColumnDefs, rowClassOf, rowIdOf, totalRow, type CellNote, type CellParams, type RowData } from './gridOptions';
import { cellAtPoint as cellAtPoint_, cellElement as cellElement_, editorBox } from './geometry';
import { CategoryList, matchCategories, type ListState } from './CategoryList';

ModuleRegistry.registerModules([AllCommunityModule]);

export type GridHandle = {
  /** Selects a cell and gives the table the keyboard (a finding's place, say). */
  focus: (row: number, field: string) => void;
  /** A value typed into a cell and not stored (refused), described; null when there is none. */
  unsaved: () => string | null;
  /** Drops such a value (the user chose to). */
  discard: () => void;
};
export type { RowOp };
/** A mark the app puts on a cell: a value refused or kept as a draft, with its message. */
export type CellMark = { kind: 'error' | 'draft'; message: string };

type Props = {
  table: EditTable;
  /** The record shown: selection and editing start afresh when it changes. */
  recordId: number;
  record: CountyRecord;
  rowIds: number[];
  findings: Finding[];
  /** Marks by `${rowId}:${field}` (drafts and refusals from the store). */
  marks: ReadonlyMap<string, CellMark>;
  lang: Lang;
  t: Strings;
  onEdit: (edits: CellEdit[], options?: { clear?: boolean }) => void;
  /** Cell edits plus rows appended past the end (paste), written as one step; false if refused. */
  onPaste: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onRows: (op: RowOp) => Promise<boolean>;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (question: string, ok: string) => Promise<boolean>;
  /** Why the record cannot be changed (it is accepted); null when it can. */
  locked?: string | null;
};

type Editing = { mode: EditMode; cell: Cell; original: string };
const isMac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac');

export const TableGrid = forwardRef<GridHandle, Props>(function TableGrid(props, ref) {
  const { table, recordId, record, rowIds, findings, marks, lang, t } = props;
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
    if (!props.locked) setNotice(null);
  }, [props.locked]);
  const refuseLocked = (at: 'cell' | 'tools'): boolean => {
    const why = live.current.locked;
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
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  // A row that Tab is adding counts already: Enter and the arrows may go to it.
  const dims = () => ({ rows: rowsRef.current.length + (pendingAppend.current ? 1 : 0), cols: columns.length });

  // ---- marks: findings, refusals, drafts; read by the cell classes through a ref -------------
  const cellNotes = useMemo(() => {
    const map = new Map<string, CellNote[]>();
    const add = (key: string, severity: CellNote['severity'], text: string) => map.set(key, [...(map.get(key) ?? []), { severity, text }]);
    for (const f of findings) if (f.target?.table === table && f.target.row !== undefined) add(`${f.target.row}:${f.target.field ?? 'name'}`, f.severity, findingMessage(f, lang));
    if (marks.size) {
      const rowOf = new Map(rowIds.map((id, row) => [id, row]));
      for (const [key, m] of marks) {
        const [id, field] = key.split(':');
        const row = rowOf.get(Number(id));
        if (row !== undefined) add(`${row}:${field}`, m.kind, m.message);
      }
    }
    for (const [key, text] of pasteMarks) add(key, 'error', text);
    return map;
  }, [findings, marks, pasteMarks, rowIds, table, lang]);
  const notesRef = useRef(cellNotes);
  notesRef.current = cellNotes;
  useEffect(() => {
    apiRef.current?.refreshCells();
  }, [cellNotes]);

  // ---- columns (stable while typing: they read marks and the selection through refs) ---------
  const columnDefs = useMemo(() => {
    const at = (p: CellParams) => (!p.node || p.node.rowPinned || p.node.rowIndex === null ? null : { row: p.node.rowIndex, col: colIndex.get(p.colDef.field!) ?? -1, field: p.colDef.field! });
    return buildColumnDefs({
      table, columns, t, lang,
      notesOf: (p) => {
        const c = at(p);
        return c ? notesRef.current.get(`${c.row}:${c.field}`) ?? [] : [];
      },
      selected: (p, name) => {
        const c = at(p);
        return !!c && cellClasses(selRef.current, c.row, c.col).includes(name);
      },
    });
  }, [table, columns, colIndex, t, lang]);
  const pinnedBottom = useMemo(() => (table === 'disbursements' ? totalRow(record.totals, t) : undefined), [table, record.totals, t]);

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

  const reveal = (cell: Cell) => {
    const api = apiRef.current;
    if (api && rowsRef.current.length > LONG_TABLE) {
      api.ensureIndexVisible(cell.row);
      api.ensureColumnVisible(columns[cell.col].field);
    }
    cellElement(cell)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  // ---- selection ----------------------------------------------------------------------------------
  const redraw = (before: Selection | null, after: Selection | null) => {
    const api = apiRef.current;
    if (!api) return;
    const rowList = rowsToRedraw(before, after);
    if (rowList.length > 200) api.refreshCells();
    else api.refreshCells({ rowNodes: rowList.map((i) => api.getDisplayedRowAtIndex(i)).filter((n) => !!n) });
  };

  const select = (next: Selection | null, show = true) => {
    const before = selRef.current;
    selRef.current = next;
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
    const s = selRef.current;
    if (s && rows.length > 0 && (s.active.row >= rows.length || s.anchor.row >= rows.length) && !editRef.current && !pendingAppend.current) select(clampSelection(s, dims()), false);
    requestAnimationFrame(placeSink);
  }, [rows]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- editing ------------------------------------------------------------------------------------
  const fieldAt = (cell: Cell) => columns[cell.col].field;
  const valueAt = (cell: Cell) => rowsRef.current[cell.row]?.[fieldAt(cell)];

  const openList = (text: string, current?: unknown) => {
    const items = matchCategories(text);
    const highlight = Math.max(0, current ? items.indexOf(current as Category) : 0);
    setList({ items, highlight });
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
    if (!columns[cell.col].editable || cell.row >= dims().rows) {
      const typed = sink.value;
      sink.value = '';
      const why = columns[cell.col].editable ? t.noRowHere : t.computedCell;
      live.current.onMessage(`${cellPlace(cell.row, fieldAt(cell), lang)}: ${why}${typed ? ` (${t.notTyped(typed)})` : ''}`, 'error');
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
    if (fieldAt(cell) === 'category') openList(mode === 'edit' ? '' : sink.value, valueAt(cell));
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
    let text = sink.value;
    const l = listRef.current;
    if (field === 'category' && l && l.items[l.highlight] && (edit.mode === 'edit' || text.trim() !== '')) text = categoryLabel(l.items[l.highlight], lang);
    if (edit.mode === 'edit' && text === edit.original) {
      endEdit();
      return true;
    }
    const parsed = parseCell(table, field, text);
    if (!parsed.ok) {
      const message = refusalText(table, edit.cell.row, field, text, parsed, lang);
      sink.classList.add('invalid');
      setEditError(message);
      live.current.onMessage(message, 'error');
      return false;
    }
    const row = edit.cell.row;
    const write = () => {
      const id = live.current.rowIds[row];
      if (parsed.value === (rowsRef.current[row]?.[field] ?? null)) return;
      live.current.onEdit([{ table, rowId: id, field, raw: text, value: parsed.value }]);
    };
    // A row Tab is still adding: the value waits until the row is on screen; nothing typed is dropped.
    if (row >= live.current.rowIds.length) void whenRowExists(row).then((ok) => (ok ? write() : live.current.onMessage(`${cellPlace(row, field, lang)}: ${t.notTyped(text)}`, 'error')));
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
    table, columns, t, lang,
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
  const rowOp = (kind: Parameters<typeof rowOperation>[1]) => rowOperation(core, kind);

  const run = (cmd: GridCommand): boolean => {
    const s = selRef.current;
    const edit = editRef.current;
    const d = dims();
    switch (cmd.kind) {
      case 'move':
      case 'edge':
      case 'page':
      case 'home':
      case 'end': {
        if (!s) return false;
        if (edit && !commit()) return true;
        const next =
          cmd.kind === 'move' ? moveBy(s, cmd.dRow, cmd.dCol, d, cmd.extend)
          : cmd.kind === 'edge' ? moveToEdge(s, cmd.dRow, cmd.dCol, d, cmd.extend)
          : cmd.kind === 'page' ? moveBy(s, cmd.dRow, 0, d, cmd.extend)
          : cmd.kind === 'home' ? moveTo(s, { row: cmd.toFirstRow ? 0 : s.active.row, col: 0 }, d, cmd.extend)
          : moveTo(s, { row: cmd.toLastRow ? d.rows - 1 : s.active.row, col: d.cols - 1 }, d, cmd.extend);
        select(next);
        return true;
      }
      case 'enter': {
        if (!s) return false;
        if (edit && !commit()) return true;
        select(moveBy(single(s.active), cmd.back ? -1 : 1, 0, d));
        return true;
      }
      case 'tab': {
        if (!s) return false;
        if (edit && !commit()) return true;
        const target = tabTarget(s.active, editableFlags, d.rows, cmd.back);
        if (target !== 'append') {
          select(single(target));
          return true;
        }
        // Past the last cell of the last row: a new row, and the keys typed meanwhile go into it.
        if (refuseLocked('cell')) return true;
        const first = editableFlags.indexOf(true);
        const index = d.rows;
        const adding = live.current.onRows({ kind: 'insert', index, count: 1 }).finally(() => {
          if (pendingAppend.current === adding) pendingAppend.current = null;
          requestAnimationFrame(placeSink);
        });
        pendingAppend.current = adding;
        select(single({ row: index, col: first }), false);
        return true;
      }
      case 'edit':
        if (!s) return false;
        if (edit) {
          // F2 while editing switches between moving the caret and leaving the cell with arrows.
          const next = { ...edit, mode: edit.mode === 'edit' ? ('enter' as const) : ('edit' as const) };
          editRef.current = next;
          setEditing(next);
        } else beginEdit('edit', rawText(fieldAt(s.active), valueAt(s.active), lang));
        return true;
      case 'openList':
        if (!s || columns[s.active.col].field !== 'category') return false;
        if (!edit) beginEdit('edit', '');
        return true;
      case 'listMove': {
        const l = listRef.current;
        if (l && l.items.length) setList({ ...l, highlight: (l.highlight + cmd.d + l.items.length) % l.items.length });
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
        clearCells(core);
        return true;
      case 'selectAll':
        if (d.rows) select(selectAll(d), false);
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
      { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, isComposing: e.nativeEvent.isComposing, keyCode: e.keyCode },
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
    if (fieldAt(editRef.current.cell) === 'category') openList(sink.value);
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
    if (cut) clearCells(core);
    else live.current.onMessage(t.copied(block.length, block[0]?.length ?? 0));
  };

  const onPaste = async (e: React.ClipboardEvent) => {
    if (editRef.current) return;
    e.preventDefault();
    await pasteText(core, e.clipboardData.getData('text/plain'));
  };

  const onBlur = () => {
    wrapRef.current?.classList.remove('has-focus');
    // Switching to another window keeps the edit open, as Excel does; clicking elsewhere stores it.
    if (editRef.current && document.hasFocus()) commit();
  };
  const onFocus = () => {
    wrapRef.current?.classList.add('has-focus');
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
    // A right click inside the block keeps it (for the browser's menu).
    const s = selRef.current;
    if (e.button !== 0 && s && cell.row >= bounds(s).top && cell.row <= bounds(s).bottom && cell.col >= bounds(s).left && cell.col <= bounds(s).right) return focusSink();
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

  const onDoubleClick = (e: React.MouseEvent) => {
    const cell = cellAtPoint(e.target);
    if (!cell || editRef.current) return;
    select(single(cell), false);
    beginEdit('edit', rawText(fieldAt(cell), valueAt(cell), lang));
    focusSink();
  };

  const pick = (c: Category) => {
    const sink = sinkRef.current!;
    sink.value = categoryLabel(c, lang);
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
      return `${cellPlace(edit.cell.row, fieldAt(edit.cell), lang)}“${sink.value}”`;
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
      <div className="grid-tools">
        {props.locked && <span className="locked-tag" title={props.locked}>{t.lockedTag}</span>}
        <button onMouseDown={(e) => e.preventDefault()} onClick={() => void rowOp('insert')} title={isMac ? '⌘⇧=' : 'Ctrl+Shift+='}>{t.insertRow}</button>
        <button onMouseDown={(e) => e.preventDefault()} onClick={() => void rowOp('append')}>{t.appendRow}</button>
        <button onMouseDown={(e) => e.preventDefault()} onClick={() => void rowOp('delete')} title={isMac ? '⌘-' : 'Ctrl+-'}>{t.deleteRows}</button>
        <button onMouseDown={(e) => e.preventDefault()} onClick={() => void rowOp('up')}>{t.moveUp}</button>
        <button onMouseDown={(e) => e.preventDefault()} onClick={() => void rowOp('down')}>{t.moveDown}</button>
      </div>
      {notice?.at === 'tools' && <p className="grid-notice" role="alert">{notice.text}</p>}
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
          pinnedBottomRowData={pinnedBottom}
          domLayout={long ? 'normal' : 'autoHeight'}
          localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
          overlayNoRowsTemplate={`<span class="empty-table">${t.emptyTable}</span>`}
          tooltipShowDelay={200}
          onGridReady={onGridReady}
          onBodyScroll={placeSink}
          onColumnResized={placeSink}
          onModelUpdated={placeSink}
          getRowClass={rowClassOf}
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
        {editing && list && !editError && <CategoryList list={list} lang={lang} top={listTop} left={listLeft} onPick={pick} />}
      </div>
    </div>
  );
});

