// The editing app: records on the left; the open record on the right; undo, history, import,
// export and print at the top; what is saved and what just happened at the bottom. This file
// only puts the pieces together: each job is a hook or a component of its own.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Command, Output } from '../../shared/contract';
import { api } from './api';
import { logout } from './transport';
import { message } from './errors';
import { Sidebar, type RecordSummary } from './Sidebar';
import { Toolbar } from './Toolbar';
import { StatusBar } from './StatusBar';
import { saying, sayingEither, type Said } from './said';
import { FindBar } from './find/FindBar';
import { HistoryPanel } from './HistoryPanel';
import { RecordView, type RecordViewHandle } from './RecordView';
import type { PickedFile } from './files';
import { useLang } from './useLang';
import { useStatus } from './useStatus';
import { useRecordList } from './useRecordList';
import { useRecord, type View } from './useRecord';
import { useUndo } from './useUndo';
import { useConfirm } from './useConfirm';
import { useDesktopCommands } from './useDesktopCommands';
import { useFileDrop } from './useFileDrop';
import { useRecordActions } from './useRecordActions';
import { useUndoKeys } from './useUndoKeys';
import { asOfOf, INITIAL_OVERVIEW, type OverviewState } from './overview/state';
import { keptCount } from './ledger/kept';
import { Welcome } from './Welcome';
import { useRegionKeys } from './useRegionKeys';

// Dialogs and the print preview load as their own chunks when first opened.
const dialogs = () => import('./Dialogs');
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => dialogs().then((m) => ({ default: m.ExportDialog })));
const RecordDialog = lazy(() => dialogs().then((m) => ({ default: m.RecordDialog })));
const PrintPreview = lazy(() => import('./print/PrintPreview').then((m) => ({ default: m.PrintPreview })));
const StatusDialog = lazy(() => dialogs().then((m) => ({ default: m.StatusDialog })));
const SettingsDialog = lazy(() => dialogs().then((m) => ({ default: m.SettingsDialog })));
const TemplateDialog = lazy(() => dialogs().then((m) => ({ default: m.TemplateDialog })));
const WorkspaceDialog = lazy(() => dialogs().then((m) => ({ default: m.WorkspaceDialog })));
// The overview (its grid and ECharts) loads as its own chunk when first shown.
const Overview = lazy(() => import('./overview/Overview').then((m) => ({ default: m.Overview })));

type Dialog =
  | { kind: 'import'; files: PickedFile[] }
  | { kind: 'export' }
  | { kind: 'print' }
  | { kind: 'record'; duplicateOf: RecordSummary | null }
  | { kind: 'status'; record: RecordSummary & { version?: number } }
  | { kind: 'settings' }
  | { kind: 'template' }
  | { kind: 'workspace' }
  | null;
type MainView = 'records' | 'overview';

/** The open record's line in the sidebar, from what is on screen (it changes with every edit). */
function liveSummary(view: View): Partial<RecordSummary> {
  const { record, findings } = view;
  return {
    county: record.county.name,
    planned: record.totals.planned,
    actual: record.totals.actual,
    rate: record.totals.rate,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    errors: findings.filter((f) => f.severity === 'error').length,
    incomplete: findings.some((f) => f.code === 'missing_fact'),
  };
}

