// The fields of 四、绩效自评 around the indicators' grid, as plain rules with no React: what a field
// shows and whether what is typed is to be saved, the findings that belong to a field or to the grid,
// how a field says them, the fields typed and not saved, the sum of the weights.
// PerformanceView.tsx and PartField.tsx call these; test/unit/renderer/performance-part.test.ts tests them.
import type { Finding } from '../../../shared/findings';
import { findingMessage, type Lang } from '../../../shared/i18n';
import type { Performance } from '../../../shared/performance';
import { performanceFieldLabel } from '../../../shared/performance-fields';
import { sumScores } from '../../../shared/performance-rules';
import { displayDecimal } from '../../../shared/money';

/** Whether what is typed is to be saved: not when it is what the field shows or what it holds. */
export const toSave = (value: string, stored: string, shown: string | undefined): boolean =>
  value !== (shown ?? stored) && value !== stored;

/** The findings of one field of the part (not of an indicator). */
export const fieldNotes = (findings: readonly Finding[], field: string): Finding[] =>
  findings.filter((f) => f.target?.table === 'performance' && f.target.field === field && f.target.row === undefined);

/** The findings of the indicators (they point at a row): the grid's. */
export const indicatorFindings = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.target?.table === 'performance' && f.target.row !== undefined);

/** What a field says on hover: why it is locked, why its value was refused, its findings; and its look. */
export function fieldSays(locked: string | null, error: string | null, notes: readonly Finding[], lang: Lang) {
  return {
    title: [locked, error, ...notes.map((n) => findingMessage(n, lang))].filter(Boolean).join('\n') || undefined,
    className: error ? 'cell-error' : notes.length ? 'cell-warning' : '',
  };
}

/** The fields typed and not saved, by their labels (null when none). */
export const unsavedNames = (fields: Iterable<string>, lang: Lang): string | null =>
  [...fields].map((f) => performanceFieldLabel(f, lang)).join('、') || null;

/** 全年预算数 or 全年执行数: the value typed (null when it follows the record) and the amount shown. */
export function fundsFigure(p: Performance, which: 'budget' | 'executed'): { stored: string | null; shown: string; fromRecord: boolean } {
  const value = p.funds[which];
  const fromRecord = p.funds.from[which] === 'record';
  return { stored: fromRecord ? null : value, shown: value === null ? '' : displayDecimal(value).text, fromRecord };
}

/** The weights' sum (资金 + 产出 + 效益 + 满意度), to be 100. */
export const weightSum = (p: Performance): string =>
  sumScores([p.funds.weight, p.weights.output, p.weights.outcome, p.weights.satisfaction]);
