// The rows of one table under its header: data rows with 序号 in any numeral, a 合计 row wherever
// it stands (directly under the header or at the bottom; 合  计, 合\n计, 总计, merged across
// A:B), 小计 rows checked against the rows above them, and where the table ends.
import type { BookUnit } from './book-unit';
import { formatWan, sumFen, type AmountUnit } from '../../../shared/money';
import { fold, inferCategory } from '../../../shared/text';
import type { DisbursementInput, Item } from '../../../shared/record';
import { fen, fenOrZero } from '../../../shared/record';
import { colName, holdsNumber, isBlank, statedUnit, totalKind, type Cell, type CellMarks, type Grid } from './cells';
import { findHeader } from './header';
import type { Field, TableHeader, TableKind } from './header';
import { isSeq, OUTLINE_SEQ, outlineSeq, seqNumber, type CellReader } from './values';
import { readFractionRates } from './fraction-rates';
import { readDay } from './dates';

export type Stated = { value: string; cell: string };
export type TotalRow = { row: number; label: Cell; planned?: Stated; actual?: Stated; statedRate?: string; rateCell?: string };

/** A payment as the ledger sheet writes it: its line by 序号 and/or name (matched in assemble.ts). */
export type PaymentRead = {
  seq?: number;
  name: string;
  date: string;
  amount: string;
  payee: string;
  voucher: string;
  stage: string;
  note: string;
};

export type TableRead = {
  kind: TableKind;
  header: TableHeader;
  /** The last row of the table: its last data or 合计 row, or the header's bottom. */
  bottom: number;
  items: Item[];
  disbursements: DisbursementInput[];
  payments: PaymentRead[];
  /** For each row read, the cell of each field. */
  cells: Record<string, string>[];
  /** Rate cells that are formulas: the sheet computes them, so they are not stated rates. */
  computedRate: boolean[];
  /** 合计 rows: the first is the record's stated total. */
  totals: TotalRow[];
  /** 小计 rows and group rows (一、物流体系): sums of some of the lines, checked, never the record's. */
  subtotals: TotalRow[];
  /** The rows read as lines (items, lines, payments), whether or not each could be read. */
  linesTried: number;
  /** The units its amounts were read in, and where a unit other than 万元 was named. */
  units: Set<AmountUnit>;
  unitCells: Cell[];
  /** Cells that name a unit of their own, other than their column's (typed "5400000元", a ¥ format where none is named). */
  ownUnits?: Map<string, AmountUnit>;
  /** The workbook's unit (its 说明 sheet's) the amounts were read in, where the table names none. */
  bookUnit?: BookUnit;
  /** The unit line (单位：元) the table was read under, if any: where its amounts' unit came from. */
  unitLine?: TableUnit;
  /**
   * Whether the lines are numbered again from 1 under each group (一、… 1. 2.; 二、… 1. 2.): then
   * the record numbers them 1..n in order, and a ledger finds its lines by name, not by 序号.
   */
  renumbered?: boolean;
  /** Pages after the first whose repeated header or 续表 line names a unit of its own. */
  pages?: PageUnits[];
};

export type TableUnit = { unit: AmountUnit; cell: Cell };

/**
 * The unit of the rows from `from` on, where the table goes on past a page break: the repeated
 * header's units (`计划安排额度(元)`), else the 续表 line's (`续表  单位：元`), else the table's own.
 */
export type PageUnits = { from: number; units: TableHeader['units']; line?: TableUnit };

