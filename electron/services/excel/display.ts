// What a clerk saw in a cell: its value with its number format applied, as Excel or WPS shows it
// (3000000 under "#,##0" shows 3,000,000; 6402100 under 0\.0000 shows 640.2100; 0.826 under 0.0%
// shows 82.6%). The import's preview puts this beside the value read, so a unit or a scale taken
// wrong is seen at a glance. Covers the formats counties use; anything else shows the General text.
import { perFormat } from './cells';
import { generalText } from './values';

/** A format's sections (positive; negative; zero; text), split at the semicolons outside quotes. */
function sections(numFmt: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < numFmt.length) {
      cur += ch + numFmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Groups of three with commas: 3000000 → 3,000,000. */
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An exact decimal rounding half away from zero to `d` places, of a non-negative number's text. */
function fixed(v: number, d: number): string {
  // Number#toFixed rounds the binary value (1.005 → 1.00); Excel shows 1.01. Round on the shortest text.
  const [int, frac = ''] = String(v).includes('e') ? v.toFixed(20).replace(/0+$/, '').split('.') : String(v).split('.');
  if (frac.length <= d) return d ? `${int}.${frac.padEnd(d, '0')}` : int;
  const kept = BigInt(int + frac.slice(0, d)) + (Number(frac[d]) >= 5 ? 1n : 0n);
  const s = kept.toString().padStart(d + 1, '0');
  return d ? `${s.slice(0, -d)}.${s.slice(-d)}` : s;
}

type Token = { lit?: string; code?: string };

/** A section of a format read once: its tokens and where the digits go, the same for every number it shows. */
type Section = {
  tokens: Token[];
  /** Whether it has digit placeholders (0 # ?); without any, its tokens are the text. */
  digits: boolean;
  percent: number;
  /** Commas right after the last digit placeholder divide by 1,000 each. */
  scaleDown: number;
  fracPlaces: number;
  /** The tokens that are integer placeholders, in order. */
  intPlaces: number[];
  minInt: number;
  grouped: boolean;
};

function readSection(fmt: string): Section {
  // Literal text, escaped characters and placeholders, in order; colours and conditions dropped.
  const tokens: Token[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      tokens.push({ lit: fmt.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? fmt.length : end;
    } else if (ch === '\\' || ch === '!') tokens.push({ lit: fmt[++i] ?? '' });
    else if (ch === '[') i = Math.max(i, fmt.indexOf(']', i));
    else if (ch === '_' || ch === '*') {
      i++;
      if (ch === '_') tokens.push({ lit: ' ' });
    } else tokens.push({ code: ch });
  }
  const codes = tokens.map((t) => t.code ?? '').join('');
  const trailing = /[0#?](,+)(?![0#?])/.exec(codes.replace(/[^0#?.,]/g, (c) => (c === '%' ? '' : ' ')));
  // The placeholders, in order: those before the first '.' are the integer part, after it the fraction.
  // A literal '.' (\. or ".") between placeholders splits the digits as the clerk saw them.
  const placeholderAt: number[] = [];
  tokens.forEach((t, i) => t.code && /[0#?]/.test(t.code) && placeholderAt.push(i));
  const pointAt = tokens.findIndex((t, i) => t.code === '.' && i > placeholderAt[0]);
  const intPlaces = placeholderAt.filter((i) => pointAt < 0 || i < pointAt);
  return {
    tokens,
    digits: /[0#?]/.test(codes),
    percent: (codes.match(/%/g) ?? []).length,
    scaleDown: trailing ? trailing[1].length : 0,
    fracPlaces: pointAt < 0 ? 0 : placeholderAt.filter((i) => i > pointAt).length,
    intPlaces,
    minInt: intPlaces.filter((i) => tokens[i].code === '0').length,
    grouped: /[0#?],[0#?]/.test(codes),
  };
}

const formatSections = perFormat((numFmt: string): Section[] => sections(numFmt).map(readSection));

/** The text a number shows under a number format; General (or none) as General shows it. */
export function formatNumber(v: number, numFmt: string | undefined): string {
  if (!numFmt || /^general$/i.test(numFmt) || numFmt === '@') return generalText(v);
  const parts = formatSections(numFmt);
  const negativeSection = v < 0 && parts.length > 1;
  const s = negativeSection ? parts[1] : v === 0 && parts.length > 2 ? parts[2] : parts[0];
  const tokens = s.tokens;
  if (!s.digits) return tokens.map((t) => t.lit ?? (t.code === '@' ? generalText(v) : t.code)).join('');
  let x = Math.abs(v) * 100 ** s.percent;
  for (let k = 0; k < s.scaleDown; k++) x /= 1000;
  const text = fixed(x, s.fracPlaces);
  let [intDigits, fracDigits = ''] = text.split('.');
  if (intDigits === '0' && s.minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(s.minInt, '0');
  // Digits fill the integer placeholders from the right; the first placeholder takes what is left.
  const intPlaces = s.intPlaces;
  const intOut = new Map<number, string>();
  let rest = intDigits;
  for (let k = intPlaces.length - 1; k >= 0; k--) {
    if (k === 0) intOut.set(intPlaces[k], rest);
    else {
      intOut.set(intPlaces[k], rest.slice(-1));
      rest = rest.slice(0, -1);
    }
  }
  let fracIndex = 0;
  let out = '';
  // Where the integer digits stand in the text: only they are grouped, up to a literal (\. : digits after it are no integer).
  let intFrom = -1;
  let intTo = -1;
  let closed = false;
  tokens.forEach((t, i) => {
    if (t.lit !== undefined) {
      closed = intFrom >= 0;
      out += t.lit;
    } else if (intOut.has(i)) {
      if (intFrom < 0) intFrom = out.length;
      out += intOut.get(i)!;
      if (!closed) intTo = out.length;
    } else if (t.code && /[0#?]/.test(t.code)) out += fracDigits[fracIndex++] ?? '';
    else if (t.code === '.') out += '.';
    else if (t.code === ',' || t.code === ' ') out += '';
    else if (t.code) out += t.code;
  });
  if (s.grouped && intFrom >= 0) out = out.slice(0, intFrom) + group(out.slice(intFrom, intTo)) + out.slice(intTo);
  return v < 0 && !negativeSection ? `-${out}` : out;
}
