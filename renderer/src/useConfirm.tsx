// Questions the app asks before something that cannot be taken back lightly (deleting rows, an
// undo that removes a county, dropping a value not saved): an in-app dialog naming what happens,
// answered with the mouse or Enter / Escape; the focus goes back where it was.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Strings } from './strings';

type Question = { text: string; ok: string; cancel?: string; resolve: (yes: boolean) => void };

export function useConfirm(t: Strings) {
  const [question, setQuestion] = useState<Question | null>(null);
  const confirm = useCallback(
    (text: string, ok: string, cancel?: string) =>
      new Promise<boolean>((resolve) => {
        const back = document.activeElement as HTMLElement | null;
        setQuestion({
          text,
          ok,
          cancel,
          resolve: (yes) => {
            setQuestion(null);
            back?.focus({ preventScroll: true });
            resolve(yes);
          },
        });
      }),
    [],
  );
  const dialog = question ? <ConfirmDialog key={question.text} question={question} t={t} /> : null;
  return { confirm, dialog, open: question !== null };
}

function ConfirmDialog({ question, t }: { question: Question; t: Strings }) {
  const okRef = useRef<HTMLButtonElement>(null);
  useEffect(() => okRef.current?.focus(), []);
  return (
    <div className="modal-back" onMouseDown={(e) => e.target === e.currentTarget && question.resolve(false)}>
      <div
        className="modal confirm"
        role="alertdialog"
        aria-label={t.confirmTitle}
        onKeyDown={(e) => {
          if (e.key === 'Escape') question.resolve(false);
          e.stopPropagation();
        }}
      >
        <h2>{t.confirmTitle}</h2>
        <p>{question.text}</p>
        <div className="buttons">
          <button onClick={() => question.resolve(false)}>{question.cancel ?? t.cancel}</button>
          <button ref={okRef} className="primary" onClick={() => question.resolve(true)}>
            {question.ok}
          </button>
        </div>
      </div>
    </div>
  );
}
