// Locate: finds on one sheet the tables (by their header text), the unit lines that govern
// them, and, outside the tables, the titles, headings, basic-facts paragraphs, label/value
// facts and summary sentences; then cuts the sheet into county blocks, one after another:
// a second title, 基本情况 or facts paragraph after a county's tables starts the next county.
import type { BookUnit } from './book-unit';
import type { AmountUnit } from '../../../shared/money';
import { fold } from '../../../shared/text';
import { sameCounty } from '../../../shared/place-short';
import type { FactKey } from '../../../shared/basic-facts';
import { CellMarks, holdsNumber, isBlank, labelKey, statedUnit, unclearUnit, unitOf, type Cell, type Grid } from './cells';
import { findHeader, headerOf, startsTable, unreadHeaderAbove, type TableHeader } from './header';
import { readTable, type TableRead, type TableUnit } from './rows';
import {
  FactSet,
  filerCounty,
  inlineFact,
  labelFact,
  looksLikeParagraph,
  looksLikeTitle,
  readLabelled,
  readSentence,
  readSummary,
  readTitle,
  type SummaryRead,
} from './facts';
import { CellReader } from './values';
import { bandGrid, sideBySide } from './bands';
import { minOf, pushAll } from '../../../shared/arrays';

export type Block = {
  sheet: string;
  /** Rows of the sheet this county occupies. */
  first: number;
  last: number;
  facts: FactSet;
  tables: TableRead[];
  summaries: SummaryRead[];
  /** A cell that holds basic facts (paragraph, title, first label), to name when one is missing. */
  factsCell?: string;
  /** The first cell of its facts paragraph or table (not its title): where a fact not given was looked for. */
  bodyFactsCell?: string;
  markers: Set<string>;
  /** Titles of ledgers (拨付台账): they may name the county and the day the ledger runs to. */
  ledgerTitles: Cell[];
  /** The line right above its first table (楚雄市中央财政资金拨付情况): it may name the county the table is of. */
  heading?: string;
};

export type SheetLayout = {
  sheet: string;
  grid: Grid;
  blocks: Block[];
  tables: TableRead[];
  /** Every cell something was read from. */
  used: CellMarks;
  findings: CellReader['findings'];
};

const HEADING = /^[一二三四五六七八九十]+[、.．]/;
const UNIT_LINE = /[单單]位/;
const LEDGER_TITLE = /台[账賬帐]|明[细細]/;
/**
 * A footnote, a source, a remark or who filled the form in (注：…, 资料来源：《通河县…》, 说明：, 备注：,
 * 填表人：, 联系电话：): never a title, a paragraph of facts or a summary, whatever county or amount it names.
 */
const NOTE_LINE =
  /^[(（]?(注|备注|附注|说明|资料来源|数据来源|来源|填表人|填报人|填表单位|填报单位|联系电话|联系人|制表人?|审核人?|经办人|负责人|单位负责人|分管领导|填表日期|填报日期)\s*[:：\d、.．]/;
const NOTE_LABEL = /^(备注|说明|注|附注|资料来源|数据来源)$/;

type Statement = { row: number; unit: AmountUnit; cell: Cell };

function inTable(tables: TableRead[], cell: Cell): boolean {
  for (const t of tables)
    if (cell.row >= t.header.top && cell.row <= t.bottom && cell.col + cell.span - 1 >= t.header.left && cell.col <= t.header.right)
      return true;
  return false;
}

/**
 * The unit line governing what starts at row `top`: the nearest one above it within the same
 * county (from the last county title above: a unit the title states, 验收情况表（金额单位：元）,
 * speaks for the county), holding until the next one.
 */
function unitAbove(statements: Statement[], top: number, from: number): TableUnit | undefined {
  let best: Statement | undefined;
  for (const s of statements) if (s.row < top && s.row >= from && (!best || s.row > best.row)) best = s;
  return best && { unit: best.unit, cell: best.cell };
}

/**
 * Whether a unit line reaches down to a table starting at `top`: nothing between them but headings,
 * short texts and a summary sentence — no other table, no facts paragraph or facts table. A line
 * standing right under the county's title (nothing between them), or the title itself, speaks for the whole county.
 */
function reaches(grid: Grid, s: Statement, top: number, title: number): boolean {
  // (Only the rows of this county between its title and the table are looked at.)
  const rows = grid.rows;
  let i = 0;
  for (let lo = 0, hi = rows.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] <= title) lo = i = mid + 1;
    else hi = mid;
  }
  const sheetWide = (rows[i] === s.row && (title > 0 || s.row === rows[0])) || (title > 0 && s.row === title);
  if (sheetWide) return true;
  while (i < rows.length && rows[i] <= s.row) i++;
  for (; i < rows.length && rows[i] < top; i++) {
    const r = rows[i];
    if (startsTable(grid, r)) return false;
    const cells = grid.row(r);
    const numbers = cells.filter((c) => holdsNumber(c) && !HEADING.test(fold(c.text)) && !/^(截至|截止)/.test(fold(c.text)));
    if (numbers.length > 0) return false;
  }
  return true;
}

