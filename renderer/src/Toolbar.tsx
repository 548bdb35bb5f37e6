// The bar at the top: undo and redo naming their step, the history, import, export, print, language.
import { useRef } from 'react';
import type { Lang } from '../../shared/i18n';
import { stepLabel } from '../../shared/steps';
import type { Strings } from './strings';
import type { History } from './useUndo';
import type { PickedFile } from './files';
import { WorkbookInput } from './ui/WorkbookInput';
import { roleLabel, type UserInfo } from '../../shared/accounts';

type Props = {
  t: Strings;
  lang: Lang;
  history: History | null;
  hasRecords: boolean;
  historyOpen: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onHistory: () => void;
  onImport: (files: PickedFile[]) => void;
  onExport: () => void;
  onPrint: () => void;
  onLang: () => void;
  /** The main view: the open record, or the overview of every record. */
  view: 'records' | 'overview';
  onView: (view: 'records' | 'overview') => void;
  onSettings: () => void;
  /** Who is logged in (`yanshou serve`); null on the desktop and in `yanshou web`. */
  user: UserInfo | null;
  onLogout: () => void;
};

const isMac = navigator.platform.toLowerCase().includes('mac');

/** 撤销 or 重做, naming its step, with its keys in the tooltip. */
function StepButton(props: { which: 'undo' | 'redo'; label: string; keys: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      className="step"
      data-testid={props.which}
      onMouseDown={(e) => e.preventDefault()}
      disabled={props.disabled}
      onClick={props.onClick}
      title={`${props.label} (${props.keys})`}
    >
      {props.label}
    </button>
  );
}

export function Toolbar({
  t,
  lang,
  history,
  hasRecords,
  historyOpen,
  onUndo,
  onRedo,
  onHistory,
  onImport,
  onExport,
  onPrint,
  onLang,
  view,
  onView,
  onSettings,
  user,
  onLogout,
}: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const undoLabel = history?.undo ? t.undoStep(stepLabel(history.undo, lang)) : t.undo;
  const redoLabel = history?.redo ? t.redoStep(stepLabel(history.redo, lang)) : t.redo;
  return (
    <header className="toolbar">
      <h1>{t.app}</h1>
      <div className="views" role="tablist">
        {(['records', 'overview'] as const).map((v) => (
          <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'on' : undefined} onClick={() => onView(v)}>
            {v === 'records' ? t.viewRecords : t.viewOverview}
          </button>
        ))}
      </div>
      {/* Undo, redo and the language keep the keyboard where it was (the selected cell), as Excel's toolbar does. */}
      <StepButton
        which="undo"
        label={undoLabel}
        keys={isMac ? '⌘Z' : 'Ctrl+Z'}
        disabled={history !== null && !history.undo}
        onClick={onUndo}
      />
      <StepButton
        which="redo"
        label={redoLabel}
        keys={isMac ? '⇧⌘Z' : 'Ctrl+Y'}
        disabled={history !== null && !history.redo}
        onClick={onRedo}
      />
      <button aria-expanded={historyOpen} onClick={onHistory}>
        {t.history}
      </button>
      <button onClick={() => fileInput.current?.click()}>{t.import}</button>
      <button disabled={!hasRecords} onClick={onExport}>
        {t.export}
      </button>
      <button disabled={!hasRecords} onClick={onPrint}>
        {t.printPreview}
      </button>
      <WorkbookInput inputRef={fileInput} onImport={onImport} testId="import-input" />
      <span className="spacer" />
      {user && (
        <span className="user" data-testid="user">
          {t.signedIn(user.name, roleLabel(user.role, lang), user.scope)}
        </span>
      )}
      {user && <button onClick={onLogout}>{t.logout}</button>}
      {!user && <button onClick={onSettings}>{t.settings}</button>}
      <button className="lang" onMouseDown={(e) => e.preventDefault()} onClick={onLang}>
        {t.language}
      </button>
    </header>
  );
}
