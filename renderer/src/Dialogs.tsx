// Export and new-record dialogs (the import preview is ImportDialog.tsx).
import { useState } from 'react';
import { findingMessage, type Lang } from '../../shared/i18n';
import { parseCountyField } from '../../shared/fields';
import { type County } from '../../shared/record';
import { countySchema } from '../../shared/schema';
import type { RecordSummary } from './Sidebar';
import type { Strings } from './strings';
import { api } from './api';
import { message } from './useRecord';
import { download, type PickedFile } from './files';

export type { PickedFile };

function Modal({ title, children, onClose }: { title: string; children: React.ReactNode; onClose: () => void }) {
  return (
    <div className="modal-back" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** `asOf`: the day chosen for the open record's figures; the workbook gives every record's figures as of it (null: each its own). */
export function ExportDialog({ records, current, asOf, t, lang, desktop, onSaved, onClose }: { records: RecordSummary[]; current: number | null; asOf: string | null; t: Strings; lang: Lang; desktop: boolean; onSaved: (path: string) => void; onClose: () => void }) {
  const [chosen, setChosen] = useState<Set<number>>(new Set(current ? [current] : records.map((r) => r.id)));
  const [script, setScript] = useState<'hans' | 'hant'>('hans');
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    try {
      if (desktop) {
        // The desktop app asks where to save in the native dialog, in main.
        const { path } = await api.saveExport({ ids: [...chosen], script, ...(asOf ? { asOf } : {}) });
        if (path) onSaved(path);
        onClose();
        return;
      }
      const { fileName, bytes } = await api.exportWorkbook({ ids: [...chosen], script, ...(asOf ? { asOf } : {}) });
      download(fileName, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      onClose();
    } catch (e) {
      setError(message(e, lang));
    }
  };
  return (
    <Modal title={t.exportTitle} onClose={onClose}>
      <ul className="pick">
        {records.map((r) => (
          <li key={r.id}>
            <label>
              <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => { const next = new Set(chosen); if (e.target.checked) next.add(r.id); else next.delete(r.id); setChosen(next); }} />
              {r.county} · {t.batchOf} {r.batch}
            </label>
          </li>
        ))}
      </ul>
      <p className="choice">
        {t.script}:
        <label><input type="radio" name="script" checked={script === 'hans'} onChange={() => setScript('hans')} /> {t.hans}</label>
        <label><input type="radio" name="script" checked={script === 'hant'} onChange={() => setScript('hant')} /> {t.hant}</label>
      </p>
      {asOf && <p className="as-of-shown" data-testid="export-as-of">{t.asOfShown(asOf)}</p>}
      {error && <p className="error">{error}</p>}
      <div className="buttons">
        <button onClick={onClose}>{t.cancel}</button>
        <button className="primary" disabled={chosen.size === 0} onClick={() => void go()}>{t.download}</button>
      </div>
    </Modal>
  );
}

const NEW_FIELDS = ['name', 'province', 'prefecture', 'batch', 'year'] as const;

/** New record, or a duplicate to another batch (then only the batch is asked). */
export function RecordDialog({ t, lang, duplicateOf, onClose, onDone }: { t: Strings; lang: Lang; duplicateOf: RecordSummary | null; onClose: () => void; onDone: (id: number) => void }) {
  const [values, setValues] = useState<Record<string, string>>(duplicateOf ? { batch: String(duplicateOf.batch + 1) } : { year: String(new Date().getFullYear()) });
  const [error, setError] = useState<string | null>(null);
  const fields = duplicateOf ? (['batch'] as const) : NEW_FIELDS;
  const submit = async () => {
    const parsed: Record<string, unknown> = {};
    for (const f of fields) {
      const p = parseCountyField(f, values[f] ?? '');
      if (!p.ok) return setError(`${t.fields[f]}: ${findingMessage({ severity: 'error', code: p.code, params: { field: `county.${f}`, value: values[f] ?? '' } }, lang)}`);
      parsed[f] = p.value;
    }
    try {
      if (duplicateOf) onDone((await api.duplicateRecord({ id: duplicateOf.id, batch: parsed.batch as number })).id);
      else {
        const county: County = countySchema.parse({
          ...parsed, approvedOn: null, acceptedOn: null, investment: { total: '0', central: '0', localGov: '0', social: '0' }, centralArrangedUse: '0', statusNote: '',
        });
        onDone((await api.createRecord({ county })).id);
      }
    } catch (e) {
      setError(message(e, lang));
    }
  };
  return (
    <Modal title={duplicateOf ? `${t.duplicateRecord}: ${duplicateOf.county}` : t.newRecord} onClose={onClose}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {fields.map((f) => (
          <label key={f} className="field">
            <span>{t.fields[f]}{f === 'name' || f === 'batch' || f === 'year' ? ` (${t.required})` : ''}</span>
            <input name={f} value={values[f] ?? ''} autoFocus={f === fields[0]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
          </label>
        ))}
        {error && <p className="error">{error}</p>}
        <div className="buttons">
          <button type="button" onClick={onClose}>{t.cancel}</button>
          <button type="submit" className="primary">{t.ok}</button>
        </div>
      </form>
    </Modal>
  );
}
