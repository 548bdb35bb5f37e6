// The grid's edit session as plain rules, with no React and no DOM: where a key moves the
// selection, whether a cell takes what is typed on it, what committing the editor does, where the
// selection goes when the rows change, which notes a cell carries. TableGrid.tsx holds the state
// (refs, because keys come faster than frames) and calls these; test/unit/renderer/session.test.ts
// tests them.
import { findingMessage, type Lang } from '../../../shared/i18n';
import type { Finding } from '../../../shared/findings';
import type { GridCommand } from './keymap';
import type { CellCheck } from './blocks';
import { saying, type Said } from '../said';
import type { CellNote } from './gridOptions';
import { clampSelection, moveBy, moveTo, moveToEdge, single, tabTarget, type Cell, type Selection } from './selection';

export type Dims = { rows: number; cols: number };
type NavCommand = Extract<GridCommand, { kind: 'move' | 'edge' | 'page' | 'home' | 'end' | 'enter' }>;

/** The selection after an arrow, Ctrl+arrow, PageUp/Down, Home/End or Enter. */
export function navigate(s: Selection, cmd: NavCommand, d: Dims): Selection {
  switch (cmd.kind) {
    case 'move':
      return moveBy(s, cmd.dRow, cmd.dCol, d, cmd.extend);
    case 'edge':
      return moveToEdge(s, cmd.dRow, cmd.dCol, d, cmd.extend);
    case 'page':
      return moveBy(s, cmd.dRow, 0, d, cmd.extend);
    case 'home':
      return moveTo(s, { row: cmd.toFirstRow ? 0 : s.active.row, col: 0 }, d, cmd.extend);
    case 'end':
      return moveTo(s, { row: cmd.toLastRow ? d.rows - 1 : s.active.row, col: d.cols - 1 }, d, cmd.extend);
    case 'enter':
      return moveBy(single(s.active), cmd.back ? -1 : 1, 0, d);
  }
}

/** Where Tab goes: a cell, or a new row past the last one (its index, and the first editable column). */
export function tabTo(s: Selection, editable: readonly boolean[], d: Dims, back: boolean): { cell: Cell } | { append: Cell } {
  const target = tabTarget(s.active, editable, d.rows, back);
  return target === 'append' ? { append: { row: d.rows, col: editable.indexOf(true) } } : { cell: target };
}

/** The highlighted item of an open list after ↑ (-1) or ↓ (+1): round the ends; none highlighted starts at the first or last. */
export function listHighlight(highlight: number, items: number, d: number): number {
  if (items === 0) return highlight;
  return highlight < 0 ? (d > 0 ? 0 : items - 1) : (highlight + d + items) % items;
}

/** Keys typed on a cell that cannot take them, since the selection came there. */
export type NotTyped = { row: number; col: number; text: string };

/**
 * Typing on a cell that cannot take it (a computed column, a cell its row keeps computed, below the
 * last row): what the message quotes, every key typed there so far, and the keys remembered for the next.
 */
export function typedWhereNot(last: NotTyped | null, cell: Cell, typed: string): NotTyped {
  const before = last && last.row === cell.row && last.col === cell.col ? last.text : '';
  return { row: cell.row, col: cell.col, text: before + typed };
}

/** Why a cell takes nothing typed, or null when it does. */
export function whyNotEditable(
  cell: Cell,
  column: { field: string; editable: boolean },
  rows: number,
  lock: { message: Said } | null,
  place: Said,
): Said | null {
  if (lock) return lock.message;
  if (!column.editable) return saying((t, lang) => `${place(lang)}: ${t.computedCell}`);
  if (cell.row >= rows) return saying((t, lang) => `${place(lang)}: ${t.noRowHere}`);
  return null;
}

export type CommitOutcome =
  | { kind: 'unchanged' }
  | { kind: 'invalid'; message: Said }
  /** Write this (unless the row holds it already). */
  | { kind: 'write'; text: string; value: unknown };

/**
 * What Enter (or leaving the cell) does with the editor's text: the highlighted list item replaces
 * it (when F2 opened it, or something was typed); an F2 edit that changed nothing writes nothing;
 * otherwise the value is read as its column reads it, or refused with the reason.
 */
export function commitOutcome(
  edit: { mode: 'enter' | 'edit' | 'none'; cell: Cell; original: string },
  field: string,
  typed: string,
  list: { items: string[]; highlight: number } | null,
  check: CellCheck,
): CommitOutcome {
  let text = typed;
  if (list && list.highlight >= 0 && list.items[list.highlight] && (edit.mode === 'edit' || text.trim() !== ''))
    text = list.items[list.highlight];
  if (edit.mode === 'edit' && text === edit.original) return { kind: 'unchanged' };
  const parsed = check(edit.cell.row, field, text);
  return parsed.ok ? { kind: 'write', text, value: parsed.value } : { kind: 'invalid', message: parsed.message };
}

/**
 * Where the selection goes when the rows change: with its rows when they were put in another order
 * (followRows: the ledger keeps its order by line and day), inside the table when rows went; or
 * null to keep it.
 */
export function selectionAfterRows(
  s: Selection | null,
  ids: readonly number[],
  on: { anchor: number | null; active: number | null },
  options: { followRows: boolean; editing: boolean; appending: boolean; dims: Dims },
): Selection | null {
  if (!s || options.editing) return null;
  const activeAt = on.active === null ? -1 : ids.indexOf(on.active);
  if (options.followRows && activeAt >= 0 && activeAt !== s.active.row) {
    // The active cell's row moved: the selection goes with it (the anchor with its own row, if it is still there).
    const anchorAt = on.anchor === null ? -1 : ids.indexOf(on.anchor);
    const anchorRow = anchorAt >= 0 ? anchorAt : s.anchor.row + activeAt - s.active.row;
    return clampSelection({ anchor: { row: anchorRow, col: s.anchor.col }, active: { row: activeAt, col: s.active.col } }, options.dims);
  }
  if (ids.length > 0 && (s.active.row >= ids.length || s.anchor.row >= ids.length) && !options.appending)
    return clampSelection(s, options.dims);
  return null;
}

/**
 * The notes each cell carries, by `${row}:${field}`: the findings aimed at it, the marks the app put
 * on its row (a refusal, a draft), and the bad cells of a refused paste.
 */
export function cellNotesOf(
  table: string,
  findings: readonly Finding[],
  marks: ReadonlyMap<string, { kind: CellNote['severity']; message: string }>,
  pasteMarks: ReadonlyMap<string, Said>,
  rowIds: readonly number[],
  lang: Lang,
): Map<string, CellNote[]> {
  const map = new Map<string, CellNote[]>();
  const add = (key: string, severity: CellNote['severity'], text: string) => map.set(key, [...(map.get(key) ?? []), { severity, text }]);
  // The indicators' findings point at 四、绩效自评 (table `performance`) by row.
  const mine = (t: string | undefined) => t === table || (table === 'indicators' && t === 'performance');
  for (const f of findings)
    if (mine(f.target?.table) && f.target!.row !== undefined)
      add(`${f.target!.row}:${f.target!.field ?? 'name'}`, f.severity, findingMessage(f, lang));
  if (marks.size) {
    const rowOf = new Map(rowIds.map((id, row) => [id, row]));
    for (const [key, m] of marks) {
      const [id, field] = key.split(':');
      const row = rowOf.get(Number(id));
      if (row !== undefined) add(`${row}:${field}`, m.kind, m.message);
    }
  }
  for (const [key, text] of pasteMarks) add(key, 'error', text(lang));
  return map;
}
