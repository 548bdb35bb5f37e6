// The data file replaced under the running app (a sync folder putting another copy in place): the store
// refuses every write (file_replaced) and keeps what the app held as a `.replaced-…` copy. Whichever call
// meets it, the app is told once here, so it can offer the way out (ReplacedDialog) instead of going on
// showing the old file. Plain rules: test/unit/renderer/file-replaced.test.ts.
import { ApiError, type Transport } from '../../shared/client';

/** What the refusal says: the data file's path, the copy of what the app held, the store's words. */
export type Replaced = { file: string; keptAs: string; messages: { zh: string; en: string } };

/** The refusal's facts, when an error is file_replaced. */
export function replacedOf(e: unknown): Replaced | null {
  if (!(e instanceof ApiError) || e.wire.code !== 'file_replaced') return null;
  const d = (e.wire.details ?? {}) as { place?: { file?: string }; keptAs?: string };
  return {
    file: d.place?.file ?? '',
    keptAs: d.keptAs ?? '',
    messages: e.wire.messages ?? { zh: e.wire.message, en: e.wire.message },
  };
}

/** A transport that tells `heard` of a file_replaced refusal, whatever call met it (the call still fails as before). */
export function watchReplaced(transport: Transport, heard: (r: Replaced) => void): Transport {
  return async (method, input, options) => {
    try {
      return await transport(method, input, options);
    } catch (e) {
      const r = replacedOf(e);
      if (r) heard(r);
      throw e;
    }
  };
}

const listeners = new Set<(r: Replaced) => void>();
let last: Replaced | null = null;

/** The app's client reports here (api.ts). */
export const replacedHeard = (r: Replaced) => {
  last = r;
  for (const l of listeners) l(r);
};

/** Listens for the data file being replaced (told at once if it already was); returns how to stop. */
export function onReplaced(listener: (r: Replaced) => void): () => void {
  listeners.add(listener);
  if (last) listener(last);
  return () => listeners.delete(listener);
}
