// Blocks in and out of the clipboard. Copy: the selected block as tab-separated text and as an
// HTML table (Excel and WPS paste either). Paste: what a block copied from Excel or WPS writes
// where — checked cell by cell before anything is written, so a block with one bad cell writes
// nothing and every bad cell is named.
import { parseBlock, formatBlock, formatHtmlBlock } from '../../../shared/clipboard';
import { parseCell, type EditTable, type FieldValue, type RawValue } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import type { Said } from '../said';
import { blockSize, type Bounds } from './selection';
import { refusalText } from './refusal';
import { inUnit, isTotalLine, readHeader, type HeaderMap } from './headers';
import type { AmountUnit } from '../../../shared/money';
import { maxOf, minOf } from '../../../shared/arrays';

export type GridColumn = { field: string; editable: boolean };

/** A value typed or pasted into a cell (row counts from 0), read as its field's value, or why not (in words that say where, in either language). */
export type CellCheck = (row: number, field: string, raw: RawValue) => { ok: true; value: FieldValue } | { ok: false; message: Said };

/** How the cells of table 二 or 三 are read: parseCell, refused in the words of refusal.ts. */
export function tableCheck(table: EditTable): CellCheck {
  return (row, field, raw) => {
    const parsed = parseCell(table, field, raw);
    return parsed.ok ? parsed : { ok: false, message: (lang) => refusalText(table, row, field, raw, parsed, lang) };
  };
}

/** The block as Excel puts it on the clipboard: text (TSV) and an HTML table. */
export function copyBlock(cells: string[][]): { text: string; html: string } {
  return { text: formatBlock(cells), html: formatHtmlBlock(cells) };
}

/** The first line of a block is the header row of a table if each of its filled cells is a column
 * title (in either script or language, with or without its unit) and one is filled. */
export function isHeaderLine(cells: string[], titles: ReadonlySet<string>): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => titles.has(titleKey(c)));
}

/** How titles compare: folded (traditional → simplified, full-width → half-width, no spaces), unit dropped. */
export function titleKey(title: string): string {
  return fold(title)
    .replace(/\((?:万元|%|10kyuan)\)$/i, '')
    .toLowerCase();
}

export type CellProblem = { row: number; field: string; value: string; message: Said };
export type PastePlan = {
  edits: { rowId: number; field: string; value: RawValue }[];
  append: Record<string, RawValue>[];
  /** Bad cells, each with its place; when there is one, nothing may be written. */
  problems: CellProblem[];
  skippedHeader: boolean;
  /** The block was placed by its header row (each column into the field its title names), not by position. */
  byHeader: boolean;
  /** A block without header read as whole rows of the table's own layout (it did not fit right of the selection). */
  asWholeRows: boolean;
  /** Computed columns the block fell on: not written (their values come from the others). */
  skippedComputed: string[];
  /** Header cells naming no column of this table (left out), as written. */
  unknownColumns: string[];
  /** Fields whose header named another unit than 万元 (金额(元)): their amounts were converted exactly. */
  converted: { field: string; unit: AmountUnit }[];
  /** 合计 lines of the block (a table copied with its totals): not written. */
  skippedTotals: number;
  /** Block columns past the table's last column. */
  columnsOutside: number;
  /** The block written: rows × columns. */
  rows: number;
  cols: number;
  /** The first row written (the selection's, or the end of the table when whole rows are added). */
  top: number;
  /** The first column written and the last. */
  left: number;
  right: number;
};

/**
 * The rows a header-mapped block of 表二/表三 carrying 序号 goes to: a line whose 序号 is a row's goes
 * to that row, wherever the selection is, so a county's lines in another order never mix one line's
 * amounts with another's category; a 序号 the table lacks is a new row after the end. Null when the
 * block has no 序号 column (it then goes from the selection down).
 */
function rowsBySeq(
  body: string[][],
  seqColumn: number,
  rowCount: number,
  current: (row: number, field: string) => unknown,
): number[] | null {
  if (seqColumn < 0) return null;
  const rowOf = new Map<string, number>();
  for (let row = 0; row < rowCount; row++) rowOf.set(String(current(row, 'seq')), row);
  let next = rowCount;
  return body.map((line) => {
    const seq = (line[seqColumn] ?? '').normalize('NFKC').trim();
    return rowOf.get(seq) ?? next++;
  });
}

