// The import preview: per county what would happen, its sums, the unit its amounts were read
// in and the cells not read; for a record that would be replaced, what changes; every finding
// pinned to its file, sheet and cell. A file that cannot be read is skipped and named.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/contract';
import { findingMessage, findingPlace, severityLabel, type Lang } from '../../shared/i18n';
import type { Strings } from './strings';
import { api } from './api';
import { message } from './useRecord';
import type { PickedFile } from './files';

type ImportResult = Output<'importWorkbooks'>;
type Planned = ImportResult['records'][number];

const cellStyle = { padding: '4px 8px', borderBottom: '1px solid #eee', whiteSpace: 'nowrap' as const };
const headStyle = { ...cellStyle, textAlign: 'left' as const, borderBottom: '1px solid #ccc', fontWeight: 600 };
const number = { ...cellStyle, textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };

function Changes({ r, t }: { r: Planned; t: Strings }) {
  const c = r.changes;
  if (!c) return null;
  const rows = (x: { added: number; removed: number }) => t.importChanges.rows(x.added, x.removed);
  const amounts: string[] = [];
  if (c.totals.planned[0] !== c.totals.planned[1]) amounts.push(`${t.importColumns.planned} ${c.totals.planned[0]} → ${c.totals.planned[1]}`);
  if (c.totals.actual[0] !== c.totals.actual[1]) amounts.push(`${t.importColumns.actual} ${c.totals.actual[0]} → ${c.totals.actual[1]}`);
  if (c.totals.rate[0] !== c.totals.rate[1]) amounts.push(`${t.importColumns.rate} ${c.totals.rate[0] ?? '—'} → ${c.totals.rate[1] ?? '—'}`);
  const same = amounts.length === 0 && c.lines.length === 0 && !c.items.added && !c.items.removed && !c.disbursements.added && !c.disbursements.removed;
  return (
    <div className="changes" data-testid="import-changes" style={{ fontSize: 13, color: '#444' }}>
      {same ? (
        t.importChanges.none
      ) : (
        <>
          {t.importChanges.items}: {rows(c.items)}; {t.importChanges.disbursements}: {rows(c.disbursements)}
          {amounts.length > 0 && <>; {amounts.join('; ')}</>}
          {c.lines.length > 0 && (
            <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>
              {c.lines.map((l, i) => (
                <li key={i}>
                  {l.name}: {l.field === 'planned' ? t.importColumns.planned : t.importColumns.actual} {l.before ?? '—'} → {l.after ?? '—'}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export function ImportDialog({ files, t, lang, onClose, onDone }: { files: PickedFile[]; t: Strings; lang: Lang; onClose: () => void; onDone: (r: ImportResult) => void }) {
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [onConflict, setOnConflict] = useState<'skip' | 'replace'>('skip');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (dryRun: boolean, choice: 'skip' | 'replace') => {
      setBusy(true);
      try {
        // A file that cannot be read does not block the others: it is skipped and named.
        const r = await api.importWorkbooks({ files, onConflict: choice, dryRun, skipUnreadable: true });
        if (!dryRun && r.committed) onDone(r);
        else setPreview(r);
        setError(null);
      } catch (e) {
        setError(message(e, lang));
      } finally {
        setBusy(false);
      }
    },
    [files, lang, onDone],
  );
  useEffect(() => {
    // The files picked decide the first preview; a conflict choice previews again.
    void run(true, 'skip');
  }, [files]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const choose = (choice: 'skip' | 'replace') => {
    setOnConflict(choice);
    void run(true, choice);
  };
  const hasErrors = preview?.findings.some((f) => f.severity === 'error');
  const hasConflicts = preview?.records.some((r) => r.existingId !== undefined);
  const c = t.importColumns;
  return (
    <div className="modal-back" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={t.importTitle} style={{ maxWidth: 1100 }}>
        <h2>{t.importTitle}</h2>
        <p className="files">{files.map((f) => f.name).join('、')}</p>
        {error && <p className="error">{error}</p>}
        {busy && !preview && <p>{t.importReading}</p>}
        {preview && (
          <>
            {preview.skippedFiles.length > 0 && (
              <div className="error" data-testid="skipped-files">
                {t.importSkippedFiles}
                <ul>
                  {preview.skippedFiles.map((s) => (
                    <li key={s.file}>
                      <b>{s.file}</b>: {s.messages[lang]}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.records.length === 0 && <p className="error">{t.importNoCounty}</p>}
            {preview.records.length > 0 && (
              <table className="preview" style={{ fontSize: 13 }}>
                <thead>
                  <tr>
                    {[c.action, c.county, c.batch, c.source, c.rows, c.planned, c.actual, c.rate, c.unit, c.ignored].map((h) => (
                      <th key={h} scope="col" style={headStyle}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.records.map((r, i) => (
                    <tr key={i} className={`action-${r.action}`}>
                      <td style={cellStyle}>{t.actions[r.action]}</td>
                      <td style={{ ...cellStyle, whiteSpace: 'normal' }}>
                        {r.county}
                        <Changes r={r} t={t} />
                      </td>
                      <td style={cellStyle}>{r.batch ?? '—'}</td>
                      <td style={{ ...cellStyle, whiteSpace: 'normal' }}>{r.file} › {r.sheet}</td>
                      <td style={number}>{r.items} / {r.disbursements} / {r.payments}</td>
                      <td style={number}>{r.planned ?? '—'}</td>
                      <td style={number}>{r.actual ?? '—'}</td>
                      <td style={number}>{r.rate ?? '—'}</td>
                      <td style={cellStyle}>{r.unit ? t.importUnits[r.unit] : '—'}</td>
                      <td style={number}>{r.ignored}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {preview.findings.length > 0 && (
              <ul className="findings">
                {preview.findings.map((f, i) => (
                  <li key={i} className={f.severity}>
                    <b>{severityLabel(f.severity, lang)}</b> <code>{findingPlace(f)}</code> {findingMessage(f, lang)}
                  </li>
                ))}
              </ul>
            )}
            {hasConflicts && (
              <p className="choice">
                {t.onConflict}:
                <label><input type="radio" name="conflict" checked={onConflict === 'skip'} onChange={() => choose('skip')} /> {t.skip}</label>
                <label><input type="radio" name="conflict" checked={onConflict === 'replace'} onChange={() => choose('replace')} /> {t.replace}</label>
              </p>
            )}
            {hasErrors && <p className="error">{t.nothingWritten}</p>}
          </>
        )}
        <div className="buttons">
          <button onClick={onClose}>{t.cancel}</button>
          <button className="primary" disabled={busy || !preview || !preview.ok} onClick={() => void run(false, onConflict)}>{t.commit}</button>
        </div>
      </div>
    </div>
  );
}
