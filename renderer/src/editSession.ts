// The open record's edit session, in plain TypeScript (no React): the store's copy, the ops not yet
// seen in it and their save state, the cells refused, and which reload may put a record on screen.
// The queue's rules are editQueue.ts; the writing (and what a failed write does) is editWriter.ts.
// useRecord.ts holds one session for React and redraws when it says it changed;
// test/unit/renderer/edit-session.test.ts drives it against a fake server.
import { ApiError, type Client } from '../../shared/client';
import { message } from './errors';
import { EditWriter, type WriterHost } from './editWriter';
import type { Said } from './said';
import {
  dropDrafts,
  enqueue,
  notIn,
  refuse,
  requeueDrafts,
  unrefuse,
  writtenIds,
  type CellEdit,
  type EditOptions,
  type Loaded,
  type NewPayment,
  type Op,
  type Refusals,
  type SaveState,
} from './editQueue';

export type SessionHost = {
  api: Pick<Client, 'getRecord'> & WriterHost['api'];
  /** What is on screen changed (the record, the ops, the save state or the refusals). */
  changed: () => void;
  onError: (text: Said) => void;
  onWritten: () => void;
  /** A value was stored (the error it fixes is no longer what just happened). */
  onStored: () => void;
  /** Runs the writing once the frame showing the typed value is drawn: typing puts the figures on screen first. */
  afterFrame?: (write: () => void) => void;
  sleep?: WriterHost['sleep'];
};

const nextFrame = (write: () => void) => requestAnimationFrame(() => setTimeout(write));

export class EditSession {
  /** The store's copy of the open record (null: none, or not loaded yet). */
  base: Loaded | null = null;
  ops: Op[] = [];
  save: SaveState = 'saved';
  refusals: Refusals = new Map();
  /** The record asked for and the day its figures are as of (null: its own), as the screen says now. */
  recordId: number | null = null;
  asOf: string | null = null;
  private nextId = 1;
  private latestReload = 0;
  /** The change log's position the open record was read at (null: not read here): sent with every change. */
  private seen: { id: number; seen: number } | null = null;
  private readonly writer: EditWriter;

  constructor(private readonly host: SessionHost) {
    this.writer = new EditWriter({
      api: host.api,
      ops: () => this.ops,
      seen: () => this.seen?.seen,
      publish: (next) => this.publish(next),
      save: () => this.save,
      setSave: (state) => this.setSave(state),
      refused: (op, text) => this.setRefusals(refuse(this.refusals, op, text)),
      onError: (text) => host.onError(text),
      reload: () => this.reload(),
      onWritten: () => host.onWritten(),
      onStored: () => host.onStored(),
      sleep: host.sleep,
    });
  }

  /** The change log's position this window read a record at (undefined: not read here). */
  seenOf = (recordId: number): number | undefined => (this.seen?.id === recordId ? this.seen.seen : undefined);

  /** What the screen asks for now (set as it draws; opened() or reload() then bring it). */
  ask(recordId: number | null, asOf: string | null) {
    this.recordId = recordId;
    this.asOf = asOf;
  }

  private publish(next: Op[]) {
    this.ops = next;
    this.host.changed();
  }
  private setSave(state: SaveState) {
    this.save = state;
    this.host.changed();
  }
  private setRefusals(next: Refusals) {
    this.refusals = next;
    this.host.changed();
  }

  /** Another record is open: nothing of the last one stays on screen, its payments are its own. */
  opened = (): Promise<void> => {
    this.base = null;
    this.host.changed();
    this.writer.forgetPayments();
    return this.reload();
  };

  /**
   * Brings the store's copy. Reloads can answer out of order (an undo's reload may overtake the one
   * after a write): only the latest asked for may set what is on screen, and only for the record
   * still open. Ops written before it was asked are in it.
   */
  reload = async (): Promise<void> => {
    const id = this.recordId;
    const ticket = ++this.latestReload;
    if (id === null) {
      this.base = null;
      this.host.changed();
      return;
    }
    const seen = writtenIds(this.ops);
    try {
      const loaded = await this.host.api.getRecord({ id, ...(this.asOf ? { asOf: this.asOf } : {}) });
      if (ticket !== this.latestReload || this.recordId !== id) return;
      this.seen = { id, seen: loaded.seen };
      this.base = loaded;
      this.publish(notIn(this.ops, seen));
    } catch (e) {
      if (e instanceof ApiError && e.wire.code === 'no_record') {
        this.base = null;
        this.host.changed();
      } else this.host.onError((l) => message(e, l));
    }
  };

  /** A new op of the open record: a new value for a cell replaces its draft, and its old refusal mark goes. */
  private queue(table: Op['table'], edits: CellEdit[], append: NewPayment[], options: EditOptions = {}): Op | null {
    const recordId = this.recordId;
    if (recordId === null || (edits.length === 0 && append.length === 0)) return null;
    const op: Op = { id: this.nextId++, recordId, table, edits, append, clear: !!options.clear, fill: options.fill, status: 'queued' };
    this.setRefusals(unrefuse(this.refusals, op));
    return op;
  }

  /** Cell edits of one table (typing, Delete) as one step, written once the frame that shows them is drawn. */
  edit = (edits: CellEdit[], options: EditOptions = {}) => {
    const op = edits.length ? this.queue(edits[0].table, edits, [], options) : null;
    if (!op) return;
    this.publish(enqueue(this.ops, op));
    this.setSave('saving');
    (this.host.afterFrame ?? nextFrame)(() => void this.writer.pump());
  };

  /** Payments added in the ledger (with edits of others: a paste) as one step. */
  addPayments = (append: NewPayment[], edits: CellEdit[] = []) => {
    const op = this.queue('payments', edits, append);
    if (!op) return;
    this.publish([...this.ops, op]);
    void this.writer.pump();
  };

  /** The key a payment added in this window is shown under (its grid row stays the same row), else its id. */
  keyOf = (id: number): number => this.writer.payments.key.get(id) ?? id;

  /** The store's id of a payment shown under a key (once it has one; settle() first), else the id itself. */
  paymentId = (rowId: number): number | undefined => (rowId > 0 ? rowId : this.writer.payments.id.get(rowId));

  /**
   * Waits until every typed value is written, before anything structural (undo, row operations,
   * import). False when writes cannot get through now (offline): the caller says so instead of
   * waiting for ever. Drafts do not hold anything up.
   */
  settle = (): Promise<boolean> => this.writer.settle();

  /** 重试保存: drafts are queued again and the writer tries at once. */
  retryNow = () => {
    this.publish(requeueDrafts(this.ops));
    this.writer.wake();
    void this.writer.pump();
  };

  /** 放弃草稿. */
  discardDrafts = () => {
    this.publish(dropDrafts(this.ops));
    this.setSave(this.ops.some((o) => o.status === 'queued') ? this.save : 'saved');
  };
}
