// The line in the status bar that says what just happened. An error stays until the next thing
// the user does replaces it, or until a value is stored (the value it was about was fixed): nothing
// after a refusal claims success. A message is kept as how to say it (said.ts), so it follows the language.
import { useCallback, useState } from 'react';
import type { Said } from './said';

export type Note = { text: Said; kind: 'error' | 'info' };

export function useStatus() {
  const [note, setNote] = useState<Note | null>(null);
  const say = useCallback((text: Said, kind: 'error' | 'info' = 'info') => setNote({ text, kind }), []);
  /** A value was stored since the error: the error is no longer what just happened. */
  const clearError = useCallback(() => setNote((n) => (n?.kind === 'error' ? null : n)), []);
  return { note, say, clearError };
}
