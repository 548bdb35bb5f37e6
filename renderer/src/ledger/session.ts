// The ledger's edit session as plain rules, with no React: the order its rows are shown in (the
// payment being worked on keeps its place), new payments typed into and stored once complete, and
// findings moved to the rows as shown; what an edit, a paste or a row operation does to the new
// payments and what it leaves to the store. LedgerView.tsx holds the state and calls these;
// test/unit/renderer/ledger-session.test.ts and ledger-drafts.test.ts test them.
import type { RawValue } from '../../../shared/fields';
import type { CountyRecord } from '../../../shared/record';
import type { Finding } from '../../../shared/findings';
import type { PaymentField } from '../../../shared/ledger';
import { parsePaymentField } from '../../../shared/payment-fields';
import type { CellEdit } from '../editQueue';
import type { RowOp } from '../grid/actions';
import { missing, type Draft } from './rows';

/** The payment the active cell is on, and the place it is held at while the rows would move it. */
export type Held = { key: number; index: number } | null;

/**
 * The rows in the order shown: the record's (by line and day), new payments last — except that the
 * payment being worked on (`active`) keeps the place it was shown at (`shown`, or where it is held),
 * so typing its day does not send it away; it takes its place when the selection leaves it.
 */
export function shownOrder(
  sorted: readonly number[],
  active: number | null,
  held: Held,
  shown: readonly number[],
): { order: number[]; held: Held } {
  const was = active === null ? -1 : held?.key === active ? held.index : shown.indexOf(active);
  if (active !== null && was >= 0 && sorted.includes(active) && sorted.indexOf(active) !== was) {
    const rest = sorted.filter((k) => k !== active);
    rest.splice(Math.min(was, rest.length), 0, active);
    return { order: rest, held: { key: active, index: was } };
  }
  return { order: [...sorted], held: null };
}

export type Typed = { key: number; field: string; raw: RawValue };

/** Values typed into new payments: the payments still being typed, and those now complete (a line, a day, an amount) to store. */
export function typeInto(record: CountyRecord, drafts: readonly Draft[], typed: readonly Typed[]): { drafts: Draft[]; complete: Draft[] } {
  const next = drafts.map((d) => {
    const mine = typed.filter((e) => e.key === d.key);
    return mine.length
      ? { ...d, raw: { ...d.raw, ...Object.fromEntries(mine.map((e) => [e.field, e.raw === null ? '' : String(e.raw)])) } }
      : d;
  });
  const complete = next.filter((d) => typed.some((e) => e.key === d.key) && missing(record, d).length === 0);
  return { drafts: next.filter((d) => !complete.includes(d)), complete };
}

/** Findings point at payments by their place in the record; the grid counts rows as shown (a payment filtered out has none). */
export function findingsAsShown(findings: readonly Finding[], paymentIds: readonly number[], order: readonly number[]): Finding[] {
  return findings
    .map((f) =>
      f.target?.table === 'payments' && f.target.row !== undefined
        ? { ...f, target: { ...f.target, row: order.indexOf(paymentIds[f.target.row]) } }
        : f,
    )
    .filter((f) => f.target?.table !== 'payments' || f.target.row !== -1);
}

const isDraftOf = (drafts: readonly Draft[]) => {
  const keys = new Set(drafts.map((d) => d.key));
  return (key: number) => keys.has(key);
};

/** Edits of the grid: those of stored payments go to the store, those of new payments are typed into them. */
export function splitEdits(edits: readonly CellEdit[], drafts: readonly Draft[]): { stored: CellEdit[]; typed: Typed[] } {
  const isDraft = isDraftOf(drafts);
  return {
    stored: edits.filter((e) => !isDraft(e.rowId)),
    typed: edits.filter((e) => isDraft(e.rowId)).map((e) => ({ key: e.rowId, field: e.field, raw: e.raw })),
  };
}

/**
 * A block pasted into the ledger: cells of stored payments that read (a bad one is left out: the
 * grid has checked and marked it), values typed into new payments, and rows pasted past the end as
 * new payments (stored when complete, else kept to be finished). `newKey` gives each new one its key.
 */
export function pasteIntoLedger(
  record: CountyRecord,
  drafts: readonly Draft[],
  edits: readonly { rowId: number; field: string; value: RawValue }[],
  append: readonly Record<string, RawValue>[],
  newKey: () => number,
): { drafts: Draft[]; typed: Typed[]; stored: CellEdit[] } {
  const isDraft = isDraftOf(drafts);
  const lines = record.disbursements.map((d) => d.seq);
  const stored: CellEdit[] = [];
  for (const e of edits.filter((x) => !isDraft(x.rowId))) {
    const parsed = parsePaymentField(e.field as PaymentField, e.value, lines);
    if (parsed.ok) stored.push({ table: 'payments', rowId: e.rowId, field: e.field, raw: e.value, value: parsed.value });
  }
  const added = append.map((values) => ({ key: newKey(), values }));
  const typed = [
    ...edits.filter((x) => isDraft(x.rowId)).map((e) => ({ key: e.rowId, field: e.field, raw: e.value })),
    ...added.flatMap(({ key, values }) => Object.entries(values).map(([field, raw]) => ({ key, field, raw }))),
  ];
  return { drafts: [...drafts, ...added.map(({ key }) => ({ key, raw: {} }))], typed, stored };
}

/**
 * A row operation on the ledger: inserting adds empty new payments (at the end: the ledger orders its
 * rows itself); deleting drops the new payments and leaves the stored ones to the store. Null for an
 * operation the ledger does not do (moving a row).
 */
export function rowsOfLedger(
  drafts: readonly Draft[],
  op: RowOp,
  newKey: () => number,
): { drafts: Draft[]; deleteStored: number[] } | null {
  if (op.kind === 'insert')
    return { drafts: [...drafts, ...Array.from({ length: op.count }, () => ({ key: newKey(), raw: {} }))], deleteStored: [] };
  if (op.kind !== 'delete') return null;
  const isDraft = isDraftOf(drafts);
  const gone = new Set(op.rowIds.filter(isDraft));
  return { drafts: drafts.filter((d) => !gone.has(d.key)), deleteStored: op.rowIds.filter((id) => !gone.has(id)) };
}

/** How many new payments have something typed in them (they would be lost on leaving). */
export const begunDrafts = (drafts: readonly Draft[]): number => drafts.filter((d) => Object.values(d.raw).some((v) => v !== '')).length;

/** Where focusing a line goes: its first payment's amount, or (none) the 序号 of the last row. */
export function lineFocus(rows: readonly { line: number | null }[], line: number): { row: number; field: 'amount' | 'line' } {
  const at = rows.findIndex((r) => r.line === line);
  return at >= 0 ? { row: at, field: 'amount' } : { row: rows.length - 1, field: 'line' };
}
