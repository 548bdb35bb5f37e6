// The ledger chart's option (renderer/src/ledger/chartOption.ts) without a browser: the planned total
// dashed, the as-of day and the acceptance day marked (once when they are one day), the running total
// of all lines bold with its points, exact amounts in the tooltip, the axis topped a tenth above.
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../../renderer/src/strings';
import type { ChartData } from '../../../renderer/src/ledger/chart';
import { axisTop, chartMarks, chartOption, tooltipText } from '../../../renderer/src/ledger/chartOption';

const t = STRINGS.zh;
const point = (date: string, total: string) => ({ date, total, height: Number(total) });
const data = (over: Partial<ChartData> = {}): ChartData => ({
  total: { name: '全部', points: [point('2021-12-01', '0'), point('2021-12-01', '300'), point('2022-06-30', '640.21')] },
  lines: [
    { name: '1 县乡村物流', points: [point('2021-12-01', '300')] },
    { name: '2 农产品上行', points: [point('2022-06-30', '340.21')] },
  ],
  planned: '775',
  plannedHeight: 775,
  asOf: '2022-01-01',
  accepted: '2022-03-15',
  ...over,
});

describe('the marks of the ledger chart', () => {
  it('the planned total of the lines, then the as-of day and the acceptance day', () => {
    const marks = chartMarks(data(), t);
    expect(marks.map((m) => ('yAxis' in m ? `y ${m.yAxis}` : `x ${(m as { xAxis: string }).xAxis}`))).toEqual([
      'y 775',
      'x 2022-01-01',
      'x 2022-03-15',
    ]);
    expect((marks[0] as { name: string }).name).toBe(t.chartPlanned('775.00'));
    expect((marks[1] as { label: { formatter: string } }).label.formatter).toBe(`${t.chartAsOf} 2022-01-01`);
  });
  it('the acceptance day is marked once when it is the as-of day; no day, no mark', () => {
    expect(chartMarks(data({ accepted: '2022-01-01' }), t)).toHaveLength(2);
    expect(chartMarks(data({ asOf: null, accepted: null }), t)).toHaveLength(1);
  });
});

describe('the option', () => {
  it('the running total of all lines first, bold with its points and the marks; each line thin', () => {
    const option = chartOption(data(), t);
    const series = option.series as { name: string; showSymbol: boolean; lineStyle: { width: number }; markLine?: unknown }[];
    expect(series.map((s) => [s.name, s.showSymbol, s.lineStyle.width])).toEqual([
      ['全部', true, 3],
      ['1 县乡村物流', false, 1.5],
      ['2 农产品上行', false, 1.5],
    ]);
    expect(series[0].markLine).toMatchObject({ data: chartMarks(data(), t) });
    expect(series[1].markLine).toBeUndefined();
  });
  it('a point says its series, its day and the exact running total', () => {
    expect(tooltipText({ value: ['2022-06-30', 1234.5], point: point('2022-06-30', '1234.5'), series: '全部' })).toBe(
      '全部<br/>2022-06-30: 1234.50 万元',
    );
  });
  it('the axis is topped a tenth above the planned total or the highest point, whichever is higher', () => {
    expect(axisTop(640.21, 775)).toBe(853);
    expect(axisTop(1000, 775)).toBe(1100);
  });
});
