// Where the grid's cells are on screen: the cell under the mouse, the element of a cell, and the
// box of the text area that sits over the active cell (grown for long texts while editing).
import type { Cell } from './selection';

export function cellElement(wrap: HTMLElement | null, row: number, field: string | undefined): HTMLElement | null {
  return field
    ? (wrap?.querySelector<HTMLElement>(`.ag-row:not(.ag-row-pinned)[row-index="${row}"] .ag-cell[col-id="${field}"]`) ?? null)
    : null;
}

/** The data cell under a mouse event's target (not the 合计 row), or null. */
export function cellAtPoint(wrap: HTMLElement | null, target: EventTarget | null, colIndex: ReadonlyMap<string, number>): Cell | null {
  const el = (target as Element | null)?.closest?.('.ag-cell');
  const rowEl = el?.closest('.ag-row');
  if (!el || !rowEl || rowEl.classList.contains('ag-row-pinned') || !wrap?.contains(el)) return null;
  const row = Number(rowEl.getAttribute('row-index'));
  const col = colIndex.get(el.getAttribute('col-id') ?? '');
  return Number.isInteger(row) && col !== undefined ? { row, col } : null;
}

/** The editor's box over `el`, relative to the grid's wrapper. Long text gets room to write in. */
export function editorBox(
  wrap: HTMLElement,
  el: HTMLElement | null,
  long: boolean,
): { top: number; left: number; width: number; height: number } {
  if (!el) return { top: 0, left: 0, width: 1, height: 1 };
  const w = wrap.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const width = long ? Math.max(r.width, 420) : r.width;
  const height = long ? Math.max(r.height, 132) : r.height;
  const left = long ? Math.max(0, Math.min(r.left - w.left, w.width - width)) : r.left - w.left;
  return { top: r.top - w.top, left, width, height };
}
