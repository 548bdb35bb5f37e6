// The grid with 2,000 disbursement lines in Chromium: time to first render, and time from typing
// a value to the new rate and 合计 on screen.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord } from '../../electron/services/store/records';
import type { Browser, Cookie } from 'playwright-core';
import { launchBrowser } from '../e2e/harness';
import { RENDERER_DIST } from '../../electron/services/paths';
import { ROOT, seedInput, tempDir, ME } from '../helpers/fixtures';

const LINES = 2000;

/**
 * Signs in once with the one-time address `yanshou web` printed, and returns the app's address (with
 * the session's secret in its fragment) and the session cookie, so that every measured page can start in a new, empty browser context.
 */
async function signIn(browser: Browser, url: string): Promise<{ app: string; cookies: Cookie[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  // The one-time address redirects to the app with the session's secret in the fragment (#s=…), which
  // the tab keeps for itself: every measured page opens the app with it.
  const secret = await page.waitForFunction(() => sessionStorage.getItem('yanshou-session'));
  const app = `${new URL('/', url).href}#s=${String(await secret.jsonValue())}`;
  const cookies = await context.cookies();
  await context.close();
  return { app, cookies };
}

/** What the browser must fetch before the first screen: the HTML, its script and its styles. */
function firstLoad(): { bytes: number; gzip: number; grid: { bytes: number; gzip: number } } {
  const html = fs.readFileSync(path.join(RENDERER_DIST, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const sizes = (files: string[]) => {
    const bufs = files.map((f) => fs.readFileSync(path.join(RENDERER_DIST, f)));
    return { bytes: bufs.reduce((n, b) => n + b.length, 0), gzip: bufs.reduce((n, b) => n + zlib.gzipSync(b).length, 0) };
  };
  // The grid's chunk and what it imports beyond the first load (AG Grid is a chunk of its own,
  // shared with the overview's table).
  const tableGrid = fs
    .readdirSync(path.join(RENDERER_DIST, 'assets'))
    .filter((f) => f.startsWith('TableGrid'))
    .map((f) => `assets/${f}`);
  const imported = tableGrid.flatMap((f) =>
    [...fs.readFileSync(path.join(RENDERER_DIST, f), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => `assets/${m[1]}`),
  );
  const grid = [...new Set([...tableGrid, ...imported])].filter((f) => !first.includes(f));
  return { ...sizes(['index.html', ...first]), grid: sizes(grid) };
}

async function timeToFirstGrid(): Promise<number[]> {
  const db = path.join(tempDir(), 'seed.sqlite');
  const store = openDatabase(db);
  createRecord(store, ME, seedInput());
  store.close();
  const child = spawn(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'web', '--db', db, '--no-open'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout!.on('data', (c) => {
      const m = /http:\S+/.exec(String(c));
      if (m) resolve(m[0]);
    }),
  );
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    const { app, cookies } = await signIn(browser, url);
    for (let run = 0; run < 5; run++) {
      // A new context each time: nothing cached, as on a first start.
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(app);
      await page
        .locator('.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)[row-index="0"] .ag-cell[col-id="actual"]')
        .waitFor();
      times.push(Date.now() - t0);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

export async function benchUi(): Promise<void> {
  const load = firstLoad();
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log('UI: the renderer (Vite build, split)');
  console.log(`  first load (HTML, script, styles)      ${kib(load.bytes).padStart(9)}  (${kib(load.gzip)} gzip)`);
  console.log(`  the grid's chunk (AG Grid), in parallel ${kib(load.grid.bytes).padStart(9)}  (${kib(load.grid.gzip)} gzip)`);
  const firstSeed = await timeToFirstGrid();
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `  the seed: load → first grid row on screen, new browser context  ${med(firstSeed).toFixed(0).padStart(6)} ms (median of 5: ${firstSeed.join(', ')})`,
  );
  const seedTyping = med((await typingOn(seedDb())).typing);
  console.log(
    `  the seed (6 lines): typing a value → new rate and 合计 on screen  ${seedTyping.toFixed(0).padStart(6)} ms (median of 3)  ${frames(seedTyping)}`,
  );
  const db = path.join(tempDir(), 'bench.sqlite');
  const store = openDatabase(db);
  const input = seedInput();
  input.disbursements = Array.from({ length: LINES }, (_, i) => ({
    seq: i + 1,
    category: 'logistics' as const,
    name: `物流配送项目 ${i + 1}`,
    planned: String(100 + (i % 50)),
    actual: `${50 + (i % 40)}.${String(i % 100).padStart(2, '0')}`,
  }));
  createRecord(store, ME, input);
  store.close();
  const { first, typing } = await typingOn(db);
  const median = med;
  console.log(`UI: a record with ${LINES} disbursement lines in Chromium (median of 3)`);
  console.log(`  time to first render (load → grid and 合计 on screen)   ${median(first).toFixed(0).padStart(6)} ms`);
  console.log(
    `  typing a value → new rate and 合计 on screen           ${median(typing).toFixed(0).padStart(6)} ms  ${frames(median(typing))}`,
  );
}

/** A time against its yardstick, one frame at 60 Hz. */
const frames = (ms: number) => `${(ms / 16).toFixed(2)}× one frame (16 ms; aim ≤ 1×)`;

function seedDb(): string {
  const db = path.join(tempDir(), 'seed-typing.sqlite');
  const store = openDatabase(db);
  createRecord(store, ME, seedInput());
  store.close();
  return db;
}

/** Three fresh pages: load → first render, then a value typed into 实际拨付额度 → the new 合计 on screen. */
async function typingOn(db: string): Promise<{ first: number[]; typing: number[] }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'web', '--db', db, '--no-open'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout!.on('data', (c) => {
      const m = /http:\S+/.exec(String(c));
      if (m) resolve(m[0]);
    }),
  );
  const browser = await launchBrowser();
  try {
    const first: number[] = [];
    const typing: number[] = [];
    const session = await signIn(browser, url);
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      await context.addCookies(session.cookies);
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(session.app);
      const totalCell = page.locator('.table-block[data-table="disbursements"] .ag-row-pinned.total-row .ag-cell[col-id="actual"]');
      await totalCell.waitFor();
      await page
        .locator('.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)[row-index="0"] .ag-cell[col-id="actual"]')
        .waitFor();
      first.push(Date.now() - t0);
      const before = await totalCell.innerText();
      await page
        .locator('.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)[row-index="0"] .ag-cell[col-id="actual"]')
        .click();
      await page.keyboard.type(String(90 + run));
      const ms = await page.evaluate(async (old) => {
        const cell = document.querySelector('.table-block[data-table="disbursements"] .ag-row-pinned.total-row .ag-cell[col-id="actual"]')!;
        const start = performance.now();
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        while (cell.textContent === old) await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - start;
      }, before);
      typing.push(ms);
      await context.close();
    }
    return { first, typing };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
