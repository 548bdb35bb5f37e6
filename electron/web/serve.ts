// `yanshou serve`: the team workspace over HTTP — the same app and the same contract as `yanshou web`,
// for a province's network, behind its own reverse proxy with TLS (docs/workspace.md).
//
// Who may call: a person logs in (POST /api/login {"name","password"}) and gets a session: an HttpOnly,
// SameSite=Strict cookie for the browser, and the same token in the answer for scripts, which send it as
// `Authorization: Bearer …`. Sessions live in the database, so several instances share them and the
// server keeps nothing of its own; they end when unused (idle) or old (absolute), at logout, and when
// the account is disabled or its password changed. Every other /api/ call needs a live session and is
// authorised by the contract's dispatch from the session's user (../services/policy.ts). A browser's
// Origin, when it sends one, must be this server's (CSRF); bodies are capped before they are read.
import http from 'node:http';
import path from 'node:path';
import { dispatch, refusalStatus, type ApiContext } from '../services/api';
import { login } from '../services/accounts';
import { callerOfUser, endSession, sessionUser, SESSION_LIMITS, type SessionLimits } from '../services/store/accounts';
import { AppError } from '../../shared/errors';
import { answerCall, CSP, error, listen, send, serveFile, tabActor, cookie, type WebServer } from './server';
import { heavyCalls } from '../services/heavy';
import { LOGIN_PAGE, LOGIN_SCRIPT } from './login-page';

export const SESSION_COOKIE = 'yanshou-session';

function sessionToken(req: http.IncomingMessage): string | undefined {
  const bearer = /^Bearer\s+([\w-]{20,200})$/.exec(req.headers.authorization ?? '');
  return bearer?.[1] ?? cookie(req, SESSION_COOKIE);
}

/** The cookie of a session (Secure when the proxy in front says the browser came over HTTPS). */
function sessionCookie(req: http.IncomingMessage, token: string, maxAgeS: number): string {
  const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeS}${secure}`;
}

const loginRequired = (res: http.ServerResponse, expired: boolean) =>
  expired
    ? error(res, 401, 'login_required', '登录已过期,请重新登录', 'Your session has ended; please log in again')
    : error(res, 401, 'login_required', '请先登录', 'Please log in first');

/** A browser's request from another site is refused (the cookie is SameSite=Strict besides). */
function foreignOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

async function answerLogin(ctx: ApiContext, req: http.IncomingMessage, res: http.ServerResponse, limits: SessionLimits) {
  await answerCall(req, res, 'login', async (input) => {
    const { name, password } = (input ?? {}) as { name?: unknown; password?: unknown };
    if (typeof name !== 'string' || typeof password !== 'string' || name.length > 200 || password.length > 200)
      return {
        ok: false,
        status: 400,
        error: {
          code: 'invalid_input',
          message: '请填写用户名和密码',
          messages: { zh: '请填写用户名和密码', en: 'Give a name and a password' },
        },
      };
    try {
      const session = await login(ctx.db, name, password);
      res.setHeader('set-cookie', sessionCookie(req, session.token, Math.floor(limits.absoluteMs / 1000)));
      return { ok: true, value: { token: session.token, user: session.user } };
    } catch (e) {
      // The database reconnecting is no wrong password: answered as every call's refusal is, below.
      if (!(e instanceof AppError) || e.code === 'reconnecting') throw e;
      const status = (e.details as { status?: number } | undefined)?.status ?? 401;
      return { ok: false, status, error: { code: e.code, message: e.messages.zh, messages: e.messages } };
    }
  });
}

export async function startServeServer(
  ctx: ApiContext,
  options: { port?: number; host?: string; rendererDir: string; limits?: SessionLimits },
): Promise<WebServer> {
  const limits = options.limits ?? SESSION_LIMITS;
  const root = path.resolve(options.rendererDir);
  const offThread = heavyCalls(ctx, 'thread');
  const server = http.createServer(async (req, res) => {
    try {
      const raw = req.url ?? '/';
      if (raw.includes('\0') || /%00/i.test(raw)) return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
      const url = new URL(raw, 'http://server');
      if (url.pathname.startsWith('/api/') || raw.startsWith('/api/')) {
        if (foreignOrigin(req)) return error(res, 403, 'forbidden_origin', '不允许的来源', 'Forbidden origin');
        const method = url.pathname.slice(5);
        if (method === 'login') return await answerLogin(ctx, req, res, limits);
        const token = sessionToken(req);
        if (method === 'logout') {
          if (token) endSession(ctx.db, token);
          return send(res, 200, JSON.stringify({ ok: true }), undefined, { 'set-cookie': sessionCookie(req, '', 0) });
        }
        if (!token) return loginRequired(res, false);
        const session = sessionUser(ctx.db, token, limits);
        if (!session.ok) return loginRequired(res, session.reason === 'expired');
        const caller = callerOfUser(session.user);
        return await answerCall(req, res, method, (input) => {
          const tab = tabActor(req);
          // Undo is per user and tab: the same tab id under another login is another client.
          const actor = { ...tab, client: `u${caller.id}-${tab.client}`, caller };
          return (offThread.takes(method) ? offThread.run : dispatch)(ctx, method, input, actor);
        });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      if (url.pathname === '/login') return send(res, 200, LOGIN_PAGE, 'text/html; charset=utf-8', { 'content-security-policy': CSP });
      if (url.pathname === '/login.js') return send(res, 200, LOGIN_SCRIPT, 'text/javascript; charset=utf-8');
      return serveFile(res, root, url.pathname);
    } catch (e) {
      // A refusal outside a call (the session's lookup while the database reconnects, say) is
      // answered with its own code, so the page says 正在重新连接 and retries, never 请先登录.
      if (e instanceof AppError && !res.headersSent) return error(res, refusalStatus(e.code), e.code, e.messages.zh, e.messages.en);
      console.error('[serve]', e);
      if (!res.headersSent) error(res, 500, 'internal', '内部错误', 'Internal error');
      else res.destroy();
    }
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        void offThread.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
