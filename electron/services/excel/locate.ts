// Locate: finds on one sheet the tables (by their header text), the unit lines that govern
// them, and, outside the tables, the titles, headings, basic-facts paragraphs, label/value
// facts and summary sentences; then cuts the sheet into county blocks, one after another:
// a second title, 基本情况 or facts paragraph after a county's tables starts the next county.
import type { AmountUnit } from '../../../shared/money';
import { fold } from '../../../shared/text';
import { CellMarks, holdsNumber, unitOf, type Cell, type Grid } from './cells';
import { findHeader, startsTable } from './header';
import { readTable, type TableRead, type TableUnit } from './rows';
import { FactSet, labelFact, looksLikeParagraph, looksLikeTitle, readLabelled, readSentence, readSummary, readTitle, type SummaryRead } from './facts';
import { CellReader } from './values';

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
  markers: Set<string>;
  /** Titles of ledgers (拨付台账): they may name the county and the day the ledger runs to. */
  ledgerTitles: Cell[];
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
const LEDGER_TITLE = /台[账賬帐]/;

type Statement = { row: number; unit: AmountUnit; cell: Cell };

function inTable(tables: TableRead[], cell: Cell): boolean {
  for (const t of tables) if (cell.row >= t.header.top && cell.row <= t.bottom && cell.col + cell.span - 1 >= t.header.left && cell.col <= t.header.right) return true;
  return false;
}

/** The unit line governing a table: the nearest one above it (it holds until the next one). */
function unitAbove(statements: Statement[], top: number): TableUnit | undefined {
  let best: Statement | undefined;
  for (const s of statements) if (s.row < top && (!best || s.row > best.row)) best = s;
  return best && { unit: best.unit, cell: best.cell };
}

/** Else a note just under the table ("注：金额单位为元"). */
function unitBelow(statements: Statement[], bottom: number): TableUnit | undefined {
  const s = statements.find((x) => x.row > bottom && x.row <= bottom + 3);
  return s && { unit: s.unit, cell: s.cell };
}

/** Whether a cell can be the value of a fact: a number or date where one belongs (not another header word). */
function canHold(fact: string, cell: Cell): boolean {
  if (fact === 'name' || fact === 'province' || fact === 'prefecture' || fact === 'statusNote') return true;
  if (fact === 'batch') return holdsNumber(cell) || /^第?[一二三四五六七八九十两]{1,3}批?次?$/.test(fold(cell.text));
  return holdsNumber(cell);
}

/** Whether facts name something else than a block's facts do (another county, another batch). */
function differs(have: FactSet, facts: FactSet): boolean {
  const a = have.values as Record<string, unknown>;
  return Object.entries(facts.values).some(([k, v]) => k !== 'statusNote' && a[k] !== undefined && (typeof v === 'string' ? fold(v) !== fold(String(a[k])) : v !== a[k]));
}

