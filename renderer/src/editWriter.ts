// The open record's writes, in plain TypeScript (no React): the queued edits are written one op at a
// time, in order; what a failed write does is decided in editQueue.ts (failureOf):
// - no connection (offline): the op stays on screen and is retried, waiting longer each time;
// - refused by the store: the op goes, and its cells are marked with the reason;
// - the server failed: the reason is shown once, with its code, and the op is kept as a draft.
// useRecord.ts holds the ops and the save state for React; test/unit/renderer/edit-writer.test.ts
// drives this with a fake server.
import { ApiError, type Client, type OfflineError, type ServerError } from '../../shared/client';
import type { PaymentField } from '../../shared/ledger';
import type { IndicatorEditField } from '../../shared/performance-names';
import { message } from './errors';
import { STRINGS } from './strings';
import type { Said } from './said';
import { failureOf, nextDelay, nextQueued, restingState, withStatus, without, type Op, type SaveState } from './editQueue';

/** What the writer needs: the server, the ops and save state it shares with the screen, and what to say. */
export type WriterHost = {
  api: Pick<Client, 'editCells' | 'editIndicators' | 'editPayments'>;
  ops: () => Op[];
  /** The change log's position the screen's record was read at (getRecord's `seen`): a cell changed by others since is refused, not overwritten. */
  seen: () => number | undefined;
  publish: (ops: Op[]) => void;
  save: () => SaveState;
  setSave: (state: SaveState) => void;
  /** An op refused by the store: its cells say why. */
  refused: (op: Op, text: Said) => void;
  onError: (text: Said) => void;
  /** Brings the store's copy (after the queue is written). */
  reload: () => Promise<void>;
  onWritten: () => void;
  /** A value was stored (the error it fixes is no longer what just happened). */
  onStored: () => void;
  /** Waits `ms` while offline, or until woken (重试保存). */
  sleep?: (ms: number, wake: (wakeUp: () => void) => void) => Promise<void>;
};

const realSleep = (ms: number, wake: (wakeUp: () => void) => void) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** A new request id: 32 hex digits (crypto.getRandomValues: also where the page is not a secure context). */
const newRequest = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export class EditWriter {
  private running = false;
  /**
   * The op being written and its request id: while the server cannot be reached the same op is sent again
   * with the same id, so a write that went through before its answer was lost is not applied twice.
   */
  private attempt: { op: number; request: string } | null = null;
  private wakeUp: (() => void) | null = null;
  /** Payments added in this window: key → id once the store has it, and back. */
  payments = { id: new Map<number, number>(), key: new Map<number, number>() };

  constructor(private readonly host: WriterHost) {}

  /** Writes every queued op, in order, until none is left (retrying while offline). */
  async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let delay = 1000;
    for (;;) {
      const op = nextQueued(this.host.ops());
      if (!op) break;
      this.host.setSave('saving');
      try {
        await this.write(op, this.requestFor(op));
        this.attempt = null;
        this.host.publish(withStatus(this.host.ops(), op.id, 'written'));
        this.host.onStored();
        delay = 1000;
      } catch (e) {
        if (failureOf(e) === 'offline') {
          // Offline, or the workspace's database reconnecting (正在重新连接): the same wait and retry.
          this.host.setSave((e as OfflineError).code);
          await (this.host.sleep ?? realSleep)(delay, (w) => (this.wakeUp = w));
          delay = nextDelay(delay);
        } else {
          this.attempt = null;
          this.failed(op, e);
        }
      }
    }
    this.running = false;
    this.host.setSave(restingState(this.host.ops()));
    await this.host.reload();
    this.host.onWritten();
  }

  /** The server failed: the op is kept as a draft, said once. Refused by the store: the value goes, and its cells say why. */
  private failed(op: Op, e: unknown) {
    if (failureOf(e) === 'draft') {
      const { wire } = e as ServerError;
      this.host.publish(withStatus(this.host.ops(), op.id, 'draft'));
      this.host.onError((l) => STRINGS[l].serverFailed(wire.code, wire.messages?.[l] ?? wire.message));
      return;
    }
    this.host.publish(without(this.host.ops(), op.id));
    const text: Said = (l) => message(e, l);
    this.host.refused(op, text);
    this.host.onError(text);
  }

  private requestFor(op: Op): string {
    if (this.attempt?.op !== op.id) this.attempt = { op: op.id, request: newRequest() };
    return this.attempt.request;
  }

  private async write(op: Op, request: string): Promise<void> {
    const { api } = this.host;
    if (op.table === 'payments') return this.writePayments(op, request);
    if (op.table === 'indicators')
      await api.editIndicators(
        {
          recordId: op.recordId,
          edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field as IndicatorEditField, value: e.raw })),
          clear: op.clear,
          fill: op.fill,
          seen: this.host.seen(),
        },
        { request },
      );
    else
      await api.editCells(
        {
          recordId: op.recordId,
          table: op.table,
          edits: op.edits.map((e) => ({ rowId: e.rowId, field: e.field, value: e.raw })),
          clear: op.clear,
          fill: op.fill,
          seen: this.host.seen(),
        },
        { request },
      );
  }

  /** Payment edits and added payments, one step; a payment typed under a key is edited by its id once the store gave it one. */
  private async writePayments(op: Op, request: string): Promise<void> {
    const keys = this.payments;
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
    const { appended } = await this.host.api.editPayments(
      { recordId: op.recordId, edits, append: op.append.map((a) => a.raw), fill: op.fill, seen: this.host.seen() },
      { request },
    );
    op.append.forEach((a, i) => {
      keys.id.set(a.key, appended[i]);
      keys.key.set(appended[i], a.key);
    });
  }

  /**
   * Waits until every typed value is written, before anything structural (undo, row operations,
   * import). False when writes cannot get through now (offline): the caller says so instead of
   * waiting for ever. Drafts do not hold anything up.
   */
  async settle(): Promise<boolean> {
    for (;;) {
      const queued = this.host.ops().some((o) => o.status === 'queued');
      if (!queued && !this.running) return true;
      if (this.host.save() === 'offline' || this.host.save() === 'reconnecting') return false;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Another record: its payments are its own. */
  forgetPayments() {
    this.payments = { id: new Map(), key: new Map() };
  }

  /** 重试保存: stop waiting and write now. */
  wake() {
    this.wakeUp?.();
  }
}
