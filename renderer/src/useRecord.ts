// The open record: the server's copy plus edits not yet written, applied locally so rates,
// totals and findings change in the same frame as the typing. Writes go in order; a write that
// fails for lack of a connection keeps its value on screen and is retried.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../shared/client';
import type { Output } from '../../shared/contract';
import { computeRecord, toInput, type CountyRecord, type RecordInput } from '../../shared/record';
import { checkRecord } from '../../shared/checks';
import type { Finding } from '../../shared/findings';
import type { EditTable, FieldValue, RawValue } from '../../shared/fields';
import { api, OfflineError } from './api';

export type Loaded = Output<'getRecord'>;
export type SaveState = 'saved' | 'saving' | 'error';
export type CellEdit = { table: EditTable; rowId: number; field: string; raw: RawValue; value: FieldValue };
type Op = { recordId: number; edits: CellEdit[] };

export type View = { record: CountyRecord; findings: Finding[]; itemIds: number[]; disbursementIds: number[] };

function apply(base: Loaded, ops: Op[]): View {
  if (ops.length === 0) return { record: base.record, findings: base.findings, itemIds: base.itemIds, disbursementIds: base.disbursementIds };
  const input: RecordInput = structuredClone(toInput(base.record));
  for (const op of ops) {
    for (const e of op.edits) {
      const ids = e.table === 'items' ? base.itemIds : base.disbursementIds;
      const row = (input[e.table] as unknown as Record<string, FieldValue>[])[ids.indexOf(e.rowId)];
      if (!row) continue;
      if (e.field === 'statedRate' && e.value === null) delete row.statedRate;
      else row[e.field] = e.value;
    }
  }
  const record = computeRecord(input);
  return { record, findings: checkRecord(record), itemIds: base.itemIds, disbursementIds: base.disbursementIds };
}

export function useRecord(recordId: number | null, onError: (message: string) => void, lang: 'zh' | 'en') {
  const [base, setBase] = useState<Loaded | null>(null);
  // What the screen applies over the store's copy: ops written but not yet seen in a reload,
  // then ops waiting to be written. A written op stays until a reload brings it back, so the
  // old value never flashes up in between.
  const [ops, setOps] = useState<Op[]>([]);
  const [save, setSave] = useState<SaveState>('saved');
  const queueRef = useRef<Op[]>([]);
  const writtenRef = useRef<Op[]>([]);
  const showOps = useCallback(() => setOps([...writtenRef.current, ...queueRef.current]), []);
  const running = useRef(false);
  const idRef = useRef(recordId);
  idRef.current = recordId;
  // Reloads can answer out of order (an undo's reload may overtake the one after a write):
  // only the latest reload asked for may set what is on screen.
  const latestReload = useRef(0);

  const reload = useCallback(async () => {
    const id = idRef.current;
    const ticket = ++latestReload.current;
    if (id === null) {
      setBase(null);
      return;
    }
    try {
      const loaded = await api.getRecord({ id });
      if (ticket === latestReload.current && idRef.current === id && queueRef.current.length === 0) {
        setBase(loaded);
        writtenRef.current = [];
        showOps();
      }
    } catch (e) {
      if (e instanceof ApiError && e.wire.code === 'no_record') setBase(null);
      else onError(message(e, lang));
    }
  }, [onError, lang, showOps]);

  useEffect(() => {
    writtenRef.current = [];
    setBase(null);
    void reload();
  }, [recordId, reload]);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setSave('saving');
    while (queueRef.current.length) {
      const op = queueRef.current[0];
      try {
        await api.editCells({ recordId: op.recordId, table: op.edits[0].table, edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field, value: e.raw })) });
        queueRef.current = queueRef.current.slice(1);
        writtenRef.current = [...writtenRef.current, op];
      } catch (e) {
        if (e instanceof OfflineError) {
          setSave('error');
          await new Promise((r) => setTimeout(r, 1500));
          setSave('saving');
          continue;
        }
        // Refused by the store: the value goes, with the reason.
        queueRef.current = queueRef.current.slice(1);
        onError(message(e, lang));
      }
      showOps();
    }
    running.current = false;
    setSave('saved');
    await reload();
  }, [reload, onError, lang, showOps]);

  const edit = useCallback(
    (edits: CellEdit[]) => {
      const id = idRef.current;
      if (id === null || edits.length === 0) return;
      queueRef.current = [...queueRef.current, { recordId: id, edits }];
      showOps();
      void pump();
    },
    [pump, showOps],
  );

  /** Waits until every typed value is written (before undo, row operations, switching). */
  const settle = useCallback(async () => {
    while (queueRef.current.length || running.current) await new Promise((r) => setTimeout(r, 30));
  }, []);

  const view = useMemo(() => (base ? apply(base, ops) : null), [base, ops]);
  return { view, save, edit, reload, settle, recordId: base?.id ?? null };
}

export function message(e: unknown, lang: 'zh' | 'en'): string {
  if (e instanceof ApiError) return e.wire.messages?.[lang] ?? e.wire.message;
  return e instanceof Error ? e.message : String(e);
}
