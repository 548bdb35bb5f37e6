// Account: every non-empty cell inside a found table's region, and every number anywhere on a
// sheet that holds a table or facts, is either used or reported (ignored_cell, with its cell),
// so a clerk sees what was not read. A table found with no rows while numbers stand around its
// header is an error, never an empty table. Cells not read that touch one another (a block of
// numbers beside the tables, 10,000 rows of it) are one finding for their region — its range and
// how many cells — not one per cell.
import { finding, type Finding } from '../../../shared/findings';
import { fold } from '../../../shared/text';
import { holdsNumber, type Cell } from './cells';
import type { SheetLayout } from './locate';
import type { TableRead } from './rows';

/** A cell that is a number and nothing else: 775, "1,500.00", "82.6%", "６４０.２１万元". */
export const bareNumber = (cell: Cell) =>
  typeof cell.value === 'number' || (typeof cell.value === 'string' && /^[+-]?[\d,]*\.?\d+(%|万元|元)?$/.test(fold(cell.text)));

const inRegion = (t: TableRead, cell: Cell) =>
  cell.row >= t.header.top && cell.row <= t.bottom && cell.col + cell.span - 1 >= t.header.left && cell.col <= t.header.right;

/** A label of who signs and when (填表人：, 审核人, 验收组成员签字, 日期：, (盖章)): its row is no table's. */
const SIGNATURE =
  /^[(]?(填表|填报|制表|审核|复核|负责人|单位负责人|分管领导|联系人|联系电话|经办人|日期|签字|签名|盖章)|(签字|签名|盖章|日期)[):]*$/;
const signatureRow = (cells: readonly Cell[]) =>
  cells.some((c) => typeof c.value === 'string' && c.text.length <= 24 && SIGNATURE.test(fold(c.text)));

/** A region of touching cells not read, for the same reason, at least this large is one finding. */
export const REGION_CELLS = 10;

const columnName = (col: number) => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** `summary`: the sheet is a summary holding no table (sheet-kind.ts summaryOnly); its numbers are told as a summary's. */
export function account(layout: SheetLayout, file: string, summary = false): Finding[] {
  const { grid, used, tables } = layout;
  const out: Finding[] = [];
  if (layout.blocks.length === 0) return out;
  const at = (cell: Cell, f: Finding): Finding => ({ ...f, file, sheet: grid.sheet, cell: cell.address });
  const unread: Cell[] = [];
  const ignored: { cell: Cell; reason: string }[] = [];
  for (const r of grid.rows) {
    // A date or a number in a row of signatures (填表人：… 日期：2018.12) is told as such, never a table's row.
    const signed = signatureRow(grid.row(r));
    for (const cell of grid.row(r)) {
      if (used.has(cell)) continue;
      let table: TableRead | undefined;
      for (const t of tables) if (inRegion(t, cell)) table = t;
      if (!table && !holdsNumber(cell)) continue;
      if (holdsNumber(cell)) unread.push(cell);
      const mapped = table && Object.values(table.header.columns).includes(cell.col);
      ignored.push({
        cell,
        reason: table
          ? `${tables.indexOf(table)}:${mapped ? 'row' : 'column'}`
          : signed
            ? 'note'
            : summary
              ? 'summary'
              : bareNumber(cell)
                ? 'number'
                : 'text',
      });
    }
  }
  for (const region of regions(ignored)) {
    const first = region[0].cell;
    const reason = region[0].reason.replace(/^\d+:/, '');
    const value = first.text.length > 40 ? `${first.text.slice(0, 40)}…` : first.text;
    if (region.length < REGION_CELLS) {
      for (const { cell } of region)
        out.push(at(cell, finding('ignored_cell', { value: cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text, reason })));
      continue;
    }
    let [top, bottom, left, right] = [first.row, first.row, first.col, first.col];
    for (const { cell } of region) {
      top = Math.min(top, cell.row);
      bottom = Math.max(bottom, cell.row);
      left = Math.min(left, cell.col);
      right = Math.max(right, cell.col + cell.span - 1);
    }
    const range = `${columnName(left)}${top}:${columnName(right)}${bottom}`;
    out.push(at(first, finding('ignored_cell', { value, reason, cells: String(region.length), range })));
  }
  // A header with no rows under it, and numbers in its columns between it and its neighbours (a row
  // read that could not be, a value not a number say, has its own finding).
  const sorted = [...tables].sort((a, b) => a.header.top - b.header.top);
  sorted.forEach((t, i) => {
    if (t.linesTried > 0) return;
    const from = i > 0 ? sorted[i - 1].bottom + 1 : 1;
    const to = i + 1 < sorted.length ? sorted[i + 1].header.top - 1 : grid.rowCount;
    const stray = unread.find((c) => c.row >= from && c.row <= to && c.col >= t.header.left && c.col <= t.header.right);
    if (stray) out.push(at(stray, finding('empty_table', { table: t.kind, at: stray.address, value: stray.text })));
  });
  return out;
}

/**
 * The cells not read, in connected regions of the same reason (cells touching by a side; a merge by
 * its whole width), each region in reading order, the regions by their first cell.
 */
function regions(ignored: { cell: Cell; reason: string }[]): { cell: Cell; reason: string }[][] {
  const where = new Map<string, number>();
  ignored.forEach(({ cell }, i) => {
    for (let c = cell.col; c < cell.col + cell.span; c++) where.set(`${cell.row}:${c}`, i);
  });
  const region = new Int32Array(ignored.length).fill(-1);
  const out: { cell: Cell; reason: string }[][] = [];
  for (let start = 0; start < ignored.length; start++) {
    if (region[start] >= 0) continue;
    const members: number[] = [start];
    region[start] = out.length;
    for (let k = 0; k < members.length; k++) {
      const { cell, reason } = ignored[members[k]];
      const span = cell.span ?? 1;
      const around: [number, number][] = [
        [cell.row, cell.col - 1],
        [cell.row, cell.col + span],
      ];
      for (let c = cell.col; c < cell.col + span; c++) around.push([cell.row - 1, c], [cell.row + 1, c]);
      for (const [r, c] of around) {
        const j = where.get(`${r}:${c}`);
        if (j === undefined || region[j] >= 0 || ignored[j].reason !== reason) continue;
        region[j] = out.length;
        members.push(j);
      }
    }
    members.sort((a, b) => a - b);
    out.push(members.map((i) => ignored[i]));
  }
  return out;
}
