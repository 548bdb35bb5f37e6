// The records view: the sidebar of records on the left; on the right the open record (find bar and
// RecordView), or the first start's welcome when there are no records yet (once the list was read).
import { Suspense, useMemo } from 'react';
import type { Output } from '../../shared/contract';
import { api } from './api';
import { shownRecords, type Dialog } from './appState';
import { FindBar } from './find/FindBar';
import { RecordView } from './RecordView';
import { Sidebar } from './Sidebar';
import type { AppHost } from './useEditing';
import type { View } from './useRecord';
import type { RecordSummary } from './Sidebar';
import { Welcome } from './Welcome';

type Props = AppHost & {
  info: Output<'info'> | null;
  /** A dialog or a question is open over the app (the find bar's keys are not its). */
  covered: boolean;
  setDialog: (dialog: Dialog) => void;
  fail: (e: unknown) => void;
  confirm: (text: string, ok: string) => Promise<boolean>;
};

/** The open record: the find bar over it (Ctrl+F / Ctrl+H), and the record itself wired to the editing state. */
function OpenRecord(props: Props & { recordId: number; view: View; current: RecordSummary | null }) {
  const { editing, t, lang, covered, setDialog, say, confirm, recordId, view, current } = props;
  const { rec, undo, actions } = editing;
  return (
    <>
      <FindBar
        enabled={!covered}
        recordId={recordId}
        record={view.record}
        lang={lang}
        reveal={(target) => editing.recordView.current?.reveal(target)}
        settle={rec.settle}
        onReplaced={() => Promise.all([rec.reload(), undo.refreshHistory()])}
        say={say}
      />
      <Suspense fallback={<p className="empty">…</p>}>
        <RecordView
          ref={editing.recordView}
          recordId={recordId}
          view={view}
          marks={rec.marks}
          lang={lang}
          t={t}
          asOf={editing.asOf}
          onAsOf={(day) => editing.chooseAsOf(recordId, day)}
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
            current &&
            setDialog({
              kind: 'status',
              record: { ...current, status: view.status, version: view.version, seen: view.seen, choices: view.statusChoices },
            })
          }
        />
      </Suspense>
    </>
  );
}

export function RecordsScreen(props: Props) {
  const { editing, t, info, setDialog, fail } = props;
  const { records, listed, selected, rec, actions } = editing;
  const shown = useMemo(() => shownRecords(records, rec.view, rec.recordId), [records, rec.view, rec.recordId]);
  const current = records.find((r) => r.id === selected) ?? null;
  const view = rec.recordId === selected ? rec.view : null;
  const newRecord = () => setDialog({ kind: 'record', duplicateOf: null });
  const demo = () =>
    void api.addDemo({}).then(async ({ id }) => {
      await editing.refreshList();
      await actions.open(id);
    }, fail);

  return (
    <>
      <Sidebar
        records={shown}
        selected={selected}
        t={t}
        pinyin={editing.pinyin}
        notice={editing.sidebarNotice?.(props.lang) ?? null}
        onSelect={(id) => void actions.open(id)}
        onAdd={newRecord}
        onDuplicate={() => current && setDialog({ kind: 'record', duplicateOf: current })}
        onDelete={() => current && void actions.deleteRecord(current)}
        onDeleted={() => setDialog({ kind: 'deleted' })}
      />
      <main className="content">
        {/* "No records yet" only once the list was read: a refused read (a wrong clock, say) is told in the status bar. */}
        {!view && listed && records.length === 0 && (
          <Welcome
            t={t}
            onDemo={info?.user ? undefined : demo}
            onNew={newRecord}
            onImport={(files) => setDialog({ kind: 'import', files })}
            onTemplate={() => setDialog({ kind: 'template' })}
            onDeleted={() => setDialog({ kind: 'deleted' })}
          />
        )}
        {view && selected !== null && <OpenRecord {...props} recordId={selected} view={view} current={current} />}
      </main>
    </>
  );
}
