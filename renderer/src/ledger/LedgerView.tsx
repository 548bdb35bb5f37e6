// 拨付台账: the record's payments in the grid of the tables (the same keys, paste and undo), by line and
// day, with each line's running total; the payments not counted as of the day greyed; new payments
// typed at the bottom and stored once they have a line, a day and an amount; and the chart.
//
// The payment the active cell is on keeps its place while it is worked on (typing its day does not
// send it away to its line); when the selection leaves it, it takes its place by line and day, and
// the selection stays on the row it went to.
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef, useState, type ForwardedRef, type RefObject } from 'react';
import type { Lang } from '../../../shared/i18n';
import { chineseDay, defaultAsOf } from '../../../shared/ledger';
import { TableGrid, type CellMark, type GridHandle } from '../grid/TableGrid';
import type { Strings } from '../strings';
import type { CellEdit, EditOptions, NewPayment, View } from '../useRecord';
import { LedgerChart } from './LedgerChart';
import {
  draftRow,
  grouped,
  ledgerCheck,
  ledgerNotes,
  ledgerTotals,
  newKey,
  storedRows,
  toNewPayment,
  type Draft,
  type LedgerRow,
} from './rows';
import {
  begunDrafts,
  findingsAsShown,
  lineFocus,
  pasteIntoLedger,
  rowsOfLedger,
  shownOrder,
  splitEdits,
  typeInto,
  type Held,
  type Typed,
} from './session';
import type { Said, Say } from '../said';
import { arrange, AS_STORED, filtering, type Arrangement } from './arrange';
import { LedgerTools, noneShown } from './LedgerTools';
import type { RawValue } from '../../../shared/fields';
import type { RowOp } from '../grid/actions';

export type LedgerHandle = {
  /** Selects a payment (by its id or key) and gives the grid the keyboard. */
  focusPayment: (paymentId: number, field?: string) => void;
  /** Selects the first payment of a line (or, if it has none, the 序号 of the last row). */
  focusLine: (line: number) => void;
  unsaved: () => string | null;
};
/** The new payments being typed, kept by the record view (they outlive a switch to the tables). */
export type DraftStore = { get: () => Draft[]; set: (next: Draft[]) => void };

type Props = {
  recordId: number;
  view: View;
  marks: ReadonlyMap<string, CellMark>;
  drafts: Draft[];
  draftStore: DraftStore;
  lang: Lang;
  t: Strings;
  onEdit: (edits: CellEdit[], options?: EditOptions) => void;
  onAdd: (append: NewPayment[], edits?: CellEdit[]) => void;
  /** Deletes stored payments (by id or key); false if refused. */
  onDelete: (rowIds: number[]) => Promise<boolean>;
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (text: string, ok: string) => Promise<boolean>;
  /** Why the record cannot be changed (it is accepted); null when it can. */
  recordLocked: Said | null;
};

/**
 * The order shown: the record's (line, day) as arranged (sorted, filtered), new payments last, the
 * payment the active cell is on held at its place until the selection leaves it (session.ts).
 */
function useLedgerOrder(
  paymentIds: readonly number[],
  drafts: readonly Draft[],
  stored: ReadonlyMap<number, LedgerRow>,
  arrangement: Arrangement,
) {
  const held = useRef<Held>(null);
  const shown = useRef<number[]>([]);
  const active = useRef<number | null>(null);
  const [release, setRelease] = useState(0);
  const order = useMemo(() => {
    const keys = arrange([...paymentIds, ...drafts.map((d) => d.key)], stored, arrangement);
    const next = shownOrder(keys, active.current, held.current, shown.current);
    held.current = next.held;
    return next.order;
  }, [paymentIds, drafts, release, stored, arrangement]); // eslint-disable-line react-hooks/exhaustive-deps
  shown.current = order;
  const onActiveRow = useCallback((key: number | null) => {
    active.current = key;
    if (held.current && held.current.key !== key) {
      held.current = null;
      setRelease((n) => n + 1);
    }
  }, []);
  return { order, onActiveRow };
}

/**
 * New payments: typed into, and stored once complete (with the edits of stored payments made in the
 * same action, one step); pasted rows past the end and inserted rows are new payments; deleting drops
 * new ones and asks the store for the stored ones (session.ts).
 */
