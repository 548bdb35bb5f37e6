// The open record for React: the store's copy plus the edits not yet seen in it, applied locally so
// rates, totals, findings and the sidebar change in the same frame as the typing. The session and
// its rules are editSession.ts (which reload may set the screen, the ops and their save state),
// editQueue.ts (the queue) and editWriter.ts (the writing, and what a failed write does). Nothing
// waits on a failing write for ever: settle() says when writes are stuck.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { message } from './errors';
import type { Said } from './said';
import { EditSession } from './editSession';
import { counts, marksOf, viewOf, type Marks } from './editQueue';

export { message };
export type { CellEdit, EditOptions, Loaded, Marks, NewPayment, SaveState, View } from './editQueue';

type Options = {
  onError: (text: Said) => void;
  onWritten: () => void;
  /** A value was stored (the error it fixes is no longer what just happened). */
  onStored: () => void;
  lang: Lang;
  /** The day the figures are as of; null: the record's own (its 验收日期, else today). */
  asOf: string | null;
};

export function useRecord(recordId: number | null, { onError, onWritten, onStored, lang, asOf }: Options) {
  const callbacks = useRef({ onError, onWritten, onStored, lang });
  callbacks.current = { onError, onWritten, onStored, lang };
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [session] = useState(
    () =>
      new EditSession({
        api,
        changed: redraw,
        onError: (text) => callbacks.current.onError(text),
        onWritten: () => callbacks.current.onWritten(),
        onStored: () => callbacks.current.onStored(),
      }),
  );
  // What the screen asks for now: an edit made right after another record is chosen is that record's.
  session.ask(recordId, asOf);

  useEffect(() => void session.opened(), [recordId, session]);
  // Another day: the same record, its figures as of it.
  const firstAsOf = useRef(true);
  useEffect(() => {
    if (firstAsOf.current) firstAsOf.current = false;
    else void session.reload();
  }, [asOf, session]);

  const { base, ops, refusals } = session;
  const view = useMemo(() => (base ? viewOf(base, ops, session.keyOf, asOf ?? undefined) : null), [base, ops, session, asOf]);
  const marks = useMemo<Marks>(() => marksOf(refusals, ops, lang), [refusals, ops, lang]);
  const { pending, drafts } = counts(ops);
  return {
    view,
    save: session.save,
    pending,
    drafts,
    marks,
    edit: session.edit,
    addPayments: session.addPayments,
    paymentId: session.paymentId,
    reload: session.reload,
    settle: session.settle,
    retryNow: session.retryNow,
    discardDrafts: session.discardDrafts,
    seenOf: session.seenOf,
    recordId: base?.id ?? null,
  };
}
