// What the app does when a write fails, by why it failed: no connection (retried), refused by
// the store (a 4xx: its message, at the cell), the server failing (a 5xx: shown once with its
// code, the value kept as a draft, nothing blocked).
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, cell, gridReady, saved, settled } from './harness';

const app = appPerTest();

describe('failed writes', () => {
  it('no connection: the value stays on screen, the status says so, and it is retried until saved', async () => {
    const { page } = app();
    await gridReady(page);
    let failures = 0;
    await page.route('**/api/editCells', async (route) => {
      if (failures++ < 2) await route.abort('connectionreset');
      else await route.continue().catch(() => {});
    });
    await cell(page, 'disbursements', 4, 'actual').click();
    await page.keyboard.type('75');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('保存失败,正在重试');
    expect((await cell(page, 'disbursements', 4, 'actual').innerText()).trim()).toBe('75.00');
    expect((await cell(page, 'disbursements', 4, 'rate').innerText()).trim()).toBe('93.75');
    await saved(page);
    await page.unroute('**/api/editCells');
    await page.reload();
    await expect.poll(() => cell(page, 'disbursements', 4, 'actual').innerText()).toBe('75.00');
  });

  it('a server failure (500) is shown once with its code, keeps the value as a draft, and blocks nothing', async () => {
    const { page } = app();
    await gridReady(page);
    let calls = 0;
    // The page's timers run on a clock the test moves: a retry due within seconds comes at once.
    await page.clock.install();
    await page.route('**/api/editCells', async (route) => {
      calls++;
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'internal',
          message: '内部错误:disk I/O error',
          messages: { zh: '内部错误:disk I/O error', en: 'Internal error: disk I/O error' },
        }),
      });
    });
    await cell(page, 'disbursements', 0, 'actual').click();
    await page.keyboard.type('700');
    await page.keyboard.press('Enter');
    // Before: a 5xx was taken for "offline" and retried every 1.5 s for ever, with undo and
    // switching county waiting on it.
    await expect
      .poll(() => page.getByTestId('note').innerText())
      .toBe('保存失败(internal):内部错误:disk I/O error。修改保留为草稿,可以重试或放弃。');
    expect(await page.getByTestId('save-state').innerText()).toBe('1 处修改未保存(保留为草稿)');
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe('700.00');
    expect(await cell(page, 'disbursements', 0, 'actual').getAttribute('class')).toContain('cell-draft');
    await page.clock.runFor(5000);
    await settled(page);
    expect(calls).toBe(1);
    // Nothing structural is held up by it: a row is added at once.
    await page.locator('.table-block[data-table="disbursements"]').getByRole('button', { name: '添加行' }).click();
    await expect.poll(() => page.locator('.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)').count()).toBe(7);
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe('700.00');
    // Closing the tab now asks first: the draft is not stored.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    // Retried by hand once the server works again: saved.
    await page.unroute('**/api/editCells');
    await page.getByRole('button', { name: '重试保存' }).click();
    await saved(page);
    expect(
      (await callApi<{ record: { disbursements: { actual: string }[] } }>(page, 'getRecord', { id: 1 })).record.disbursements[0].actual,
    ).toBe('700');
  });

  it('refused by the store (a 4xx): its message is shown and its cell marked; the value is not kept', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 1, 'seq').click();
    // 序号 1 is taken: only the store knows the whole table.
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('note').innerText()).toBe('第 2 行 序号:序号 1 在同一表中重复');
    await expect.poll(() => cell(page, 'disbursements', 1, 'seq').innerText()).toBe('2');
    expect(await cell(page, 'disbursements', 1, 'seq').getAttribute('class')).toContain('cell-error');
    expect(await page.getByTestId('save-state').innerText()).toBe('已保存');
  });
});
