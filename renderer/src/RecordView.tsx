// The open record: its title, the day its figures are as of, and two views — the acceptance tables
// (一、基本情况, the two tables, the summary sentence, the findings; a click on one goes to its cell)
// and the disbursement ledger.
import {
  forwardRef,
  lazy,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ForwardedRef,
  type RefObject,
} from 'react';
import { findingMessage, severityLabel, type Lang } from '../../shared/i18n';
import type { Finding } from '../../shared/findings';
import type { RawValue } from '../../shared/fields';
import { CountyForm, type CountyFormHandle, type SaveCounty } from './CountyForm';
import type { CountyRecord } from '../../shared/record';
import type { CellLock, GridHandle, RowData, RowOp } from './grid/TableGrid';
import type { LedgerHandle } from './ledger/LedgerView';
import type { Draft } from './ledger/rows';
import { begun, keepDrafts, takeDrafts } from './ledger/kept';
import type { Strings } from './strings';
import type { CellEdit, EditOptions, Marks, NewPayment, View } from './useRecord';
import { lockedMessages, statusDay } from '../../shared/status';
import { findingPlace, lineLock, paymentsPerLine, paymentsWith, whenReady } from './recordSession';
import { RecordBar, type Tab } from './RecordBar';
import type { PerformanceField } from './recordActions';
import type { PerformanceHandle } from './performance/PerformanceView';
import { sayingEither, type Said, type Say } from './said';

// The grid (AG Grid) loads as its own chunk, beside the app's first screen; the ledger (and ECharts) when first opened.
const gridModule = import('./grid/TableGrid');
const TableGrid = lazy(() => gridModule.then((m) => ({ default: m.TableGrid })));
const LedgerView = lazy(() => import('./ledger/LedgerView').then((m) => ({ default: m.LedgerView })));
const PerformanceView = lazy(() => import('./performance/PerformanceView').then((m) => ({ default: m.PerformanceView })));

export type RecordViewHandle = { unsaved: () => string[]; discard: () => void; reveal: (target: NonNullable<Finding['target']>) => void };
type Table = 'items' | 'disbursements';
type Grids = Record<Table, RefObject<GridHandle | null>>;

type Props = {
  recordId: number;
  view: View;
  marks: Marks;
  lang: Lang;
  t: Strings;
  /** The day chosen for the figures; null: the record's own. */
  asOf: string | null;
  onAsOf: (day: string | null) => void;
  onSaveCounty: SaveCounty;
  onEdit: (edits: CellEdit[], options?: EditOptions) => void;
  onPaste: (
    table: Table,
    edits: { rowId: number; field: string; value: RawValue }[],
    append: Record<string, RawValue>[],
  ) => Promise<boolean>;
  onRows: (table: Table | 'indicators', op: RowOp) => Promise<boolean>;
  /** 四、绩效自评: paste of indicators, a field of the part saved, the part started. */
  onPastePerformance: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onSavePerformance: (field: PerformanceField, value: string) => Promise<Said | null>;
  onStartPerformance: (draft: boolean) => Promise<boolean>;
  onAddPayments: (append: NewPayment[], edits?: CellEdit[]) => void;
  onDeletePayments: (rowIds: number[]) => Promise<boolean>;
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (text: string, ok: string) => Promise<boolean>;
  /** Opens the status dialog (change the status, or unlock an accepted record). */
  onChangeStatus: () => void;
};

/** Where the ledger should put its selection once it is on screen: a line's first payment, or a payment (by id). */
type Focus = { line: number } | { paymentId: number; field?: string };

/** The 合计 row of table 三. */
const totalRow = (totals: CountyRecord['totals'], t: Strings): RowData[] => [
  {
    id: -1,
    seq: t.total,
    name: '',
    planned: totals.planned,
    actual: totals.actual,
    rate: totals.rate,
    statedRate: totals.statedRate ?? null,
  },
];

/** New payments being typed in the ledger: kept here, so they outlive a look at the tables (and at 总览, in kept.ts). */
function useLedgerDrafts(recordId: number, setTab: (tab: Tab) => void) {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const draftsRef = useRef<Draft[]>([]);
  const draftStore = useMemo(() => ({ get: () => draftsRef.current, set: (next: Draft[]) => setDrafts((draftsRef.current = next)) }), []);
  useEffect(() => {
    // Payments left unfinished when the view went (a look at 总览) come back, with the ledger open.
    const kept = takeDrafts(recordId);
    draftStore.set(kept ?? []);
    setTab(kept ? 'ledger' : 'tables');
    return () => keepDrafts(recordId, draftsRef.current);
  }, [recordId, draftStore, setTab]);
  return { drafts, draftStore };
}

