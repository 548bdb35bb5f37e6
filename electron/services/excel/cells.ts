// The grid stage: a worksheet as a plain grid of what each cell shows: rich text joined,
// formulas replaced by their cached results, merged areas known by their top-left cell. Only
// cells with a value count: borders or fills down to row 65536 are not rows.
import type ExcelJS from 'exceljs';
import { fold } from '../../../shared/text';
import { splitUnit, type AmountUnit } from '../../../shared/money';

/** exceljs's ValueType.Merge and .Formula, as numbers: this module must not load exceljs (only the reading thread does). */
const MERGE = 1;
const FORMULA = 6;

export type CellValue = string | number | boolean | Date | null;
export type Cell = {
  address: string;
  row: number;
  col: number;
  value: CellValue;
  /** Text for matching and messages. */
  text: string;
  numFmt?: string;
  /**
   * The number format as styles.xml writes it, escapes kept (`0.00\%`: a literal percent sign);
   * numFmt is the same with escapes dropped, as exceljs gives it. Only the streaming reader knows it.
   */
  numFmtCode?: string;
  isFormula: boolean;
  /** A formula with no cached result (written by a program that does not calculate). */
  noResult: boolean;
  /** Such a formula's text: simple ones (SUM, ROUND, + − × ÷ over cells of the sheet) are computed here. */
  formula?: string;
  /** The value was computed from the formula here (no program had calculated it). */
  computed?: boolean;
  error?: string;
  /** Columns and rows this cell spans when it is the top-left of a merge. */
  span: number;
  rowSpan: number;
  /** Its number in the grid, 0 … cellCount − 1 (see CellMarks). */
  index: number;
  /** Runs of a figure's rich text not read: struck through, or a superscript/subscript footnote mark (521.07¹). */
  dropped?: { text: string; why: 'strike' | 'mark'; seen: string };
  /** The whole cell is struck through (its font, or every run). */
  struck?: boolean;
  /** Rich text as the clerk saw it where it differs from its text (a raised footnote mark: 521.07¹). */
  seen?: string;
};

export type Grid = {
  sheet: string;
  /** The last row that holds a value. */
  rowCount: number;
  colCount: number;
  /** The cell at (row, col) if it holds a value (the top-left of a merge holds the merge's). */
  at: (row: number, col: number) => Cell | undefined;
  /** The cell whose value shows at (row, col): the cell itself or the top-left of its merge. */
  cover: (row: number, col: number) => Cell | undefined;
  /** Rows that hold a value, top to bottom. */
  rows: readonly number[];
  /** The cells of a row that hold a value, left to right. */
  row: (row: number) => readonly Cell[];
  cellCount: number;
  /** Columns hidden in the sheet (an old column kept out of sight is not the one shown). */
  hiddenColumns: ReadonlySet<number>;
  /** Rows hidden in the sheet that hold a value (read as hidden data: see import.ts). */
  hiddenRows?: ReadonlySet<number>;
};

/** Cells of one grid marked (used, read): by their index, so marking allocates nothing. */
export class CellMarks {
  private readonly marks: Uint8Array;
  constructor(grid: Grid) {
    this.marks = new Uint8Array(grid.cellCount);
  }
  add(cell: Cell): void {
    this.marks[cell.index] = 1;
  }
  has(cell: Cell): boolean {
    return this.marks[cell.index] === 1;
  }
}

export type Plain = { value: CellValue; isFormula: boolean; noResult: boolean; error?: string; formula?: string };

export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return { value: null, isFormula: false, noResult: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date)
    return { value: v, isFormula: false, noResult: false };
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return { value: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), isFormula: false, noResult: false };
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { value: null, isFormula: true, noResult: true };
    const inner = plain(o.result);
    return { ...inner, isFormula: true, noResult: false };
  }
  if ('error' in o) return { value: null, isFormula: false, noResult: false, error: String(o.error) };
  if ('text' in o) return plain(o.text);
  return { value: null, isFormula: false, noResult: false };
}

