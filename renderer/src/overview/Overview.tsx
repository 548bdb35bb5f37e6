// 总览: every record side by side — 省, 市, 县, 批次, 年度, items, Σ计划, Σ实际, 拨付率, 警告, 状态,
// 最近修改 — filtered, searched (characters in either script, pinyin, initials), grouped with
// subtotals and a grand total (exact; rates half up from the sums), its charts following the
// filters, all as of one day if asked. It prints (with its charts) and exports to Excel.
// The rows are rows.ts, the columns columns.ts, the filters as typed state.ts, the bar OverviewBar.tsx.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { firstAppearance, overviewRows, passes } from '../../../shared/overview';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { saying, type Say } from '../said';
import type { RecordSummary } from '../Sidebar';
import { searchMatches } from '../Sidebar';
import type { Pinyin } from '../useRecordList';
import { api } from '../api';
import { message } from '../errors';
import { saveOrDownload, XLSX_TYPE } from '../files';
import { Charts } from './Charts';
import { OverviewBar } from './OverviewBar';
import { OverviewGrid, type OverviewGridHandle } from './OverviewGrid';
import { choicesOf, gridRow } from './rows';
import { asOfOf, filtersOf, type OverviewState } from './state';

const OverviewPrint = lazy(() => import('./OverviewPrint').then((m) => ({ default: m.OverviewPrint })));

type Props = {
  records: RecordSummary[];
  pinyin: Pinyin;
  state: OverviewState;
  setState: (next: OverviewState) => void;
  t: Strings;
  lang: Lang;
  desktop: boolean;
  onOpen: (id: number) => void;
  say: Say;
};

/** The records as of a day: every record's figures of that day (the app's list is as of each one's own day). */
function useRecordsAsOf(records: RecordSummary[], asOf: string | null, lang: Lang, say: Say): RecordSummary[] {
  const [asOfRecords, setAsOfRecords] = useState<{ day: string; list: RecordSummary[] } | null>(null);
  useEffect(() => {
    if (!asOf) return setAsOfRecords(null);
    let live = true;
    void api.listRecords({ asOf }).then(
      (list) => live && setAsOfRecords({ day: asOf, list }),
      (e) => say((l) => message(e, l), 'error'),
    );
    return () => {
      live = false;
    };
  }, [asOf, records, lang, say]);
  return asOf && asOfRecords?.day === asOf ? asOfRecords.list : records;
}

/** The records the filters and the search let through, and the grid's rows of them (the grand total apart). */
function useShown(base: RecordSummary[], state: OverviewState, pinyin: Pinyin, t: Strings, asOf: string | null) {
  const filters = filtersOf(state);
  const shown = useMemo(
    () => base.filter((r) => passes(r, filters) && searchMatches(state.search, r, pinyin)),
    // The filters compare by value (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [base, JSON.stringify(filters), state.search, pinyin],
  );
  // Provinces keep the list's (pinyin) order whatever the sort.
  const provinceRank = useMemo(() => firstAppearance(base), [base]);
  const { rows, total } = useMemo(() => {
    const all = overviewRows(shown, state.grouping, provinceRank).map((row) => gridRow(row, t, asOf ?? undefined));
    return { rows: all.slice(0, -1), total: all[all.length - 1] };
  }, [shown, state.grouping, provinceRank, t, asOf]);
  return { filters, shown, rows, total };
}

export function Overview({ records, pinyin, state, setState, t, lang, desktop, onOpen, say }: Props) {
  const grid = useRef<OverviewGridHandle>(null);
  const [printing, setPrinting] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const asOf = asOfOf(state.asOf);
  const base = useRecordsAsOf(records, asOf, lang, say);
  const { filters, shown, rows, total } = useShown(base, state, pinyin, t, asOf);
  const choices = useMemo(() => choicesOf(base), [base]);
  const shownIds = () => grid.current?.shownIds() ?? shown.map((r) => r.id);

  const exportExcel = async () => {
    setBusy(true);
    try {
      const request = { ids: shownIds(), grouping: state.grouping, filters, ...(asOf ? { asOf } : {}) };
      const path = await saveOrDownload(
        desktop,
        () => api.saveOverview({ ...request, format: 'xlsx' }),
        () => api.exportOverview({ ...request, format: 'xlsx' }),
        XLSX_TYPE,
      );
      if (path) say(saying((s) => `${s.download}: ${path}`));
    } catch (e) {
      say((l) => message(e, l), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="overview" data-testid="overview">
      <OverviewBar
        state={state}
        setState={setState}
        choices={choices}
        count={shown.length === base.length ? t.counties(shown.length) : t.shownOf(shown.length, base.length)}
        canPrint={shown.length > 0}
        busy={busy}
        onPrint={() => setPrinting(shownIds())}
        onExport={() => void exportExcel()}
        t={t}
        lang={lang}
      />
      {state.charts && <Charts records={shown} lang={lang} />}
      <OverviewGrid
        key={base.length === 0 ? 'none' : 'some'}
        ref={grid}
        rows={rows}
        total={total}
        lang={lang}
        t={t}
        comparePinyin={pinyin.comparePinyin}
        onOpen={onOpen}
        emptyText={base.length === 0 ? t.overviewNoRecords : t.overviewEmpty}
      />
      {printing && (
        <Suspense fallback={null}>
          <OverviewPrint
            records={printing.map((id) => shown.find((r) => r.id === id)!).filter(Boolean)}
            grouping={state.grouping}
            filters={filters}
            asOf={asOf ?? undefined}
            t={t}
            lang={lang}
            desktop={desktop}
            onSaved={(p) => say(saying((s) => `${s.savePdf}: ${p}`))}
            onClose={() => setPrinting(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
