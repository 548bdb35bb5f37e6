// The import dialog's state: the preview of the files as last read, the choices made (records that
// exist, their payments), the doubts confirmed, the sheets' corrections sent and those being edited.
// Each choice reads the files again (a dry run); commit writes them with the same choices.
import { useCallback, useEffect, useState } from 'react';
import type { SheetCorrection } from '../../../shared/doubts';
import type { Lang } from '../../../shared/i18n';
import { api } from '../api';
import { message } from '../useRecord';
import type { PickedFile } from '../files';
import { stillConfirmed, toggled, withDrafts, withoutRemembered, type ImportResult, type LedgerChoice } from './preview';

type Conflict = 'skip' | 'replace';
type Options = { ledger: LedgerChoice; corrections: SheetCorrection[]; confirm: string[] };

export function useImportPreview(files: PickedFile[], lang: Lang, onDone: (r: ImportResult) => void) {
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [onConflict, setOnConflict] = useState<Conflict>('skip');
  const [ledger, setLedger] = useState<LedgerChoice>('auto');
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  /** Corrections sent with each reading, and those being edited (per file › sheet). */
  const [corrections, setCorrections] = useState<SheetCorrection[]>([]);
  const [drafts, setDrafts] = useState<Record<string, SheetCorrection>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** While the counties are written: how many. */
  const [writing, setWriting] = useState<number | null>(null);
  const run = useCallback(
    async (dryRun: boolean, choice: Conflict, options: Options) => {
      setBusy(true);
      if (!dryRun) setWriting(preview?.records.filter((r) => r.action === 'created' || r.action === 'replaced').length ?? 0);
      try {
        // A file that cannot be read does not block the others: it is skipped and named. The commit says which
        // preview it confirms: a county someone changed after it is not replaced, another reading is not written.
        const seen = dryRun ? {} : { seen: preview?.seen, reading: preview?.reading };
        const r = await api.importWorkbooks({ files, onConflict: choice, dryRun, skipUnreadable: true, ...options, ...seen });
        if (!dryRun && r.committed) onDone(r);
        else {
          setPreview(r);
          setConfirmed((old) => stillConfirmed(old, r.doubts));
          setDrafts({});
        }
        setError(null);
      } catch (e) {
        setError(message(e, lang));
      } finally {
        setBusy(false);
        setWriting(null);
      }
    },
    [files, lang, onDone, preview],
  );
  const current = (over: Partial<Options> = {}): Options => ({ ledger, corrections, confirm: [...confirmed], ...over });
  useEffect(() => {
    // The files picked decide the first preview; a conflict choice previews again.
    void run(true, 'skip', { ledger: 'auto', corrections: [], confirm: [] });
  }, [files]); // eslint-disable-line react-hooks/exhaustive-deps
  const reread = (next: SheetCorrection[]) => {
    setCorrections(next);
    void run(true, onConflict, current({ corrections: next }));
  };
  return {
    preview,
    onConflict,
    ledger,
    confirmed,
    drafts,
    error,
    busy,
    writing,
    chooseConflict: (choice: Conflict) => {
      setOnConflict(choice);
      void run(true, choice, current());
    },
    chooseLedger: (choice: LedgerChoice) => {
      setLedger(choice);
      void run(true, onConflict, current({ ledger: choice }));
    },
    toggle: (ids: string[], on: boolean) => setConfirmed((old) => toggled(old, ids, on)),
    editDraft: (key: string, next: SheetCorrection) => setDrafts((old) => ({ ...old, [key]: next })),
    applyDrafts: () => reread(withDrafts(corrections, drafts)),
    dropRemembered: (r: { file: string; sheet: string }) => reread(withoutRemembered(corrections, r)),
    commit: () => void run(false, onConflict, current()),
  };
}