/** A cell's value; a formula's cached result read from the model, since cell.value drops a cached 0, '' or false. */
function plainCell(cell: ExcelJS.Cell): Plain {
  if (cell.type !== FORMULA) return plain(cell.value);
  const result = (cell.model as { result?: unknown }).result;
  if (result === undefined || result === null) {
    let formula: string | undefined;
    try {
      formula = (cell as unknown as { formula?: string }).formula;
    } catch {
      formula = undefined;
    }
    return { value: null, isFormula: true, noResult: true, ...(formula ? { formula } : {}) };
  }
  return { ...plain(result), isFormula: true, noResult: false };
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export type Range = { top: number; left: number; bottom: number; right: number };

const key = (r: number, c: number) => r * 16_384 + c;

/** The grid of one sheet: cells by position and by row, merges by their top-left cell. */
class SheetGrid implements Grid {
  readonly rows: number[];
  readonly cellCount: number;
  private readonly none: Cell[] = [];
  constructor(
    readonly sheet: string,
    readonly rowCount: number,
    readonly colCount: number,
    private readonly cells: Map<number, Cell>,
    private readonly byRow: Map<number, Cell[]>,
    /** Merges that hold a value; a sheet has few, so finding the one over a cell is a short scan. */
    private readonly masters: Range[],
    readonly hiddenColumns: ReadonlySet<number>,
    readonly hiddenRows: ReadonlySet<number> = new Set(),
  ) {
    // exceljs visits rows and their cells in order: both lists are sorted already.
    this.rows = [...byRow.keys()];
    this.cellCount = cells.size;
  }
  at(r: number, c: number): Cell | undefined {
    return this.cells.get(key(r, c));
  }
  cover(r: number, c: number): Cell | undefined {
    const own = this.cells.get(key(r, c));
    if (own) return own;
    for (const m of this.masters) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return this.cells.get(key(m.top, m.left));
    return undefined;
  }
  row(r: number): readonly Cell[] {
    return this.byRow.get(r) ?? this.none;
  }
}

/**
 * Builds a grid from cells given row by row, top to bottom, and left to right within a row (as
 * both readers visit them): the one place that decides which cells count, so both readers' grids
 * are made alike.
 */
export class GridBuilder {
  private readonly cells = new Map<number, Cell>();
  private readonly byRow = new Map<number, Cell[]>();
  private readonly spans = new Map<number, Range>();
  private colCount = 0;
  private rowCount = 0;
  private list: Cell[] = [];
  private r = 0;
  private readonly hiddenRows = new Set<number>();
  constructor(
    private readonly sheet: string,
    private readonly merges: Range[],
  ) {
    for (const m of merges) this.spans.set(key(m.top, m.left), m);
  }
  /** A cell of row `r` (rows in order, cells in order within a row); `numFmtCode` is the format as styles.xml writes it. */
  add(r: number, c: number, address: string, p: Plain, numFmt: string | undefined, numFmtCode?: string, format?: CellFont): void {
    if (r !== this.r) {
      this.r = r;
      this.list = [];
    }
    if (p.value === null && !p.noResult && !p.error) return;
    if (typeof p.value === 'string' && p.value.trim() === '') return;
    this.colCount = Math.max(this.colCount, c);
    this.rowCount = r;
    const m = this.spans.get(key(r, c));
    // One shape for every cell (no spreads): a workbook has hundreds of thousands of them.
    const made: Cell = {
      address,
      row: r,
      col: c,
      value: p.value,
      isFormula: p.isFormula,
      noResult: p.noResult,
      formula: p.formula,
      error: p.error,
      text: cellText(p.value),
      numFmt: numFmt || undefined,
      numFmtCode,
      span: m ? m.right - m.left + 1 : 1,
      rowSpan: m ? m.bottom - m.top + 1 : 1,
      index: this.cells.size,
    };
    const marks = runMarks(format?.runs, format?.struck === true);
    marks.dropped ??= typeof p.value === 'string' ? typedMark(made.text) : undefined;
    if (marks.dropped) {
      made.dropped = marks.dropped;
      made.value = made.text = marks.dropped.kept;
    }
    if (marks.struck) made.struck = true;
    if (marks.seen) made.seen = marks.seen;
    this.cells.set(key(r, c), made);
    if (this.list.length === 0) this.byRow.set(r, this.list);
    this.list.push(made);
  }
  get columns(): number {
    return this.colCount;
  }
  /** A row hidden in the sheet: told only where it holds a value. */
  hideRow(r: number): void {
    this.hiddenRows.add(r);
  }
  done(hidden: (col: number) => boolean): Grid {
    computeFormulas(this.cells);
    const hiddenColumns = new Set<number>();
    for (let c = 1; c <= this.colCount; c++) if (hidden(c)) hiddenColumns.add(c);
    const masters = this.merges.filter((m) => this.cells.has(key(m.top, m.left)));
    const hiddenRows = new Set([...this.hiddenRows].filter((r) => this.byRow.has(r)));
    return new SheetGrid(this.sheet, this.rowCount, this.colCount, this.cells, this.byRow, masters, hiddenColumns, hiddenRows);
  }
}

/** The grid of an exceljs worksheet (the reference reader: see sheet-reader.ts for the one the import uses). */
export function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const merges = Object.values((sheet as unknown as { _merges?: Record<string, { model?: Range }> })._merges ?? {})
    .map((m) => m.model)
    .filter((m): m is Range => !!m);
  const grid = new GridBuilder(sheet.name, merges);
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === MERGE) return; // only the top-left cell of a merge holds its value
      const rich = (cell.value as { richText?: Run[] } | null)?.richText;
      const struck = (cell.font as { strike?: boolean } | undefined)?.strike === true;
      grid.add(r, c, cell.address, plainCell(cell), cell.numFmt, undefined, { runs: Array.isArray(rich) ? rich : undefined, struck });
    });
    if (row.hidden) grid.hideRow(r);
  });
  return grid.done((c) => !!sheet.getColumn(c).hidden);
}

