// The overview's three charts as drawn from the records shown (ECharts options): 拨付率 per county,
// grouped by province and sorted, a dashed line at each province's rate; Σ计划 and Σ实际 by category
// with each category's rate; how many counties have each status. Expected figures by hand.
import { describe, expect, it } from 'vitest';
import { categoriesChart, chartOption, ratesChart, statusesChart, STATUS_COLOURS, type ChartOption } from '../../../shared/overview-charts';
import type { OverviewRecord } from '../../../shared/overview';
import type { ReviewStatus } from '../../../shared/status';
import type { Category } from '../../../shared/text';

let nextId = 1;
const county = (
  name: string,
  province: string | null,
  figures: { planned: string; actual: string; rate: string | null; status?: ReviewStatus; batch?: number },
  categories: [Category, string, string][] = [],
): OverviewRecord => ({
  id: nextId++,
  county: name,
  province,
  prefecture: null,
  batch: figures.batch ?? 8,
  year: 2021,
  planned: figures.planned,
  actual: figures.actual,
  rate: figures.rate,
  warnings: 0,
  errors: 0,
  items: 1,
  status: { status: figures.status ?? 'draft', by: null, at: null, day: null, remark: null },
  updatedAt: null,
  categories: categories.map(([category, planned, actual]) => ({ category, planned, actual })),
});

// 江西省: 1000 planned, 690 disbursed → 69.00%; 湖南省 100/300 → 33.33%; no province 2.25/3.5 → 64.29%.
const RECORDS = [
  county('樟树市', '江西省', { planned: '500', actual: '400', rate: '80.00', status: 'accepted' }, [
    ['service_center', '300', '250'],
    ['logistics', '200', '150'],
  ]),
  county('平江县', '湖南省', { planned: '300', actual: '100', rate: '33.33' }, [['logistics', '300', '100']]),
  county('万载县', '江西省', { planned: '300', actual: '90', rate: '30.00', status: 'reviewed' }, [['service_center', '300', '90']]),
  county('樟树市', '江西省', { planned: '200', actual: '200', rate: '100.00', batch: 9 }, [['training', '200', '200']]),
  county('无省县', null, { planned: '3.5', actual: '2.25', rate: '64.29', status: 'submitted' }, [['other', '3.5', '2.25']]),
  county('某县', null, { planned: '0', actual: '0', rate: null }, [['promotion', '0', '0']]),
];

type Series = {
  type: string;
  name?: string;
  data: unknown[];
  showSymbol?: boolean;
  lineStyle?: { color: string };
  itemStyle?: { color: string };
};
type Label = { show: boolean; formatter: (p: { dataIndex: number }) => string };
const series = (o: ChartOption) => o.series as Series[];
const xAxis = (o: ChartOption) => o.xAxis as { data: string[]; axisLabel: { show?: boolean; rotate?: number; fontSize: number } };
const title = (o: ChartOption) => (o.title as { text: string }).text;
const barLabels = (s: Series) => s.data.map((_, dataIndex) => (s as unknown as { label: Label }).label.formatter({ dataIndex }));
const tooltip = (s: Series, i: number) =>
  (s as unknown as { tooltip: { valueFormatter: (v: unknown, i?: number) => string } }).tooltip.valueFormatter(0, i);

describe('拨付率 by county', () => {
  const chart = ratesChart(RECORDS, 'zh');
  const [bars, ...lines] = series(chart);

  it('shows each province’s counties together, lowest rate first, in the order the provinces come; a county without a rate left out', () => {
    expect(title(chart)).toBe('各县资金拨付率(%)');
    expect(xAxis(chart).data).toEqual(['万载县', '樟树市(第8批)', '樟树市(第9批)', '平江县', '无省县']);
    expect(bars.data).toEqual([30, 80, 100, 33.33, 64.29]);
    expect(barLabels(bars)).toEqual(['30.00', '80.00', '100.00', '33.33', '64.29']);
    expect(tooltip(bars, 1)).toBe('80.00%');
  });

  it('draws a dashed line at each province’s rate over its own bars, one point for a province of one county', () => {
    expect(lines.map((l) => [l.type, l.name, l.data, l.showSymbol])).toEqual([
      [
        'line',
        '江西省 69.00%',
        [
          [0, 69],
          [2, 69],
        ],
        false,
      ],
      ['line', '湖南省 33.33%', [[3, 33.33]], true],
      ['line', '未填省份 64.29%', [[4, 64.29]], true],
    ]);
    expect((chart.legend as { data: string[] }).data).toEqual(['江西省 69.00%', '湖南省 33.33%', '未填省份 64.29%']);
    const colours = lines.map((l) => l.lineStyle!.color);
    expect(new Set(colours).size).toBe(3);
    expect(lines.map((l) => l.itemStyle!.color)).toEqual(colours);
  });

  it('puts counties of one rate in the order they were entered', () => {
    const later = { ...county('甲县', '江西省', { planned: '2', actual: '1', rate: '50.00' }), id: 20 };
    const earlier = { ...county('乙县', '江西省', { planned: '4', actual: '2', rate: '50.00' }), id: 10 };
    expect(xAxis(ratesChart([later, earlier], 'zh')).data).toEqual(['乙县', '甲县']);
  });

  it('goes up to 100% at least, and past it to the next ten above the highest rate', () => {
    const max = (chart.yAxis as { max: (v: { max: number }) => number }).max;
    expect([max({ max: 64.29 }), max({ max: 100 }), max({ max: 123.4 }), max({ max: 130 })]).toEqual([100, 100, 130, 130]);
  });

  it('writes the rate on each of up to 30 bars, slanted names under them; over 40 counties, neither', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => county(`县${i}`, '江西省', { planned: '100', actual: `${i}`, rate: `${i}.00` }));
    const label = (o: ChartOption) => (series(o)[0] as unknown as { label: Label }).label.show;
    expect([label(ratesChart(many(30), 'zh')), xAxis(ratesChart(many(30), 'zh')).axisLabel]).toMatchObject([
      true,
      { show: true, rotate: 45 },
    ]);
    expect(label(ratesChart(many(31), 'zh'))).toBe(false);
    expect(xAxis(ratesChart(many(40), 'zh')).axisLabel).toMatchObject({ show: true, rotate: 45 });
    expect(xAxis(ratesChart(many(41), 'zh')).axisLabel).toMatchObject({ show: false, rotate: 0 });
  });

  it('in English and in traditional characters', () => {
    const en = ratesChart(RECORDS, 'en');
    expect(title(en)).toBe('Disbursement rate by county (%)');
    expect(xAxis(en).data[1]).toBe('樟树市(batch 8)');
    expect(series(en)[3].name).toBe('no province 64.29%');
    const hant = ratesChart(RECORDS, 'hant');
    expect(title(hant)).toBe('各縣資金撥付率(%)');
    expect(series(hant)[3].name).toBe('未填省份 64.29%');
  });
});

