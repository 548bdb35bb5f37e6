// Exact money and rates. Amounts are integers of 分 (fen) held as bigint; 1 万元 = 1,000,000 分,
// so a 万元 decimal string has at most 6 fraction digits. No binary float ever touches an amount.
import { dropInvisible } from './text';

export const FEN_PER_WAN = 1_000_000n;
const FEN_DIGITS = 6;
/**
 * Largest amount a person may enter: 999,999,999.999999 万元 (below 2^53 分, so SQLite INTEGER
 * round-trips). Only single amounts are capped: sums of them are exact bigints of any size.
 */
export const MAX_FEN = 10n ** 15n - 1n;

export type MoneyProblem = 'not_a_number' | 'negative_amount' | 'too_precise' | 'too_large' | 'currency_sign';
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: MoneyProblem };

/**
 * Normalises what a person or a spreadsheet typed: full-width digits, characters that take no room (a zero-width
 * space pasted from a web page), thousands separators (commas,
 * or spaces between groups of three), a 万元 unit. A space inside a number that is no thousands
 * separator ("12 34") is kept, so the text is no number: two figures are never joined into one.
 * A currency sign is not dropped here: what ¥ means depends on the unit (parseAmount).
 */
export function normaliseNumberText(text: string): string {
  return dropInvisible(text.normalize('NFKC'))
    .replace(/(?<=\d)\s(?=\d{3}(\D|$))/g, '')
    .replace(/(?<!\d)\s+|\s+(?!\d)/g, '')
    .replace(/(万元|萬元)$/, '')
    .replace(/(?<=\d),(?=\d{3}(\D|$))/g, '')
    .replace(/^−/, '-');
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** The 分 of a 万元 amount's integer digits and (at most 6) fraction digits: one bigint read of the digits side by side. */
const fenOfDigits = (int: string, frac: string): bigint => BigInt(int + frac.padEnd(FEN_DIGITS, '0'));

/** A decimal string split into sign, integer digits and fraction digits; null if it is not one. */
function splitDecimal(text: string): { negative: boolean; int: string; frac: string } | null {
  const m = DECIMAL.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!m) return null;
  return { negative: m[1] === '-', int: m[2] || '0', frac: m[3] ?? '' };
}

/**
 * Parses an amount in 万元 from text ("1,500.00", "６４０.２１", "29.41万元") or a spreadsheet number.
 * A single amount is capped at MAX_FEN; a sum (a stated 合计) is not (`sum: true`).
 */
export function parseMoney(input: string | number, options: { sum?: boolean } = {}): Parsed<bigint> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: 'not_a_number' };
    if (input < 0) return { ok: false, problem: 'negative_amount' };
    if (input >= 1e15 && !options.sum) return { ok: false, problem: 'too_large' };
    // Whole amounts (most of them) need no rounding.
    if (Number.isSafeInteger(input))
      return options.sum || BigInt(input) * FEN_PER_WAN <= MAX_FEN
        ? { ok: true, value: BigInt(input) * FEN_PER_WAN }
        : { ok: false, problem: 'too_large' };
    // A spreadsheet number is a double: round its exact value to the nearest 分.
    return parseMoney(input.toFixed(FEN_DIGITS), options);
  }
  // Most amounts are plain decimals already; only the rest need normalising.
  const d = splitDecimal(PLAIN_DECIMAL.test(input) ? input : normaliseNumberText(input));
  if (!d) return { ok: false, problem: 'not_a_number' };
  const frac = d.frac.replace(/0+$/, '');
  if (frac.length > FEN_DIGITS) return { ok: false, problem: 'too_precise' };
  const fen = fenOfDigits(d.int, frac);
  if (d.negative && fen !== 0n) return { ok: false, problem: 'negative_amount' };
  if (fen > MAX_FEN && !options.sum) return { ok: false, problem: 'too_large' };
  return { ok: true, value: fen };
}