/** A rich text run as both readers give it: its text, struck through or not, raised or lowered. */
export type Run = { text?: string; font?: { strike?: boolean; vertAlign?: string } };
/** What a cell's font and runs say beyond its value (see runMarks). */
export type CellFont = { runs?: Run[]; struck?: boolean };
/** A figure with its marks taken off: "521.07" + superscript "1", "640.21" struck + "650". */
const FIGURE = /^[\s¥￥+\-−]*[\d,，]*\d[\d,，]*(\.\d+)?\s*(%|％|万元|元)?\s*$/;

const SUPERSCRIPT: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const superscript = (t: string) => [...t].map((ch) => SUPERSCRIPT[ch] ?? ch).join('');

/**
 * What a cell's font and runs say beyond its text: struck through as a whole (a deleted value), or
 * runs of a figure that are no part of it — struck-through digits, a superscript or subscript
 * footnote mark. Only a figure loses runs; a name keeps its m² as written. `seen` is the rich text
 * as the clerk saw it, a raised mark raised (521.07¹).
 */
function runMarks(
  runs: Run[] | undefined,
  whole: boolean,
): { struck?: boolean; seen?: string; dropped?: { text: string; why: 'strike' | 'mark'; seen: string; kept: string } } {
  if (!runs) return whole ? { struck: true } : {};
  const text = (rs: Run[]) => rs.map((x) => x.text ?? '').join('');
  const raised = runs.some((x) => x.font?.vertAlign === 'superscript');
  const seen = raised
    ? runs.map((x) => (x.font?.vertAlign === 'superscript' ? superscript(x.text ?? '') : (x.text ?? ''))).join('')
    : undefined;
  const visible = runs.filter((x) => (x.text ?? '').trim() !== '');
  if (whole || (visible.length > 0 && visible.every((x) => x.font?.strike))) return { struck: true, ...(seen ? { seen } : {}) };
  const struck = runs.filter((x) => x.font?.strike);
  const marks = runs.filter((x) => !x.font?.strike && /^(superscript|subscript)$/.test(x.font?.vertAlign ?? ''));
  if (struck.length === 0 && marks.length === 0) return seen ? { seen } : {};
  const kept = text(runs.filter((x) => !struck.includes(x) && !marks.includes(x))).trim();
  if (!FIGURE.test(kept)) return seen ? { seen } : {};
  return {
    ...(seen ? { seen } : {}),
    dropped: { text: text(struck.length ? struck : marks), why: struck.length ? 'strike' : 'mark', seen: text(runs), kept },
  };
}

