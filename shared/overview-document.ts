// The printed overview (总览): a title, what it covers (filters, as-of day), the three charts as
// SVG, and the table with its subtotal rows and grand total — on A4 landscape, for the app's print
// preview, its print dialog and PDF, and the web mode's PDF alike. Its texts are in the chosen
// script; the numbers are the overview's own rows (overview.ts).
import { displayDecimal, showRate } from './money';
import { printCss } from './print';
import { chineseDay } from './ledger';
import { localDayOf, statusDay, statusLabel, type ReviewStatus } from './status';
import {
  overviewRows,
  typedFigures,
  type Grouping,
  type Summed,
  type OverviewFilters,
  type OverviewRecord,
  type OverviewRow,
} from './overview';
import { chartOption, type ChartKind } from './overview-charts';
import { toTraditional, type Script } from './text';

export type OverviewDocumentOptions = {
  script: Script;
  grouping: Grouping;
  filters: OverviewFilters;
  /** The as-of day of the figures, when one was chosen. */
  asOf?: string;
  /** The day printed (YYYY-MM-DD). */
  printedOn: string;
};

const HANS = {
  title: '电子商务进农村综合示范县验收汇总表',
  headers: [
    '省',
    '市',
    '县(市、区)',
    '批次',
    '年度',
    '项目数',
    '计划安排额度(万元)',
    '实际拨付额度(万元)',
    '资金拨付率(%)',
    '警告',
    '状态',
    '最近修改',
    '绩效得分',
    '等级',
  ],
  total: '总计',
  subtotal: '小计',
  noProvince: '(未填省份)',
  batch: (n: number) => `第${n}批`,
  counties: (n: number) => `${n}个县`,
  all: '全部记录',
  scope: '范围',
  province: (p: string) => p || '未填省份',
  year: (y: number) => `${y}年度`,
  below: (r: string) => `拨付率低于${r}%`,
  warnings: '有警告',
  search: (q: string) => `搜索“${q}”`,
  asOf: (day: string) => `金额截至${chineseDay(day)}`,
  /** A county without a ledger when an as-of day is chosen: its 实际拨付额度 is the typed total. */
  typedMark: '※',
  typedNote: (day: string) => `※ 没有拨付台账的县:实际拨付额度是表中填报的数,不是截至${chineseDay(day)}的数。`,
  /** A subtotal's counties, and how many of them are as of the day. */
  countiesDated: (n: number, dated: number) => `${n}个县,其中${dated}个截至该日`,
  printedOn: (day: string) => `打印日期:${chineseDay(day)}`,
  fileName: '验收汇总表',
  sheet: '汇总',
};
export type OverviewWording = typeof HANS;

const traditional = (w: OverviewWording): OverviewWording => {
  const t = toTraditional;
  return {
    ...w,
    title: t(w.title),
    headers: w.headers.map(t),
    total: t(w.total),
    subtotal: t(w.subtotal),
    noProvince: t(w.noProvince),
    all: t(w.all),
    scope: t(w.scope),
    batch: (n) => t(w.batch(n)),
    counties: (n) => t(w.counties(n)),
    province: (p) => (p ? p : t(w.province(p))),
    year: (y) => t(w.year(y)),
    below: (r) => t(w.below(r)),
    warnings: t(w.warnings),
    search: (q) => `${t('搜索')}“${q}”`,
    asOf: (d) => t(w.asOf(d)),
    printedOn: (d) => t(w.printedOn(d)),
    typedNote: (d) => t(w.typedNote(d)),
    countiesDated: (n, d) => t(w.countiesDated(n, d)),
    fileName: t(w.fileName),
    sheet: t(w.sheet),
  };
};

export const OVERVIEW_WORDING: Record<Script, OverviewWording> = { hans: HANS, hant: traditional(HANS) };

const status = (s: ReviewStatus, script: Script) => (script === 'hant' ? toTraditional(statusLabel(s, 'zh')) : statusLabel(s, 'zh'));

