// The editing app: records on the left; the open record on the right; undo, history, import,
// export and print at the top; what is saved and what just happened at the bottom. This file
// only puts the pieces together: the editing state is useEditing.ts, the app's own rules
// appState.ts, the dialogs AppDialogs.tsx, the records view RecordsScreen.tsx.
import { lazy, Suspense, useCallback, useState } from 'react';
import type { Command, Output } from '../../shared/contract';
import { api } from './api';
import { logout } from './transport';
import { message } from './errors';
import { Toolbar } from './Toolbar';
import { StatusBar } from './StatusBar';
import { HistoryPanel } from './HistoryPanel';
import { useLang } from './useLang';
import { useStatus } from './useStatus';
import { useConfirm } from './useConfirm';
import { useDesktopCommands } from './useDesktopCommands';
import { useFileDrop } from './useFileDrop';
import { useUndoKeys } from './useUndoKeys';
import { useRegionKeys } from './useRegionKeys';
import { asOfOf, INITIAL_OVERVIEW, type OverviewState } from './overview/state';
import { keptCount } from './ledger/kept';
import { dialogOf, fieldUndo, importedRecord, importedSaying, type Dialog, type MainView } from './appState';
import { useEditing } from './useEditing';
import { useInfo, useLeaveGuard, useMainView } from './useAppShell';
import { AppDialogs } from './AppDialogs';
import { RecordsScreen } from './RecordsScreen';

// The overview (its grid and ECharts) loads as its own chunk when first shown.
const Overview = lazy(() => import('./overview/Overview').then((m) => ({ default: m.Overview })));

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

export function App() {
  const { lang, setLang, t } = useLang();
  const { note, say, clearError } = useStatus();
  const fail = useCallback((e: unknown) => say((l) => message(e, l), 'error'), [say]);
  const [mainView, setMainView] = useMainView();
  const [overview, setOverview] = useState<OverviewState>(INITIAL_OVERVIEW);
  const { info, setInfo, name, setName } = useInfo(fail);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { confirm, dialog: question, open: asking } = useConfirm(t);
  const editing = useEditing({ lang, t, say, fail, clearError, confirm });
  const { records, selected, rec, undo, refreshList } = editing;
  const desktop = info?.mode === 'desktop';

  useUndoKeys(undo.undo, undo.redo, dialog !== null || asking);
  useDesktopCommands(
    desktop,
    async (command: Command) => {
      const opens = dialogOf(command);
      if (opens) setDialog(opens);
      else if (command.kind === 'undo' || command.kind === 'redo') {
        if (fieldUndo(focusedForUndo())) document.execCommand(command.kind);
        else await undo[command.kind]();
      } else if (command.kind === 'lang') setLang(command.lang);
      else if (command.kind === 'reload') {
        await refreshList();
        await rec.reload();
        setInfo(await api.info({}));
      } else if (command.kind === 'message') say(command.text);
    },
    fail,
  );
  useFileDrop((files) => setDialog({ kind: 'import', files }));
  useLeaveGuard(
    info?.mode === 'web',
    () => rec.pending > 0 || rec.drafts > 0 || (editing.recordView.current?.unsaved().length ?? 0) > 0 || keptCount() > 0,
  );

  const imported = (r: Output<'importWorkbooks'>) => {
    setDialog(null);
    say(importedSaying(r, t));
    void (async () => {
      const hit = importedRecord(r, (await refreshList()) ?? undefined);
      if (hit) editing.setSelected(hit.id);
      await Promise.all([rec.reload(), undo.refreshHistory()]);
    })();
  };
  const switchView = (v: MainView) => {
    if (v === mainView) return;
    // Typed values are written before the record view goes (and come back with it).
    // The overview shows what the data file holds now (another window or the CLI may have changed it).
    void rec.settle().then(() => {
      setMainView(v);
      if (v === 'overview') void refreshList();
    });
  };
  // F6 / Shift+F6 between toolbar, sidebar and tables, Ctrl+Tab between tables, Ctrl+Shift+1/2: 记录 / 总览.
  useRegionKeys(switchView);
  // The county opens as of the overview's 截至, the figures the reviewer clicked on.
  const openFromOverview = (id: number) => {
    editing.chooseAsOf(id, asOfOf(overview.asOf));
    setMainView('records');
    void editing.actions.open(id);
  };

  return (
    <div className="app">
      <Toolbar
        t={t}
        lang={lang}
        history={undo.history}
        hasRecords={records.length > 0}
        historyOpen={historyOpen}
        onUndo={() => void undo.undo()}
        onRedo={() => void undo.redo()}
        onHistory={() => {
          setHistoryOpen(!historyOpen);
          void undo.refreshHistory();
        }}
        onImport={(files) => setDialog({ kind: 'import', files })}
        onExport={() => setDialog({ kind: 'export' })}
        onPrint={() => void rec.settle().then(() => setDialog({ kind: 'print' }))}
        onLang={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        view={mainView}
        onView={switchView}
        onSettings={() => setDialog({ kind: 'settings' })}
        user={info?.user ?? null}
        onLogout={() => void (desktop ? api.closeWorkspace({}).then(() => location.reload(), fail) : logout())}
      />
      {mainView === 'overview' ? (
        <main className="content overview-view">
          {editing.pinyin && (
            <Suspense fallback={<p className="empty">…</p>}>
              <Overview
                records={records}
                pinyin={editing.pinyin}
                state={overview}
                setState={setOverview}
                t={t}
                lang={lang}
                desktop={desktop}
                say={say}
                onOpen={openFromOverview}
              />
            </Suspense>
          )}
        </main>
      ) : (
        <RecordsScreen
          editing={editing}
          t={t}
          lang={lang}
          info={info}
          covered={dialog !== null || asking}
          setDialog={setDialog}
          say={say}
          fail={fail}
          confirm={confirm}
        />
      )}
      {historyOpen && (
        <HistoryPanel history={undo.history} t={t} lang={lang} onJump={(s) => void undo.jump(s)} onClose={() => setHistoryOpen(false)} />
      )}
      <StatusBar
        t={t}
        lang={lang}
        save={rec.save}
        drafts={rec.drafts}
        note={note}
        info={info}
        onRetry={rec.retryNow}
        onDiscardDrafts={rec.discardDrafts}
      />
      <AppDialogs
        dialog={dialog}
        setDialog={setDialog}
        records={records}
        selected={selected}
        asOf={editing.asOf}
        t={t}
        lang={lang}
        desktop={desktop}
        signer={info?.user?.name ?? name}
        name={name}
        setName={setName}
        say={say}
        onImported={imported}
        onStatusChanged={() => void Promise.all([rec.reload(), refreshList(), undo.refreshHistory()])}
        onCreated={(id) => {
          void refreshList().then(() => editing.setSelected(id));
          void undo.refreshHistory();
        }}
      />
      {question}
    </div>
  );
}
