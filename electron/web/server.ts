// Web mode: the contract over HTTP on 127.0.0.1, and the built renderer's files.
//
// Who may call: the address `yanshou web` prints (or opens) carries a one-time code, valid for
// 60 s, which the first visit exchanges for an HttpOnly, SameSite=Strict session cookie; the code
// is then spent, so the address seen on a command line or in a history is worth nothing. The cookie
// alone opens nothing: cookies are not scoped by port, so a browser sends it to any other server on
// 127.0.0.1, which could replay it. The exchange also gives the page a per-session secret, in the
// redirect's fragment (#s=…, never sent to a server); the page keeps it for its tab (sessionStorage,
// scoped to this origin, port included) and sends it in the x-yanshou-session header. Every /api/
// request needs the cookie and its session's secret (checked before routing), a session used within
// the idle limit, a local Host (DNS rebinding) and, when the browser sends one, a local Origin (CSRF). Bodies are capped before they are read; errors
// carry a code and a message, never a path or a stack.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { decodeWire, encodeWire } from '../../shared/wire';
import { dispatch, type ApiContext, type DispatchResult } from '../services/api';
import type { Actor } from '../services/store/changelog';
import { heavyCalls } from '../services/heavy';
import { reopenDataFile } from '../services/reopen';
import { webActor } from '../services/store/changelog';
import { DAY_HEADER, REQUEST_HEADER } from '../../shared/client';
import { appError } from '../../shared/errors';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid injects its theme as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Request bodies: an import carries workbooks (base64); any other call is capped where the contract's own largest calls
 * still fit — a paste of 5000 payments (editPayments' maximum) of full-length payees, vouchers and stages (100 characters
 * each) with notes of a few hundred characters, or 100 000 edited cells.
 */
export const BODY_LIMITS = { importWorkbooks: 20 * 1024 * 1024, other: 16 * 1024 * 1024 };
/** A body's text: invalid UTF-8 is refused (never stored as U+FFFD). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
export const CODE_LIFETIME_MS = 60_000;
/** A session unused this long is over: the page says so, and `yanshou web` prints a new address. */
export const SESSION_IDLE_MS = 4 * 60 * 60_000;
/** The header that carries the session's secret (renderer/src/transport.ts sends it). */
export const SESSION_HEADER = 'x-yanshou-session';

export type WebServer = { url: string; port: number; close: () => Promise<void> };

export function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

export const error = (res: http.ServerResponse, status: number, code: string, zh: string, en: string, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify({ code, message: zh, messages: { zh, en } }), undefined, extra);

/** Same bytes, compared in constant time; any length or encoding, never an exception. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const EXPIRED_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>验收台</title><body style="font-family:sans-serif;margin:3em">
<h1>这个链接已经用过或已过期</h1><p>为了安全,<code>yanshou web</code> 显示的地址只能打开一次,且 60 秒内有效。请重新运行 <code>yanshou web</code>(或 <code>npm start</code>),用它新显示的地址打开。</p>
<p lang="en">This link was used already or has expired. For safety, the address <code>yanshou web</code> prints opens once, within 60 seconds. Run it again and open the new address.</p></body></html>`;

/** Who may call: the one-time code and when it expires (0: spent), the sessions it opened (cookie → the page's secret and when
 * last used), and the port the cookie and the allowed hosts are scoped to. */
type Gate = { port: number; code: string; codeExpires: number; sessions: Map<string, { secret: string; seen: number }>; idleMs: number };

const allowedHosts = (gate: Gate) => new Set([`127.0.0.1:${gate.port}`, `localhost:${gate.port}`]);
const cookieName = (gate: Gate) => `yanshou-${gate.port}`;

