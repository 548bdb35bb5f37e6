// 四、绩效自评, the record's third tab: 项目资金 (computed 执行率 and 得分 beside what a table stated),
// 年度总体目标, the weights, and the indicators in the tables' own grid (same keys, paste, undo,
// lock), with 总分 and 等级. A field is saved on Enter or when it loses focus; a value refused stays
// in its field with the reason.
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../../shared/i18n';
import type { Finding } from '../../../shared/findings';
import { findingMessage } from '../../../shared/i18n';
import { GRADE_EN, type Performance } from '../../../shared/performance';
import { performanceFieldLabel } from '../../../shared/performance-fields';
import { sumScores } from '../../../shared/performance-rules';
import { displayDecimal } from '../../../shared/money';
import type { RawValue } from '../../../shared/fields';
import { TableGrid, type CellMark, type GridHandle, type RowOp } from '../grid/TableGrid';
import type { Strings } from '../strings';
import type { CellEdit, EditOptions, View } from '../useRecord';
import type { PerformanceField } from '../useRecordActions';
import { indicatorCheck, indicatorRows } from './columns';
import { PERF_STRINGS } from './strings';
import type { Said, Say } from '../said';

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
  onSave: (field: PerformanceField, value: string) => Promise<Said | null>;
  onStart: (draft: boolean) => Promise<boolean>;
  onMessage: Say;
  onUndo: () => void;
  onRedo: () => void;
  confirm: (text: string, ok: string) => Promise<boolean>;
  recordLocked: Said | null;
};

const money = (v: string | null) => (v === null ? '' : displayDecimal(v).text);

/** One field of the part: shows the stored value, saves what is typed, keeps a refused value with its reason. */
function PartField(props: {
  field: PerformanceField;
  stored: string;
  shown?: string;
  lang: Lang;
  onSave: Props['onSave'];
  locked: string | null;
  unsaved: Map<string, string>;
  wide?: boolean;
  findings: Finding[];
}) {
  const { field, stored, lang, onSave, locked, unsaved } = props;
  const [value, setValue] = useState(props.shown ?? stored);
  const [error, setError] = useState<Said | null>(null);
  useEffect(() => {
    if (!unsaved.has(field)) setValue(props.shown ?? stored);
  }, [stored, props.shown]); // eslint-disable-line react-hooks/exhaustive-deps
  const commit = async () => {
    if (value === (props.shown ?? stored) || value === stored) {
      unsaved.delete(field);
      return;
    }
    unsaved.set(field, value);
    const why = await onSave(field, value);
    setError(() => why);
    if (why === null) unsaved.delete(field);
  };
  const notes = props.findings.filter((f) => f.target?.table === 'performance' && f.target.field === field && f.target.row === undefined);
  const label = performanceFieldLabel(field, lang);
  const common = {
    'aria-label': label,
    'data-field': field,
    value,
    readOnly: !!locked,
    title: [locked, error?.(lang), ...notes.map((n) => findingMessage(n, lang))].filter(Boolean).join('\n') || undefined,
    className: `${error ? 'cell-error' : notes.length ? 'cell-warning' : ''}`,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => void commit(),
  };
  return props.wide ? (
    <textarea {...common} rows={3} />
  ) : (
    <input {...common} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
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
    unsaved: () =>
      grid.current?.unsaved() ?? (unsaved.size ? [...unsaved.keys()].map((f) => performanceFieldLabel(f, lang)).join('、') : null),
    discard: () => {
      grid.current?.discard();
      unsaved.clear();
    },
  }));
  const rows = useMemo(() => indicatorRows(p), [p]);
  const check = useMemo(() => indicatorCheck(), []);
  // The grid points at indicators by row: findings of the performance part with a row are the grid's.
  const gridFindings = useMemo(
    () => view.findings.filter((f) => f.target?.table === 'performance' && f.target.row !== undefined),
    [view.findings],
  );

  if (!p)
    return (
      <section className="performance" data-testid="performance">
        <p>{s.none}</p>
        <button data-testid="perf-draft" disabled={!!props.recordLocked} onClick={() => void props.onStart(true)}>
          {s.startDraft}
        </button>{' '}
        <button data-testid="perf-start" disabled={!!props.recordLocked} onClick={() => void props.onStart(false)}>
          {s.startEmpty}
        </button>
      </section>
    );

  const field = (f: PerformanceField, stored: string | null, extra: { shown?: string; wide?: boolean } = {}) => (
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
  const f = p.funds;
  const weightSum = sumScores([f.weight, p.weights.output, p.weights.outcome, p.weights.satisfaction]);
  return (
    <section className="performance" data-testid="performance">
      <h3>{s.funds}</h3>
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
            <td title={f.from.budget === 'record' ? s.fromCentral : undefined}>
              {field('funds.budget', f.from.budget === 'typed' ? f.budget : null, { shown: money(f.budget) })}
            </td>
            <td title={f.from.executed === 'record' ? s.fromDisbursed : undefined}>
              {field('funds.executed', f.from.executed === 'typed' ? f.executed : null, { shown: money(f.executed) })}
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
        {s.weights}: {s.fundsW} {f.weight} ·{' '}
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
        · {s.sum} <b>{weightSum}</b>
      </p>
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
      <p className="perf-total" data-testid="perf-total">
        {s.totalScore} <b>{p.total}</b> · {s.grade} <b>{lang === 'zh' ? p.grade : GRADE_EN[p.grade]}</b>
        {p.statedTotal !== undefined && (
          <span className="stated">
            {' '}
            · {s.statedTotal} {p.statedTotal}
          </span>
        )}
        <span className="perf-rules"> {s.rules}</span>
      </p>
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
