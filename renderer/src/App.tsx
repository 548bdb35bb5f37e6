// The editing app: records on the left; the open record on the right; undo, history, import,
// export and print at the top; what is saved and what just happened at the bottom. This file
// only puts the pieces together: the editing state is useEditing.ts, the app's own rules
// appState.ts, the dialogs AppDialogs.tsx, the records view RecordsScreen.tsx.
import { lazy, Suspense, useCallback, useState } from 'react';
import { api } from './api';
import { logout } from './transport';
import { message } from './errors';
import { Toolbar } from './Toolbar';
import { StatusBar } from './StatusBar';
import { HistoryPanel } from './HistoryPanel';
import { useLang } from './useLang';
import { useStatus, type Note } from './useStatus';
import { useConfirm } from './useConfirm';
import { useFileDrop } from './useFileDrop';
import { useUndoKeys } from './useUndoKeys';
import { asOfOf, INITIAL_OVERVIEW, type OverviewState } from './overview/state';
import type { Dialog, MainView } from './appState';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/i18n';
import { useEditing, type AppHost } from './useEditing';
import { useInfo, useLeaveGuard, useMainView, useMenuCommands } from './useAppShell';
import { AppDialogs } from './AppDialogs';
import { RecordsScreen } from './RecordsScreen';
import { ReplacedDialog, useFileReplaced } from './ReplacedDialog';

// The overview (its grid and ECharts) loads as its own chunk when first shown.
const Overview = lazy(() => import('./overview/Overview').then((m) => ({ default: m.Overview })));

type ToolbarHost = AppHost & {
  setLang: (lang: Lang) => void;
  historyOpen: boolean;
  setHistoryOpen: (open: boolean) => void;
  setDialog: (dialog: Dialog) => void;
  view: MainView;
  onView: (view: MainView) => void;
  info: Output<'info'> | null;
  fail: (e: unknown) => void;
};

/** The bar at the top, wired to the app: undo and redo, history, import, export, print, language, the two views, the user. */
function AppToolbar({ t, lang, setLang, editing, historyOpen, setHistoryOpen, setDialog, view, onView, info, fail }: ToolbarHost) {
  const { undo, rec } = editing;
  return (
    <Toolbar
      t={t}
      lang={lang}
      history={undo.history}
      hasRecords={editing.records.length > 0}
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
      view={view}
      onView={onView}
      onSettings={() => setDialog({ kind: 'settings' })}
      user={info?.user ?? null}
      onLogout={() => void (info?.mode === 'desktop' ? api.closeWorkspace({}).then(() => location.reload(), fail) : logout())}
    />
  );
}

/** The bar at the bottom, wired to the open record: whether it is saved (retry, drafts to drop), what just happened, who is signed in. */
function AppStatusBar({ editing, t, lang, note, info }: AppHost & { note: Note | null; info: Output<'info'> | null }) {
  const { rec } = editing;
  return (
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
  );
}

type OverviewHost = AppHost & {
  state: OverviewState;
  setState: (state: OverviewState) => void;
  desktop: boolean;
  onOpen: (id: number) => void;
};

/** 总览: every record's figures (once the pinyin dictionary is in, for its order and search). */
function OverviewScreen({ editing, ...props }: OverviewHost) {
  return (
    <main className="content overview-view">
      {editing.pinyin && (
        <Suspense fallback={<p className="empty">…</p>}>
          <Overview records={editing.records} pinyin={editing.pinyin} {...props} />
        </Suspense>
      )}
    </main>
  );
}

export function App() {
  const { lang, setLang, t } = useLang();
  const { note, say, clearError } = useStatus();
  const fail = useCallback((e: unknown) => say((l) => message(e, l), 'error'), [say]);
  const [overview, setOverview] = useState<OverviewState>(INITIAL_OVERVIEW);
  const { info, setInfo, name, setName } = useInfo(fail);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { confirm, dialog: question, open: asking } = useConfirm(t);
  const editing = useEditing({ lang, t, say, fail, clearError, confirm });
  const { undo } = editing;
  const { mainView, switchView, openRecord } = useMainView(editing);
  const desktop = info?.mode === 'desktop';
  const [replaced, dismissReplaced] = useFileReplaced();
  const host: AppHost = { editing, t, lang, say };

  useUndoKeys(undo.undo, undo.redo, dialog !== null || asking);
  useMenuCommands(desktop, { setDialog, setLang, setInfo, say, fail, editing });
  useFileDrop((files) => setDialog({ kind: 'import', files }));
  useLeaveGuard(info?.mode === 'web', editing.unsaved);

  return (
    <div className="app">
      <AppToolbar
        {...host}
        setLang={setLang}
        historyOpen={historyOpen}
        setHistoryOpen={setHistoryOpen}
        setDialog={setDialog}
        view={mainView}
        onView={switchView}
        info={info}
        fail={fail}
      />
      {mainView === 'overview' ? (
        <OverviewScreen
          {...host}
          state={overview}
          setState={setOverview}
          desktop={desktop}
          onOpen={(id) => openRecord(id, asOfOf(overview.asOf))}
        />
      ) : (
        <RecordsScreen {...host} info={info} covered={dialog !== null || asking} setDialog={setDialog} fail={fail} confirm={confirm} />
      )}
      {historyOpen && (
        <HistoryPanel history={undo.history} t={t} lang={lang} onJump={(s) => void undo.jump(s)} onClose={() => setHistoryOpen(false)} />
      )}
      <AppStatusBar {...host} note={note} info={info} />
      <AppDialogs
        {...host}
        dialog={dialog}
        setDialog={setDialog}
        desktop={desktop}
        signer={info?.user?.name ?? name}
        name={name}
        setName={setName}
        user={info?.user ?? null}
      />
      {question}
      {replaced && <ReplacedDialog replaced={replaced} t={t} lang={lang} canReopen={!info?.user} onClose={dismissReplaced} />}
    </div>
  );
}
