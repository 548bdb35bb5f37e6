// The disbursement ledger: the payments (拨付) under each line of table 三, paid in tranches to the
// contractor enterprises (承办企业), and the figures as of a date. A line with payments has
// 实际拨付额度 = Σ its payments dated on or before the as-of date; a line without keeps its typed
// amount, so records without a ledger are exactly as before.
import { isDateText } from './dates';
import { fenOfDecimal } from './money';

/** A payment of a disbursement line (`line` is the line's 序号). Money in 万元, a decimal string. */
export type Payment = { line: number; date: string; amount: string; payee: string; voucher: string; stage: string; note: string };

/** The fields of a payment, as the ledger grid and the API name them. */
export const PAYMENT_FIELDS = ['line', 'date', 'amount', 'payee', 'voucher', 'stage', 'note'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** The usual stages of a payment; free text is allowed too. */
export const STAGES = ['签订协议', '进度款', '验收后'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD (local time: the officer's day). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** How far the earth's time zones lie from UTC, in hours: UTC−12 in the west, UTC+14 in the east (Kiribati). */
const ZONE_WEST_H = 12;
const ZONE_EAST_H = 14;

/**
 * The calendar days some place on earth is on at `now`, from UTC−12's to UTC+14's: a person's day (their page's,
 * in whatever time zone) is one of them, and a day outside is a wrong clock. Two days at most, by the time of day.
 */
export function daysOnEarth(now = new Date()): { first: string; last: string } {
  const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { first: utcDay(now.getTime() - ZONE_WEST_H * 3_600_000), last: utcDay(now.getTime() + ZONE_EAST_H * 3_600_000) };
}

/** The last day a record date names: "2022-06" → 2022-06-30, "2022" → 2022-12-31, a full date itself. */
export function lastDayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return date;
  if (m) return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  return `${y}-12-31`;
}

/** The as-of date a record's figures default to: its 验收日期 (its last day), else today (`day`: the person's). */
export function defaultAsOf(acceptedOn: string | null, day = today()): string {
  return acceptedOn ? lastDayOf(acceptedOn) : day;
}

/** Whether a text is a calendar day, YYYY-MM-DD (a payment has a day). */
export const isDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && isDateText(text);

/** Σ of each line's payments dated on or before `asOf`, in 分, by line (one pass: a ledger of thousands
 * of payments over thousands of lines is recomputed as the officer types). */
export function paidAsOf(payments: readonly Payment[], asOf: string): Map<number, bigint> {
  const paid = new Map<number, bigint>();
  for (const p of payments) if (p.date <= asOf) paid.set(p.line, (paid.get(p.line) ?? 0n) + (fenOfDecimal(p.amount) ?? 0n));
  return paid;
}

/** "2022-06-30" → "2022年6月30日". */
export function chineseDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Why the 实际拨付额度 of a line with payments is not typed: it is their sum as of the day. */
export function ledgerLineText(payments: number, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `由拨付台账计算(${payments} 笔拨付),不能直接填写;请在拨付台账中录入、修改拨付`
    : `is the sum of the ledger's ${payments} payments and cannot be typed; enter or change the payments in the ledger`;
}
