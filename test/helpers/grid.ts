// A worksheet grid made in memory from rows of cells (the fixtures' sheet model), for the unit
// tests of the import's stages.
import { gridOf, type Grid } from '../../electron/services/excel/cells';
import { excelOf, type FxCell } from '../fixtures/workbooks';

/** Rows of cells: a plain value, or a cell with its format and merge. */
export type Row = (FxCell | string | number)[];

export function gridFrom(rows: Row[], name = 'sheet'): Grid {
  const cells = rows.map((r) => r.map((c) => (c === null || typeof c === 'object' ? c : c === '' ? null : { v: c })));
  return gridOf(excelOf([{ name, rows: cells }]).worksheets[0]);
}
