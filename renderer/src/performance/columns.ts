// The indicators' grid (四、绩效自评): its columns, titles, how a cell is read and drawn. The grid is
// the tables' own (renderer/src/grid): the same keys, paste, undo and lock.
import type { ColDef } from 'ag-grid-community';
import type { Lang } from '../../../shared/i18n';
import { parseIndicatorField } from '../../../shared/performance-fields';
import { level1Label, type Level1, type Performance } from '../../../shared/performance';
import type { Strings } from '../strings';
import type { CellCheck } from '../grid/blocks';
import { cellPlace } from '../grid/refusal';

export const INDICATOR_COLUMNS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'computedScore', 'deviation'] as const;
export const INDICATOR_COMPUTED: ReadonlySet<string> = new Set(['computedScore']);
const HEADERS: Record<string, [string, string]> = {
  level1: ['一级指标', 'Level 1'],
  level2: ['二级指标', 'Level 2'],
  name: ['三级指标', 'Indicator'],
  target: ['年度指标值', 'Annual target'],
  actual: ['实际完成值', 'Actual'],
  weight: ['分值', 'Weight'],
  score: ['得分(填报)', 'Score (stated)'],
  computedScore: ['得分(按规则)', 'Score (by the rules)'],
  deviation: ['偏差原因分析及改进措施', 'Deviation and remedy'],
};
/** Titles a pasted header row may carry (the grid's and the standard table's). */
export const INDICATOR_TITLES = [...Object.values(HEADERS).flat(), '得分', '偏差原因分析及改进措施'];

export const indicatorHeader = (field: string, lang: Lang) => HEADERS[field]?.[lang === 'zh' ? 0 : 1] ?? field;

/** How a typed or pasted indicator cell is read, or why not (naming the row and the column). */
export function indicatorCheck(): CellCheck {
  return (row, field, raw) => {
    const parsed = parseIndicatorField(field, raw);
    if (parsed.ok) return { ok: true, value: parsed.value };
    return {
      ok: false,
      message: (lang) =>
        `${cellPlace(row, field, lang, 'indicators')}: “${raw ?? ''}” ${lang === 'zh' ? parsed.problem : parsed.problemEn}`,
    };
  };
}

export function indicatorColumn(field: string, base: ColDef, t: Strings, lang: Lang): ColDef {
  // Values as written: 实际完成值 "95" is not an amount of money, and stays "95".
  const def: ColDef = {
    ...base,
    valueFormatter: (p) =>
      p.value === null || p.value === undefined ? '' : field === 'level1' ? level1Label(p.value as Level1, lang) : String(p.value),
  };
  switch (field) {
    case 'level1':
      return { ...def, width: 108 };
    case 'level2':
      return { ...def, width: 128 };
    case 'name':
      return { ...def, minWidth: 180, flex: 2, wrapText: true, autoHeight: true };
    case 'target':
    case 'actual':
      return { ...def, width: 140, wrapText: true, autoHeight: true };
    case 'weight':
    case 'score':
      return {
        ...def,
        width: 92,
        type: 'rightAligned',
        ...(field === 'score' ? { cellClass: 'stated', headerClass: 'stated-header' } : {}),
      };
    case 'computedScore':
      return {
        ...def,
        width: 112,
        type: 'rightAligned',
        cellClass: 'computed',
        headerClass: 'computed-header',
        headerTooltip: t.computedTip,
      };
    default:
      return { ...def, minWidth: 160, flex: 1, wrapText: true, autoHeight: true };
  }
}

/** The grid's rows: each indicator with the rule's score beside the stated one. */
export const indicatorRows = (p: Performance | undefined) =>
  (p?.indicators ?? []).map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    target: i.target,
    actual: i.actual,
    weight: i.weight,
    score: i.score,
    computedScore: i.computedScore,
    deviation: i.deviation,
  }));
