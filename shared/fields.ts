// What a person types into a cell or a form field, parsed and checked the same way in the
// renderer (instant feedback) and in the store (the authority).
import { canonicalPercent, formatWan, parseAmount, parsePercent, type MoneyProblem } from './money';
import { CATEGORIES, fold, stripXmlUnsafe, type Category } from './text';
import { isCalendarDate } from './dates';
import type { FindingCode } from './findings';
import type { County } from './schema';

export type EditTable = 'items' | 'disbursements';
export const ITEM_FIELDS = ['seq', 'category', 'name', 'target', 'completion', 'completionRate'] as const;
export const DISBURSEMENT_FIELDS = ['seq', 'category', 'name', 'planned', 'actual', 'statedRate'] as const;
export const EDITABLE: Record<EditTable, readonly string[]> = { items: ITEM_FIELDS, disbursements: DISBURSEMENT_FIELDS };
export const COUNTY_FIELDS = [
  'name',
  'province',
  'prefecture',
  'batch',
  'year',
  'approvedOn',
  'acceptedOn',
  'investment.total',
  'investment.central',
  'investment.localGov',
  'investment.social',
  'centralArrangedUse',
  'statusNote',
] as const;
export type CountyField = (typeof COUNTY_FIELDS)[number];

/** A county field's value ("investment.total" reads county.investment.total). */
export function countyFieldValue(county: County, field: CountyField): string | number | null {
  return field.startsWith('investment.')
    ? county.investment[field.slice('investment.'.length) as keyof County['investment']]
    : (county[field as Exclude<CountyField, `investment.${string}`>] as string | number | null);
}

export type RawValue = string | number | null;
export type FieldValue = string | number | null;
export type FieldProblem = MoneyProblem | 'empty' | 'too_long' | 'too_precise_rate' | 'out_of_range';
export type Parsed = { ok: true; value: FieldValue } | { ok: false; code: FindingCode; problem?: FieldProblem };

/** What was typed or pasted, as text an xlsx can hold (stray control characters dropped, "\r\n" → "\n"). */
const text = (raw: RawValue): string => (raw === null ? '' : stripXmlUnsafe(String(raw)));

const CATEGORY_LABELS: Record<Category, [string, string]> = {
  service_center: ['电子商务公共服务中心', 'Public service centre'],
  training: ['人员培训', 'Training'],
  logistics: ['县乡村物流配送体系', 'Logistics'],
  upstream: ['农产品上行服务体系', 'Farm produce upstream'],
  promotion: ['宣传和规划', 'Promotion and planning'],
  township_commerce: ['乡镇商贸中心', 'Township commerce centre'],
  other: ['其他', 'Other'],
};
export const categoryLabel = (c: Category, lang: 'zh' | 'en') => CATEGORY_LABELS[c][lang === 'zh' ? 0 : 1];

/** A category by its code or its label in either language or script ("物流快遞"), or undefined. */
export function categoryOf(label: string): Category | undefined {
  const t = label.trim();
  if ((CATEGORIES as readonly string[]).includes(t)) return t as Category;
  const key = fold(t);
  return CATEGORIES.find((c) => CATEGORY_LABELS[c].some((l) => fold(l) === key));
}

function parseCategory(raw: RawValue): Parsed {
  const c = categoryOf(text(raw));
  return c ? { ok: true, value: c } : { ok: false, code: 'invalid_value' };
}

function parseSeq(raw: RawValue): Parsed {
  const t = text(raw).normalize('NFKC').trim();
  return /^\d{1,6}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, code: 'not_a_number' };
}

/** An amount; blank is "not entered" (null). */
function parseMoneyField(raw: RawValue): Parsed {
  if (raw === null || text(raw).trim() === '') return { ok: true, value: null };
  const p = parseAmount(typeof raw === 'number' ? raw : text(raw));
  if (p.ok) return { ok: true, value: formatWan(p.value) };
  return { ok: false, code: p.problem === 'negative_amount' ? 'negative_amount' : 'not_a_number', problem: p.problem };
}

