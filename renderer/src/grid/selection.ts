// The block selection of a table, as Excel and WPS have it: an anchor cell where the selection
// began and the active cell (the one that edits, the one Shift+arrows move). AG Grid Community has
// no range selection; this model is the grid's, drawn by the grid through cell classes.
// Rows and columns are indices into the table as shown (row 0 = first data row; the 合计 row is
// not part of it).

export type Cell = { row: number; col: number };
export type Selection = { anchor: Cell; active: Cell };
export type Bounds = { top: number; bottom: number; left: number; right: number };
/** The size of the table: rows of data, columns shown. */
export type Dims = { rows: number; cols: number };

export const single = (cell: Cell): Selection => ({ anchor: cell, active: cell });

export function bounds(s: Selection): Bounds {
  return {
    top: Math.min(s.anchor.row, s.active.row),
    bottom: Math.max(s.anchor.row, s.active.row),
    left: Math.min(s.anchor.col, s.active.col),
    right: Math.max(s.anchor.col, s.active.col),
  };
}

export const contains = (b: Bounds, row: number, col: number) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
export const blockSize = (b: Bounds) => ({ rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 });
export const isSingle = (s: Selection) => s.anchor.row === s.active.row && s.anchor.col === s.active.col;

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function clampCell(cell: Cell, dims: Dims): Cell {
  return { row: clamp(cell.row, 0, Math.max(0, dims.rows - 1)), col: clamp(cell.col, 0, Math.max(0, dims.cols - 1)) };
}

/** The selection after the table changed size (rows deleted, undo): still inside the table. */
export function clampSelection(s: Selection, dims: Dims): Selection {
  return { anchor: clampCell(s.anchor, dims), active: clampCell(s.active, dims) };
}

/** Moves the active cell to `cell`; with `extend` (Shift) the anchor stays and the block grows. */
export function moveTo(s: Selection | null, cell: Cell, dims: Dims, extend = false): Selection {
  const target = clampCell(cell, dims);
  return extend && s ? { anchor: s.anchor, active: target } : single(target);
}

/** Arrow keys (and Shift+arrows): one cell, never out of the table. */
export function moveBy(s: Selection, dRow: number, dCol: number, dims: Dims, extend = false): Selection {
  return moveTo(s, { row: s.active.row + dRow, col: s.active.col + dCol }, dims, extend);
}

/** Ctrl+arrows: to the edge of the table in that direction. */
export function moveToEdge(s: Selection, dRow: number, dCol: number, dims: Dims, extend = false): Selection {
  const row = dRow < 0 ? 0 : dRow > 0 ? dims.rows - 1 : s.active.row;
  const col = dCol < 0 ? 0 : dCol > 0 ? dims.cols - 1 : s.active.col;
  return moveTo(s, { row, col }, dims, extend);
}

export function selectAll(dims: Dims): Selection {
  return { anchor: { row: 0, col: 0 }, active: { row: Math.max(0, dims.rows - 1), col: Math.max(0, dims.cols - 1) } };
}

/** Every row index the selection covers, top to bottom. */
export function rowsOf(s: Selection): number[] {
  const b = bounds(s);
  return Array.from({ length: b.bottom - b.top + 1 }, (_, i) => b.top + i);
}

/**
 * Where Tab (or Shift+Tab) goes from a cell: the next editable column to the right, then the first
 * editable column of the next row (as in a table in Excel or WPS); computed columns are skipped.
 * Past the last editable cell of the last row it asks for a new row ('append'); before the first
 * cell of the first row it stays.
 */
export function tabTarget(from: Cell, editable: readonly boolean[], rows: number, back: boolean): Cell | 'append' {
  const cols = editable.map((e, i) => (e ? i : -1)).filter((i) => i >= 0);
  if (cols.length === 0) return from;
  if (!back) {
    const next = cols.find((c) => c > from.col);
    if (next !== undefined) return { row: from.row, col: next };
    return from.row + 1 < rows ? { row: from.row + 1, col: cols[0] } : 'append';
  }
  const prev = [...cols].reverse().find((c) => c < from.col);
  if (prev !== undefined) return { row: from.row, col: prev };
  return from.row > 0 ? { row: from.row - 1, col: cols[cols.length - 1] } : from;
}

/**
 * The classes that draw the selection on one cell, as Excel draws it: the active cell framed and
 * white, the rest of the block tinted, a border around the block.
 */
export function cellClasses(s: Selection | null, row: number, col: number): string[] {
  if (!s) return [];
  const b = bounds(s);
  if (!contains(b, row, col)) return [];
  const out: string[] = [];
  if (row === s.active.row && col === s.active.col) out.push('sel-active');
  else out.push('sel-in');
  if (b.top === b.bottom && b.left === b.right) return out;
  if (row === b.top) out.push('sel-top');
  if (row === b.bottom) out.push('sel-bottom');
  if (col === b.left) out.push('sel-left');
  if (col === b.right) out.push('sel-right');
  return out;
}

/** The rows whose drawing changes when the selection goes from `a` to `b` (to refresh only those). */
export function rowsToRedraw(a: Selection | null, b: Selection | null): number[] {
  const rows = new Set<number>();
  for (const s of [a, b]) if (s) for (const r of rowsOf(s)) rows.add(r);
  return [...rows].sort((x, y) => x - y);
}