export function locate(grid: Grid, file: string): SheetLayout {
  const reader = new CellReader(file, grid.sheet);
  const used = new CellMarks(grid);
  const statements: Statement[] = [];
  for (const r of grid.rows)
    for (const cell of grid.row(r)) {
      if (typeof cell.value !== 'string' || cell.text.length > 80 || !UNIT_LINE.test(cell.text)) continue;
      const unit = unitOf(cell.text);
      if (unit && /单位[:为是]?(亿元|万元|元)/.test(fold(cell.text))) statements.push({ row: r, unit, cell });
    }

  // Tables first: their header words are never read as facts.
  const tables: TableRead[] = [];
  const startsNext = (row: number) => startsTable(grid, row);
  for (let i = 0; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    const header = findHeader(grid, r);
    if (!header) continue;
    const lines = statements.filter((x) => !header.cells.includes(x.cell) && !inTable(tables, x.cell));
    const read = (unit: TableUnit | undefined) => {
      const scratch = new CellReader(file, grid.sheet);
      return { table: readTable(grid, header, scratch, unit, startsNext, used), findings: scratch.findings };
    };
    const above = unitAbove(lines, header.top);
    let { table, findings } = read(above);
    const below = above ? undefined : unitBelow(lines, table.bottom);
    if (below) ({ table, findings } = read(below));
    reader.findings.push(...findings);
    tables.push(table);
    while (i + 1 < grid.rows.length && grid.rows[i + 1] <= table.bottom) i++;
  }
  // Then everything else, in reading order, cut into counties.
  const blocks: Block[] = [];
  let current: Block | undefined;
  const open = (row: number): Block => {
    if (current) current.last = row - 1;
    current = { sheet: grid.sheet, first: row, last: grid.rowCount, facts: new FactSet(file, grid.sheet), tables: [], summaries: [], markers: new Set(), ledgerTitles: [] };
    blocks.push(current);
    return current;
  };
  /**
   * The block a marker belongs to: a new one after the county's tables, when the block has the
   * marker already, or when the facts it brings name another county.
   */
  const blockFor = (row: number, marker?: string, facts?: FactSet): Block => {
    if (!current || (marker && (current.tables.length > 0 || current.markers.has(marker) || (facts && differs(current.facts, facts))))) open(row);
    if (marker) current!.markers.add(marker);
    return current!;
  };
  const tableAt = new Map(tables.map((t) => [t.header.top, t]));
  for (const r of grid.rows) {
    const table = tableAt.get(r);
    if (table) {
      const block = blockFor(r);
      // A second table of a kind on one sheet without a title of its own is its own (nameless) part.
      if (block.tables.some((t) => t.kind === table.kind)) open(r);
      current!.tables.push(table);
    }
    const cells = grid.row(r);
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      if (used.has(cell) || typeof cell.value !== 'string' || inTable(tables, cell)) continue;
      const fact = labelFact(cell);
      if (fact) {
        const value = cells.slice(k + 1).find((c) => !inTable(tables, c));
        if (!value || labelFact(value) || !canHold(fact, value)) continue;
        const block = blockFor(r, `label:${fact}`);
        readLabelled(fact, cell, value, block.facts, reader);
        block.factsCell ??= cell.address;
        used.add(cell);
        used.add(value);
        k = cells.indexOf(value);
        continue;
      }
      const text = cell.text;
      // "樟树市中央财政资金拨付台账(截至2022年6月30日)": read where its ledger is assigned (import.ts).
      if (text.length <= 80 && LEDGER_TITLE.test(text) && tables.some((t) => t.kind === 'payments' && t.header.top > r)) {
        blockFor(r).ledgerTitles.push(cell);
        used.add(cell);
        continue;
      }
      if (looksLikeTitle(text)) {
        const facts = new FactSet(file, grid.sheet);
        const scratch = new CellReader(file, grid.sheet);
        if (readTitle(cell, facts, scratch)) {
          const block = blockFor(r, 'title', facts);
          block.facts.merge(facts);
          block.factsCell ??= cell.address;
          reader.findings.push(...scratch.findings);
          used.add(cell);
          continue;
        }
      }
      const f = fold(text.slice(0, 24));
      if (HEADING.test(f)) {
        used.add(cell);
        if (f.includes('基本情况')) blockFor(r, 'basic');
        if (!holdsNumber(cell)) continue;
      }
      const summary = readSummary(cell, reader);
      if (summary) {
        blockFor(r).summaries.push(summary);
        used.add(cell);
        continue;
      }
      if (looksLikeParagraph(text)) {
        const facts = new FactSet(file, grid.sheet);
        const scratch = new CellReader(file, grid.sheet);
        const read = readSentence(cell, facts, scratch, { lead: true });
        // A paragraph, or a piece of one (the facts written over several cells).
        if (read.claimed >= 1) {
          const block = current && current.tables.length === 0 && !differs(current.facts, facts) ? current : blockFor(r, 'paragraph', facts);
          block.facts.merge(facts);
          block.factsCell = cell.address;
          reader.findings.push(...scratch.findings);
          used.add(cell);
          continue;
        }
      }
      if (!holdsNumber(cell)) used.add(cell);
    }
  }
  for (const x of statements) if (!inTable(tables, x.cell)) used.add(x.cell);
  return { sheet: grid.sheet, grid, blocks, tables, used, findings: reader.findings };
}
