// What the user does to records besides typing in a cell, as plain rules with no React: save a basic
// fact, paste, row operations, delete payments or a record, open another. Each waits for typed values
// to be written first (or says why it cannot: nothing is sent then), shows its error, and brings
// everything on screen up to date whatever happened. useRecordActions.ts holds these for React;
// test/unit/renderer/record-actions.test.ts drives them against a fake server.
import type { Client } from '../../shared/client';
import type { Input } from '../../shared/contract';
import type { CountyField, RawValue } from '../../shared/fields';
import type { Lang } from '../../shared/i18n';
import { lockedMessages } from '../../shared/status';
import { message } from './errors';
import type { RowOp } from './grid/TableGrid';
import type { RecordSummary } from './Sidebar';
import type { Strings } from './strings';
import type { Say } from './said';

type IndicatorEdits = Input<'editIndicators'>['edits'];
export type PerformanceField = Input<'editPerformance'>['edits'][number]['field'];
export type ActionTable = 'items' | 'disbursements' | 'indicators';
export type PastedEdit = { rowId: number; field: string; value: RawValue };
/** What is typed on screen and not stored yet (the open record's view answers it). */
export type UnsavedHolder = { unsaved: () => string[]; discard: () => void };

export type ActionsHost = {
  api: Pick<
    Client,
    | 'updateCounty'
    | 'insertRows'
    | 'deleteRows'
    | 'moveRow'
    | 'insertIndicators'
    | 'deleteIndicators'
    | 'editCells'
    | 'editIndicators'
    | 'editPerformance'
    | 'draftPerformance'
    | 'deletePayments'
    | 'deleteRecord'
  >;
  selected: number | null;
  setSelected: (id: number) => void;
  /** False when typed values cannot be written now (offline). */
  settle: () => Promise<boolean>;
  pendingWrites: () => number;
  /** Reloads the record, the list and the history. */
  refresh: () => Promise<unknown>;
  say: Say;
  confirm: (text: string, ok: string, cancel?: string) => Promise<boolean>;
  recordView: () => UnsavedHolder | null;
  /** The store's id of a payment shown under a key (a payment added in this window), once written. */
  paymentId: (rowId: number) => number | undefined;
  t: Strings;
  lang: Lang;
  /** Says, in the sidebar, why what was asked there was refused (deleting an accepted county). */
  notice: (text: string | null) => void;
  /** Basic facts being saved: opening another record waits for them. */
  countySaves: Set<Promise<unknown>>;
};

type Done = { ok: boolean; why?: string };

export function recordActions(host: ActionsHost) {
  const { api, t, lang } = host;

  /** Runs fn once typed values are written; its error is shown. ok when it went through. */
  const act = async (fn: () => Promise<unknown>): Promise<Done> => {
    if (!(await host.settle())) {
      const why = t.pendingWrites(host.pendingWrites());
      host.say(why, 'error');
      return { ok: false, why };
    }
    let result: Done = { ok: true };
    try {
      await fn();
    } catch (e) {
      result = { ok: false, why: message(e, lang) };
      host.say(result.why!, 'error');
    }
    await host.refresh();
    return result;
  };
  /** act() on the open record; false when none is open. */
  const onRecord = async (fn: (recordId: number) => Promise<unknown>): Promise<boolean> => {
    const recordId = host.selected;
    return recordId !== null && (await act(() => fn(recordId))).ok;
  };
  /** act() on the open record for a field: null when stored, else why not (the field keeps the value and shows it). */
  const fieldSaved = async (fn: (recordId: number) => Promise<unknown>): Promise<string | null> => {
    const recordId = host.selected;
    if (recordId === null) return null;
    const r = await act(() => fn(recordId));
    return r.ok ? null : (r.why ?? '');
  };

  /** A basic fact. */
  const saveCounty = (field: CountyField, value: string): Promise<string | null> => {
    const saving = fieldSaved((id) => api.updateCounty({ id, field, value }));
    host.countySaves.add(saving);
    void saving.finally(() => host.countySaves.delete(saving));
    return saving;
  };

  const rowsOp = (table: ActionTable, op: RowOp): Promise<boolean> => {
    if (table === 'indicators') {
      if (op.kind === 'move') return Promise.resolve(false);
      return onRecord((recordId) =>
        op.kind === 'insert'
          ? api.insertIndicators({ recordId, index: op.index, count: op.count })
          : api.deleteIndicators({ recordId, rowIds: op.rowIds }),
      );
    }
    return onRecord((recordId) =>
      op.kind === 'insert'
        ? api.insertRows({ recordId, table, index: op.index, count: op.count })
        : op.kind === 'delete'
          ? api.deleteRows({ recordId, table, rowIds: op.rowIds })
          : api.moveRow({ recordId, table, rowId: op.rowId, toIndex: op.toIndex }),
    );
  };

  /** A paste: cell edits and appended rows, one step. */
  const paste = (table: ActionTable, edits: PastedEdit[], append: Record<string, RawValue>[]): Promise<boolean> =>
    onRecord((recordId) =>
      table === 'indicators'
        ? api.editIndicators({ recordId, edits: edits as IndicatorEdits, append })
        : api.editCells({ recordId, table, edits, append }),
    );

  /** A field of 四、绩效自评 (money, goals, weights). */
  const savePerformance = (field: PerformanceField, value: string) =>
    fieldSaved((recordId) => api.editPerformance({ recordId, edits: [{ field, value }] }));
  /** Starts 四、绩效自评 (the money from the record), with indicators drafted from table 二 or not. */
  const startPerformance = (draft: boolean) => onRecord((recordId) => api.draftPerformance({ recordId, draft }));

  /** Payments deleted in the ledger, one step (after what is being written, so each has its id). */
  const deletePayments = (rowIds: number[]) =>
    onRecord(async (recordId) => {
      const paymentIds = rowIds.map(host.paymentId).filter((id): id is number => id !== undefined);
      if (paymentIds.length) await api.deletePayments({ recordId, paymentIds });
    });

  const deleteRecord = async (r: RecordSummary) => {
    // An accepted county is locked: said at once, before asking anything (the store refuses it too).
    if (r.status.status === 'accepted') {
      const why = lockedMessages(r.county, r.batch, r.status.by, r.status.at)[lang];
      host.notice(why);
      host.say(why, 'error');
      return;
    }
    if (!(await host.confirm(t.confirmDelete(r.county), t.delete))) return;
    let backup: string | null = null;
    const done = await act(async () => ({ backup } = await api.deleteRecord({ id: r.id })));
    if (done.ok) host.say(t.deleted(backup ?? '—'));
    else host.notice(done.why ?? null);
  };

  /** Opens another record; a value typed and not stored is never dropped without a yes. */
  const open = async (id: number) => {
    if (id === host.selected) return;
    await Promise.all(host.countySaves);
    const unsaved = host.recordView()?.unsaved() ?? [];
    if (unsaved.length) {
      if (!(await host.confirm(t.unsaved(unsaved.join('、')), t.discard, t.stay))) return;
      host.recordView()?.discard();
    }
    host.setSelected(id);
  };

  return { saveCounty, rowsOp, paste, deletePayments, deleteRecord, open, savePerformance, startPerformance };
}
