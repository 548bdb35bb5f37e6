// The overview with 1,000 records in Chromium: the list as the server makes it, the time from a
// click on 总览 to the table and charts on screen, and a sort (a click on a header → the rows in
// their new order on screen), a filter and a search.
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord, listRecords } from '../../electron/services/store/records';
import { writeTransaction } from '../../electron/services/store/busy';
import { launchBrowser } from '../e2e/harness';
import { manyCounties } from '../fixtures/counties';
import { ROOT, tempDir, ME } from '../helpers/fixtures';

const RECORDS = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

/** Milliseconds from `act` (run in the page) until `done` holds, counted in the page, to the frame it shows in. */
async function timed(page: Page, act: string, done: string): Promise<number> {
  return page.evaluate(
    async ([a, d]) => {
      const check = new Function(`return (${d})`) as () => boolean;
      const start = performance.now();
      new Function(a)();
      while (!check()) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    },
    [act, done] as const,
  );
}

const FIRST_ROW = `document.querySelector('.overview-grid .ag-row[row-index="0"] [col-id="county"]')?.textContent`;

export async function benchOverview(): Promise<void> {
  const db = path.join(tempDir(), 'overview.sqlite');
  const store = openDatabase(db);
  writeTransaction(store, () => manyCounties(RECORDS).forEach((r) => createRecord(store, ME, r)));
  const list: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    listRecords(store, { asOf: undefined });
    list.push(performance.now() - t0);
  }
  store.close();
  console.log(`Overview: ${RECORDS} records`);
  console.log(`  listRecords in the store (figures, checks, status of each)  ${ms(median(list))} (median of 5)`);

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
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(url);
    const open: number[] = [];
    const sort: number[] = [];
    const filter: number[] = [];
    const search: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.locator('.toolbar').waitFor();
      await page.getByRole('tab', { name: '记录' }).click();
      await page.locator('.content h2.title').waitFor();
      // Click 总览 → the rows and the three charts on screen (the first time includes loading the overview's code).
      open.push(
        await timed(
          page,
          `[...document.querySelectorAll('.toolbar [role=tab]')].find((b) => b.textContent === '总览').click()`,
          `!!document.querySelector('.overview-grid .ag-row.county-row') && document.querySelectorAll('[data-chart] svg').length === 3 && document.querySelector('[data-chart="rates"]').getAttribute('data-counties') === '${RECORDS}'`,
        ),
      );
      // A click on 拨付率 sorts (ascending, descending, back): the first row changes.
      for (let i = 0; i < 3; i++) {
        const before = await page.evaluate(FIRST_ROW);
        sort.push(
          await timed(
            page,
            `document.querySelector('.overview-grid .ag-header-cell[col-id="rate"] .ag-header-cell-label').click()`,
            `${FIRST_ROW} !== ${JSON.stringify(before)}`,
          ),
        );
      }
      // A filter (one province) and a search (initials): the table, its subtotals and the charts follow.
      const province = await page.locator('select[name="province"] option').nth(3).getAttribute('value');
      filter.push(
        await timed(
          page,
          `const s = document.querySelector('select[name="province"]'); const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set; set.call(s, ${JSON.stringify(province)}); s.dispatchEvent(new Event('change', { bubbles: true }));`,
          `document.querySelector('[data-chart="rates"]').getAttribute('data-counties') !== '${RECORDS}'`,
        ),
      );
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.locator(`[data-chart="rates"][data-counties="${RECORDS}"]`).waitFor();
      search.push(
        await timed(
          page,
          `const s = document.querySelector('input[name="overview-search"]'); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(s, 'sf1'); s.dispatchEvent(new Event('input', { bubbles: true }));`,
          `document.querySelector('[data-chart="rates"]').getAttribute('data-counties') !== '${RECORDS}'`,
        ),
      );
      await page.getByRole('button', { name: '清除筛选' }).click();
    }
    console.log(
      `  click 总览 → table and charts on screen: first ${ms(open[0])}, then ${ms(median(open.slice(1)))} (median of ${open.length - 1})`,
    );
    console.log(
      `  sort by 拨付率 (click → rows in order on screen)            ${ms(median(sort))} (median of ${sort.length}; slowest ${sort.reduce((a, b) => Math.max(a, b)).toFixed(0)} ms)`,
    );
    console.log(`  filter by a province (table, subtotals, charts)            ${ms(median(filter))} (median of ${filter.length})`);
    console.log(`  search by initials “sf1” (table, subtotals, charts)        ${ms(median(search))} (median of ${search.length})`);
    await context.close();
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
