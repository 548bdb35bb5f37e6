// The import preview: per county what would happen, its sums, the unit its amounts were read in and
// the cells not read; for a record that would be replaced, what changes (and what becomes of its
// payments); every finding pinned to its file, sheet and cell. A file that cannot be read is skipped
// and named. Doubts: each doubtful figure beside what its cell showed, to confirm, or to correct the
// reading of its sheet (columns, units, rows), which reads the files again.
// The state is import/useImportPreview.ts, its rules import/preview.ts and import/correction.ts.
import { useEffect } from 'react';
import { findingMessage, findingPlace, severityLabel, type Lang } from '../../shared/i18n';
import type { Strings } from './strings';
import type { PickedFile } from './files';
import { Correction } from './import/Correction';
import { Doubts } from './import/Doubts';
import { PreviewTable, SkippedFiles } from './import/PreviewTable';
import {
  findingsBesideDoubts,
  ledgerShown,
  previewState,
  scaledColumns,
  sheetKey,
  sheetsToCorrect,
  type ImportResult,
  type LedgerChoice,
} from './import/preview';
import { useImportPreview } from './import/useImportPreview';

type Session = ReturnType<typeof useImportPreview>;

/** Records that exist (skip or replace them) and their payments (keep, replace or remove them). */
function Choices({ s, t, hasConflicts, withPayments }: { s: Session; t: Strings; hasConflicts: boolean; withPayments: boolean }) {
  const shown = ledgerShown(s.ledger, s.preview?.records ?? []);
  return (
    <>
      {hasConflicts && (
        <p className="choice">
          {t.onConflict}:
          <label>
            <input type="radio" name="conflict" checked={s.onConflict === 'skip'} onChange={() => s.chooseConflict('skip')} /> {t.skip}
          </label>
          <label>
            <input type="radio" name="conflict" checked={s.onConflict === 'replace'} onChange={() => s.chooseConflict('replace')} />{' '}
            {t.replace}
          </label>
        </p>
      )}
      {withPayments && (
        <p className="choice" data-testid="ledger-choice">
          {t.importLedger.choice}:
          {(['keep', 'file', 'remove'] as const satisfies LedgerChoice[]).map((x) => (
            <label key={x}>
              <input type="radio" name="ledger" checked={shown === x} onChange={() => s.chooseLedger(x)} /> {t.importLedger[x]}
            </label>
          ))}
        </p>
      )}
    </>
  );
}

/** The preview as read: records, doubts, sheets to correct, findings, choices. */
function Preview({ s, preview, t, lang }: { s: Session; preview: ImportResult; t: Strings; lang: Lang }) {
  const { hasErrors, hasConflicts, withPayments, unapplied } = previewState(preview, s.confirmed, s.drafts);
  const doubts = preview.doubts;
  return (
    <>
      <SkippedFiles skipped={preview.skippedFiles} t={t} lang={lang} />
      <PreviewTable records={preview.records} t={t} />
      {doubts.length > 0 && <Doubts doubts={doubts} confirmed={s.confirmed} onToggle={s.toggle} t={t} lang={lang} />}
      {sheetsToCorrect(preview).map((r) => (
        <Correction
          key={sheetKey(r)}
          reading={r}
          scaled={scaledColumns(r, doubts)}
          draft={s.drafts[sheetKey(r)] ?? { file: r.file, sheet: r.sheet, ...r.correction }}
          onChange={(next) => s.editDraft(sheetKey(r), next)}
          onDrop={() => s.dropRemembered(r)}
          t={t}
        />
      ))}
      {Object.keys(s.drafts).length > 0 && (
        <p>
          <button type="button" data-testid="reread" disabled={s.busy} onClick={s.applyDrafts}>
            {t.importDoubts.reread}
          </button>
        </p>
      )}
      {unapplied.length > 0 && (
        <p className="error" role="status" data-testid="correction-unapplied">
          {t.importDoubts.unapplied(unapplied.join('、'))}
        </p>
      )}
      {preview.findings.length > 0 && (
        <ul className="findings">
          {findingsBesideDoubts(preview.findings, doubts).map((f, i) => (
            <li key={i} className={f.severity}>
              <b>{severityLabel(f.severity, lang)}</b> <code>{findingPlace(f)}</code> {findingMessage(f, lang)}
            </li>
          ))}
        </ul>
      )}
      <Choices s={s} t={t} hasConflicts={hasConflicts} withPayments={withPayments} />
      {hasErrors && <p className="error">{t.nothingWritten}</p>}
    </>
  );
}

export function ImportDialog({
  files,
  t,
  lang,
  onClose,
  onDone,
}: {
  files: PickedFile[];
  t: Strings;
  lang: Lang;
  onClose: () => void;
  onDone: (r: ImportResult) => void;
}) {
  const s = useImportPreview(files, lang, onDone);
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
  const canCommit = !s.busy && previewState(s.preview, s.confirmed, s.drafts).writable;
  return (
    <div className="modal-back" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={t.importTitle} style={{ maxWidth: 1100 }}>
        <h2>{t.importTitle}</h2>
        <p className="files">{files.map((f) => f.name).join('、')}</p>
        {s.error && <p className="error">{s.error}</p>}
        {s.busy && !s.preview && <p role="status">{t.importReading}</p>}
        {s.writing !== null && (
          <p className="working" role="status" data-testid="import-writing">
            {t.importWriting(s.writing)}
          </p>
        )}
        {s.preview && <Preview s={s} preview={s.preview} t={t} lang={lang} />}
        <div className="buttons">
          <button onClick={onClose}>{t.cancel}</button>
          <button className="primary" disabled={!canCommit} onClick={s.commit}>
            {t.commit}
          </button>
        </div>
      </div>
    </div>
  );
}
