// The app's frame around the records: which main view is shown (kept across starts), what the app
// runs as (desktop, web, a workspace's user) with the name status changes are signed with, and the
// browser's question before a tab with unsaved values is closed.
import { useEffect, useRef, useState } from 'react';
import type { Command, Output } from '../../shared/contract';
import type { Lang } from '../../shared/i18n';
import { api } from './api';
import { dialogOf, fieldUndo, type Dialog, type MainView } from './appState';
import { sayingEither, type Say } from './said';
import { useDesktopCommands } from './useDesktopCommands';
import { useRegionKeys } from './useRegionKeys';
import type { Editing } from './useEditing';

/** Which main view is shown (记录 / 总览, kept across starts), and going from one to the other. */
export function useMainView(editing: Editing) {
  const [mainView, setState] = useState<MainView>(() => (localStorage.getItem('yanshou-view') === 'overview' ? 'overview' : 'records'));
  const setMainView = (v: MainView) => {
    localStorage.setItem('yanshou-view', v);
    setState(v);
  };
  const switchView = (v: MainView) => {
    if (v === mainView) return;
    // Typed values are written before the record view goes (and come back with it).
    // The overview shows what the data file holds now (another window or the CLI may have changed it).
    void editing.rec.settle().then(() => {
      setMainView(v);
      if (v === 'overview') void editing.refreshList();
    });
  };
  // F6 / Shift+F6 between toolbar, sidebar and tables, Ctrl+Tab between tables, Ctrl+Shift+1/2: 记录 / 总览.
  useRegionKeys(switchView);
  /** A county clicked in the overview opens as of the overview's 截至 (day), the figures the reviewer clicked on. */
  const openRecord = (id: number, day: string | null) => {
    editing.chooseAsOf(id, day);
    setMainView('records');
    void editing.actions.open(id);
  };
  return { mainView, switchView, openRecord };
}

/** What the app runs as, and the name a status change is signed with, set once (kept in the data file). */
export function useInfo(fail: (e: unknown) => void) {
  const [info, setInfo] = useState<Output<'info'> | null>(null);
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    void api.info({}).then(setInfo, fail);
    void api.getPreferences({}).then((p) => setName(p.name), fail);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return { info, setInfo, name, setName };
}

/**
 * Web mode: closing the tab with values not yet stored asks first (the browser's own question).
 * (The desktop window is closed by main, which saves nothing itself; Electron would cancel the
 * close without a word.)
 */
export function useLeaveGuard(web: boolean, unsaved: () => boolean) {
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  useEffect(() => {
    if (!web) return;
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!unsavedRef.current()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [web]);
}

/** Menu 撤销/重做: the focused text field's own, or the record's. */
function focusedForUndo() {
  const active = document.activeElement as HTMLElement | null;
  return (
    active && {
      field: !!active.closest('input, textarea'),
      gridSink: active.dataset.gridSink !== undefined,
      editing: active.classList.contains('editing'),
    }
  );
}

type MenuHost = {
  setDialog: (dialog: Dialog) => void;
  setLang: (lang: Lang) => void;
  setInfo: (info: Output<'info'>) => void;
  say: Say;
  fail: (e: unknown) => void;
  editing: Editing;
};

/** Desktop: what the menu's commands do (open a dialog, undo, switch language, reload, say a message). */
export function useMenuCommands(desktop: boolean, { setDialog, setLang, setInfo, say, fail, editing }: MenuHost) {
  useDesktopCommands(
    desktop,
    async (command: Command) => {
      const opens = dialogOf(command);
      if (opens) setDialog(opens);
      else if (command.kind === 'undo' || command.kind === 'redo') {
        if (fieldUndo(focusedForUndo())) document.execCommand(command.kind);
        else await editing.undo[command.kind]();
      } else if (command.kind === 'lang') setLang(command.lang);
      else if (command.kind === 'reload') {
        await editing.refreshList();
        await editing.rec.reload();
        setInfo(await api.info({}));
      } else if (command.kind === 'message') say(sayingEither(command.messages));
    },
    fail,
  );
}
