// The ledger's payments: typed, pasted and deleted through mutate(), like every other change, so
// the change log, undo and redo, the lock of an accepted record and the backups cover them.
import { editAction, type Fill } from '../../../shared/steps';
import { appError } from '../../../shared/errors';
import type { RawValue } from '../../../shared/fields';
import { PAYMENT_FIELDS, type Payment, type PaymentField } from '../../../shared/ledger';
import { parsePaymentField, paymentRefusal, REQUIRED_PAYMENT_FIELDS, type PaymentProblem } from '../../../shared/payment-fields';
import { assertUnchangedSince, mutate, personDay, type Actor, type Row, type SeenCell } from './changelog';
import { fieldLabel } from '../../../shared/i18n';
import { PAYMENT_COLUMNS, toColumn } from './columns';
import type { DB } from './database';
import { assertLineSums } from './line-sums';

export type PaymentEdit = { paymentId: number; field: PaymentField; value: RawValue };

type Line = { id: number; seq: number };

function refused(row: number, field: PaymentField, value: RawValue, problem: PaymentProblem, lines: Line[], day?: string) {
  const seqs = lines.map((l) => l.seq);
  return appError(
    'invalid_input',
    paymentRefusal(row, field, value, problem, seqs, 'zh', day),
    paymentRefusal(row, field, value, problem, seqs, 'en', day),
    { field: `payment.${field}` },
    { table: 'payments', row, field },
  );
}

/**
 * A whole ledger brought in at once (an import's) holds no payment after the person's day, as no typed
 * one may: refused naming the county and the payment, inside the step that would write it.
 */
export function assertPaidByToday(actor: Actor, county: string, payments: readonly Payment[]): void {
  const day = personDay(actor);
  const row = payments.findIndex((p) => p.date > day) + 1;
  if (row === 0) return;
  const words = (lang: 'zh' | 'en') => paymentRefusal(row, 'date', payments[row - 1].date, 'after_today', [], lang, day);
  throw appError(
    'invalid_input',
    `${county}:${words('zh')}`,
    `${county}: ${words('en')}`,
    { field: 'payment.date' },
    { table: 'payments', row, field: 'date' },
  );
}

