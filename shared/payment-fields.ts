// A payment's field as a person typed or pasted it (the ledger grid, `yanshou ledger add`): parsed
// and checked the same way in the renderer (at the cell, at once) and in the store (the authority),
// and refused in the same words, naming the payment and the field.
import { formatWan, parseAmount, type MoneyProblem } from './money';
import { parseDateText, type RawValue } from './fields';
import { isDay, type PaymentField } from './ledger';
import { checkField } from './field-schemas';
import { afterTodayWords, fieldLabel, problemText, type Lang } from './i18n';
import { stripXmlUnsafe } from './text';

/** What a payment needs before it can be kept: which line, which day, how much. */
export const REQUIRED_PAYMENT_FIELDS = ['line', 'date', 'amount'] as const satisfies readonly PaymentField[];
export const isRequiredPaymentField = (field: string): boolean => (REQUIRED_PAYMENT_FIELDS as readonly string[]).includes(field);

export type PaymentProblem =
  'missing' | 'no_line' | 'not_a_day' | 'after_today' | 'not_positive' | 'too_long' | Exclude<MoneyProblem, 'negative_amount'>;
export type ParsedPaymentField = { ok: true; value: string | number } | { ok: false; problem: PaymentProblem };

/**
 * One field of a payment, as typed, to its value: `line` is a 序号 of table 三 (one of `lines`),
 * `date` a calendar day (2021-12-01, 2021年12月1日, 2021/12/1) — not after `today` (the person's day) when given:
 * the ledger holds money paid, and a later day is a typo (2027 for 2026) that would hide its line's 实际拨付额度 —,
 * `amount` 万元 above 0, exact to 1 分; the texts at most as long as the record schema allows.
 */
export function parsePaymentField(field: PaymentField, raw: RawValue, lines: readonly number[], today?: string): ParsedPaymentField {
  const text = raw === null ? '' : stripXmlUnsafe(String(raw)).trim();
  if (text === '' && isRequiredPaymentField(field)) return { ok: false, problem: 'missing' };
  switch (field) {
    case 'line': {
      const digits = text.normalize('NFKC');
      const seq = /^\d{1,7}$/.test(digits) ? Number(digits) : NaN;
      return lines.includes(seq) ? { ok: true, value: seq } : { ok: false, problem: 'no_line' };
    }
    case 'date': {
      const day = parseDateText(text);
      if (!day || !isDay(day)) return { ok: false, problem: 'not_a_day' };
      return today && day > today ? { ok: false, problem: 'after_today' } : { ok: true, value: day };
    }
    case 'amount': {
      const parsed = parseAmount(typeof raw === 'number' ? raw : text);
      if (!parsed.ok) return { ok: false, problem: parsed.problem === 'negative_amount' ? 'not_positive' : parsed.problem };
      return parsed.value > 0n ? { ok: true, value: formatWan(parsed.value) } : { ok: false, problem: 'not_positive' };
    }
    default:
      return checkField('payments', field, text).ok ? { ok: true, value: text } : { ok: false, problem: 'too_long' };
  }
}

/** The 序号 of table 三 as a person reads them: "1、2、3" (or "1–40" when there are many). */
function lineList(lines: readonly number[], lang: Lang): string {
  const sorted = [...lines].sort((a, b) => a - b);
  if (sorted.length === 0) return lang === 'zh' ? '表三还没有行' : 'table 3 has no lines yet';
  const list = sorted.length <= 12 ? sorted.join(lang === 'zh' ? '、' : ', ') : `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return lang === 'zh' ? `表三的序号:${list}` : `the No. of table 3: ${list}`;
}

function why(problem: PaymentProblem, lines: readonly number[], lang: Lang, today = ''): string {
  const zh = lang === 'zh';
  switch (problem) {
    case 'missing':
      return zh ? '未填(每笔拨付都要有序号、拨付日期和金额)' : 'is not given (every payment needs a line No., a date and an amount)';
    case 'no_line':
      return zh
        ? `在表三中没有这一行(填表三的序号;${lineList(lines, lang)})`
        : `is no line of table 3 (give its No.; ${lineList(lines, lang)})`;
    case 'not_a_day':
      return zh ? '不是具体到日的日期(如 2021-12-01 或 2021年12月1日)' : 'is not a day (write 2021-12-01)';
    case 'after_today':
      return afterTodayWords(today, lang);
    case 'not_positive':
      return zh ? '应为大于 0 的金额(万元)' : 'must be an amount above 0 (10k yuan)';
    case 'too_long':
      return zh ? '太长(最多 100 字,备注最多 100000 字)' : 'is too long (at most 100 characters; a note 100,000)';
    default:
      return problemText(problem, lang);
  }
}

/** "拨付台账第 3 笔 金额(万元)“abc”不是数字" — `row` counts from 1, as the ledger lists payments; `today` the day a date was checked against. */
export function paymentRefusal(
  row: number,
  field: PaymentField,
  raw: RawValue,
  problem: PaymentProblem,
  lines: readonly number[],
  lang: Lang,
  today?: string,
): string {
  const label = fieldLabel(`payment.${field}`, lang);
  const chars = [...(raw === null ? '' : String(raw))];
  const shown = chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : chars.join('');
  return lang === 'zh'
    ? `拨付台账第 ${row} 笔 ${label}“${shown}”${why(problem, lines, lang, today)}`
    : `Ledger payment ${row}, ${label} “${shown}” ${why(problem, lines, lang, today)}`;
}
