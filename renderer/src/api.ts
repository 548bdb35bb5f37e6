// The one typed client. In Electron the preload exposes invoke(); in the browser (web mode) the
// same contract goes over HTTP, authenticated by the session cookie the one-time address set. Both
// transports classify failures alike (transport.ts).
import { createClient, type Client } from '../../shared/client';
import { httpTransport, ipcTransport, takeSessionSecret, type Invoke } from './transport';
import { replacedHeard, watchReplaced } from './fileReplaced';

export { OfflineError, ServerError, ApiError } from '../../shared/client';

declare global {
  interface Window {
    yanshou?: { invoke: Invoke };
  }
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

// A refusal because the data file was replaced under the app is heard by the app, whichever call met it.
export const api: Client = createClient(
  watchReplaced(
    window.yanshou
      ? ipcTransport((method, input, request) => window.yanshou!.invoke(method, input, request))
      : httpTransport({ client: tabId(), secret: takeSessionSecret(), onLoginRequired: () => location.assign('/login') }),
    replacedHeard,
  ),
);
