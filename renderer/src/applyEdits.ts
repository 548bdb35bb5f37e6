// The record on screen: the store's copy with the edits not yet in it. Only the rows an edit
// touches are recomputed (their rate), and the totals move by the difference, exactly, in 分: on
// a table of 2,000 lines a keystroke costs what one line does. The result is what computeRecord()
// gives for the edited input (test/unit/renderer/apply-edits.test.ts checks it for any edits).
import { canonicalPercent, formatWan, rate } from '../../shared/money';
import { computeRecord, fen, fenOrZero, recordScript, toInput, type CountyRecord, type Disbursement } from '../../shared/record';
import type { Payment } from '../../shared/ledger';
import { disbursementSummary } from '../../shared/document';
import type { EditTable, FieldValue } from '../../shared/fields';
import type { Item } from '../../shared/schema';

export type RowEdit = { table: EditTable; rowId: number; field: string; value: FieldValue };
export type RowIds = { itemIds: readonly number[]; disbursementIds: readonly number[] };

const scripts = new WeakMap<CountyRecord, ReturnType<typeof recordScript>>();
const scriptOf = (record: CountyRecord) => {
  let script = scripts.get(record);
  if (!script) scripts.set(record, (script = recordScript(record)));
  return script;
};
const amount = (v: FieldValue) => (v === null ? null : formatWan(fen(String(v))));
/** Each id's row, by its list of ids (made once per list: a keystroke does not go over 2,000 ids). */
const indexes = new WeakMap<readonly number[], ReadonlyMap<number, number>>();
export function rowIndex(ids: readonly number[]): ReadonlyMap<number, number> {
  let index = indexes.get(ids);
  if (!index) indexes.set(ids, (index = new Map(ids.map((id, i) => [id, i]))));
  return index;
}

export function applyEdits(record: CountyRecord, ids: RowIds, edits: readonly RowEdit[]): CountyRecord {
  if (edits.length === 0) return record;
  const items = record.items.slice();
  const disbursements = record.disbursements.slice();
  const index = { items: rowIndex(ids.itemIds), disbursements: rowIndex(ids.disbursementIds) };
  let planned = fen(record.totals.planned);
  let actual = fen(record.totals.actual);
  let renamed = false;
  for (const e of edits) {
    const i = index[e.table].get(e.rowId);
    if (i === undefined) continue;
    if (e.field === 'name') renamed = true;
    if (e.table === 'items') {
      const row = { ...items[i] } as Record<string, FieldValue>;
      row[e.field] = e.field === 'completionRate' && e.value !== null ? canonicalPercent(String(e.value)) : e.value;
      items[i] = row as unknown as Item;
      continue;
    }
    const old = disbursements[i];
    const row = { ...old } as Record<string, FieldValue | undefined>;
    if (e.field === 'statedRate' && e.value === null) delete row.statedRate;
    else row[e.field] = e.field === 'planned' || e.field === 'actual' ? amount(e.value) : e.value;
    const next = row as unknown as Disbursement;
    planned += fenOrZero(next.planned) - fenOrZero(old.planned);
    actual += fenOrZero(next.actual) - fenOrZero(old.actual);
    next.rate = next.planned === null || next.actual === null ? null : rate(fen(next.actual), fen(next.planned));
    disbursements[i] = next;
  }
  const totals = { ...record.totals, planned: formatWan(planned), actual: formatWan(actual), rate: rate(actual, planned) };
  const script = renamed ? recordScript({ county: record.county, items, disbursements }) : scriptOf(record);
  return {
    ...record,
    items,
    disbursements,
    totals,
    disbursementSummary: disbursementSummary({ county: record.county, totals, asOf: record.asOf }, script),
  };
}

/** A payment added and not yet in the store's copy: its key (below 0) until the store gives it an id. */
export type AddedPayment = { key: number; payment: Payment };
/** An edit of a payment (by its id, or by its key while it is being added). */
export type PaymentEdit = { rowId: number; field: string; value: FieldValue };

/**
 * The record with payment edits and added payments applied. Payments move every figure of their
 * line (and the totals, the sentence, the checks): the record is computed anew from its input, as
 * the store computes it — with each line's 实际拨付额度 as typed, shown again once its payments are gone.
 * Returns the payments' ids (keys for those being added) in the record's order.
 */
export function applyPayments(
  record: CountyRecord,
  paymentIds: readonly number[],
  typedActuals: readonly (string | null)[],
  changes: readonly { edits: readonly PaymentEdit[]; append: readonly AddedPayment[] }[],
  asOf?: string,
): { record: CountyRecord; paymentIds: number[] } {
  const list = (record.payments ?? []).map((p, i) => ({ id: paymentIds[i], payment: { ...p } }));
  for (const change of changes) {
    for (const e of change.edits) {
      const row = list.find((p) => p.id === e.rowId);
      if (row) (row.payment as Record<string, unknown>)[e.field] = e.value;
    }
    for (const a of change.append) list.push({ id: a.key, payment: { ...a.payment } });
  }
  // computeRecord orders payments by line and day, keeping the order of equals: so does this.
  list.sort((a, b) => a.payment.line - b.payment.line || (a.payment.date < b.payment.date ? -1 : a.payment.date > b.payment.date ? 1 : 0));
  const ledger = new Set((record.payments ?? []).map((p) => p.line));
  const input = toInput(record);
  input.disbursements = input.disbursements.map((d, i) => ({ ...d, actual: ledger.has(d.seq) ? (typedActuals[i] ?? null) : d.actual }));
  if (list.length) input.payments = list.map((p) => p.payment);
  else delete input.payments;
  return { record: computeRecord(input, { asOf: record.asOf ?? asOf }), paymentIds: list.map((p) => p.id) };
}
