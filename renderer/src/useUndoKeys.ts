// Ctrl+Z / Ctrl+Y (⌘Z / ⇧⌘Z) anywhere outside the tables and text fields, which have their own.
import { useEffect } from 'react';

const isMac = navigator.platform.toLowerCase().includes('mac');

export function useUndoKeys(undo: () => void, redo: () => void, blocked: boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (!mod || blocked || e.defaultPrevented) return;
      if ((e.target as HTMLElement).closest('input, textarea, select')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, blocked]);
}