/**
 * The 分 of a 万元 decimal string that Yanshou itself wrote (a stored amount, a sum): exact, with
 * no cap, so a total past the largest single amount is still read. Null if it is not one.
 */
export function fenOfDecimal(money: string): bigint | null {
  const d = splitDecimal(money);
  if (!d || d.negative || d.frac.length > FEN_DIGITS) return null;
  return fenOfDigits(d.int, d.frac);
}

/** Canonical 万元 string: no trailing zeros ("1500", "640.21", "285.4"). */
export function formatWan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  // The digits of the 分, split six from the right: one bigint written out, no division.
  const digits = abs.toString().padStart(FEN_DIGITS + 1, '0');
  const int = digits.slice(0, -FEN_DIGITS);
  const frac = digits.slice(-FEN_DIGITS).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

/**
 * The one rule for showing an amount, everywhere (grid, sentences, print, PDF, export): 万元 with
 * two decimals ("1235.96", "100.00", "1348.80"); an amount finer than that keeps all its digits
 * ("430.495"), never rounded in one place and not in another, and `finer` says so, to be marked.
 */
export function moneyDisplay(fen: bigint): { text: string; finer: boolean } {
  const [int, frac = ''] = formatWan(fen).split('.');
  return { text: `${int}.${frac.padEnd(2, '0')}`, finer: frac.length > 2 };
}

/** An amount as tables and sentences show it (moneyDisplay's text). */
export const formatWanTable = (fen: bigint): string => moneyDisplay(fen).text;

/** moneyDisplay of a stored 万元 decimal string ("1348.8" → 1348.80). */
export function displayDecimal(money: string): { text: string; finer: boolean } {
  const value = fenOfDecimal(money);
  if (value === null) throw new Error(`not a money string: ${money}`);
  return moneyDisplay(value);
}

/** The mark beside an amount shown with more than two decimals, and what it means. */
export const FINER_MARK = '*';

