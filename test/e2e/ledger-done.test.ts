// Issue 15, done when: the seed's line 1 (640.21 of 775), entered as two payments — 300 on 2021-12-01
// and 340.21 on 2022-06-30 — shows 300 / 38.71% as of 2022-01-01 and 640.21 / 82.61% as of 2022-07-01,
// in the app (Chromium), the CLI (its own process, on the same data file), the PDF saved from the
// app (pdftotext) and the workbook exported from the app (read back with exceljs).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { appPerTest, cell, gridReady, saved } from './harness';
import { ROOT, tempDir } from '../helpers/fixtures';

const app = appPerTest();
/** What a person waits to see: given time on a busy machine (the polling ends as soon as it is there). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const LINE_1 = '县乡村物流快递配送体系建设';

/** 数字截至: typed as a person types it, kept with Enter. */
async function asOf(page: Page, day: string) {
  const field = page.getByTestId('as-of');
  await field.fill(day);
  await field.press('Enter');
  await poll(() => field.inputValue()).toBe(day);
}

async function appShows(page: Page) {
  await page.getByRole('tab', { name: '验收表' }).click();
  return {
    actual: (await cell(page, 'disbursements', 0, 'actual').innerText()).trim(),
    rate: (await cell(page, 'disbursements', 0, 'rate').innerText()).trim(),
  };
}

function cliShows(db: string, day: string) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'electron/cli/bin.mjs'), 'show', '--db', db, '--county', '樟树市', '--as-of', day, '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  const line = JSON.parse(r.stdout).disbursements[0];
  return { actual: line.actual, rate: line.rate };
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const to = path.join(tempDir(), file.suggestedFilename());
  await file.saveAs(to);
  return to;
}

/** The PDF saved from the print preview: line 1's row as pdftotext reads it. */
async function pdfShows(page: Page): Promise<string> {
  await page.getByRole('button', { name: '打印预览' }).click();
  const pdf = await download(page, () => page.getByRole('button', { name: '另存为 PDF' }).click());
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return text.slice(text.indexOf(LINE_1), text.indexOf(LINE_1) + LINE_1.length + 30);
}

/** The workbook exported from the app: line 1's amount and rate as exceljs reads its cells. */
async function exportShows(page: Page) {
  await page.getByRole('button', { name: '导出…' }).click();
  const file = await download(page, () => page.getByRole('dialog').getByRole('button', { name: '导出' }).click());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  let row!: ExcelJS.Row;
  wb.getWorksheet('樟树市')!.eachRow((r) => void (r.getCell(2).value === LINE_1 && (row = r)));
  // 实际拨付额度 of a line with payments is a live SUMIFS over the 拨付台账 sheet; its cached result is the day's sum.
  const actual = row.getCell(4).value as ExcelJS.CellFormulaValue;
  expect(actual.formula).toMatch(/^SUMIFS\('拨付台账'!/);
  return { actual: actual.result, rate: (row.getCell(5).value as ExcelJS.CellFormulaValue).result };
}

describe('the done-when scenario', () => {
  it('line 1 paid 300 on 2021-12-01 and 340.21 on 2022-06-30: 300 / 38.71% as of 2022-01-01 and 640.21 / 82.61% as of 2022-07-01, in the app, the CLI, the PDF and the export', async () => {
    const { page, db } = app();
    await gridReady(page);
    await page.getByTestId('ledger-tab').click();
    await page.getByRole('button', { name: '添加一笔' }).click();
    // Two payments typed at the keyboard: 序号, Tab, 日期, Tab, 金额, Tab, 收款单位, then Tab past 凭证号,
    // 阶段 and 备注 (the last cell) starts the next.
    for (const payment of [
      ['1', '2021-12-01', '300', '樟树市邮政分公司'],
      ['1', '2022-06-30', '340.21', '樟树市邮政分公司'],
    ]) {
      for (const value of payment) {
        await page.keyboard.type(value);
        await page.keyboard.press('Tab');
      }
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    }
    await saved(page);

    await asOf(page, '2022-01-01');
    await poll(() => appShows(page)).toEqual({ actual: '300.00', rate: '38.71' });
    expect(await page.getByTestId('summary').innerText()).toBe('截至2022年1月1日,已拨付承办企业资金共895.75万元,资金拨付率59.72%。');
    expect(cliShows(db, '2022-01-01')).toEqual({ actual: '300', rate: '38.71' });
    expect(await pdfShows(page)).toContain(`${LINE_1}775.00300.0038.71%`);
    expect(await exportShows(page)).toEqual({ actual: 300, rate: 0.3871 });

    await asOf(page, '2022-07-01');
    await poll(() => appShows(page)).toEqual({ actual: '640.21', rate: '82.61' });
    expect(await page.getByTestId('summary').innerText()).toBe('截至2022年7月1日,已拨付承办企业资金共1235.96万元,资金拨付率82.40%。');
    expect(cliShows(db, '2022-07-01')).toEqual({ actual: '640.21', rate: '82.61' });
    expect(await pdfShows(page)).toContain(`${LINE_1}775.00640.2182.61%`);
    expect(await exportShows(page)).toEqual({ actual: 640.21, rate: 0.8261 });
  });
});
