// What the ledger grid shows: the record's payments by line and day, each with its line's running
// total and rate, the lines told apart (a line's first payment opens its group), the payments after
// the as-of day greyed; then the new payments not complete yet. And how a cell of it is read.
import { formatWan, rate } from '../../../shared/money';
import { fen, type CountyRecord } from '../../../shared/record';
import { PAYMENT_FIELDS, today, type Payment, type PaymentField } from '../../../shared/ledger';
import { parsePaymentField, paymentRefusal, REQUIRED_PAYMENT_FIELDS } from '../../../shared/payment-fields';
import { fieldLabel, type Lang } from '../../../shared/i18n';
import type { RawValue } from '../../../shared/fields';
import type { CellCheck } from '../grid/blocks';
import type { RowData } from '../grid/gridOptions';
import type { CellMark } from '../grid/TableGrid';
import type { Strings } from '../strings';
import type { NewPayment } from '../useRecord';

/** A new payment still being typed: not stored until it has a line, a day and an amount. */
export type Draft = { key: number; raw: Partial<Record<PaymentField, string>> };

let lastKey = 0;
/** A key for a new payment: below 0, never reused in this window (a payment keeps it once stored). */
export const newKey = (): number => --lastKey;

export type LedgerRow = {
  line: number | null;
  name: string;
  date: string | null;
  amount: string | null;
  payee: string;
  voucher: string;
  stage: string;
  note: string;
  running: string | null;
  runningRate: string | null;
  /** group-start / group-cont (the line's first payment, or a later one), after-as-of, new-row. */
  rowClass: string;
};

/** The record's payments as rows, by their ids (keys), with each line's running total in the record's order (by day). */
export function storedRows(record: CountyRecord, paymentIds: readonly number[]): Map<number, LedgerRow> {
  const lines = new Map(record.disbursements.map((d) => [d.seq, d]));
  const running = new Map<number, bigint>();
  const out = new Map<number, LedgerRow>();
  (record.payments ?? []).forEach((p, i) => {
    const line = lines.get(p.line);
    const sum = (running.get(p.line) ?? 0n) + fen(p.amount);
    running.set(p.line, sum);
    out.set(paymentIds[i], {
      line: p.line,
      name: line?.name ?? '',
      date: p.date,
      amount: p.amount,
      payee: p.payee,
      voucher: p.voucher,
      stage: p.stage,
      note: p.note,
      running: formatWan(sum),
      runningRate: line?.planned == null ? null : rate(sum, fen(line.planned)),
      rowClass: record.asOf && p.date > record.asOf ? 'after-as-of' : '',
    });
  });
  return out;
}

/** A new payment as its row shows it: what was typed, read (the line's name once its 序号 is given). */
export function draftRow(record: CountyRecord, draft: Draft): LedgerRow {
  const lines = record.disbursements.map((d) => d.seq);
  const read = (field: PaymentField) => {
    const raw = draft.raw[field];
    if (raw === undefined || raw === '') return null;
    const parsed = parsePaymentField(field, raw, lines);
    return parsed.ok ? parsed.value : raw;
  };
  const line = read('line');
  return {
    line: typeof line === 'number' ? line : null,
    name: record.disbursements.find((d) => d.seq === line)?.name ?? '',
    date: read('date') as string | null,
    amount: read('amount') as string | null,
    payee: String(read('payee') ?? ''),
    voucher: String(read('voucher') ?? ''),
    stage: String(read('stage') ?? ''),
    note: String(read('note') ?? ''),
    running: '',
    runningRate: '',
    rowClass: 'new-row',
  };
}

/** Rows in the order shown, a line's first payment marked as the start of its group. */
export function grouped(rows: LedgerRow[]): LedgerRow[] {
  return rows.map((row, i) => {
    if (row.rowClass.includes('new-row')) return row;
    const first = i === 0 || rows[i - 1].line !== row.line || rows[i - 1].rowClass.includes('new-row');
    return { ...row, rowClass: [first ? 'group-start' : 'group-cont', row.rowClass].filter(Boolean).join(' ') };
  });
}