function useNewPayments(props: Props) {
  const { draftStore } = props;
  const live = useRef(props);
  live.current = props;
  /** Applies typed values to new payments; those now complete are stored (with `edits` of others, one step). */
  const typeIntoDrafts = (typed: Typed[], edits: CellEdit[] = []) => {
    const { view: v, onAdd } = live.current;
    const { drafts: still, complete } = typeInto(v.record, draftStore.get(), typed);
    draftStore.set(still);
    if (complete.length || edits.length)
      onAdd(
        complete.map((d) => toNewPayment(v.record, d)),
        edits,
      );
  };
  const onEdit = (edits: CellEdit[], options?: EditOptions) => {
    const { stored: toStored, typed } = splitEdits(edits, draftStore.get());
    if (toStored.length) live.current.onEdit(toStored, options);
    if (typed.length) typeIntoDrafts(typed);
  };
  const onPaste = async (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => {
    const pasted = pasteIntoLedger(live.current.view.record, draftStore.get(), edits, append, newKey);
    draftStore.set(pasted.drafts);
    typeIntoDrafts(pasted.typed, pasted.stored);
    return true;
  };
  const onRows = async (op: RowOp): Promise<boolean> => {
    const before = draftStore.get();
    const next = rowsOfLedger(before, op, newKey);
    if (!next) return false;
    if (next.drafts.length !== before.length) draftStore.set(next.drafts);
    return next.deleteStored.length ? live.current.onDelete(next.deleteStored) : true;
  };
  return { onEdit, onPaste, onRows };
}

/** What the record view asks of the ledger: select a payment or a line's first, and say what new payments are typed and not stored. */
function useLedgerHandle(
  ref: ForwardedRef<LedgerHandle>,
  {
    grid,
    order,
    rows,
    draftStore,
    t,
  }: {
    grid: RefObject<GridHandle | null>;
    order: number[];
    rows: LedgerRow[];
    draftStore: DraftStore;
    t: Strings;
  },
) {
  useImperativeHandle(ref, () => ({
    focusPayment: (paymentId, field = 'amount') => grid.current?.focus(Math.max(0, order.indexOf(paymentId)), field),
    focusLine: (line) => {
      const at = lineFocus(rows, line);
      grid.current?.focus(at.row, at.field);
    },
    unsaved: () => {
      const begun = begunDrafts(draftStore.get());
      return begun ? t.newPaymentsUnsaved(begun) : null;
    },
  }));
}

export const LedgerView = forwardRef<LedgerHandle, Props>(function LedgerView(props, ref) {
  const { recordId, view, drafts, draftStore, lang, t } = props;
  const { record } = view;
  const grid = useRef<GridHandle>(null);

  // Sorted and filtered as the user asks (arrange.ts): what is shown, never what is stored.
  const [arrangement, setArrangement] = useState<Arrangement>(AS_STORED);
  const stored = useMemo(() => storedRows(record, view.paymentIds), [record, view.paymentIds]);
  const { order, onActiveRow } = useLedgerOrder(view.paymentIds, drafts, stored, arrangement);

  const rows: (LedgerRow & { id: number })[] = useMemo(() => {
    const byKey = new Map(drafts.map((d) => [d.key, d]));
    return grouped(order.map((key) => stored.get(key) ?? draftRow(record, byKey.get(key)!))).map((row, i) => ({ ...row, id: order[i] }));
  }, [order, stored, drafts, record]);
  const asOfDay = record.asOf ?? defaultAsOf(record.county.acceptedOn);
  const day = lang === 'zh' ? chineseDay(asOfDay) : asOfDay;

  // Findings point at payments by their place in the record; the grid counts rows as shown.
  const findings = useMemo(() => findingsAsShown(view.findings, view.paymentIds, order), [view.findings, view.paymentIds, order]);
  const marks = useMemo(
    () => new Map([...ledgerNotes(record, rows, drafts, t, lang), ...props.marks]),
    [record, rows, drafts, t, lang, props.marks],
  );
  const check = useMemo(() => ledgerCheck(record), [record]);
  const pinned = useMemo(() => (record.payments?.length ? ledgerTotals(record, t, day) : undefined), [record, t, day]);

  const { onEdit, onPaste, onRows } = useNewPayments(props);

  useLedgerHandle(ref, { grid, order, rows, draftStore, t });

  return (
    <section className="ledger" data-testid="ledger">
      <p className="ledger-intro">{t.ledgerIntro(day)}</p>
      <LedgerTools
        lang={lang}
        value={arrangement}
        onChange={setArrangement}
        lines={record.disbursements.map((d) => d.seq)}
        shown={order.filter((k) => stored.has(k)).length}
        total={view.paymentIds.length}
      />
      <TableGrid
        ref={grid}
        table="payments"
        recordId={recordId}
        rows={rows}
        rowIds={order}
        pinned={pinned}
        findings={findings}
        marks={marks}
        lang={lang}
        t={t}
        check={check}
        followRows
        onActiveRow={onActiveRow}
        emptyText={filtering(arrangement) && view.paymentIds.length ? noneShown(lang) : t.ledgerEmpty}
        onEdit={onEdit}
        onPaste={onPaste}
        onRows={onRows}
        onMessage={props.onMessage}
        onUndo={props.onUndo}
        onRedo={props.onRedo}
        confirm={props.confirm}
        recordLocked={props.recordLocked}
      />
      {record.payments?.length ? <LedgerChart record={record} t={t} /> : <p className="empty">{t.chartEmpty}</p>}
    </section>
  );
});