/** One field of a payment, as typed on `day`, to its stored columns (or a refusal naming the payment and the field). */
function parseField(field: PaymentField, raw: RawValue, row: number, lines: Line[], day: string): Row {
  const parsed = parsePaymentField(
    field,
    raw,
    lines.map((l) => l.seq),
    day,
  );
  if (!parsed.ok) throw refused(row, field, raw, parsed.problem, lines, day);
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
  db
    .prepare(
      'SELECT p.id FROM payments p JOIN disbursements d ON d.id = p.disbursement_id WHERE p.record_id = ? ORDER BY d.seq, p.paid_on, p.position, p.id',
    )
    .pluck()
    .all(recordId) as number[];

/** A payment's field (or, with none, the whole payment) as the ledger shows it: "拨付台账第 3 笔 金额(万元)". */
function seenPayment(listedIds: number[], paymentId: number, field: PaymentField | null): SeenCell {
  const row = listedIds.indexOf(paymentId) + 1;
  const where = row === 0 ? { zh: '这笔拨付', en: 'That payment' } : { zh: `拨付台账第 ${row} 笔`, en: `Ledger payment ${row}` };
  if (field === null) return { table: 'payments', rowId: paymentId, column: null, label: where };
  const column = field === 'line' ? 'disbursement_id' : PAYMENT_COLUMNS[field].column;
  const label = { zh: `${where.zh} ${fieldLabel(`payment.${field}`, 'zh')}`, en: `${where.en}, ${fieldLabel(`payment.${field}`, 'en')}` };
  return { table: 'payments', rowId: paymentId, column, label };
}

/**
 * The lines of 三 payments name by 序号, as the window saw them: a line whose 序号 another window changed since — a
 * row of 三 deleted, inserted or moved renumbers them — may be another project than the one the clerk typed under.
 */
function seenLines(lines: Line[], named: (RawValue | undefined)[]): SeenCell[] {
  const seqs = lines.map((l) => l.seq);
  return named.flatMap((raw) => {
    const parsed = raw === undefined ? null : parsePaymentField('line', raw, seqs);
    const line = parsed?.ok ? lines.find((l) => l.seq === parsed.value) : undefined;
    if (!line) return [];
    return [
      {
        table: 'disbursements',
        rowId: line.id,
        column: 'seq',
        label: { zh: `三 序号 ${line.seq} 的行`, en: `Line ${line.seq} of table 三` },
      },
    ];
  });
}

/** Edits of payments and payments added (typing, paste, `yanshou ledger add`), as one step. */
export function editPayments(
  db: DB,
  actor: Actor,
  recordId: number,
  edits: PaymentEdit[],
  append: Partial<Record<PaymentField, RawValue>>[],
  seen?: number,
  fill?: Fill,
): number[] {
  const county = countyOf(db, recordId);
  const single = edits.length === 1 && append.length === 0 ? edits[0] : null;
  const action = fill
    ? editAction({ fill, edits: edits.length, append: 0 })
    : single
      ? 'edit'
      : edits.length === 0
        ? 'add payments'
        : 'paste';
  return mutate(
    db,
    actor,
    { action, recordId, detail: { county, table: 'payments', rows: new Set(edits.map((e) => e.paymentId)).size + append.length } },
    (changes) => {
      const lines = linesOf(db, recordId);
      const mine = listed(db, recordId);
      const day = personDay(actor);
      const named = [...edits.filter((e) => e.field === 'line').map((e) => e.value), ...append.map((values) => values.line)];
      assertUnchangedSince(db, actor, seen, [...edits.map((e) => seenPayment(mine, e.paymentId, e.field)), ...seenLines(lines, named)]);
      for (const e of edits) {
        const row = mine.indexOf(e.paymentId) + 1;
        if (row === 0) throw appError('no_row', `这笔拨付已不存在(#${e.paymentId})`, `That payment no longer exists (#${e.paymentId})`);
        changes.update('payments', e.paymentId, parseField(e.field, e.value, row, lines, day));
      }
      if (single)
        changes.describe({ county, table: 'payments', row: mine.indexOf(single.paymentId) + 1, field: `payment.${single.field}` });
      let position = Number(db.prepare('SELECT coalesce(max(position), 0) FROM payments WHERE record_id = ?').pluck().get(recordId));
      const ids = append.map((values, n) => {
        const row = mine.length + n + 1;
        for (const required of REQUIRED_PAYMENT_FIELDS)
          if (values[required] === undefined) throw refused(row, required, '', 'missing', lines);
        const stored: Row = { record_id: recordId, position: ++position, payee: '', voucher: '', stage: '', note: '' };
        for (const field of PAYMENT_FIELDS)
          if (values[field] !== undefined) Object.assign(stored, parseField(field, values[field]!, row, lines, day));
        return changes.insert('payments', stored);
      });
      assertLineSums(db, recordId);
      return ids;
    },
  );
}

export function deletePayments(db: DB, actor: Actor, recordId: number, ids: number[], seen?: number): void {
  const county = countyOf(db, recordId);
  const paymentIds = [...new Set(ids)];
  mutate(db, actor, { action: 'delete rows', recordId, detail: { county, table: 'payments', rows: paymentIds.length } }, (changes) => {
    const mine = listed(db, recordId);
    assertUnchangedSince(
      db,
      actor,
      seen,
      paymentIds.map((id) => seenPayment(mine, id, null)),
    );
    for (const id of paymentIds) {
      if (!mine.includes(id)) throw appError('no_row', `这笔拨付已不存在(#${id})`, `That payment no longer exists (#${id})`);
      changes.remove('payments', id);
    }
  });
}
