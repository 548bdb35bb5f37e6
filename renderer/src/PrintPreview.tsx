// 打印预览: the acceptance document exactly as it prints (shared/print.ts), with 打印 (the system
// print dialog) and 另存为 PDF.
import { useEffect, useMemo, useRef, useState } from 'react';
import { printHtml } from '../../shared/print';
import type { CountyRecord } from '../../shared/record';
import type { Lang } from '../../shared/i18n';
import type { Strings } from './strings';
import type { RecordSummary } from './Sidebar';
import { api } from './api';
import { message } from './useRecord';
import { download } from './files';

type Props = { records: RecordSummary[]; current: number | null; t: Strings; lang: Lang; desktop: boolean; onClose: () => void; onSaved: (path: string) => void };

export function PrintPreview({ records, current, t, lang, desktop, onClose, onSaved }: Props) {
  const [ids, setIds] = useState<number[]>(current ? [current] : records.slice(0, 1).map((r) => r.id));
  const [script, setScript] = useState<'hans' | 'hant'>('hans');
  const [signature, setSignature] = useState(true);
  const [loaded, setLoaded] = useState<CountyRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => api.getRecord({ id }))).then((list) => live && setLoaded(list.map((l) => l.record)), (e) => setError(message(e, lang)));
    return () => {
      live = false;
    };
  }, [ids, lang]);
  const html = useMemo(() => (loaded.length ? printHtml(loaded, { script, signature }) : ''), [loaded, script, signature]);

  const print = async () => {
    if (desktop) await api.printDocument({ ids, script, signature }).catch((e) => setError(message(e, lang)));
    else frame.current?.contentWindow?.print();
  };
  const savePdf = async () => {
    setBusy(true);
    try {
      if (desktop) {
        const { path } = await api.saveExport({ ids, script, signature, format: 'pdf' });
        if (path) onSaved(path);
      } else {
        const { fileName, bytes } = await api.exportPdf({ ids, script, signature });
        download(fileName, bytes, 'application/pdf');
      }
      setError(null);
    } catch (e) {
      setError(message(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="print-preview" role="dialog" aria-label={t.printPreview}>
      <div className="print-bar">
        <b>{t.printPreview}</b>
        <select multiple value={ids.map(String)} onChange={(e) => setIds([...e.target.selectedOptions].map((o) => Number(o.value)))} aria-label={t.records} size={1}>
          {records.map((r) => (
            <option key={r.id} value={r.id}>{r.county} · {t.batchOf} {r.batch}</option>
          ))}
        </select>
        <label><input type="radio" name="print-script" checked={script === 'hans'} onChange={() => setScript('hans')} /> {t.hans}</label>
        <label><input type="radio" name="print-script" checked={script === 'hant'} onChange={() => setScript('hant')} /> {t.hant}</label>
        <label><input type="checkbox" checked={signature} onChange={(e) => setSignature(e.target.checked)} /> {t.signature}</label>
        <span className="spacer" />
        {error && <span className="error">{error}</span>}
        <button className="primary" disabled={!html} onClick={() => void print()}>{t.print}</button>
        <button disabled={!html || busy} onClick={() => void savePdf()}>{busy ? t.saving : t.savePdf}</button>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <iframe ref={frame} title={t.printPreview} srcDoc={html} sandbox="allow-modals allow-same-origin" data-testid="print-frame" />
    </div>
  );
}
