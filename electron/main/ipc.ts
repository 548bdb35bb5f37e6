// The IPC adapter: every contract method on its channel, validated by the same dispatch as the
// web mode. Only the app's own page may call; errors cross as {code, message, details}.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHODS } from '../../shared/contract';
import { CHANNEL_PREFIX } from '../../shared/methods';
import { dispatch, type ApiContext } from '../services/api';
import type { HeavyCalls } from '../services/heavy';
import { DESKTOP, withRequest } from '../services/store/changelog';
import { LOCAL_METHODS, remoteCall, type Workspace } from './workspace';

export function isAppPage(event: IpcMainInvokeEvent, index: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith(index.replace(/\\/g, '/'));
}

/**
 * Every contract method on its channel: answered by the data file — the long ones (exports, PDFs) on
 * their own thread where `heavy` takes them, so the window's other calls are answered meanwhile — or,
 * a workspace open, by the workspace's server.
 */
export function registerContract(
  context: () => ApiContext,
  index: string,
  heavy?: HeavyCalls,
  workspace: () => Workspace | null = () => null,
): void {
  for (const method of METHODS) {
    ipcMain.handle(`${CHANNEL_PREFIX}${method}`, async (event, input: unknown, request?: unknown) => {
      if (!isAppPage(event, index))
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: '只允许验收台自己的页面调用',
            messages: { zh: '只允许验收台自己的页面调用', en: 'Only the app page may call this' },
          },
        };
      const ws = workspace();
      const ctx = context();
      const result =
        ws && !LOCAL_METHODS.has(method)
          ? await remoteCall(ws, method, input, (name, bytes) => ctx.desktop!.saveFile(name, bytes), request)
          : await (heavy?.takes(method) ? heavy.run : dispatch)(ctx, method, input, withRequest(DESKTOP, request));
      return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
    });
  }
}
