// The open record: its title, the day its figures are as of, and two views — the acceptance tables
// (一、基本情况, the two tables, the summary sentence, the findings; a click on one goes to its cell)
// and the disbursement ledger.
import { forwardRef, lazy, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { findingMessage, severityLabel, type Lang } from '../../shared/i18n';
import type { Finding } from '../../shared/findings';
import type { RawValue } from '../../shared/fields';
import { CountyForm, type CountyFormHandle, type SaveCounty } from './CountyForm';
import { AsOfControl } from './AsOfControl';
import type { CountyRecord } from '../../shared/record';
import type { CellLock, GridHandle, RowData, RowOp } from './grid/TableGrid';
import type { LedgerHandle } from './ledger/LedgerView';
import type { Draft } from './ledger/rows';
import { keepDrafts, takeDrafts } from './ledger/kept';
import type { Strings } from './strings';
import type { CellEdit, EditOptions, Marks, NewPayment, View } from './useRecord';
import { dayOf, lockedMessages } from '../../shared/status';
import { StatusChip } from './Sidebar';
import { findingPlace, lineLock, paymentsPerLine, paymentsWith } from './recordSession';
import type { PerformanceField } from './useRecordActions';
import type { PerformanceHandle } from './performance/PerformanceView';
import { PERF_STRINGS } from './performance/strings';
import { sayingEither, type Said, type Say } from './said';

// The grid (AG Grid) loads as its own chunk, beside the app's first screen; the ledger (and ECharts) when first opened.
const gridModule = import('./grid/TableGrid');
const TableGrid = lazy(() => gridModule.then((m) => ({ default: m.TableGrid })));
const LedgerView = lazy(() => import('./ledger/LedgerView').then((m) => ({ default: m.LedgerView })));
const PerformanceView = lazy(() => import('./performance/PerformanceView').then((m) => ({ default: m.PerformanceView })));

export type RecordViewHandle = { unsaved: () => string[]; discard: () => void; reveal: (target: NonNullable<Finding['target']>) => void };
type Table = 'items' | 'disbursements';
type Tab = 'tables' | 'ledger' | 'performance';

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

/** The record's review status under its title; an accepted record says it is locked, and who accepted it. */
function ReviewLine({ status, locked, t, onChange }: { status: View['status']; locked: string | null; t: Strings; onChange: () => void }) {
  const who = status.by ? t.statusBy(status.by, dayOf(status.at)) : '';
  return (
    <div className={`review-line${locked ? ' locked' : ''}`} data-testid="review-line">
      <span>{t.statusLabel}:</span>
      <StatusChip status={status} t={t} />
      {locked ? (
        <span className="locked-text" role="status">
          {t.lockedBanner(who ? `(${who})` : '')}
        </span>
      ) : (
        who && <span className="who">{who}</span>
      )}
      {status.remark && <span className="remark">“{status.remark}”</span>}
      <button onClick={onChange}>{locked ? t.unlock : t.changeStatus}</button>
    </div>
  );
}

export const RecordView = forwardRef<RecordViewHandle, Props>(function RecordView(props, ref) {
  const { recordId, view, marks, lang, t } = props;
  const { record, findings } = view;
  // An accepted record is locked: every place a change could start says so, in the store's words.
  // (Kept as how to say it: a refusal already in the status bar follows the language.)
  const { status, by, at } = view.status;
  const lockedSaid = useMemo(
    () => (status === 'accepted' ? sayingEither(lockedMessages(record.county.name, record.county.batch, by, at)) : null),
    [status, by, at, record.county.name, record.county.batch],
  );
  const recordLocked = lockedSaid?.(lang) ?? null;
  const form = useRef<CountyFormHandle>(null);
  const grids = { items: useRef<GridHandle>(null), disbursements: useRef<GridHandle>(null) };
  const ledger = useRef<LedgerHandle>(null);
  const performance = useRef<PerformanceHandle>(null);
  const [tab, setTab] = useState<Tab>('tables');
  const [focus, setFocus] = useState<Focus | null>(null);

  // New payments being typed in the ledger: kept here, so they outlive a look at the tables.
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const draftsRef = useRef<Draft[]>([]);
  const draftStore = useMemo(() => ({ get: () => draftsRef.current, set: (next: Draft[]) => setDrafts((draftsRef.current = next)) }), []);
  useEffect(() => {
    // Payments left unfinished when the view went (a look at 总览) come back, with the ledger open.
    const kept = takeDrafts(recordId);
    draftStore.set(kept ?? []);
    setTab(kept ? 'ledger' : 'tables');
    return () => keepDrafts(recordId, draftsRef.current);
  }, [recordId, draftStore]);

  useImperativeHandle(ref, () => ({
    unsaved: () =>
      [
        ...(form.current?.unsaved() ?? []),
        ...(['items', 'disbursements'] as const).map((g) => grids[g].current?.unsaved()),
        performance.current?.unsaved(),
        ledger.current?.unsaved() ??
          (draftsRef.current.some((d) => Object.values(d.raw).some((v) => v !== ''))
            ? t.newPaymentsUnsaved(draftsRef.current.length)
            : null),
      ].filter((x): x is string => !!x),
    discard: () => {
      form.current?.discard();
      grids.items.current?.discard();
      grids.disbursements.current?.discard();
      draftStore.set([]);
      performance.current?.discard();
    },
    reveal,
  }));

  // A finding of 四、绩效自评 opens its tab, at its indicator's cell once the grid is on screen.
  const openPerformance = (target: NonNullable<Finding['target']>) => {
    setTab('performance');
    if (target.row === undefined) return;
    let frame = 0;
    const tryFocus = () => {
      if (!performance.current || !document.querySelector('.performance .ag-root')) {
        if (frame++ < 120) requestAnimationFrame(tryFocus);
        return;
      }
      performance.current.focus(target.row!, target.field ?? 'name');
    };
    requestAnimationFrame(tryFocus);
  };

  // The ledger takes its selection once it is on screen (it loads as its own chunk).
  const openLedger = useCallback((where: Focus) => {
    setTab('ledger');
    setFocus(where);
  }, []);
  useEffect(() => {
    if (!focus || tab !== 'ledger') return;
    let frame = 0;
    const tryFocus = () => {
      if (!ledger.current || !document.querySelector('.ledger .ag-root')) {
        if (frame++ < 120) requestAnimationFrame(tryFocus);
        return;
      }
      if ('line' in focus) ledger.current.focusLine(focus.line);
      else ledger.current.focusPayment(focus.paymentId, focus.field);
      setFocus(null);
    };
    requestAnimationFrame(tryFocus);
  }, [focus, tab]);

  /** Shows a place of the record (a finding's, a found text's): its tab, its cell selected. */
  function reveal(target: NonNullable<Finding['target']>) {
    jump({ target });
  }
  const jump = (f: Pick<Finding, 'target'>) => {
    if (f.target?.table === 'performance') return openPerformance(f.target);
    const place = findingPlace(f, view.paymentIds, record);
    if (!place) return;
    if (place.kind === 'ledger') return openLedger({ paymentId: place.paymentId, field: place.field });
    setTab('tables');
    // The tables may have been hidden behind the ledger: they take the focus once shown.
    requestAnimationFrame(() => {
      if (place.kind === 'county') document.getElementById(`county-${place.field}`)?.focus();
      else grids[place.table].current?.focus(place.row, place.field);
    });
  };

  // A line with payments: its 实际拨付额度 is their sum as of the day, not typed; it opens them.
  const perLine = useMemo(() => paymentsPerLine(record), [record.payments]); // eslint-disable-line react-hooks/exhaustive-deps
  // (The same function while typing: a new one redraws every cell. A row's lock follows its own 序号 and the payments.)
  const recordRef = useRef(record);
  recordRef.current = record;
  const lineLocked = useCallback(
    (row: number, field: string): CellLock | null => lineLock(recordRef.current, perLine, row, field, t),
    [perLine, t],
  );
  const goesWith = useCallback((rows: number[]) => paymentsWith(record, perLine, rows, t), [perLine, record, t]);
  const openLine = useCallback(
    (row: number) => openLedger({ line: record.disbursements[row]?.seq ?? 0 }),
    [openLedger, record.disbursements],
  );
  const pinned = useMemo(() => totalRow(record.totals, t), [record.totals, t]);

  const grid = (table: Table) => (
    <TableGrid
      ref={grids[table]}
      table={table}
      recordId={recordId}
      rows={table === 'items' ? record.items : record.disbursements}
      rowIds={table === 'items' ? view.itemIds : view.disbursementIds}
      pinned={table === 'disbursements' ? pinned : undefined}
      locked={table === 'disbursements' ? lineLocked : undefined}
      onOpen={table === 'disbursements' ? openLine : undefined}
      goesWith={table === 'disbursements' ? goesWith : undefined}
      findings={findings}
      marks={marks[table]}
      lang={lang}
      t={t}
      onEdit={props.onEdit}
      onPaste={(edits, append) => props.onPaste(table, edits, append)}
      onRows={(op) => props.onRows(table, op)}
      onMessage={props.onMessage}
      onUndo={props.onUndo}
      onRedo={props.onRedo}
      confirm={props.confirm}
      recordLocked={lockedSaid}
    />
  );

  const payments = record.payments?.length ?? 0;
  return (
    <>
      {/* The record, the day its figures are as of, and the two views: in sight however far down the tables go. */}
      <div className="record-bar">
        <div className="record-head">
          <h2 className="title">
            {record.county.name} · {t.batchOf} {record.county.batch} · {record.county.year}
          </h2>
          <AsOfControl record={record} asOf={props.asOf} t={t} onChange={props.onAsOf} />
        </div>
        <ReviewLine status={view.status} locked={recordLocked} t={t} onChange={props.onChangeStatus} />
        <nav className="tabs" role="tablist">
          <button role="tab" aria-selected={tab === 'tables'} onClick={() => setTab('tables')}>
            {t.tabTables}
          </button>
          <button role="tab" aria-selected={tab === 'ledger'} data-testid="ledger-tab" onClick={() => setTab('ledger')}>
            {t.tabLedger(payments)}
            {drafts.some((d) => Object.values(d.raw).some((v) => v !== '')) ? ' *' : ''}
          </button>
          <button role="tab" aria-selected={tab === 'performance'} data-testid="performance-tab" onClick={() => setTab('performance')}>
            {PERF_STRINGS[lang].tab}
            {record.performance ? ` ${record.performance.total}` : ''}
          </button>
        </nav>
      </div>
      {tab === 'ledger' && (
        <LedgerView
          ref={ledger}
          recordId={recordId}
          view={view}
          marks={marks.payments}
          drafts={drafts}
          draftStore={draftStore}
          lang={lang}
          t={t}
          onEdit={props.onEdit}
          onAdd={props.onAddPayments}
          onDelete={props.onDeletePayments}
          onMessage={props.onMessage}
          onUndo={props.onUndo}
          onRedo={props.onRedo}
          confirm={props.confirm}
          recordLocked={lockedSaid}
        />
      )}
      {tab === 'performance' && (
        <PerformanceView
          ref={performance}
          recordId={recordId}
          view={view}
          marks={marks.indicators}
          lang={lang}
          t={t}
          onEdit={props.onEdit}
          onPaste={props.onPastePerformance}
          onRows={(op) => props.onRows('indicators', op)}
          onSave={props.onSavePerformance}
          onStart={props.onStartPerformance}
          onMessage={props.onMessage}
          onUndo={props.onUndo}
          onRedo={props.onRedo}
          confirm={props.confirm}
          recordLocked={lockedSaid}
        />
      )}
      {/* Hidden, not gone, behind the ledger: a value typed and refused stays where it was typed. */}
      <div className="tables" hidden={tab !== 'tables'}>
        <h3>{t.basic}</h3>
        <CountyForm
          key={recordId}
          ref={form}
          record={record}
          findings={findings}
          lang={lang}
          t={t}
          onSave={props.onSaveCounty}
          locked={recordLocked}
        />
        <h3>{t.items}</h3>
        {grid('items')}
        <h3>{t.disbursements}</h3>
        <p className="summary" data-testid="summary">
          {record.disbursementSummary}
        </p>
        {grid('disbursements')}
      </div>
      <h3>{t.checks}</h3>
      <ul className="checks" data-testid="checks">
        {findings.length === 0 && <li className="ok">{t.noFindings}</li>}
        {findings.map((f, i) => (
          <li key={i} className={f.severity}>
            <button onClick={() => jump(f)}>
              <b>{severityLabel(f.severity, lang)}</b> {findingMessage(f, lang)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
});
