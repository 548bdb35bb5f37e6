// The grid's session (controller.ts) held by React: the screen it acts on (the text area, AG Grid's
// redraws, the popups' state), and the events of the text area and the mouse forwarded to it.
import type { Said } from '../said';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { GridSession, type Editing, type Notice } from './controller';
import type { ListState } from './CategoryList';
import { LONG_TEXT, type GridTable } from './columns';
import { LONG_TABLE, type RowData } from './gridOptions';
import type { GridProps } from './TableGrid';
import { cellAtPoint, cellElement, editorBox } from './geometry';
import type { Cell } from './selection';

export const isMac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac');
/** The width of a locked cell's badge (styles.css: .ledger-cell::before), where a click opens it. */
const BADGE_WIDTH = 34;
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export type GridRefs = {
  /** The table's rows as the grid has them. */
  rowsRef: { current: readonly RowData[] };
  apiRef: { current: GridApi<RowData> | null };
  wrapRef: { current: HTMLDivElement | null };
  sinkRef: { current: HTMLTextAreaElement | null };
};

/** The session of one grid, and what the popups over it show. */
export function useGridSession(props: GridProps, refs: GridRefs) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editError, setEditError] = useState<Said | null>(null);
  // A change refused because the record is locked, said where it was tried: at the cell or at the row tools.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [list, setList] = useState<ListState | null>(null);
  // Bad cells of a refused paste, by `${row}:${field}`, until the next change or Escape.
  const [pasteMarks, setPasteMarks] = useState<ReadonlyMap<string, Said>>(new Map());
  // The latest props and rows, for handlers that run between renders (keys come faster than frames).
  const live = useRef(props);
  live.current = props;
  const sessionRef = useRef<GridSession | null>(null);
  sessionRef.current ??= new GridSession(
    { props: live, rows: refs.rowsRef },
    {
      sink: () => refs.sinkRef.current,
      focus: () => refs.sinkRef.current?.focus({ preventScroll: true }),
      redraw: (rows) => redrawRows(refs.apiRef.current, rows),
      reveal: (cell) => reveal(refs, sessionRef.current!, cell),
      place: () => placeSink(refs, sessionRef.current!),
      setEditing: (edit) => {
        setEditing(edit);
        // A long text's editor is taller than its cell: all of it on screen.
        if (edit && LONG_TEXT.has(sessionRef.current!.fieldAt(edit.cell)))
          requestAnimationFrame(() => refs.sinkRef.current?.scrollIntoView({ block: 'nearest' }));
      },
      // (A message is a function: kept as the state, not called as React's updater.)
      setEditError: (message) => setEditError(() => message),
      setNotice,
      setList,
      setPasteMarks,
      nextFrame,
      mac: isMac,
    },
  );
  const session = sessionRef.current;
  useEffect(() => {
    if (!props.recordLocked) setNotice(null);
  }, [props.recordLocked]);
  // A new record (or rows gone after an undo): start afresh.
  useEffect(() => session.reset(), [props.recordId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const wrap = refs.wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver(() => placeSink(refs, session));
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [refs, session]);
  return { session, editing, editError, notice, list, pasteMarks };
}