export function App() {
  const { lang, setLang, t } = useLang();
  const { note, say, clearError } = useStatus();
  const fail = useCallback((e: unknown) => say((l) => message(e, l), 'error'), [say]);
  const { records, selected, setSelected, refreshList, pinyin } = useRecordList(fail);
  const [mainView, setMainViewState] = useState<MainView>(() =>
    localStorage.getItem('yanshou-view') === 'overview' ? 'overview' : 'records',
  );
  const setMainView = useCallback((v: MainView) => {
    localStorage.setItem('yanshou-view', v);
    setMainViewState(v);
  }, []);
  const [overview, setOverview] = useState<OverviewState>(INITIAL_OVERVIEW);
  // The name a status change is signed with, set once (kept in the data file).
  const [name, setName] = useState<string | null>(null);
  // A refusal of what was asked in the sidebar (deleting an accepted county), said there.
  const [sidebarNotice, setSidebarNotice] = useState<Said | null>(null);
  useEffect(() => setSidebarNotice(null), [selected]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [info, setInfo] = useState<Output<'info'> | null>(null);
  const { confirm, dialog: question, open: asking } = useConfirm(t);
  const recordView = useRef<RecordViewHandle>(null);

  // After typed values are written, the undo buttons name the new step. (The sidebar's line for
  // the open record follows what is on screen already; see liveSummary.)
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

  useEffect(() => {
    void api.info({}).then(setInfo, fail);
    void api.getPreferences({}).then((p) => setName(p.name), fail);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

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
    t,
    notice: (text) => setSidebarNotice(() => text),
  });
  useUndoKeys(undo.undo, undo.redo, dialog !== null || asking);

  useDesktopCommands(
    info?.mode === 'desktop',
    async (command: Command) => {
      if (command.kind === 'import') setDialog({ kind: 'import', files: command.files as PickedFile[] });
      else if (command.kind === 'export') setDialog({ kind: 'export' });
      else if (command.kind === 'print') setDialog({ kind: 'print' });
      else if (command.kind === 'template') setDialog({ kind: 'template' });
      else if (command.kind === 'openWorkspace') setDialog({ kind: 'workspace' });
      else if (command.kind === 'undo' || command.kind === 'redo') {
        // In a text field (or a cell being edited) the menu's undo is the field's own.
        const active = document.activeElement as HTMLElement | null;
        const field = active?.closest('input, textarea');
        const idleGrid = active?.dataset.gridSink !== undefined && !active.classList.contains('editing');
        if (field && !idleGrid) document.execCommand(command.kind);
        else await undo[command.kind]();
      } else if (command.kind === 'lang') setLang(command.lang);
      else if (command.kind === 'reload') {
        await refreshList();
        await rec.reload();
        setInfo(await api.info({}));
      } else if (command.kind === 'message') say(sayingEither(command.messages));
    },
    fail,
  );

  useFileDrop((files) => setDialog({ kind: 'import', files }));

  // Web mode: closing the tab with values not yet stored asks first (the browser's own question).
  // (The desktop window is closed by main, which saves nothing itself; Electron would cancel the
  // close without a word.)
  const unsavedRef = useRef<() => boolean>(() => false);
  unsavedRef.current = () => rec.pending > 0 || rec.drafts > 0 || (recordView.current?.unsaved().length ?? 0) > 0 || keptCount() > 0;
  useEffect(() => {
    if (info?.mode !== 'web') return;
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!unsavedRef.current()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [info?.mode]);

  const shownRecords = useMemo(() => {
    if (!rec.view || rec.recordId === null) return records;
    const live = liveSummary(rec.view);
    return records.map((r) => (r.id === rec.recordId ? { ...r, ...live } : r));
  }, [records, rec.view, rec.recordId]);
  const current = records.find((r) => r.id === selected) ?? null;
  const view = rec.recordId === selected ? rec.view : null;

  const imported = (r: Output<'importWorkbooks'>) => {
    setDialog(null);
    say(saying((s, l) => `${s.commit}: ${r.records.map((x) => `${x.county}(${s.actions[x.action]})`).join(l === 'zh' ? '、' : ', ')}`));
    const first = r.records.find((x) => x.action === 'created' || x.action === 'replaced');
    void (async () => {
      const list = await refreshList();
      const hit = first && list?.find((x) => x.county === first.county && x.batch === first.batch);
      if (hit) setSelected(hit.id);
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
        onLogout={() => void (info?.mode === 'desktop' ? api.closeWorkspace({}).then(() => location.reload(), fail) : logout())}
      />
      {mainView === 'overview' ? (
        <main className="content overview-view">
          {pinyin && (
            <Suspense fallback={<p className="empty">…</p>}>
              <Overview
                records={records}
                pinyin={pinyin}
                state={overview}
                setState={setOverview}
                t={t}
                lang={lang}
                desktop={info?.mode === 'desktop'}
                say={say}
                onOpen={(id) => {
                  // The county opens as of the overview's 截至, the figures the reviewer clicked on.
                  const day = asOfOf(overview.asOf);
                  setChosenAsOf(day ? { recordId: id, day } : null);
                  setMainView('records');
                  void actions.open(id);
                }}
              />
            </Suspense>
          )}
        </main>
      ) : (
        <>
          <Sidebar
            records={shownRecords}
            selected={selected}
            t={t}
            pinyin={pinyin}
            notice={sidebarNotice?.(lang) ?? null}
            onSelect={(id) => void actions.open(id)}
            onAdd={() => setDialog({ kind: 'record', duplicateOf: null })}
            onDuplicate={() => current && setDialog({ kind: 'record', duplicateOf: current })}
            onDelete={() => current && void actions.deleteRecord(current)}
          />
          <main className="content">
            {!view && records.length === 0 && (
              <Welcome
                t={t}
                onDemo={
                  info?.user
                    ? undefined
                    : () =>
                        void api.addDemo({}).then(async ({ id }) => {
                          await refreshList();
                          await actions.open(id);
                        }, fail)
                }
                onNew={() => setDialog({ kind: 'record', duplicateOf: null })}
                onImport={(files) => setDialog({ kind: 'import', files })}
                onTemplate={() => setDialog({ kind: 'template' })}
              />
            )}
            {view && selected !== null && (
              <FindBar
                enabled={dialog === null && !asking}
                recordId={selected}
                record={view.record}
                lang={lang}
                reveal={(target) => recordView.current?.reveal(target)}
                settle={rec.settle}
                onReplaced={() => Promise.all([rec.reload(), undo.refreshHistory()])}
                say={say}
              />
            )}
            {view && selected !== null && (
              <Suspense fallback={<p className="empty">…</p>}>
                <RecordView
                  ref={recordView}
                  recordId={selected}
                  view={view}
                  marks={rec.marks}
                  lang={lang}
                  t={t}
                  asOf={asOf}
                  onAsOf={(day) => setChosenAsOf(day === null ? null : { recordId: selected, day })}
                  onAddPayments={rec.addPayments}
                  onDeletePayments={actions.deletePayments}
                  onSaveCounty={actions.saveCounty}
                  onEdit={rec.edit}
                  onPaste={actions.paste}
                  onPastePerformance={(edits, append) => actions.paste('indicators', edits, append)}
                  onSavePerformance={actions.savePerformance}
                  onStartPerformance={actions.startPerformance}
                  onRows={actions.rowsOp}
                  onMessage={say}
                  onUndo={() => void undo.undo()}
                  onRedo={() => void undo.redo()}
                  confirm={confirm}
                  onChangeStatus={() =>
                    current && setDialog({ kind: 'status', record: { ...current, status: view.status, version: view.version } })
                  }
                />
              </Suspense>
            )}
          </main>
        </>
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
      <Suspense fallback={null}>
        {dialog?.kind === 'import' && (
          <ImportDialog files={dialog.files} t={t} lang={lang} onClose={() => setDialog(null)} onDone={imported} />
        )}
        {dialog?.kind === 'export' && (
          <ExportDialog
            records={records}
            current={selected}
            asOf={asOf}
            t={t}
            lang={lang}
            desktop={info?.mode === 'desktop'}
            onSaved={(p) => say(saying((s) => `${s.download}: ${p}`))}
            onClose={() => setDialog(null)}
            onTemplate={() => setDialog({ kind: 'template' })}
          />
        )}
        {dialog?.kind === 'template' && (
          <TemplateDialog
            t={t}
            lang={lang}
            desktop={info?.mode === 'desktop'}
            onSaved={(p) => say(saying((s) => s.templateSaved(p)))}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog?.kind === 'settings' && (
          <SettingsDialog
            name={name}
            t={t}
            lang={lang}
            onClose={() => setDialog(null)}
            onSaved={(saved) => {
              setName(saved);
              setDialog(null);
              say(saying((s) => s.nameSaved(saved)));
            }}
          />
        )}
        {dialog?.kind === 'status' && (
          <StatusDialog
            record={dialog.record}
            name={info?.user?.name ?? name}
            t={t}
            lang={lang}
            onClose={() => setDialog(null)}
            onDone={(status, by) => {
              setName(by);
              setDialog(null);
              say(saying((s) => s.statusChanged(dialog.record.county, s.statuses[status])));
              void Promise.all([rec.reload(), refreshList(), undo.refreshHistory()]);
            }}
          />
        )}
        {dialog?.kind === 'workspace' && (
          <WorkspaceDialog t={t} lang={lang} onClose={() => setDialog(null)} onOpened={() => location.reload()} />
        )}
        {dialog?.kind === 'print' && (
          <PrintPreview
            records={records}
            current={selected}
            asOf={asOf}
            t={t}
            lang={lang}
            desktop={info?.mode === 'desktop'}
            onSaved={(p) => say(saying((s) => `${s.savePdf}: ${p}`))}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog?.kind === 'record' && (
          <RecordDialog
            t={t}
            lang={lang}
            duplicateOf={dialog.duplicateOf}
            onClose={() => setDialog(null)}
            onDone={(id) => {
              setDialog(null);
              void refreshList().then(() => setSelected(id));
              void undo.refreshHistory();
            }}
          />
        )}
      </Suspense>
      {question}
    </div>
  );
}
