// 四、绩效自评, the record's third tab: 项目资金 (computed 执行率 and 得分 beside what a table stated),
// 年度总体目标, the weights, and the indicators in the tables' own grid (same keys, paste, undo,
// lock), with 总分 and 等级. A field is saved on Enter or when it loses focus; a value refused stays
// in its field with the reason.
import { forwardRef, useImperativeHandle, useMemo, useRef, type ReactNode } from 'react';
import type { Lang } from '../../../shared/i18n';
import { GRADE_EN, type Performance } from '../../../shared/performance';
import type { RawValue } from '../../../shared/fields';
import { TableGrid, type CellMark, type GridHandle, type RowOp } from '../grid/TableGrid';
import type { Strings } from '../strings';
import type { CellEdit, EditOptions, View } from '../useRecord';
import type { PerformanceField } from '../useRecordActions';
import { indicatorCheck, indicatorRows } from './columns';
import { PERF_STRINGS } from './strings';
import type { Said, Say } from '../said';
import { PartField, type SaveField } from './PartField';
import { fundsFigure, indicatorFindings, unsavedNames, weightSum } from './part';

export type PerformanceHandle = { focus: (row: number, field: string) => void; unsaved: () => string | null; discard: () => void };

type Props = {
  recordId: number;
  view: View;
  marks: ReadonlyMap<string, CellMark>;
  lang: Lang;
  t: Strings;
  onEdit: (edits: CellEdit[], options?: EditOptions) => void;
  onPaste: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onRows: (op: RowOp) => Promise<boolean>;
  onSave: SaveField;
  onStart: (draft: boolean) => Promise<boolean>;
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (text: string, ok: string) => Promise<boolean>;
  recordLocked: Said | null;
};

type S = (typeof PERF_STRINGS)[Lang];
/** A field of the part, saved as typed: its stored value, or what it shows when that differs (an amount). */
type FieldOf = (f: PerformanceField, stored: string | null, extra?: { shown?: string; wide?: boolean }) => ReactNode;

