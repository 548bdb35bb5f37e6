// The desktop app on a team workspace (文件 › 打开工作区…): it logs in to `yanshou serve` at the address
// given and sends every contract call there, as that user, with the session's token — the server decides
// what the user may do, as it does for a browser. What only the desktop can do (its save dialogs) is done
// here with what the server answers; the print dialog is not offered (save a PDF and print it).
import crypto from 'node:crypto';
import { appError, AppError } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { UserInfo } from '../../shared/accounts';
import type { DispatchResult } from '../services/api';
import { REQUEST_HEADER } from '../../shared/client';

export type Workspace = { address: string; token: string; user: UserInfo; client: string };

/** Answered by the desktop itself, whichever store the window works on. */
export const LOCAL_METHODS: ReadonlySet<string> = new Set([
  'waitForCommand',
  'openWorkspace',
  'closeWorkspace',
  'exportTemplate',
  'saveTemplate',
]);

const unreachable = (address: string, e: unknown) =>
  appError(
    'offline',
    `无法连接工作区 ${address}(${e instanceof Error ? e.message : String(e)})`,
    `Cannot reach the workspace ${address} (${e instanceof Error ? e.message : String(e)})`,
  );

/** Undo is per client: this window's calls carry its own id, as a browser tab's do; a call its request id (a retry the same). */
async function post(address: string, path: string, body: unknown, ws?: Workspace, request?: unknown): Promise<DispatchResult> {
  let res: Response;
  try {
    res = await fetch(new URL(path, address), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(ws ? { authorization: `Bearer ${ws.token}`, 'x-yanshou-client': ws.client } : {}),
        ...(typeof request === 'string' ? { [REQUEST_HEADER]: request } : {}),
      },
      body: encodeWire(body),
    });
  } catch (e) {
    const error = unreachable(address, e);
    return { ok: false, status: 503, error: { code: error.code, message: error.messages.zh, messages: error.messages } };
  }
  const value = decodeWire((await res.text()) || '{}');
  return res.ok ? { ok: true, value } : { ok: false, status: res.status, error: value as never };
}

/** Logs in; the workspace, or the server's refusal (wrong name or password, too many attempts) as it said it. */
export async function logIn(address: string, name: string, password: string): Promise<Workspace> {
  const base = new URL('/', address).href;
  const r = await post(base, '/api/login', { name, password });
  if (!r.ok) throw new AppError(r.error.code, r.error.messages ?? { zh: r.error.message, en: r.error.message });
  const { token, user } = r.value as { token: string; user: UserInfo };
  return { address: base, token, user, client: `desktop-${crypto.randomUUID()}` };
}

export const logOut = async (ws: Workspace): Promise<void> => void (await post(ws.address, '/api/logout', {}, ws));

/** One contract call on the workspace; the desktop's save dialogs with what the server made. */
export async function remoteCall(
  ws: Workspace,
  method: string,
  input: unknown,
  saveFile: (name: string, bytes: Uint8Array) => Promise<string | null>,
  request?: unknown,
): Promise<DispatchResult> {
  const call = (m: string, i: unknown) => post(ws.address, `/api/${m}`, i, ws, request);
  const saved = async (r: DispatchResult): Promise<DispatchResult> => {
    if (!r.ok) return r;
    const file = r.value as { fileName: string; bytes: Uint8Array };
    return { ok: true, value: { path: await saveFile(file.fileName, file.bytes) } };
  };
  if (method === 'saveExport')
    return saved(await call((input as { format?: string }).format === 'pdf' ? 'exportPdf' : 'exportWorkbook', input));
  if (method === 'saveOverview') return saved(await call('exportOverview', input));
  if (method === 'printDocument' || method === 'printOverview') {
    const e = appError('desktop_only', '在工作区中请先“另存为 PDF”再打印', 'In a workspace, save a PDF and print that');
    return { ok: false, status: 422, error: { code: e.code, message: e.messages.zh, messages: e.messages } };
  }
  const r = await call(method, input);
  // The window is still the desktop's: its menu commands and save dialogs stay.
  return method === 'info' && r.ok ? { ok: true, value: { ...(r.value as object), mode: 'desktop' } } : r;
}
