// 打印预览: the acceptance document on its real pages (paginate.ts), numbered as they print, for one
// county or several ticked together; 打印 (the system print dialog) and 另存为 PDF. What is printed
// is choices.ts: the preview and the request are made from the same choices.
import { PERF_STRINGS } from '../performance/strings';
import { useEffect, useMemo, useRef, useState } from 'react';
import { printHtml } from '../../../shared/print';
import type { CountyRecord } from '../../../shared/record';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import type { RecordSummary } from '../Sidebar';
import { api } from '../api';
import { message } from '../errors';
import { useSavePdf } from './useSavePdf';
import { paginate } from './paginate';
import { documentOptions, firstChosen, INITIAL_CHOICES, inListOrder, printRequest, ticked, type PrintChoices } from './choices';

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

/** The document of the records chosen (as of the day), '' until each is loaded. */
function usePrintHtml(ids: number[], records: RecordSummary[], choices: PrintChoices, asOf: string | null, onError: (e: unknown) => void) {
  const [loaded, setLoaded] = useState<CountyRecord[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => api.getRecord({ id, ...(asOf ? { asOf } : {}) }))).then(
      (list) => live && setLoaded(list.map((l) => l.record)),
      onError,
    );
    return () => {
      live = false;
    };
  }, [ids, asOf]); // eslint-disable-line react-hooks/exhaustive-deps
  return useMemo(
    () => (loaded.length && ids.length && loaded.length === ids.length ? printHtml(loaded, documentOptions(choices, ids, records)) : ''),
    [loaded, ids, records, choices],
  );
}

/** The choices of the bar: simplified or traditional, signature, 绩效自评, status, ledger. */
function ChoiceBoxes({ c, set, t, lang }: { c: PrintChoices; set: (patch: Partial<PrintChoices>) => void; t: Strings; lang: Lang }) {
  return (
    <>
      <label>
        <input type="radio" name="print-script" checked={c.script === 'hans'} onChange={() => set({ script: 'hans' })} /> {t.hans}
      </label>
      <label>
        <input type="radio" name="print-script" checked={c.script === 'hant'} onChange={() => set({ script: 'hant' })} /> {t.hant}
      </label>
      <label>
        <input type="checkbox" checked={c.signature} onChange={(e) => set({ signature: e.target.checked })} /> {t.signature}
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="print-performance"
          checked={c.performance}
          onChange={(e) => set({ performance: e.target.checked })}
        />{' '}
        {PERF_STRINGS[lang].printSection}
      </label>
      <label>
        <input type="checkbox" checked={c.status} onChange={(e) => set({ status: e.target.checked })} /> {t.statusOnPrint}
      </label>
      <label>
        <input type="checkbox" name="ledger" checked={c.ledger} onChange={(e) => set({ ledger: e.target.checked })} /> {t.ledgerOnPrint}
      </label>
    </>
  );
}

/** The records to print: all, or each ticked. */
function RecordChooser(props: { records: RecordSummary[]; chosen: number[]; setChosen: (ids: number[]) => void; t: Strings }) {
  const { records, chosen, setChosen, t } = props;
  const count = inListOrder(records, chosen).length;
  return (
    <fieldset className="print-records">
      <legend>
        {t.printRecords} · {t.chosen(count)}
      </legend>
      <label className="all">
        <input
          type="checkbox"
          checked={count === records.length}
          onChange={(e) => setChosen(e.target.checked ? records.map((r) => r.id) : [])}
        />{' '}
        {t.allRecords}
      </label>
      {records.map((r) => (
        <label key={r.id}>
          <input type="checkbox" checked={chosen.includes(r.id)} onChange={(e) => setChosen(ticked(chosen, r.id, e.target.checked))} />{' '}
          {r.county} · {t.batchOf} {r.batch}
        </label>
      ))}
    </fieldset>
  );
}

export function PrintPreview({ records, current, asOf, t, lang, desktop, onClose, onSaved }: Props) {
  const [chosen, setChosen] = useState<number[]>(() => firstChosen(records, current));
  const [choices, setChoices] = useState<PrintChoices>(INITIAL_CHOICES);
  const [pages, setPages] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const ids = useMemo(() => inListOrder(records, chosen), [records, chosen]);
  const html = usePrintHtml(ids, records, choices, asOf, (e) => setError(message(e, lang)));

  const onLoad = async () => {
    const doc = frame.current?.contentDocument;
    if (!doc?.body || !html) return setPages(null);
    // Measure with the fonts the page will print in.
    await doc.fonts.ready;
    setPages(paginate(doc, choices.script));
  };
  const print = async () => {
    if (desktop) await api.printDocument(printRequest(ids, choices, asOf)).catch((e) => setError(message(e, lang)));
    else frame.current?.contentWindow?.print();
  };
  const { busy, savePdf } = useSavePdf({ desktop, onSaved, setError: (e) => setError(e === null ? null : message(e, lang)) });
  const pdfCalls = () => {
    const request = printRequest(ids, choices, asOf);
    return { save: () => api.saveExport({ ...request, format: 'pdf' as const }), make: () => api.exportPdf(request) };
  };

  return (
    <div className="print-preview" role="dialog" aria-label={t.printPreview} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="print-bar">
        <b>{t.printPreview}</b>
        <ChoiceBoxes c={choices} set={(patch) => setChoices((c) => ({ ...c, ...patch }))} t={t} lang={lang} />
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
        <button disabled={!html || busy} onClick={() => void savePdf(pdfCalls)}>
          {busy ? t.saving : t.savePdf}
        </button>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <div className="print-main">
        <RecordChooser records={records} chosen={chosen} setChosen={setChosen} t={t} />
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