/** "江西省 · 第8批 · 拨付率低于80%", or 全部记录; the person's search text is kept as typed. */
export function scopeText(filters: OverviewFilters, script: Script): string {
  const w = OVERVIEW_WORDING[script];
  const parts = [
    filters.province !== undefined ? w.province(filters.province) : null,
    filters.batch !== undefined ? w.batch(filters.batch) : null,
    filters.year !== undefined ? w.year(filters.year) : null,
    filters.status !== undefined ? status(filters.status, script) : null,
    filters.warnings ? w.warnings : null,
    filters.below !== undefined ? w.below(filters.below) : null,
    filters.search ? w.search(filters.search) : null,
    filters.grade !== undefined ? (script === 'hant' ? toTraditional(`绩效等级 ${filters.grade}`) : `绩效等级 ${filters.grade}`) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : w.all;
}

/** A subtotal row's words: "江西省 小计", "江西省 第8批 小计", "第8批 小计"; the grand total. */
export function rowLabel(row: Exclude<OverviewRow, { kind: 'county' }>, script: Script): string {
  const w = OVERVIEW_WORDING[script];
  if (row.kind === 'total') return w.total;
  const province = row.province === undefined ? '' : `${row.province || w.noProvince} `;
  const batch = row.level === 'batch' ? `${w.batch(row.batch!)} ` : '';
  return `${province}${batch}${w.subtotal}`;
}

/** A subtotal's counties: "3个县", or with an as-of day "3个县,1个截至该日". */
export function sumCount(s: Pick<Summed, 'records' | 'dated'>, asOf: string | undefined, script: Script): string {
  const w = OVERVIEW_WORDING[script];
  return asOf ? w.countiesDated(s.records, s.dated) : w.counties(s.records);
}

/** The status as the table shows it: 已验收 with its day. */
export function statusCell(r: OverviewRecord, script: Script): string {
  const label = status(r.status.status, script);
  const day = statusDay(r.status);
  return r.status.status === 'accepted' && day ? `${label} ${day}` : label;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const money = (m: string) => escape(displayDecimal(m).text);
const rate = (r: string | null) => escape(showRate(r));

/** The chart sizes on the page (CSS px at 96 dpi; the printable width of A4 landscape is 273 mm ≈ 1031 px). */
export const CHART_SIZES: Record<ChartKind, { width: number; height: number }> = {
  rates: { width: 1030, height: 300 },
  categories: { width: 620, height: 260 },
  statuses: { width: 400, height: 260 },
};

const OVERVIEW_CSS = `
p.meta { text-indent: 0; text-align: center; margin: 0 0 6pt; font-size: 10pt; }
.charts { display: flex; flex-wrap: wrap; justify-content: space-between; margin: 0 0 8pt; break-inside: avoid; }
.charts .chart { break-inside: avoid; }
.charts .chart svg { display: block; }
table.overview { font-size: 9pt; }
table.overview th { font-size: 9pt; }
table.overview td.text { text-align: left; }
table.overview tr.subtotal td { font-weight: bold; background: #f2f2f2; }
table.overview tr.total td { font-weight: bold; background: #e6e6e6; }
`;

/** The printable overview page, around charts already drawn as SVG (chart-svg.ts). */
export function overviewHtml(
  records: OverviewRecord[],
  options: OverviewDocumentOptions,
  charts: Record<ChartKind, string>,
  provinceRank?: ReadonlyMap<string, number>,
): string {
  const { script } = options;
  const w = OVERVIEW_WORDING[script];
  const rows = overviewRows(records, options.grouping, provinceRank);
  const body = rows
    .map((row) => {
      if (row.kind === 'county') {
        const r = row.record;
        return `<tr><td class="text">${escape(r.province ?? '')}</td><td class="text">${escape(r.prefecture ?? '')}</td><td class="text">${escape(r.county)}</td><td class="seq">${r.batch}</td><td class="seq">${r.year}</td><td class="num">${r.items}</td><td class="num">${money(r.planned)}</td><td class="num">${money(r.actual)}${typedFigures(r, options.asOf) ? w.typedMark : ''}</td><td class="num">${rate(r.rate)}</td><td class="num">${r.warnings + r.errors || ''}</td><td class="seq">${escape(statusCell(r, script))}</td><td class="seq">${escape(localDayOf(r.updatedAt))}</td><td class="num">${r.performance?.total ?? ''}</td><td class="seq">${r.performance?.grade ? (script === 'hant' ? toTraditional(r.performance.grade) : r.performance.grade) : ''}</td></tr>`;
      }
      const s = row.sum;
      return `<tr class="${row.kind}"><td colspan="5">${escape(rowLabel(row, script))}(${escape(sumCount(s, options.asOf, script))})</td><td class="num">${s.items}</td><td class="num">${money(s.planned)}</td><td class="num">${money(s.actual)}</td><td class="num">${rate(s.rate)}</td><td class="num">${s.warnings || ''}</td><td></td><td></td><td></td><td></td></tr>`;
    })
    .join('');
  const widths = [7, 7, 10, 5, 5, 5, 10, 10, 7, 5, 12, 9, 5, 3];
  const meta = [
    scopeText(options.filters, script),
    w.counties(records.length),
    options.asOf ? w.asOf(options.asOf) : null,
    w.printedOn(options.printedOn),
  ]
    .filter(Boolean)
    .join(' · ');
  const chart = (kind: ChartKind) =>
    `<div class="chart" data-chart="${kind}" style="width:${CHART_SIZES[kind].width}px;height:${CHART_SIZES[kind].height}px">${charts[kind]}</div>`;
  return `<!doctype html><html lang="${script === 'hant' ? 'zh-Hant' : 'zh-CN'}"><head><meta charset="utf-8"><title>${escape(w.title)}</title><style>${printCss(script)}${OVERVIEW_CSS}</style></head><body><section class="doc overview">
<h1>${escape(w.title)}</h1>
<p class="meta">${escape(meta)}</p>
<div class="charts">${chart('rates')}${chart('categories')}${chart('statuses')}</div>
<table class="overview"><colgroup>${widths.map((x) => `<col style="width:${x}%">`).join('')}</colgroup>
<thead><tr>${w.headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
<tbody>${body}</tbody></table>
${options.asOf && records.some((r) => typedFigures(r, options.asOf)) ? `<p class="meta note">${escape(w.typedNote(options.asOf))}</p>` : ''}
</section></body></html>`;
}

/** The charts of the records shown, drawn by `draw` (chart-svg.ts's chartSvg), in the document's script. */
export function overviewCharts(
  records: OverviewRecord[],
  script: Script,
  draw: (option: ReturnType<typeof chartOption>, width: number, height: number) => string,
): Record<ChartKind, string> {
  const lang = script === 'hant' ? 'hant' : 'zh';
  const out = {} as Record<ChartKind, string>;
  for (const kind of ['rates', 'categories', 'statuses'] as const)
    out[kind] = draw(chartOption(kind, records, lang), CHART_SIZES[kind].width, CHART_SIZES[kind].height);
  return out;
}
