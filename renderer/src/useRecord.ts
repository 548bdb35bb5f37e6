// The open record: the store's copy plus the edits not yet seen in it, applied locally so rates,
// totals, findings and the sidebar change in the same frame as the typing.
//
// Each edit is an op, written in order. What happens to one depends on how its write fails:
// - no connection (OfflineError): it stays on screen and is retried, waiting longer each time;
// - refused (a 4xx, ApiError): it goes, and its cells are marked with the reason;
// - the server failed (5xx / internal, ServerError): the reason is shown once, with its code, and
//   the op is kept as a draft (still on screen, marked), to retry or discard — never retried forever.
// Nothing else waits on a failing write for ever: settle() says when writes are stuck.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, OfflineError, ServerError } from '../../shared/client';
import type { Output } from '../../shared/contract';
import type { CountyRecord } from '../../shared/record';
import { checkRecord } from '../../shared/checks';
import type { Finding } from '../../shared/findings';
import type { FieldValue, RawValue } from '../../shared/fields';
import type { Payment, PaymentField } from '../../shared/ledger';
import { applyEdits, applyPayments } from './applyEdits';
import { applyIndicatorEdits } from './performance/apply';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { message } from './errors';
import { STRINGS } from './strings';
import type { CellMark, GridTable } from './grid/TableGrid';

export { message };

export type Loaded = Output<'getRecord'>;
/** saved; saving; offline (retrying); draft (some edits kept as drafts after a server failure). */
export type SaveState = 'saved' | 'saving' | 'offline' | 'draft';
type IndicatorEditField = 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';
export type CellEdit = { table: GridTable; rowId: number; field: string; raw: RawValue; value: FieldValue };
/** A payment added in the ledger: a key (below 0) until the store gives it an id, what was typed, and what it reads as. */
export type NewPayment = { key: number; raw: Partial<Record<PaymentField, RawValue>>; payment: Payment };
type Op = { id: number; recordId: number; table: GridTable; edits: CellEdit[]; append: NewPayment[]; clear: boolean; status: 'queued' | 'written' | 'draft' };

/** The record on screen. paymentIds are the payments' ids, in the record's order; a payment added in this
 * window keeps the key it was typed under (the grid's row stays the same row when the store answers). */
export type View = { record: CountyRecord; findings: Finding[]; itemIds: number[]; disbursementIds: number[]; paymentIds: number[]; indicatorIds: number[]; status: Loaded['status'] };
export type Marks = Record<GridTable, ReadonlyMap<string, CellMark>>;

/** The record with the ops applied (applyEdits.ts), and its findings. */
function apply(base: Loaded, ops: Op[], keyOf: (id: number) => number, asOf: string | undefined): View {
  const mine = ops.filter((o) => o.recordId === base.id);
  const paymentIds = base.paymentIds.map(keyOf);
  const edits = mine.flatMap((o) => (o.table === 'payments' || o.table === 'indicators' ? [] : (o.edits as (CellEdit & { table: 'items' | 'disbursements' })[])));
  const payments = mine.filter((o) => o.table === 'payments');
  const indicatorEdits = mine.flatMap((o) => (o.table === 'indicators' ? o.edits : []));
  const { indicatorIds } = base;
  if (edits.length === 0 && payments.length === 0 && indicatorEdits.length === 0)
    return { record: base.record, findings: base.findings, itemIds: base.itemIds, disbursementIds: base.disbursementIds, paymentIds, indicatorIds, status: base.status };
  let record = edits.length ? applyEdits(base.record, base, edits) : base.record;
  let ids = paymentIds;
  if (payments.length) ({ record, paymentIds: ids } = applyPayments(record, paymentIds, base.typedActuals, payments, asOf));
  record = applyIndicatorEdits(record, indicatorIds, indicatorEdits);
  return { record, findings: checkRecord(record), itemIds: base.itemIds, disbursementIds: base.disbursementIds, paymentIds: ids, indicatorIds, status: base.status };
}

const sleep = (ms: number, wake: { current: (() => void) | null }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake.current = () => {
      clearTimeout(timer);
      resolve();
    };
  });

type Options = {
  onError: (text: string) => void;
  onWritten: () => void;
  lang: Lang;
  /** The day the figures are as of; null: the record's own (its 验收日期, else today). */
  asOf: string | null;
};

