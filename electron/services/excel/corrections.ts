// Corrections of a reading: what a person tells the import about a sheet it read wrong — which
// column is 计划 and which 实际, the unit of a column, rows to leave out (a 其中 line) or to read
// after all (a struck-through or hidden row) — applied as a view of the sheet's grid, so every
// stage after it (locate, header, rows, facts) reads the sheet as corrected without knowing; and
// the rows of table 三's header, which locate reads as the header band it is told (locate.ts).
// Struck-through and hidden rows and struck-through cells are left out of that view by default:
// a deleted line or hidden data is never silently part of a figure (each is reported, a doubt).
import { createHash } from 'node:crypto';
import { finding, type Finding } from '../../../shared/findings';
import type { AmountUnit } from '../../../shared/money';
import type { LayoutCorrection, SheetCorrection } from '../../../shared/doubts';
import { colName, formatScale, holdsNumber, type Cell, type Grid } from './cells';
import type { SheetLayout } from './locate';
import type { TableRead } from './rows';

export type { LayoutCorrection, SheetCorrection };
/** A sheet's correction without the file and sheet it is for (rows by number). */
export type RowCorrection = Omit<SheetCorrection, 'file' | 'sheet'>;

export const isEmptyCorrection = (c: RowCorrection | undefined) =>
  !c ||
  (!c.planned &&
    !c.actual &&
    Object.keys(c.units ?? {}).length === 0 &&
    !c.skipRows?.length &&
    !c.keepRows?.length &&
    !c.header &&
    !c.stored?.length &&
    !c.ledgerUnit);

/** A figure typed as text (82.6%, 1,234.56, 2021-12-01): no words. */
const FIGURE = /^[\d０-９.,，%％\s\-/:]+$/;

/** What a row says, column by column (`B:其中：上年结转`): its words, figures left out (they differ from county to county). */
export function rowText(grid: Grid, row: number): string {
  return grid
    .row(row)
    .filter((c) => typeof c.value === 'string' && c.text.trim() && !FIGURE.test(c.text))
    .map((c) => `${colName(c.col)}:${c.text.replace(/\s+/g, '')}`)
    .join('|');
}

/** The correction to remember for a layout: rows by what they say; null when nothing is left to remember. */
export function portable(c: RowCorrection, grid: Grid): LayoutCorrection | null {
  const texts = (rows: number[] | undefined) => [...new Set((rows ?? []).map((r) => rowText(grid, r)).filter(Boolean))];
  const band = c.header ? Array.from({ length: c.header.bottom - c.header.top + 1 }, (_, i) => rowText(grid, c.header!.top + i)) : [];
  const out: LayoutCorrection = {
    ...(c.planned ? { planned: c.planned } : {}),
    ...(c.actual ? { actual: c.actual } : {}),
    ...(c.units && Object.keys(c.units).length ? { units: c.units } : {}),
    ...(c.stored?.length ? { stored: c.stored } : {}),
    ...(c.ledgerUnit ? { ledgerUnit: c.ledgerUnit } : {}),
    ...(texts(c.skipRows).length ? { skipTexts: texts(c.skipRows) } : {}),
    ...(texts(c.keepRows).length ? { keepTexts: texts(c.keepRows) } : {}),
    ...(band.length && band.every(Boolean) ? { header: band } : {}),
  };
  return Object.keys(out).length ? out : null;
}

/** A remembered correction for this sheet: its rows found by what they say (a band of rows in a row, as remembered). */
export function localized(c: LayoutCorrection, grid: Grid): RowCorrection {
  const said = new Map<string, number[]>();
  for (const r of grid.rows) {
    const text = rowText(grid, r);
    if (text) said.set(text, [...(said.get(text) ?? []), r]);
  }
  const rows = (texts: string[] | undefined) => (texts ?? []).flatMap((t) => said.get(t) ?? []);
  const top = c.header?.length
    ? (said.get(c.header[0]) ?? []).find((r) => c.header!.every((t, i) => rowText(grid, r + i) === t))
    : undefined;
  const { skipTexts: _s, keepTexts: _k, header: _h, ...columns } = c;
  return {
    ...columns,
    ...(rows(c.skipTexts).length ? { skipRows: rows(c.skipTexts) } : {}),
    ...(rows(c.keepTexts).length ? { keepRows: rows(c.keepTexts) } : {}),
    ...(top !== undefined ? { header: { top, bottom: top + c.header!.length - 1 } } : {}),
  };
}

const UNIT_WORD: Record<AmountUnit, string> = { wan: '万元', yuan: '元', qian: '千元', yi: '亿元' };

