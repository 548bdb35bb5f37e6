// The app's frame around the records: which main view is shown (kept across starts), what the app
// runs as (desktop, web, a workspace's user) with the name status changes are signed with, and the
// browser's question before a tab with unsaved values is closed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract';
import { api } from './api';
import type { MainView } from './appState';

export function useMainView() {
  const [mainView, setState] = useState<MainView>(() => (localStorage.getItem('yanshou-view') === 'overview' ? 'overview' : 'records'));
  const setMainView = useCallback((v: MainView) => {
    localStorage.setItem('yanshou-view', v);
    setState(v);
  }, []);
  return [mainView, setMainView] as const;
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
