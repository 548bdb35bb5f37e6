// 打印总览: the overview as it prints — title, what it covers, the charts, the table with its
// subtotals — on its real A4 landscape pages (paginate.ts), numbered as the PDF is; 打印 and 另存为
// PDF. The page is the one the server prints (shared/overview-document.ts), its charts drawn here
// by the same ECharts options.
import { useMemo, useRef, useState } from 'react';
import { overviewCharts, overviewHtml } from '../../../shared/overview-document';
import { chartSvg } from '../../../shared/chart-svg';
import { today } from '../../../shared/ledger';
import type { Grouping, OverviewFilters, OverviewRecord } from '../../../shared/overview';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { api } from '../api';
import { message } from '../errors';
import type { Said } from '../said';
import { useSavePdf } from '../print/useSavePdf';
import { paginate } from '../print/paginate';

type Props = {
  /** The counties shown, in the order shown. */
  records: OverviewRecord[];
  grouping: Grouping;
  filters: OverviewFilters;
  asOf?: string;
  t: Strings;
  lang: Lang;
  desktop: boolean;
  onClose: () => void;
  onSaved: (path: string) => void;
};

export function OverviewPrint({ records, grouping, filters, asOf, t, lang, desktop, onClose, onSaved }: Props) {
  const [script, setScript] = useState<'hans' | 'hant'>('hans');
  const [pages, setPages] = useState<number | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const options = { script, grouping, filters, ...(asOf ? { asOf } : {}), printedOn: today() };
  const html = useMemo(
    () => overviewHtml(records, options, overviewCharts(records, script, chartSvg)),
    // The filters compare by value (a new object each render); options follow script, grouping, filters and asOf.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, script, grouping, JSON.stringify(filters), asOf],
  );
  const request = { ids: records.map((r) => r.id), grouping, filters, script, ...(asOf ? { asOf } : {}) };

  const onLoad = async () => {
    const doc = frame.current?.contentDocument;
    if (!doc?.body) return setPages(null);
    await doc.fonts.ready;
    setPages(paginate(doc, script));
  };
  const print = async () => {
    if (desktop) await api.printOverview(request).catch((e) => setError(() => (l: Lang) => message(e, l)));
    else frame.current?.contentWindow?.print();
  };
  const { busy, savePdf } = useSavePdf({
    desktop,
    onSaved,
    setError: (e) => setError(e === null ? null : () => (l: Lang) => message(e, l)),
  });
  const pdfCalls = () => ({
    save: () => api.saveOverview({ ...request, format: 'pdf' as const }),
    make: () => api.exportOverview({ ...request, format: 'pdf' as const }),
  });

  return (
    <div className="print-preview" role="dialog" aria-label={t.overviewPrintTitle} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="print-bar">
        <b>{t.overviewPrintTitle}</b>
        <label>
          <input type="radio" name="overview-script" checked={script === 'hans'} onChange={() => setScript('hans')} /> {t.hans}
        </label>
        <label>
          <input type="radio" name="overview-script" checked={script === 'hant'} onChange={() => setScript('hant')} /> {t.hant}
        </label>
        <span className="pages" data-testid="page-count">
          {pages !== null ? t.pageCount(pages) : ''}
        </span>
        <span className="spacer" />
        {error && <span className="error">{error(lang)}</span>}
        <button className="primary" onClick={() => void print()}>
          {t.print}
        </button>
        <button disabled={busy} onClick={() => void savePdf(pdfCalls)}>
          {busy ? t.saving : t.savePdf}
        </button>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <div className="print-main">
        <iframe
          ref={frame}
          title={t.overviewPrintTitle}
          srcDoc={html}
          sandbox="allow-modals allow-same-origin"
          data-testid="print-frame"
          onLoad={() => void onLoad()}
        />
      </div>
    </div>
  );
}