const HEADING = /^[一二三四五六七八九十]+[、.．].{3,}/;
/** Blank rows a 合计 may stand below the last row and still be the table's (a template's unused rows). */
const MAX_BLANK_BEFORE_TOTAL = 200;
const NOTE = /^[(]?(注|备注|说明|填表|附|填报|制表|审核|负责人|数据来源|资料来源|联系人|联系电话|经办人|单位负责人|分管领导)/;
const CONTINUED = /^[(]?续表/;
/** A text wholly in brackets, or one saying what the rows below or above are (以下为…, 以上为…). */
const CAPTION = /^([(\[【].*[)\]】]|以[下上].{2,})$/;
const SECTION = /基本情况|建设完成情况|拨付情况|资金拨付|台账/;
/** The levels of an outline as Chinese documents number it: 一、 over (一) over 1. over 1.1 over (1). */
const SEQ_LEVELS = [
  /^[一二三四五六七八九十]{1,3}[、.．,:]?$/,
  /^[(\[【][一二三四五六七八九十]{1,3}[)\]】][、.．]?$/,
  /^\d{1,4}[、.．,:]?$/,
  OUTLINE_SEQ,
  /^([(\[【]\d{1,4}[)\]】]|\d{1,4}\))[、.．]?$/,
];
/** A name that starts with an upper level's number (一、物流体系, (二)公共服务) where the 序号 is blank. */
const NAME_LEVELS = [/^[一二三四五六七八九十]{1,3}[、.．]/, /^[(\[【][一二三四五六七八九十]{1,3}[)\]】]/];

const totalWord = (cell: Cell): 'total' | 'subtotal' | undefined => (typeof cell.value === 'string' ? totalKind(cell.text) : undefined);

/** First index in a sorted list whose value is greater than `n`. */
function after(list: readonly number[], n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads the rows under `header`. `unit` is the table's unit from a line above it (单位：元);
 * a column's own header wins over it. `startsTable` tells where another table's header stands;
 * every cell read is marked in `used`.
 */
export function readTable(
  grid: Grid,
  header: TableHeader,
  reader: CellReader,
  unit: TableUnit | undefined,
  startsTable: (row: number) => boolean,
  used: CellMarks,
): TableRead {
  const table = new TableReader(grid, header, reader, unit, startsTable, used).read();
  readFractionRates(grid, table, reader);
  return table;
}

/** Where reading a table's rows stands: the row's index, the last row of the table, whether a 续表 was seen. */
type Cursor = { i: number; last: number; continued: boolean };

/** A row's cells within a table's columns: how many, the first, a 合计 label, whether one stands in a mapped column. */
type RowCells = { count: number; first: Cell | undefined; label: Cell | undefined; inColumns: boolean };

class TableReader {
  readonly out: TableRead;
  readonly columns: Partial<Record<Field, number>>;
  private previousSeq = 0;
  private subtotalFrom = 0;
  /** After a 其中 row: the line it breaks down, and the cells of its sub-rows that hold amounts. */
  private breakdown: { line: number; amounts: Cell[]; rows: number[] } | null = null;
  /** Whether the last line had a 序号 of its own (then a row without one under 其中 is a sub-row). */
  private seqTyped = false;
  /** The groups heading the lines being read (一、物流体系 with its sums, (一) within it), each checked when it ends. */
  private groups: { level: number; total: TotalRow; from: number }[] = [];
  /** The 序号 of the group read last, when it has a number: its lines may be numbered 1.1, 1.2 (outlineSeq). */
  private outlineGroup: number | undefined;
  /** The numbering of the lines under the group (or heading inside the table) read last. */
  private numbering = new GroupNumbering();
  /** The page being read, past a 续表 or a repeated header: its units govern the rows under it. */
  private page: PageUnits | undefined;

  constructor(
    readonly grid: Grid,
    readonly header: TableHeader,
    readonly reader: CellReader,
    readonly unit: TableUnit | undefined,
    readonly startsTable: (row: number) => boolean,
    readonly used: CellMarks,
  ) {
    this.out = {
      kind: header.kind,
      header,
      bottom: header.bottom,
      items: [],
      disbursements: [],
      payments: [],
      cells: [],
      computedRate: [],
      subtotals: [],
      linesTried: 0,
      totals: [],
      units: new Set(),
      unitCells: [],
      ...(unit ? { unitLine: unit } : {}),
    };
    this.columns = header.columns;
    for (const c of header.cells) used.add(c);
  }

  at(row: number, f: Field): Cell | undefined {
    const col = this.columns[f];
    return col === undefined ? undefined : this.grid.at(row, col);
  }

  address(row: number, f: Field): string {
    return this.at(row, f)?.address ?? `${colName(this.columns[f] ?? this.columns.name ?? this.columns.seq ?? this.header.left)}${row}`;
  }

  /** An amount in the unit its column's header (or the group over it, or the table's unit line) names. */
  money(
    row: number,
    f: 'planned' | 'actual' | 'amount',
    options: { sum?: boolean; blank?: 'not entered' } = {},
  ): string | null | undefined {
    const col = this.columns[f]!;
    const u: { unit: AmountUnit; cell?: Cell } = this.page?.units.get(col) ??
      this.page?.line ??
      this.header.units.get(col) ??
      this.unit ?? { unit: this.reader.bookUnit?.unit ?? 'wan' };
    const field = f === 'amount' ? 'payment.amount' : f;
    const own = this.at(row, f);
    // An amount merged down over other lines: which part is whose no reader can tell (line 1 would get it all).
    const merged = own ?? this.grid.cover(row, this.columns[f]!);
    if (merged && merged.rowSpan > 1 && this.coversOtherLine(merged)) {
      if (own)
        this.reader.problem('merged_amount', own, {
          field,
          range: `${own.address}:${colName(own.col + own.span - 1)}${own.row + own.rowSpan - 1}`,
        });
      return undefined;
    }
    const read = this.reader.money(own, field, this.address(row, f), u.cell ? u.unit : undefined, options);
    if (read) {
      this.out.units.add(read.unit);
      if (!u.cell && this.reader.bookUnit && read.unit === u.unit) this.out.bookUnit = this.reader.bookUnit;
      // A unit the cell names itself (typed "5400000元", a format showing 元 or ¥) is where its unit came from.
      const from = read.unit === u.unit ? u.cell : own;
      if (read.unit !== u.unit) (this.out.ownUnits ??= new Map()).set(own!.address, read.unit);
      if (read.unit !== 'wan' && from && !this.out.unitCells.some((c) => c === from || (from === own && c.col === own.col)))
        this.out.unitCells.push(from);
      // "5400000元" under "实际拨付额度（万元）": the amount with its own unit is that amount in 元 (as a trailing 万元 is
      // read), but the cell and its column disagree — a person confirms it (a doubt at the cell, both units said).
      if (u.cell && read.unit !== u.unit)
        this.reader.problem('unit_in_cell', own, {
          field,
          value: own!.text,
          unit: read.unit,
          other: u.cell.address,
          otherUnit: u.unit,
          read: read.value,
        });
    }
    return read === null ? null : read?.value;
  }

  /** One cell merged across 计划 and 实际 on this row (C10:D10 showing 85 once), if any. */
  private mergedAcross(row: number): Cell | undefined {
    const { planned, actual } = this.columns;
    if (planned === undefined || actual === undefined) return undefined;
    const cover = this.grid.cover(row, planned);
    return cover && cover.row === row && cover === this.grid.cover(row, actual) ? cover : undefined;
  }

  /**
   * A merged amount is one value shown once: across 计划 and 实际 it says the line was paid what was
   * planned, so it is each column's. A stated rate of 100% says so too (told); else a person confirms it (a doubt).
   */
  private tellAcross(cell: Cell, value: string, stated: string | null): void {
    const range = `${cell.address}:${colName(cell.col + cell.span - 1)}${cell.row + cell.rowSpan - 1}`;
    this.reader.problem('merged_across', cell, { range, shown: cell.text, value, ...(stated ? { rate: stated } : {}) });
    const told = this.reader.findings[this.reader.findings.length - 1];
    if (stated !== null && Number(stated) === 100) told.severity = 'info';
  }

  /** The cell at (row, field), else a merge of the table's rows above reaching down over it. */
  private atOrMerged(row: number, f: Field): Cell | undefined {
    const own = this.at(row, f);
    if (own || this.columns[f] === undefined) return own;
    const cover = this.grid.cover(row, this.columns[f]!);
    return cover && cover.row > this.header.bottom && cover.row < row ? cover : undefined;
  }

  /** Whether a merged cell reaches down over another row of the table that names or numbers a line. */
  private coversOtherLine(cell: Cell): boolean {
    for (let r = cell.row + 1; r < cell.row + cell.rowSpan; r++)
      if (!isBlank(this.at(r, 'name')) || !isBlank(this.at(r, 'seq')) || (this.header.kind === 'payments' && !isBlank(this.at(r, 'date'))))
        return true;
    return false;
  }

  read(): TableRead {
    const { grid, header, out } = this;
    const mapped = new Set(Object.values(this.columns));
    const nameCol = this.columns.name ?? header.right;
    const rows = grid.rows;
    const at: Cursor = { i: after(rows, header.bottom), last: header.bottom, continued: false };
    for (; at.i < rows.length; at.i++) {
      const r = rows[at.i];
      // Two blank rows end a table, unless what follows them is its 合计 (a template's unused rows)
      // or rows that are plainly its own (the lines a clerk typed after leaving two rows empty).
      if (r - at.last > 2 && (r - at.last > MAX_BLANK_BEFORE_TOTAL || !(this.totalRow(r) || this.dataRow(r)))) break;
      const cells = this.rowCells(r, nameCol, mapped);
      if (!cells.first) break;
      if (!cells.label) {
        const step = this.notALine(at, r, { ...cells, first: cells.first });
        if (step === 'end') break;
        if (step === 'next') continue;
      }
      at.last = r;
      out.bottom = r;
      if (cells.label) {
        if (!this.total(r, cells.label)) break;
        continue;
      }
      this.row(r, rows[at.i + 1]);
    }
    this.endBreakdown();
    this.endGroups();
    this.numbering.finish(out, this.reader);
    return out;
  }

  /** A row's cells within the table's columns: how many, the first, a 合计 label, one in a mapped column. */
  private rowCells(r: number, nameCol: number, mapped: Set<number | undefined>): RowCells {
    const { header } = this;
    const out: RowCells = { count: 0, first: undefined, label: undefined, inColumns: false };
    for (const c of this.grid.row(r)) {
      // A 合计 may stand left of the header's first column (merged over the margin).
      if (!out.label && c.col < header.left && c.col + c.span - 1 < header.left && totalWord(c)) out.label = c;
      if (c.col + c.span - 1 < header.left || c.col > header.right) continue;
      out.count++;
      out.first ??= c;
      if (!out.label && c.col <= nameCol && totalWord(c)) out.label = c;
      if (mapped.has(c.col)) out.inColumns = true;
    }
    return out;
  }

  /**
   * A row with no 合计 that is no line of the table: a row numbering the columns, the header repeated
   * after a page break (续表), a note or a section heading inside the table (`next`: the table goes
   * on), or what ends the table (`end`). `line`: the row is the table's.
   */
  private notALine(at: Cursor, r: number, cells: RowCells & { first: Cell }): 'end' | 'next' | 'line' {
    const { grid, header } = this;
    const { count, first: firstCell, inColumns } = cells;
    const first = fold(firstCell.text.slice(0, 16));
    // A row numbering the columns under the header (甲 乙 1 2 3=2/1) is no line.
    if (at.last === header.bottom && this.columnNumbers(r)) {
      this.skip(r, 'column_numbers');
      at.last = r;
      return 'next';
    }
    // The header repeated after a page break (续表): the table goes on.
    if (CONTINUED.test(first) && count <= 2) {
      this.skip(r, 'continued');
      this.newPage(r + 1, new Map(), this.unitLineAt(r));
      at.continued = true;
      at.last = r;
      return 'next';
    }
    if (this.startsTable(r)) {
      const again = findHeader(grid, r);
      if (!again || again.kind !== header.kind || !(at.continued || this.continuesNumbering(again.bottom))) return 'end';
      for (let rr = r; rr <= again.bottom; rr++) this.skip(rr, 'continued');
      this.newPage(again.bottom + 1, again.units, at.continued ? this.page?.line : undefined);
      while (at.i + 1 < grid.rows.length && grid.rows[at.i + 1] <= again.bottom) at.i++;
      at.last = again.bottom;
      at.continued = false;
      return 'next';
    }
    // A line of text alone in the 序号 column ("以上数据经审核无误") is a note, not a line without a name.
    const noteInSeq =
      count === 1 &&
      firstCell.col === this.columns.seq &&
      typeof firstCell.value === 'string' &&
      firstCell.text.length > 4 &&
      seqNumber(firstCell) === undefined;
    // A caption alone in the name column, no 序号 (（以下为2017年追加项目）): it labels the rows after it, it is no line.
    const caption = count === 1 && firstCell.col === this.columns.name && isBlank(this.at(r, 'seq')) && CAPTION.test(fold(firstCell.text));
    // A heading naming a part of the acceptance table (三、中央财政资金拨付情况) always ends the table.
    if (HEADING.test(first) && SECTION.test(fold(firstCell.text.slice(0, 30)))) return 'end';
    const interrupts =
      (count === 1 && (firstCell.span >= 3 || HEADING.test(first))) || NOTE.test(first) || !inColumns || noteInSeq || caption;
    if (!interrupts) return 'line';
    // A section heading or a note inside the table: the rows after it are still the table's.
    const next = grid.rows[at.i + 1];
    if (next === undefined || next - r > 2 || !this.dataRow(next)) return 'end';
    this.skip(r, 'inside_table');
    if (HEADING.test(first) || NAME_LEVELS.some((re) => re.test(first))) this.numbering.group(firstCell);
    at.last = r;
    return 'next';
  }

  /** A row of the table's body that is no 合计 and no note: a group, a 其中 breakdown's row, or a line. */
  private row(r: number, next: number | undefined): void {
    const { header, out } = this;
    // A group of lines (一、物流体系 | 1110 over lines 1, 2): its sums are checked, never counted.
    const level = header.kind === 'payments' ? undefined : this.groupLevel(r, next);
    if (level !== undefined) {
      this.endBreakdown();
      if (header.kind === 'items') this.skip(r, 'group');
      else this.startGroup(r, level);
      this.numbering.group((this.at(r, 'name') ?? this.at(r, 'seq'))!, level);
      const seq = this.at(r, 'seq');
      this.outlineGroup = seq && !isBlank(seq) ? seqNumber(seq) : undefined;
      return;
    }
    // A line numbered at a group's level or above ((三) after group (二)'s 1. and 2.) ends that group: none of its members.
    const own = header.kind === 'payments' ? undefined : this.level(r);
    if (own !== undefined) {
      this.endGroups(own);
      if (this.numbering.leave(own)) this.outlineGroup = undefined;
    }
    // 其中：… breaks the line above down, and so do the rows after it without a 序号 of their own
    // (其中：快递公司 | 邮政): none is a line of its own, none is added into the totals.
    const name = this.at(r, 'name');
    if (header.kind !== 'payments' && name && /^其中/.test(fold(name.text))) {
      this.breakdown = { line: header.kind === 'items' ? out.items.length - 1 : out.disbursements.length - 1, amounts: [], rows: [] };
      this.subRow(r);
      return;
    }
    if (this.breakdown && this.seqTyped && isBlank(this.at(r, 'seq'))) {
      this.subRow(r);
      return;
    }
    this.endBreakdown();
    if (header.kind === 'disbursements' && this.tranche(r)) return;
    out.linesTried++;
    if (header.kind === 'items') this.item(r);
    else if (header.kind === 'payments') this.payment(r);
    else this.disbursement(r);
  }

  /**
   * A row under the line above's 名称 merged down over it (one project, a row per tranche: 2016 | 2017):
   * its amounts are that line's, added; no cell states the line's rate then. A doubt at the merge.
   */
  private tranche(r: number): boolean {
    const merged = this.atOrMerged(r, 'name');
    const line = this.out.disbursements.at(-1);
    if (!merged || merged.row === r || !line || this.out.cells.at(-1)?.name !== merged.address) return false;
    markAll(this.used, this.at(r, 'seq'), this.at(r, 'planned'), this.at(r, 'actual'), this.at(r, 'rate'));
    const planned = this.money(r, 'planned', { blank: 'not entered' });
    const actual = this.money(r, 'actual', { blank: 'not entered' });
    if (planned === undefined || actual === undefined) return true;
    const add = (a: string | null, b: string | null) => (a === null && b === null ? null : formatWan(fenOrZero(a) + fenOrZero(b)));
    line.planned = add(line.planned, planned);
    line.actual = add(line.actual, actual);
    delete line.statedRate;
    const range = `${merged.address}:${colName(merged.col + merged.span - 1)}${merged.row + merged.rowSpan - 1}`;
    const params = { range, name: line.name, rows: String(r - merged.row + 1), planned: line.planned ?? '', actual: line.actual ?? '' };
    const told = this.reader.findings.find((f) => f.code === 'merged_line' && f.params.range === range);
    if (told) told.params = params;
    else this.reader.problem('merged_line', merged, params);
    return true;
  }

  /** A line's 序号: an outline's 1.2 under group 1 is its line 2; any other as the reader reads it. */
  private lineSeq(cell: Cell | undefined): number | undefined {
    const outline = cell && !isBlank(cell) ? outlineSeq(cell) : undefined;
    if (outline && outline.group === this.outlineGroup) return outline.seq;
    return this.reader.seq(cell, this.previousSeq);
  }

  /** The outline level of row `r`'s 序号 (or, the 序号 blank, of its name's start), if it has one. */
  private level(r: number): number | undefined {
    const seq = this.at(r, 'seq');
    if (!isBlank(seq)) {
      const k = SEQ_LEVELS.findIndex((re) => re.test(fold(seq!.text)));
      return k < 0 ? undefined : k;
    }
    const name = this.at(r, 'name');
    const k = name ? NAME_LEVELS.findIndex((re) => re.test(fold(name.text))) : -1;
    return k < 0 ? undefined : k;
  }

  /**
   * The level of the group row `r` heads, if it heads one: its 序号 is of a level above the next
   * row's (一、 over (一) or 1; (一) over 1), and that row does not break it down (其中：…).
   */
  private groupLevel(r: number, next: number | undefined): number | undefined {
    if (next === undefined) return undefined;
    const [mine, theirs] = [this.level(r), this.level(next)];
    const nextName = this.at(next, 'name');
    if (mine === undefined || theirs === undefined || mine >= theirs || (nextName && /^其中/.test(fold(nextName.text)))) return undefined;
    // An outline's 1.1 is a line of group 1 only: 1.5 under line 5 makes no group of it.
    const [seq, nextSeq] = [this.at(r, 'seq'), this.at(next, 'seq')];
    const outline = nextSeq && !isBlank(nextSeq) ? outlineSeq(nextSeq) : undefined;
    if (outline && (!seq || isBlank(seq) || outline.group !== seqNumber(seq))) return undefined;
    // An item row is a group's only when it states no target and no completion of its own.
    if (this.header.kind === 'items' && (!isBlank(this.at(r, 'target')) || !isBlank(this.at(r, 'completion')))) return undefined;
    return mine;
  }

  /** A group's row: told, its sums kept to check against its lines when the group ends (at a group of its level or above). */
  private startGroup(r: number, level: number): void {
    this.endGroups(level);
    const total: TotalRow = { row: r, label: (this.at(r, 'name') ?? this.at(r, 'seq'))! };
    for (const f of ['planned', 'actual'] as const) {
      const value = this.at(r, f) ? this.money(r, f, { sum: true }) : undefined;
      if (value) total[f] = { value, cell: this.address(r, f) };
    }
    this.groups.push({ level, total, from: this.out.disbursements.length });
    this.out.subtotals.push(total);
    this.skip(r, 'group');
    markAll(this.used, this.at(r, 'planned'), this.at(r, 'actual'), this.at(r, 'rate'));
  }

  /** Ends the groups of `level` or below (all of them by default), each checked against the lines read in it. */
  private endGroups(level = 0): void {
    while (this.groups.length && this.groups[this.groups.length - 1].level >= level) {
      const g = this.groups.pop()!;
      checkSubtotal(g.total, this.out.disbursements.slice(g.from), this.reader, { group: cut(g.total.label.text) });
    }
  }

  /** A sub-row of a 其中 breakdown: told, its amounts kept aside to check the line above has its own. */
  private subRow(r: number): void {
    const b = this.breakdown!;
    for (const f of ['planned', 'actual'] as const) {
      const c = this.at(r, f);
      if (c && !isBlank(c)) b.amounts.push(c);
    }
    b.rows.push(r);
    this.skip(r, 'breakdown');
  }

  /** A breakdown ends: where the line above has no amount while its sub-rows do, the amounts are only in them (refused). */
  private endBreakdown(): void {
    const b = this.breakdown;
    this.breakdown = null;
    if (!b || this.header.kind !== 'disbursements' || b.amounts.length === 0) return;
    const line = this.out.disbursements[b.line];
    if (line && (line.planned !== null || line.actual !== null)) return;
    const rows = b.rows.map((r) => this.address(r, 'name')).join('、');
    this.reader.problem('breakdown_only', b.amounts[0], { rows, seq: String(line?.seq ?? '—'), name: line?.name ?? '' });
  }

  /** Whether row `r` reads as one of this table's rows: a name or 序号, and what its kind of row holds. */
  private dataRow(r: number): boolean {
    if (this.startsTable(r) || this.totalRow(r)) return false;
    const has = (f: Field) => !isBlank(this.at(r, f));
    const number = (f: Field) => {
      const c = this.at(r, f);
      return !!c && holdsNumber(c);
    };
    const kind = this.header.kind;
    if (kind === 'payments') return has('date') && number('amount');
    const named = has('name') && !/^(注|备注|说明)/.test(fold(this.at(r, 'name')!.text));
    const seq = this.at(r, 'seq');
    if (seq && !isBlank(seq) && !isSeq(seq)) return false;
    if (kind === 'items')
      return named && (has('target') || has('completion') || !!this.atOrMerged(r, 'target') || !!this.atOrMerged(r, 'completion'));
    return (named || (has('seq') && isSeq(this.at(r, 'seq')!))) && (number('planned') || number('actual'));
  }

  /** A row under the header that numbers its columns: 甲 乙 1 2 3=2/1 (numbers counting up by one). */
  private columnNumbers(r: number): boolean {
    const cells = this.grid.row(r).filter((c) => c.col >= this.header.left && c.col <= this.header.right);
    if (cells.length < 3) return false;
    // Folded one by one up to the first that is no column number (most often the line's name, the second).
    const texts: string[] = [];
    for (const c of cells) {
      const t = fold(c.text);
      if (!/^([甲乙丙丁戊己庚辛壬癸]|\d{1,2}|\d{1,2}=[\d+\-*/×÷()]{1,12})$/.test(t)) return false;
      texts.push(t);
    }
    const numbers = texts.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
    return numbers.every((n, k) => k === 0 || n === numbers[k - 1] + 1) && (numbers.length < texts.length || numbers[0] <= 1);
  }

  /** A new page of the table from row `from`: the rows under it are read in its repeated header's units, else its 续表 line's. */
  private newPage(from: number, units: TableHeader['units'], line: TableUnit | undefined): void {
    this.page = { from, units, ...(line ? { line } : {}) };
    if (units.size > 0 || line) (this.out.pages ??= []).push(this.page);
  }

  /** The unit a 续表 line states (`续表  单位：元`), in any of its cells. */
  private unitLineAt(row: number): TableUnit | undefined {
    const cell = this.grid.row(row).find((c) => typeof c.value === 'string' && statedUnit(c.text));
    return cell ? { unit: statedUnit(cell.text)!, cell } : undefined;
  }

  /** Whether the rows after a repeated header go on with the 序号 the table had reached. */
  private continuesNumbering(headerBottom: number): boolean {
    const next = this.grid.rows.find((r) => r > headerBottom);
    const seq = next === undefined ? undefined : this.at(next, 'seq');
    return this.previousSeq > 0 && !!seq && seqNumber(seq) === this.previousSeq + 1;
  }

  /** A row inside the table that is no line (a note, a section heading, 其中, a repeated header): told, not read. */
  private skip(r: number, reason: 'column_numbers' | 'continued' | 'inside_table' | 'breakdown' | 'group'): void {
    const cells = this.grid.row(r).filter((c) => c.col + c.span - 1 >= this.header.left && c.col <= this.header.right);
    for (const c of cells) this.used.add(c);
    const first = cells[0];
    if (first && reason !== 'continued' && reason !== 'column_numbers')
      this.reader.problem('ignored_cell', first, { value: first.text.length > 40 ? `${first.text.slice(0, 40)}…` : first.text, reason });
  }

  /** Whether row `r` is a 合计 row of this table (its label in the table's first columns). */
  private totalRow(r: number): boolean {
    const nameCol = this.columns.name ?? this.header.right;
    return this.grid.row(r).some((c) => c.col <= nameCol && c.col + c.span - 1 >= this.header.left - 1 && totalWord(c) === 'total');
  }

  /** A 合计 or 小计 row; false when it ends the table. */
  private total(r: number, label: Cell): boolean {
    const { out, used } = this;
    used.add(label);
    const kind = totalWord(label)!;
    markAll(used, this.at(r, 'seq'), this.at(r, 'name'));
    if (this.header.kind === 'items') return !(kind === 'total' && out.linesTried > 0);
    if (this.header.kind === 'payments') return this.paymentsTotal(r, label, kind);
    const total: TotalRow = { row: r, label };
    for (const f of ['planned', 'actual'] as const) {
      const cell = this.at(r, f);
      if (!cell) continue;
      used.add(cell);
      const value = this.money(r, f, { sum: true });
      if (value) total[f] = { value, cell: this.address(r, f) };
    }
    const rateCell = this.at(r, 'rate');
    if (rateCell) used.add(rateCell);
    if (rateCell && !rateCell.isFormula) {
      const stated = this.reader.percent(rateCell, 'rate');
      if (stated) total.statedRate = stated;
    }
    total.rateCell = this.address(r, 'rate');
    if (kind === 'total') this.endGroups();
    if (kind === 'subtotal') {
      out.subtotals.push(total);
      checkSubtotal(total, out.disbursements.slice(this.subtotalFrom), this.reader, { kind: 'subtotal' });
      this.subtotalFrom = out.disbursements.length;
      return true;
    }
    out.totals.push(total);
    // A 合计 under the header comes before the rows; one after them ends the table.
    return out.linesTried === 0;
  }

  private item(r: number): void {
    const { reader, out } = this;
    const [seqCell, nameCell] = [this.at(r, 'seq'), this.at(r, 'name')];
    // A text merged down over several items (目标完成情况 "已全部完成" for three rows) is each row's.
    const [targetCell, completionCell, rateCell, categoryCell] = (['target', 'completion', 'completionRate', 'category'] as const).map(
      (f) => this.atOrMerged(r, f),
    );
    markAll(this.used, seqCell, nameCell, targetCell, completionCell, rateCell, categoryCell);
    const seq = this.lineSeq(seqCell);
    this.seqTyped = !isBlank(seqCell);
    const name = reader.text(nameCell);
    if (!name) reader.problem('missing_name', nameCell, { seq: String(seq ?? r) }, this.address(r, 'name'));
    const rate = reader.completionRate(rateCell);
    if (seq === undefined || rate === undefined) return;
    this.numbering.line(seq, this.previousSeq, seqCell ?? nameCell);
    this.previousSeq = seq;
    out.items.push({
      seq,
      category: reader.category(categoryCell) ?? inferCategory(name),
      name,
      target: reader.text(targetCell),
      completion: reader.text(completionCell),
      completionRate: rate,
    });
    out.cells.push({
      seq: this.address(r, 'seq'),
      name: this.address(r, 'name'),
      target: this.address(r, 'target'),
      completion: this.address(r, 'completion'),
      completionRate: this.address(r, 'completionRate'),
      category: this.address(r, 'category'),
    });
  }

  private disbursement(r: number): void {
    const { reader, out } = this;
    const [seqCell, nameCell, plannedCell, actualCell, rateCell, categoryCell] = [
      this.at(r, 'seq'),
      this.at(r, 'name'),
      this.at(r, 'planned'),
      this.at(r, 'actual'),
      this.at(r, 'rate'),
      this.atOrMerged(r, 'category'),
    ];
    markAll(this.used, seqCell, nameCell, plannedCell, actualCell, rateCell, categoryCell);
    const seq = this.lineSeq(seqCell);
    this.seqTyped = !isBlank(seqCell);
    const name = reader.text(nameCell);
    if (!name) reader.problem('missing_name', nameCell, { seq: String(seq ?? r) }, this.address(r, 'name'));
    // A blank amount in a line is "not entered" (the checks warn), never a zero.
    const planned = this.money(r, 'planned', { blank: 'not entered' });
    const across = this.mergedAcross(r);
    const actual = across ? planned : this.money(r, 'actual', { blank: 'not entered' });
    const computedRate = rateCell?.isFormula === true;
    const stated = computedRate ? null : reader.percent(rateCell, 'rate');
    if (seq === undefined || planned === undefined || actual === undefined || stated === undefined) return;
    if (across && planned !== null) this.tellAcross(across, planned, stated);
    this.numbering.line(seq, this.previousSeq, seqCell ?? nameCell);
    this.previousSeq = seq;
    out.disbursements.push({
      seq,
      category: reader.category(categoryCell) ?? inferCategory(name),
      name,
      planned,
      actual,
      ...(stated ? { statedRate: stated } : {}),
    });
    out.computedRate.push(computedRate);
    out.cells.push({
      seq: this.address(r, 'seq'),
      name: this.address(r, 'name'),
      planned: this.address(r, 'planned'),
      actual: this.address(r, 'actual'),
      statedRate: this.address(r, 'rate'),
      category: this.address(r, 'category'),
    });
  }

  /**
   * A payment: its line by 序号 and/or name — merged down over a line's payments, or left blank
   * under the first (the line of the row above) — a day, an amount above 0 in its column's unit.
   */
  private payment(r: number): void {
    const { reader, out, grid } = this;
    const cover = (f: Field) => (this.columns[f] === undefined ? undefined : grid.cover(r, this.columns[f]!));
    const [seqCell, nameCell] = [cover('seq'), cover('name')];
    const [dateCell, payeeCell, voucherCell, stageCell, noteCell] = (['date', 'payee', 'voucher', 'stage', 'note'] as const).map((f) =>
      this.at(r, f),
    );
    markAll(this.used, seqCell, nameCell, dateCell, payeeCell, voucherCell, stageCell, noteCell, this.at(r, 'amount'));
    let seq = isBlank(seqCell) ? undefined : seqNumber(seqCell!);
    if (!isBlank(seqCell) && seq === undefined) reader.problem('not_a_number', seqCell, { field: 'payment.line', value: seqCell!.text });
    let name = reader.text(nameCell);
    const previous = out.payments.at(-1);
    if (isBlank(seqCell) && !name) {
      if (!previous)
        reader.problem('missing_name', undefined, { seq: String(r) }, this.address(r, this.columns.name !== undefined ? 'name' : 'seq'));
      else ({ seq, name } = previous);
    }
    const date = readDay(reader, dateCell, 'payment.date', this.address(r, 'date'));
    const amount = this.money(r, 'amount');
    if (seq === undefined && !name) return;
    if (date === undefined || amount === undefined || amount === null) return;
    out.payments.push({
      ...(seq !== undefined ? { seq } : {}),
      name,
      date,
      amount,
      payee: reader.text(payeeCell),
      voucher: reader.text(voucherCell),
      stage: reader.text(stageCell),
      note: reader.text(noteCell),
    });
    out.cells.push({
      line:
        (this.columns.name !== undefined && name ? nameCell?.address : seqCell?.address) ??
        this.address(r, this.columns.name !== undefined ? 'name' : 'seq'),
      date: this.address(r, 'date'),
      amount: this.address(r, 'amount'),
      payee: this.address(r, 'payee'),
      voucher: this.address(r, 'voucher'),
      stage: this.address(r, 'stage'),
      note: this.address(r, 'note'),
    });
  }

  /**
   * A 合计 in a ledger, checked against every payment; a 小计, against the payments of the line it
   * closes (those of the line above it since the last 小计), or all since the last 小计 (a group's).
   */
  private paymentsTotal(r: number, label: Cell, kind: 'total' | 'subtotal'): boolean {
    const { out } = this;
    const cell = this.at(r, 'amount');
    if (cell) this.used.add(cell);
    const since = out.payments.slice(kind === 'subtotal' ? this.subtotalFrom : 0);
    const last = since.at(-1);
    const line = kind === 'subtotal' && last ? since.filter((p) => sameLine(p, last)) : since;
    const value = cell ? this.money(r, 'amount', { sum: true }) : undefined;
    const sum = (rows: PaymentRead[]) => sumFen(rows.map((p) => fen(p.amount)));
    if (value) {
      out.subtotals.push({ row: r, label, actual: { value, cell: cell!.address } });
      if (fen(value) !== sum(line) && fen(value) !== sum(since))
        this.reader.problem(
          'stated_total_mismatch',
          undefined,
          {
            column: 'payment.amount',
            stated: value,
            sum: formatWan(sum(line)),
            kind,
            ...(kind === 'subtotal' && last ? { of: last.seq !== undefined ? `序号 ${last.seq}` : last.name } : {}),
          },
          this.address(r, 'amount'),
        );
    }
    if (kind === 'subtotal') {
      this.subtotalFrom = out.payments.length;
      return true;
    }
    return out.linesTried === 0;
  }
}

/** Two payments of one line: by 序号 where both give one, else by name (简/繁 alike). */
const sameLine = (a: PaymentRead, b: PaymentRead) =>
  a.seq !== undefined && b.seq !== undefined ? a.seq === b.seq : fold(a.name) === fold(b.name);

/**
 * How a table numbers its lines: on, 1 2 3 4 5, or again from 1 under each group (一、… 1. 2. 3.;
 * 二、… 1. 2.), as many counties write it. A group whose first line is 1 after lines before it
 * restarts the numbering; then a line is known by its group and number, a number given twice within
 * one group is refused (duplicate_seq at its cell, naming the group), and the record numbers the
 * lines 1..n in order, told once (seq_restarted) at the first line numbered again.
 */
class GroupNumbering {
  private label: Cell | undefined;
  private level: number | undefined;
  private seen = new Set<number>();
  private restartAt: Cell | undefined;
  private groups = 1;
  private twice: { seq: number; group: string; cell: Cell | undefined }[] = [];

  /** A group's row (of its outline level), or a heading inside the table: the lines under it may be numbered from 1 again. */
  group(label: Cell, level?: number): void {
    this.label = label;
    this.level = level;
    this.seen = new Set();
  }

  /** A line numbered at the group's level or above (2 after group 1's 1.1 and 1.2) is none of the group's: its numbers start afresh. */
  leave(level: number): boolean {
    if (this.level === undefined || level > this.level) return false;
    this.label = undefined;
    this.level = undefined;
    this.seen = new Set();
    return true;
  }

  /** A line numbered `seq` (as written, or continued from the line before), read after one numbered `previous`. */
  line(seq: number, previous: number, cell: Cell | undefined): void {
    if (this.label && this.seen.size === 0 && seq === 1 && previous >= 1) {
      this.restartAt ??= cell;
      this.groups++;
    }
    if (this.seen.has(seq)) this.twice.push({ seq, group: this.label ? cut(this.label.text) : '', cell });
    this.seen.add(seq);
  }

  finish(out: TableRead, reader: CellReader): void {
    if (!this.restartAt) return;
    out.renumbered = true;
    for (const t of this.twice) reader.problem('duplicate_seq', t.cell, { seq: `${t.seq}(${t.group})` });
    const lines = out.kind === 'items' ? out.items : out.disbursements;
    lines.forEach((line, i) => (line.seq = i + 1));
    reader.problem('seq_restarted', this.restartAt, { groups: String(this.groups), lines: String(lines.length) });
  }
}

const cut = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

function markAll(used: CellMarks, ...cells: (Cell | undefined)[]): void {
  for (const c of cells) if (c) used.add(c);
}

/** A 小计 states the sum of the rows since the table's start or the last 小计; a group's row, of the lines under it. */
function checkSubtotal(
  total: TotalRow,
  rows: DisbursementInput[],
  reader: CellReader,
  what: { kind: 'subtotal' } | { group: string },
): void {
  for (const column of ['planned', 'actual'] as const) {
    const stated = total[column];
    if (!stated) continue;
    const sum = sumFen(rows.map((d) => fenOrZero(d[column])));
    if (fen(stated.value) !== sum)
      reader.problem('stated_total_mismatch', undefined, { column, stated: stated.value, sum: formatWan(sum), ...what }, stated.cell);
  }
}
