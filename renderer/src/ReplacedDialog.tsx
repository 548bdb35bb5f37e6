// The data file was replaced under the running app (fileReplaced.ts heard the refusal): what happened,
// where what the app held was kept, and the way out — open the file now at that path (the window starts
// again on it). A user of a team workspace cannot: they are told whom to ask.
import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { message } from './errors';
import { onReplaced, type Replaced } from './fileReplaced';
import type { Strings } from './strings';
import { ErrorLine, Modal } from './ui/Modal';

/** The refusal heard, until the person answers it (put off, it comes back with the next write refused). */
export function useFileReplaced(): [Replaced | null, () => void] {
  const [replaced, setReplaced] = useState<Replaced | null>(null);
  useEffect(() => onReplaced((r) => setReplaced({ ...r })), []);
  return [replaced, () => setReplaced(null)];
}

type Props = { replaced: Replaced; t: Strings; lang: Lang; canReopen: boolean; onClose: () => void };

export function ReplacedDialog({ replaced, t, lang, canReopen, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reopen = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.reopenDataFile({});
      location.reload();
    } catch (e) {
      setError(message(e, lang));
      setBusy(false);
    }
  };
  return (
    <Modal title={t.replacedTitle} onClose={onClose}>
      <div className="replaced" data-testid="file-replaced">
        <p>{t.replacedWhat(replaced.file)}</p>
        {replaced.keptAs && (
          <p>
            {t.replacedKept}
            <br />
            <code className="path">{replaced.keptAs}</code>
          </p>
        )}
        <p className="hint">{canReopen ? t.replacedReopenHint : t.replacedAskAdmin}</p>
        <ErrorLine error={error} />
        <div className="buttons">
          <button onClick={onClose}>{t.replacedLater}</button>
          {canReopen && (
            <button className="primary" disabled={busy} onClick={() => void reopen()}>
              {busy ? t.replacedReopening : t.replacedReopen}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
