import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { decodeWire, encodeWire } from '../../../shared/wire';
import { METHODS } from '../../../shared/contract';
import { seedInput, tempDir, ME } from '../../helpers/fixtures';

let db: DB;
let server: WebServer;
let recordId: number;
const root = tempDir();
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');

beforeAll(async () => {
  db = openDatabase(':memory:');
  recordId = createRecord(db, ME, seedInput());
  server = await startWebServer({ db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() }, { rendererDir: root });
});
afterAll(async () => {
  await server.close();
  db.close();
});

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers }, body: encodeWire(input) });

describe('web mode server', () => {
  it('listens on 127.0.0.1 and prints one address with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers every contract method through the same dispatch', async () => {
    const r = await call('getRecord', { id: recordId });
    expect(r.status).toBe(200);
    expect((decodeWire(r.body) as { record: { totals: { rate: string } } }).record.totals.rate).toBe('82.40');
    expect(METHODS).toContain('editCells');
  });

  it('needs the token on every /api/ path, before routing: none → 401, wrong → 403', async () => {
    for (const p of ['/api/getRecord', '/api/no-such-method', '/api/', '/api/%2e%2e/secret']) {
      expect((await request(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
      expect((await request(p, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-token-wrong-token-xx' }, body: '{}' })).status).toBe(403);
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    expect((await call('listRecords', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await request('/', { headers: { host: `attacker.test:${server.port}` } })).status).toBe(403);
    expect((await call('listRecords', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('listRecords', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('validates input against the contract: a bad value is refused with the zod path, nothing written', async () => {
    const before = readRecord(db, recordId).record;
    const bad = await call('editCells', { recordId, table: 'disbursements', edits: [{ rowId: 'x', field: 'actual', value: '1' }] });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'invalid_input', details: [{ path: 'edits.0.rowId' }] });
    const refused = await call('editCells', { recordId, table: 'disbursements', edits: [{ rowId: readRecord(db, recordId).disbursementIds[0], field: 'actual', value: '-5' }] });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body).message).toContain('不能为负数');
    expect(readRecord(db, recordId).record).toEqual(before);
  });

  it('says so in one line when the port is taken', async () => {
    await expect(startWebServer({ db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() }, { rendererDir: root, port: server.port })).rejects.toMatchObject({ code: 'port_in_use' });
  });

  it('serves only the built renderer, with a strict CSP, and nothing outside it', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request('/../secret.txt')).status).not.toBe(200);
    expect((await request('/%2e%2e/%2e%2e/etc/passwd')).status).not.toBe(200);
    expect((await request('/api/listRecords', { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });
});
