// End-to-end: the real `yanshou web` command on a fresh database, driven in Debian's Chromium.
// Every test gets its own app (its own data file, server and browser context), so tests do not
// depend on one another or on their order; a test file shares one browser process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, tempDir, ME } from '../helpers/fixtures';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord } from '../../electron/services/store/records';
import type { RecordInput } from '../../shared/record';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export type App = {
  url: string;
  db: string;
  page: Page;
  browser: Browser;
  /** Errors thrown in the page (uncaught exceptions, unhandled rejections) since it opened. */
  pageErrors: string[];
  /** Closes the page and the server; fails if the page threw meanwhile. */
  stop: () => Promise<void>;
};
export type AppOptions = {
  /** Add the demo record 樟树市 first (as `yanshou demo` does). Default true. */
  demo?: boolean;
  /** Records written to the data file before the app starts (by another client than the page). */
  records?: RecordInput[];
  viewport?: { width: number; height: number };
  /** A browser to open the page in (one per test file); otherwise the app launches its own. */
  browser?: Browser;
  /** The page's time zone (its day may not be the server's). */
  timezoneId?: string;
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Starts `yanshou web` on a new database (with the demo record unless told not to), and opens it. */
export async function startApp(options: AppOptions = {}): Promise<App> {
  const db = path.join(tempDir('yanshou-e2e-'), 'e2e.sqlite');
  if (options.demo !== false) spawnSync(process.execPath, [BIN, 'demo', '--db', db], { cwd: ROOT });
  if (options.records?.length) {
    const store = openDatabase(db);
    for (const input of options.records) createRecord(store, ME, input);
    store.close();
  }
  const child: ChildProcess = spawn(process.execPath, [BIN, 'web', '--db', db, '--no-open', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const browser = options.browser ?? (await launchBrowser());
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 1000 },
    acceptDownloads: true,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  // An error thrown in the page fails the test that caused it (stop() and appPerTest's afterEach say so).
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
  const inFlight = new Set<unknown>();
  page.on('request', (r) => r.url().includes('/api/') && inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  IN_FLIGHT.set(page, inFlight);
  if (process.env.YANSHOU_E2E_TRACE) {
    page.on(
      'request',
      (r) => r.url().includes('/api/') && console.log('>>', Date.now() % 100000, r.url().split('/api/')[1], r.postData()?.slice(0, 120)),
    );
    page.on('response', (r) => r.url().includes('/api/') && console.log('<<', Date.now() % 100000, r.url().split('/api/')[1]));
  }
  await page.goto(url);
  return {
    url,
    db,
    page,
    browser,
    pageErrors,
    stop: async () => {
      await context.close();
      if (!options.browser) await browser.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (pageErrors.length) throw new Error(`The page threw during this test:\n${pageErrors.join('\n')}`);
    },
  };
}

const IN_FLIGHT = new WeakMap<Page, Set<unknown>>();

/**
 * The page has settled: no call to the server in flight, twice in a row a frame apart (a call
 * answered may start another). For a test that checks something stays as it is once the app is
 * done, instead of a fixed sleep.
 */
export async function settled(page: Page): Promise<void> {
  const idle = async () => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return IN_FLIGHT.get(page)?.size ?? 0;
  };
  await expect.poll(async () => (await idle()) + (await idle()), { timeout: 15_000 }).toBe(0);
}

/**
 * For a test file: one browser, and before each test a new app (new data file, server, page)
 * showing its first record. Returns a getter for the current test's app.
 */
export function appPerTest(options: Omit<AppOptions, 'browser'> | (() => Omit<AppOptions, 'browser'>) = {}): () => App {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    app = await startApp({ ...(typeof options === 'function' ? options() : options), browser });
    await app.page.locator('.toolbar').waitFor();
  });
  afterEach(async () => {
    const stopping = app;
    app = undefined;
    await stopping?.stop();
  });
  return () => app!;
}

/** The grid's rows have loaded. */
export async function gridReady(page: Page, table = 'disbursements'): Promise<void> {
  await page.locator(`.table-block[data-table="${table}"] .ag-row`).first().waitFor();
}

/** A grid cell: table 'items' | 'disbursements', a row index or 'total', a column id. */
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

/** Pastes text as Excel puts it on the clipboard, where the keyboard is (the focused cell). */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Copies where the keyboard is: what lands on the clipboard, as text and HTML. */
export async function copy(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return { text: data.getData('text/plain'), html: data.getData('text/html') };
  });
}

/** Calls the contract as another client would (a setup step, not in this page's undo history). */
export async function callApi<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-yanshou-session': sessionStorage.getItem('yanshou-session') ?? '',
          'x-yanshou-client': 'e2e-setup',
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${m}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** The saved state the status bar shows has settled to 已保存. */
export async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 15_000 }).toBe('已保存');
}