/** The sheet as corrected: rows left out, header texts rewritten; cell numbers kept. */
class CorrectedGrid implements Grid {
  readonly rows: readonly number[];
  constructor(
    private readonly base: Grid,
    private readonly leftOut: ReadonlySet<number>,
    private readonly cellsOut: ReadonlySet<Cell>,
    private readonly texts: ReadonlyMap<Cell, Cell>,
  ) {
    this.rows = base.rows.filter((r) => !leftOut.has(r) && this.row(r).length > 0);
  }
  get sheet() {
    return this.base.sheet;
  }
  get rowCount() {
    return this.base.rowCount;
  }
  get colCount() {
    return this.base.colCount;
  }
  get cellCount() {
    return this.base.cellCount;
  }
  get hiddenColumns() {
    return this.base.hiddenColumns;
  }
  private shown(c: Cell | undefined): Cell | undefined {
    if (!c || this.leftOut.has(c.row) || this.cellsOut.has(c)) return undefined;
    return this.texts.get(c) ?? c;
  }
  at(r: number, c: number) {
    return this.shown(this.base.at(r, c));
  }
  cover(r: number, c: number) {
    return this.shown(this.base.cover(r, c));
  }
  row(r: number): readonly Cell[] {
    if (this.leftOut.has(r)) return [];
    const cells = this.base.row(r);
    if (this.cellsOut.size === 0 && this.texts.size === 0) return cells;
    return cells.filter((c) => !this.cellsOut.has(c)).map((c) => this.texts.get(c) ?? c);
  }
}

const excerpt = (cells: readonly Cell[]) =>
  cells
    .map((c) => c.text)
    .join(' ')
    .slice(0, 40);

/**
 * The grid as the import reads it: struck-through and hidden rows and struck-through cells left
 * out (each reported), the person's rows left out or kept; header cells of table 三 rewritten to
 * say the columns and units the person chose (`layout`: the sheet as first read, for its headers).
 */
export function correctedGrid(
  grid: Grid,
  file: string,
  correction: RowCorrection | undefined,
  layout: SheetLayout | undefined,
): { grid: Grid; findings: Finding[]; leftOut: number[] } {
  const { findings, leftOut, cellsOut } = struckAndHidden(grid, file, new Set(correction?.keepRows ?? []));
  for (const r of correction?.skipRows ?? []) leftOut.add(r);
  const texts = new Map<Cell, Cell>();
  // Columns read as stored: their numbers without the format that shows them scaled.
  const stored = new Set((correction?.stored ?? []).map(letterNumber));
  if (stored.size)
    for (const r of grid.rows)
      for (const c of grid.row(r))
        if (stored.has(c.col) && typeof c.value === 'number' && formatScale(c.numFmtCode ?? c.numFmt) > 0)
          texts.set(c, { ...c, numFmt: undefined, numFmtCode: undefined });
  const tables = (layout?.tables ?? []).filter((t) => t.kind === 'disbursements');
  if (correction) for (const t of tables) relabelColumns(grid, t, correction, texts);
  const ledgerUnit = correction?.ledgerUnit;
  if (ledgerUnit) for (const t of layout?.tables ?? []) if (t.kind === 'payments') relabelLedger(grid, t, ledgerUnit, texts);
  // Header rows chosen that the reader could not make a table of: the columns the person named say 计划 and 实际.
  const band = correction?.header;
  if (band && !tables.some((t) => t.header.top === band.top)) relabelChosen(grid, band.bottom, correction!, texts);
  const empty = leftOut.size === 0 && cellsOut.size === 0 && texts.size === 0;
  return { grid: empty ? grid : new CorrectedGrid(grid, leftOut, cellsOut, texts), findings, leftOut: [...leftOut].sort((a, b) => a - b) };
}

/** The grid without the given rows (a part of a sheet read on its own). */
export function withoutRows(grid: Grid, rows: Iterable<number>): Grid {
  return new CorrectedGrid(grid, new Set(rows), new Set(), new Map());
}

