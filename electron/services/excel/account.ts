// Account: every non-empty cell inside a found table's region, and every number anywhere on a
// sheet that holds a table or facts, is either used or reported (ignored_cell, with its cell),
// so a clerk sees what was not read. A table found with no rows while numbers stand around its
// header is an error, never an empty table.
import { finding, type Finding } from '../../../shared/findings';
import { fold } from '../../../shared/text';
import { holdsNumber, type Cell } from './cells';
import type { SheetLayout } from './locate';
import type { TableRead } from './rows';

/** A cell that is a number and nothing else: 775, "1,500.00", "82.6%", "６４０.２１万元". */
export const bareNumber = (cell: Cell) => typeof cell.value === 'number' || (typeof cell.value === 'string' && /^[+-]?[\d,]*\.?\d+(%|万元|元)?$/.test(fold(cell.text)));

const inRegion = (t: TableRead, cell: Cell) => cell.row >= t.header.top && cell.row <= t.bottom && cell.col + cell.span - 1 >= t.header.left && cell.col <= t.header.right;

export function account(layout: SheetLayout, file: string): Finding[] {
  const { grid, used, tables } = layout;
  const out: Finding[] = [];
  if (layout.blocks.length === 0) return out;
  const at = (cell: Cell, f: Finding): Finding => ({ ...f, file, sheet: grid.sheet, cell: cell.address });
  const unread: Cell[] = [];
  for (const r of grid.rows) {
    for (const cell of grid.row(r)) {
      if (used.has(cell)) continue;
      let table: TableRead | undefined;
      for (const t of tables) if (inRegion(t, cell)) table = t;
      if (!table && !holdsNumber(cell)) continue;
      if (holdsNumber(cell)) unread.push(cell);
      const mapped = table && Object.values(table.header.columns).includes(cell.col);
      out.push(at(cell, finding('ignored_cell', { value: cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text, reason: table ? (mapped ? 'row' : 'column') : bareNumber(cell) ? 'number' : 'text' })));
    }
  }
  // A header with no rows under it, and numbers in its columns between it and its neighbours.
  const sorted = [...tables].sort((a, b) => a.header.top - b.header.top);
  sorted.forEach((t, i) => {
    if (t.items.length + t.disbursements.length + t.payments.length > 0) return;
    const from = i > 0 ? sorted[i - 1].bottom + 1 : 1;
    const to = i + 1 < sorted.length ? sorted[i + 1].header.top - 1 : grid.rowCount;
    const stray = unread.find((c) => c.row >= from && c.row <= to && c.col >= t.header.left && c.col <= t.header.right);
    if (stray) out.push(at(stray, finding('empty_table', { table: t.kind, at: stray.address, value: stray.text })));
  });
  return out;
}