function parsePercentField(raw: RawValue, canonical: boolean): Parsed {
  if (raw === null || /^[\s—\-–/]*$/.test(text(raw))) return { ok: true, value: null };
  const p = parsePercent(text(raw));
  if (!p.ok) return { ok: false, code: 'not_a_number' };
  return { ok: true, value: canonical ? canonicalPercent(p.value) : p.value };
}

/**
 * A cell of the items or disbursements grid: what was typed, as the field's value. Whether the
 * value is one the record may hold (lengths, precision, dates) is the record schema's to say
 * (shared/schema.ts); the store checks every value against it before keeping it.
 */
export function parseCell(table: EditTable, field: string, raw: RawValue): Parsed {
  switch (field) {
    case 'seq':
      return parseSeq(raw);
    case 'category':
      return parseCategory(raw);
    case 'name':
      return text(raw).trim() ? { ok: true, value: text(raw).trim() } : { ok: false, code: 'missing_name' };
    case 'target':
    case 'completion':
      // Spaces around a text are not part of it (a workbook cell reads the same way).
      return { ok: true, value: text(raw).trim() };
    case 'completionRate':
      return table === 'items' ? parsePercentField(raw, true) : { ok: false, code: 'invalid_value' };
    case 'planned':
    case 'actual':
      return table === 'disbursements' ? parseMoneyField(raw) : { ok: false, code: 'invalid_value' };
    case 'statedRate':
      return table === 'disbursements' ? parsePercentField(raw, false) : { ok: false, code: 'invalid_value' };
    default:
      return { ok: false, code: 'invalid_value' };
  }
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 八 → 8, 十二 → 12, 二十 → 20, "第8批" → 8. */
export function parseBatch(value: string): number | undefined {
  const t = fold(value)
    .replace(/^第/, '')
    .replace(/批(次)?$/, '');
  if (/^\d{1,2}$/.test(t)) return Number(t) || undefined;
  const m = /^([一二三四五六七八九两]?)(十?)([一二三四五六七八九]?)$/.exec(t);
  if (!m || t === '') return undefined;
  if (!m[2]) return m[1] ? CN_DIGITS[m[1]] : undefined;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/** "2021年9月", "2021-09", "2021.9", "2021/9/15" → "2021-09" / "2021-09-15"; undefined if not a date. */
export function parseDateText(value: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const t = fold(value);
  const m = /^(\d{4})(?:[年\-./](\d{1,2})(?:[月\-./](\d{1,2})日?|月)?)?年?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  if (!isCalendarDate(y, mo, d)) return undefined;
  return `${y}${mo ? `-${pad(mo)}` : ''}${d ? `-${pad(d)}` : ''}`;
}

/** A field of the 基本情况 form. */
export function parseCountyField(field: CountyField, raw: RawValue): Parsed {
  const t = text(raw).trim();
  switch (field) {
    case 'name':
      return t ? { ok: true, value: t } : { ok: false, code: 'missing_fact' };
    case 'province':
    case 'prefecture':
      return { ok: true, value: t || null };
    case 'batch': {
      const b = typeof raw === 'number' ? raw : parseBatch(t);
      if (b !== undefined && Number.isInteger(b) && b >= 1 && b <= 99) return { ok: true, value: b };
      // A whole number outside 1–99 is a number: say what is wrong with it.
      return Number.isInteger(raw) || /^\d+$/.test(t.normalize('NFKC'))
        ? { ok: false, code: 'not_a_number', problem: 'out_of_range' }
        : { ok: false, code: 'not_a_number' };
    }
    case 'year': {
      const y = Number(t.normalize('NFKC').replace(/年度?$/, ''));
      if (!/^\d{4}/.test(t.normalize('NFKC')) || !Number.isInteger(y)) return { ok: false, code: 'not_a_number' };
      return y >= 1990 && y <= 2100 ? { ok: true, value: y } : { ok: false, code: 'not_a_number', problem: 'out_of_range' };
    }
    case 'approvedOn':
    case 'acceptedOn': {
      if (!t) return { ok: true, value: null };
      const d = parseDateText(t);
      return d ? { ok: true, value: d } : { ok: false, code: 'not_a_date' };
    }
    case 'statusNote':
      return { ok: true, value: t };
    default:
      // A basic fact cleared is not given (the record is incomplete), never a zero.
      return parseMoneyField(raw);
  }
}
