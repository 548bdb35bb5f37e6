// The editing app: records on the left; the selected record's basic facts, its two tables and
// its findings on the right; a status bar that says whether everything is saved.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract';
import type { CountyField, RawValue } from '../../shared/fields';
import { findingMessage, severityLabel, type Lang } from '../../shared/i18n';
import { stepLabel } from '../../shared/steps';
import type { Finding } from '../../shared/findings';
import { api } from './api';
import { STRINGS } from './strings';
import { Sidebar, type RecordSummary } from './Sidebar';
import { CountyForm } from './CountyForm';
import type { GridHandle, RowOp } from './TableGrid';
import type { PickedFile } from './Dialogs';
import { readFiles } from './files';
import { message, useRecord } from './useRecord';

// The grid (AG Grid), the dialogs and the print preview load as their own chunks: the grid's
// starts loading at once, beside the app's first screen; the others when first opened.
const gridModule = import('./TableGrid');
const TableGrid = lazy(() => gridModule.then((m) => ({ default: m.TableGrid })));
const dialogs = () => import('./Dialogs');
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => dialogs().then((m) => ({ default: m.ExportDialog })));
const RecordDialog = lazy(() => dialogs().then((m) => ({ default: m.RecordDialog })));
const PrintPreview = lazy(() => import('./PrintPreview').then((m) => ({ default: m.PrintPreview })));