/** Else a note under the table ("注：3. 本表金额单位：元。"), before the next table or county. */
function unitBelow(statements: Statement[], bottom: number, to: number, grid: Grid): TableUnit | undefined {
  const s = statements.find((x) => x.row > bottom && x.row < to);
  if (!s) return undefined;
  for (const r of grid.rows) if (r > bottom && r < s.row && startsTable(grid, r)) return undefined;
  return { unit: s.unit, cell: s.cell };
}

/** The last county title at or above `row` (0 when none): a unit line does not reach across it. */
const titleAbove = (titles: number[], row: number) => titles.reduce((best, t) => (t <= row && t > best ? t : best), 0);
const titleBelow = (titles: number[], row: number) => titles.reduce((best, t) => (t > row && t < best ? t : best), Infinity);

/** A county's first heading (一、基本情况): after another county's tables, where a county without a title begins. */
const BASIC_HEADING = /^[一1]\s*[、.．]?\s*基本情况/;

/**
 * Where the county standing at `row` begins, so that no unit line reaches across into it: its title,
 * or a 一、基本情况 heading standing below tables read since (a county pasted under another without a title).
 */
function countyFrom(s: Scan, row: number): number {
  let from = titleAbove(s.titles, row);
  for (const h of s.basics) if (h <= row && h > from && s.tables.some((t) => t.header.top >= from && t.bottom < h)) from = h;
  return from;
}

/** Where the county standing at `row` ends: the next title, or the next 一、基本情况 heading below its tables. */
const countyTo = (s: Scan, row: number) =>
  minOf(
    s.basics.filter((h) => h > row),
    titleBelow(s.titles, row),
  );

/** The amount columns of a table (their units must agree with the table's unit line). */
const AMOUNT_FIELDS = ['planned', 'actual', 'amount'] as const;

/** Whether a cell can be the value of a fact: a number or date where one belongs (not another header word). */
function canHold(fact: string, cell: Cell): boolean {
  // A formula without a result where a fact's value stands is that value (refused at its cell, never "missing").
  if (cell.noResult || cell.error) return true;
  if (fact === 'name' || fact === 'province' || fact === 'prefecture' || fact === 'statusNote') return true;
  // A date in Chinese numerals (二〇二一年九月) holds no digit; "待定" is no date: read, or refused at the cell.
  if (fact === 'approvedOn' || fact === 'acceptedOn')
    return holdsNumber(cell) || (typeof cell.value === 'string' && cell.text.length <= 30);
  if (fact === 'batch') return holdsNumber(cell) || /^第?[一二三四五六七八九十两]{1,3}批?次?$/.test(fold(cell.text));
  return holdsNumber(cell);
}

