// 已删除的县: the counties deleted in the caller's scope (name, where, batch, who deleted it and when),
// each with 恢复 — which puts the county back with its ledger and 绩效自评, or says in words why not
// (a reviewer's role, a county of that name and batch made since, someone else restored it first).
// The rules are deleted.ts; what may be listed and restored is the contract's (deletedRecords, restoreRecord).
import { useCallback, useEffect, useState } from 'react';
import type { UserInfo } from '../../shared/accounts';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { deletionLine, restoreBlocked, type Deletion } from './deleted';
import { message } from './errors';
import type { Strings } from './strings';
import { ErrorLine, Modal } from './ui/Modal';

type Props = {
  t: Strings;
  lang: Lang;
  /** The signed-in user of a team workspace; null on the desktop and in `yanshou web` (the owner restores). */
  user: UserInfo | null;
  onClose: () => void;
  /** A county is back: its id, and what the status bar says. */
  onRestored: (id: number, county: string, batch: string) => void;
};

type RowProps = { d: Deletion; t: Strings; blocked: string | null; busy: boolean; working: boolean; onRestore: () => void };

/** One deletion: 恢复 is off while any county is being restored, and for a role that may not (its reason in the tooltip). */
function DeletionRow({ d, t, blocked, busy, working, onRestore }: RowProps) {
  const line = deletionLine(d, t);
  return (
    <tr data-county={line.county}>
      <td>{line.county}</td>
      <td>{line.place}</td>
      <td>{line.batch}</td>
      <td>{line.who}</td>
      <td>{line.when}</td>
      <td>
        <button disabled={blocked !== null || working} title={blocked ?? undefined} onClick={onRestore}>
          {busy ? t.restoring : t.restore}
        </button>
      </td>
    </tr>
  );
}

export function DeletedDialog({ t, lang, user, onClose, onRestored }: Props) {
  const [list, setList] = useState<Deletion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const blocked = restoreBlocked(user, t, lang);
  const load = useCallback(() => api.deletedRecords({}).then(setList, (e: unknown) => setError(message(e, lang))), [lang]);
  useEffect(() => void load(), [load]);
  const restore = async (d: Deletion) => {
    setBusy(d.step);
    setError(null);
    try {
      const { id } = await api.restoreRecord({ step: d.step });
      onRestored(id, d.place.county, t.batchLabel(d.place.batch));
    } catch (e) {
      // Refused: said in the contract's words, and the list read again (it may have been restored meanwhile).
      setError(message(e, lang));
      await load();
    } finally {
      setBusy(null);
    }
  };
  const c = t.deletedColumns;
  return (
    <Modal title={t.deletedTitle} onClose={onClose}>
      <div className="deleted" data-testid="deleted-counties">
        <p className="hint">{t.deletedIntro}</p>
        {blocked && <p className="hint">{blocked}</p>}
        {list === null && !error && <p className="hint">{t.deletedLoading}</p>}
        {list?.length === 0 && <p className="empty-note">{t.deletedEmpty}</p>}
        {list && list.length > 0 && (
          <table className="preview deleted-list">
            <thead>
              <tr>
                <th>{c.county}</th>
                <th>{c.place}</th>
                <th>{c.batch}</th>
                <th>{c.who}</th>
                <th>{c.when}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <DeletionRow
                  key={d.step}
                  d={d}
                  t={t}
                  blocked={blocked}
                  busy={busy === d.step}
                  working={busy !== null}
                  onRestore={() => void restore(d)}
                />
              ))}
            </tbody>
          </table>
        )}
        <ErrorLine error={error} />
        <div className="buttons">
          <button onClick={onClose}>{t.close}</button>
        </div>
      </div>
    </Modal>
  );
}