/** A footnote mark typed after a figure as a character of its own: 521.07¹, 640.21②, 1500⁽¹⁾ (never a digit of it). */
const TYPED_MARK = /^(.*?\d)\s*([⁰¹²³⁴-⁹⁽⁾]+|[①-⑳])\s*$/u;
const MARK_CHAR = /^[⁰¹²³⁴-⁹⁽⁾①-⑳]$/u;

/** A figure typed as text with a footnote mark after it: the figure kept, the mark dropped (told: footnote_mark). */
function typedMark(text: string): { text: string; why: 'mark'; seen: string; kept: string } | undefined {
  // Most texts end in no mark: looked at first, the pattern (slow on long texts) is tried only where one could match.
  if (!MARK_CHAR.test(text.trimEnd().slice(-1))) return undefined;
  const m = TYPED_MARK.exec(text);
  if (!m || !FIGURE.test(m[1])) return undefined;
  return { text: m[2], why: 'mark', seen: text, kept: m[1].trim() };
}

const labelKeys = new Map<string, string>();

/** A header or label as a matching key: folded, units and brackets dropped ("计划安排额度\n（万元）" → "计划安排额度"). */
export function labelKey(text: string): string {
  let key = labelKeys.get(text);
  if (key === undefined) {
    key = fold(text)
      .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
      .replace(STATEMENT_G, '')
      .replace(/(亿元|万元|千元|元|%|:)$/g, '')
      .replace(/[:%]/g, '');
    // Headers and labels repeat on every sheet; only short texts are worth remembering.
    if (text.length <= 40) {
      if (labelKeys.size > 20_000) labelKeys.clear();
      labelKeys.set(text, key);
    }
  }
  return key;
}

const UNIT_WORDS: Record<string, AmountUnit> = { 亿元: 'yi', 万元: 'wan', 千元: 'qian', 元: 'yuan' };
const UNIT = '(亿元|万元|千元|元)';
const CURRENCY = '(?:币种:?)?(?:人民币|rmb)?';
/** "单位：元", "单位(元)", "单位：人民币元", "单位/元", "金额单位为万元", "本表金额单位：元。" (folded). */
const STATEMENT = new RegExp(`单位[:为是/]?[(\\[【]?${CURRENCY}${UNIT}`, 'i');
const STATEMENT_G = new RegExp(STATEMENT.source, 'gi');
/** "(元)", "（人民币元）", "（元/人民币）", "【元】", "［元］", "(RMB元)", "（金额：元）" (folded). */
const BRACKETED = new RegExp(`[(\\[【](?:金额|金额单位|单位)?[:为]?${CURRENCY}${UNIT}(?:/?(?:人民币|rmb))?[)\\]】]`, 'i');

/**
 * The money unit a header or a note names: "(万元)", "（元）", "（人民币元）", "【元】", "单位：元",
 * "单位(千元)", "金额单位为万元", "计划安排额度万元". undefined when it names none.
 */
export function unitOf(text: string): AmountUnit | undefined {
  if (!text.includes('元')) return undefined;
  const f = fold(text);
  const m = STATEMENT.exec(f) ?? BRACKETED.exec(f) ?? /(亿元|万元|千元|元)$/.exec(f);
  return m ? UNIT_WORDS[m[1]] : undefined;
}

/** The unit a unit line states ("单位：元", "本表金额单位为万元。"), or undefined. */
export function statedUnit(text: string): AmountUnit | undefined {
  if (!text.includes('元') || text.length > 80) return undefined;
  const m = STATEMENT.exec(fold(text));
  return m ? UNIT_WORDS[m[1]] : undefined;
}

/**
 * Text that speaks of a money unit this reader cannot tell ("（元/万元）", "单位：美元"): a unit
 * in brackets or after 单位 that is not one of ours. Amounts under it are never guessed.
 */
export function unclearUnit(text: string): boolean {
  if (!text.includes('元') || unitOf(text) !== undefined) return false;
  const f = fold(text);
  return /单位[^元]{0,8}元/.test(f) || /[(\[【][^)\]】]{0,10}元[^)\]】]{0,10}[)\]】]/.test(f);
}

