// Side by side: two tables (two counties) in column bands of one sheet, with empty columns between them
// (小金县 in A:E, 雷波县 in G:K). Each band is read as a sheet of its own — its own title, facts and
// tables, its own county — never one table whose columns are the two counties' together.
import type { Cell, Grid } from './cells';
import { findHeader } from './header';

type Band = { left: number; right: number };

/** The grid seen through the columns `left`…`right` only (the cells keep their addresses and indices). */
export function bandGrid(grid: Grid, { left, right }: Band): Grid {
  const inside = (c: Cell) => c.col >= left && c.col <= right;
  const byRow = new Map<number, readonly Cell[]>();
  for (const r of grid.rows) {
    const cells = grid.row(r).filter(inside);
    if (cells.length) byRow.set(r, cells);
  }
  const none: Cell[] = [];
  const within = (c: number) => c >= left && c <= right;
  return {
    sheet: grid.sheet,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    cellCount: grid.cellCount,
    hiddenColumns: grid.hiddenColumns,
    hiddenRows: grid.hiddenRows,
    rows: [...byRow.keys()],
    row: (r) => byRow.get(r) ?? none,
    at: (r, c) => (within(c) ? grid.at(r, c) : undefined),
    cover: (r, c) => (within(c) ? grid.cover(r, c) : undefined),
  };
}

/** The runs of columns holding something (a merge covers its columns), split at every column that holds nothing. */
function columnRuns(grid: Grid): Band[] {
  const held = new Uint8Array(grid.colCount + 2);
  for (const r of grid.rows) for (const c of grid.row(r)) held.fill(1, c.col, c.col + c.span);
  const runs: Band[] = [];
  for (let c = 1; c <= grid.colCount; c++) {
    if (!held[c]) continue;
    const last = runs.at(-1);
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c });
  }
  return runs;
}

/**
 * The bands of a sheet with tables side by side — two or more runs of columns, each with a table header
 * of its own (on one row or not: a longer paragraph on one side moves its tables down) — or undefined
 * (one table across the sheet, tables one under another: read whole). A run without a table of its own
 * (a note column) goes with the band on its left.
 */
export function sideBySide(grid: Grid): Band[] | undefined {
  const runs = columnRuns(grid);
  if (runs.length < 2) return undefined;
  const tabled = runs.map((run) => {
    const view = bandGrid(grid, run);
    return view.rows.some((r) => findHeader(view, r) !== undefined);
  });
  if (tabled.filter(Boolean).length < 2) return undefined;
  const bands: Band[] = [];
  runs.forEach((run, i) => {
    const last = bands.at(-1);
    if (!tabled[i] && last) last.right = run.right;
    else if (!tabled[i]) runs[i + 1].left = run.left;
    else bands.push({ ...run });
  });
  return bands;
}
