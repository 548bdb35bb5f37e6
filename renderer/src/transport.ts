// The two transports of the typed client, and how they classify failures — the same way over
// both, so the app treats an error by what it means, not by how it travelled:
// - the server could not be reached (fetch failed)            → OfflineError: retried
// - the server is reconnecting to its workspace database       → OfflineError (code reconnecting): retried
// - the server refused the call for a reason it names (4xx)    → ApiError: its message is shown
// - the server failed (HTTP 5xx; code `internal` over IPC)     → ServerError: shown once, with its code
import {
  ApiError,
  DAY_HEADER,
  OfflineError,
  REQUEST_HEADER,
  retryable,
  ServerError,
  type Transport,
  type WireError,
} from '../../shared/client';
import { decodeWire, encodeWire } from '../../shared/wire';
import { today } from '../../shared/ledger';

export type IpcResult = { ok: true; value: unknown } | { ok: false; error: WireError };
export type Invoke = (method: string, input: unknown, request?: string) => Promise<IpcResult>;

const isWire = (v: unknown): v is WireError =>
  !!v && typeof v === 'object' && typeof (v as WireError).code === 'string' && typeof (v as WireError).message === 'string';

function httpFailure(status: number, body: string): WireError {
  try {
    const wire = decodeWire(body);
    if (isWire(wire)) return wire;
  } catch {
    // Not our JSON (a proxy's page, a cut-off body): say what there is.
  }
  return {
    code: `http_${status}`,
    message: `服务器错误(HTTP ${status})`,
    messages: { zh: `服务器错误(HTTP ${status})`, en: `Server error (HTTP ${status})` },
  };
}

/** The header that carries web mode's per-session secret (electron/web/server.ts checks it with the cookie). */
export const SESSION_HEADER = 'x-yanshou-session';
const SESSION_KEY = 'yanshou-session';

/**
 * Web mode's per-session secret: the one-time address redirects to `/#s=<secret>` (a fragment never
 * reaches any server). The tab takes it out of the address at once and keeps it for itself
 * (sessionStorage: this origin — port included — and this tab only; a reload keeps it). Unlike the
 * cookie, which the browser sends to every server on 127.0.0.1, no other program or page gets it.
 */
export function takeSessionSecret(
  where: { location: Location; history: History; storage: Storage } = { location, history, storage: sessionStorage },
): string | null {
  const m = /(?:^#|&)s=([\w-]{16,})/.exec(where.location.hash);
  if (m) {
    where.storage.setItem(SESSION_KEY, m[1]);
    where.history.replaceState(where.history.state, '', where.location.pathname + where.location.search);
  }
  return where.storage.getItem(SESSION_KEY);
}

/**
 * The contract over HTTP (web mode): the session cookie (set by the one-time address, or by the login of
 * `yanshou serve`), its secret and this tab's client id on every call. A call answered "log in first"
 * (a team workspace whose session ended) calls `onLoginRequired`: the app goes to the login page.
 */
export function httpTransport(options: {
  client: string;
  secret?: string | null;
  fetch?: typeof fetch;
  onLoginRequired?: () => void;
}): Transport {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return async (method, input, call) => {
    let status: number;
    let ok: boolean;
    let body: string;
    try {
      const res = await doFetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-yanshou-client': options.client,
          ...(options.secret ? { [SESSION_HEADER]: options.secret } : {}),
          ...(call?.request ? { [REQUEST_HEADER]: call.request } : {}),
          // The person's day, not the server's (a workspace hosted in UTC): "today" is theirs everywhere on screen.
          [DAY_HEADER]: today(),
        },
        body: encodeWire(input),
      });
      ({ status, ok } = res);
      body = await res.text();
    } catch (e) {
      throw new OfflineError((e as Error).message);
    }
    if (ok) return decodeWire(body);
    const wire = httpFailure(status, body);
    if (status === 401 && wire.code === 'login_required') options.onLoginRequired?.();
    throw retryable(wire) ?? (status >= 500 ? new ServerError(wire) : new ApiError(wire));
  };
}

/** The contract over Electron's IPC (desktop): the preload's one invoke(). */
export function ipcTransport(invoke: Invoke): Transport {
  return async (method, input, call) => {
    let result: IpcResult;
    try {
      result = await invoke(method, input, call?.request);
    } catch (e) {
      // invoke() itself fails only when main cannot answer: a failure of the app, not a network.
      const text = (e as Error).message;
      throw new ServerError({
        code: 'ipc',
        message: `内部错误:${text}`,
        messages: { zh: `内部错误:${text}`, en: `Internal error: ${text}` },
      });
    }
    if (result.ok) return result.value;
    throw retryable(result.error) ?? (result.error.code === 'internal' ? new ServerError(result.error) : new ApiError(result.error));
  };
}

/** Ends this browser's session of `yanshou serve` and goes to the login page. */
export async function logout(doFetch: typeof fetch = fetch, go: (url: string) => void = (url) => location.assign(url)): Promise<void> {
  try {
    await doFetch('/api/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  } finally {
    go('/login');
  }
}
