// The open record's edit session as plain rules, with no React: the queue of edits written in order
// and their save states, what a failed write does to its edit, the cells marked, and the record on
// screen (the store's copy with the edits not yet in it). useRecord.ts holds the state and does the
// writing; test/unit/renderer/edit-queue.test.ts tests these.
import { OfflineError, ServerError } from '../../shared/client';
import type { Output } from '../../shared/contract';
import type { CountyRecord } from '../../shared/record';
import { checkRecord, findingsOf, partsOf, recheck, type Touched } from '../../shared/checks';
import type { Finding } from '../../shared/findings';
import type { FieldValue, RawValue } from '../../shared/fields';
import type { Payment, PaymentField } from '../../shared/ledger';
import type { Fill } from '../../shared/steps';
import type { Lang } from '../../shared/i18n';
import type { Said } from './said';
import { STRINGS } from './strings';
import { applyEdits, applyPayments, rowIndex } from './applyEdits';
import { applyIndicatorEdits } from './performance/apply';
import type { CellMark, GridTable } from './grid/TableGrid';

export type Loaded = Output<'getRecord'>;
/** saved; saving; offline or reconnecting (the workspace's database; retrying); draft (some edits kept as drafts after a server failure). */
export type SaveState = 'saved' | 'saving' | 'offline' | 'reconnecting' | 'draft';
export type CellEdit = { table: GridTable; rowId: number; field: string; raw: RawValue; value: FieldValue };
/** A payment added in the ledger: a key (below 0) until the store gives it an id, what was typed, and what it reads as. */
export type NewPayment = { key: number; raw: Partial<Record<PaymentField, RawValue>>; payment: Payment };
/** How a user action's edits came about, when not typed or pasted: a clear (Delete), a fill (Ctrl+D / Ctrl+R). */
export type EditOptions = { clear?: boolean; fill?: Fill };
/** One user action's edits, written as one step: queued, written (not yet in the store's copy on screen), or kept as a draft. */
export type Op = {
  id: number;
  recordId: number;
  table: GridTable;
  edits: CellEdit[];
  append: NewPayment[];
  clear: boolean;
  /** A Ctrl+D / Ctrl+R fill: the step is named so. */
  fill?: Fill;
  status: 'queued' | 'written' | 'draft';
};

/** The record on screen. paymentIds are the payments' ids, in the record's order; a payment added in this
 * window keeps the key it was typed under (the grid's row stays the same row when the store answers). */
export type View = {
  record: CountyRecord;
  findings: Finding[];
  itemIds: number[];
  disbursementIds: number[];
  paymentIds: number[];
  indicatorIds: number[];
  status: Loaded['status'];
  /** The statuses this user may set the record to (the server's answer): what the status dialog offers. */
  statusChoices: Loaded['statusChoices'];
  version: number;
  /** The change log's position the record was read at: sent back with every change made on screen. */
  seen: number;
};
export type Marks = Record<GridTable, ReadonlyMap<string, CellMark>>;
/** Cells whose value the store refused, by `${rowId}:${field}`, with the reason (said in the language shown). */
export type Refusals = ReadonlyMap<string, { message: Said; table: GridTable }>;

const cellKey = (e: CellEdit) => `${e.table}:${e.rowId}:${e.field}`;

/** Queues an op; a new value for a cell replaces its draft (an op left with nothing goes). */
export function enqueue(ops: readonly Op[], op: Op): Op[] {
  const touched = new Set(op.edits.map(cellKey));
  const kept = ops
    .map((o) => (o.status === 'draft' ? { ...o, edits: o.edits.filter((e) => !touched.has(cellKey(e))) } : o))
    .filter((o) => o.edits.length > 0 || o.append.length > 0);
  return [...kept, op];
}

/** The next op to write, in the order they were made. */
export const nextQueued = (ops: readonly Op[]): Op | undefined => ops.find((o) => o.status === 'queued');
export const withStatus = (ops: readonly Op[], id: number, status: Op['status']): Op[] =>
  ops.map((o) => (o.id === id ? { ...o, status } : o));
export const without = (ops: readonly Op[], id: number): Op[] => ops.filter((o) => o.id !== id);
/** 重试保存: every draft is queued again. */
export const requeueDrafts = (ops: readonly Op[]): Op[] => ops.map((o) => (o.status === 'draft' ? { ...o, status: 'queued' } : o));
/** 放弃草稿. */
export const dropDrafts = (ops: readonly Op[]): Op[] => ops.filter((o) => o.status !== 'draft');
/** The ops written before a reload was asked for: the store's copy it brings holds them. */
export const writtenIds = (ops: readonly Op[]): Set<number> => new Set(ops.filter((o) => o.status === 'written').map((o) => o.id));
export const notIn = (ops: readonly Op[], seen: ReadonlySet<number>): Op[] => ops.filter((o) => !seen.has(o.id));
export const counts = (ops: readonly Op[]) => ({
  pending: ops.filter((o) => o.status === 'queued').length,
  drafts: ops.filter((o) => o.status === 'draft').length,
});
/** When the queue is empty: saved, or draft while drafts are kept. */
export const restingState = (ops: readonly Op[]): SaveState => (ops.some((o) => o.status === 'draft') ? 'draft' : 'saved');

