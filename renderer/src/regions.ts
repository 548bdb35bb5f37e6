// The page's regions for the keyboard, as in Office: F6 / Shift+F6 go to the next / previous region
// (toolbar, sidebar, each table), Ctrl+Tab / Ctrl+Shift+Tab to the next / previous table, Ctrl+Shift+1 /
// Ctrl+Shift+2 to 记录 / 总览. Pure: which region comes next, and what a key asks for.

/** The region after (or before) the one at `current` (-1: none holds the keyboard), round the page. */
export function nextIndex(count: number, current: number, back: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return back ? count - 1 : 0;
  return (current + (back ? count - 1 : 1)) % count;
}

export type RegionKey = { kind: 'region' | 'table'; back: boolean } | { kind: 'view'; view: 'records' | 'overview' } | null;

/** What a key press asks of the page's regions, or null. */
export function regionKey(e: {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): RegionKey {
  if (e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey) return { kind: 'region', back: e.shiftKey };
  if (e.key === 'Tab' && e.ctrlKey && !e.altKey && !e.metaKey) return { kind: 'table', back: e.shiftKey };
  if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.code === 'Digit1' || e.code === 'Digit2'))
    return { kind: 'view', view: e.code === 'Digit1' ? 'records' : 'overview' };
  return null;
}
