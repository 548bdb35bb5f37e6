// Find (Ctrl+F) and replace (Ctrl+H) within the open record: the basic facts, both tables and the
// ledger's texts, simplified and traditional alike (shared/find-text.ts). Enter / F3 go to the next
// place, Shift+Enter / Shift+F3 back, Esc closes. 全部替换 is one step of the store's change log
// (one undo takes it back); an accepted record refuses it with the store's message.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FindingTarget } from '../../../shared/findings';
import type { Lang } from '../../../shared/i18n';
import type { CountyRecord } from '../../../shared/record';
import { api } from '../api';
import { message } from '../errors';
import type { Said, Say } from '../said';
import { FIND_STRINGS } from './strings';
import { countText, modeOf, placesOf, stepFrom, type FindStrings, type Mode } from './search';

type Props = {
  /** Ctrl+F / Ctrl+H open it (a dialog keeps the keyboard). */
  enabled: boolean;
  recordId: number;
  record: CountyRecord;
  lang: Lang;
  /** Shows a place of the record: its tab, its cell selected. */
  reveal: (target: FindingTarget) => void;
  /** Typed values are written first; false if they cannot be now. */
  settle: () => Promise<boolean>;
  /** After a replace: what is on screen and the undo buttons follow. */
  onReplaced: () => Promise<unknown>;
  say: Say;
};

/** Ctrl+F / Ctrl+H open the bar (its field selected); F3 / Shift+F3 step while it is open. */
function useFindKeys(
  enabled: boolean,
  open: boolean,
  setMode: (m: Mode) => void,
  input: RefObject<HTMLInputElement | null>,
  go: (step: 1 | -1) => void,
) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const next = modeOf(e);
      if (next) {
        e.preventDefault();
        e.stopPropagation();
        setMode(next);
        requestAnimationFrame(() => input.current?.select());
      } else if (e.key === 'F3' && open) {
        e.preventDefault();
        go(e.shiftKey ? -1 : 1);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  });
}

/** Once the place has the keyboard (a table's cell, a fact's field), the find field takes it back (after two seconds, anyway). */
function refocus(input: RefObject<HTMLInputElement | null>) {
  let frames = 0;
  const back = () => {
    const active = document.activeElement;
    const moved = active !== null && active !== input.current && active !== document.body;
    if (moved || frames++ > 120) return input.current?.focus();
    requestAnimationFrame(back);
  };
  requestAnimationFrame(back);
}

/** 替换为 and 全部替换 (Ctrl+H). */
function ReplaceFields(props: {
  s: FindStrings;
  value: string;
  onChange: (v: string) => void;
  onReplace: () => void;
  onClose: () => void;
  disabled: boolean;
}) {
  const { s } = props;
  return (
    <>
      <input
        name="replace"
        aria-label={s.replaceWith}
        placeholder={s.replaceWith}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onReplace();
          else if (e.key === 'Escape') props.onClose();
        }}
      />
      <button type="button" className="primary" onClick={props.onReplace} disabled={props.disabled}>
        {s.replaceAll}
      </button>
    </>
  );
}

/** 全部替换: typed values written first, then one step of the change log; what it did (or why not) said. */
function useReplaceAll(p: Pick<Props, 'recordId' | 'settle' | 'onReplaced' | 'say'> & { query: string; replacement: string }) {
  const [error, setError] = useState<Said | null>(null);
  async function replaceAll() {
    setError(null);
    if (!p.query || !(await p.settle())) return;
    try {
      const { count } = await api.replaceText({ recordId: p.recordId, find: p.query, replace: p.replacement });
      const [find, by] = [p.query, p.replacement];
      p.say((l) => (count ? FIND_STRINGS[l].replaced(count, find, by) : FIND_STRINGS[l].nothingReplaced(find)));
      await p.onReplaced();
    } catch (e) {
      const text: Said = (l) => message(e, l);
      setError(() => text);
      p.say(text, 'error');
    }
  }
  return { error, setError, replaceAll };
}

/** 查找 and its count, with 上一个 / 下一个 (Enter, Shift+Enter). */
function FindFields(props: {
  s: FindStrings;
  input: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (q: string) => void;
  count: string;
  found: boolean;
  go: (step: 1 | -1) => void;
  onClose: () => void;
}) {
  const { s, go } = props;
  return (
    <>
      <input
        ref={props.input}
        name="find"
        aria-label={s.find}
        placeholder={s.find}
        value={props.query}
        autoFocus
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') props.onClose();
        }}
      />
      <span className="find-count" data-testid="find-count">
        {props.count}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={!props.found}>
        {s.previous}
      </button>
      <button type="button" onClick={() => go(1)} disabled={!props.found}>
        {s.next}
      </button>
    </>
  );
}

export function FindBar({ enabled, recordId, record, lang, reveal, settle, onReplaced, say }: Props) {
  const s = FIND_STRINGS[lang];
  const [mode, setMode] = useState<Mode | null>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [at, setAt] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const places = useMemo(() => placesOf(record, query), [record, query]);
  const { error, setError, replaceAll } = useReplaceAll({ recordId, query, replacement, settle, onReplaced, say });
  useFindKeys(enabled, mode !== null, setMode, input, go);
  useEffect(() => setAt(-1), [query, recordId]);
  useEffect(() => setMode(null), [recordId]);

  /** Shows the next (or previous) place and gives the keyboard back to the find field. */
  function go(step: 1 | -1) {
    if (places.length === 0) return;
    const next = stepFrom(at, step, places.length);
    setAt(next);
    const { table, row, field } = places[next];
    reveal({ table, row, field } as FindingTarget);
    refocus(input);
  }

  if (!mode) return null;
  const close = () => {
    setMode(null);
    setError(null);
  };
  return (
    <div className="find-bar" role="search" data-testid="find-bar" title={s.scope}>
      <FindFields
        s={s}
        input={input}
        query={query}
        onQuery={setQuery}
        count={countText(s, query, places.length, at)}
        found={places.length > 0}
        go={go}
        onClose={close}
      />
      {mode === 'replace' && (
        <ReplaceFields
          s={s}
          value={replacement}
          onChange={setReplacement}
          onReplace={() => void replaceAll()}
          onClose={close}
          disabled={!places.length}
        />
      )}
      {error && (
        <em className="find-error" role="alert">
          {error(lang)}
        </em>
      )}
      <button type="button" className="link" aria-label={s.close} onClick={close}>
        ×
      </button>
    </div>
  );
}
