import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { BODY_LIMITS, CODE_LIFETIME_MS, SESSION_HEADER, startWebServer, type WebServer } from '../../../electron/web/server';
import type { ApiContext } from '../../../electron/services/api';
import { encodeWire } from '../../../shared/wire';
import { METHODS } from '../../../shared/contract';
import { seedInput, tempDir, ME } from '../../helpers/fixtures';

let db: DB;
let server: WebServer;
let session: string;
let secret: string;
let recordId: number;
// The renderer folder, and a secret beside it (outside it): nothing may serve the secret.
const outside = tempDir();
const root = path.join(outside, 'renderer');
fs.mkdirSync(root);
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
fs.writeFileSync(path.join(outside, 'secret.txt'), 'the secret');
const pdfCalls = { running: 0, most: 0 };
const ctx: ApiContext = {
  db: undefined as unknown as DB,
  dbFile: ':memory:',
  version: 'test',
  renderPdf: async (html) => {
    if (html.includes('FAIL-PDF')) throw new Error(`cannot write /home/someone/secret/install/path.pdf`);
    pdfCalls.running++;
    pdfCalls.most = Math.max(pdfCalls.most, pdfCalls.running);
    await new Promise((r) => setTimeout(r, 30));
    pdfCalls.running--;
    return new Uint8Array([37, 80, 68, 70]);
  },
};

type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };
function request(
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
  srv = server,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: srv.port,
        path: target,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${srv.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.chunked && options.body) {
      // No content-length: the body arrives in pieces and must be counted.
      const body = Buffer.from(options.body);
      for (let i = 0; i < body.length; i += 256 * 1024) req.write(body.subarray(i, i + 256 * 1024));
      req.end();
    } else req.end(options.body);
  });
}

/** Opens the printed address (spending its code): the session cookie it sets, and the secret its redirect gives the page. */
async function signInWithSecret(srv: WebServer): Promise<{ cookie: string; secret: string }> {
  const r = await request(new URL(srv.url).pathname + new URL(srv.url).search, {}, srv);
  expect(r.status).toBe(302);
  return { cookie: String(r.headers['set-cookie']).split(';')[0], secret: /^\/#s=([\w-]+)$/.exec(String(r.headers.location))?.[1] ?? '' };
}

/** The headers of a call the page makes: the cookie, and the session's secret. */
const authed = () => ({ cookie: session, [SESSION_HEADER]: secret });
const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authed(), ...headers },
    body: encodeWire(input),
  });

beforeAll(async () => {
  db = openDatabase(':memory:');
  ctx.db = db;
  recordId = createRecord(db, ME, seedInput());
  server = await startWebServer(ctx, { rendererDir: root });
  ({ cookie: session, secret } = await signInWithSecret(server));
});
afterAll(async () => {
  await server.close();
  db.close();
});