export function useRecord(recordId: number | null, { onError, onWritten, lang, asOf }: Options) {
  const [base, setBase] = useState<Loaded | null>(null);
  const [ops, setOps] = useState<Op[]>([]);
  const [save, setSaveState] = useState<SaveState>('saved');
  const [refusals, setRefusals] = useState<ReadonlyMap<string, CellMark & { table: GridTable }>>(new Map());
  const opsRef = useRef<Op[]>([]);
  const saveRef = useRef<SaveState>('saved');
  const running = useRef(false);
  const wake = useRef<(() => void) | null>(null);
  const nextId = useRef(1);
  const idRef = useRef(recordId);
  idRef.current = recordId;
  const latestReload = useRef(0);
  const callbacks = useRef({ onError, onWritten, lang });
  callbacks.current = { onError, onWritten, lang };
  const asOfRef = useRef(asOf);
  asOfRef.current = asOf;
  // Payments added in this window: key → id once the store has it, and back.
  const paymentKeys = useRef({ id: new Map<number, number>(), key: new Map<number, number>() });
  const keyOf = useCallback((id: number) => paymentKeys.current.key.get(id) ?? id, []);

  const publish = useCallback((next: Op[]) => {
    opsRef.current = next;
    setOps(next);
  }, []);
  const setSave = (state: SaveState) => {
    saveRef.current = state;
    setSaveState(state);
  };

  // Reloads can answer out of order (an undo's reload may overtake the one after a write): only
  // the latest asked for may set what is on screen. Ops written before it was asked are in it.
  const reload = useCallback(async () => {
    const id = idRef.current;
    const ticket = ++latestReload.current;
    if (id === null) {
      setBase(null);
      return;
    }
    const seen = new Set(opsRef.current.filter((o) => o.status === 'written').map((o) => o.id));
    try {
      const loaded = await api.getRecord({ id, ...(asOfRef.current ? { asOf: asOfRef.current } : {}) });
      if (ticket !== latestReload.current || idRef.current !== id) return;
      setBase(loaded);
      publish(opsRef.current.filter((o) => !seen.has(o.id)));
    } catch (e) {
      if (e instanceof ApiError && e.wire.code === 'no_record') setBase(null);
      else callbacks.current.onError(message(e, callbacks.current.lang));
    }
  }, [publish]);

  useEffect(() => {
    setBase(null);
    paymentKeys.current = { id: new Map(), key: new Map() };
    void reload();
  }, [recordId, reload]);
  // Another day: the same record, its figures as of it.
  const firstAsOf = useRef(true);
  useEffect(() => {
    if (firstAsOf.current) firstAsOf.current = false;
    else void reload();
  }, [asOf, reload]);

  const markRefused = (op: Op, text: string) =>
    setRefusals((m) => {
      const next = new Map(m);
      for (const e of op.edits) next.set(`${e.rowId}:${e.field}`, { kind: 'error', message: text, table: op.table });
      return next;
    });
  const unmark = (op: Op) =>
    setRefusals((m) => {
      if (!op.edits.some((e) => m.has(`${e.rowId}:${e.field}`))) return m;
      const next = new Map(m);
      for (const e of op.edits) next.delete(`${e.rowId}:${e.field}`);
      return next;
    });

  /** Payment edits and added payments, one step; a payment typed under a key is edited by its id once the store gave it one. */
  const writePayments = async (op: Op) => {
    const keys = paymentKeys.current;
    const edits = op.edits.map((e) => ({ paymentId: e.rowId > 0 ? e.rowId : keys.id.get(e.rowId) ?? 0, field: e.field as PaymentField, value: e.raw }));
    // Its payment was never stored (its adding was refused, and said so): the edit goes the same way.
    if (edits.some((e) => e.paymentId === 0)) throw new ApiError({ code: 'no_row', message: STRINGS.zh.paymentNotStored, messages: { zh: STRINGS.zh.paymentNotStored, en: STRINGS.en.paymentNotStored } });
    const { appended } = await api.editPayments({ recordId: op.recordId, edits, append: op.append.map((a) => a.raw) });
    op.append.forEach((a, i) => {
      keys.id.set(a.key, appended[i]);
      keys.key.set(appended[i], a.key);
    });
  };

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    let delay = 1000;
    for (;;) {
      const op = opsRef.current.find((o) => o.status === 'queued');
      if (!op) break;
      setSave('saving');
      const { lang: l, onError: fail } = callbacks.current;
      try {
        if (op.table === 'payments') await writePayments(op);
        else if (op.table === 'indicators')
          await api.editIndicators({ recordId: op.recordId, edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field as IndicatorEditField, value: e.raw })), clear: op.clear });
        else await api.editCells({ recordId: op.recordId, table: op.table, edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field, value: e.raw })), clear: op.clear });
        publish(opsRef.current.map((o) => (o.id === op.id ? { ...o, status: 'written' } : o)));
        delay = 1000;
      } catch (e) {
        if (e instanceof OfflineError) {
          setSave('offline');
          await sleep(delay, wake);
          delay = Math.min(delay * 2, 10_000);
          continue;
        }
        if (e instanceof ServerError) {
          publish(opsRef.current.map((o) => (o.id === op.id ? { ...o, status: 'draft' } : o)));
          fail(STRINGS[l].serverFailed(e.wire.code, e.wire.messages?.[l] ?? e.wire.message));
        } else {
          // Refused by the store: the value goes, and its cells say why.
          publish(opsRef.current.filter((o) => o.id !== op.id));
          const text = message(e, l);
          markRefused(op, text);
          fail(text);
        }
      }
    }
    running.current = false;
    setSave(opsRef.current.some((o) => o.status === 'draft') ? 'draft' : 'saved');
    await reload();
    callbacks.current.onWritten();
  }, [reload, publish]);

  /** Queues cell edits of one table (typing, Delete) as one step. */
  const edit = useCallback(
    (edits: CellEdit[], options: { clear?: boolean } = {}) => {
      const id = idRef.current;
      if (id === null || edits.length === 0) return;
      // A new value for a cell replaces its draft, and its old refusal mark goes.
      const touched = new Set(edits.map((e) => `${e.table}:${e.rowId}:${e.field}`));
      const kept = opsRef.current
        .map((o) => (o.status === 'draft' ? { ...o, edits: o.edits.filter((e) => !touched.has(`${e.table}:${e.rowId}:${e.field}`)) } : o))
        .filter((o) => o.edits.length > 0 || o.append.length > 0);
      const op: Op = { id: nextId.current++, recordId: id, table: edits[0].table, edits, append: [], clear: !!options.clear, status: 'queued' };
      unmark(op);
      publish([...kept, op]);
      void pump();
    },
    [pump, publish],
  );

  /** Queues payments added in the ledger (with edits of others: a paste) as one step. */
  const addPayments = useCallback(
    (append: NewPayment[], edits: CellEdit[] = []) => {
      const id = idRef.current;
      if (id === null || (append.length === 0 && edits.length === 0)) return;
      const op: Op = { id: nextId.current++, recordId: id, table: 'payments', edits, append, clear: false, status: 'queued' };
      unmark(op);
      publish([...opsRef.current, op]);
      void pump();
    },
    [pump, publish],
  );

  /** The store's id of a payment shown under a key (once it has one; settle() first), else the id itself. */
  const paymentId = useCallback((rowId: number): number | undefined => (rowId > 0 ? rowId : paymentKeys.current.id.get(rowId)), []);

  /**
   * Waits until every typed value is written, before anything structural (undo, row operations,
   * import). False when writes cannot get through now (offline): the caller says so instead of
   * waiting for ever. Drafts do not hold anything up.
   */
  const settle = useCallback(async (): Promise<boolean> => {
    for (;;) {
      const queued = opsRef.current.some((o) => o.status === 'queued');
      if (!queued && !running.current) return true;
      if (saveRef.current === 'offline') return false;
      await new Promise((r) => setTimeout(r, 20));
    }
  }, []);

  const retryNow = useCallback(() => {
    publish(opsRef.current.map((o) => (o.status === 'draft' ? { ...o, status: 'queued' } : o)));
    wake.current?.();
    void pump();
  }, [pump, publish]);

  const discardDrafts = useCallback(() => {
    publish(opsRef.current.filter((o) => o.status !== 'draft'));
    setSave(opsRef.current.some((o) => o.status === 'queued') ? saveRef.current : 'saved');
  }, [publish]);

  const view = useMemo(() => (base ? apply(base, ops, keyOf, asOf ?? undefined) : null), [base, ops, keyOf, asOf]);
  const marks = useMemo<Marks>(() => {
    const out = { items: new Map<string, CellMark>(), disbursements: new Map<string, CellMark>(), payments: new Map<string, CellMark>(), indicators: new Map<string, CellMark>() };
    for (const [key, m] of refusals) out[m.table].set(key, { kind: m.kind, message: m.message });
    const draftText = STRINGS[lang].draftMark;
    for (const o of ops) if (o.status === 'draft') for (const e of o.edits) out[e.table].set(`${e.rowId}:${e.field}`, { kind: 'draft', message: draftText });
    return out;
  }, [refusals, ops, lang]);
  const pending = ops.filter((o) => o.status === 'queued').length;
  const drafts = ops.filter((o) => o.status === 'draft').length;
  return { view, save, pending, drafts, marks, edit, addPayments, paymentId, reload, settle, retryNow, discardDrafts, recordId: base?.id ?? null };
}
