// 总览: every record side by side — 省, 市, 县, 批次, 年度, items, Σ计划, Σ实际, 拨付率, 警告, 状态,
// 最近修改 — filtered, searched (characters in either script, pinyin, initials), grouped with
// subtotals and a grand total (exact; rates half up from the sums), its charts following the
// filters, all as of one day if asked. It prints (with its charts) and exports to Excel.
import { PERF_STRINGS } from '../performance/strings';
import { GRADE_EN, type Grade } from '../../../shared/performance';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { GROUPINGS, overviewRows, passes, typedFigures, type Grouping, type OverviewRow } from '../../../shared/overview';
import { STATUSES, type ReviewStatus } from '../../../shared/status';
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
import { OverviewGrid, type GridRow, type OverviewGridHandle } from './OverviewGrid';
import { asOfOf, belowOf, filtersOf, INITIAL_OVERVIEW, type OverviewState } from './state';

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

export function Overview({ records, pinyin, state, setState, t, lang, desktop, onOpen, say }: Props) {
  const grid = useRef<OverviewGridHandle>(null);
  const [printing, setPrinting] = useState<number[] | null>(null);
  const asOf = asOfOf(state.asOf);
  const [asOfRecords, setAsOfRecords] = useState<{ day: string; list: RecordSummary[] } | null>(null);
  const [busy, setBusy] = useState(false);

  // As of a day: every record's figures of that day (the app's list is as of each one's own day).
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
  const base = asOf && asOfRecords?.day === asOf ? asOfRecords.list : records;

  const filters = filtersOf(state);
  const shown = useMemo(
    () => base.filter((r) => passes(r, filters) && searchMatches(state.search, r, pinyin)),
    // The filters compare by value (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [base, JSON.stringify(filters), state.search, pinyin],
  );
  // Provinces keep the list's (pinyin) order whatever the sort.
  const provinceRank = useMemo(() => {
    const rank = new Map<string, number>();
    for (const r of base) if (!rank.has(r.province ?? '')) rank.set(r.province ?? '', rank.size);
    return rank;
  }, [base]);
  const { rows, total } = useMemo(() => {
    const all = overviewRows(shown, state.grouping, provinceRank).map((row) => gridRow(row, t, asOf ?? undefined));
    return { rows: all.slice(0, -1), total: all[all.length - 1] };
  }, [shown, state.grouping, provinceRank, t, asOf]);

  const choices = useMemo(() => {
    const provinces = [...new Set(base.map((r) => r.province ?? ''))];
    const batches = [...new Set(base.map((r) => r.batch))].sort((a, b) => a - b);
    const years = [...new Set(base.map((r) => r.year))].sort((a, b) => a - b);
    return { provinces, batches, years };
  }, [base]);

  const set = (patch: Partial<OverviewState>) => setState({ ...state, ...patch });
  const belowBad = state.below.trim() !== '' && belowOf(state.below) === null;
  const asOfBad = state.asOf.trim() !== '' && asOf === null;
  const request = () => ({
    ids: grid.current?.shownIds() ?? shown.map((r) => r.id),
    grouping: state.grouping,
    filters,
    ...(asOf ? { asOf } : {}),
  });

  const exportExcel = async () => {
    setBusy(true);
    try {
      const path = await saveOrDownload(
        desktop,
        () => api.saveOverview({ ...request(), format: 'xlsx' }),
        () => api.exportOverview({ ...request(), format: 'xlsx' }),
        XLSX_TYPE,
      );
      if (path) say(saying((s) => `${s.download}: ${path}`));
    } catch (e) {
      say((l) => message(e, l), 'error');
    } finally {
      setBusy(false);
    }
  };

  const select = <T,>(
    label: string,
    value: T | undefined,
    options: { value: T; label: string }[],
    onPick: (v: T | undefined) => void,
    name: string,
  ) => (
    <label className="filter">
      {label}
      <select
        name={name}
        value={value === undefined ? '' : options.findIndex((o) => o.value === value)}
        onChange={(e) => onPick(e.target.value === '' ? undefined : options[Number(e.target.value)].value)}
      >
        <option value="">{t.all}</option>
        {options.map((o, i) => (
          <option key={i} value={i}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="overview" data-testid="overview">
      <div className="overview-bar">
        <input
          className="search"
          type="search"
          name="overview-search"
          placeholder={t.searchOverview}
          value={state.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        {select(
          t.filterProvince,
          state.province,
          choices.provinces.map((p) => ({ value: p, label: p || t.noProvince })),
          (province) => set({ province }),
          'province',
        )}
        {select(
          t.filterBatch,
          state.batch,
          choices.batches.map((b) => ({ value: b, label: t.batchLabel(b) })),
          (batch) => set({ batch }),
          'batch',
        )}
        {select(
          t.filterYear,
          state.year,
          choices.years.map((y) => ({ value: y, label: String(y) })),
          (year) => set({ year }),
          'year',
        )}
        {select<ReviewStatus>(
          t.filterStatus,
          state.status,
          STATUSES.map((s) => ({ value: s, label: t.statuses[s] })),
          (status) => set({ status }),
          'status',
        )}
        {select<Grade>(
          PERF_STRINGS[lang].gradeFilter,
          state.grade,
          GRADES.map((g) => ({ value: g, label: lang === 'zh' ? g : GRADE_EN[g] })),
          (grade) => set({ grade }),
          'grade',
        )}
        <label className="filter">
          <input type="checkbox" name="warnings" checked={state.warnings} onChange={(e) => set({ warnings: e.target.checked })} />{' '}
          {t.filterWarnings}
        </label>
        <label className="filter">
          {t.filterBelow}
          <input
            className={`below${belowBad ? ' invalid' : ''}`}
            name="below"
            inputMode="decimal"
            value={state.below}
            aria-invalid={belowBad || undefined}
            onChange={(e) => set({ below: e.target.value })}
          />
          %
        </label>
        <label className="filter" title={t.overviewAsOfHint}>
          {t.overviewAsOf}
          <input
            type="date"
            name="as-of"
            className={asOfBad ? 'invalid' : undefined}
            value={state.asOf}
            onChange={(e) => set({ asOf: e.target.value })}
          />
        </label>
        <label className="filter">
          {t.grouping}
          <select name="grouping" value={state.grouping} onChange={(e) => set({ grouping: e.target.value as Grouping })}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t.groupings[g]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <input type="checkbox" name="charts" checked={state.charts} onChange={(e) => set({ charts: e.target.checked })} /> {t.charts}
        </label>
        <button onClick={() => setState({ ...INITIAL_OVERVIEW, grouping: state.grouping, charts: state.charts })}>{t.clearFilters}</button>
        <span className="spacer" />
        <span className="count" data-testid="overview-count">
          {shown.length === base.length ? t.counties(shown.length) : t.shownOf(shown.length, base.length)}
        </span>
        <button disabled={shown.length === 0} onClick={() => setPrinting(grid.current?.shownIds() ?? shown.map((r) => r.id))}>
          {t.printOverview}
        </button>
        <button disabled={shown.length === 0 || busy} onClick={() => void exportExcel()}>
          {busy ? t.saving : t.exportExcel}
        </button>
      </div>
      {(belowBad || asOfBad) && (
        <p className="overview-errors" role="alert">
          {belowBad && <em className="field-error">{t.filterBelowInvalid(state.below)}</em>}
          {asOfBad && <em className="field-error">{t.overviewAsOfInvalid(state.asOf)}</em>}
        </p>
      )}
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

/** A row of the shared overview as the grid holds it, its labels in the app's language. */
const GRADES: Grade[] = ['优', '良', '中', '差'];

function gridRow(row: OverviewRow, t: Strings, asOf: string | undefined): GridRow {
  if (row.kind === 'county') {
    const r = row.record;
    return {
      key: row.key,
      kind: 'county',
      id: r.id,
      province: r.province,
      prefecture: r.prefecture,
      county: r.county,
      incomplete: r.incomplete,
      batch: r.batch,
      year: r.year,
      items: r.items,
      planned: r.planned,
      actual: r.actual,
      rate: r.rate,
      warnings: r.warnings + r.errors,
      status: r.status.status,
      statusBy: r.status.by,
      statusAt: r.status.at,
      updatedAt: r.updatedAt,
      ...(typedFigures(r, asOf) ? { typed: asOf } : {}),
      score: r.performance?.total ?? null,
      grade: r.performance?.grade ?? null,
    };
  }
  const s = row.sum;
  const plain =
    row.kind === 'total'
      ? t.grandTotal(s.records)
      : t.subtotal(
          [row.province !== undefined ? row.province || t.noProvince : null, row.level === 'batch' ? t.batchLabel(row.batch!) : null]
            .filter(Boolean)
            .join(' '),
          s.records,
        );
  // As of a day: how many of the group's counties have figures of that day (the others, typed totals).
  const label = asOf ? t.datedOf(plain, s.dated) : plain;
  return {
    key: row.key,
    kind: row.kind,
    label,
    ...(row.kind === 'subtotal' ? { level: row.level } : {}),
    province: null,
    prefecture: null,
    county: '',
    batch: null,
    year: null,
    items: s.items,
    planned: s.planned,
    actual: s.actual,
    rate: s.rate,
    warnings: s.warnings,
    status: null,
    statusBy: null,
    statusAt: null,
    updatedAt: null,
  };
}
