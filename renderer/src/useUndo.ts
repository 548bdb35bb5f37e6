// Undo and redo of this window's steps, named ("撤销:编辑 樟树市 三 第1行 实际拨付额度"), with
// the history to jump back or forward. A replay that would remove a whole county asks first; the
// store then backs the data file up before it.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/i18n';
import { stepLabel } from '../../shared/steps';
import { ApiError } from '../../shared/client';
import { api } from './api';
import { message } from './errors';
import type { Strings } from './strings';
import { saying, type Say } from './said';

export type History = Output<'history'>;
/** Refusals of an undo that skipping the step answers: others built on it, the county is accepted, a status change. */
const SKIPPABLE = new Set(['undo_conflict', 'locked', 'forbidden']);
export type Step = History['steps'][number];

type Options = {
  lang: Lang;
  t: Strings;
  /** Writes typed values first; false when they cannot be written now. */
  settle: () => Promise<boolean>;
  pendingWrites: () => number;
  /** After a replay: reload what is on screen, open the record the step was in. */
  afterChange: (recordId: number | null) => Promise<void>;
  confirm: (text: string, ok: string) => Promise<boolean>;
  say: Say;
};

/**
 * An undo refused (another window built on the step, the county was accepted since): asks whether to skip the
 * step — it stays as it is, marked in the history, no longer undoable. The step skipped, or null.
 */
function useSkipOffer({ lang, t, confirm, say }: Pick<Options, 'lang' | 't' | 'confirm' | 'say'>) {
  return useCallback(
    async (refusal: unknown): Promise<number | null> => {
      if (!(refusal instanceof ApiError) || !SKIPPABLE.has(refusal.wire.code)) return null;
      try {
        const next = (await api.history({})).undo;
        if (!next || !(await confirm(t.confirmSkipUndo(message(refusal, lang), stepLabel(next, lang)), t.skipStep))) return null;
        const { skipped } = await api.undo({ skip: next.id });
        if (skipped) say(saying((s, l) => s.skippedStep(stepLabel(skipped, l))));
        return next.id;
      } catch (e) {
        say((l) => message(e, l), 'error');
        return null;
      }
    },
    [confirm, say, t, lang],
  );
}

export function useUndo({ lang, t, settle, pendingWrites, afterChange, confirm, say }: Options) {
  const [history, setHistory] = useState<History | null>(null);

  const refreshHistory = useCallback(async () => {
    try {
      setHistory(await api.history({}));
    } catch (e) {
      say((l) => message(e, l), 'error');
    }
  }, [say]);

  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);

  const offerSkip = useSkipOffer({ lang, t, confirm, say });

  const replay = useCallback(
    async (which: 'undo' | 'redo', through?: number) => {
      if (!(await settle())) {
        const n = pendingWrites();
        return say(
          saying((s) => s.pendingWrites(n)),
          'error',
        );
      }
      const call = which === 'undo' ? api.undo : api.redo;
      const verb = which === 'undo' ? t.undo : t.redo;
      let recordId: number | null = null;
      for (;;) {
        try {
          let result = await call({ through });
          if (result.needsConfirm.length) {
            const names = result.needsConfirm.map((s) => stepLabel(s, lang)).join('、');
            if (!(await confirm(t.confirmRemovingUndo(verb, names), t.confirmUndoOk(verb)))) return;
            result = await call({ through, confirm: true });
          }
          const steps = result.steps;
          const backup = result.backup;
          if (steps.length === 0) say(saying((s) => (which === 'undo' ? s.nothingToUndo : s.nothingToRedo)));
          else {
            say(
              saying((s, l) => {
                const label = steps.map((step) => stepLabel(step, l)).join('、');
                return `${which === 'undo' ? s.undone(label) : s.redone(label)}${backup ? ` (${s.backupAt(backup)})` : ''}`;
              }),
            );
            recordId = steps[steps.length - 1].recordId;
          }
        } catch (e) {
          // An undo refused because others built on its step: the person may skip that step, and the undo goes on below it.
          const skipped = which === 'undo' ? await offerSkip(e) : null;
          if (skipped !== null && skipped !== through) continue;
          if (skipped === null) say((l) => message(e, l), 'error');
        }
        break;
      }
      await afterChange(recordId);
      await refreshHistory();
    },
    [settle, pendingWrites, afterChange, confirm, say, refreshHistory, t, lang, offerSkip],
  );

  const undo = useCallback(() => replay('undo'), [replay]);
  const redo = useCallback(() => replay('redo'), [replay]);
  /** From the history: undo a done step and all after it, or redo up to an undone one. */
  const jump = useCallback((step: Step) => replay(step.undone ? 'redo' : 'undo', step.id), [replay]);
  return { history, refreshHistory, undo, redo, jump };
}
