// The ledger's chart, drawn by Apache ECharts as SVG (sharp at any size, and its texts are text):
// the payments adding up over time against the planned total of their lines, the as-of day and the
// acceptance day marked. Labels and the tooltip give the exact amounts (chart.ts).
import { useEffect, useMemo, useRef } from 'react';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CountyRecord } from '../../../shared/record';
import { displayDecimal } from '../../../shared/money';
import type { Strings } from '../strings';
import { chartData, type ChartPoint, type ChartSeries } from './chart';

// oxlint-disable-next-line react-hooks/rules-of-hooks -- echarts' use() registers its parts; it is not React's use
use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);
type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

const wan = (money: string) => displayDecimal(money).text;
type Datum = { value: [string, number]; point: ChartPoint; series: string };

export function LedgerChart({ record, t }: { record: CountyRecord; t: Strings }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const data = useMemo(() => chartData(record, t.chartAll), [record, t]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, null, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const series = (s: ChartSeries, main: boolean): LineSeriesOption => ({
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
    });
    const total = series(data.total, true);
    const marks: NonNullable<MarkLineComponentOption['data']> = [
      {
        yAxis: data.plannedHeight,
        name: t.chartPlanned(wan(data.planned)),
        lineStyle: { color: '#c62828', type: 'dashed' },
        label: { formatter: t.chartPlanned(wan(data.planned)), position: 'insideStartTop', color: '#c62828' },
      },
    ];
    // The days are named above the plot, level, where they cannot run into the lines.
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
    total.markLine = { symbol: 'none', silent: true, data: marks };
    const option: Option = {
      animation: false,
      grid: { left: 64, right: 90, top: 58, bottom: 30 },
      // One row (scrolled when the lines are many): a legend wrapping onto a second row would cover the 万元 axis name.
      legend: { type: 'scroll', top: 0, left: 0, right: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const d = (p as unknown as { data: Datum }).data;
          return `${d.series}<br/>${d.point.date}: ${wan(d.point.total)} 万元`;
        },
      },
      xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true } },
      yAxis: {
        type: 'value',
        name: t.chartUnit,
        nameGap: 12,
        // The top of the axis is the planned total plus a tenth, not a round figure: its label would crowd the one below.
        axisLabel: { showMaxLabel: false },
        max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, data.plannedHeight) * 1.1),
      },
      series: [total, ...data.lines.map((l) => series(l, false))],
    };
    chart.current?.setOption(option, true);
  }, [data, t]);

  return (
    <figure className="ledger-chart">
      <figcaption>{t.chartTitle}</figcaption>
      <div
        ref={box}
        className="ledger-chart-box"
        data-testid="ledger-chart"
        role="img"
        aria-label={`${t.chartTitle}: ${t.chartPlanned(wan(data.planned))}`}
      />
    </figure>
  );
}