/** Whether facts name something else than a block's facts do (another county — not the same one written another way —, another batch). */
function differs(have: FactSet, facts: FactSet): boolean {
  const a = have.values as Record<string, unknown>;
  const same = (k: string, v: unknown) =>
    k === 'name' ? sameCounty(String(a[k]), String(v)) : typeof v === 'string' ? fold(v) === fold(String(a[k])) : v === a[k];
  return Object.entries(facts.values).some(([k, v]) => k !== 'statusNote' && a[k] !== undefined && !same(k, v));
}

/** A block that holds only its title (and 一、基本情况): the paragraph that follows is its own, whatever county it names. */
const titleOnly = (block: Block) => block.tables.length === 0 && [...block.markers].every((m) => m === 'title' || m === 'basic');

/**
 * Units that cannot both hold: a column header naming one unit under a unit line naming another
 * ("（万元）" under "单位：元"), or a header whose unit this reader cannot tell: errors at the cells.
 */
function checkUnits(header: TableHeader, line: TableUnit | undefined, reader: CellReader): void {
  for (const field of AMOUNT_FIELDS) {
    const col = (header.columns as Partial<Record<string, number>>)[field];
    if (col === undefined) continue;
    const own = header.units.get(col);
    if (own && line && own.unit !== line.unit)
      reader.problem('unit_conflict', own.cell, { unit: own.unit, other: line.cell.address, otherUnit: line.unit });
    for (const cell of header.cells)
      if (cell.col <= col && cell.col + cell.span - 1 >= col && unclearUnit(cell.text))
        reader.problem('unit_unclear', cell, { value: cell.text });
  }
}

/** One sheet as locate reads it: what each stage finds, the next stage uses. */
type Scan = {
  grid: Grid;
  file: string;
  reader: CellReader;
  used: CellMarks;
  /** The unit lines (单位：元) and the rows of titles. */
  statements: Statement[];
  titles: number[];
  /** The rows of 一、基本情况 headings. */
  basics: number[];
  tables: TableRead[];
};

/**
 * The tables, facts and county blocks of a sheet. `header`: the rows a person said a table's header
 * stands in (issue 27): read as that band, whatever the header model would find; no other band overlaps it.
 * Tables side by side (two counties in A:E and G:K) are read band by band, each its own county's.
 */
export function locate(grid: Grid, file: string, chosen?: { top: number; bottom: number }, bookUnit?: BookUnit): SheetLayout {
  const used = new CellMarks(grid);
  const bands = sideBySide(grid)?.map((band) => bandGrid(grid, band)) ?? [grid];
  // A person's header rows go to the bands standing on them (to the first where none does, which tells them unread).
  const on = (band: Grid) => !!chosen && band.row(chosen.top).length > 0;
  const takes = (band: Grid, i: number) => on(band) || (i === 0 && !bands.some(on));
  const scans = bands.map((band, i) => locateBand(band, file, used, takes(band, i) ? chosen : undefined, bookUnit));
  return {
    sheet: grid.sheet,
    grid,
    blocks: scans.flatMap((x) => x.blocks),
    tables: scans.flatMap((x) => x.s.tables),
    used,
    findings: scans.flatMap((x) => x.s.reader.findings),
  };
}

/** The tables, facts and county blocks of one band of columns (the whole sheet, or one of tables side by side). */
function locateBand(grid: Grid, file: string, used: CellMarks, chosen?: { top: number; bottom: number }, bookUnit?: BookUnit) {
  const s: Scan = {
    grid,
    file,
    reader: new CellReader(file, grid.sheet, bookUnit),
    used,
    statements: [],
    titles: [],
    basics: [],
    tables: [],
  };
  scanLines(s);
  // Tables first: their header words are never read as facts.
  locateTables(s, chosen);
  // Then everything else, in reading order, cut into counties.
  const blocks = cutCounties(s);
  for (const x of s.statements) if (!inTable(s.tables, x.cell)) s.used.add(x.cell);
  return { s, blocks };
}