/** A request for another host (DNS rebinding) or from a page of another origin (CSRF) is refused; true when it was. */
function refusedForeign(req: http.IncomingMessage, res: http.ServerResponse, gate: Gate): boolean {
  if (!allowedHosts(gate).has(req.headers.host ?? '')) {
    error(res, 403, 'forbidden_host', '不允许的主机名', 'Forbidden host');
    return true;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(gate).has(origin.replace(/^http:\/\//, ''))) {
    error(res, 403, 'forbidden_origin', '不允许的来源', 'Forbidden origin');
    return true;
  }
  return false;
}

/** A call needs the session cookie, its secret in the header, and the session used within the idle limit; true when refused (and answered). */
function refusedSession(req: http.IncomingMessage, res: http.ServerResponse, gate: Gate): boolean {
  const given = cookie(req, cookieName(gate));
  if (!given) {
    error(res, 401, 'no_session', '请用 yanshou web 显示的地址打开验收台', 'Open Yanshou at the address yanshou web prints');
    return true;
  }
  const id = [...gate.sessions.keys()].find((s) => sameSecret(given, s));
  const session = id === undefined ? undefined : gate.sessions.get(id)!;
  const secret = req.headers[SESSION_HEADER];
  if (!session || typeof secret !== 'string' || !sameSecret(secret, session.secret)) {
    error(res, 403, 'bad_session', '会话无效,请用 yanshou web 新显示的地址打开', 'Unknown session; open the address yanshou web prints');
    return true;
  }
  if (Date.now() - session.seen > gate.idleMs) {
    gate.sessions.delete(id!);
    const hours = Math.round(gate.idleMs / 3_600_000);
    error(
      res,
      401,
      'session_expired',
      `会话已过期(超过 ${hours} 小时未使用)。请重新运行 yanshou web,用新显示的地址打开。`,
      `The session expired (unused for more than ${hours} hours). Run yanshou web again and open the new address.`,
    );
    return true;
  }
  session.seen = Date.now();
  return false;
}

/** The first visit: the one-time code, once and in time, opens a session (an HttpOnly cookie, the page's secret in the fragment). */
function exchangeCode(res: http.ServerResponse, given: string, gate: Gate) {
  if (Date.now() > gate.codeExpires || !sameSecret(given, gate.code))
    return send(res, 403, EXPIRED_PAGE, 'text/html; charset=utf-8', { 'content-security-policy': CSP });
  gate.codeExpires = 0; // spent
  const session = crypto.randomBytes(32).toString('base64url');
  const secret = crypto.randomBytes(32).toString('base64url');
  gate.sessions.set(session, { secret, seen: Date.now() });
  send(res, 302, '', 'text/plain', {
    location: `/#s=${secret}`,
    'set-cookie': `${cookieName(gate)}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=86400`,
  });
}

export async function startWebServer(
  ctx: ApiContext,
  options: { port?: number; rendererDir: string; sessionIdleMs?: number; heavyOffThread?: boolean },
): Promise<WebServer> {
  const root = path.resolve(options.rendererDir);
  const offThread = options.heavyOffThread ? heavyCalls(ctx, 'thread') : undefined;
  ctx.reopen ??= () => reopenDataFile(ctx, async () => offThread?.close());
  const gate: Gate = {
    port: 0,
    code: crypto.randomBytes(24).toString('base64url'),
    codeExpires: Date.now() + CODE_LIFETIME_MS,
    sessions: new Map(),
    idleMs: options.sessionIdleMs ?? SESSION_IDLE_MS,
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (refusedForeign(req, res, gate)) return;
      const raw = req.url ?? '/';
      if (raw.includes('\0') || /%00/i.test(raw)) return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
      const url = new URL(raw, `http://${req.headers.host ?? ''}`);
      // The raw path counts too: /api/%2e%2e/… normalises out of /api/ but still needs the session.
      if (url.pathname.startsWith('/api/') || raw.startsWith('/api/')) {
        if (refusedSession(req, res, gate)) return;
        const method = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : '';
        return await answerCall(req, res, method, (input) => {
          const actor = tabActor(req);
          return (offThread?.takes(method) ? offThread.run : dispatch)(ctx, method, input, actor);
        });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      const given = url.searchParams.get('code');
      if (given !== null) return exchangeCode(res, given, gate);
      return serveFile(res, root, url.pathname);
    } catch (e) {
      console.error('[web]', e);
      if (!res.headersSent) error(res, 500, 'internal', '内部错误', 'Internal error');
      else res.destroy();
    }
  });
  const port = (gate.port = await listen(server, options.port ?? 0, '127.0.0.1'));
  return {
    url: `http://127.0.0.1:${port}/?code=${gate.code}`,
    port,
    close: () =>
      new Promise((resolve) => {
        void offThread?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Listens on the port (0: any free one) and address; the port it got. A port in use is told in words. */
export async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? appError(
              'port_in_use',
              `端口 ${port} 已被占用,请用 --port 换一个(或用 0 自动选择)`,
              `Port ${port} is in use; choose another with --port (or 0 for any free port)`,
            )
          : e,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return (server.address() as { port: number }).port;
}

/** The browser tab's actor (each tab undoes its own steps), with the call's request id (a retry sends the same). */
export const tabActor = (req: http.IncomingMessage): Actor => {
  const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
  return webActor(header('x-yanshou-client'), header(REQUEST_HEADER), header(DAY_HEADER));
};

/** One contract call over HTTP: POST, JSON, a body within its cap, then `run` with the decoded input. */
export async function answerCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  method: string,
  run: (input: unknown) => Promise<DispatchResult>,
): Promise<void> {
  if (req.method !== 'POST') return error(res, 405, 'method_not_allowed', '只接受 POST', 'POST only', { allow: 'POST' });
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
    return error(res, 415, 'unsupported_media_type', '只接受 application/json', 'application/json only');
  const limit = method === 'importWorkbooks' ? BODY_LIMITS.importWorkbooks : BODY_LIMITS.other;
  const body = await readBody(req, limit);
  if (body === null) {
    const mb = (limit / 1024 / 1024).toFixed(0);
    return error(
      res,
      413,
      'too_large',
      `请求过大(上限 ${mb} MB),未做任何改动;请分几次粘贴或提交,每次少一些行`,
      `The request is too large (at most ${mb} MB); nothing was changed. Paste or send it in a few parts, fewer rows each`,
      { connection: 'close' },
    );
  }
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return error(
      res,
      400,
      'invalid_utf8',
      '请求中的文字不是有效的 UTF-8 编码,未做任何改动',
      'The text of the request is not valid UTF-8; nothing was changed',
    );
  }
  let input: unknown;
  try {
    input = text.length ? decodeWire(text) : {};
  } catch {
    return error(res, 400, 'invalid_json', '请求不是有效的 JSON', 'The request is not valid JSON');
  }
  const result = await run(input);
  return result.ok ? send(res, 200, encodeWire(result.value)) : send(res, result.status, encodeWire(result.error));
}

/**
 * The body's bytes, or null as soon as it is known to be larger than `limit` (by its declared
 * length, or counted as it arrives): the 413 goes out at once, and the rest is drained unread.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      chunks.length = 0;
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function serveFile(res: http.ServerResponse, root: string, pathname: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
  }
  if (rel.includes('\0')) return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    send(res, 200, data as unknown as string, type, { 'content-security-policy': CSP, 'x-frame-options': 'DENY' });
  });
}
