// The one typed client. In Electron the preload exposes invoke(); in the browser (web mode) the
// same contract goes over HTTP, authenticated by the session cookie the one-time address set.
import { ApiError, createClient, type Client, type WireError } from '../../shared/client';
import type { Method } from '../../shared/contract';
import { decodeWire, encodeWire } from '../../shared/wire';

declare global {
  interface Window {
    yanshou?: { invoke: (method: string, input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: WireError }> };
  }
}

export class OfflineError extends Error {}

/** This tab's id: each tab undoes its own steps; a reload keeps it (sessionStorage lives with the tab). */
function tabId(): string {
  let id = sessionStorage.getItem('yanshou-tab');
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem('yanshou-tab', id);
  }
  return id;
}

function httpTransport(): (method: Method, input: unknown) => Promise<unknown> {
  const tab = tabId();
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-yanshou-client': tab }, body: encodeWire(input) });
    } catch (e) {
      throw new OfflineError((e as Error).message);
    }
    const body = decodeWire(await res.text());
    if (!res.ok) {
      if (res.status >= 500) throw new OfflineError((body as WireError).message);
      throw new ApiError(body as WireError);
    }
    return body;
  };
}

function ipcTransport(): (method: Method, input: unknown) => Promise<unknown> {
  return async (method, input) => {
    const result = await window.yanshou!.invoke(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  };
}

export const api: Client = createClient(window.yanshou ? ipcTransport() : httpTransport());
