// The ledger's payments: typed, pasted and deleted through mutate(), like every other change, so
// the change log, undo and redo, the lock of an accepted record and the backups cover them.
import { appError } from '../../../shared/errors';
import { fieldLabel } from '../../../shared/i18n';
import { parseDateText, type RawValue } from '../../../shared/fields';
import { formatWan, parseMoney } from '../../../shared/money';
import { isDay, PAYMENT_FIELDS, type PaymentField } from '../../../shared/ledger';
import { stripXmlUnsafe } from '../../../shared/text';
import { checkField } from '../../../shared/field-schemas';
import { mutate, type Actor, type Row } from './changelog';
import { PAYMENT_COLUMNS, toColumn } from './columns';
import type { DB } from './database';

export type PaymentEdit = { paymentId: number; field: PaymentField; value: RawValue };

type Line = { id: number; seq: number };

function refused(row: number, field: PaymentField, value: RawValue, zh: string, en: string) {
  const label = { zh: fieldLabel(`payment.${field}`, 'zh'), en: fieldLabel(`payment.${field}`, 'en') };
  const shown = value === null ? '' : String(value).slice(0, 60);
  return appError('invalid_input', `拨付台账第 ${row} 笔 ${label.zh}“${shown}”${zh}`, `Ledger payment ${row}, ${label.en} “${shown}” ${en}`, { field: `payment.${field}` }, { table: 'payments', row, field });
}

/** One field of a payment, as typed, to its stored value (or a refusal naming the payment and the field). */
function parseField(field: PaymentField, raw: RawValue, row: number, lines: Line[]): Row {
  const text = raw === null ? '' : stripXmlUnsafe(String(raw)).trim();
  switch (field) {
    case 'line': {
      const seq = Number(text.normalize('NFKC'));
      const line = lines.find((l) => l.seq === seq);
      if (!line) throw refused(row, field, raw, '在表三中没有这一行(填表三的序号)', 'is no line of table 3 (give its No.)');
      return { disbursement_id: line.id };
    }
    case 'date': {
      const date = parseDateText(text);
      if (!date || !isDay(date)) throw refused(row, field, raw, '不是具体到日的日期(如 2021-12-01 或 2021年12月1日)', 'is not a day (write 2021-12-01)');
      return { [PAYMENT_COLUMNS.date.column]: date };
    }
    case 'amount': {
      const parsed = parseMoney(typeof raw === 'number' ? raw : text);
      if (!parsed.ok || parsed.value <= 0n) throw refused(row, field, raw, '应为大于 0 的金额(万元)', 'must be an amount above 0 (10k yuan)');
      return { [PAYMENT_COLUMNS.amount.column]: toColumn(PAYMENT_COLUMNS.amount, formatWan(parsed.value)) };
    }
    default: {
      const check = checkField('payments', field, text);
      if (!check.ok) throw refused(row, field, raw, '太长', 'is too long');
      return { [PAYMENT_COLUMNS[field].column]: text };
    }
  }
}

const linesOf = (db: DB, recordId: number) => db.prepare('SELECT id, seq FROM disbursements WHERE record_id = ?').all(recordId) as Line[];

function countyOf(db: DB, recordId: number): string {
  const name = db.prepare('SELECT county_name FROM records WHERE id = ?').pluck().get(recordId) as string | undefined;
  if (name === undefined) throw appError('no_record', `记录 #${recordId} 不存在`, `Record #${recordId} does not exist`);
  return name;
}

/** Edits of payments and payments added (typing, paste, `yanshou ledger add`), as one step. */
export function editPayments(db: DB, actor: Actor, recordId: number, edits: PaymentEdit[], append: Partial<Record<PaymentField, RawValue>>[]): number[] {
  const county = countyOf(db, recordId);
  return mutate(db, actor, { action: append.length || edits.length > 1 ? 'paste' : 'edit', recordId, detail: { county, table: 'payments', rows: new Set(edits.map((e) => e.paymentId)).size + append.length } }, (changes) => {
    const lines = linesOf(db, recordId);
    const mine = db.prepare('SELECT id FROM payments WHERE record_id = ? ORDER BY position, id').pluck().all(recordId) as number[];
    for (const e of edits) {
      const row = mine.indexOf(e.paymentId) + 1;
      if (row === 0) throw appError('no_row', `这笔拨付已不存在(#${e.paymentId})`, `That payment no longer exists (#${e.paymentId})`);
      changes.update('payments', e.paymentId, parseField(e.field, e.value, row, lines));
    }
    let position = Number(db.prepare('SELECT coalesce(max(position), 0) FROM payments WHERE record_id = ?').pluck().get(recordId));
    return append.map((values, n) => {
      const row = mine.length + n + 1;
      for (const required of ['line', 'date', 'amount'] as const)
        if (values[required] === undefined || values[required] === null || String(values[required]).trim() === '') throw refused(row, required, '', '未填', 'is not given');
      const stored: Row = { record_id: recordId, position: ++position, payee: '', voucher: '', stage: '', note: '' };
      for (const field of PAYMENT_FIELDS) if (values[field] !== undefined) Object.assign(stored, parseField(field, values[field]!, row, lines));
      return changes.insert('payments', stored);
    });
  });
}

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
