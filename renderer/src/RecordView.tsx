// The open record: its title, 一、基本情况, the two tables, the summary sentence and the findings
// (a click on one goes to its cell).
import { forwardRef, lazy, useImperativeHandle, useRef } from 'react';
import { findingMessage, severityLabel, type Lang } from '../../shared/i18n';
import type { Finding } from '../../shared/findings';
import type { RawValue } from '../../shared/fields';
import { CountyForm, type CountyFormHandle, type SaveCounty } from './CountyForm';
import type { GridHandle, RowOp } from './grid/TableGrid';
import type { Strings } from './strings';
import type { CellEdit, Marks, View } from './useRecord';
import { dayOf, lockedMessages } from '../../shared/status';
import { StatusChip } from './Sidebar';

// The grid (AG Grid) loads as its own chunk, beside the app's first screen.
const gridModule = import('./grid/TableGrid');
const TableGrid = lazy(() => gridModule.then((m) => ({ default: m.TableGrid })));

export type RecordViewHandle = { unsaved: () => string[]; discard: () => void };
type Table = 'items' | 'disbursements';

type Props = {
  recordId: number;
  view: View;
  marks: Marks;
  lang: Lang;
  t: Strings;
  onSaveCounty: SaveCounty;
  onEdit: (edits: CellEdit[], options?: { clear?: boolean }) => void;
  onPaste: (table: Table, edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onRows: (table: Table, op: RowOp) => Promise<boolean>;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (text: string, ok: string) => Promise<boolean>;
  /** Opens the status dialog (change the status, or unlock an accepted record). */
  onChangeStatus: () => void;
};

/** The record's review status under its title; an accepted record says it is locked, and who accepted it. */
function ReviewLine({ status, locked, t, onChange }: { status: View['status']; locked: string | null; t: Strings; onChange: () => void }) {
  const who = status.by ? t.statusBy(status.by, dayOf(status.at)) : '';
  return (
    <div className={`review-line${locked ? ' locked' : ''}`} data-testid="review-line">
      <span>{t.statusLabel}:</span>
      <StatusChip status={status} t={t} />
      {locked ? <span className="locked-text" role="status">{t.lockedBanner(who ? `(${who})` : '')}</span> : who && <span className="who">{who}</span>}
      {status.remark && <span className="remark">“{status.remark}”</span>}
      <button onClick={onChange}>{locked ? t.unlock : t.changeStatus}</button>
    </div>
  );
}

export const RecordView = forwardRef<RecordViewHandle, Props>(function RecordView(props, ref) {
  const { recordId, view, marks, lang, t } = props;
  const { record, findings } = view;
  // An accepted record is locked: every place a change could start says so, in the store's words.
  const locked = view.status.status === 'accepted' ? lockedMessages(record.county.name, record.county.batch, view.status.by, view.status.at)[lang] : null;
  const form = useRef<CountyFormHandle>(null);
  const grids = { items: useRef<GridHandle>(null), disbursements: useRef<GridHandle>(null) };

  useImperativeHandle(ref, () => ({
    unsaved: () => [...(form.current?.unsaved() ?? []), ...(['items', 'disbursements'] as const).map((g) => grids[g].current?.unsaved()).filter((x): x is string => !!x)],
    discard: () => {
      form.current?.discard();
      grids.items.current?.discard();
      grids.disbursements.current?.discard();
    },
  }));

  const jump = (f: Finding) => {
    const target = f.target;
    if (!target) return;
    if (target.table === 'county') document.getElementById(`county-${target.field}`)?.focus();
    else if (target.table === 'totals') grids.disbursements.current?.focus(Math.max(0, record.disbursements.length - 1), target.field === 'statedRate' ? 'statedRate' : target.field ?? 'planned');
    else if (target.table !== 'payments') grids[target.table].current?.focus(target.row ?? 0, target.field ?? 'name');
  };

  const grid = (table: Table) => (
    <TableGrid
      ref={grids[table]}
      table={table}
      recordId={recordId}
      record={record}
      rowIds={table === 'items' ? view.itemIds : view.disbursementIds}
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
      locked={locked}
    />
  );

  return (
    <>
      <h2 className="title">{record.county.name} · {t.batchOf} {record.county.batch} · {record.county.year}</h2>
      <ReviewLine status={view.status} locked={locked} t={t} onChange={props.onChangeStatus} />
      <h3>{t.basic}</h3>
      <CountyForm key={recordId} ref={form} record={record} findings={findings} lang={lang} t={t} onSave={props.onSaveCounty} locked={locked} />
      <h3>{t.items}</h3>
      {grid('items')}
      <h3>{t.disbursements}</h3>
      <p className="summary" data-testid="summary">{record.disbursementSummary}</p>
      {grid('disbursements')}
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
