// F6 / Shift+F6, Ctrl+Tab and Ctrl+Shift+1/2 on the whole page (regions.ts says which region is next):
// the keyboard can always leave a table, reach the toolbar and the sidebar, and switch 记录 / 总览.
import { useEffect, useRef } from 'react';
import { nextIndex, regionKey } from './regions';

/** The regions in page order: the toolbar, the sidebar, the tables shown (their keyboard sinks), the overview's filters. */
function regions(): HTMLElement[] {
  const out: HTMLElement[] = [];
  const add = (el: Element | null) => el instanceof HTMLElement && out.push(el);
  add(document.querySelector('header.toolbar'));
  add(document.querySelector('aside.sidebar'));
  document.querySelectorAll('.table-block [data-grid-sink]').forEach(add);
  add(document.querySelector('.overview-view'));
  return out;
}

/** Gives a region the keyboard: a table its cell sink, another region its first control. */
function enter(region: HTMLElement): void {
  if (region.matches('[data-grid-sink]')) return region.focus();
  const control = region.querySelector<HTMLElement>(
    'input:not([disabled]):not([type="hidden"]), select:not([disabled]), button:not([disabled])',
  );
  control?.focus();
}

export function useRegionKeys(onView: (view: 'records' | 'overview') => void): void {
  const live = useRef(onView);
  live.current = onView;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = regionKey(e);
      if (!key) return;
      // A dialog keeps the keyboard.
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      e.stopPropagation();
      if (key.kind === 'view') {
        // What is being typed is committed first (a cell's editor, a field of 基本情况 save on leaving
        // them, as with F6 or a click), then the view changes: a keyboard switch never drops an entry.
        (document.activeElement as HTMLElement | null)?.blur?.();
        return void setTimeout(() => live.current(key.view), 0);
      }
      const all = key.kind === 'table' ? regions().filter((r) => r.matches('[data-grid-sink]')) : regions();
      const active = document.activeElement;
      const at = all.findIndex((r) => r === active || r.contains(active));
      const next = all[nextIndex(all.length, at, key.back)];
      if (next) {
        (active as HTMLElement | null)?.blur?.();
        next.scrollIntoView?.({ block: 'nearest' });
        enter(next);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
}
