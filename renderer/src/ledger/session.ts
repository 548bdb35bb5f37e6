// The ledger's edit session as plain rules, with no React: the order its rows are shown in (the
// payment being worked on keeps its place), new payments typed into and stored once complete, and
// findings moved to the rows as shown. LedgerView.tsx holds the state and calls these;
// test/unit/renderer/ledger-session.test.ts tests them.
import type { RawValue } from '../../../shared/fields';
import type { CountyRecord } from '../../../shared/record';
import type { Finding } from '../../../shared/findings';
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
