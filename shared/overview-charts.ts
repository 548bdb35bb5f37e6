// The overview's three charts as Apache ECharts options, from the records shown (so they follow
// the filters and the as-of day): 拨付率 per county (sorted bars, a line at each province's rate),
// Σ计划 vs Σ实际 by category, and how many counties have each review status. The same options draw
// the charts on screen and, rendered to SVG (chart-svg.ts), in the printed overview and its PDF.
//
// Amounts and rates are summed and divided exactly (bigint 分, half up); a bar's height is the only
// place a number becomes a float, and every label and tooltip shows the exact decimal.
import type {
  BarSeriesOption,
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts';
import { fenOfDecimal, formatWan, rate, sumFen } from './money';
import { statusCounts, sumOf, type OverviewRecord } from './overview';
import { STATUSES, statusLabel, type ReviewStatus } from './status';
import { CATEGORIES, toTraditional, type Category } from './text';
import type { Lang } from './i18n';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TitleComponentOption | TooltipComponentOption | LegendComponentOption
>;
export type ChartKind = 'rates' | 'categories' | 'statuses';
export const CHART_KINDS: ChartKind[] = ['rates', 'categories', 'statuses'];

/** The charts' words: the app's language on screen; simplified or traditional in print. */
export type ChartLang = Lang | 'hant';

const WORDS = {
  zh: {
    rates: '各县资金拨付率(%)',
    categories: '分类别 计划安排与实际拨付(万元)',
    statuses: '审核状态(县数)',
    planned: 'Σ计划安排额度',
    actual: 'Σ实际拨付额度',
    rate: '拨付率',
    noProvince: '未填省份',
    province: (name: string, r: string) => `${name} ${r}%`,
    categoryNames: {
      service_center: '公共服务中心',
      training: '人员培训',
      logistics: '物流配送',
      upstream: '农产品上行',
      promotion: '宣传和规划',
      township_commerce: '乡镇商贸中心',
      other: '其他',
    } as Record<Category, string>,
    batch: (n: number) => `第${n}批`,
  },
  en: {
    rates: 'Disbursement rate by county (%)',
    categories: 'Planned and disbursed by category (10k yuan)',
    statuses: 'Review status (counties)',
    planned: 'Σ planned',
    actual: 'Σ disbursed',
    rate: 'rate',
    noProvince: 'no province',
    province: (name: string, r: string) => `${name} ${r}%`,
    categoryNames: {
      service_center: 'Service centre',
      training: 'Training',
      logistics: 'Logistics',
      upstream: 'Upstream',
      promotion: 'Promotion',
      township_commerce: 'Township commerce',
      other: 'Other',
    } as Record<Category, string>,
    batch: (n: number) => `batch ${n}`,
  },
};

function words(lang: ChartLang) {
  if (lang !== 'hant') return WORDS[lang];
  const zh = WORDS.zh;
  const t = toTraditional;
  return {
    ...zh,
    rates: t(zh.rates),
    categories: t(zh.categories),
    statuses: t(zh.statuses),
    planned: t(zh.planned),
    actual: t(zh.actual),
    rate: t(zh.rate),
    noProvince: t(zh.noProvince),
    categoryNames: Object.fromEntries(Object.entries(zh.categoryNames).map(([k, v]) => [k, t(v)])) as Record<Category, string>,
  };
}

const statusName = (s: ReviewStatus, lang: ChartLang) => (lang === 'hant' ? toTraditional(statusLabel(s, 'zh')) : statusLabel(s, lang));

export const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif';
const BLUE = '#1d5fbf';
const LIGHT = '#9fb4d3';
export const STATUS_COLOURS: Record<ReviewStatus, string> = {
  draft: '#9aa5b1',
  submitted: '#1d5fbf',
  reviewed: '#d98b0b',
  accepted: '#2e7d32',
};
const LINE_COLOURS = ['#c62828', '#6a1b9a', '#00838f', '#ef6c00', '#2e7d32', '#4e342e', '#ad1457', '#283593'];

const base = (title: string): ChartOption => ({
  animation: false,
  textStyle: { fontFamily: FONT },
  title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13, fontWeight: 'bold', fontFamily: FONT } },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
});

type RateBar = { value: number; rate: string; record: OverviewRecord };

/** A province's rate as a dashed line over its own bars (from `start` to `end`): two points, or one marked for a single county. */
function provinceLine(label: string, start: number, end: number, provinceRate: string, colour: string): LineSeriesOption {
  const data: [number, number][] =
    start === end
      ? [[start, Number(provinceRate)]]
      : [
          [start, Number(provinceRate)],
          [end, Number(provinceRate)],
        ];
  return {
    type: 'line',
    name: label,
    data,
    showSymbol: start === end,
    symbol: 'diamond',
    symbolSize: 8,
    z: 3,
    lineStyle: { width: 2, type: 'dashed', color: colour },
    itemStyle: { color: colour },
    tooltip: { show: false },
  };
}

/** The bars (a county's label, with its batch when two share the name) province by province, sorted by rate, and each province's line. */
function rateBars(records: OverviewRecord[], w: ReturnType<typeof words>) {
  const byProvince = new Map<string, OverviewRecord[]>();
  for (const r of records) byProvince.set(r.province ?? '', [...(byProvince.get(r.province ?? '') ?? []), r]);
  const names = new Map<string, number>();
  for (const r of records) names.set(r.county, (names.get(r.county) ?? 0) + 1);
  const labels: string[] = [];
  const bars: RateBar[] = [];
  const lines: LineSeriesOption[] = [];
  for (const [province, list] of byProvince) {
    const rated = list
      .filter((r) => r.rate !== null)
      .sort((a, b) => Number(fenOfDecimal(a.rate!)! - fenOfDecimal(b.rate!)!) || a.id - b.id);
    if (rated.length === 0) continue;
    const start = labels.length;
    for (const r of rated) {
      labels.push((names.get(r.county) ?? 0) > 1 ? `${r.county}(${w.batch(r.batch)})` : r.county);
      bars.push({ value: Number(r.rate), rate: r.rate!, record: r });
    }
    const provinceRate = sumOf(province, list).rate;
    if (provinceRate === null) continue;
    const label = w.province(province || w.noProvince, provinceRate);
    lines.push(provinceLine(label, start, labels.length - 1, provinceRate, LINE_COLOURS[lines.length % LINE_COLOURS.length]));
  }
  return { labels, bars, lines };
}

