// What the user does to records besides typing in a cell, as plain rules with no React: save a basic
// fact, paste, row operations, delete payments or a record, open another. Each waits for typed values
// to be written first (or says why it cannot: nothing is sent then), shows its error, and brings
// everything on screen up to date whatever happened. useRecordActions.ts holds these for React;
// test/unit/renderer/record-actions.test.ts drives them against a fake server.
import type { Client } from '../../shared/client';
import type { Input } from '../../shared/contract';
import type { CountyField, RawValue } from '../../shared/fields';
import { lockedMessages, statusDay } from '../../shared/status';
import { message } from './errors';
import type { RowOp } from './grid/TableGrid';
import type { RecordSummary } from './Sidebar';
import type { Strings } from './strings';
import { saying, sayingEither, type Said, type Say } from './said';

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
  /** The change log's position this window read a record at: sent with each change, so one over another's is refused. */
  seenOf: (recordId: number) => number | undefined;
  t: Strings;
  /** Says, in the sidebar, why what was asked there was refused (deleting an accepted county). */
  notice: (text: Said | null) => void;
  /** Basic facts being saved: opening another record waits for them. */
  countySaves: Set<Promise<unknown>>;
};

type Done = { ok: boolean; why?: Said };

export class RecordActions {
  constructor(private readonly host: ActionsHost) {}

  /** Runs fn once typed values are written; its error is shown. ok when it went through. */
  private act = async (fn: () => Promise<unknown>): Promise<Done> => {
    if (!(await this.host.settle())) {
      const n = this.host.pendingWrites();
      const why = saying((w) => w.pendingWrites(n));
      this.host.say(why, 'error');
      return { ok: false, why };
    }
    let result: Done = { ok: true };
    try {
      await fn();
    } catch (e) {
      result = { ok: false, why: (l) => message(e, l) };
      this.host.say(result.why!, 'error');
    }
    await this.host.refresh();
    return result;
  };
  /** act() on the open record; false when none is open. */
  private onRecord = async (fn: (recordId: number) => Promise<unknown>): Promise<boolean> => {
    const recordId = this.host.selected;
    return recordId !== null && (await this.act(() => fn(recordId))).ok;
  };
  /** act() on the open record for a field: null when stored, else why not (the field keeps the value and shows it). */
  private fieldSaved = async (fn: (recordId: number) => Promise<unknown>): Promise<Said | null> => {
    const recordId = this.host.selected;
    if (recordId === null) return null;
    const r = await this.act(() => fn(recordId));
    return r.ok ? null : (r.why ?? (() => ''));
  };

  /** A basic fact. */
  saveCounty = (field: CountyField, value: string): Promise<Said | null> => {
    const saving = this.fieldSaved((id) => this.host.api.updateCounty({ id, field, value, seen: this.host.seenOf(id) }));
    this.host.countySaves.add(saving);
    void saving.finally(() => this.host.countySaves.delete(saving));
    return saving;
  };

  rowsOp = (table: ActionTable, op: RowOp): Promise<boolean> => {
    if (table === 'indicators') {
      if (op.kind === 'move') return Promise.resolve(false);
      return this.onRecord((recordId) =>
        op.kind === 'insert'
          ? this.host.api.insertIndicators({ recordId, index: op.index, count: op.count, seen: this.host.seenOf(recordId) })
          : this.host.api.deleteIndicators({ recordId, rowIds: op.rowIds, seen: this.host.seenOf(recordId) }),
      );
    }
    return this.onRecord((recordId) =>
      op.kind === 'insert'
        ? this.host.api.insertRows({ recordId, table, index: op.index, count: op.count, seen: this.host.seenOf(recordId) })
        : op.kind === 'delete'
          ? this.host.api.deleteRows({ recordId, table, rowIds: op.rowIds, seen: this.host.seenOf(recordId) })
          : this.host.api.moveRow({ recordId, table, rowId: op.rowId, toIndex: op.toIndex, seen: this.host.seenOf(recordId) }),
    );
  };

  /** A paste: cell edits and appended rows, one step. */
  paste = (table: ActionTable, edits: PastedEdit[], append: Record<string, RawValue>[]): Promise<boolean> =>
    this.onRecord((recordId) =>
      table === 'indicators'
        ? this.host.api.editIndicators({ recordId, edits: edits as IndicatorEdits, append, seen: this.host.seenOf(recordId) })
        : this.host.api.editCells({ recordId, table, edits, append, seen: this.host.seenOf(recordId) }),
    );

  /** A field of 四、绩效自评 (money, goals, weights). */
  savePerformance = (field: PerformanceField, value: string) =>
    this.fieldSaved((recordId) => this.host.api.editPerformance({ recordId, edits: [{ field, value }], seen: this.host.seenOf(recordId) }));
  /** Starts 四、绩效自评 (the money from the record), with indicators drafted from table 二 or not. */
  startPerformance = (draft: boolean) => this.onRecord((recordId) => this.host.api.draftPerformance({ recordId, draft }));

  /** Payments deleted in the ledger, one step (after what is being written, so each has its id). */
  deletePayments = (rowIds: number[]) =>
    this.onRecord(async (recordId) => {
      const paymentIds = rowIds.map(this.host.paymentId).filter((id): id is number => id !== undefined);
      if (paymentIds.length) await this.host.api.deletePayments({ recordId, paymentIds, seen: this.host.seenOf(recordId) });
    });

  deleteRecord = async (r: RecordSummary) => {
    // An accepted county is locked: said at once, before asking anything (the store refuses it too).
    if (r.status.status === 'accepted') {
      const why = sayingEither(lockedMessages(r.county, r.batch, r.status.by, statusDay(r.status)));
      this.host.notice(why);
      this.host.say(why, 'error');
      return;
    }
    if (!(await this.host.confirm(this.host.t.confirmDelete(r.county), this.host.t.delete))) return;
    let backup: string | null = null;
    const done = await this.act(async () => ({ backup } = await this.host.api.deleteRecord({ id: r.id })));
    const kept = backup ?? '—';
    if (done.ok) this.host.say(saying((w) => w.deleted(kept)));
    else this.host.notice(done.why ?? null);
  };

  /** Opens another record; a value typed and not stored is never dropped without a yes. */
  open = async (id: number) => {
    if (id === this.host.selected) return;
    await Promise.all(this.host.countySaves);
    const unsaved = this.host.recordView()?.unsaved() ?? [];
    if (unsaved.length) {
      if (!(await this.host.confirm(this.host.t.unsaved(unsaved.join('、')), this.host.t.discard, this.host.t.stay))) return;
      this.host.recordView()?.discard();
    }
    this.host.setSelected(id);
  };
}
