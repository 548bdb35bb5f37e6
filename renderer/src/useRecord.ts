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
import { ApiError, type ServerError } from '../../shared/client';
import type { PaymentField } from '../../shared/ledger';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { message } from './errors';
import { STRINGS } from './strings';
import {
  counts,
  dropDrafts,
  enqueue,
  failureOf,
  marksOf,
  nextDelay,
  nextQueued,
  notIn,
  refuse,
  requeueDrafts,
  restingState,
  unrefuse,
  viewOf,
  withStatus,
  without,
  writtenIds,
  type CellEdit,
  type Loaded,
  type Marks,
  type NewPayment,
  type Op,
  type Refusals,
  type SaveState,
} from './editQueue';
import type { IndicatorEditField } from '../../shared/performance-names';

export { message };
export type { CellEdit, Loaded, Marks, NewPayment, SaveState, View } from './editQueue';

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
  /** A value was stored (the error it fixes is no longer what just happened). */
  onStored: () => void;
  lang: Lang;
  /** The day the figures are as of; null: the record's own (its 验收日期, else today). */
  asOf: string | null;
};

export function useRecord(recordId: number | null, { onError, onWritten, onStored, lang, asOf }: Options) {
  const [base, setBase] = useState<Loaded | null>(null);
  const [ops, setOps] = useState<Op[]>([]);
  const [save, setSaveState] = useState<SaveState>('saved');
  const [refusals, setRefusals] = useState<Refusals>(new Map());
  const opsRef = useRef<Op[]>([]);
  const saveRef = useRef<SaveState>('saved');
  const running = useRef(false);
  const wake = useRef<(() => void) | null>(null);
  const nextId = useRef(1);
  const idRef = useRef(recordId);
  idRef.current = recordId;
  const latestReload = useRef(0);
  const callbacks = useRef({ onError, onWritten, onStored, lang });
  callbacks.current = { onError, onWritten, onStored, lang };
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
    const seen = writtenIds(opsRef.current);
    try {
      const loaded = await api.getRecord({ id, ...(asOfRef.current ? { asOf: asOfRef.current } : {}) });
      if (ticket !== latestReload.current || idRef.current !== id) return;
      setBase(loaded);
      publish(notIn(opsRef.current, seen));
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

  const markRefused = (op: Op, text: string) => setRefusals((m) => refuse(m, op, text));
  const unmark = (op: Op) => setRefusals((m) => unrefuse(m, op));

  /** Payment edits and added payments, one step; a payment typed under a key is edited by its id once the store gave it one. */
  const writePayments = async (op: Op) => {
    const keys = paymentKeys.current;
    const edits = op.edits.map((e) => ({
      paymentId: e.rowId > 0 ? e.rowId : (keys.id.get(e.rowId) ?? 0),
      field: e.field as PaymentField,
      value: e.raw,
    }));
    // Its payment was never stored (its adding was refused, and said so): the edit goes the same way.
    if (edits.some((e) => e.paymentId === 0))
      throw new ApiError({
        code: 'no_row',
        message: STRINGS.zh.paymentNotStored,
        messages: { zh: STRINGS.zh.paymentNotStored, en: STRINGS.en.paymentNotStored },
      });
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
      const op = nextQueued(opsRef.current);
      if (!op) break;
      setSave('saving');
      const { lang: l, onError: fail } = callbacks.current;
      try {
        if (op.table === 'payments') await writePayments(op);
        else if (op.table === 'indicators')
          await api.editIndicators({
            recordId: op.recordId,
            edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field as IndicatorEditField, value: e.raw })),
            clear: op.clear,
          });
        else
          await api.editCells({
            recordId: op.recordId,
            table: op.table,
            edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field, value: e.raw })),
            clear: op.clear,
          });
        publish(withStatus(opsRef.current, op.id, 'written'));
        callbacks.current.onStored();
        delay = 1000;
      } catch (e) {
        const failure = failureOf(e);
        if (failure === 'offline') {
          setSave('offline');
          await sleep(delay, wake);
          delay = nextDelay(delay);
          continue;
        }
        if (failure === 'draft') {
          const { wire } = e as ServerError;
          publish(withStatus(opsRef.current, op.id, 'draft'));
          fail(STRINGS[l].serverFailed(wire.code, wire.messages?.[l] ?? wire.message));
        } else {
          // Refused by the store: the value goes, and its cells say why.
          publish(without(opsRef.current, op.id));
          const text = message(e, l);
          markRefused(op, text);
          fail(text);
        }
      }
    }
    running.current = false;
    setSave(restingState(opsRef.current));
    await reload();
    callbacks.current.onWritten();
  }, [reload, publish]);

  /** Queues cell edits of one table (typing, Delete) as one step. */
  const edit = useCallback(
    (edits: CellEdit[], options: { clear?: boolean } = {}) => {
      const id = idRef.current;
      if (id === null || edits.length === 0) return;
      // A new value for a cell replaces its draft, and its old refusal mark goes.
      const op: Op = {
        id: nextId.current++,
        recordId: id,
        table: edits[0].table,
        edits,
        append: [],
        clear: !!options.clear,
        status: 'queued',
      };
      unmark(op);
      publish(enqueue(opsRef.current, op));
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
    publish(requeueDrafts(opsRef.current));
    wake.current?.();
    void pump();
  }, [pump, publish]);

  const discardDrafts = useCallback(() => {
    publish(dropDrafts(opsRef.current));
    setSave(opsRef.current.some((o) => o.status === 'queued') ? saveRef.current : 'saved');
  }, [publish]);

  const view = useMemo(() => (base ? viewOf(base, ops, keyOf, asOf ?? undefined) : null), [base, ops, keyOf, asOf]);
  const marks = useMemo<Marks>(() => marksOf(refusals, ops, STRINGS[lang].draftMark), [refusals, ops, lang]);
  const { pending, drafts } = counts(ops);
  return {
    view,
    save,
    pending,
    drafts,
    marks,
    edit,
    addPayments,
    paymentId,
    reload,
    settle,
    retryNow,
    discardDrafts,
    recordId: base?.id ?? null,
  };
}