type Dialog = { kind: 'import'; files: PickedFile[] } | { kind: 'export' } | { kind: 'print' } | { kind: 'record'; duplicateOf: RecordSummary | null } | null;
const isMac = navigator.platform.toLowerCase().includes('mac');

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('yanshou-lang') === 'en' ? 'en' : 'zh'));
  const t = STRINGS[lang];
  const [records, setRecords] = useState<RecordSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(() => Number(localStorage.getItem('yanshou-record')) || null);
  const [note, setNote] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [info, setInfo] = useState<Output<'info'> | null>(null);
  const grids = { items: useRef<GridHandle>(null), disbursements: useRef<GridHandle>(null) };
  const fileInput = useRef<HTMLInputElement>(null);

  const say = useCallback((text: string, kind: 'error' | 'info' = 'info') => setNote({ text, kind }), []);
  const onError = useCallback((text: string) => say(text, 'error'), [say]);
  const { view, save, edit, reload, settle } = useRecord(selected, onError, lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t.app} Yanshou`;
    localStorage.setItem('yanshou-lang', lang);
  }, [lang, t]);

  const refreshList = useCallback(async () => {
    const list = await api.listRecords({});
    setRecords(list);
    setSelected((s) => (s !== null && list.some((r) => r.id === s) ? s : list[0]?.id ?? null));
    return list;
  }, []);

  useEffect(() => {
    void refreshList().catch((e) => onError(message(e, lang)));
    void api.info({}).then(setInfo).catch(() => {});
  }, [refreshList]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (selected !== null) localStorage.setItem('yanshou-record', String(selected));
  }, [selected]);

  // Anything structural waits for typed values to be written, then reloads from the store.
  const act = useCallback(
    async (fn: () => Promise<unknown>) => {
      await settle();
      try {
        await fn();
      } catch (e) {
        onError(message(e, lang));
      }
      await Promise.all([reload(), refreshList()]);
    },
    [settle, reload, refreshList, onError, lang],
  );

  const undoRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      await settle();
      try {
        const call = which === 'undo' ? api.undo : api.redo;
        let result = await call({});
        // A step that would remove a whole county is replayed only after a yes (and a backup).
        if (result.needsConfirm.length) {
          const names = result.needsConfirm.map((s) => stepLabel(s, lang)).join('、');
          if (!window.confirm(t.confirmRemovingUndo(which === 'undo' ? t.undo : t.redo, names))) return;
          result = await call({ confirm: true });
        }
        const [step] = result.steps;
        if (!step) say(which === 'undo' ? t.nothingToUndo : t.nothingToRedo);
        else {
          say(`${which === 'undo' ? t.undone(stepLabel(step, lang)) : t.redone(stepLabel(step, lang))}${result.backup ? ` (${t.backupAt(result.backup)})` : ''}`);
          const list = await refreshList();
          if (step.recordId !== null && list.some((r) => r.id === step.recordId)) setSelected(step.recordId);
        }
      } catch (e) {
        onError(message(e, lang));
      }
      await reload();
    },
    [settle, refreshList, reload, say, onError, t, lang],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (!mod || dialog) return;
      const target = e.target as HTMLElement;
      // Inside a text field or a cell editor, the field's own undo applies.
      if (target.closest('input, textarea, select, .ag-cell-inline-editing, .ag-popup-editor')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undoRedo('undo');
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void undoRedo('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoRedo, dialog]);

  // Desktop: menu commands come through the contract (a long poll), so the preload stays one invoke().
  useEffect(() => {
    if (info?.mode !== 'desktop') return;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const { command } = await api.waitForCommand({}).catch(() => ({ command: null }));
        if (stopped || !command) continue;
        if (command.kind === 'import') setDialog({ kind: 'import', files: command.files as PickedFile[] });
        else if (command.kind === 'export') setDialog({ kind: 'export' });
        else if (command.kind === 'undo' || command.kind === 'redo') {
          const field = (document.activeElement as HTMLElement | null)?.closest('input, textarea');
          if (field) document.execCommand(command.kind);
          else void undoRedo(command.kind);
        } else if (command.kind === 'lang') setLang(command.lang);
        else if (command.kind === 'reload') {
          await refreshList();
          await reload();
          void api.info({}).then(setInfo);
        } else if (command.kind === 'message') say(command.text);
        else if (command.kind === 'print') setDialog({ kind: 'print' });
      }
    })();
    return () => {
      stopped = true;
    };
  }, [info?.mode, undoRedo, refreshList, reload, say]);

  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])].filter((f) => /\.(xlsx|xls|et)$/i.test(f.name));
      if (files.length) void readFiles(files).then((picked) => setDialog({ kind: 'import', files: picked }));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const jump = (f: Finding) => {
    const target = f.target;
    if (!target) return;
    if (target.table === 'county') document.getElementById(`county-${target.field}`)?.focus();
    else if (target.table === 'totals') grids.disbursements.current?.focus(Math.max(0, (view?.record.disbursements.length ?? 1) - 1), target.field === 'statedRate' ? 'statedRate' : target.field ?? 'planned');
    else if (target.table !== 'payments') grids[target.table].current?.focus(target.row ?? 0, target.field ?? 'name');
  };

  const current = records.find((r) => r.id === selected) ?? null;
  const record = view?.record;

  const saveCounty = async (field: CountyField, value: string) => {
    let ok = true;
    await act(async () => {
      try {
        await api.updateCounty({ id: selected!, field, value });
      } catch (e) {
        ok = false;
        throw e;
      }
    });
    return ok;
  };

  const rowsOp = (table: 'items' | 'disbursements') => async (op: RowOp) => {
    if (selected === null) return;
    await act(() =>
      op.kind === 'insert'
        ? api.insertRows({ recordId: selected, table, index: op.index, count: 1 })
        : op.kind === 'delete'
          ? api.deleteRows({ recordId: selected, table, rowIds: op.rowIds })
          : api.moveRow({ recordId: selected, table, rowId: op.rowId, toIndex: op.toIndex }),
    );
  };
  const paste = (table: 'items' | 'disbursements') => async (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => {
    if (selected === null) return;
    await act(() => api.editCells({ recordId: selected, table, edits, append }));
  };

  return (
    <div className="app">
      <header className="toolbar">
        <h1>{t.app}</h1>
        <button onClick={() => void undoRedo('undo')} title={isMac ? '⌘Z' : 'Ctrl+Z'}>{t.undo}</button>
        <button onClick={() => void undoRedo('redo')} title={isMac ? '⇧⌘Z' : 'Ctrl+Y'}>{t.redo}</button>
        <button onClick={() => fileInput.current?.click()}>{t.import}</button>
        <button disabled={records.length === 0} onClick={() => setDialog({ kind: 'export' })}>{t.export}</button>
        <button disabled={records.length === 0} onClick={() => void settle().then(() => setDialog({ kind: 'print' }))}>{t.printPreview}</button>
        <input ref={fileInput} type="file" accept=".xlsx,.xls,.et" multiple hidden data-testid="import-input" onChange={(e) => { const files = e.target.files; if (files?.length) void readFiles(files).then((picked) => setDialog({ kind: 'import', files: picked })); e.target.value = ''; }} />
        <span className="spacer" />
        <button className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t.language}</button>
      </header>
      <Sidebar records={records} selected={selected} t={t} onSelect={(id) => void settle().then(() => setSelected(id))} onAdd={() => setDialog({ kind: 'record', duplicateOf: null })} onDuplicate={() => current && setDialog({ kind: 'record', duplicateOf: current })} onDelete={() => { if (current && window.confirm(t.confirmDelete(current.county))) void act(async () => { const { backup } = await api.deleteRecord({ id: current.id }); say(t.deleted(backup ?? '—')); }); }} />
      <main className="content">
        {!record && <p className="empty">{records.length === 0 ? t.noRecord : ''}</p>}
        {record && view && (
          <Suspense fallback={<p className="empty">…</p>}>
            <h2 className="title">{record.county.name} · {t.batchOf} {record.county.batch} · {record.county.year}</h2>
            <h3>{t.basic}</h3>
            <CountyForm record={record} findings={view.findings} lang={lang} t={t} onSave={saveCounty} />
            <h3>{t.items}</h3>
            <TableGrid ref={grids.items} table="items" record={record} rowIds={view.itemIds} findings={view.findings} lang={lang} t={t} onEdit={edit} onPaste={paste('items')} onRows={rowsOp('items')} onMessage={say} />
            <h3>{t.disbursements}</h3>
            <p className="summary" data-testid="summary">{record.disbursementSummary}</p>
            <TableGrid ref={grids.disbursements} table="disbursements" record={record} rowIds={view.disbursementIds} findings={view.findings} lang={lang} t={t} onEdit={edit} onPaste={paste('disbursements')} onRows={rowsOp('disbursements')} onMessage={say} />
            <h3>{t.checks}</h3>
            <ul className="checks" data-testid="checks">
              {view.findings.length === 0 && <li className="ok">{t.noFindings}</li>}
              {view.findings.map((f, i) => (
                <li key={i} className={f.severity}>
                  <button onClick={() => jump(f)}>
                    <b>{severityLabel(f.severity, lang)}</b> {findingMessage(f, lang)}
                  </button>
                </li>
              ))}
            </ul>
          </Suspense>
        )}
      </main>
      <footer className="status">
        <span className={`save ${save}`} data-testid="save-state">{save === 'saved' ? t.saved : save === 'saving' ? t.saving : t.saveError}</span>
        {note && <span className={`note ${note.kind}`} data-testid="note">{note.text}</span>}
        <span className="spacer" />
        {info && <span className="db" title={info.dbFile}>{t.database}: {info.dbFile}</span>}
      </footer>
      <Suspense fallback={null}>
      {dialog?.kind === 'import' && <ImportDialog files={dialog.files} t={t} lang={lang} onClose={() => setDialog(null)} onDone={(r) => { setDialog(null); void refreshList().then(() => reload()); const first = r.records.find((x) => x.action === 'created' || x.action === 'replaced'); say(`${t.commit}: ${r.records.map((x) => `${x.county}(${t.actions[x.action]})`).join('、')}`); if (first) void api.listRecords({}).then((list) => { const hit = list.find((x) => x.county === first.county && x.batch === first.batch); if (hit) setSelected(hit.id); }); }} />}
      {dialog?.kind === 'export' && <ExportDialog records={records} current={selected} t={t} lang={lang} desktop={info?.mode === 'desktop'} onSaved={(p) => say(`${t.download}: ${p}`)} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'print' && <PrintPreview records={records} current={selected} t={t} lang={lang} desktop={info?.mode === 'desktop'} onSaved={(p) => say(`${t.savePdf}: ${p}`)} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'record' && <RecordDialog t={t} lang={lang} duplicateOf={dialog.duplicateOf} onClose={() => setDialog(null)} onDone={(id) => { setDialog(null); void refreshList().then(() => setSelected(id)); }} />}
      </Suspense>
    </div>
  );
}