/** How a block with a header row is placed: by its titles (headers.ts). */
export type HeaderRules = {
  /** Title (headerKey) → field of this table. */
  index: ReadonlyMap<string, string>;
  /** When the header carries all of these, its rows are whole new rows, added at the end (the ledger's payments). */
  appendWhole?: readonly string[];
  /** A block without a header exactly this wide that does not fit right of the selection is read as
   * whole rows in this layout (the export's 拨付台账 columns), not spilled past the table's end. */
  wholeRow?: readonly string[];
};

export type PasteArgs = {
  text: string;
  table: EditTable | 'payments' | 'indicators';
  columns: readonly GridColumn[];
  rowIds: readonly number[];
  selection: Bounds;
  titles: ReadonlySet<string>;
  /** How a cell's value is read (default: parseCell of table 二 or 三). */
  check?: CellCheck;
  /** Why a cell of an editable column cannot take a value in its row (a line with payments), or null. */
  locked?: (row: number, field: string) => Said | null;
  /** A cell's value now: a locked cell given the value it has is left alone, not refused. */
  current?: (row: number, field: string) => unknown;
  /** Placing a block by its header row; without it a header line is only skipped. */
  header?: HeaderRules;
  /** Fields a row added past the end must have (a payment: 序号, 日期, 金额), and what is said when it lacks some. */
  required?: { fields: readonly string[]; message: (row: number, missing: string[]) => Said };
};

/**
 * Where each value of a block goes. A block whose first line is a header row of this table goes by
 * its header: each column into the field its title names (any order, any subset), from the
 * selection's row (or, for whole new rows, at the end); 合计 lines are left out. Otherwise by
 * position: a 1×1 block fills the whole selection, and a block that fits the selection a whole
 * number of times is repeated over it (as Excel does); otherwise the block starts at the
 * selection's top-left cell and runs on, adding rows past the end of the table.
 */
export function planPaste(args: PasteArgs): PastePlan {
  const { block, plan, header } = readBlock(args);
  const cells = new Placer(args, plan);
  if (header) placeByHeader(args, header, block, plan, cells);
  else placeByPosition(args, block, plan, cells);
  cells.finish();
  return plan;
}

/** The block's lines without its header row; whether it has one, and how its columns are placed (by its header, as whole rows, or by position: null). */
function readBlock(args: PasteArgs): { block: string[][]; plan: PastePlan; header: HeaderMap | null } {
  const { columns, selection, titles } = args;
  let block = parseBlock(args.text);
  const read = block.length > 0 && args.header ? readHeader(block[0], args.header.index, titles) : null;
  const skippedHeader = read !== null || (block.length > 0 && isHeaderLine(block[0], titles));
  if (skippedHeader) block = block.slice(1);
  const wholeRow = args.header?.wholeRow;
  const width = block.length ? maxOf(block.map((r) => r.length)) : 0;
  const asWholeRows = read === null && !!wholeRow && width === wholeRow.length && selection.left + width > columns.length;
  const header = read ?? (asWholeRows ? { fields: [...wholeRow!], unknown: [], units: wholeRow!.map(() => null) } : null);
  const plan: PastePlan = {
    edits: [],
    append: [],
    problems: [],
    skippedHeader,
    byHeader: read !== null,
    asWholeRows,
    skippedComputed: [],
    unknownColumns: header?.unknown ?? [],
    converted: header ? header.fields.flatMap((field, c) => (field && header.units[c] ? [{ field, unit: header.units[c]! }] : [])) : [],
    skippedTotals: 0,
    columnsOutside: 0,
    rows: 0,
    cols: 0,
    top: selection.top,
    left: selection.left,
    right: selection.left,
  };
  return { block, plan, header };
}

/** Each value of the block into its cell: checked, refused at its cell, or planned (an edit, or a value of a row added past the end). */
class Placer {
  private readonly check: CellCheck;
  private readonly skipped = new Set<string>();
  private readonly appended = new Map<number, Record<string, RawValue>>();

  constructor(
    private readonly args: PasteArgs,
    private readonly plan: PastePlan,
  ) {
    this.check = args.check ?? tableCheck(args.table as EditTable);
  }

