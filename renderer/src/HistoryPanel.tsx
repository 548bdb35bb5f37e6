// This window's steps, newest first: what each did, in which county, when. A click on a step
// undoes it and every step after it; on an undone one, redoes up to it. A step skipped in the undo (others
// built on it) stays, marked, and is no longer undone.
import type { Lang } from '../../shared/i18n';
import { stepLabel } from '../../shared/steps';
import type { Strings } from './strings';
import type { History, Step } from './useUndo';

type Props = { history: History | null; t: Strings; lang: Lang; onJump: (step: Step) => void; onClose: () => void };

const time = (at: string) => {
  const d = new Date(at);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toTimeString().slice(0, 8) : `${d.toLocaleDateString('zh-CN')} ${d.toTimeString().slice(0, 5)}`;
};

export function HistoryPanel({ history, t, lang, onJump, onClose }: Props) {
  const steps = history?.steps ?? [];
  return (
    <aside className="history" aria-label={t.historyTitle} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="history-head">
        <b>{t.historyTitle}</b>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <p className="hint">{t.historyHint}</p>
      {steps.length === 0 && <p className="empty">{t.historyEmpty}</p>}
      <ol>
        {steps.map((s) => (
          <li key={s.id} className={s.undone ? 'undone' : s.skipped ? 'skipped' : undefined}>
            <button
              onClick={() => onJump(s)}
              disabled={s.skipped}
              title={s.skipped ? t.skippedTag : s.undone ? t.redoStep(stepLabel(s, lang)) : t.undoStep(stepLabel(s, lang))}
            >
              <span className="label">{stepLabel(s, lang)}</span>
              <span className="meta">
                {s.detail.county ?? ''} · {time(s.at)}
                {s.user && <> · {s.user}</>}
                {s.undone && <em> · {t.undoneTag}</em>}
                {s.skipped && <em className="skipped"> · {t.skippedTag}</em>}
                {s.removesRecord && !s.skipped && <em className="warn"> · {t.removesRecordTag}</em>}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
