// Issue 22's messages in the language shown, in the user's words: what a paste, a refused paste, a
// typed-over computed cell and an accepted record said is said again in English after switching
// (and the other way); a Ctrl+D fill is named as a fill in the undo button; 总览's columns read on
// one line in English.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, cell, gridReady, mod, paste, saved } from './harness';

const app = appPerTest();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const note = (page: Page) => page.getByTestId('note').innerText();
const toEnglish = (page: Page) => page.getByRole('button', { name: 'English' }).click();
const toChinese = (page: Page) => page.getByRole('button', { name: '中文' }).click();

describe('a paste said in the language shown', () => {
  it('a block with 1 bad cell: 已在表中标红 and the cell red; in English the status and the red cell’s note are English', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await paste(page, '2O0\t150\n');
    await poll(() => note(page)).toContain('已在表中标红');
    await poll(() => cell(page, 'disbursements', 0, 'planned').getAttribute('class')).toContain('cell-error');
    await toEnglish(page);
    await poll(() => note(page)).toContain('marked red in the table');
    expect(await note(page)).not.toMatch(/[第行标红]/);
    await cell(page, 'disbursements', 0, 'planned').hover();
    await poll(() => page.locator('.ag-tooltip').innerText()).toMatch(/^Row 1, /);
    expect(await page.locator('.ag-tooltip').innerText()).toContain('“2O0”');
  });

  it('pasted by its header with 资金拨付率 in it: said in Chinese, then in English after switching, then in Chinese again', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await paste(page, '计划安排额度(万元)\t资金拨付率(%)\n800\t50\n');
    await saved(page);
    await poll(() => note(page)).toBe('已按表头粘贴 1 行:计划安排额度(万元);资金拨付率(%)由程序计算,未粘贴');
    await toEnglish(page);
    await poll(() => note(page)).toBe(
      'Pasted 1 rows by their header: planned (10k yuan); disbursement rate (%) is computed and was not pasted',
    );
    await toChinese(page);
    await poll(() => note(page)).toMatch(/^已按表头粘贴 1 行/);
  });

  it('a block in 元 carrying 序号: to the line it names, converted, and the conversion said again in English', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await paste(page, '序号\t计划安排额度(元)\n2\t3000000\n');
    await saved(page);
    // 3,000,000 元 = 300 万元, on line 2 (the second row), not on the selected first row.
    await poll(() => cell(page, 'disbursements', 1, 'planned').innerText()).toBe('300.00');
    expect(await cell(page, 'disbursements', 0, 'planned').innerText()).toBe('775.00');
    await poll(() => note(page)).toContain('按表头所写的单位换算为万元(精确到分)');
    await toEnglish(page);
    await poll(() => note(page)).toContain('converted exactly to 10k yuan from the unit their header names');
    expect(await note(page)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keys typed on 资金拨付率 (computed): the refusal quoting them is said again in English', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'rate').click();
    await page.keyboard.type('90');
    await poll(() => note(page)).toBe('第 1 行 资金拨付率(%): 由程序计算,不能编辑 (“90”未写入)');
    await toEnglish(page);
    await poll(() => note(page)).toBe('Row 1, disbursement rate (%): is computed and cannot be edited (“90” not written)');
  });

  it('typing on an accepted record: the refusal beside the cell and in the status bar follows the language', async () => {
    const { page } = app();
    for (const status of ['submitted', 'reviewed', 'accepted']) await callApi(page, 'setStatus', { id: 1, status, by: '赵处长' });
    await page.reload();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await page.keyboard.type('9');
    await poll(() => note(page)).toContain('已验收');
    await poll(() => page.locator('.locked-notice').innerText()).toContain('已验收');
    await toEnglish(page);
    await poll(() => note(page)).toContain('accepted');
    await poll(() => page.locator('.locked-notice').innerText()).toContain('accepted');
    expect(await note(page)).not.toContain('已验收');
  });
});

describe('a refusal at a cell or a field said in the language shown', () => {
  it('abc typed into 计划安排额度: the reason beside the cell and in the status bar, then in English, and the edit stays open', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 1, 'planned').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.grid-edit-error').innerText()).toContain('“abc”不是数字');
    await toEnglish(page);
    await poll(() => page.locator('.grid-edit-error').innerText()).toMatch(/^Row 2, .*“abc”/);
    await poll(() => note(page)).toMatch(/^Row 2, .*“abc”/);
    expect(await page.locator('.grid-editor.editing').inputValue()).toBe('abc');
  });

  it('deleting an accepted county: the sidebar says why, and says it in English after switching', async () => {
    const { page } = app();
    for (const status of ['submitted', 'reviewed', 'accepted']) await callApi(page, 'setStatus', { id: 1, status, by: '赵处长' });
    await page.reload();
    await gridReady(page);
    await page.locator('.record-tools').getByRole('button', { name: '删除' }).click();
    await poll(() => page.locator('.sidebar-notice').innerText()).toContain('已验收(赵处长,');
    await toEnglish(page);
    await poll(() => page.locator('.sidebar-notice').innerText()).toContain('赵处长');
    expect(await page.locator('.sidebar-notice').innerText()).not.toContain('已验收');
  });
});

describe('a fill is named as a fill', () => {
  it('after Ctrl+D over three 计划安排额度 the undo button says 撤销 向下填充, in English Undo Fill down; Ctrl+R says 向右填充', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await cell(page, 'disbursements', 2, 'planned').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+d`);
    await saved(page);
    await poll(() => page.getByTestId('undo').innerText()).toContain('向下填充');
    expect(await page.getByTestId('undo').innerText()).not.toContain('粘贴');
    await toEnglish(page);
    await poll(() => page.getByTestId('undo').innerText()).toContain('Fill down');
    await toChinese(page);
    await cell(page, 'disbursements', 1, 'planned').click();
    await cell(page, 'disbursements', 1, 'actual').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+r`);
    await saved(page);
    await poll(() => page.getByTestId('undo').innerText()).toContain('向右填充');
  });
});

describe('总览 in English', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ])
    it(`at ${viewport.width} px Last change and every other title reads on one line (a unit may go under its title)`, async () => {
      const { page } = app();
      await page.setViewportSize(viewport);
      await gridReady(page);
      await toEnglish(page);
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.locator('.overview-grid .county-row').first().waitFor();
      const title = page.locator('.overview-grid .ag-header-cell[col-id="updatedAt"] .ag-header-cell-text');
      await poll(() => title.innerText()).toBe('Last change');
      const heights = await page
        .locator('.overview-grid .ag-header-cell-text')
        .evaluateAll((els) => els.map((e) => [e.textContent, Math.round(e.getBoundingClientRect().height)] as const));
      const line = Math.min(...heights.map(([, h]) => h).filter((h) => h > 0));
      // (Σ planned / Σ disbursed may put "(10k yuan)" on a second line; "Last change" was squeezed to a letter a line.)
      expect(heights.filter(([text, h]) => h > line * 1.5 && !text?.includes('(10k yuan)'))).toEqual([]);
    });
});
