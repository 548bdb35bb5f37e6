// The screen as a reviewer sees it on a 1366×768 office laptop.
import { describe, expect, it } from 'vitest';
import { appPerTest, cell, gridReady } from './harness';

const app = appPerTest({ viewport: { width: 1366, height: 768 } });

describe('the screen at 1366×768', () => {
  it('amount headers fit on one line; 类别 reads in full; the computed rate and the rate as filed look different', async () => {
    const { page } = app();
    await gridReady(page);
    const header = (col: string) => page.locator(`.table-block[data-table="disbursements"] .ag-header-cell[col-id="${col}"]`);
    for (const col of ['planned', 'actual']) {
      const text = header(col).locator('.ag-header-cell-text');
      expect(await text.innerText()).toMatch(/额度\(万元\)$/);
      // One line: as tall as one line of its text.
      const [height, line] = await text.evaluate((e) => [
        e.getBoundingClientRect().height,
        parseFloat(getComputedStyle(e).lineHeight) || 20,
      ]);
      expect(height).toBeLessThan(line * 1.5);
    }
    const category = cell(page, 'disbursements', 3, 'category');
    expect(await category.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect((await category.innerText()).trim()).toBe('电子商务公共服务中心');
    expect(await header('rate').innerText()).toBe('资金拨付率(%)');
    expect(await header('statedRate').innerText()).toBe('填报拨付率(原表)');
    const look = (col: string) =>
      cell(page, 'disbursements', 0, col).evaluate((e) => `${getComputedStyle(e).fontStyle} ${getComputedStyle(e).backgroundColor}`);
    expect(await look('rate')).not.toBe(await look('statedRate'));
    expect(await header('rate').getAttribute('class')).toContain('computed-header');
  });

  it('an empty table says how to add rows; no blank band above 合计 when a table has one row', async () => {
    const { page } = app();
    await gridReady(page);
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="name"]').fill('寻乌县');
    await dialog.locator('input[name="batch"]').fill('7');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect
      .poll(() => page.locator('.table-block[data-table="items"] .ag-overlay').innerText())
      .toBe('表中还没有行。点上方“添加行”,或在 Excel/WPS 中复制后点这里,按 Ctrl+V 粘贴。');
    expect(await page.locator('.content').innerText()).not.toContain('无显示行');
    await page.locator('.table-block[data-table="disbursements"]').getByRole('button', { name: '添加行' }).click();
    await cell(page, 'disbursements', 0, 'name').waitFor();
    // The total row sits right under the new row once the grid has laid it out.
    const gap = async () => {
      const row = await cell(page, 'disbursements', 0, 'name').boundingBox();
      const total = await cell(page, 'disbursements', 'total', 'name').boundingBox();
      return Math.abs(total!.y - (row!.y + row!.height));
    };
    await expect.poll(gap).toBeLessThan(3);
  });
});

describe('the status bar', () => {
  it('keeps a long message on one line: 已保存 and the data file stay whole beside it, the message whole on hover', async () => {
    const { page } = app();
    await gridReady(page);
    // Keys typed on a computed cell are quoted whole in the message: a long one.
    await cell(page, 'disbursements', 0, 'rate').click();
    await page.keyboard.type('1234567890'.repeat(20));
    const note = page.getByTestId('note');
    await expect.poll(() => note.innerText()).toContain('1234567890'.repeat(20));
    const bar = await page.locator('footer.status').boundingBox();
    const save = await page.getByTestId('save-state').boundingBox();
    expect(bar!.height).toBeLessThan(30);
    expect(save!.height).toBeLessThan(20);
    expect(await note.getAttribute('title')).toContain('1234567890'.repeat(20));
  });
});
