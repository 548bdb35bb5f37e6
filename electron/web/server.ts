// Web mode: the contract over HTTP on 127.0.0.1, and the built renderer's files. Every /api/
// request needs the per-launch token (checked before anything else); a foreign Host or Origin
// is refused (DNS rebinding, CSRF).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { decodeWire, encodeWire } from '../../shared/wire';
import { dispatch, type ApiContext } from '../services/api';
import { webActor } from '../services/store/changelog';
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
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};
const MAX_BODY = 120 * 1024 * 1024;

export type WebServer = { url: string; port: number; token: string; close: () => Promise<void> };

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...extra });
  res.end(body);
}

const sameToken = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startWebServer(ctx: ApiContext, options: { port?: number; rendererDir: string }): Promise<WebServer> {
  const token = crypto.randomBytes(24).toString('base64url');
  const root = path.resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) return send(res, 403, JSON.stringify({ code: 'forbidden_host', message: 'Forbidden host' }));
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, JSON.stringify({ code: 'forbidden_origin', message: 'Forbidden origin' }));
      const url = new URL(req.url ?? '/', `http://${host}`);
      // The raw path counts too: /api/%2e%2e/… normalises out of /api/ but still needs the token.
      if (url.pathname.startsWith('/api/') || (req.url ?? '').startsWith('/api/')) {
        const auth = req.headers.authorization ?? '';
        const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
        if (!given) return send(res, 401, JSON.stringify({ code: 'no_token', message: '需要启动时给出的令牌' }));
        if (!sameToken(given, token)) return send(res, 403, JSON.stringify({ code: 'bad_token', message: '令牌无效' }));
        if (req.method !== 'POST') return send(res, 405, JSON.stringify({ code: 'method_not_allowed', message: 'POST only' }), undefined, { allow: 'POST' });
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return send(res, 415, JSON.stringify({ code: 'unsupported_media_type', message: 'application/json only' }));
        const body = await readBody(req);
        if (body === null) return send(res, 413, JSON.stringify({ code: 'too_large', message: '请求过大' }));
        let input: unknown;
        try {
          input = body.length ? decodeWire(body) : {};
        } catch {
          return send(res, 400, JSON.stringify({ code: 'invalid_json', message: '请求不是有效的 JSON' }));
        }
        const tab = req.headers['x-yanshou-client'];
        const result = await dispatch(ctx, url.pathname.startsWith('/api/') ? url.pathname.slice(5) : '', input, webActor(typeof tab === 'string' ? tab : undefined));
        return result.ok ? send(res, 200, encodeWire(result.value)) : send(res, result.status, encodeWire(result.error));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      return serveFile(res, root, url.pathname);
    } catch (e) {
      send(res, 500, JSON.stringify({ code: 'internal', message: e instanceof Error ? e.message : String(e) }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? appError('port_in_use', `端口 ${options.port} 已被占用,请用 --port 换一个(或用 0 自动选择)`, `Port ${options.port} is in use; choose another with --port (or 0 for any free port)`) : e),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveFile(res: http.ServerResponse, root: string, pathname: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad request', 'text/plain');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden', 'text/plain');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'Not found', 'text/plain');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-security-policy': CSP, 'x-frame-options': 'DENY' };
    send(res, 200, data as unknown as string, type, headers);
  });
}