/** The unit lines and the titles of a sheet (a unit line the reader cannot tell is refused). */
function scanLines(s: Scan): void {
  const { grid } = s;
  for (const r of grid.rows)
    for (const cell of grid.row(r)) {
      if (typeof cell.value !== 'string' || cell.text.length > 80) continue;
      if (looksLikeTitle(cell.text) && !NOTE_LINE.test(fold(cell.text))) s.titles.push(r);
      if (BASIC_HEADING.test(fold(cell.text)) && s.basics.at(-1) !== r) s.basics.push(r);
      if (!UNIT_LINE.test(cell.text)) continue;
      const unit = statedUnit(cell.text);
      if (unit) s.statements.push({ row: r, unit, cell });
      else if (unclearUnit(cell.text)) s.reader.problem('unit_unclear', cell, { value: cell.text });
    }
  s.titles = s.titles.map((t) => unitLineOver(s, t) ?? t);
}

/**
 * A unit line standing right above a county's title (金额单位：元 on the line before it, nothing between) heads
 * the county as one right under the title does: the county begins there. A note (注：…) is the table above's.
 */
function unitLineOver(s: Scan, title: number): number | undefined {
  const rows = s.grid.rows;
  let lo = 0;
  for (let hi = rows.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < title) lo = mid + 1;
    else hi = mid;
  }
  const above = rows[lo - 1];
  if (above === undefined || s.titles.includes(above)) return undefined;
  const cells = s.grid.row(above);
  const line = s.statements.find((x) => x.row === above);
  return line && !NOTE_LINE.test(fold(line.cell.text)) && cells.every((c) => c === line.cell || isBlank(c)) ? above : undefined;
}

/** Each table by its header, read in the unit of the unit line that governs it. */
function locateTables(s: Scan, chosen: { top: number; bottom: number } | undefined): void {
  const { grid, file, reader, tables } = s;
  const forced = chosen && grid.row(chosen.top).length > 0 ? headerOf(grid, chosen.top, chosen.bottom, true) : undefined;
  if (chosen && !forced) {
    // Rows that read as a header lacking only the amount columns: the person is to point at those, not at other rows.
    const near = unreadHeaderAbove(grid, chosen.bottom + 1);
    const missing = near && near.cell.row >= chosen.top && !near.missing.includes('name') ? near.missing.join(',') : '';
    reader.problem('header_unread', undefined, { top: String(chosen.top), bottom: String(chosen.bottom), missing }, `A${chosen.top}`);
  }
  const startsNext = (row: number) => row === forced?.top || startsTable(grid, row);
  const overlaps = (h: TableHeader) => !!forced && h.top <= forced.bottom && h.bottom >= forced.top;
  for (let i = 0; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    const header = r === forced?.top ? forced : findHeader(grid, r);
    if (!header || (header !== forced && overlaps(header))) continue;
    const lines = s.statements.filter((x) => !header.cells.includes(x.cell) && !inTable(tables, x.cell));
    const read = (unit: TableUnit | undefined) => {
      const scratch = new CellReader(file, grid.sheet, s.reader.bookUnit);
      return { table: readTable(grid, header, scratch, unit, startsNext, s.used), findings: scratch.findings };
    };
    // A unit line belongs to the table right under it (or, right under the title, to the whole county):
    // never to a table past another table or the basic facts.
    const from = countyFrom(s, header.top);
    const reaching = lines.filter((x) => x.row < header.top && x.row >= from && reaches(grid, x, header.top, from));
    const above = unitAbove(reaching, header.top, from);
    const foreign = above ? undefined : unitAbove(lines, header.top, from);
    let { table, findings } = read(above);
    const below = above ? undefined : unitBelow(lines, table.bottom, countyTo(s, table.bottom), grid);
    if (below) ({ table, findings } = read(below));
    pushAll(reader.findings, findings);
    checkUnits(header, above ?? below, reader);
    if (foreign && !below && foreign.unit !== 'wan') tellForeignUnit(header, foreign, reader);
    for (const { field, cells } of header.ambiguous)
      reader.problem('ambiguous_column', cells[0], { field, cells: cells.map((c) => c.address).join('、') });
    tables.push(table);
    while (i + 1 < grid.rows.length && grid.rows[i + 1] <= table.bottom) i++;
  }
}