export function sumFen(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** actual / planned × 100, rounded half up to `decimals` places, as an integer scaled by 10^decimals. */
export function scaledPercent(actual: bigint, planned: bigint, decimals: number): bigint | null {
  if (planned === 0n) return null;
  const numerator = actual * 100n * 10n ** BigInt(decimals);
  // Half up for non-negative operands: floor((2n + d) / 2d).
  return (2n * numerator + planned) / (2n * planned);
}

/** Writes an integer scaled by 10^decimals as a decimal string with exactly `decimals` places. */
export function formatScaled(value: bigint, decimals: number): string {
  if (decimals === 0) return value.toString();
  const s = value.toString().padStart(decimals + 1, '0');
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** The disbursement rate: "82.61"; null when nothing was planned. */
export function rate(actual: bigint, planned: bigint): string | null {
  const scaled = scaledPercent(actual, planned, 2);
  return scaled === null ? null : formatScaled(scaled, 2);
}

/** A rate for display: "82.61" or "—" when there is none. */
export function showRate(value: string | null | undefined): string {
  return value ?? '—';
}

/** Decimal text with the point moved `places` to the right ("0.826", 2 → "82.6"; "90", -2 → "0.9"). */
export function shiftDecimal(text: string, places: number): string {
  const d = splitDecimal(text);
  if (!d) return text;
  let int = d.int;
  let frac = d.frac;
  if (places >= 0) {
    frac = frac.padEnd(places, '0');
    int += frac.slice(0, places);
    frac = frac.slice(places);
  } else {
    int = int.padStart(-places + 1, '0');
    frac = int.slice(places) + frac;
    int = int.slice(0, places);
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return `${d.negative ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

/** Where an amount was written: 亿元, 万元 or 元. Every amount is held in 万元. */
export type AmountUnit = 'yi' | 'wan' | 'qian' | 'yuan';
/** Places the decimal point moves to turn an amount in this unit into 万元. */
const TO_WAN_PLACES: Record<AmountUnit, number> = { yi: 4, wan: 0, qian: -1, yuan: -4 };
const UNIT_WORDS: [string, AmountUnit][] = [
  ['亿元', 'yi'],
  ['億元', 'yi'],
  ['万元', 'wan'],
  ['萬元', 'wan'],
  ['千元', 'qian'],
  ['元', 'yuan'],
  ['亿', 'yi'],
  ['億', 'yi'],
  ['万', 'wan'],
  ['萬', 'wan'],
];

/**
 * Whether a rounded figure (a roll-up's, in `unit`, shown with `shownDecimals`) states `exact` (分): they differ by less
 * than half its last place. A figure is taken to state its unit to two decimals at least (a 万元 roll-up to 百元):
 * 850 万元 states 849.999999 万元; in 元 that is 1 分, so a 元 figure must match exactly.
 */
export function statesRounded(figure: bigint, exact: bigint, unit: AmountUnit, shownDecimals: number): boolean {
  const places = 6 + TO_WAN_PLACES[unit] - Math.max(shownDecimals, 2);
  if (places <= 0) return figure === exact;
  const diff = figure > exact ? figure - exact : exact - figure;
  return diff * 2n < 10n ** BigInt(places);
}

/** The unit a text ends with ("29.41万元", "6402100元"), and the text without it. */
export function splitUnit(text: string): { text: string; unit?: AmountUnit } {
  const t = text.trim();
  for (const [word, unit] of UNIT_WORDS) if (t.endsWith(word)) return { text: t.slice(0, -word.length), unit };
  return { text: t };
}

/**
 * An amount written in `unit` (or in the unit its text names), exactly in 分: 元 moves the
 * decimal point four places (1 元 = 100 分), never through a float. A spreadsheet number is
 * rounded to the nearest 分 of the unit it is written in, as parseMoney does for 万元.
 */
export function parseAmount(
  input: string | number,
  unit: AmountUnit = 'wan',
  options: { sum?: boolean } = {},
): Parsed<bigint> & { unit: AmountUnit } {
  if (typeof input === 'number') {
    if (unit === 'wan' || !Number.isFinite(input)) return { ...parseMoney(input, options), unit };
    if (input < 0) return { ok: false, problem: 'negative_amount', unit };
    if (input >= 1e19 && !options.sum) return { ok: false, problem: 'too_large', unit };
    // Digits down to 1 分 in this unit (元: 2, 千元: 5, 亿元: 10), then the decimal point moved.
    return { ...parseMoney(shiftDecimal(input.toFixed(6 + TO_WAN_PLACES[unit]), TO_WAN_PLACES[unit]), options), unit };
  }
  const split = splitUnit(input.normalize('NFKC'));
  const written = split.unit ?? unit;
  // ¥ marks 元: read where the text or its column says its unit; in a 万元 column "¥100" could be
  // either, so it is refused, never read 10,000 times too large.
  const sign = /^\s*¥/.test(split.text);
  if (sign && !split.unit && unit !== 'yuan') return { ok: false, problem: 'currency_sign', unit };
  const text = sign ? split.text.replace(/^\s*¥/, '') : split.text;
  if (written === 'wan') return { ...parseMoney(text, options), unit: written };
  const plain = normaliseNumberText(text);
  if (!splitDecimal(plain)) return { ok: false, problem: 'not_a_number', unit: written };
  return { ...parseMoney(shiftDecimal(plain, TO_WAN_PLACES[written]), options), unit: written };
}

/**
 * A spreadsheet number finer than 1 分 in the unit it is written in, as written ("500000.005" 元),
 * or null when it is a whole 分. A cell holds a binary double: its digits past Excel's 15
 * significant ones (1234.5600000000001 from a formula) are no figure anyone wrote, so they are not
 * counted. parseAmount rounds such a number to the nearest 分; the import tells it (a doubt).
 */
export function subFenFigure(input: number, unit: AmountUnit = 'wan'): string | null {
  if (!Number.isFinite(input) || Number.isInteger(input)) return null;
  const shortest = String(Number(input.toPrecision(15)));
  const written = /e/i.test(shortest) ? canonicalPercent(Number(shortest).toFixed(20)) : shortest;
  return decimalsOf(written) > FEN_DIGITS + TO_WAN_PLACES[unit] ? written : null;
}

/** Rounds a decimal string half up (away from zero) to at most `decimals` places. */
export function roundDecimal(text: string, decimals: number): string {
  const d = splitDecimal(text);
  if (!d || d.frac.length <= decimals) return text;
  const scaled = BigInt(d.int + d.frac.slice(0, decimals)) + (d.frac.charCodeAt(decimals) >= 53 /* '5' */ ? 1n : 0n);
  const out = formatScaled(scaled, decimals);
  return d.negative && scaled !== 0n ? `-${out}` : out;
}

export type PercentProblem = 'not_a_number';

/**
 * A percent as a person wrote it ("82.6%", "90", "９０％"; digits kept: "91.40") or as a
 * spreadsheet stored it (a fraction in a percent-formatted cell). A stored number keeps at most
 * the digits the cell shows: the fewer of its value's shortest decimal form and its format's
 * decimals (`shown`). "82.6%" typed into LibreOffice is 0.826 shown as 82.60%: written to one
 * decimal. "66.67%" is stored 0.6667000000000001 and shown 66.67%: the float tail is not data.
 * A number holds no trailing zero, so none is kept.
 */
export function parsePercent(input: string | number, asFraction = false, shown?: number): Parsed<string> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: 'not_a_number' };
    text = String(input);
    if (/e/i.test(text)) text = input.toFixed(20).replace(/\.?0+$/, '');
    if (asFraction) text = shiftDecimal(text, 2);
    if (shown !== undefined && decimalsOf(text) > shown) text = canonicalPercent(roundDecimal(text, shown));
  } else {
    text = dropInvisible(input.normalize('NFKC')).replace(/\s+/g, '').replace(/%$/, '');
  }
  const d = splitDecimal(text);
  if (!d || d.int.length > 6) return { ok: false, problem: 'not_a_number' };
  return { ok: true, value: `${d.negative ? '-' : ''}${d.int.replace(/^0+(?=\d)/, '')}${d.frac ? '.' + d.frac : ''}` };
}

/** Canonical form of a percent a person entered: trailing zeros dropped ("90.0" → "90"). */
export function canonicalPercent(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Number of fraction digits a decimal string was written with. */
export function decimalsOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/**
 * Whether a stated rate agrees with actual/planned at the precision it was written with:
 * "82.6" agrees with 82.6077…, "82.4" with 82.397….
 */
export function statedRateAgrees(stated: string, actual: bigint, planned: bigint): boolean {
  const d = splitDecimal(stated);
  if (!d) return false;
  const decimals = d.frac.length;
  const computed = scaledPercent(actual, planned, decimals);
  if (computed === null) return false;
  const statedScaled = BigInt(d.int + d.frac) * (d.negative ? -1n : 1n);
  return statedScaled === computed;
}

/** Compares two percent strings numerically (for completion_out_of_range). */
export function percentOutside(text: string, low: number, high: number): boolean {
  const d = splitDecimal(text);
  if (!d) return false;
  const scale = 10n ** BigInt(d.frac.length);
  const value = BigInt(d.int + d.frac) * (d.negative ? -1n : 1n);
  return value < BigInt(low) * scale || value > BigInt(high) * scale;
}

/** Compares two decimal strings exactly (-1, 0, 1): "79.995" < "80"; null if either is not a decimal. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 | null {
  const x = splitDecimal(a);
  const y = splitDecimal(b);
  if (!x || !y) return null;
  const digits = Math.max(x.frac.length, y.frac.length);
  const value = (d: NonNullable<typeof x>) => BigInt(d.int + d.frac.padEnd(digits, '0')) * (d.negative ? -1n : 1n);
  const [u, v] = [value(x), value(y)];
  return u < v ? -1 : u > v ? 1 : 0;
}