describe('Σ计划 and Σ实际 by category', () => {
  const chart = categoriesChart(RECORDS, 'zh');
  const [planned, actual] = series(chart);

  it('sums each category over the counties shown, in 万元, with its rate on the bar; a category of nothing planned shows —', () => {
    expect(title(chart)).toBe('分类别 计划安排与实际拨付(万元)');
    expect(xAxis(chart).data).toEqual(['公共服务中心', '人员培训', '物流配送', '宣传和规划', '其他']);
    expect([planned.name, actual.name]).toEqual(['Σ计划安排额度', 'Σ实际拨付额度']);
    expect(planned.data).toEqual([600, 200, 500, 0, 3.5]);
    expect(actual.data).toEqual([340, 200, 250, 0, 2.25]);
    expect(barLabels(actual)).toEqual(['56.67%', '100.00%', '50.00%', '—', '64.29%']);
    expect([tooltip(planned, 4), tooltip(actual, 4), tooltip(actual, 0)]).toEqual(['3.5', '2.25', '340']);
  });

  it('in English (smaller names) and in traditional characters', () => {
    const en = categoriesChart(RECORDS, 'en');
    expect(title(en)).toBe('Planned and disbursed by category (10k yuan)');
    expect(xAxis(en).data).toEqual(['Service centre', 'Training', 'Logistics', 'Promotion', 'Other']);
    expect(series(en).map((s) => s.name)).toEqual(['Σ planned', 'Σ disbursed']);
    expect(xAxis(en).axisLabel.fontSize).toBeLessThan(xAxis(chart).axisLabel.fontSize);
    const hant = categoriesChart(RECORDS, 'hant');
    expect(xAxis(hant).data).toEqual(['公共服務中心', '人員培訓', '物流配送', '宣傳和規劃', '其他']);
    expect(series(hant).map((s) => s.name)).toEqual(['Σ計劃安排額度', 'Σ實際撥付額度']);
  });
});

describe('review status', () => {
  it('counts the counties of each status, each bar in its status’s colour', () => {
    const chart = statusesChart(RECORDS, 'zh');
    expect(title(chart)).toBe('审核状态(县数)');
    expect(xAxis(chart).data).toEqual(['草稿', '已提交', '已审核', '已验收']);
    expect(series(chart)[0].data).toEqual([
      { value: 3, itemStyle: { color: STATUS_COLOURS.draft } },
      { value: 1, itemStyle: { color: STATUS_COLOURS.submitted } },
      { value: 1, itemStyle: { color: STATUS_COLOURS.reviewed } },
      { value: 1, itemStyle: { color: STATUS_COLOURS.accepted } },
    ]);
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(4);
  });

  it('in English and in traditional characters', () => {
    expect(xAxis(statusesChart(RECORDS, 'en')).data).toEqual(['draft', 'submitted', 'reviewed', 'accepted']);
    const hant = statusesChart(RECORDS, 'hant');
    expect(title(hant)).toBe('審核狀態(縣數)');
    expect(xAxis(hant).data).toEqual(['草稿', '已提交', '已審核', '已驗收']);
  });
});

it('each kind of chart by its name', () => {
  expect(['rates', 'categories', 'statuses'].map((k) => title(chartOption(k as 'rates', RECORDS, 'zh')))).toEqual([
    '各县资金拨付率(%)',
    '分类别 计划安排与实际拨付(万元)',
    '审核状态(县数)',
  ]);
});