  place(row: number, column: GridColumn, value: string) {
    const { rowIds, locked, current } = this.args;
    const { plan, check } = this;
    if (!column.editable) {
      this.skipped.add(column.field);
      return;
    }
    const { field } = column;
    const isNew = row >= rowIds.length;
    const lock = isNew ? null : (locked?.(row, field) ?? null);
    if (lock !== null) {
      // The value the cell has already is no change; any other is refused at the cell, saying why.
      const parsed = check(row, field, value);
      if (!parsed.ok || parsed.value !== (current?.(row, field) ?? null)) plan.problems.push({ row, field, value, message: lock });
      return;
    }
    // A new row's name may stay empty (the check then names it); an existing one's may not.
    if (!(isNew && field === 'name' && value.trim() === '')) {
      const parsed = check(row, field, value);
      if (!parsed.ok) plan.problems.push({ row, field, value, message: parsed.message });
    }
    if (isNew) {
      const values = this.appended.get(row) ?? {};
      values[field] = value;
      this.appended.set(row, values);
    } else plan.edits.push({ rowId: rowIds[row], field, value });
  }

  /** The rows added past the end, in order; one lacking what it needs would be left half-made: refused, nothing written. */
  finish() {
    const { plan } = this;
    const required = this.args.required;
    if (required)
      for (const [row, values] of this.appended) {
        const lacking = required.fields.filter((f) => String(values[f] ?? '').trim() === '');
        if (lacking.length) plan.problems.push({ row, field: lacking[0], value: '', message: required.message(row, lacking) });
      }
    plan.append = [...this.appended.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    plan.skippedComputed = [...this.skipped];
  }
}

/**
 * By its header: each column into the field its title names, from the selection's row (whole new rows:
 * at the end; lines of 表二/表三 carrying 序号: to the rows they name), amounts in the header's unit
 * converted to 万元; 合计 lines left out.
 */
function placeByHeader(args: PasteArgs, header: HeaderMap, block: string[][], plan: PastePlan, cells: Placer) {
  const { columns, rowIds, selection, table } = args;
  const lines = block.filter((line) => line.some((c) => c.trim() !== ''));
  const body = lines.filter((line) => !isTotalLine(line));
  plan.skippedTotals = lines.length - body.length;
  if (body.length === 0) return;
  const at = header.fields.map((f) => (f === null ? -1 : columns.findIndex((c) => c.field === f)));
  const whole = !!args.header!.appendWhole?.every((f) => header.fields.includes(f));
  const seqColumn = header.fields.indexOf('seq');
  const keyed =
    table !== 'payments' && table !== 'indicators' && args.current ? rowsBySeq(body, seqColumn, rowIds.length, args.current) : null;
  const top = whole ? rowIds.length : selection.top;
  const targets = keyed ?? body.map((_, r) => top + r);
  const used = at.filter((i) => i >= 0);
  Object.assign(plan, {
    rows: maxOf(targets) - minOf(targets) + 1,
    cols: used.length,
    top: minOf(targets),
    left: minOf(used),
    right: maxOf(used),
  });
  const twice = targets.findIndex((row, r) => targets.indexOf(row) !== r);
  if (twice >= 0) {
    const seq = body[twice][seqColumn];
    const message: Said = (lang) => (lang === 'zh' ? `粘贴内容中序号 ${seq} 出现了两次` : `No. ${seq} appears twice in the pasted block`);
    plan.problems.push({ row: targets[twice], field: 'seq', value: seq, message });
  }
  body.forEach((line, r) =>
    at.forEach((col, c) => col >= 0 && cells.place(targets[r], columns[col], inUnit(line[c] ?? '', header.units[c]))),
  );
}

/** By position from the selection's top-left cell: repeated over a selection it fits a whole number of times, else as it is. */
function placeByPosition(args: PasteArgs, block: string[][], plan: PastePlan, cells: Placer) {
  const { columns, selection } = args;
  if (block.length === 0) return;
  const width = maxOf(
    block.map((r) => r.length),
    0,
  );
  const sel = blockSize(selection);
  const fits = sel.rows % block.length === 0 && sel.cols % width === 0;
  const rows = fits ? sel.rows : block.length;
  const cols = fits ? sel.cols : width;
  plan.rows = rows;
  plan.cols = cols;
  plan.right = Math.min(columns.length - 1, selection.left + cols - 1);
  for (let r = 0; r < rows; r++) {
    const line = block[r % block.length];
    for (let c = 0; c < cols; c++) {
      const column = columns[selection.left + c];
      if (!column) {
        plan.columnsOutside = Math.max(plan.columnsOutside, selection.left + c - columns.length + 1);
        continue;
      }
      cells.place(selection.top + r, column, line[c % width] ?? '');
    }
  }
}