/**
 * 拨付率 per county: grouped by province (in the order the records come), sorted by rate within
 * each, a line at the province's rate (Σ实际 / Σ计划 of its counties shown, half up). Counties
 * without a rate (nothing planned) are left out.
 */
export function ratesChart(records: OverviewRecord[], lang: ChartLang): ChartOption {
  const w = words(lang);
  const { labels, bars, lines } = rateBars(records, w);
  const many = labels.length > 40;
  return {
    ...base(w.rates),
    legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11, fontFamily: FONT }, data: lines.map((l) => l.name as string) },
    grid: { left: 44, right: 16, top: 34, bottom: many ? 48 : 78, containLabel: false },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { rotate: many ? 0 : 45, fontSize: 11, interval: many ? 'auto' : 0, show: !many, fontFamily: FONT },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
      axisLabel: { formatter: '{value}%', fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        name: w.rate,
        barMaxWidth: 28,
        itemStyle: { color: BLUE },
        // Hundreds of counties: drawn as one shape (ECharts' large mode), not one element per bar.
        large: true,
        largeThreshold: 200,
        data: bars.map((b) => b.value),
        label: {
          show: !many && bars.length <= 30,
          position: 'top',
          fontSize: 10,
          formatter: (p: { dataIndex: number }) => bars[p.dataIndex].rate,
        },
        tooltip: { valueFormatter: (_v: unknown, i?: number) => `${bars[i ?? 0]?.rate ?? ''}%` },
      },
      ...lines,
    ],
  } as ChartOption;
}

/**
 * A category's name as its axis label, on lines short enough that neighbouring names never run into
 * each other, level (a slanted label takes the room of the next): English a word a line, Chinese at
 * most three characters a line.
 */
export function axisName(name: string): string {
  if (/[A-Za-z]/.test(name)) return name.split(' ').join('\n');
  const chars = [...name];
  if (chars.length <= 4) return name;
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += 3) lines.push(chars.slice(i, i + 3).join(''));
  return lines.join('\n');
}

/** Σ计划 vs Σ实际 of each category over the records shown; the rate of each category on its bar. */
export function categoriesChart(records: OverviewRecord[], lang: ChartLang): ChartOption {
  const w = words(lang);
  const sums = CATEGORIES.map((category) => {
    const lines = records.flatMap((r) => r.categories.filter((c) => c.category === category));
    const planned = sumFen(lines.map((c) => fenOfDecimal(c.planned)!));
    const actual = sumFen(lines.map((c) => fenOfDecimal(c.actual)!));
    return { category, lines: lines.length, planned, actual, rate: rate(actual, planned) };
  }).filter((s) => s.lines > 0);
  const exact = (fen: bigint) => formatWan(fen);
  return {
    ...base(w.categories),
    legend: { bottom: 0, textStyle: { fontSize: 11, fontFamily: FONT } },
    grid: { left: 64, right: 12, top: 34, bottom: 62 },
    xAxis: {
      type: 'category',
      data: sums.map((s) => w.categoryNames[s.category]),
      axisLabel: { interval: 0, fontSize: lang === 'en' ? 10 : 11, lineHeight: 14, formatter: axisName, fontFamily: FONT },
    },
    yAxis: { type: 'value', axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        name: w.planned,
        itemStyle: { color: LIGHT },
        data: sums.map((s) => Number(exact(s.planned))),
        tooltip: { valueFormatter: (_v: unknown, i?: number) => exact(sums[i ?? 0].planned) },
      },
      {
        type: 'bar',
        name: w.actual,
        itemStyle: { color: BLUE },
        data: sums.map((s) => Number(exact(s.actual))),
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          formatter: (p: { dataIndex: number }) => (sums[p.dataIndex].rate === null ? '—' : `${sums[p.dataIndex].rate}%`),
        },
        tooltip: { valueFormatter: (_v: unknown, i?: number) => exact(sums[i ?? 0].actual) },
      },
    ],
  } as ChartOption;
}

/** How many of the counties shown have each status. */
export function statusesChart(records: OverviewRecord[], lang: ChartLang): ChartOption {
  const w = words(lang);
  const counts = statusCounts(records);
  return {
    ...base(w.statuses),
    // Room above the tallest bar for its count, below the title.
    grid: { left: 36, right: 12, top: 44, bottom: 28 },
    xAxis: { type: 'category', data: STATUSES.map((s) => statusName(s, lang)), axisLabel: { interval: 0, fontSize: 11, fontFamily: FONT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: counts.map((c) => ({ value: c.count, itemStyle: { color: STATUS_COLOURS[c.status] } })),
        label: { show: true, position: 'top', fontSize: 11 },
      },
    ],
  } as ChartOption;
}

export function chartOption(kind: ChartKind, records: OverviewRecord[], lang: ChartLang): ChartOption {
  return kind === 'rates'
    ? ratesChart(records, lang)
    : kind === 'categories'
      ? categoriesChart(records, lang)
      : statusesChart(records, lang);
}