/** Amounts with no unit of their own under a unit line that is another table's: which unit is meant no reader can tell. */
function tellForeignUnit(header: TableHeader, foreign: TableUnit, reader: CellReader): void {
  const bare = AMOUNT_FIELDS.map((f) => (header.columns as Partial<Record<string, number>>)[f]).filter(
    (c): c is number => c !== undefined && !header.units.has(c),
  );
  const cell = bare.length
    ? (header.cells.find((c) => c.col <= bare[0] && c.col + c.span - 1 >= bare[0] && c.row === header.bottom) ?? header.nameCell)
    : undefined;
  if (cell) reader.problem('unit_ambiguous', cell, { value: foreign.cell.text, other: foreign.cell.address });
}

/** The county blocks of a sheet, one after another, and the block the cell being read belongs to. */
class Counties {
  readonly blocks: Block[] = [];
  current: Block | undefined;
  constructor(private readonly s: Scan) {}

  open(row: number): Block {
    if (this.current) this.current.last = row - 1;
    this.current = {
      sheet: this.s.grid.sheet,
      first: row,
      last: this.s.grid.rowCount,
      facts: new FactSet(this.s.file, this.s.grid.sheet),
      tables: [],
      summaries: [],
      markers: new Set(),
      ledgerTitles: [],
    };
    this.blocks.push(this.current);
    return this.current;
  }

  /**
   * The block a marker belongs to: a new one after the county's tables, when the block has the
   * marker already, or when the facts it brings name another county.
   */
  blockFor(row: number, marker?: string, facts?: FactSet): Block {
    const current = this.current;
    if (!current || (marker && (current.tables.length > 0 || current.markers.has(marker) || (facts && differs(current.facts, facts)))))
      this.open(row);
    if (marker) this.current!.markers.add(marker);
    return this.current!;
  }
}

/** Everything outside the tables, in reading order, cut into county blocks. */
function cutCounties(s: Scan): Block[] {
  const counties = new Counties(s);
  const toldHeads = new Set<Cell>();
  const filers: { block: Block; county: string; cell: Cell }[] = [];
  const tableAt = new Map(s.tables.map((t) => [t.header.top, t]));
  for (const r of s.grid.rows) {
    const table = tableAt.get(r);
    if (table) {
      const block = counties.blockFor(r);
      // A second table of a kind on one sheet without a title of its own is its own (nameless) part.
      if (block.tables.some((t) => t.kind === table.kind)) counties.open(r);
      counties.current!.tables.push(table);
      counties.current!.heading ??= headingAbove(s.grid, table);
    }
    const cells = s.grid.row(r);
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      if (s.used.has(cell) || typeof cell.value !== 'string' || inTable(s.tables, cell)) continue;
      if (readNote(s, cell, k > 0 ? cells[k - 1] : undefined)) {
        const county = filerCounty(cell.text);
        if (county) filers.push({ block: counties.blockFor(r), county, cell });
        continue;
      }
      const fact = labelFact(cell);
      if (fact) k = readLabelFact(s, counties, cells, k, r, fact, toldHeads);
      else readText(s, counties, cell, r);
    }
  }
  // 填报单位：扶余市商务局 on 榆树市's table: another county's name, a doubt naming both cells (FactSet); never the county's name.
  for (const { block, county, cell } of filers) if (block.facts.values.name) block.facts.set('name', county, cell);
  return counties.blocks;
}

/**
 * The short lines standing alone right above a table's header, or as the top row of its band (a
 * heading read with the header): one of them may name the county the table is of.
 */
