// A long export must not stall the server: while a 1,000-county workbook is being made, the list of
// records is still answered. Asserted by order (a list answered before the export is), not by a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { writeTransaction } from '../../../electron/services/store/busy';
import { SESSION_HEADER, startWebServer, type WebServer } from '../../../electron/web/server';
import { renderPdf } from '../../../electron/services/print/pdf';
import { decodeWire, encodeWire } from '../../../shared/wire';
import { manyCounties } from '../../fixtures/counties';
import { tempDir, ME } from '../../helpers/fixtures';

const COUNTIES = 1000;
let db: DB;
let server: WebServer;
let session: string;
let ids: number[];
let secret: string;

function request(
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: target,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (method: string, input: unknown) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session, [SESSION_HEADER]: secret },
    body: encodeWire(input),
  });

beforeAll(async () => {
  const dir = tempDir();
  const root = path.join(dir, 'renderer');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  db = openDatabase(path.join(dir, 'many.sqlite'));
  ids = writeTransaction(db, () => manyCounties(COUNTIES).map((r) => createRecord(db, ME, r)));
  server = await startWebServer({ db, dbFile: 'many.sqlite', version: 'test', renderPdf }, { rendererDir: root, heavyOffThread: true });
  const url = new URL(server.url);
  const r = await request(url.pathname + url.search);
  session = String(r.headers['set-cookie']).split(';')[0];
  // The page's secret comes in the redirect's fragment; the cookie alone opens nothing.
  secret = /^\/#s=([\w-]+)$/.exec(String(r.headers.location))?.[1] ?? '';
});
afterAll(async () => {
  await server.close();
  db.close();
});

describe('web mode: a long export does not stall other requests', () => {
  it(`answers listRecords while an export of ${COUNTIES} counties runs, and the export is whole`, async () => {
    let exported = false;
    const exporting = call('exportWorkbook', { ids, script: 'hans' }).then((r) => {
      exported = true;
      return r;
    });
    // Lists asked for one after another while the export runs: at least one is answered before it.
    const answeredDuring: number[] = [];
    while (!exported) {
      const list = await call('listRecords', {});
      expect(list.status).toBe(200);
      if (!exported) answeredDuring.push((decodeWire(list.body) as unknown[]).length);
    }
    expect(answeredDuring.length).toBeGreaterThan(0);
    expect(answeredDuring[0]).toBe(COUNTIES);
    const done = await exporting;
    expect(done.status).toBe(200);
    const { fileName, bytes } = decodeWire(done.body) as { fileName: string; bytes: Uint8Array };
    expect(fileName).toBe(`验收表-${COUNTIES}县.xlsx`);
    // A zip (the workbook), of every county's sheet: far larger than one county's.
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(bytes.length).toBeGreaterThan(500_000);
  });
});
