// The editing state of the app in one place: the records and which is open, the open record's
// edit session (useRecord → editSession.ts), the day its figures are as of, undo and redo, and the
// actions on records (recordActions.ts). App.tsx lays out what this holds.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import type { RecordViewHandle } from './RecordView';
import type { Strings } from './strings';
import type { Said, Say } from './said';
import { useRecordList } from './useRecordList';
import { useRecord } from './useRecord';
import { useUndo } from './useUndo';
import { useRecordActions } from './useRecordActions';
import { keptCount } from './ledger/kept';

type Options = {
  lang: Lang;
  t: Strings;
  say: Say;
  fail: (e: unknown) => void;
  clearError: () => void;
  confirm: (text: string, ok: string, cancel?: string) => Promise<boolean>;
};

export function useEditing({ lang, t, say, fail, clearError, confirm }: Options) {
  const { records, listed, selected, setSelected, refreshList, pinyin } = useRecordList(fail);
  // A refusal of what was asked in the sidebar (deleting an accepted county), said there.
  const [sidebarNotice, setSidebarNotice] = useState<Said | null>(null);
  useEffect(() => setSidebarNotice(null), [selected]);
  const recordView = useRef<RecordViewHandle>(null);

  // After typed values are written, the undo buttons name the new step. (The sidebar's line for
  // the open record follows what is on screen already; see shownRecords in appState.ts.)
  const afterWrite = useRef<() => void>(() => {});
  // The day the open record's figures are as of, when one was chosen (else its own: 验收日期, else today).
  const [chosenAsOf, setChosenAsOf] = useState<{ recordId: number; day: string } | null>(null);
  const asOf = chosenAsOf && chosenAsOf.recordId === selected ? chosenAsOf.day : null;
  const rec = useRecord(selected, {
    onError: (text) => say(text, 'error'),
    onWritten: () => afterWrite.current(),
    onStored: clearError,
    lang,
    asOf,
  });
  const pending = useRef(0);
  pending.current = rec.pending;

  const afterChange = useCallback(
    async (recordId: number | null) => {
      const list = await refreshList();
      if (recordId !== null && list?.some((r) => r.id === recordId)) setSelected(recordId);
      await rec.reload();
    },
    [refreshList, setSelected, rec.reload], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const undo = useUndo({ lang, t, settle: rec.settle, pendingWrites: () => pending.current, afterChange, confirm, say });
  afterWrite.current = () => void undo.refreshHistory();

  const actions = useRecordActions({
    selected,
    setSelected,
    settle: rec.settle,
    pendingWrites: () => pending.current,
    refresh: () => Promise.all([rec.reload(), refreshList(), undo.refreshHistory()]),
    say,
    confirm,
    recordView,
    paymentId: rec.paymentId,
    seenOf: rec.seenOf,
    t,
    notice: (text) => setSidebarNotice(() => text),
  });
  /** The day chosen for a record's figures (null: its own). */
  const chooseAsOf = (recordId: number, day: string | null) => setChosenAsOf(day === null ? null : { recordId, day });

  /** Whether anything typed is not stored yet: being written, kept as a draft, in a field, or new payments kept away from the screen. */
  const unsaved = () => rec.pending > 0 || rec.drafts > 0 || (recordView.current?.unsaved().length ?? 0) > 0 || keptCount() > 0;

  return {
    unsaved,
    records,
    listed,
    selected,
    setSelected,
    refreshList,
    pinyin,
    sidebarNotice,
    recordView,
    asOf,
    chooseAsOf,
    rec,
    undo,
    actions,
  };
}
export type Editing = ReturnType<typeof useEditing>;

/** What every part of the app is given alike: the editing state, the language and its strings, the status bar's voice. */
export type AppHost = { editing: Editing; t: Strings; lang: Lang; say: Say };