function headingAbove(grid: Grid, table: TableRead): string | undefined {
  const lines = [table.header.top - 1, table.header.top].flatMap((r) => {
    const cells = grid.row(r);
    return cells.length === 1 && typeof cells[0].value === 'string' && cells[0].text.length <= 40 ? [cells[0].text] : [];
  });
  return lines.length ? lines.join('\n') : undefined;
}

/** A note, or the value beside a 备注 label: told if it holds a number, never read as facts. */
function readNote(s: Scan, cell: Cell, before: Cell | undefined): boolean {
  if (
    !NOTE_LINE.test(fold(cell.text).trimStart()) &&
    !(before && typeof before.value === 'string' && NOTE_LABEL.test(labelKey(before.text)))
  )
    return false;
  s.used.add(cell);
  if (holdsNumber(cell))
    s.reader.problem('ignored_cell', cell, { value: cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text, reason: 'note' });
  return true;
}

/** A fact's label and the value beside it (with a unit beside the value, in its column's header or on a unit line); the cell to go on after. */
function readLabelFact(
  s: Scan,
  counties: Counties,
  cells: readonly Cell[],
  k: number,
  r: number,
  fact: FactKey,
  toldHeads: Set<Cell>,
): number {
  const { grid, reader, statements } = s;
  const cell = cells[k];
  const value = cells.slice(k + 1).find((c) => !inTable(s.tables, c));
  if (!value || labelFact(value) || !canHold(fact, value)) return k;
  const block = counties.blockFor(r, `label:${fact}`);
  // A unit in the cell beside the value ("2310 | 万元"), else the unit line above, in this county.
  const beside = cells[cells.indexOf(value) + 1];
  const besideUnit = beside && typeof beside.value === 'string' && labelKey(beside.text) === '' ? unitOf(beside.text) : undefined;
  const line = unitAbove(statements, r, countyFrom(s, r));
  const column = columnUnit(grid, value, r, countyFrom(s, r));
  // A column header's problem is told once, however many facts stand under it.
  if (column && 'unclear' in column && !toldHeads.has(column.cell))
    reader.problem('unit_unclear', column.cell, { value: column.cell.text });
  else if (column && !('unclear' in column) && line && column.unit !== line.unit && !toldHeads.has(column.cell))
    reader.problem('unit_conflict', column.cell, { unit: column.unit, other: line.cell.address, otherUnit: line.unit });
  if (column) toldHeads.add(column.cell);
  const known = column && !('unclear' in column) ? column : undefined;
  const unit = besideUnit ? { unit: besideUnit, cell: beside } : (known ?? line);
  readLabelled(fact, cell, value, block.facts, reader, unit);
  block.factsCell ??= cell.address;
  block.bodyFactsCell ??= cell.address;
  s.used.add(cell);
  s.used.add(value);
  if (!besideUnit) return cells.indexOf(value);
  s.used.add(beside);
  return cells.indexOf(value) + 1;
}

