// Desktop: menu commands come through the contract as a long poll, so the preload stays one
// invoke(). A failing poll waits longer each time (it never spins) and is reported once.
import { useEffect, useRef } from 'react';
import type { Command } from '../../shared/contract';
import { api } from './api';

export function useDesktopCommands(enabled: boolean, onCommand: (command: Command) => void | Promise<void>, onError: (e: unknown) => void) {
  const handlers = useRef({ onCommand, onError });
  handlers.current = { onCommand, onError };
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    void (async () => {
      let delay = 500;
      let reported = false;
      while (!stopped) {
        let command: Command | null;
        try {
          ({ command } = await api.waitForCommand({}));
          delay = 500;
          reported = false;
        } catch (e) {
          if (!reported) handlers.current.onError(e);
          reported = true;
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 30_000);
          continue;
        }
        if (stopped || !command) continue;
        try {
          await handlers.current.onCommand(command);
        } catch (e) {
          handlers.current.onError(e);
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [enabled]);
}
