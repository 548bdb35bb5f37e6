// The bottom line: whether everything is saved (and what to do when it is not), what just
// happened, and the data file.
import type { Output } from '../../shared/contract';
import type { Strings } from './strings';
import type { SaveState } from './useRecord';
import type { Note } from './useStatus';
import { inLang } from './said';
import type { Lang } from '../../shared/i18n';

type Props = {
  t: Strings;
  lang: Lang;
  save: SaveState;
  drafts: number;
  note: Note | null;
  info: Output<'info'> | null;
  onRetry: () => void;
  onDiscardDrafts: () => void;
};

export function StatusBar({ t, lang, save, drafts, note, info, onRetry, onDiscardDrafts }: Props) {
  const state =
    save === 'saved'
      ? t.saved
      : save === 'saving'
        ? t.saving
        : save === 'offline'
          ? t.saveError
          : save === 'reconnecting'
            ? t.reconnecting
            : t.drafts(drafts);
  return (
    <footer className="status">
      <span className={`save ${save}`} data-testid="save-state">
        {state}
      </span>
      {(save === 'offline' || save === 'reconnecting' || save === 'draft') && (
        <button className="link" onClick={onRetry}>
          {t.retry}
        </button>
      )}
      {save === 'draft' && (
        <button className="link" onClick={onDiscardDrafts}>
          {t.discardDrafts}
        </button>
      )}
      {note && (
        <span
          className={`note ${note.kind}`}
          title={inLang(note.text, lang)}
          data-testid="note"
          role={note.kind === 'error' ? 'alert' : 'status'}
        >
          {inLang(note.text, lang)}
        </span>
      )}
      <span className="spacer" />
      {info && (
        <span className="db" title={info.dbFile}>
          {t.database}: {info.dbFile}
        </span>
      )}
    </footer>
  );
}
