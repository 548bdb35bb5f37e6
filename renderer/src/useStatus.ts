// The line in the status bar that says what just happened. An error stays until the next thing
// the user does replaces it: nothing after a refusal claims success.
import { useCallback, useState } from 'react';

export type Note = { text: string; kind: 'error' | 'info' };

export function useStatus() {
  const [note, setNote] = useState<Note | null>(null);
  const say = useCallback((text: string, kind: 'error' | 'info' = 'info') => setNote({ text, kind }), []);
  return { note, say };
}
