// The ledger chart's ECharts option from what it draws (chart.ts): the running total of all the lines
// (bold, with its points) and of each line, the planned total dashed, the as-of day and the acceptance
// day marked above the plot; the tooltip and the labels give the exact amounts. Plain data (echarts'
// types only); LedgerChart.tsx hands it to ECharts, test/unit/renderer/ledger-chart.test.ts tests it.
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import { displayDecimal } from '../../../shared/money';
import type { Strings } from '../strings';
import type { ChartData, ChartPoint, ChartSeries } from './chart';

export type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;
type Datum = { value: [string, number]; point: ChartPoint; series: string };
type Marks = NonNullable<MarkLineComponentOption['data']>;

export const wan = (money: string) => displayDecimal(money).text;

function series(s: ChartSeries, main: boolean): LineSeriesOption {
  return {
    name: s.name,
    type: 'line',
    step: 'end',
    showSymbol: main,
    symbolSize: 6,
    lineStyle: { width: main ? 3 : 1.5 },
    z: main ? 3 : 2,
    data: s.points.map((point): Datum => ({
      value: [point.date, point.height],
      point,
      series: s.name,
    })) as unknown as LineSeriesOption['data'],
  };
}

/** The planned total, dashed; the as-of day and the acceptance day (when another day), named above the plot where they cannot run into the lines. */
export function chartMarks(data: ChartData, t: Strings): Marks {
  const marks: Marks = [
    {
      yAxis: data.plannedHeight,
      name: t.chartPlanned(wan(data.planned)),
      lineStyle: { color: '#c62828', type: 'dashed' },
      label: { formatter: t.chartPlanned(wan(data.planned)), position: 'insideStartTop', color: '#c62828' },
    },
  ];
  if (data.asOf)
    marks.push({
      xAxis: data.asOf,
      name: t.chartAsOf,
      lineStyle: { color: '#1d5fbf' },
      label: { formatter: `${t.chartAsOf} ${data.asOf}`, position: 'end', color: '#1d5fbf' },
    });
  if (data.accepted && data.accepted !== data.asOf)
    marks.push({
      xAxis: data.accepted,
      name: t.chartAccepted,
      lineStyle: { color: '#6b7785', type: 'dotted' },
      label: { formatter: `${t.chartAccepted} ${data.accepted}`, position: 'end', color: '#52606d' },
    });
  return marks;
}

/** A point's tooltip: its series, its day and the exact running total. */
export const tooltipText = (d: Datum): string => `${d.series}<br/>${d.point.date}: ${wan(d.point.total)} 万元`;

/** The top of the axis: the planned total (or the highest point) plus a tenth — not a round figure, whose label would crowd the one below. */
export const axisTop = (highest: number, plannedHeight: number): number => Math.ceil(Math.max(highest, plannedHeight) * 1.1);

export function chartOption(data: ChartData, t: Strings): Option {
  const total = series(data.total, true);
  total.markLine = { symbol: 'none', silent: true, data: chartMarks(data, t) };
  return {
    animation: false,
    grid: { left: 64, right: 90, top: 58, bottom: 30 },
    // One row (scrolled when the lines are many): a legend wrapping onto a second row would cover the 万元 axis name.
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    tooltip: { trigger: 'item', formatter: (p) => tooltipText((p as unknown as { data: Datum }).data) },
    xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true } },
    yAxis: {
      type: 'value',
      name: t.chartUnit,
      nameGap: 12,
      axisLabel: { showMaxLabel: false },
      max: (extent: { max: number }) => axisTop(extent.max, data.plannedHeight),
    },
    series: [total, ...data.lines.map((l) => series(l, false))],
  };
}
