// The printed overview as the server makes it (the web mode's PDF, the desktop's print and PDF):
// the charts drawn to SVG here, with the same options the screen uses. ECharts loads with the
// first overview printed, never at start.
import { overviewCharts, overviewHtml, type OverviewDocumentOptions } from '../../../shared/overview-document';
import type { OverviewRecord } from '../../../shared/overview';

export async function overviewPrintHtml(records: OverviewRecord[], options: OverviewDocumentOptions): Promise<string> {
  const { chartSvg } = await import('../../../shared/chart-svg');
  return overviewHtml(records, options, overviewCharts(records, options.script, chartSvg));
}