/** A text outside the tables: a fact with its value in one cell, a ledger's title, a title, a heading, a summary sentence or a paragraph. */
function readText(s: Scan, counties: Counties, cell: Cell, r: number): void {
  const { file, grid, reader, used } = s;
  const inline = inlineFact(cell);
  // (Its value is read as a cell of its own would be: a figure that is none is refused there.)
  if (inline && (canHold(inline.fact, inline.value) || /[0-9０-９]/.test(inline.value.text))) {
    const block = counties.blockFor(r, `label:${inline.fact}`);
    readLabelled(inline.fact, cell, inline.value, block.facts, reader, unitAbove(s.statements, r, countyFrom(s, r)));
    block.factsCell ??= cell.address;
    block.bodyFactsCell ??= cell.address;
    used.add(cell);
    return;
  }
  const text = cell.text;
  // "樟树市中央财政资金拨付台账(截至2022年6月30日)": read where its ledger is assigned (import.ts).
  if (text.length <= 80 && LEDGER_TITLE.test(text) && s.tables.some((t) => t.kind === 'payments' && t.header.top > r)) {
    counties.blockFor(r).ledgerTitles.push(cell);
    used.add(cell);
    return;
  }
  if (looksLikeTitle(text) && readTitleCell(s, counties, cell, r)) return;
  const f = fold(text.slice(0, 24));
  if (HEADING.test(f)) {
    used.add(cell);
    if (f.includes('基本情况')) counties.blockFor(r, 'basic');
    if (!holdsNumber(cell)) return;
  }
  // The 基本情况 paragraph may say 已拨付…万元 too: facts it states (two or more) make it the
  // paragraph, never the summary sentence above table 三.
  const paragraph = looksLikeParagraph(text) ? readParagraph(cell, file, grid.sheet) : undefined;
  const summary = paragraph && paragraph.read.claimed >= 2 ? undefined : readSummary(cell, reader);
  if (summary) {
    counties.blockFor(r).summaries.push(summary);
    used.add(cell);
    return;
  }
  // A paragraph, or a piece of one (the facts written over several cells).
  if (paragraph && paragraph.read.claimed >= 1) {
    const { facts, scratch } = paragraph;
    const current = counties.current;
    // A title of one county over a paragraph of another is one county's sheet half renamed (copied from a neighbour):
    // one block, its two names a doubt naming both cells (FactSet), never a county of its own with nothing in it.
    const own = current && current.tables.length === 0 && (!differs(current.facts, facts) || titleOnly(current));
    const block = own ? current : counties.blockFor(r, 'paragraph', facts);
    block.markers.add('paragraph');
    block.facts.merge(facts);
    block.factsCell = cell.address;
    if (!looksLikeTitle(text)) block.bodyFactsCell ??= cell.address;
    pushAll(reader.findings, scratch.findings);
    used.add(cell);
    return;
  }
  if (!holdsNumber(cell)) used.add(cell);
}

/** A title that names a county (its facts read): the block it starts or belongs to. */
function readTitleCell(s: Scan, counties: Counties, cell: Cell, r: number): boolean {
  const facts = new FactSet(s.file, s.grid.sheet);
  const scratch = new CellReader(s.file, s.grid.sheet);
  if (!readTitle(cell, facts, scratch)) return false;
  const block = counties.blockFor(r, 'title', facts);
  block.facts.merge(facts);
  block.factsCell ??= cell.address;
  pushAll(s.reader.findings, scratch.findings);
  s.used.add(cell);
  return true;
}

function readParagraph(cell: Cell, file: string, sheet: string) {
  const facts = new FactSet(file, sheet);
  const scratch = new CellReader(file, sheet);
  // A title read as a paragraph ("保山市2019年度项目绩效自评报告(…项目资金)"): its year is the report's, a labelled one wins.
  return { facts, scratch, read: readSentence(cell, facts, scratch, { lead: true, weak: looksLikeTitle(cell.text) }) };
}

/**
 * The unit a label/value table's value column states in its header ("内容（金额：元）", "数值(万元)"):
 * the nearest short text above the value in its column, below the county's title; or a header
 * speaking of a unit this reader cannot tell ("（元或万元）"), never guessed.
 */
function columnUnit(grid: Grid, value: Cell, row: number, from: number): TableUnit | { unclear: true; cell: Cell } | undefined {
  for (let r = row - 1; r > from && r >= row - 30; r--) {
    const cell = grid.cover(r, value.col);
    // (A value above, "2310万元", is no header: only text without figures is.)
    if (!cell || typeof cell.value !== 'string' || cell.text.length > 30 || !cell.text.includes('元') || /[0-9０-９]/.test(cell.text))
      continue;
    if (labelFact(cell)) return undefined;
    const unit = unitOf(cell.text);
    if (unit) return { unit, cell };
    return unclearUnit(cell.text) ? { unclear: true, cell } : undefined;
  }
  return undefined;
}