/** Waiting between tries while offline: doubled each time, at most 10 s. */
export const nextDelay = (ms: number): number => Math.min(ms * 2, 10_000);

/**
 * What a failed write does to its op: no connection — retried, waiting longer each time; the server
 * failed (5xx) — kept as a draft, said once; refused by the store — dropped, its cells marked.
 */
export function failureOf(e: unknown): 'offline' | 'draft' | 'refused' {
  if (e instanceof OfflineError) return 'offline';
  if (e instanceof ServerError) return 'draft';
  return 'refused';
}

/** The op's cells marked refused with the reason. */
export function refuse(marks: Refusals, op: Op, text: Said): Refusals {
  const next = new Map(marks);
  for (const e of op.edits) next.set(`${e.rowId}:${e.field}`, { message: text, table: op.table });
  return next;
}

/** The op's cells no longer marked (a new value was typed into them). */
export function unrefuse(marks: Refusals, op: Op): Refusals {
  if (!op.edits.some((e) => marks.has(`${e.rowId}:${e.field}`))) return marks;
  const next = new Map(marks);
  for (const e of op.edits) next.delete(`${e.rowId}:${e.field}`);
  return next;
}

/** The marks of each table: refusals, and drafts (a value the server failed to store). */
export function marksOf(refusals: Refusals, ops: readonly Op[], lang: Lang): Marks {
  const draftText = STRINGS[lang].draftMark;
  const out = {
    items: new Map<string, CellMark>(),
    disbursements: new Map<string, CellMark>(),
    payments: new Map<string, CellMark>(),
    indicators: new Map<string, CellMark>(),
  };
  for (const [key, m] of refusals) out[m.table].set(key, { kind: 'error', message: m.message(lang) });
  for (const o of ops)
    if (o.status === 'draft') for (const e of o.edits) out[e.table].set(`${e.rowId}:${e.field}`, { kind: 'draft', message: draftText });
  return out;
}

/** The record with the ops applied (applyEdits.ts), and its findings. */
export function viewOf(base: Loaded, ops: readonly Op[], keyOf: (id: number) => number, asOf: string | undefined): View {
  const mine = ops.filter((o) => o.recordId === base.id);
  const paymentIds = base.paymentIds.map(keyOf);
  const edits = mine.flatMap((o) =>
    o.table === 'payments' || o.table === 'indicators' ? [] : (o.edits as (CellEdit & { table: 'items' | 'disbursements' })[]),
  );
  const payments = mine.filter((o) => o.table === 'payments');
  const indicatorEdits = mine.flatMap((o) => (o.table === 'indicators' ? o.edits : []));
  const { indicatorIds } = base;
  const same = {
    itemIds: base.itemIds,
    disbursementIds: base.disbursementIds,
    indicatorIds,
    status: base.status,
    statusChoices: base.statusChoices,
    version: base.version,
    seen: base.seen,
  };
  if (edits.length === 0 && payments.length === 0 && indicatorEdits.length === 0)
    return { record: base.record, findings: base.findings, paymentIds, ...same };
  let record = edits.length ? applyEdits(base.record, base, edits) : base.record;
  let ids = paymentIds;
  if (payments.length) ({ record, paymentIds: ids } = applyPayments(record, paymentIds, base.typedActuals, payments, asOf));
  record = applyIndicatorEdits(record, indicatorIds, indicatorEdits);
  // Payments move every figure of their lines (the record is computed anew): checked anew. Edits of
  // cells are checked where they touch (the rows, the totals), the rest of the store's findings kept.
  const parts = payments.length ? null : partsOf(base.findings);
  const findings = parts ? findingsOf(recheck(parts, base.record, record, touchedBy(base, edits))) : checkRecord(record);
  return { record, findings, paymentIds: ids, ...same };
}

/** The rows of 二 and 三 these edits change, by index, and whether a 序号 is among them. */
export function touchedBy(ids: { itemIds: readonly number[]; disbursementIds: readonly number[] }, edits: readonly CellEdit[]): Touched {
  const touched = { items: new Set<number>(), disbursements: new Set<number>(), seq: { items: false, disbursements: false } };
  const index = { items: rowIndex(ids.itemIds), disbursements: rowIndex(ids.disbursementIds) };
  for (const e of edits) {
    if (e.table !== 'items' && e.table !== 'disbursements') continue;
    const row = index[e.table].get(e.rowId);
    if (row === undefined) continue;
    touched[e.table].add(row);
    if (e.field === 'seq') touched.seq[e.table] = true;
  }
  return touched;
}
