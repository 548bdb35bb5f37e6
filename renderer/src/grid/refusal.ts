// A value refused at a cell, in words that say where and why: "第 2 行 计划安排额度:“2O0”不是数字".
import { performanceFieldLabel } from '../../../shared/performance-fields';
import { categoryLabel, type EditTable, type Parsed, type RawValue } from '../../../shared/fields';
import { CATEGORIES } from '../../../shared/text';
import { fieldLabel, findingMessage, type Lang } from '../../../shared/i18n';
import { PAYMENT_FIELDS, type PaymentField } from '../../../shared/ledger';

/** "第 2 行 计划安排额度(万元)"; in the ledger "拨付台账第 2 笔 金额(万元)". */
export function cellPlace(row: number, field: string, lang: Lang, table?: EditTable | 'payments' | 'indicators'): string {
  if (table === 'indicators')
    return lang === 'zh'
      ? `绩效指标第 ${row + 1} 行 ${performanceFieldLabel(field, lang)}`
      : `Indicator row ${row + 1}, ${performanceFieldLabel(field, lang)}`;
  if (table === 'payments') {
    const label = fieldLabel(PAYMENT_FIELDS.includes(field as PaymentField) ? `payment.${field}` : field, lang);
    return lang === 'zh' ? `拨付台账第 ${row + 1} 笔 ${label}` : `Ledger payment ${row + 1}, ${label}`;
  }
  return lang === 'zh' ? `第 ${row + 1} 行 ${fieldLabel(field, lang)}` : `Row ${row + 1}, ${fieldLabel(field, lang)}`;
}

/** `row` is 0-based (as the grid counts); people read it 1-based. */
export function refusalText(
  _table: EditTable,
  row: number,
  field: string,
  raw: RawValue,
  parsed: Extract<Parsed, { ok: false }>,
  lang: Lang,
): string {
  const value = raw === null ? '' : String(raw);
  if (parsed.code === 'invalid_value') {
    const choices = field === 'category' ? CATEGORIES.map((c) => categoryLabel(c, lang)).join(lang === 'zh' ? '、' : ', ') : '';
    const text =
      lang === 'zh'
        ? `“${value}”不是可选的值${choices ? `(可选:${choices})` : ''}`
        : `“${value}” is not one of the choices${choices ? ` (${choices})` : ''}`;
    return `${cellPlace(row, field, lang)}: ${text}`;
  }
  const why = findingMessage(
    {
      severity: 'error',
      code: parsed.code,
      params: { field, value, seq: String(row + 1), ...(parsed.problem ? { problem: parsed.problem } : {}) },
    },
    lang,
  );
  return `${cellPlace(row, field, lang)}: ${why}`;
}
