// The overview's charts on screen, drawn by ECharts as SVG from the very options the printed
// overview uses (shared/overview-charts.ts): they follow the filters and the as-of day.
import { useEffect, useRef } from 'react';
import { echarts } from '../../../shared/chart-svg';
import { chartOption, type ChartKind } from '../../../shared/overview-charts';
import type { OverviewRecord } from '../../../shared/overview';
import type { Lang } from '../../../shared/i18n';

function Chart({ kind, records, lang }: { kind: ChartKind; records: OverviewRecord[]; lang: Lang }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(chartOption(kind, records, lang), { notMerge: true });
  }, [kind, records, lang]);
  return <div ref={box} className={`chart chart-${kind}`} data-chart={kind} data-counties={records.length} />;
}

export function Charts({ records, lang }: { records: OverviewRecord[]; lang: Lang }) {
  return (
    <section className="overview-charts" data-testid="charts">
      <Chart kind="rates" records={records} lang={lang} />
      <Chart kind="categories" records={records} lang={lang} />
      <Chart kind="statuses" records={records} lang={lang} />
    </section>
  );
}
