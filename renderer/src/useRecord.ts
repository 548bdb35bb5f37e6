// The open record: the store's copy plus the edits not yet seen in it, applied locally so rates,
// totals, findings and the sidebar change in the same frame as the typing.
//
// Each edit is an op, written in order by editWriter.ts (which says what a failed write does);
// the queue's rules are editQueue.ts. This hook holds them for React. Nothing else waits on a
// failing write for ever: settle() says when writes are stuck.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../shared/client';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { message } from './errors';
import type { Said } from './said';
import { EditWriter } from './editWriter';
import {
  counts,
  dropDrafts,
  enqueue,
  marksOf,
  notIn,
  refuse,
  requeueDrafts,
  unrefuse,
  viewOf,
  writtenIds,
  type CellEdit,
  type EditOptions,
  type Loaded,
  type Marks,
  type NewPayment,
  type Op,
  type Refusals,
  type SaveState,
} from './editQueue';

export { message };
export type { CellEdit, EditOptions, Loaded, Marks, NewPayment, SaveState, View } from './editQueue';

type Options = {
  onError: (text: Said) => void;
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
  const nextId = useRef(1);
  const idRef = useRef(recordId);
  idRef.current = recordId;
  const latestReload = useRef(0);
  const seenRef = useRef<number | undefined>(undefined);
  const callbacks = useRef({ onError, onWritten, onStored, lang });
  callbacks.current = { onError, onWritten, onStored, lang };
  const asOfRef = useRef(asOf);
  asOfRef.current = asOf;

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
      seenRef.current = loaded.seen;
      setBase(loaded);
      publish(notIn(opsRef.current, seen));
    } catch (e) {
      if (e instanceof ApiError && e.wire.code === 'no_record') setBase(null);
      else callbacks.current.onError((l) => message(e, l));
    }
  }, [publish]);

  const [writer] = useState(
    () =>
      new EditWriter({
        api,
        ops: () => opsRef.current,
        seen: () => seenRef.current,
        publish: (next) => publish(next),
        save: () => saveRef.current,
        setSave: (state) => setSave(state),
        refused: (op, text) => setRefusals((m) => refuse(m, op, text)),
        onError: (text) => callbacks.current.onError(text),
        reload: () => reload(),
        onWritten: () => callbacks.current.onWritten(),
        onStored: () => callbacks.current.onStored(),
      }),
  );
  // Payments added in this window are shown under the key they were typed under.
  const keyOf = useCallback((id: number) => writer.payments.key.get(id) ?? id, [writer]);
  const pump = useCallback(() => writer.pump(), [writer]);

  useEffect(() => {
    setBase(null);
    writer.forgetPayments();
    void reload();
  }, [recordId, reload, writer]);
  // Another day: the same record, its figures as of it.
  const firstAsOf = useRef(true);
  useEffect(() => {
    if (firstAsOf.current) firstAsOf.current = false;
    else void reload();
  }, [asOf, reload]);

  const unmark = (op: Op) => setRefusals((m) => unrefuse(m, op));

  /** Writes what is queued once the frame that shows it is drawn: typing puts the figures on screen first. */
  const writeSoon = useCallback(() => {
    setSave('saving');
    requestAnimationFrame(() => setTimeout(() => void pump()));
  }, [pump]);

  /** Queues cell edits of one table (typing, Delete) as one step. */
  const edit = useCallback(
    (edits: CellEdit[], options: EditOptions = {}) => {
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
        fill: options.fill,
        status: 'queued',
      };
      unmark(op);
      publish(enqueue(opsRef.current, op));
      writeSoon();
    },
    [writeSoon, publish],
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
  const paymentId = useCallback((rowId: number): number | undefined => (rowId > 0 ? rowId : writer.payments.id.get(rowId)), [writer]);

  /**
   * Waits until every typed value is written, before anything structural (undo, row operations,
   * import). False when writes cannot get through now (offline): the caller says so instead of
   * waiting for ever. Drafts do not hold anything up.
   */
  const settle = useCallback(() => writer.settle(), [writer]);

  const retryNow = useCallback(() => {
    publish(requeueDrafts(opsRef.current));
    writer.wake();
    void pump();
  }, [pump, publish, writer]);

  const discardDrafts = useCallback(() => {
    publish(dropDrafts(opsRef.current));
    setSave(opsRef.current.some((o) => o.status === 'queued') ? saveRef.current : 'saved');
  }, [publish]);

  const view = useMemo(() => (base ? viewOf(base, ops, keyOf, asOf ?? undefined) : null), [base, ops, keyOf, asOf]);
  const marks = useMemo<Marks>(() => marksOf(refusals, ops, lang), [refusals, ops, lang]);
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
