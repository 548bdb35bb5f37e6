// Cells to values: amounts exact in the unit they are written in, percents with the digits
// the cell shows, 序号 in any numeral. Every problem is a finding pinned to its cell.
import {
  canonicalPercent,
  decimalsOf,
  formatWan,
  parseAmount,
  parsePercent,
  roundDecimal,
  shiftDecimal,
  subFenFigure,
  type AmountUnit,
} from '../../../shared/money';
import { finding, type Finding, type FindingCode } from '../../../shared/findings';
import { fold, stripXmlUnsafe, type Category } from '../../../shared/text';
import { categoryOf } from '../../../shared/fields';
import { formatCurrency, formatDecimals, formatScale, formatUnit, isBlank, isPercentFormat, type Cell } from './cells';
import { formatNumber } from './display';
import type { BookUnit } from './book-unit';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  const m = /^([一二三四五六七八九两]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]] : undefined;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/** 序号 as clerks write it: 1, 1.0, 01, 1、, 1., (1), 一、, （一）, 十二. undefined if it is none. */
export function seqNumber(cell: Cell): number | undefined {
  if (typeof cell.value === 'number') return Number.isInteger(cell.value) && cell.value >= 0 ? cell.value : undefined;
  let t = fold(cell.text);
  const bracketed = /^[(\[【](.+)[)\]】][、.,]?$/.exec(t);
  t = bracketed ? bracketed[1] : t.replace(/[、.,:)]$/, '');
  if (/^\d{1,6}(\.0+)?$/.test(t)) return Math.trunc(Number(t));
  return chineseNumber(t);
}

/** A 序号 of a decimal outline, a line under group 1: 1.1, 1-2, 3.1、 (the record numbers its lines in order). */
export const OUTLINE_SEQ = /^\d{1,4}[.\-]\d{1,3}[、.]?$/;

/** The group and the number of an outline's 序号 (1.2 → group 1, line 2); undefined for any other. */
export function outlineSeq(cell: Cell): { group: number; seq: number } | undefined {
  const m = /^(\d{1,4})[.\-](\d{1,3})[、.]?$/.exec(fold(cell.text));
  return m ? { group: Number(m[1]), seq: Number(m[2]) } : undefined;
}

/** Whether a cell holds a 序号: a number as seqNumber reads it, or an outline's 1.1. */
export const isSeq = (cell: Cell): boolean => seqNumber(cell) !== undefined || OUTLINE_SEQ.test(fold(cell.text));

export type AmountRead = { value: string; unit: AmountUnit };

/** Decimals a percent keeps in the record (shared/schema.ts). */
const PERCENT_DECIMALS = 6;

/**
 * What Excel's General format shows of a number in a wide column: at most 11 characters, rounded
 * (2/3 pasted as a value, 0.6666666666666666, shows 0.666666667; 200/3 shows 66.66666667).
 */
export function generalText(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const digits = Math.abs(v) >= 1 ? Math.floor(Math.log10(Math.abs(v))) + 1 : 1;
  return canonicalPercent(v.toFixed(Math.min(20, Math.max(0, 10 - digits - (v < 0 ? 1 : 0)))));
}

/** Whether a number shows as General shows it: no number format of its own (General, none, text). */
export const showsGeneral = (cell: Cell) =>
  typeof cell.value === 'number' && !isPercentFormat(cell.numFmt) && formatDecimals(cell.numFmt) === undefined;

/**
 * A percent from a General cell: the digits the cell shows, as a percent (a fraction moved two
 * places), at most the record's 6 decimals (a narrower column shows fewer still).
 */
export function generalPercent(v: number, fraction: boolean): string {
  let text = generalText(v);
  if (fraction) text = shiftDecimal(text, 2);
  return decimalsOf(text) > PERCENT_DECIMALS ? canonicalPercent(roundDecimal(text, PERCENT_DECIMALS)) : text;
}

/** A cell that says "none": a dash or a slash, or 无. */
const NO_VALUE = /^(?:[—\-–/／]+|无|無)$/;
/** A target done, in words: 已完成, 全部完成, 已建成, 完工 (not 基本完成, 部分完成, 未完成). */
const DONE = /^(已经?)?(全部)?(完成|建成|完工|竣工)$/;

/** Reads the values of one sheet's cells, collecting what is wrong with them. */
export class CellReader {
  readonly findings: Finding[] = [];
  constructor(
    readonly file: string,
    readonly sheet: string,
    /** The unit the workbook's 说明 sheet states (book-unit.ts): where the cell's own table or label names none. */
    readonly bookUnit?: BookUnit,
  ) {}