/** What a number format says, worked out once per format: a workbook uses a handful of them, on every number cell. */
export function perFormat<T>(read: (numFmt: string) => T): (numFmt: string) => T {
  const known = new Map<string, T>();
  return (numFmt) => {
    if (known.has(numFmt)) return known.get(numFmt) as T;
    const value = read(numFmt);
    if (known.size < 1_000) known.set(numFmt, value);
    return value;
  };
}

/**
 * The power of ten a number format divides the number it shows by: a literal point (`0\.0000`,
 * `0!.0000`, `0"."0000`) shows 30000 as 3.0000 (4: 元 shown as 万元); commas after the last digit
 * (`#,##0,`, `0.00,,`) divide by 1,000 each (3, 6). 0 for a format that shows the number as it is.
 */
export const formatScale = (numFmt: string | undefined): number => (numFmt ? scaleOf(numFmt) : 0);

const scaleOf = perFormat((numFmt: string): number => {
  const section = numFmt
    .split(';')[0]
    .replace(/"\."|[\\!]\./g, '\u0001')
    .replace(/"[^"]*"|[\\!]./g, '');
  const point = section.indexOf('\u0001');
  const literal = point < 0 ? 0 : (section.slice(point).match(/[0#?]/g) ?? []).length;
  const commas = /[0#?](,+)(?=$|[^0#?,])/.exec(section)?.[1].length ?? 0;
  return literal + 3 * commas;
});

/**
 * Whether a number format shows a currency sign: `"￥"#,##0.00`, `¥#,##0`, `\¥#,##0`, `[$¥-804]#,##0.00` (Excel's 货币 and
 * 会计专用 formats). Only the first section's literal text and locale tags are looked at; `[Red]` and colours are not text.
 */
export const formatCurrency = (numFmt: string | undefined): boolean => !!numFmt && currencyOfFormat(numFmt);

const currencyOfFormat = perFormat((numFmt: string): boolean => {
  const section = numFmt.split(';')[0];
  const tags = (section.match(/\[\$[^\]]*\]/g) ?? []).join('');
  const literals = section.replace(/\[[^\]]*\]/g, '').match(/"[^"]*"|\\.|[^"\\0#?,.%]+/g) ?? [];
  return /[¥￥]/.test(tags + literals.join(''));
});

/**
 * The unit a number format writes after the number ("#,##0.00\"元\"", "0.00\"万元\"", "0.00万元"):
 * what the clerk saw in the cell, so it counts as a unit the cell names. Undefined when the format
 * names none (a currency sign alone is a style, not a unit).
 */
export const formatUnit = (numFmt: string | undefined): AmountUnit | undefined => (numFmt ? unitOfFormat(numFmt) : undefined);

const unitOfFormat = perFormat((numFmt: string): AmountUnit | undefined => {
  const literals = (numFmt.split(';')[0].match(/"[^"]*"|\\.|[^"\\0#?,.%\[\]]+/g) ?? [])
    .map((t) => t.replace(/^"|"$/g, '').replace(/^\\/, ''))
    .join('');
  return splitUnit(fold(literals).replace(/[\s_*()]/g, '')).unit;
});

/**
 * A 合计 or 小计 label as clerks write it: 合计, 合  计, 合计：, 合计（万元）, 合计（6项）, 合计金额, 总计,
 * 共计, 全部合计, 本表合计, 累计, 汇总; 小计, 物流及上行小计. undefined for anything else.
 */
export function totalKind(text: string): 'total' | 'subtotal' | undefined {
  if (text.length > 24) return undefined;
  const key = fold(text)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[:]/g, '');
  if (/^(合计|总计|共计|总合计|合计数|全部合计|本表合计|累计|汇总|合计金额|总计金额)$/.test(key)) return 'total';
  if (/^.{0,12}小计$/.test(key)) return 'subtotal';
  return undefined;
}

/** Decimals a number format shows ("0.00%" → 2, "0%" → 0); undefined for General or none. */
export const formatDecimals = (numFmt: string | undefined): number | undefined => (numFmt ? decimalsOfFormat(numFmt) : undefined);

const decimalsOfFormat = perFormat((numFmt: string): number | undefined => {
  if (/^general$/i.test(numFmt)) return undefined;
  const section = numFmt.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/[0#?]/.test(section)) return undefined;
  const m = /\.([0#?]*)/.exec(section);
  return m ? m[1].length : 0;
});

export const isPercentFormat = (numFmt: string | undefined): boolean => percentFormat(numFmt ?? '');

const percentFormat = perFormat((numFmt: string) => /%/.test(numFmt.replace(/"[^"]*"/g, '')));

export const isBlank = (cell: Cell | undefined) => !cell || (cell.text.trim() === '' && !cell.noResult && !cell.error);

/** Whether a cell shows a number: a numeric or date value, or text with a digit in it. */
export const holdsNumber = (cell: Cell) => typeof cell.value === 'number' || cell.value instanceof Date || /[0-9０-９]/.test(cell.text);

export function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---- formulas without results ------------------------------------------------------------
// A workbook written by a script (openpyxl, a web system) holds formulas no program has calculated.
// Simple ones are computed here: numbers, cells and ranges of the sheet, + − × ÷, parentheses, SUM
// and ROUND. Anything else (another sheet, a name, IF, VLOOKUP…) keeps no result and is refused at
// its cell where a figure is read. Results are kept to 15 significant digits, as Excel keeps them.

type Formulas = Map<number, Cell>;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const FORMULA_TOKEN =
  /\s*(?:(\$?[A-Z]{1,3}\$?\d{1,7})(?::(\$?[A-Z]{1,3}\$?\d{1,7}))?|(\d+(?:\.\d+)?(?:E[+-]?\d+)?)|([A-Z]+)\(|([-+*/(),]))/iy;

/** Computes the cells whose formula has no result, where the formula is simple enough; others stay as they are. */
function computeFormulas(cells: Map<number, Cell>): void {
  const pending: Formulas = new Map();
  for (const [k, c] of cells) if (c.noResult && c.formula) pending.set(k, c);
  if (pending.size === 0) return;
  const busy = new Set<number>();
  const valueAt = (r: number, c: number): number | null | undefined => {
    const k = key(r, c);
    const cell = cells.get(k);
    if (!cell) return null; // an empty cell
    if (pending.has(k)) {
      if (busy.has(k)) return undefined; // a cycle
      busy.add(k);
      const v = evaluate(cell.formula!, valueAt);
      busy.delete(k);
      pending.delete(k);
      if (v === undefined) return undefined;
      settle(cell, v);
    }
    if (cell.noResult || cell.error) return undefined;
    return typeof cell.value === 'number' ? cell.value : typeof cell.value === 'string' ? Number.NaN : null;
  };
  for (const [k, cell] of [...pending]) {
    if (!pending.has(k)) continue;
    valueAt(cell.row, cell.col);
  }
}

function settle(cell: Cell, v: number): void {
  const value = Number(v.toPrecision(15));
  cell.value = value;
  cell.text = String(value);
  cell.noResult = false;
  cell.computed = true;
}

type FormulaToken = { ref?: [string, string?]; num?: number; fn?: string; op?: string };
type ValueAt = (r: number, c: number) => number | null | undefined;

/** A formula's value, or undefined when it is not one this reader computes. */
function evaluate(formula: string, valueAt: ValueAt): number | undefined {
  const tokens = formulaTokens(formula.replace(/^=/, ''));
  if (!tokens) return undefined;
  const parser = new FormulaParser(tokens, valueAt);
  const v = parser.expr();
  return parser.i === tokens.length && v !== undefined && Number.isFinite(v) ? v : undefined;
}

/** A formula's tokens (references, ranges, numbers, functions, operators); undefined where one is none of these. */
function formulaTokens(src: string): FormulaToken[] | undefined {
  const tokens: FormulaToken[] = [];
  FORMULA_TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    FORMULA_TOKEN.lastIndex = at;
    const m = FORMULA_TOKEN.exec(src);
    if (!m) return src.slice(at).trim() === '' ? tokens : undefined;
    at = FORMULA_TOKEN.lastIndex;
    if (m[1]) tokens.push({ ref: [m[1].replace(/\$/g, '').toUpperCase(), m[2]?.replace(/\$/g, '').toUpperCase()] });
    else if (m[3]) tokens.push({ num: Number(m[3]) });
    else if (m[4]) tokens.push({ fn: m[4].toUpperCase() });
    else tokens.push({ op: m[5] });
  }
  return tokens;
}

/** Simple arithmetic over cells, read by recursive descent: + - * /, brackets, SUM and ROUND. undefined: not computed. */
class FormulaParser {
  i = 0;
  constructor(
    private readonly tokens: FormulaToken[],
    private readonly valueAt: ValueAt,
  ) {}

  expr(): number | undefined {
    let v = this.term();
    while (v !== undefined && (this.tokens[this.i]?.op === '+' || this.tokens[this.i]?.op === '-')) {
      const op = this.tokens[this.i++].op;
      const w = this.term();
      if (w === undefined) return undefined;
      v = op === '+' ? v + w : v - w;
    }
    return v;
  }

  private term(): number | undefined {
    let v = this.primary();
    while (v !== undefined && (this.tokens[this.i]?.op === '*' || this.tokens[this.i]?.op === '/')) {
      const op = this.tokens[this.i++].op;
      const w = this.primary();
      if (w === undefined || (op === '/' && w === 0)) return undefined;
      v = op === '*' ? v * w : v / w;
    }
    return v;
  }

  private primary(): number | undefined {
    const t = this.tokens[this.i++];
    if (!t) return undefined;
    if (t.num !== undefined) return t.num;
    if (t.ref && t.ref[1] === undefined) {
      const m = /^([A-Z]+)(\d+)$/.exec(t.ref[0])!;
      const v = this.valueAt(Number(m[2]), colNumber(m[1]));
      return v === undefined || Number.isNaN(v) ? undefined : (v ?? 0);
    }
    if (t.op === '(') {
      const v = this.expr();
      return this.tokens[this.i++]?.op === ')' ? v : undefined;
    }
    if (t.op === '-' || t.op === '+') {
      const v = this.primary();
      return v === undefined ? undefined : t.op === '-' ? -v : v;
    }
    if (t.fn === 'SUM') {
      const values = this.tokens[this.i]?.op === ')' ? [] : this.args();
      if (!values || this.tokens[this.i++]?.op !== ')') return undefined;
      return values.reduce((a, b) => a + b, 0);
    }
    return t.fn === 'ROUND' ? this.round() : undefined;
  }

  /** ROUND(x, n), half away from zero as Excel rounds. */
  private round(): number | undefined {
    const x = this.expr();
    if (x === undefined || this.tokens[this.i++]?.op !== ',') return undefined;
    const n = this.expr();
    if (n === undefined || !Number.isInteger(n) || this.tokens[this.i++]?.op !== ')') return undefined;
    const f = 10 ** n;
    return (Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15)))) / f;
  }

  /** Values of a SUM's arguments: every number of a range (text and blanks left out, as Excel does). */
  private args(): number[] | undefined {
    const out: number[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (t?.ref && t.ref[1] !== undefined) {
        if (!this.rangeValues(t.ref[0], t.ref[1], out)) return undefined;
        this.i++;
      } else {
        const v = this.expr();
        if (v === undefined) return undefined;
        out.push(v);
      }
      if (this.tokens[this.i]?.op === ',') this.i++;
      else break;
    }
    return out;
  }

  /** Adds the numbers of a range to `out`; false when a cell of it (or its size) cannot be computed. */
  private rangeValues(from: string, to: string, out: number[]): boolean {
    const [a, b] = [/^([A-Z]+)(\d+)$/.exec(from)!, /^([A-Z]+)(\d+)$/.exec(to)!];
    const [r1, r2] = [Number(a[2]), Number(b[2])].sort((x, y) => x - y);
    const [c1, c2] = [colNumber(a[1]), colNumber(b[1])].sort((x, y) => x - y);
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 100_000) return false;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        const v = this.valueAt(r, c);
        if (v === undefined) return false;
        if (v !== null && !Number.isNaN(v)) out.push(v);
      }
    return true;
  }
}
