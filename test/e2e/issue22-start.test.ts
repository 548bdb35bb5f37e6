// Issue 22, items 5, 8, 9 and 11, in the user's words: the keyboard between the parts of the page, the
// first start on an empty data file, a new record's fields, the buttons and the export dialog.
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, cell, gridReady, saved } from './harness';

const app = appPerTest(() => (expect.getState().currentTestName?.includes('empty data file') ? { demo: false } : {}));
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const focused = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return (
      a?.getAttribute('data-grid-sink') ??
      (a?.closest('header.toolbar') ? 'toolbar' : a?.closest('aside.sidebar') ? 'sidebar' : (a?.tagName ?? ''))
    );
  });

describe('the first start on an empty data file', () => {
  it('an empty data file offers the demo record, 新建, 导入… and 空白模板…; the template downloads in the browser; 总览 says the file is empty', async () => {
    const { page } = app();
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    for (const name of ['添加示例记录', '新建…', '导入…', '空白模板…']) expect(await welcome.getByRole('button', { name }).count()).toBe(1);
    await page.getByRole('tab', { name: '总览' }).click();
    await poll(() => page.locator('.overview-grid').innerText()).toContain('数据文件中还没有县');
    expect(await page.locator('.overview-grid').innerText()).not.toContain('没有符合筛选条件的县');
    await page.getByRole('tab', { name: '记录' }).click();
    await welcome.getByRole('button', { name: '空白模板…' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name: '下载模板' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await welcome.getByRole('button', { name: '添加示例记录' }).click();
    await gridReady(page);
    await poll(() => page.locator('.record.selected').innerText()).toContain('樟树市');
  });
});

describe('the keyboard between the parts of the page', () => {
  it('F6 takes me out of a table to the toolbar and the sidebar and back; Ctrl+Tab goes from table to table; Ctrl+Shift+2 opens 总览', async () => {
    const { page } = app();
    await gridReady(page);
    await page.locator('.table-block[data-table="items"] .ag-row[row-index="0"] .ag-cell[col-id="name"]').click();
    await poll(() => focused(page)).toBe('items');
    await page.keyboard.press('Control+Tab');
    await poll(() => focused(page)).toBe('disbursements');
    await page.keyboard.press('F6');
    await poll(() => focused(page)).toBe('toolbar');
    await page.keyboard.press('F6');
    await poll(() => focused(page)).toBe('sidebar');
    await page.keyboard.press('F6');
    await poll(() => focused(page)).toBe('items');
    await page.keyboard.press('Shift+F6');
    await poll(() => focused(page)).toBe('sidebar');
    await page.keyboard.press('Control+Shift+Digit2');
    await page.locator('.overview-grid').waitFor();
    await page.keyboard.press('Control+Shift+Digit1');
    await gridReady(page);
  });
});

describe('switching view from the keyboard while typing', () => {
  type Stored = { record: { county: { investment: { central: string | null } }; disbursements: { actual: string | null }[] } };
  const stored = (page: import('playwright-core').Page) => callApi<Stored>(page, 'getRecord', { id: 1 });

  it('a figure being typed in a cell or a field is kept when I press Ctrl+Shift+2 for 总览 and come back with Ctrl+Shift+1', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 2, 'actual').dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('123.45');
    await page.keyboard.press('Control+Shift+Digit2');
    await page.locator('.overview-grid').waitFor();
    await page.keyboard.press('Control+Shift+Digit1');
    await gridReady(page);
    await saved(page);
    await poll(async () => (await stored(page)).record.disbursements[2].actual).toBe('123.45');
    // The same for a field of 基本情况, and with Ctrl+Shift+1 while already on 记录.
    await page.locator('#county-investment\\.central').fill('1600');
    await page.keyboard.press('Control+Shift+Digit1');
    await saved(page);
    await poll(async () => (await stored(page)).record.county.investment.central).toBe('1600');
  });
});

describe('a new record', () => {
  it('typing 2021 into the suggested 年度 replaces it: the record is of 2021, not 20262021', async () => {
    const { page } = app();
    await gridReady(page);
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="name"]').fill('寻乌县');
    await dialog.locator('input[name="batch"]').fill('7');
    await dialog.locator('input[name="year"]').click();
    await page.keyboard.type('2021');
    expect(await dialog.locator('input[name="year"]').inputValue()).toBe('2021');
    await dialog.locator('input[name="batch"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('2020');
    expect(await dialog.locator('input[name="year"]').inputValue()).toBe('2020');
  });
});

describe('buttons and the export dialog', () => {
  it('a primary button under the mouse stays readable; 全选 in the export dialog picks every county and none', async () => {
    const { page } = app();
    await gridReady(page);
    await page.getByRole('button', { name: '导出…' }).click();
    const dialog = page.getByRole('dialog');
    const primary = dialog.locator('button.primary');
    await primary.hover();
    const [bg, fg] = await primary.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
    // WCAG contrast of the text on the button under the mouse.
    const lum = (rgb: string) => {
      const [r, g, b] = rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((v) => Number(v) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [lum(bg), lum(fg)].sort((a, b) => b - a);
    expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThan(4.5);
    const all = dialog.getByLabel('全选');
    await all.uncheck();
    expect(await primary.isDisabled()).toBe(true);
    await all.check();
    expect(await dialog.locator('ul.pick input:checked').count()).toBe(await dialog.locator('ul.pick input').count());
  });
});

describe('the toolbar at 1366 px', () => {
  it('a long undo label does not squeeze 记录 and 历史 into vertical text', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 1366, height: 768 });
    await gridReady(page);
    // A step with a long name: an edit of 实际拨付额度 in the last line of table 三.
    await page.locator('.table-block[data-table="disbursements"] .ag-row[row-index="5"] .ag-cell[col-id="actual"]').click();
    await page.keyboard.type('29.40');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('undo').innerText()).toContain('撤销:编辑');
    for (const name of ['记录', '总览', '历史']) {
      const box = (await page
        .locator('header.toolbar')
        .getByRole(name === '历史' ? 'button' : 'tab', { name, exact: true })
        .boundingBox())!;
      expect([name, box.height < 40, box.width > box.height]).toEqual([name, true, true]);
    }
  });
});