describe('web mode: who may call', () => {
  it('prints one local address whose code is spent on first use, for an HttpOnly SameSite=Strict cookie', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]{20,}$/);
    expect(session).toMatch(new RegExp(`^yanshou-${server.port}=[\\w-]{30,}$`));
    const again = await request(new URL(server.url).pathname + new URL(server.url).search);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('已经用过或已过期');
  });

  it('sets the cookie HttpOnly, SameSite=Strict, for this server only', async () => {
    const other = await startWebServer(ctx, { rendererDir: root });
    try {
      const r = await request(new URL(other.url).pathname + new URL(other.url).search, {}, other);
      expect(String(r.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
      // Another server's session is no key here.
      const cookie = String(r.headers['set-cookie']).split(';')[0].replace(`yanshou-${other.port}`, `yanshou-${server.port}`);
      expect(
        (await request('/api/listRecords', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' })).status,
      ).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('(issue 21 #8) the cookie alone opens nothing: a call needs the secret the page was given with it, checked against that session', async () => {
    // What another program replaying the cookie (sent by the browser to any server on 127.0.0.1) can do: nothing.
    const cookieOnly = await request('/api/setStatus', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: encodeWire({ id: recordId, status: 'submitted', by: '外人' }),
    });
    expect(cookieOnly.status).toBe(403);
    expect(JSON.parse(cookieOnly.body).code).toBe('bad_session');
    // Another session's secret with this cookie: refused too.
    const second = await startWebServer(ctx, { rendererDir: root });
    const other = await signInWithSecret(second);
    await second.close();
    const mixed = await request('/api/listRecords', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session, [SESSION_HEADER]: other.secret },
      body: '{}',
    });
    expect(mixed.status).toBe(403);
    expect(db.prepare('SELECT status FROM records WHERE id = ?').pluck().get(recordId)).toBe('draft');
    // The page's own call, cookie and secret: answered.
    expect((await call('listRecords', {})).status).toBe(200);
    // The secret rides in the redirect's fragment (never sent to a server), not in a cookie or the body.
    const fresh = await startWebServer(ctx, { rendererDir: root });
    try {
      const r = await request(new URL(fresh.url).pathname + new URL(fresh.url).search, {}, fresh);
      expect(String(r.headers.location)).toMatch(/^\/#s=[\w-]{40,}$/);
      expect(String(r.headers['set-cookie'])).not.toContain(String(r.headers.location).slice(4));
      expect(r.body).toBe('');
    } finally {
      await fresh.close();
    }
  });

  it('(issue 21 #8) a session unused past the idle limit is over: 401 session_expired, then 403', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const short = await startWebServer(ctx, { rendererDir: root, sessionIdleMs: 60_000 });
    try {
      const { cookie, secret: key } = await signInWithSecret(short);
      const ask = () =>
        request(
          '/api/listRecords',
          { method: 'POST', headers: { 'content-type': 'application/json', cookie, [SESSION_HEADER]: key }, body: '{}' },
          short,
        );
      const wait = (ms: number) => vi.setSystemTime(Date.now() + ms);
      expect((await ask()).status).toBe(200);
      wait(50_000);
      expect((await ask()).status).toBe(200); // used: the idle time starts again
      wait(50_000);
      expect((await ask()).status).toBe(200);
      wait(61_000);
      const expired = await ask();
      expect(expired.status).toBe(401);
      expect(JSON.parse(expired.body).code).toBe('session_expired');
      expect((await ask()).status).toBe(403);
    } finally {
      vi.useRealTimers();
      await short.close();
    }
  });

  it('a code not used within 60 seconds is worth nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const late = await startWebServer(ctx, { rendererDir: root });
      vi.setSystemTime(Date.now() + CODE_LIFETIME_MS + 1000);
      expect((await request(new URL(late.url).pathname + new URL(late.url).search, {}, late)).status).toBe(403);
      await late.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('needs the session on every /api/ path, before routing: none → 401, another → 403, odd bytes → 403', async () => {
    for (const p of ['/api/getRecord', '/api/no-such-method', '/api/', '/api/%2e%2e/secret']) {
      expect((await request(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
      expect(
        (
          await request(p, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `yanshou-${server.port}=wrong-wrong-wrong-wrong-wrong-wrong-xx` },
            body: '{}',
          })
        ).status,
      ).toBe(403);
    }
    // As many characters as a real session, one of them a byte above ASCII (sent raw, as a client may).
    const length = session.split('=')[1].length;
    const raw = Buffer.concat([
      Buffer.from(
        `POST /api/listRecords HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\nCookie: yanshou-${server.port}=`,
      ),
      Buffer.from([0xe9]),
      Buffer.from(`${'a'.repeat(length - 1)}\r\n\r\n{}`),
    ]);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.end(raw));
      let text = '';
      socket.on('data', (c) => (text += c));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    expect((await call('listRecords', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await request('/', { headers: { host: `attacker.test:${server.port}` } })).status).toBe(403);
    expect((await call('listRecords', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('listRecords', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });
});

describe('web mode: the contract over HTTP', () => {
  it('routes every contract method to its handler (none is unknown, none crashes)', async () => {
    for (const method of METHODS) {
      if (method === 'waitForCommand' || method === 'undo' || method === 'redo') continue; // answered below (state-changing or waiting)
      const r = await call(method, {});
      expect([200, 400, 422], `${method} → ${r.status} ${r.body}`).toContain(r.status);
      expect(JSON.parse(r.body).code, method).not.toBe('unknown_method');
    }
    expect((await call('waitForCommand', {})).status).toBe(200);
    expect((await call('undo', {})).status).toBe(200);
    expect((await call('nope', {})).status).toBe(404);
  });

  it('validates input against the contract: a bad value is refused with the zod path, nothing written', async () => {
    const before = readRecord(db, recordId, { asOf: undefined }).record;
    const bad = await call('editCells', { recordId, table: 'disbursements', edits: [{ rowId: 'x', field: 'actual', value: '1' }] });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'invalid_input', details: [{ path: 'edits.0.rowId' }] });
    const refused = await call('editCells', {
      recordId,
      table: 'disbursements',
      edits: [{ rowId: readRecord(db, recordId, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '-5' }],
    });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body).message).toContain('不能为负数');
    expect(readRecord(db, recordId, { asOf: undefined }).record).toEqual(before);
  });

  it('a call sent again with the same request id (its answer was lost) is answered as before, not applied twice', async () => {
    const add = { recordId, edits: [], append: [{ line: 2, date: '2021-05-01', amount: '3', payee: '重发测试' }] };
    const payees = () => (readRecord(db, recordId, { asOf: undefined }).record.payments ?? []).filter((p) => p.payee === '重发测试');
    const first = await call('editPayments', add, { 'x-yanshou-client': 'tab-retry-1', 'x-yanshou-request': 'request-0001' });
    const again = await call('editPayments', add, { 'x-yanshou-client': 'tab-retry-1', 'x-yanshou-request': 'request-0001' });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    expect(payees()).toHaveLength(1);
    // A new request (another id) is a new payment; so is one from another tab with the same id.
    await call('editPayments', add, { 'x-yanshou-client': 'tab-retry-1', 'x-yanshou-request': 'request-0002' });
    await call('editPayments', add, { 'x-yanshou-client': 'tab-retry-2', 'x-yanshou-request': 'request-0001' });
    expect(payees()).toHaveLength(3);
  });

  it('figures as of "today" are of the browser’s day (x-yanshou-day), not the server’s; a malformed day is not taken', async () => {
    // A browser whose day is not the server's, where someone lives now: a day ahead at UTC+14 (Kiritimati) or, while
    // that is the server's day too, a day behind at UTC−11 (Pago Pago). A payment is dated the later of the two days.
    const dayIn = (timeZone?: string) => new Date().toLocaleDateString('sv-SE', { timeZone });
    const serverDay = dayIn();
    const pageDay = dayIn('Pacific/Kiritimati') !== serverDay ? dayIn('Pacific/Kiritimati') : dayIn('Pacific/Pago_Pago');
    expect(pageDay).not.toBe(serverDay);
    const paidOn = pageDay > serverDay ? pageDay : serverDay;
    const input = seedInput();
    const id = createRecord(db, ME, { ...input, county: { ...input.county, name: '明日县', acceptedOn: null } });
    try {
      // Typed by someone whose day it is (a payment after the person's day is refused).
      editPayments(db, { ...ME, today: paidOn }, id, [], [{ line: 1, date: paidOn, amount: '50' }]);
      const shown = async (headers: Record<string, string>) => {
        const r = JSON.parse((await call('getRecord', { id }, headers)).body) as {
          record: { asOf: string; disbursements: { actual: string }[] };
        };
        return [r.record.asOf, r.record.disbursements[0].actual];
      };
      const asOf = (day: string) => [day, day >= paidOn ? '50' : '0'];
      expect(await shown({ 'x-yanshou-day': pageDay })).toEqual(asOf(pageDay));
      expect(await shown({})).toEqual(asOf(serverDay));
      expect(await shown({ 'x-yanshou-day': 'tomorrow' })).toEqual(asOf(serverDay));
      const listed = JSON.parse((await call('listRecords', {}, { 'x-yanshou-day': pageDay })).body) as { id: number; asOf?: string }[];
      expect(listed.find((r) => r.id === id)).toMatchObject({ asOf: pageDay });
    } finally {
      db.prepare('DELETE FROM records WHERE id = ?').run(id);
    }
  });

  it('a browser whose clock says 2030 is told its date is wrong (422, naming both days); its payment dated 2030 is not kept', async () => {
    const serverDay = new Date().toLocaleDateString('sv-SE');
    const input = seedInput();
    const id = createRecord(db, ME, { ...input, county: { ...input.county, name: '钟表县', acceptedOn: null } });
    try {
      const add = { recordId: id, edits: [], append: [{ line: 1, date: '2030-06-01', amount: '100' }] };
      const r = await call('editPayments', add, { 'x-yanshou-client': 'tab-clock-2030', 'x-yanshou-day': '2030-06-01' });
      expect([r.status, JSON.parse(r.body).message]).toEqual([
        422,
        `您电脑的日期 2030-06-01 与服务器的日期 ${serverDay} 相差太远,请先校正电脑日期`,
      ]);
      expect((await call('getRecord', { id }, { 'x-yanshou-day': '2099-12-31' })).status).toBe(422);
      const shown = JSON.parse((await call('getRecord', { id })).body) as { record: { payments?: unknown[] } };
      expect(shown.record.payments ?? []).toEqual([]);
    } finally {
      db.prepare('DELETE FROM records WHERE id = ?').run(id);
    }
  });

  it('answers a record or a row that is not there with 404, never 500', async () => {
    expect((await call('getRecord', { id: 99_999 })).status).toBe(404);
    expect((await call('deleteRows', { recordId: 99_999, table: 'items', rowIds: [1] })).status).toBe(404);
    expect((await call('deleteRows', { recordId, table: 'items', rowIds: [999_999] })).status).toBe(404);
    const ids = readRecord(db, recordId, { asOf: undefined }).itemIds;
    const twice = await call('deleteRows', { recordId, table: 'items', rowIds: [ids[0], ids[0]] });
    expect(twice.status).toBe(200);
    expect(readRecord(db, recordId, { asOf: undefined }).record.items).toHaveLength(5);
    expect((await call('undo', {})).status).toBe(200);
  });

  it('an unexpected failure says "internal" with a reference, never a path or a stack', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const id = createRecord(db, ME, { ...seedInput(), county: { ...seedInput().county, name: 'FAIL-PDF县' } });
    const r = await call('exportPdf', { ids: [id], script: 'hans' });
    expect(r.status).toBe(500);
    const body = JSON.parse(r.body);
    expect(body.code).toBe('internal');
    expect(r.body).not.toContain('/home/');
    expect(r.body).not.toMatch(/\bat .*:\d+:\d+/);
    vi.restoreAllMocks();
  });

  it('names the files in the script of the document', async () => {
    const name = async (method: string, script: string) =>
      (await import('../../../shared/wire')).decodeWire((await call(method, { ids: [recordId], script })).body) as { fileName: string };
    expect((await name('exportWorkbook', 'hans')).fileName).toBe('樟树市-第8批-验收表.xlsx');
    expect((await name('exportWorkbook', 'hant')).fileName).toBe('樟树市-第8批-驗收表(繁).xlsx');
    expect((await name('exportPdf', 'hant')).fileName).toBe('樟树市-第8批-驗收表(繁).pdf');
  });

  it('renders PDFs one at a time, however many are asked for at once', async () => {
    pdfCalls.most = 0;
    const replies = await Promise.all(Array.from({ length: 6 }, () => call('exportPdf', { ids: [recordId], script: 'hans' })));
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(pdfCalls.most).toBe(1);
  });
});

describe('web mode: bodies capped before they are read', () => {
  it('answers 413 for a declared length over the cap (1 MB for calls, 20 MB for imports)', async () => {
    const big = Buffer.alloc(BODY_LIMITS.other + 1, 0x20);
    const declared = await request('/api/listRecords', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authed() },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ code: 'too_large' });
    const importSized = Buffer.from(
      encodeWire({ files: [{ name: 'a.xlsx', bytes: new Uint8Array(2 * 1024 * 1024) }], onConflict: 'fail', dryRun: true }),
    );
    expect(
      (
        await request('/api/importWorkbooks', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...authed() },
          body: importSized,
        })
      ).status,
    ).toBe(422);
  });

  it('takes a paste of 5000 payments (the contract’s maximum) with ordinary payees and notes', async () => {
    const append = Array.from({ length: 5000 }, (_, i) => ({
      line: '6',
      date: '2022-01-01',
      amount: '0.01',
      payee: '某某物流有限公司'.repeat(5),
      voucher: `V${i}`,
      note: '备注'.repeat(10),
    }));
    const payments = () => readRecord(db, recordId, { asOf: undefined }).record.payments ?? [];
    const before = payments().length;
    const pasted = await call('editPayments', { recordId, edits: [], append });
    expect(pasted.status).toBe(200);
    expect(payments()).toHaveLength(before + 5000);
  });

  it('refuses a body whose text is not valid UTF-8 (400), storing nothing', async () => {
    const line1 = readRecord(db, recordId, { asOf: undefined }).disbursementIds[0];
    const before = readRecord(db, recordId, { asOf: undefined }).record.disbursements[0].name;
    const head = `{"recordId":${recordId},"table":"disbursements","edits":[{"rowId":${line1},"field":"name","value":"`;
    const r = await request('/api/editCells', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authed() },
      body: Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')]),
    });
    expect([r.status, JSON.parse(r.body).messages.zh]).toEqual([400, '请求中的文字不是有效的 UTF-8 编码,未做任何改动']);
    expect(readRecord(db, recordId, { asOf: undefined }).record.disbursements[0].name).toBe(before);
  });

  it('answers 413, not a reset, for a body without a length that grows past the cap', async () => {
    const r = await request('/api/importWorkbooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authed() },
      body: Buffer.alloc(BODY_LIMITS.importWorkbooks + 1024 * 1024, 0x20),
      chunked: true,
    });
    expect(r.status).toBe(413);
  });
});

describe('web mode: files', () => {
  it('serves the built renderer with a strict CSP', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request('/api/listRecords', { headers: authed() })).status).toBe(405);
  });

  it('serves nothing outside the renderer folder, however the path is written', async () => {
    for (const p of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/a/..%2f..%2fsecret.txt']) {
      const r = await request(p);
      expect([403, 404], `${p} → ${r.status}`).toContain(r.status);
      expect(r.body).not.toContain('the secret');
    }
  });

  it('answers a NUL in the path with 400, naming no path of this machine', async () => {
    for (const p of ['/%00', '/index.html%00.js', '/%2500']) {
      const r = await request(p);
      expect([400, 404]).toContain(r.status);
      expect(r.body).not.toContain(outside);
    }
  });
});
