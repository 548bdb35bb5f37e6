// The ledger's payments: typed, pasted and deleted through mutate(), like every other change, so
// the change log, undo and redo, the lock of an accepted record and the backups cover them.
import { appError } from '../../../shared/errors';
import type { RawValue } from '../../../shared/fields';
import { PAYMENT_FIELDS, type PaymentField } from '../../../shared/ledger';
import { parsePaymentField, paymentRefusal, REQUIRED_PAYMENT_FIELDS, type PaymentProblem } from '../../../shared/payment-fields';
import { mutate, type Actor, type Row } from './changelog';
import { PAYMENT_COLUMNS, toColumn } from './columns';
import type { DB } from './database';
import { formatWan, MAX_FEN } from '../../../shared/money';
import { fen } from '../../../shared/record';

export type PaymentEdit = { paymentId: number; field: PaymentField; value: RawValue };

type Line = { id: number; seq: number };

function refused(row: number, field: PaymentField, value: RawValue, problem: PaymentProblem, lines: Line[]) {
  const seqs = lines.map((l) => l.seq);
  return appError('invalid_input', paymentRefusal(row, field, value, problem, seqs, 'zh'), paymentRefusal(row, field, value, problem, seqs, 'en'), { field: `payment.${field}` }, { table: 'payments', row, field });
}

/** One field of a payment, as typed, to its stored columns (or a refusal naming the payment and the field). */
function parseField(field: PaymentField, raw: RawValue, row: number, lines: Line[]): Row {
  const parsed = parsePaymentField(field, raw, lines.map((l) => l.seq));
  if (!parsed.ok) throw refused(row, field, raw, parsed.problem, lines);
  if (field === 'line') return { disbursement_id: lines.find((l) => l.seq === parsed.value)!.id };
  const column = PAYMENT_COLUMNS[field];
  return { [column.column]: toColumn(column, parsed.value) };
}

const linesOf = (db: DB, recordId: number) => db.prepare('SELECT id, seq FROM disbursements WHERE record_id = ?').all(recordId) as Line[];

function countyOf(db: DB, recordId: number): string {
  const name = db.prepare('SELECT county_name FROM records WHERE id = ?').pluck().get(recordId) as string | undefined;
  if (name === undefined) throw appError('no_record', `记录 #${recordId} 不存在`, `Record #${recordId} does not exist`);
  return name;
}

/** The ids of a record's payments in the order the ledger lists them (line, day): "第 N 笔" counts in it. */
const listed = (db: DB, recordId: number) =>
  db.prepare('SELECT p.id FROM payments p JOIN disbursements d ON d.id = p.disbursement_id WHERE p.record_id = ? ORDER BY d.seq, p.paid_on, p.position, p.id').pluck().all(recordId) as number[];

/** Edits of payments and payments added (typing, paste, `yanshou ledger add`), as one step. */
export function editPayments(db: DB, actor: Actor, recordId: number, edits: PaymentEdit[], append: Partial<Record<PaymentField, RawValue>>[]): number[] {
  const county = countyOf(db, recordId);
  const single = edits.length === 1 && append.length === 0 ? edits[0] : null;
  const action = single ? 'edit' : edits.length === 0 ? 'add payments' : 'paste';
  return mutate(db, actor, { action, recordId, detail: { county, table: 'payments', rows: new Set(edits.map((e) => e.paymentId)).size + append.length } }, (changes) => {
    const lines = linesOf(db, recordId);
    const mine = listed(db, recordId);
    for (const e of edits) {
      const row = mine.indexOf(e.paymentId) + 1;
      if (row === 0) throw appError('no_row', `这笔拨付已不存在(#${e.paymentId})`, `That payment no longer exists (#${e.paymentId})`);
      changes.update('payments', e.paymentId, parseField(e.field, e.value, row, lines));
    }
    if (single) changes.describe({ county, table: 'payments', row: mine.indexOf(single.paymentId) + 1, field: `payment.${single.field}` });
    let position = Number(db.prepare('SELECT coalesce(max(position), 0) FROM payments WHERE record_id = ?').pluck().get(recordId));
    const ids = append.map((values, n) => {
      const row = mine.length + n + 1;
      for (const required of REQUIRED_PAYMENT_FIELDS) if (values[required] === undefined) throw refused(row, required, '', 'missing', lines);
      const stored: Row = { record_id: recordId, position: ++position, payee: '', voucher: '', stage: '', note: '' };
      for (const field of PAYMENT_FIELDS) if (values[field] !== undefined) Object.assign(stored, parseField(field, values[field]!, row, lines));
      return changes.insert('payments', stored);
    });
    assertLineSums(db, recordId);
    return ids;
  });
}

/**
 * A line's payments add up to its 实际拨付额度, a single amount: they may not pass the largest amount the
 * app accepts (or the app's own export of the record would not import again). Refused naming the line.
 */
export function assertLineSums(db: DB, recordId: number): void {
  const rows = db
    .prepare('SELECT d.seq, p.amount_fen AS amount FROM payments p JOIN disbursements d ON d.id = p.disbursement_id WHERE p.record_id = ? ORDER BY d.seq')
    .all(recordId) as { seq: number; amount: number }[];
  const sums = new Map<number, bigint>();
  for (const r of rows) sums.set(r.seq, (sums.get(r.seq) ?? 0n) + BigInt(r.amount));
  for (const [seq, sum] of sums) if (sum > MAX_FEN) throw lineSumTooLarge(seq, sum);
}

/** The same rule for a whole record's payments before they are stored (an import, a duplicate). */
export function assertInputLineSums(payments: readonly { line: number; amount: string }[]): void {
  const sums = new Map<number, bigint>();
  for (const p of payments) sums.set(p.line, (sums.get(p.line) ?? 0n) + fen(p.amount));
  for (const [seq, sum] of sums) if (sum > MAX_FEN) throw lineSumTooLarge(seq, sum);
}

const lineSumTooLarge = (seq: number, sum: bigint) =>
  appError(
    'too_large',
    `表三 序号 ${seq} 的拨付合计 ${formatWan(sum)} 万元 超过单个金额的上限 ${formatWan(MAX_FEN)} 万元(实际拨付额度写不下),未保存。`,
    `The payments of line No. ${seq} of table 3 would add up to ${formatWan(sum)} (10k yuan), past the largest amount ${formatWan(MAX_FEN)} (its 实际拨付额度 could not hold it); nothing was saved.`,
    { field: 'payment.amount' },
    { table: 'disbursements', seq },
  );

export function deletePayments(db: DB, actor: Actor, recordId: number, ids: number[]): void {
  const county = countyOf(db, recordId);
  const paymentIds = [...new Set(ids)];
  mutate(db, actor, { action: 'delete rows', recordId, detail: { county, table: 'payments', rows: paymentIds.length } }, (changes) => {
    const mine = new Set(db.prepare('SELECT id FROM payments WHERE record_id = ?').pluck().all(recordId) as number[]);
    for (const id of paymentIds) {
      if (!mine.has(id)) throw appError('no_row', `这笔拨付已不存在(#${id})`, `That payment no longer exists (#${id})`);
      changes.remove('payments', id);
    }
  });
}