/** 项目资金: the total (budget and executed from the record unless typed; 执行率 and 得分 computed beside what a table stated) and its parts. */
function FundsTable({ p, s, field }: { p: Performance; s: S; field: FieldOf }) {
  const f = p.funds;
  const budget = fundsFigure(p, 'budget');
  const executed = fundsFigure(p, 'executed');
  return (
    <table className="perf-funds">
      <thead>
        <tr>
          <th />
          <th>{s.initial}</th>
          <th>{s.budget}</th>
          <th>{s.executed}</th>
          <th>{s.weight}</th>
          <th className="computed-header" title={s.computedTip}>
            {s.rate}
          </th>
          <th className="computed-header" title={s.computedTip}>
            {s.score}
          </th>
          <th className="stated-header">{s.statedRate}</th>
          <th className="stated-header">{s.statedScore}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th>{s.total}</th>
          <td>{field('funds.initial', f.initial)}</td>
          <td title={budget.fromRecord ? s.fromCentral : undefined}>{field('funds.budget', budget.stored, { shown: budget.shown })}</td>
          <td title={executed.fromRecord ? s.fromDisbursed : undefined}>
            {field('funds.executed', executed.stored, { shown: executed.shown })}
          </td>
          <td>{field('funds.weight', f.weight)}</td>
          <td className="computed" data-testid="perf-rate">
            {f.rate === null ? '—' : `${f.rate}%`}
          </td>
          <td className="computed" data-testid="perf-funds-score">
            {f.score ?? '—'}
          </td>
          <td>{field('funds.statedRate', f.statedRate ?? null)}</td>
          <td>{field('funds.statedScore', f.statedScore ?? null)}</td>
        </tr>
        {(['current', 'carryover', 'other'] as const).map((part) => (
          <tr key={part}>
            <th>{s.parts[part]}</th>
            {(['initial', 'budget', 'executed'] as const).map((c) => (
              <td key={c}>{field(`funds.${part}.${c}` as PerformanceField, f[part][c])}</td>
            ))}
            <td colSpan={6} className="perf-note">
              {part === 'current' ? s.partsNote : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 年度总体目标 and the weights of the indicators (with their sum). */
function GoalsAndWeights({ p, s, field }: { p: Performance; s: S; field: FieldOf }) {
  return (
    <>
      <h3>{s.goals}</h3>
      <div className="perf-goals">
        <label>
          {s.expected}
          {field('goals.expected', p.goals.expected, { wide: true })}
        </label>
        <label>
          {s.achieved}
          {field('goals.achieved', p.goals.achieved, { wide: true })}
        </label>
      </div>
      <h3>{s.indicators}</h3>
      <p className="perf-weights">
        {s.weights}: {s.fundsW} {p.funds.weight} ·{' '}
        <label>
          {s.output} {field('weights.output', p.weights.output)}
        </label>{' '}
        ·{' '}
        <label>
          {s.outcome} {field('weights.outcome', p.weights.outcome)}
        </label>{' '}
        ·{' '}
        <label>
          {s.satisfaction} {field('weights.satisfaction', p.weights.satisfaction)}
        </label>{' '}
        · {s.sum} <b>{weightSum(p)}</b>
      </p>
    </>
  );
}

/** 总分 and 等级 (beside the total a table stated). */
function TotalLine({ p, s, lang }: { p: Performance; s: S; lang: Lang }) {
  return (
    <p className="perf-total" data-testid="perf-total">
      {s.totalScore} <b>{p.total ?? s.unscored}</b> · {s.grade}{' '}
      <b>{p.grade === null ? '—' : lang === 'zh' ? p.grade : GRADE_EN[p.grade]}</b>
      {p.statedTotal !== undefined && (
        <span className="stated">
          {' '}
          · {s.statedTotal} {p.statedTotal}
        </span>
      )}
      <span className="perf-rules"> {s.rules}</span>
    </p>
  );
}

/** A record without 绩效自评: start one, drafted from table 二 or empty. */
function NotStarted({ s, locked, onStart }: { s: S; locked: boolean; onStart: Props['onStart'] }) {
  return (
    <section className="performance" data-testid="performance">
      <p>{s.none}</p>
      <button data-testid="perf-draft" disabled={locked} onClick={() => void onStart(true)}>
        {s.startDraft}
      </button>{' '}
      <button data-testid="perf-start" disabled={locked} onClick={() => void onStart(false)}>
        {s.startEmpty}
      </button>
    </section>
  );
}

export const PerformanceView = forwardRef<PerformanceHandle, Props>(function PerformanceView(props, ref) {
  const { view, lang, t } = props;
  const p: Performance | undefined = view.record.performance;
  const s = PERF_STRINGS[lang];
  const grid = useRef<GridHandle>(null);
  const unsaved = useRef(new Map<string, string>()).current;
  useImperativeHandle(ref, () => ({
    focus: (row, field) => grid.current?.focus(row, field),
    unsaved: () => grid.current?.unsaved() ?? unsavedNames(unsaved.keys(), lang),
    discard: () => {
      grid.current?.discard();
      unsaved.clear();
    },
  }));
  const rows = useMemo(() => indicatorRows(p), [p]);
  const check = useMemo(() => indicatorCheck(), []);
  // The grid points at indicators by row: findings of the performance part with a row are the grid's.
  const gridFindings = useMemo(() => indicatorFindings(view.findings), [view.findings]);

  if (!p) return <NotStarted s={s} locked={!!props.recordLocked} onStart={props.onStart} />;

  const field: FieldOf = (f, stored, extra = {}) => (
    <PartField
      key={f}
      field={f}
      stored={stored ?? ''}
      {...extra}
      lang={lang}
      onSave={props.onSave}
      locked={props.recordLocked?.(lang) ?? null}
      unsaved={unsaved}
      findings={view.findings}
    />
  );
  return (
    <section className="performance" data-testid="performance">
      <h3>{s.funds}</h3>
      <FundsTable p={p} s={s} field={field} />
      <GoalsAndWeights p={p} s={s} field={field} />
      <TableGrid
        ref={grid}
        table="indicators"
        recordId={props.recordId}
        rows={rows}
        rowIds={view.indicatorIds}
        check={check}
        findings={gridFindings}
        marks={props.marks}
        lang={lang}
        t={t}
        emptyText={s.emptyIndicators}
        onEdit={props.onEdit}
        onPaste={props.onPaste}
        onRows={props.onRows}
        onMessage={props.onMessage}
        onUndo={props.onUndo}
        onRedo={props.onRedo}
        confirm={props.confirm}
        recordLocked={props.recordLocked}
      />
      <TotalLine p={p} s={s} lang={lang} />
      {!props.recordLocked && (
        <p>
          <button data-testid="perf-draft-more" onClick={() => void props.onStart(true)}>
            {s.draftMore}
          </button>
        </p>
      )}
    </section>
  );
});
