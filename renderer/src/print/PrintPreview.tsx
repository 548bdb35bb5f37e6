// 打印预览: the acceptance document on its real pages (paginate.ts), numbered as they print, for one
// county or several ticked together; 打印 (the system print dialog) and 另存为 PDF.
import { PERF_STRINGS } from '../performance/strings';
import { useEffect, useMemo, useRef, useState } from 'react';
import { printHtml } from '../../../shared/print';
import type { CountyRecord } from '../../../shared/record';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import type { RecordSummary } from '../Sidebar';
import { api } from '../api';
import { message } from '../errors';
import { PDF_TYPE, saveOrDownload } from '../files';
import { paginate } from './paginate';

type Props = {
  records: RecordSummary[];
  current: number | null;
  /** The day chosen for the open record's figures: every record printed is as of it (null: each its own). */
  asOf: string | null;
  t: Strings;
  lang: Lang;
  desktop: boolean;
  onClose: () => void;
  onSaved: (path: string) => void;
};

export function PrintPreview({ records, current, asOf, t, lang, desktop, onClose, onSaved }: Props) {
  const [chosen, setChosen] = useState<number[]>(current ? [current] : records.slice(0, 1).map((r) => r.id));
  const [script, setScript] = useState<'hans' | 'hant'>('hans');
  const [signature, setSignature] = useState(true);
  const [performance, setPerformance] = useState(false);
  // The review status and acceptance date under each title (off: the official form as it is).
  const [withStatus, setWithStatus] = useState(false);
  const [withLedger, setWithLedger] = useState(false);
  const [loaded, setLoaded] = useState<CountyRecord[]>([]);
  const [pages, setPages] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const day = asOf ? { asOf } : {};
  // In the order of the list, whatever order they were ticked in.
  const ids = useMemo(() => records.map((r) => r.id).filter((id) => chosen.includes(id)), [records, chosen]);

  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => api.getRecord({ id, ...day }))).then(
      (list) => live && setLoaded(list.map((l) => l.record)),
      (e) => setError(message(e, lang)),
    );
    return () => {
      live = false;
    };
  }, [ids, lang, asOf]); // eslint-disable-line react-hooks/exhaustive-deps
  const statuses = useMemo(
    () => (withStatus ? ids.map((id) => records.find((r) => r.id === id)!.status) : undefined),
    [withStatus, ids, records],
  );
  const html = useMemo(
    () =>
      loaded.length && ids.length && loaded.length === ids.length
        ? printHtml(loaded, { script, signature, performance, ledger: withLedger, ...(statuses ? { statuses } : {}) })
        : '',
    [loaded, ids, script, signature, performance, statuses, withLedger],
  );

  const onLoad = async () => {
    const doc = frame.current?.contentDocument;
    if (!doc?.body || !html) return setPages(null);
    // Measure with the fonts the page will print in.
    await doc.fonts.ready;
    setPages(paginate(doc, script));
  };

  const print = async () => {
    if (desktop)
      await api
        .printDocument({ ids, script, signature, performance, status: withStatus, ledger: withLedger, ...day })
        .catch((e) => setError(message(e, lang)));
    else frame.current?.contentWindow?.print();
  };
  const savePdf = async () => {
    setBusy(true);
    try {
      const request = { ids, script, signature, performance, status: withStatus, ledger: withLedger, ...day };
      const path = await saveOrDownload(
        desktop,
        () => api.saveExport({ ...request, format: 'pdf' }),
        () => api.exportPdf(request),
        PDF_TYPE,
      );
      if (path) onSaved(path);
      setError(null);
    } catch (e) {
      setError(message(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const tick = (id: number, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));

  return (
    <div className="print-preview" role="dialog" aria-label={t.printPreview} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="print-bar">
        <b>{t.printPreview}</b>
        <label>
          <input type="radio" name="print-script" checked={script === 'hans'} onChange={() => setScript('hans')} /> {t.hans}
        </label>
        <label>
          <input type="radio" name="print-script" checked={script === 'hant'} onChange={() => setScript('hant')} /> {t.hant}
        </label>
        <label>
          <input type="checkbox" checked={signature} onChange={(e) => setSignature(e.target.checked)} /> {t.signature}
        </label>
        <label>
          <input type="checkbox" data-testid="print-performance" checked={performance} onChange={(e) => setPerformance(e.target.checked)} />{' '}
          {PERF_STRINGS[lang].printSection}
        </label>
        <label>
          <input type="checkbox" checked={withStatus} onChange={(e) => setWithStatus(e.target.checked)} /> {t.statusOnPrint}
        </label>
        <label>
          <input type="checkbox" name="ledger" checked={withLedger} onChange={(e) => setWithLedger(e.target.checked)} /> {t.ledgerOnPrint}
        </label>
        <span className="pages" data-testid="page-count">
          {pages !== null && html ? t.pageCount(pages) : ''}
        </span>
        {asOf && (
          <span className="as-of-shown" data-testid="print-as-of">
            {t.asOfShown(asOf)}
          </span>
        )}
        <span className="spacer" />
        {error && <span className="error">{error}</span>}
        <button className="primary" disabled={!html} onClick={() => void print()}>
          {t.print}
        </button>
        <button disabled={!html || busy} onClick={() => void savePdf()}>
          {busy ? t.saving : t.savePdf}
        </button>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <div className="print-main">
        <fieldset className="print-records">
          <legend>
            {t.printRecords} · {t.chosen(ids.length)}
          </legend>
          <label className="all">
            <input
              type="checkbox"
              checked={ids.length === records.length}
              onChange={(e) => setChosen(e.target.checked ? records.map((r) => r.id) : [])}
            />{' '}
            {t.allRecords}
          </label>
          {records.map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={chosen.includes(r.id)} onChange={(e) => tick(r.id, e.target.checked)} /> {r.county} ·{' '}
              {t.batchOf} {r.batch}
            </label>
          ))}
        </fieldset>
        <iframe
          ref={frame}
          title={t.printPreview}
          srcDoc={html}
          sandbox="allow-modals allow-same-origin"
          data-testid="print-frame"
          onLoad={() => void onLoad()}
        />
      </div>
    </div>
  );
}