  problem(code: FindingCode, cell: Cell | undefined, params: Record<string, string>, fallbackCell?: string): void {
    const at = cell?.address ?? fallbackCell;
    this.findings.push({ ...finding(code, params), file: this.file, sheet: this.sheet, ...(at ? { cell: at } : {}) });
  }

  /**
   * An amount in 万元, read in `unit` unless the cell names its own ("6402100元"). Blank is a
   * problem unless the caller reads it as "not entered" (null); a 合计 is a sum (no cap).
   * `unit` undefined: none is named for the cell (万元 is assumed), so a ¥ it shows — typed or by its
   * number format (`"￥"#,##0.00`, `[$¥-804]`) — says 元. Under a named unit a ¥ format is the 货币
   * button's style over figures in that unit (CENTRAL_FUNDS_BOUND holds 元 read as 万元); a typed ¥ is refused.
   */
  money(
    cell: Cell | undefined,
    field: string,
    fallbackCell: string,
    unit: AmountUnit | undefined,
    options: { sum?: boolean; blank?: 'not entered' } = {},
  ): AmountRead | null | undefined {
    // A dash or a slash is how a printed table says "nothing yet": where blank means not entered, so does it.
    if ((isBlank(cell) || NO_VALUE.test(cell!.text.trim())) && options.blank === 'not entered') return null;
    if (isBlank(cell)) {
      this.problem('not_a_number', cell, { field, value: '', problem: 'empty' }, fallbackCell);
      return undefined;
    }
    if (cell!.noResult || cell!.error) {
      this.problem('not_a_number', cell, { field, value: cell!.error ?? '=…', problem: cell!.error ? 'error_value' : 'no_result' });
      return undefined;
    }
    const v = cell!.value;
    // A format that shows the number scaled (元 shown as 万元): read as it shows, and doubted (below).
    const scale = typeof v === 'number' ? formatScale(cell!.numFmtCode ?? cell!.numFmt) : 0;
    // A unit the format shows after the number ("7,750,000.00元") is one the cell names, as if typed.
    unit ??= this.bookUnit?.unit;
    const format = cell!.numFmtCode ?? cell!.numFmt;
    const shown =
      typeof v === 'number' ? (formatUnit(format) ?? (unit === undefined && formatCurrency(format) ? 'yuan' : undefined)) : undefined;
    const signed = unit === undefined && typeof v === 'string' && /^\s*[¥￥]/.test(v) ? 'yuan' : undefined;
    const figure = scale > 0 ? Number(`${v}e-${scale}`) : v;
    const parsed =
      typeof figure === 'number' || typeof figure === 'string'
        ? parseAmount(figure, shown ?? signed ?? unit ?? 'wan', { sum: options.sum })
        : ({ ok: false, problem: 'not_a_number', unit: unit ?? 'wan' } as const);
    if (!parsed.ok) {
      const code = parsed.problem === 'negative_amount' ? 'negative_amount' : 'not_a_number';
      this.problem(code, cell, { field, value: cell!.text, ...(code === 'not_a_number' ? { problem: parsed.problem } : {}) });
      return undefined;
    }
    const read = { value: formatWan(parsed.value), unit: parsed.unit };
    // A figure finer than 1 分 is rounded to store it: a doubt, the figure as written and as stored (a 合计 is only compared).
    const finer = typeof figure === 'number' && !options.sum ? subFenFigure(figure, parsed.unit) : null;
    if (finer) this.problem('amount_sub_fen', cell, { field, value: finer, unit: parsed.unit, read: read.value });
    if (scale > 0) this.scaled(cell!, field, scale, read);
    else if (typeof v === 'number') this.unlikeShown(cell!, field, read);
    return read;
  }

  /** 类别 cells told as not in the list (a merged one serves several lines). */
  private readonly categoriesTold = new Set<Cell>();

  /** Formats that show amounts otherwise than read, told once per column and format: at its first cell, with how many cells. */
  private readonly formatsTold = new Map<string, Finding>();

  private tellPerColumn(code: FindingCode, cell: Cell, params: Record<string, string>): void {
    const key = `${code}\u0000${cell.col}\u0000${cell.numFmtCode ?? cell.numFmt ?? ''}`;
    const told = this.formatsTold.get(key);
    if (told) {
      told.params.cells = String(Number(told.params.cells) + 1);
      return;
    }
    this.problem(code, cell, { ...params, cells: '1' });
    this.formatsTold.set(key, this.findings[this.findings.length - 1]);
  }

