// Dates as counties write them, one reader for every place a date is read: 立项时间 and 验收日期 (to
// the month or day they state) and a payment's 拨付日期 (a day): 2021年9月1日, 2021-09-01, 2021/9/1,
// 21.9.1, 二〇二一年九月一日, a date cell, a serial day in a General cell or typed as text (44440), a
// date and time (44440.5) or as text (2021-09-01 14:20, 2021-09-01T00:00:00), eight digits as a
// finance system's 凭证日期 writes them (20210901).
import { parseDateText } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import { today } from '../../../shared/ledger';
import { formatDecimals, isBlank, isPercentFormat, type Cell } from './cells';
import { chineseNumber, generalText, type CellReader } from './values';

/** "2021年9月", "2021-09", "2021.9", "2021/9/15", a date cell (precision from its format) → "2021-09". */
export function parseDate(cell: Cell): string | undefined {
  const p2 = (n: number) => String(n).padStart(2, '0');
  if (cell.value instanceof Date) {
    const d = cell.value;
    const format = (cell.numFmt ?? '').replace(/"[^"]*"/g, '').toLowerCase();
    const y = d.getUTCFullYear();
    if (format && !/m/.test(format)) return String(y);
    if (format && !/d/.test(format)) return `${y}-${p2(d.getUTCMonth() + 1)}`;
    return `${y}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  }
  if (typeof cell.value === 'number') {
    if (Number.isInteger(cell.value) && cell.value >= 1990 && cell.value <= 2100) return String(cell.value);
    // A date cell that lost its date format shows its serial number (44440 is 2021-09-01; 44440.5, a
    // date and time as a system exports it, is that day at noon).
    if (cell.value >= SERIAL_1990 && cell.value < SERIAL_2100 + 1) return serialDay(cell.value);
    if (Number.isInteger(cell.value)) return eightDigitDay(String(cell.value));
    // 2021.10 in a cell formatted 0.00 is October: what the cell shows, not the number (2021.1).
    const shown = shownNumber(cell);
    return /^\d{4}\.1$/.test(shown) ? undefined : parseDateText(shown);
  }
  return looseDate(cell.text);
}

const SERIAL_1990 = 32_874;
const SERIAL_2100 = 73_051;
/** An Excel serial day (1900 date system) as YYYY-MM-DD; a time of day (its fraction) is dropped. */
function serialDay(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const CN_YEAR_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * A date as people type it, to the month or day it states: 2021年9月, 2021-09, 2021.9, 2021/9/1,
 * 2021年09月, 21年9月, 21-9, 9/2021, 15/03/2022 (day first, when it can be nothing else), 二〇二一年九月, a serial
 * day typed as text (44440). undefined when it is none.
 */
export function looseDate(text: string): string | undefined {
  const timed = TIME_OF_DAY.exec(text.normalize('NFKC'));
  if (timed) return looseDate(timed[1]);
  const t = fold(text).replace(/\s+/g, '').replace(/号$/, '日');
  const eight = eightDigitDay(t);
  if (eight) return eight;
  const plain = parseDateText(t);
  if (plain) return plain;
  const cn = /^([〇零○一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?$/.exec(t);
  if (cn) {
    const year = [...cn[1]].map((c) => CN_YEAR_DIGITS[c]).join('');
    const month = cn[2] === undefined ? undefined : chineseNumber(cn[2]);
    const day = cn[3] === undefined ? undefined : chineseNumber(cn[3]);
    if ((cn[2] !== undefined && month === undefined) || (cn[3] !== undefined && day === undefined)) return undefined;
    return parseDateText(`${year}${month ? `-${month}` : ''}${day ? `-${day}` : ''}`);
  }
  // Two digits of the year: the program began in 2014, so 21 is 2021.
  const short = /^(\d{2})(?:年(\d{1,2})月(?:(\d{1,2})日)?|[-./](\d{1,2})(?:[-./](\d{1,2}))?)$/.exec(t);
  if (short) {
    const month = short[2] ?? short[4];
    const day = short[3] ?? short[5];
    return parseDateText(`20${short[1]}-${month}${day ? `-${day}` : ''}`);
  }
  // The month before the year, as Excel's m/yyyy shows it: 9/2021 (a four-digit year is no month or day).
  const monthYear = /^(\d{1,2})[-./](\d{4})$/.exec(t);
  if (monthYear) return parseDateText(`${monthYear[2]}-${monthYear[1]}`);
  const readings = yearLastReadings(t);
  if (readings?.length === 1) return readings[0];
  const serial = /^\d{5}(?:\.\d+)?$/.exec(t);
  if (serial && Number(t) >= SERIAL_1990 && Number(t) < SERIAL_2100 + 1) return serialDay(Number(t));
  return undefined;
}

/**
 * The days a date written year last can be (15/03/2022 is 15 March, day first; 3/15/2022 the same, month
 * first; 04/03/2022 is 4 March or 3 April): undefined when it is not written so.
 */
function yearLastReadings(t: string): string[] | undefined {
  const m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(t);
  if (!m) return undefined;
  const days = [parseDateText(`${m[3]}-${m[2]}-${m[1]}`), parseDateText(`${m[3]}-${m[1]}-${m[2]}`)];
  return [...new Set(days.filter((d): d is string => d?.length === 10))];
}

/** A date followed by a time of day, as systems write it: `2021-9-1 14:20`, `2021-09-01T00:00:00Z`, `2021年9月1日 8:05:00`. */
const TIME_OF_DAY = /^\s*(.*?\d日?)\s*(?:T|\s)\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/** Eight digits as a year, month and day (20210901, a finance system's 凭证日期) when they are one; never a serial day. */
function eightDigitDay(digits: string): string | undefined {
  const m = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(digits);
  return m ? parseDateText(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}

/** A number as its cell shows it: with the decimals its format has, or as General shows it. */
export function shownNumber(cell: Cell): string {
  const v = cell.value as number;
  const decimals = formatDecimals(cell.numFmt);
  return decimals === undefined || isPercentFormat(cell.numFmt) ? generalText(v) : v.toFixed(decimals);
}

/**
 * A payment's day (拨付日期): a date cell (a day, whatever its format shows), else what parseDate
 * reads, when it states a day. One that states only a month or a year is refused saying so, and so is
 * a day after today, as when it is typed: the ledger holds money already paid.
 */
export function readDay(reader: CellReader, cell: Cell | undefined, field: string, fallbackCell: string): string | undefined {
  const value = cell?.value;
  const seen = () => (typeof value === 'number' ? shownNumber(cell!) : (cell?.text ?? ''));
  const read = isBlank(cell) ? undefined : value instanceof Date ? dateCellDay(value) : parseDate(cell!);
  if (read?.length === 10) {
    const now = today();
    if (read <= now) return read;
    reader.problem(
      'not_a_date',
      cell,
      { field, value: value instanceof Date ? read : seen(), problem: 'after_today', today: now },
      fallbackCell,
    );
    return undefined;
  }
  const both = yearLastReadings(fold(seen()).replace(/\s+/g, ''));
  const partial: Record<string, string> =
    both?.length === 2
      ? { problem: 'day_month_order', first: both[0], second: both[1] }
      : read === undefined || value instanceof Date
        ? {}
        : { problem: read.length === 7 ? 'month_only' : 'year_only' };
  reader.problem('not_a_date', cell, { field, value: seen(), want: 'day', ...partial }, fallbackCell);
  return undefined;
}

/** A date cell's day, whatever its format shows; undefined for a date outside the calendar. */
function dateCellDay(value: Date): string | undefined {
  if (Number.isNaN(value.getTime())) return undefined;
  const day = value.toISOString().slice(0, 10);
  return parseDateText(day) === day ? day : undefined;
}