/** Which view is shown, and going to a place of the record (a finding's, a found text's): its tab, its cell selected. */
function useRecordPlaces(view: View, grids: Grids) {
  const ledger = useRef<LedgerHandle>(null);
  const performance = useRef<PerformanceHandle>(null);
  const [tab, setTab] = useState<Tab>('tables');
  const [focus, setFocus] = useState<Focus | null>(null);

  // The ledger takes its selection once it is on screen (it loads as its own chunk).
  const openLedger = useCallback((where: Focus) => {
    setTab('ledger');
    setFocus(where);
  }, []);
  useEffect(() => {
    if (!focus || tab !== 'ledger') return;
    whenReady(
      () => !!ledger.current && !!document.querySelector('.ledger .ag-root'),
      () => {
        if ('line' in focus) ledger.current!.focusLine(focus.line);
        else ledger.current!.focusPayment(focus.paymentId, focus.field);
        setFocus(null);
      },
    );
  }, [focus, tab]);

  const jump = (f: Pick<Finding, 'target'>) => {
    const target = f.target;
    // A finding of 四、绩效自评 opens its tab, at its indicator's cell once the grid is on screen.
    if (target?.table === 'performance') {
      setTab('performance');
      if (target.row === undefined) return;
      const row = target.row;
      return whenReady(
        () => !!performance.current && !!document.querySelector('.performance .ag-root'),
        () => performance.current!.focus(row, target.field ?? 'name'),
      );
    }
    const place = findingPlace(f, view.paymentIds, view.record);
    if (!place) return;
    if (place.kind === 'ledger') return openLedger({ paymentId: place.paymentId, field: place.field });
    setTab('tables');
    // The tables may have been hidden behind the ledger: they take the focus once shown.
    requestAnimationFrame(() => {
      if (place.kind === 'county') document.getElementById(`county-${place.field}`)?.focus();
      else grids[place.table].current?.focus(place.row, place.field);
    });
  };
  return { tab, setTab, jump, openLedger, ledger, performance };
}

/** 表三's lines with payments: their 实际拨付额度 is the payments' sum as of the day, not typed; a line opens its payments. */
function useLedgerLines(record: CountyRecord, t: Strings, openLedger: (where: Focus) => void) {
  const perLine = useMemo(() => paymentsPerLine(record), [record.payments]); // eslint-disable-line react-hooks/exhaustive-deps
  // (The same function while typing: a new one redraws every cell. A row's lock follows its own 序号 and the payments.)
  const recordRef = useRef(record);
  recordRef.current = record;
  const locked = useCallback(
    (row: number, field: string): CellLock | null => lineLock(recordRef.current, perLine, row, field, t),
    [perLine, t],
  );
  const goesWith = useCallback((rows: number[]) => paymentsWith(record, perLine, rows, t), [perLine, record, t]);
  const onOpen = useCallback(
    (row: number) => openLedger({ line: record.disbursements[row]?.seq ?? 0 }),
    [openLedger, record.disbursements],
  );
  const pinned = useMemo(() => totalRow(record.totals, t), [record.totals, t]);
  return { locked, goesWith, onOpen, pinned };
}

