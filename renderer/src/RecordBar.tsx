// The top of the open record, in sight however far down the tables go: its title, the day its
// figures are as of, its review status (and lock), and the tabs of its three views.
import type { Lang } from '../../shared/i18n';
import { statusDay } from '../../shared/status';
import { AsOfControl } from './AsOfControl';
import { StatusChip } from './Sidebar';
import type { Strings } from './strings';
import type { View } from './useRecord';
import { PERF_STRINGS } from './performance/strings';

export type Tab = 'tables' | 'ledger' | 'performance';

/** The record's review status under its title; an accepted record says it is locked, and who accepted it. */
function ReviewLine({ status, locked, t, onChange }: { status: View['status']; locked: string | null; t: Strings; onChange: () => void }) {
  const who = status.by ? t.statusBy(status.by, statusDay(status)) : '';
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

type Props = {
  view: View;
  lang: Lang;
  t: Strings;
  /** The day chosen for the figures; null: the record's own. */
  asOf: string | null;
  onAsOf: (day: string | null) => void;
  /** Why the record cannot be changed (it is accepted); null: it can. */
  locked: string | null;
  onChangeStatus: () => void;
  tab: Tab;
  onTab: (tab: Tab) => void;
  /** New payments are being typed in the ledger (its tab says so). */
  typing: boolean;
};

export function RecordBar({ view, lang, t, asOf, onAsOf, locked, onChangeStatus, tab, onTab, typing }: Props) {
  const { record } = view;
  const tabButton = (id: Tab, label: string, testId?: string) => (
    <button role="tab" aria-selected={tab === id} data-testid={testId} onClick={() => onTab(id)}>
      {label}
    </button>
  );
  return (
    <div className="record-bar">
      <div className="record-head">
        <h2 className="title">
          {record.county.name} · {t.batchOf} {record.county.batch} · {record.county.year}
        </h2>
        <AsOfControl record={record} asOf={asOf} t={t} onChange={onAsOf} />
      </div>
      <ReviewLine status={view.status} locked={locked} t={t} onChange={onChangeStatus} />
      <nav className="tabs" role="tablist">
        {tabButton('tables', t.tabTables)}
        {tabButton('ledger', `${t.tabLedger(record.payments?.length ?? 0)}${typing ? ' *' : ''}`, 'ledger-tab')}
        {tabButton(
          'performance',
          `${PERF_STRINGS[lang].tab}${record.performance ? ` ${record.performance.total}` : ''}`,
          'performance-tab',
        )}
      </nav>
    </div>
  );
}