/** Puts the text area over the active cell (grown for long text while editing). */
export function placeSink(refs: GridRefs, session: GridSession) {
  const { columns } = session;
  const sink = refs.sinkRef.current;
  const wrap = refs.wrapRef.current;
  if (!sink || !wrap) return;
  const active = session.selection?.active;
  const el = active ? cellElement(wrap, active.row, columns[active.col]?.field) : null;
  const edit = session.editing;
  const box = editorBox(wrap, el, !!edit && LONG_TEXT.has(columns[edit.cell.col].field));
  Object.assign(sink.style, { top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` });
}

export function redrawRows(api: GridApi<RowData> | null, rows: number[] | 'all') {
  if (!api) return;
  if (rows === 'all') api.refreshCells();
  else api.refreshCells({ rowNodes: rows.map((i) => api.getDisplayedRowAtIndex(i)).filter((n) => !!n) });
}

function reveal(refs: GridRefs, session: GridSession, cell: Cell, frames = 30) {
  const api = refs.apiRef.current;
  const { columns } = session;
  if (api && session.rows.length > LONG_TABLE) {
    api.ensureIndexVisible(cell.row);
    api.ensureColumnVisible(columns[cell.col].field);
  }
  const element = cellElement(refs.wrapRef.current, cell.row, columns[cell.col]?.field);
  // A row just added (添加一笔 under a long ledger) is drawn a few frames later: scrolled to once it is.
  if (element) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  else if (frames > 0) requestAnimationFrame(() => session.selection?.active === cell && reveal(refs, session, cell, frames - 1));
}

/** The text area's and the mouse's events, forwarded to the session. */
export function useGridEvents(session: GridSession, refs: GridRefs, table: GridTable) {
  const colIndex = useMemo(() => new Map(session.columns.map((c, i) => [c.field, i])), [session.columns]);
  const focus = () => refs.sinkRef.current?.focus({ preventScroll: true });
  const at = (target: EventTarget | null) => cellAtPoint(refs.wrapRef.current, target, colIndex);
  const live = useRef({ at, focus });
  live.current = { at, focus };
  return {
    onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
      const { key, code, ctrlKey, metaKey, shiftKey, altKey, keyCode } = e;
      if (session.key({ key, code, ctrlKey, metaKey, shiftKey, altKey, keyCode, isComposing: e.nativeEvent.isComposing })) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    onInput: () => session.input(),
    onCompositionStart: () => session.startTyping(),
    onCopy: (e: React.ClipboardEvent, cut = false) => {
      const copied = session.copy(cut);
      if (!copied) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', copied.text);
      e.clipboardData.setData('text/html', copied.html);
    },
    onPaste: (e: React.ClipboardEvent) => {
      if (session.editing) return;
      e.preventDefault();
      void session.paste(e.clipboardData.getData('text/plain'));
    },
    onBlur: () => {
      refs.wrapRef.current?.classList.remove('has-focus');
      session.blur(document.hasFocus());
    },
    onFocus: () => {
      refs.wrapRef.current?.classList.add('has-focus');
      session.focusIn();
    },
    onMouseDown: (e: React.MouseEvent) => mouseDown(e, session, refs, live.current),
    onDoubleClick: (e: React.MouseEvent) => {
      const cell = at(e.target);
      if (!cell || session.editing) return;
      session.doubleClick(cell);
      focus();
    },
    pick: (label: string) => {
      session.pick(label);
      focus();
    },
    table,
  };
}

/** Click selects, Shift+click and a drag select a block, a click on a locked cell's badge opens it. */
function mouseDown(
  e: React.MouseEvent,
  session: GridSession,
  refs: GridRefs,
  live: { at: (t: EventTarget | null) => Cell | null; focus: () => void },
) {
  const target = e.target as Element;
  if (target === refs.sinkRef.current || target.closest('.grid-list')) return;
  const cell = live.at(target);
  if (!cell) {
    // The empty table's body: take the keyboard, so a paste lands in it.
    if (session.rows.length === 0 && target.closest('.ag-body, .ag-overlay, .ag-root')) {
      e.preventDefault();
      live.focus();
    }
    return;
  }
  e.preventDefault();
  const badge = target.closest('.ag-cell.ledger-cell');
  const onBadge =
    !!badge && !!session.lockAt(cell.row, session.fieldAt(cell)) && e.clientX - badge.getBoundingClientRect().left <= BADGE_WIDTH;
  const then = session.press(cell, { button: e.button, shift: e.shiftKey, onBadge });
  live.focus();
  if (then !== 'drag') return;
  const move = (ev: MouseEvent) => {
    const over = live.at(ev.target);
    if (over) session.drag(over);
  };
  const up = () => {
    document.removeEventListener('mousemove', move);
    document.removeEventListener('mouseup', up);
  };
  document.addEventListener('mousemove', move);
  document.addEventListener('mouseup', up);
}