/** The findings under the tables; a click on one goes to its place. */
function Checks({ findings, lang, t, onJump }: { findings: Finding[]; lang: Lang; t: Strings; onJump: (f: Finding) => void }) {
  return (
    <>
      <h3>{t.checks}</h3>
      <ul className="checks" data-testid="checks">
        {findings.length === 0 && <li className="ok">{t.noFindings}</li>}
        {findings.map((f, i) => (
          <li key={i} className={f.severity}>
            <button onClick={() => onJump(f)}>
              <b>{severityLabel(f.severity, lang)}</b> {findingMessage(f, lang)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the app asks of the open record: what is typed and not stored, dropping it, showing a place. */
function useRecordHandle(
  ref: ForwardedRef<RecordViewHandle>,
  parts: {
    form: RefObject<CountyFormHandle | null>;
    grids: Grids;
    ledger: RefObject<LedgerHandle | null>;
    performance: RefObject<PerformanceHandle | null>;
    draftStore: { get: () => Draft[]; set: (next: Draft[]) => void };
    t: Strings;
    jump: (f: Pick<Finding, 'target'>) => void;
  },
) {
  const { form, grids, ledger, performance, draftStore, t, jump } = parts;
  useImperativeHandle(ref, () => ({
    unsaved: () =>
      [
        ...(form.current?.unsaved() ?? []),
        ...(['items', 'disbursements'] as const).map((g) => grids[g].current?.unsaved()),
        performance.current?.unsaved(),
        // The ledger says it when on screen; else the new payments kept here.
        ledger.current?.unsaved() ?? (draftStore.get().some(begun) ? t.newPaymentsUnsaved(draftStore.get().length) : null),
      ].filter((x): x is string => !!x),
    discard: () => {
      form.current?.discard();
      grids.items.current?.discard();
      grids.disbursements.current?.discard();
      draftStore.set([]);
      performance.current?.discard();
    },
    reveal: (target) => jump({ target }),
  }));
}

/** What every view of the record is given alike. */
type Shared = {
  recordId: number;
  lang: Lang;
  t: Strings;
  onEdit: Props['onEdit'];
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: Props['confirm'];
  /** Why the record cannot be changed (it is accepted), said in the language shown; null when it can. */
  recordLocked: Said | null;
};

type TablesProps = {
  hidden: boolean;
  shared: Shared;
  view: View;
  marks: Marks;
  form: RefObject<CountyFormHandle | null>;
  grids: Grids;
  /** 表三's lines computed from the ledger. */
  lines: ReturnType<typeof useLedgerLines>;
  onSaveCounty: SaveCounty;
  onPaste: Props['onPaste'];
  onRows: Props['onRows'];
};

/** 一、基本情况 and the two tables (二 and 三, with the sentence that sums 三 up). */
function Tables({ hidden, shared, view, marks, form, grids, lines, onSaveCounty, onPaste, onRows }: TablesProps) {
  const { record, findings } = view;
  const { recordId, lang, t, recordLocked } = shared;
  const grid = (table: Table) => (
    <TableGrid
      {...shared}
      {...(table === 'disbursements' ? lines : {})}
      ref={grids[table]}
      table={table}
      rows={table === 'items' ? record.items : record.disbursements}
      rowIds={table === 'items' ? view.itemIds : view.disbursementIds}
      findings={findings}
      marks={marks[table]}
      onPaste={(edits, append) => onPaste(table, edits, append)}
      onRows={(op) => onRows(table, op)}
    />
  );
  return (
    <div className="tables" hidden={hidden}>
      <h3>{t.basic}</h3>
      <CountyForm
        key={recordId}
        ref={form}
        record={record}
        findings={findings}
        lang={lang}
        t={t}
        onSave={onSaveCounty}
        locked={recordLocked?.(lang) ?? null}
      />
      <h3>{t.items}</h3>
      {grid('items')}
      <h3>{t.disbursements}</h3>
      <p className="summary" data-testid="summary">
        {record.disbursementSummary}
      </p>
      {grid('disbursements')}
    </div>
  );
}

/** Why an accepted record cannot be changed, in the store's words; null when it can. Every place a change could start says so.
 * (Kept as how to say it: a refusal already in the status bar follows the language.) */
function useLockedSaid(view: View): Said | null {
  const { county } = view.record;
  const { status, by } = view.status;
  const day = statusDay(view.status);
  return useMemo(
    () => (status === 'accepted' ? sayingEither(lockedMessages(county.name, county.batch, by, day)) : null),
    [status, by, day, county.name, county.batch],
  );
}

/** What every view of the record is given alike. */
function sharedOf(props: Props, recordLocked: Said | null): Shared {
  const { recordId, lang, t, onEdit, onMessage, onUndo, onRedo, confirm } = props;
  return { recordId, lang, t, onEdit, onMessage, onUndo, onRedo, confirm, recordLocked };
}

export const RecordView = forwardRef<RecordViewHandle, Props>(function RecordView(props, ref) {
  const { recordId, view, marks, lang, t } = props;
  const { record, findings } = view;
  const lockedSaid = useLockedSaid(view);
  const recordLocked = lockedSaid?.(lang) ?? null;
  const form = useRef<CountyFormHandle>(null);
  const grids: Grids = { items: useRef<GridHandle>(null), disbursements: useRef<GridHandle>(null) };
  const { tab, setTab, jump, openLedger, ledger, performance } = useRecordPlaces(view, grids);
  const { drafts, draftStore } = useLedgerDrafts(recordId, setTab);
  const lines = useLedgerLines(record, t, openLedger);

  useRecordHandle(ref, { form, grids, ledger, performance, draftStore, t, jump });

  const shared = sharedOf(props, lockedSaid);
  return (
    <>
      <RecordBar
        view={view}
        lang={lang}
        t={t}
        asOf={props.asOf}
        onAsOf={props.onAsOf}
        locked={recordLocked}
        onChangeStatus={props.onChangeStatus}
        tab={tab}
        onTab={setTab}
        typing={drafts.some(begun)}
      />
      {tab === 'ledger' && (
        <LedgerView
          {...shared}
          ref={ledger}
          view={view}
          marks={marks.payments}
          drafts={drafts}
          draftStore={draftStore}
          onAdd={props.onAddPayments}
          onDelete={props.onDeletePayments}
        />
      )}
      {tab === 'performance' && (
        <PerformanceView
          {...shared}
          ref={performance}
          view={view}
          marks={marks.indicators}
          onPaste={props.onPastePerformance}
          onRows={(op) => props.onRows('indicators', op)}
          onSave={props.onSavePerformance}
          onStart={props.onStartPerformance}
        />
      )}
      {/* Hidden, not gone, behind the ledger: a value typed and refused stays where it was typed. */}
      <Tables
        hidden={tab !== 'tables'}
        shared={shared}
        view={view}
        marks={marks}
        form={form}
        grids={grids}
        lines={lines}
        onSaveCounty={props.onSaveCounty}
        onPaste={props.onPaste}
        onRows={props.onRows}
      />
      <Checks findings={findings} lang={lang} t={t} onJump={jump} />
    </>
  );
});
