// 打印预览: the document on its real pages, numbered as the PDF is, for one county or several.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { appPerTest, gridReady } from './harness';
import { seedInput, tempDir } from '../helpers/fixtures';

const second = seedInput();
second.county = { ...second.county, name: '金寨县', province: '安徽省', prefecture: '六安市' };
const long = seedInput();
long.county = { ...long.county, name: '南丰县', batch: 9 };
long.disbursements = Array.from({ length: 40 }, (_, i) => ({
  seq: i + 1,
  category: 'logistics' as const,
  name: `第${i + 1}号乡村物流配送站点建设项目`,
  planned: String(1000 + i),
  actual: `${500 + i}.5`,
}));
const app = appPerTest({ records: [second, long] });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

async function savePdf(page: import('playwright-core').Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '另存为 PDF' }).click()]);
  const saved = path.join(tempDir(), download.suggestedFilename());
  await download.saveAs(saved);
  return saved;
}

describe('打印预览', () => {
  it('shows the document on A4 pages numbered 第 X 页 共 N 页, as many as the PDF has; Escape closes it', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(page);
    await page.getByRole('button', { name: '打印预览' }).click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('.sheet').count()).toBeGreaterThan(1);
    const n = await frame.locator('.sheet').count();
    expect(await frame.locator('.sheet-foot').allInnerTexts()).toEqual(Array.from({ length: n }, (_, i) => `第 ${i + 1} 页 共 ${n} 页`));
    expect(await page.getByTestId('page-count').innerText()).toBe(`共 ${n} 页`);
    // Each sheet is A4 landscape, and nothing runs off it.
    const sizes = await frame
      .locator('.sheet')
      .evaluateAll((sheets) =>
        sheets.map((s) => [
          Math.round(s.getBoundingClientRect().width),
          Math.round(s.getBoundingClientRect().height),
          (s.querySelector('.sheet-body') as HTMLElement).scrollHeight <= (s.querySelector('.sheet-body') as HTMLElement).clientHeight + 1,
        ]),
      );
    for (const [w, h, fits] of sizes) expect([w, h, fits]).toEqual([1123, 794, true]);
    expect(await frame.locator('h1').allInnerTexts()).toEqual(['樟树市电子商务进农村综合示范县项目验收情况表']);
    expect(await frame.locator('h2').allInnerTexts()).toEqual(['一、基本情况', '二、项目建设完成情况', '三、中央财政资金拨付情况']);
    expect(await frame.locator('table.disbursements tr.total').innerText()).toContain('1235.96');
    expect(pdfPages(await savePdf(page))).toBe(n);
    await page.getByRole('dialog').getByLabel('繁體').check();
    await expect
      .poll(() => frame.locator('h2').allInnerTexts())
      .toEqual(['一、基本情況', '二、項目建設完成情況', '三、中央財政資金撥付情況']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('prints several counties ticked together, each from a new page, numbered through', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(page);
    await page.getByRole('button', { name: '打印预览' }).click();
    const dialog = page.getByRole('dialog');
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('h1').allInnerTexts()).toEqual(['樟树市电子商务进农村综合示范县项目验收情况表']);
    const one = await frame.locator('.sheet').count();
    await dialog.getByLabel('金寨县 · 批次 8').check();
    // In the order of the list (安徽省 before 江西省), each county from a new sheet.
    await expect
      .poll(() => frame.locator('h1').allInnerTexts())
      .toEqual(['金寨县电子商务进农村综合示范县项目验收情况表', '樟树市电子商务进农村综合示范县项目验收情况表']);
    const n = await frame.locator('.sheet').count();
    expect(n).toBe(2 * one);
    expect(await frame.locator('.sheet').nth(one).locator('.sheet-body > :first-child').innerText()).toBe(
      '樟树市电子商务进农村综合示范县项目验收情况表',
    );
    expect(await frame.locator('.sheet-foot').last().innerText()).toBe(`第 ${n} 页 共 ${n} 页`);
    expect(await dialog.locator('legend').innerText()).toContain('已选 2 个');
    const pdf = await savePdf(page);
    expect(path.basename(pdf)).toBe('验收表-2县.pdf');
    expect(pdfPages(pdf)).toBe(n);
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
  });

  it('a 40-row table runs over pages between rows, its header on each, as in the PDF', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '南丰县' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('南丰县');
    await page.getByRole('button', { name: '打印预览' }).click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('.sheet-foot').count()).toBeGreaterThan(2);
    const n = await frame.locator('.sheet').count();
    const perSheet = await frame.locator('.sheet').evaluateAll((sheets) =>
      sheets.map((s) => ({
        rows: s.querySelectorAll('table.disbursements tbody tr').length,
        header: s.querySelectorAll('table.disbursements thead').length,
      })),
    );
    const holding = perSheet.filter((p) => p.rows > 0);
    expect(holding.length).toBeGreaterThan(1);
    for (const p of holding) expect(p.header).toBe(1);
    expect(holding.reduce((sum, p) => sum + p.rows, 0)).toBe(41);
    expect(pdfPages(await savePdf(page))).toBe(n);
  });
});
