// The only bridge: one invoke(method, input), limited to the contract's methods.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_PREFIX, METHOD_NAMES } from '../../shared/methods';

const allowed = new Set<string>(METHOD_NAMES);

contextBridge.exposeInMainWorld('yanshou', {
  invoke: (method: string, input: unknown, request?: string) =>
    allowed.has(method)
      ? ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input, request)
      : Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `没有这个方法:${String(method)}` } }),
});
