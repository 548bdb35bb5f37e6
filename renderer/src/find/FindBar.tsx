// Find (Ctrl+F) and replace (Ctrl+H) within the open record: the basic facts, both tables and the
// ledger's texts, simplified and traditional alike (shared/find-text.ts). Enter / F3 go to the next
// place, Shift+Enter / Shift+F3 back, Esc closes. 全部替换 is one step of the store's change log
// (one undo takes it back); an accepted record refuses it with the store's message.
import { useEffect, useMemo, useRef, useState } from 'react';
import { findInRecord } from '../../../shared/find-text';
import type { FindingTarget } from '../../../shared/findings';
import type { Lang } from '../../../shared/i18n';
import type { CountyRecord } from '../../../shared/record';
import { api } from '../api';
import { message } from '../errors';
import type { Said, Say } from '../said';
import { FIND_STRINGS } from './strings';

type Mode = 'find' | 'replace';
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

/** Ctrl+F → find, Ctrl+H → replace, else null. */
const modeOf = (e: KeyboardEvent): Mode | null =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey ? (({ f: 'find', h: 'replace' } as const)[e.key.toLowerCase()] ?? null) : null;

export function FindBar({ enabled, recordId, record, lang, reveal, settle, onReplaced, say }: Props) {
  const s = FIND_STRINGS[lang];
  const [mode, setMode] = useState<Mode | null>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [at, setAt] = useState(-1);
  const [error, setError] = useState<Said | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Each occurrence once: a cell holding the text twice is two places.
  const places = useMemo(
    () => (query ? findInRecord(record, query).flatMap((h) => Array<typeof h>(h.count).fill(h)) : []),
    [record, query],
  );

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const next = modeOf(e);
      if (next) {
        e.preventDefault();
        e.stopPropagation();
        setMode(next);
        requestAnimationFrame(() => input.current?.select());
      } else if (e.key === 'F3' && mode) {
        e.preventDefault();
        go(e.shiftKey ? -1 : 1);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  });
  useEffect(() => setAt(-1), [query, recordId]);
  useEffect(() => setMode(null), [recordId]);

  /** Shows the next (or previous) place and gives the keyboard back to the find field. */
  function go(step: 1 | -1) {
    if (places.length === 0) return;
    const next = (at + step + places.length) % places.length;
    setAt(next);
    const { table, row, field } = places[next];
    reveal({ table, row, field } as FindingTarget);
    refocus();
  }
  /** Once the place has the keyboard (a table's cell, a fact's field), the find field takes it back. */
  function refocus() {
    let frames = 0;
    const back = () => {
      const active = document.activeElement;
      const moved = active !== null && active !== input.current && active !== document.body;
      if (moved || frames++ > 120) return input.current?.focus();
      requestAnimationFrame(back);
    };
    requestAnimationFrame(back);
  }

  async function replaceAll() {
    setError(null);
    if (!query || !(await settle())) return;
    try {
      const { count } = await api.replaceText({ recordId, find: query, replace: replacement });
      const [find, by] = [query, replacement];
      say((l) => (count ? FIND_STRINGS[l].replaced(count, find, by) : FIND_STRINGS[l].nothingReplaced(find)));
      await onReplaced();
    } catch (e) {
      const text: Said = (l) => message(e, l);
      setError(() => text);
      say(text, 'error');
    }
  }

  if (!mode) return null;
  const close = () => {
    setMode(null);
    setError(null);
  };
  return (
    <div className="find-bar" role="search" data-testid="find-bar" title={s.scope}>
      <input
        ref={input}
        name="find"
        aria-label={s.find}
        placeholder={s.find}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') close();
        }}
      />
      <span className="find-count" data-testid="find-count">
        {!query ? '' : !places.length ? s.none : at < 0 ? s.total(places.length) : s.count(at + 1, places.length)}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={!places.length}>
        {s.previous}
      </button>
      <button type="button" onClick={() => go(1)} disabled={!places.length}>
        {s.next}
      </button>
      {mode === 'replace' && (
        <>
          <input
            name="replace"
            aria-label={s.replaceWith}
            placeholder={s.replaceWith}
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void replaceAll();
              else if (e.key === 'Escape') close();
            }}
          />
          <button type="button" className="primary" onClick={() => void replaceAll()} disabled={!places.length}>
            {s.replaceAll}
          </button>
        </>
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
