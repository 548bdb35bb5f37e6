// The one typed client. In Electron the preload exposes invoke(); in the browser (web mode) the
// same contract goes over HTTP with the per-launch token from the page address. Both transports
// classify failures alike (transport.ts).
import { createClient, type Client } from '../../shared/client';
import { httpTransport, ipcTransport, type Invoke } from './transport';

export { OfflineError, ServerError, ApiError } from '../../shared/client';

declare global {
  interface Window {
    yanshou?: { invoke: Invoke };
  }
}

function tokenFromPage(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('yanshou-token', fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('yanshou-token') ?? '';
}

/** This tab's id: each tab undoes its own steps; a reload keeps it (sessionStorage lives with the tab). */
function tabId(): string {
  let id = sessionStorage.getItem('yanshou-tab');
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem('yanshou-tab', id);
  }
  return id;
}

export const api: Client = createClient(window.yanshou ? ipcTransport((method, input) => window.yanshou!.invoke(method, input)) : httpTransport({ token: tokenFromPage(), client: tabId() }));
