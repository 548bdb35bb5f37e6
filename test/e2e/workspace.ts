// A team workspace for the e2e tests: `yanshou serve` on a data file of its own holding the records given and
// two accounts — 樟树填报员 (county officer of 樟树市) and 省厅验收员 (province reviewer of 江西省) — and people
// signed in through its login page, each in a browser context of their own (another login, as another PC).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord } from '../../electron/services/store/records';
import { addUser } from '../../electron/services/accounts';
import { OWNER } from '../../shared/accounts';
import type { RecordInput } from '../../shared/record';
import { ME, ROOT, tempDir } from '../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const PASSWORD = 'correct horse battery staple';

/** Starts `yanshou serve --db file` on a free port: the server and its address. */
async function startServe(file: string): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, [BIN, 'serve', '--db', file, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`yanshou serve exited ${code}`)));
  });
  return { server, base };
}

/**
 * For a test file: the workspace, started before its tests and stopped after. `ids`: the records' ids, in
 * order; `logIn`: opens the app in a new browser context, through the login page, back in the app.
 */
export function workspacePerFile(records: () => RecordInput[]) {
  const file = path.join(tempDir('yanshou-e2e-'), 'workspace.sqlite');
  const ids: number[] = [];
  let server: ChildProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    const db = openDatabase(file);
    for (const input of records()) ids.push(createRecord(db, ME, input));
    await addUser(db, OWNER, { name: '樟树填报员', role: 'county', scope: '江西省/宜春市/樟树市', password: PASSWORD });
    await addUser(db, OWNER, { name: '省厅验收员', role: 'province', scope: '江西省', password: PASSWORD });
    db.close();
    ({ server, base } = await startServe(file));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });
  const logIn = async (name: string): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('用户名').fill(name);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByTestId('user').innerText()).toContain(name);
    return page;
  };
  return { file, ids, logIn };
}
