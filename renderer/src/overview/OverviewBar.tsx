// The overview's bar: the search, the filters (province, batch, year, status, 等级, warnings,
// "拨付率低于 N%"), the day, the grouping, the charts, how many counties are shown, print and export.
// A value typed that is not one (a bound, a day) is said beside the bar and left out of the filters.
import { PERF_STRINGS } from '../performance/strings';
import { GRADE_EN, type Grade } from '../../../shared/performance';
import { GROUPINGS, type Grouping } from '../../../shared/overview';
import { STATUSES, type ReviewStatus } from '../../../shared/status';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { GRADES, type choicesOf } from './rows';
import { INITIAL_OVERVIEW, invalidOf, type OverviewState } from './state';

type Props = {
  state: OverviewState;
  setState: (next: OverviewState) => void;
  choices: ReturnType<typeof choicesOf>;
  /** How many counties are shown (of how many). */
  count: string;
  canPrint: boolean;
  busy: boolean;
  onPrint: () => void;
  onExport: () => void;
  t: Strings;
  lang: Lang;
};

/** A filter offering its choices and 全部 (none picked). */
function Choice<T>(props: {
  label: string;
  name: string;
  value: T | undefined;
  options: { value: T; label: string }[];
  onPick: (v: T | undefined) => void;
  all: string;
}) {
  const { label, name, value, options, onPick } = props;
  return (
    <label className="filter">
      {label}
      <select
        name={name}
        value={value === undefined ? '' : options.findIndex((o) => o.value === value)}
        onChange={(e) => onPick(e.target.value === '' ? undefined : options[Number(e.target.value)].value)}
      >
        <option value="">{props.all}</option>
        {options.map((o, i) => (
          <option key={i} value={i}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Province, batch, year, status and 等级. */
function Picks({ state, setState, choices, t, lang }: Pick<Props, 'state' | 'setState' | 'choices' | 't' | 'lang'>) {
  const set = (patch: Partial<OverviewState>) => setState({ ...state, ...patch });
  const all = t.all;
  return (
    <>
      <Choice
        label={t.filterProvince}
        name="province"
        value={state.province}
        options={choices.provinces.map((p) => ({ value: p, label: p || t.noProvince }))}
        onPick={(province) => set({ province })}
        all={all}
      />
      <Choice
        label={t.filterBatch}
        name="batch"
        value={state.batch}
        options={choices.batches.map((b) => ({ value: b, label: t.batchLabel(b) }))}
        onPick={(batch) => set({ batch })}
        all={all}
      />
      <Choice
        label={t.filterYear}
        name="year"
        value={state.year}
        options={choices.years.map((y) => ({ value: y, label: String(y) }))}
        onPick={(year) => set({ year })}
        all={all}
      />
      <Choice<ReviewStatus>
        label={t.filterStatus}
        name="status"
        value={state.status}
        options={STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
        onPick={(status) => set({ status })}
        all={all}
      />
      <Choice<Grade>
        label={PERF_STRINGS[lang].gradeFilter}
        name="grade"
        value={state.grade}
        options={GRADES.map((g) => ({ value: g, label: lang === 'zh' ? g : GRADE_EN[g] }))}
        onPick={(grade) => set({ grade })}
        all={all}
      />
    </>
  );
}

/** Warnings, the rate bound, the day, the grouping, the charts. */
function Settings({ state, setState, t }: Pick<Props, 'state' | 'setState' | 't'>) {
  const set = (patch: Partial<OverviewState>) => setState({ ...state, ...patch });
  const { below: belowBad, asOf: asOfBad } = invalidOf(state);
  return (
    <>
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
    </>
  );
}

/** What is typed and is not a value, said below the bar. */
function Invalid({ state, t }: { state: OverviewState; t: Strings }) {
  const { below: belowBad, asOf: asOfBad } = invalidOf(state);
  if (!belowBad && !asOfBad) return null;
  return (
    <p className="overview-errors" role="alert">
      {belowBad && <em className="field-error">{t.filterBelowInvalid(state.below)}</em>}
      {asOfBad && <em className="field-error">{t.overviewAsOfInvalid(state.asOf)}</em>}
    </p>
  );
}

export function OverviewBar(props: Props) {
  const { state, setState, t } = props;
  return (
    <>
      <div className="overview-bar">
        <input
          className="search"
          type="search"
          name="overview-search"
          placeholder={t.searchOverview}
          value={state.search}
          onChange={(e) => setState({ ...state, search: e.target.value })}
        />
        <Picks {...props} />
        <Settings {...props} />
        <button onClick={() => setState({ ...INITIAL_OVERVIEW, grouping: state.grouping, charts: state.charts })}>{t.clearFilters}</button>
        <span className="spacer" />
        <span className="count" data-testid="overview-count">
          {props.count}
        </span>
        <button disabled={!props.canPrint} onClick={props.onPrint}>
          {t.printOverview}
        </button>
        <button disabled={!props.canPrint || props.busy} onClick={props.onExport}>
          {props.busy ? t.saving : t.exportExcel}
        </button>
      </div>
      <Invalid state={state} t={t} />
    </>
  );
}
