// The app's own state as plain rules, with no React: which dialog is open (and what a menu command
// opens), the sidebar's line for the open record (it follows what is on screen), whose undo a menu's
// 撤销 is, and what an import says and opens. App.tsx holds them; test/unit/renderer/app-state.test.ts
// tests them.
import { lineFigures } from '../../shared/checks';
import type { Command, Output } from '../../shared/contract';
import type { PickedFile } from './files';
import type { RecordSummary } from './Sidebar';
import { saying, type Said } from './said';
import type { View } from './useRecord';

export type Dialog =
  | { kind: 'import'; files: PickedFile[] }
  | { kind: 'export' }
  | { kind: 'print' }
  | { kind: 'record'; duplicateOf: RecordSummary | null }
  | { kind: 'status'; record: RecordSummary & { version?: number; seen?: number; choices: View['statusChoices'] } }
  | { kind: 'settings' }
  | { kind: 'template' }
  | { kind: 'workspace' }
  | { kind: 'deleted' }
  | null;
export type MainView = 'records' | 'overview';

/** The dialog a menu command opens (desktop: 文件 › 导入… and the like); undefined: the command opens none. */
export function dialogOf(command: Command): Dialog | undefined {
  switch (command.kind) {
    case 'import':
      return { kind: 'import', files: command.files as PickedFile[] };
    case 'export':
    case 'print':
    case 'template':
      return { kind: command.kind };
    case 'openWorkspace':
      return { kind: 'workspace' };
    default:
      return undefined;
  }
}

/** The sidebar's lines: the store's, the open record's as on screen. */
export function shownRecords(records: RecordSummary[], view: View | null, openId: number | null): RecordSummary[] {
  if (!view || openId === null) return records;
  const live = lineFigures(view.record, view.findings);
  return records.map((r) => (r.id === openId ? { ...r, ...live } : r));
}

/** What has the focus, as far as undo cares: a text field, or the grid's key sink (editing a cell or not). */
export type Focused = { field: boolean; gridSink: boolean; editing: boolean } | null;

/** Menu 撤销/重做: in a text field (or a cell being edited) it is the field's own; elsewhere the record's (the change log). */
export const fieldUndo = (focused: Focused): boolean => !!focused?.field && !(focused.gridSink && !focused.editing);

/** What an import says: each county and what was done to it. */
export const importedSaying = (r: Output<'importWorkbooks'>): Said =>
  saying((s, l) => `${s.commit}: ${r.records.map((x) => `${x.county}(${s.actions[x.action]})`).join(l === 'zh' ? '、' : ', ')}`);

/** The record an import opens: the first created or replaced, as the list now has it. */
export function importedRecord(r: Output<'importWorkbooks'>, list: RecordSummary[] | undefined): RecordSummary | undefined {
  const first = r.records.find((x) => x.action === 'created' || x.action === 'replaced');
  return first && list?.find((x) => x.county === first.county && x.batch === first.batch);
}
