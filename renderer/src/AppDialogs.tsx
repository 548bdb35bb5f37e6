// The dialog open over the app (one at most), each loaded as its own chunk when first opened, and
// what follows when it is done: the status bar says so, and what it changed is reloaded.
import { lazy, Suspense } from 'react';
import type { Output } from '../../shared/contract';
import type { UserInfo } from '../../shared/accounts';
import { importedRecord, importedSaying, type Dialog } from './appState';
import { saying, type Say } from './said';
import type { AppHost } from './useEditing';

const dialogs = () => import('./Dialogs');
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => dialogs().then((m) => ({ default: m.ExportDialog })));
const RecordDialog = lazy(() => dialogs().then((m) => ({ default: m.RecordDialog })));
const PrintPreview = lazy(() => import('./print/PrintPreview').then((m) => ({ default: m.PrintPreview })));
const StatusDialog = lazy(() => dialogs().then((m) => ({ default: m.StatusDialog })));
const SettingsDialog = lazy(() => dialogs().then((m) => ({ default: m.SettingsDialog })));
const TemplateDialog = lazy(() => dialogs().then((m) => ({ default: m.TemplateDialog })));
const WorkspaceDialog = lazy(() => dialogs().then((m) => ({ default: m.WorkspaceDialog })));
const DeletedDialog = lazy(() => import('./DeletedDialog').then((m) => ({ default: m.DeletedDialog })));

/** `editing`: the records, the open one, the day chosen for its figures (export and print give every record's as of it), and reloading. */
type Props = AppHost & {
  dialog: Dialog;
  setDialog: (dialog: Dialog) => void;
  desktop: boolean;
  /** The name status changes are signed with: the signed-in user's, else the one set once here. */
  signer: string | null;
  /** The name set once (kept in the data file). */
  name: string | null;
  setName: (name: string) => void;
  /** The signed-in user of a team workspace (null: the local owner). */
  user: UserInfo | null;
};

/** After an import: the first county created or replaced opens, and the history follows. */
async function openImported(editing: AppHost['editing'], r: Output<'importWorkbooks'>) {
  const hit = importedRecord(r, (await editing.refreshList()) ?? undefined);
  if (hit) editing.setSelected(hit.id);
  await Promise.all([editing.rec.reload(), editing.undo.refreshHistory()]);
}

export function AppDialogs(props: Props) {
  const { dialog, setDialog, t, lang, desktop, say, editing } = props;
  const { records, selected, asOf, rec, undo, refreshList } = editing;
  const close = () => setDialog(null);
  const imported = (r: Output<'importWorkbooks'>) => {
    done(importedSaying(r));
    void openImported(editing, r);
  };
  const done = (said: Parameters<Say>[0]) => {
    setDialog(null);
    say(said);
  };
  const common = { t, lang, onClose: close };
  // Export and print: every record's figures as of the day chosen, the open one first.
  const figures = { records, current: selected, asOf, desktop };
  return (
    <Suspense fallback={null}>
      {dialog?.kind === 'import' && <ImportDialog {...common} files={dialog.files} onDone={imported} />}
      {dialog?.kind === 'export' && (
        <ExportDialog
          {...common}
          {...figures}
          onSaved={(p) => say(saying((s) => `${s.download}: ${p}`))}
          onTemplate={() => setDialog({ kind: 'template' })}
        />
      )}
      {dialog?.kind === 'template' && (
        <TemplateDialog {...common} desktop={desktop} onSaved={(p) => say(saying((s) => s.templateSaved(p)))} />
      )}
      {dialog?.kind === 'settings' && (
        <SettingsDialog
          {...common}
          name={props.name}
          onSaved={(saved) => {
            props.setName(saved);
            done(saying((s) => s.nameSaved(saved)));
          }}
        />
      )}
      {dialog?.kind === 'status' && (
        <StatusDialog
          {...common}
          record={dialog.record}
          name={props.signer}
          onDone={(status, by) => {
            props.setName(by);
            done(saying((s) => s.statusChanged(dialog.record.county, s.statuses[status])));
            void Promise.all([rec.reload(), refreshList(), undo.refreshHistory()]);
          }}
        />
      )}
      {dialog?.kind === 'deleted' && (
        <DeletedDialog
          {...common}
          user={props.user}
          onRestored={(id, county, batch) => {
            done(saying((s) => s.restored(county, batch)));
            void refreshList().then(() => editing.setSelected(id));
            void undo.refreshHistory();
          }}
        />
      )}
      {dialog?.kind === 'workspace' && <WorkspaceDialog {...common} onOpened={() => location.reload()} />}
      {dialog?.kind === 'print' && <PrintPreview {...common} {...figures} onSaved={(p) => say(saying((s) => `${s.savePdf}: ${p}`))} />}
      {dialog?.kind === 'record' && (
        <RecordDialog
          {...common}
          duplicateOf={dialog.duplicateOf}
          onDone={(id) => {
            close();
            void refreshList().then(() => editing.setSelected(id));
            void undo.refreshHistory();
          }}
        />
      )}
    </Suspense>
  );
}
