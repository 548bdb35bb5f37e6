// The ledger's chart, drawn by Apache ECharts as SVG (sharp at any size, and its texts are text):
// the payments adding up over time against the planned total of their lines, the as-of day and the
// acceptance day marked. Labels and the tooltip give the exact amounts (chart.ts, chartOption.ts).
import { useEffect, useMemo, useRef } from 'react';
import { init, use, type EChartsType } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CountyRecord } from '../../../shared/record';
import type { Strings } from '../strings';
import { chartData } from './chart';
import { chartOption, wan } from './chartOption';

// oxlint-disable-next-line react-hooks/rules-of-hooks -- echarts' use() registers its parts; it is not React's use
use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

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
    chart.current?.setOption(chartOption(data, t), true);
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
