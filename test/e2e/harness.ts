// End-to-end: the real `yanshou web` command on a fresh database, driven in Debian's Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, tempDir } from '../helpers/fixtures';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BIN = path.join(ROOT, 'electron/cli/bin.mjs');

export type App = { url: string; db: string; page: Page; browser: Browser; stop: () => Promise<void> };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Starts `yanshou web` on a new database holding the demo record, and opens it. */
export async function startApp(options: { demo?: boolean; lang?: 'zh' | 'en' } = {}): Promise<App> {
  const db = path.join(tempDir('yanshou-e2e-'), 'e2e.sqlite');
  if (options.demo !== false) spawnSync(process.execPath, [BIN, 'demo', '--db', db], { cwd: ROOT });
  const child: ChildProcess = spawn(process.execPath, [BIN, 'web', '--db', db, '--no-open', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?code=\S+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (c) => (err += c));
    child.on('exit', (code) => reject(new Error(`yanshou web exited ${code}: ${err}`)));
  });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (process.env.YANSHOU_E2E_TRACE) {
    page.on('request', (r) => r.url().includes('/api/') && console.log('>>', Date.now() % 100000, r.url().split('/api/')[1], r.postData()?.slice(0, 120)));
    page.on('response', (r) => r.url().includes('/api/') && console.log('<<', Date.now() % 100000, r.url().split('/api/')[1]));
  }
  await page.goto(url);
  return {
    url, db, page, browser,
    stop: async () => {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The text of a grid cell: table 'items' | 'disbursements', a row index or 'total', a column id. */
export function cell(page: Page, table: string, row: number | 'total', col: string) {
  const grid = page.locator(`.table-block[data-table="${table}"]`);
  const rowSel = row === 'total' ? '.ag-row-pinned.total-row' : `.ag-row:not(.ag-row-pinned)[row-index="${row}"]`;
  return grid.locator(`${rowSel} .ag-cell[col-id="${col}"]`);
}

export async function cellTexts(page: Page, table: string, col: string, rows: number): Promise<string[]> {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push((await cell(page, table, r, col).innerText()).trim());
  return out;
}