  /**
   * A number its format hides (`;;;`: the cell looks empty) or shows as a percent (29.41 under `0.00%`
   * shows 2941.00%): no person reading the sheet sees the amount read. Read as stored — neither
   * reading of what is shown is an amount — and a doubt, both said, until a person confirms it.
   */
  private unlikeShown(cell: Cell, field: string, read: AmountRead): void {
    const format = cell.numFmtCode ?? cell.numFmt ?? '';
    const shown = formatNumber(cell.value as number, format).trim();
    if (shown === '' || isPercentFormat(format)) this.tellPerColumn('amount_format', cell, { field, format, shown, read: read.value });
  }

  /**
   * A number its format shows scaled (30000 under `0\.0000` shows 3.0000: 元 shown as 万元) is read as
   * it shows — what the clerk saw in a table of that unit — and is a doubt, both readings said, until a
   * person confirms it or says the column is read as stored (corrections.ts).
   */
  private scaled(cell: Cell, field: string, scale: number, read: AmountRead): void {
    const stored = parseAmount(cell.value as number, read.unit, { sum: true });
    this.tellPerColumn('scaled_format', cell, {
      field,
      format: cell.numFmtCode ?? cell.numFmt ?? '',
      value: String(cell.value),
      shown: read.value,
      stored: stored.ok ? formatWan(stored.value) : String(cell.value),
      factor: `1${'0'.repeat(scale)}`,
    });
  }

  /** A percent cell: "90%", 90, or 0.9 formatted as percent, with the digits it shows. Blank, "—" or "/" mean none. */
  percent(cell: Cell | undefined, field: string): string | null | undefined {
    if (isBlank(cell) || NO_VALUE.test(cell!.text.trim())) return null;
    if (cell!.noResult || cell!.error) {
      this.problem('not_a_number', cell, { field, value: cell!.error ?? '=…', problem: cell!.error ? 'error_value' : 'no_result' });
      return undefined;
    }
    const v = cell!.value;
    const parsed =
      typeof v === 'number'
        ? showsGeneral(cell!)
          ? parsePercent(generalPercent(v, false))
          : parsePercent(v, isPercentFormat(cell!.numFmt), formatDecimals(cell!.numFmt))
        : typeof v === 'string'
          ? parsePercent(v)
          : ({ ok: false } as const);
    if (!parsed.ok) {
      this.problem('not_a_number', cell, { field, value: cell!.text });
      return undefined;
    }
    return parsed.value;
  }

  completionRate(cell: Cell | undefined): string | null | undefined {
    if (typeof cell?.value === 'string' && !isBlank(cell) && !NO_VALUE.test(cell.text.trim()) && !parsePercent(cell.value).ok)
      return this.completionInWords(cell);
    const p = this.percent(cell, 'completionRate');
    return p ? canonicalPercent(p) : p;
  }

  /**
   * 实施目标完成率 as counties write it in words. A percent with a note in brackets (`100%（已完成）`)
   * is that percent. Anything else — `已完成`, `≥100`, `超额完成120`, `部分完成` — is read as far as it
   * goes (已完成 as 100, the one number it holds, else blank) and held for a person (a doubt at its
   * cell): a completion rate is the target's state, not money, and never blocks the county.
   */
  private completionInWords(cell: Cell): string | null {
    const text = fold(cell.text).replace(/\s+/g, '');
    const noted = /^(\d+(?:\.\d+)?%?)[(\[【].*[)\]】]$/.exec(text);
    const exact = noted ? parsePercent(noted[1]) : undefined;
    if (exact?.ok) return canonicalPercent(exact.value);
    const numbers = text.match(/\d+(?:\.\d+)?/g) ?? [];
    const read = numbers.length === 1 ? canonicalPercent(numbers[0]) : numbers.length === 0 && DONE.test(text) ? '100' : null;
    this.problem('completion_in_words', cell, { field: 'completionRate', value: cell.text, read: read ?? '' });
    return read;
  }

  /** 序号; a blank one continues from the row before. */
  seq(cell: Cell | undefined, previous: number): number | undefined {
    if (isBlank(cell)) return previous + 1;
    const n = seqNumber(cell!);
    if (n === undefined) this.problem('not_a_number', cell, { field: 'seq', value: cell!.text });
    return n;
  }

  /** A 类别 cell: blank is none (the name decides); a label not in the list is reported. */
  category(cell: Cell | undefined): Category | undefined {
    if (isBlank(cell)) return undefined;
    const c = categoryOf(cell!.text);
    // A 类别 merged down over several lines is one cell: told once.
    if (!c && !this.categoriesTold.has(cell!)) {
      this.problem('unknown_category', cell, { value: cell!.text });
      this.categoriesTold.add(cell!);
    }
    return c;
  }

  text(cell: Cell | undefined): string {
    return isBlank(cell) ? '' : stripXmlUnsafe(cell!.text).trim();
  }
}
