// The grid's block selection: what Shift+arrows, Tab and the mouse select, and how it is drawn.
import { describe, expect, it } from 'vitest';
import {
  bounds,
  cellClasses,
  clampSelection,
  moveBy,
  moveTo,
  moveToEdge,
  rowsOf,
  rowsToRedraw,
  selectAll,
  single,
  tabTarget,
} from '../../../renderer/src/grid/selection';

const dims = { rows: 6, cols: 7 };

describe('block selection', () => {
  it('arrows move one cell and stop at the edges of the table', () => {
    const s = single({ row: 0, col: 0 });
    expect(moveBy(s, 1, 0, dims).active).toEqual({ row: 1, col: 0 });
    expect(moveBy(s, -1, 0, dims).active).toEqual({ row: 0, col: 0 });
    expect(moveBy(single({ row: 5, col: 6 }), 1, 1, dims).active).toEqual({ row: 5, col: 6 });
  });

  it('Shift+arrows grow a block from the anchor; a plain arrow collapses it', () => {
    let s = single({ row: 1, col: 3 });
    s = moveBy(s, 1, 0, dims, true);
    s = moveBy(s, 1, 1, dims, true);
    expect(bounds(s)).toEqual({ top: 1, bottom: 3, left: 3, right: 4 });
    expect(s.anchor).toEqual({ row: 1, col: 3 });
    s = moveBy(s, -3, -1, dims, true); // past the anchor: the block flips above it
    expect(bounds(s)).toEqual({ top: 0, bottom: 1, left: 3, right: 3 });
    expect(moveBy(s, 0, 1, dims)).toEqual(single({ row: 0, col: 4 }));
  });

  it('Shift+click extends from the anchor; a click starts anew', () => {
    const s = moveTo(single({ row: 2, col: 1 }), { row: 4, col: 5 }, dims, true);
    expect(bounds(s)).toEqual({ top: 2, bottom: 4, left: 1, right: 5 });
    expect(moveTo(s, { row: 0, col: 0 }, dims)).toEqual(single({ row: 0, col: 0 }));
  });

  it('Ctrl+arrows go to the edge; select all covers the table', () => {
    expect(moveToEdge(single({ row: 2, col: 2 }), 1, 0, dims).active).toEqual({ row: 5, col: 2 });
    expect(moveToEdge(single({ row: 2, col: 2 }), 0, -1, dims, true)).toEqual({ anchor: { row: 2, col: 2 }, active: { row: 2, col: 0 } });
    expect(bounds(selectAll(dims))).toEqual({ top: 0, bottom: 5, left: 0, right: 6 });
  });

  it('rows of the selection are those of the block, whatever was clicked before', () => {
    expect(rowsOf(moveBy(single({ row: 1, col: 0 }), 2, 0, dims, true))).toEqual([1, 2, 3]);
    expect(rowsOf(single({ row: 4, col: 2 }))).toEqual([4]);
  });

  it('stays inside a table that shrank', () => {
    expect(clampSelection({ anchor: { row: 2, col: 1 }, active: { row: 5, col: 1 } }, { rows: 3, cols: 7 })).toEqual({
      anchor: { row: 2, col: 1 },
      active: { row: 2, col: 1 },
    });
  });
});

describe('Tab and Shift+Tab', () => {
  // seq, category, name, planned, actual, rate (computed), statedRate
  const editable = [true, true, true, true, true, false, true];
  it('go to the next editable column, skipping the computed rate', () => {
    expect(tabTarget({ row: 0, col: 4 }, editable, 6, false)).toEqual({ row: 0, col: 6 });
    expect(tabTarget({ row: 0, col: 6 }, editable, 6, true)).toEqual({ row: 0, col: 4 });
  });
  it('wrap to the next row, and append a row past the last cell of the last row', () => {
    expect(tabTarget({ row: 2, col: 6 }, editable, 6, false)).toEqual({ row: 3, col: 0 });
    expect(tabTarget({ row: 5, col: 6 }, editable, 6, false)).toBe('append');
    expect(tabTarget({ row: 3, col: 0 }, editable, 6, true)).toEqual({ row: 2, col: 6 });
    expect(tabTarget({ row: 0, col: 0 }, editable, 6, true)).toEqual({ row: 0, col: 0 });
  });
});

describe('drawing', () => {
  it('frames the active cell, tints the rest and borders the block', () => {
    const s = { anchor: { row: 1, col: 1 }, active: { row: 2, col: 2 } };
    expect(cellClasses(s, 2, 2)).toEqual(['sel-active', 'sel-bottom', 'sel-right']);
    expect(cellClasses(s, 1, 1)).toEqual(['sel-in', 'sel-top', 'sel-left']);
    expect(cellClasses(s, 0, 1)).toEqual([]);
    expect(cellClasses(single({ row: 0, col: 0 }), 0, 0)).toEqual(['sel-active']);
    expect(cellClasses(null, 0, 0)).toEqual([]);
  });
  it('redraws the rows of the old and the new block', () => {
    expect(rowsToRedraw(single({ row: 1, col: 0 }), { anchor: { row: 3, col: 0 }, active: { row: 4, col: 0 } })).toEqual([1, 3, 4]);
  });
});
