// Issue 22, the rest, in the user's words: a new record's empty figures, messages that follow the value
// and the language, find and replace, the ledger sorted and filtered, the overview's chart labels.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, gridReady } from './harness';

const app = appPerTest();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/ux3/${name}.png` });

describe('a new record', () => {
  it('新建 leaves the investment figures empty: the paragraph and the print never say 项目总投资0万元, and the record is marked 不完整', async () => {
    const { page } = app();
    await gridReady(page);
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="name"]').fill('寻乌县');
    await dialog.locator('input[name="province"]').fill('江西省');
    await dialog.locator('input[name="prefecture"]').fill('赣州市');
    await dialog.locator('input[name="batch"]').fill('7');
    await dialog.getByRole('button', { name: '确定' }).click();
    await poll(() => page.locator('.record.selected').innerText()).toContain('寻乌县');
    await poll(() => page.locator('p.paragraph').innerText()).toContain('寻乌县是第七批');
    expect(await page.locator('p.paragraph').innerText()).not.toMatch(/0万元/);
    expect(await page.locator('#county-investment\\.total').inputValue()).toBe('');
    expect(await page.locator('.record.selected').innerText()).toContain('不完整');
    await shot(page, 'new-record');
    await page.getByRole('button', { name: '打印预览' }).click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await frame.locator('h1').first().waitFor();
    expect(await frame.locator('body').innerText()).not.toMatch(/项目总投资0/);
  });
});