/** The fields a new payment still lacks, or none: then it can be stored. */
export function missing(record: CountyRecord, draft: Draft): PaymentField[] {
  const lines = record.disbursements.map((d) => d.seq);
  return REQUIRED_PAYMENT_FIELDS.filter((f) => {
    const raw = draft.raw[f];
    return raw === undefined || !parsePaymentField(f, raw, lines).ok;
  });
}

/** A complete new payment, to be stored: what was typed, and the payment it reads as. */
export function toNewPayment(record: CountyRecord, draft: Draft): NewPayment {
  const lines = record.disbursements.map((d) => d.seq);
  const payment: Record<string, string | number> = { payee: '', voucher: '', stage: '', note: '' };
  for (const field of PAYMENT_FIELDS) {
    const raw = draft.raw[field];
    if (raw === undefined) continue;
    const parsed = parsePaymentField(field, raw, lines);
    if (parsed.ok) payment[field] = parsed.value;
  }
  return { key: draft.key, raw: { ...draft.raw }, payment: payment as unknown as Payment };
}

/** A cell of the ledger, read as the store reads it on this person's day, refused in its words (拨付台账第 3 笔 金额(万元)“abc”不是数字). */
export function ledgerCheck(record: CountyRecord, day = today()): CellCheck {
  const lines = record.disbursements.map((d) => d.seq);
  return (row, field, raw: RawValue) => {
    if (!(PAYMENT_FIELDS as readonly string[]).includes(field)) return { ok: false, message: () => '' };
    const parsed = parsePaymentField(field as PaymentField, raw, lines, day);
    return parsed.ok
      ? parsed
      : { ok: false, message: (lang) => paymentRefusal(row + 1, field as PaymentField, raw, parsed.problem, lines, lang, day) };
  };
}

/** Notes on cells: what a new payment still needs, and why a payment after the as-of day is grey. */
export function ledgerNotes(
  record: CountyRecord,
  rows: readonly (LedgerRow & { id: number })[],
  drafts: readonly Draft[],
  t: Strings,
  lang: Lang,
): Map<string, CellMark> {
  const out = new Map<string, CellMark>();
  for (const d of drafts) {
    // A row just added and not typed into holds nothing to lose: it is not marked.
    if (!Object.values(d.raw).some((v) => v !== '')) continue;
    const lacks = missing(record, d);
    const text = t.newPaymentNeeds(lacks.map((f) => fieldLabel(`payment.${f}`, lang)).join(lang === 'zh' ? '、' : ', '));
    for (const f of lacks) out.set(`${d.key}:${f}`, { kind: 'draft', message: text });
  }
  const planned = new Map(record.disbursements.map((d) => [d.seq, d.planned]));
  for (const r of rows) {
    if (record.asOf && r.rowClass.includes('after-as-of')) out.set(`${r.id}:date`, { kind: 'info', message: t.afterAsOf(record.asOf) });
    const p = r.line === null ? null : planned.get(r.line);
    if (r.name) out.set(`${r.id}:name`, { kind: 'info', message: p ? `${r.name}\n${t.plannedOf(p)}` : r.name });
  }
  return out;
}

/** 合计 under the ledger: every payment; and, when some come after the as-of day, those counted as of it. */
export function ledgerTotals(record: CountyRecord, t: Strings, day: string): RowData[] {
  const payments = record.payments ?? [];
  const all = payments.reduce((s, p) => s + fen(p.amount), 0n);
  const rows: RowData[] = [{ id: -1, line: t.total, amount: formatWan(all), running: '', runningRate: '' }];
  if (record.asOf && payments.some((p) => p.date > record.asOf!)) {
    const counted = payments.filter((p) => p.date <= record.asOf!).reduce((s, p) => s + fen(p.amount), 0n);
    rows.push({ id: -2, line: '', name: t.totalAsOf(day), amount: formatWan(counted), running: '', runningRate: '' });
  }
  return rows;
}
