// The overview table's columns (AG Grid column definitions): the county's place, its figures, its
// 绩效自评, its warnings and review status, when it last changed. How they compare is rows.ts.
import type { ColDef } from 'ag-grid-community';
import { PERF_STRINGS } from '../performance/strings';
import { GRADE_EN, type Grade } from '../../../shared/performance';
import { displayDecimal, showRate } from '../../../shared/money';
import type { ReviewStatus } from '../../../shared/status';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { compareMoney, compareRate, compareScoreText, compareStatus, type GridRow } from './rows';

type Col = ColDef<GridRow>;
const money = (m: string) => displayDecimal(m).text;

/** 省, 市, 县 (by pinyin); a group's row shows its label across 省 … 年度. */
function placeColumns(t: Strings, comparePinyin: (a: string, b: string) => number): Col[] {
  const c = t.overviewColumns;
  const text = (field: 'province' | 'prefecture' | 'county'): Col => ({
    field,
    headerName: c[field],
    comparator: (a: string | null, b: string | null) => comparePinyin(a ?? '', b ?? ''),
  });
  return [
    {
      ...text('province'),
      width: 100,
      colSpan: (p) => (p.data && p.data.kind !== 'county' ? 5 : 1),
      valueGetter: (p) => (p.data?.kind === 'county' ? (p.data.province ?? '') : (p.data?.label ?? '')),
    },
    { ...text('prefecture'), width: 96 },
    {
      ...text('county'),
      width: 120,
      cellClass: 'county-link',
      tooltipValueGetter: (p) => (p.data?.kind === 'county' ? (p.data.incomplete ? t.incompleteHint : t.openCounty) : undefined),
      valueFormatter: (p) => (p.data?.incomplete ? `${p.value}(${t.incomplete})` : (p.value ?? '')),
    },
  ];
}

/** 批次, 年度, 项目数, Σ计划, Σ实际 (※ 填报数 when typed, not of the day), 拨付率. */
function figureColumns(t: Strings): Col[] {
  const c = t.overviewColumns;
  return [
    { field: 'batch', headerName: c.batch, width: 70, type: 'numericColumn' },
    { field: 'year', headerName: c.year, width: 74, type: 'numericColumn' },
    { field: 'items', headerName: c.items, width: 76, type: 'numericColumn' },
    {
      field: 'planned',
      headerName: c.planned,
      width: 136,
      type: 'numericColumn',
      comparator: compareMoney,
      valueFormatter: (p) => money(p.value),
    },
    {
      field: 'actual',
      headerName: c.actual,
      width: 150,
      type: 'numericColumn',
      comparator: compareMoney,
      valueFormatter: (p) => `${p.data?.typed ? `${t.typedFigure} ` : ''}${money(p.value)}`,
      cellClass: (p) => (p.data?.typed ? 'typed-figure' : undefined),
      tooltipValueGetter: (p) => (p.data?.typed ? t.typedFigureTip(p.data.typed) : undefined),
    },
    {
      field: 'rate',
      headerName: c.rate,
      width: 96,
      type: 'numericColumn',
      comparator: compareRate,
      valueFormatter: (p) => showRate(p.value),
      cellClass: 'rate-cell',
    },
  ];
}

/** 总分 and 等级 of 四、绩效自评. */
function performanceColumns(lang: Lang): Col[] {
  return [
    {
      field: 'score',
      headerName: PERF_STRINGS[lang].overviewScore,
      width: 92,
      type: 'numericColumn',
      comparator: compareScoreText,
      valueFormatter: (p) => p.value ?? '',
    },
    {
      field: 'grade',
      headerName: PERF_STRINGS[lang].overviewGrade,
      width: 70,
      valueFormatter: (p) => (p.value ? (lang === 'zh' ? p.value : GRADE_EN[p.value as Grade]) : ''),
    },
  ];
}

/** 警告, 状态 (with the acceptance day, who signed it on hover), 最近修改. */
function reviewColumns(t: Strings, lang: Lang): Col[] {
  const c = t.overviewColumns;
  return [
    {
      field: 'warnings',
      headerName: c.warnings,
      width: 88,
      type: 'numericColumn',
      valueFormatter: (p) => (p.value ? String(p.value) : ''),
      cellClass: (p) => (p.value ? 'warn-cell' : undefined),
    },
    {
      field: 'status',
      headerName: c.status,
      width: 150,
      comparator: compareStatus,
      valueFormatter: (p) =>
        p.value
          ? `${t.statuses[p.value as ReviewStatus]}${p.data?.status === 'accepted' && p.data.statusDay ? ` ${p.data.statusDay}` : ''}`
          : '',
      cellClass: (p) => (p.value ? `status-cell ${p.value}` : undefined),
      tooltipValueGetter: (p) => (p.data?.statusBy ? t.statusBy(p.data.statusBy, p.data.statusDay ?? '') : undefined),
    },
    {
      field: 'updatedAt',
      headerName: c.updatedAt,
      // (A flex column is squeezed to its minimum when the others fill the row: "Last change" then wrapped.)
      minWidth: 150,
      flex: 1,
      valueFormatter: (p) =>
        p.value ? new Date(p.value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) : '',
    },
  ];
}

export const overviewColumns = (t: Strings, lang: Lang, comparePinyin: (a: string, b: string) => number): Col[] => [
  ...placeColumns(t, comparePinyin),
  ...figureColumns(t),
  ...performanceColumns(lang),
  ...reviewColumns(t, lang),
];
