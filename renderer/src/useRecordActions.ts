// What the user does to records besides typing in a cell: save a basic fact, paste, row
// operations, delete a record, open another. Each waits for typed values to be written first
// (or says why it cannot), then brings everything on screen up to date.
import { useCallback, useRef, type RefObject } from 'react';
import type { CountyField, RawValue } from '../../shared/fields';
import { api } from './api';
import { message } from './errors';
import type { RowOp } from './grid/TableGrid';
import type { RecordViewHandle } from './RecordView';
import type { RecordSummary } from './Sidebar';
import type { Strings } from './strings';
import { saying, sayingEither, type Said, type Say } from './said';
import { lockedMessages } from '../../shared/status';
import type { Input } from '../../shared/contract';

type IndicatorEdits = Input<'editIndicators'>['edits'];
export type PerformanceField = Input<'editPerformance'>['edits'][number]['field'];

type Table = 'items' | 'disbursements' | 'indicators';
type Options = {
  selected: number | null;
  setSelected: (id: number) => void;
  settle: () => Promise<boolean>;
  pendingWrites: () => number;
  /** Reloads the record, the list and the history. */
  refresh: () => Promise<unknown>;
  say: Say;
  confirm: (text: string, ok: string, cancel?: string) => Promise<boolean>;
  recordView: RefObject<RecordViewHandle | null>;
  /** The store's id of a payment shown under a key (a payment added in this window), once written. */
  paymentId: (rowId: number) => number | undefined;
  t: Strings;
  /** Says, in the sidebar, why what was asked there was refused (deleting an accepted county). */
  notice: (text: Said | null) => void;
};

export function useRecordActions({
  selected,
  setSelected,
  settle,
  pendingWrites,
  refresh,
  say,
  confirm,
  recordView,
  paymentId,
  t,
  notice,
}: Options) {
  const countySaves = useRef(new Set<Promise<unknown>>());

  /** Runs fn once typed values are written; its error is shown. True when it went through. */
  const act = useCallback(
    async (fn: () => Promise<unknown>): Promise<{ ok: boolean; why?: Said }> => {
      if (!(await settle())) {
        const n = pendingWrites();
        const why = saying((w) => w.pendingWrites(n));
        say(why, 'error');
        return { ok: false, why };
      }
      let result: { ok: boolean; why?: Said } = { ok: true };
      try {
        await fn();
      } catch (e) {
        result = { ok: false, why: (l) => message(e, l) };
        say(result.why!, 'error');
      }
      await refresh();
      return result;
    },
    [settle, pendingWrites, refresh, say],
  );

  /** A basic fact: null when stored, else why not (the field keeps the value and shows it). */
  const saveCounty = (field: CountyField, value: string): Promise<Said | null> => {
    const id = selected;
    if (id === null) return Promise.resolve(null);
    const saving = act(() => api.updateCounty({ id, field, value })).then((r) => (r.ok ? null : (r.why ?? (() => ''))));
    countySaves.current.add(saving);
    void saving.finally(() => countySaves.current.delete(saving));
    return saving;
  };

  const rowsOp = async (table: Table, op: RowOp): Promise<boolean> => {
    const recordId = selected;
    if (recordId === null) return false;
    if (table === 'indicators') {
      if (op.kind === 'move') return false;
      return (
        await act(() =>
          op.kind === 'insert'
            ? api.insertIndicators({ recordId, index: op.index, count: op.count })
            : api.deleteIndicators({ recordId, rowIds: op.rowIds }),
        )
      ).ok;
    }
    const call = () =>
      op.kind === 'insert'
        ? api.insertRows({ recordId, table, index: op.index, count: op.count })
        : op.kind === 'delete'
          ? api.deleteRows({ recordId, table, rowIds: op.rowIds })
          : api.moveRow({ recordId, table, rowId: op.rowId, toIndex: op.toIndex });
    return (await act(call)).ok;
  };

  /** A paste: cell edits and appended rows, one step. */
  const paste = async (
    table: Table,
    edits: { rowId: number; field: string; value: RawValue }[],
    append: Record<string, RawValue>[],
  ): Promise<boolean> => {
    const recordId = selected;
    if (recordId === null) return false;
    if (table === 'indicators') return (await act(() => api.editIndicators({ recordId, edits: edits as IndicatorEdits, append }))).ok;
    return (await act(() => api.editCells({ recordId, table, edits, append }))).ok;
  };

  /** A field of 四、绩效自评 (money, goals, weights): null when stored, else why not. */
  const savePerformance = (field: PerformanceField, value: string): Promise<Said | null> => {
    const recordId = selected;
    if (recordId === null) return Promise.resolve(null);
    return act(() => api.editPerformance({ recordId, edits: [{ field, value }] })).then((r) => (r.ok ? null : (r.why ?? (() => ''))));
  };
  /** Starts 四、绩效自评 (the money from the record), with indicators drafted from table 二 or not. */
  const startPerformance = async (draft: boolean): Promise<boolean> => {
    const recordId = selected;
    if (recordId === null) return false;
    return (await act(() => api.draftPerformance({ recordId, draft }))).ok;
  };

  /** Payments deleted in the ledger, one step (after what is being written, so each has its id). */
  const deletePayments = async (rowIds: number[]): Promise<boolean> => {
    const recordId = selected;
    if (recordId === null) return false;
    return (
      await act(async () => {
        const paymentIds = rowIds.map(paymentId).filter((id): id is number => id !== undefined);
        if (paymentIds.length) await api.deletePayments({ recordId, paymentIds });
      })
    ).ok;
  };

  const deleteRecord = async (r: RecordSummary) => {
    // An accepted county is locked: said at once, before asking anything (the store refuses it too).
    if (r.status.status === 'accepted') {
      const why = sayingEither(lockedMessages(r.county, r.batch, r.status.by, r.status.at));
      notice(why);
      say(why, 'error');
      return;
    }
    if (!(await confirm(t.confirmDelete(r.county), t.delete))) return;
    let backup: string | null = null;
    const done = await act(async () => ({ backup } = await api.deleteRecord({ id: r.id })));
    const kept = backup ?? '—';
    if (done.ok) say(saying((w) => w.deleted(kept)));
    else notice(done.why ?? null);
  };

  /** Opens another record; a value typed and not stored is never dropped without a yes. */
  const open = async (id: number) => {
    if (id === selected) return;
    await Promise.all(countySaves.current);
    const unsaved = recordView.current?.unsaved() ?? [];
    if (unsaved.length) {
      if (!(await confirm(t.unsaved(unsaved.join('、')), t.discard, t.stay))) return;
      recordView.current?.discard();
    }
    setSelected(id);
  };

  return { saveCounty, rowsOp, paste, deletePayments, deleteRecord, open, savePerformance, startPerformance };
}