const letterNumber = (letter: string) => [...letter.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The rows left out (struck through or hidden, unless the person keeps them) and the struck cells,
 * each reported; a footnote mark or struck text dropped from a cell that stays is reported too.
 */
function struckAndHidden(grid: Grid, file: string, keep: Set<number>) {
  const findings: Finding[] = [];
  const leftOut = new Set<number>();
  const cellsOut = new Set<Cell>();
  const at = (cell: Cell) => ({ file, sheet: grid.sheet, cell: cell.address });
  for (const r of grid.rows) {
    const cells = grid.row(r);
    // Only a row holding a figure can add to one: a struck-through or hidden line of text is left as it is.
    if (keep.has(r) || !cells.some(holdsNumber)) continue;
    if (cells.every((c) => c.struck)) {
      leftOut.add(r);
      findings.push({ ...finding('struck_row', { row: String(r), value: excerpt(cells) }), ...at(cells[0]) });
    } else if (grid.hiddenRows?.has(r)) {
      leftOut.add(r);
      findings.push({ ...finding('hidden_row', { row: String(r), value: excerpt(cells) }), ...at(cells[0]) });
    } else
      for (const c of cells)
        if (c.struck && holdsNumber(c)) {
          cellsOut.add(c);
          findings.push({ ...finding('struck_text', { dropped: c.text, value: '' }), ...at(c) });
        }
    for (const c of cells)
      if (c.dropped && !leftOut.has(r) && !cellsOut.has(c))
        findings.push({
          ...finding(c.dropped.why === 'strike' ? 'struck_text' : 'footnote_mark', { dropped: c.dropped.text, value: c.text }),
          ...at(c),
        });
  }
  return { findings, leftOut, cellsOut };
}

/** In a header band the reader could not read, the cells over the columns the person chose for 计划 and 实际 say so. */
function relabelChosen(grid: Grid, bottom: number, correction: RowCorrection, texts: Map<Cell, Cell>): void {
  for (const field of ['planned', 'actual'] as const) {
    const chosen = correction[field];
    const cell = chosen ? grid.cover(bottom, letterNumber(chosen)) : undefined;
    const unit = chosen ? correction.units?.[chosen] : undefined;
    const text = `${field === 'planned' ? '计划安排额度' : '实际拨付额度'}${unit ? `(${UNIT_WORD[unit]})` : ''}`;
    if (cell) texts.set(cell, { ...cell, value: text, text });
  }
}

/** A 拨付台账's 金额 header (and its own unit line) rewritten to say the unit the person chose. */
function relabelLedger(grid: Grid, t: TableRead, unit: AmountUnit, texts: Map<Cell, Cell>): void {
  const col = t.header.columns.amount;
  const cell = col === undefined ? undefined : grid.cover(t.header.bottom, col);
  if (!cell) return;
  const text = `${withoutUnit(cell.text)}(${UNIT_WORD[unit]})`;
  texts.set(cell, { ...cell, value: text, text });
  const line = t.unitLine?.cell;
  if (line) texts.set(line, { ...line, value: `单位:${UNIT_WORD[unit]}`, text: `单位:${UNIT_WORD[unit]}` });
}

/** A header's text without the unit it names (`金额（元）`, `金额 单位：万元` → `金额`). */
const withoutUnit = (text: string) => text.replace(/[(（\[【][^)）\]】]*元[^)）\]】]*[)）\]】]|单位.*$/g, '');

/** Header cells of table 三 rewritten (into `texts`) to say the columns and units the person chose. */
function relabelColumns(grid: Grid, t: TableRead, correction: RowCorrection, texts: Map<Cell, Cell>): void {
  const relabel = (cell: Cell | undefined, text: string) => cell && texts.set(cell, { ...cell, value: text, text });
  const h = t.header;
  const leaf = (col: number) => grid.cover(h.bottom, col);
  const named = new Map<number, string>();
  for (const field of ['planned', 'actual'] as const) {
    const chosen = correction[field];
    if (!chosen) continue;
    const col = letterNumber(chosen);
    // The column read for this field before is renamed, so that only the chosen one can be it.
    const before = h.columns[field];
    if (before !== undefined && before !== col && !named.has(before)) named.set(before, `原${leaf(before)?.text ?? colName(before)}列`);
    named.set(col, field === 'planned' ? '计划安排额度' : '实际拨付额度');
  }
  for (const [letter, unit] of Object.entries(correction.units ?? {})) {
    const col = letterNumber(letter);
    const text = named.get(col) ?? withoutUnit(leaf(col)?.text ?? '');
    named.set(col, `${text}(${UNIT_WORD[unit]})`);
  }
  for (const [col, text] of named) {
    const cell = leaf(col);
    if (cell) relabel(cell, text);
  }
  // A unit chosen for a column overrides the table's unit line (单位：万元) for it: the line is
  // rewritten to the unit chosen when every amount column gets the same one, else dropped.
  const line = t.unitLine?.cell;
  const chosenUnits = Object.values(correction.units ?? {});
  if (line && chosenUnits.length > 0) {
    const same = chosenUnits.every((u) => u === chosenUnits[0]);
    relabel(line, same ? `单位:${UNIT_WORD[chosenUnits[0]]}` : '');
  }
}

/**
 * A sheet's layout, recognised by its headings and shape: the header bands of its tables (their
 * texts and where they stand relative to each other) and the sheet's width. The same form sent
 * by another county, with other figures and more or fewer lines, has the same layout.
 */
export function layoutKey(layout: SheetLayout): string | null {
  if (layout.tables.length === 0) return null;
  const first = layout.tables[0].header.top;
  const parts = layout.tables.map((t) => {
    const h = t.header;
    const cells = h.cells.map((c) => `${c.row - h.top},${c.col},${c.span},${c.rowSpan}:${c.text.replace(/\s+/g, '')}`).join('|');
    return `${t.kind}@${t === layout.tables[0] ? 0 : h.top - first > 0 ? 'below' : 'above'}[${cells}]`;
  });
  const described = parts.join('\u0000');
  let key = layoutKeys.get(described);
  if (key === undefined) {
    key = createHash('sha256').update(described).digest('hex').slice(0, 24);
    if (layoutKeys.size < 1_000) layoutKeys.set(described, key);
  }
  return key;
}

/** The keys of the layouts seen: a workbook of counties repeats one form on every sheet. */
const layoutKeys = new Map<string, string>();
