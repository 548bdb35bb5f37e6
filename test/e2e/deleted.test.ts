// 已删除的县 in Chromium (finding #9): a county deleted is listed — name, place, batch, who deleted it and
// when — and 恢复 brings it back with its figures and its ledger, in a data file (`yanshou web`) and in a
// team workspace (`yanshou serve`), where a reviewer sees the list but only the county's officer restores,
// from another login than the one that deleted it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, cell, gridReady } from './harness';
import { workspacePerFile } from './workspace';
import type { RecordInput } from '../../shared/record';
import { seedInput } from '../helpers/fixtures';

/** 樟树市 with two payments on line 1 (300 + 200): line 1's 实际 is 500, Σ实际 1235.96 − 640.21 + 500 = 1095.75, 73.05% of 1500. */
function withLedger(): RecordInput {
  const payment = { payee: '樟树市邮政分公司', voucher: '', stage: '', note: '' };
  return {
    ...seedInput(),
    payments: [
      { ...payment, line: 1, date: '2021-10-01', amount: '300' },
      { ...payment, line: 1, date: '2021-11-01', amount: '200' },
    ],
  };
}

/** Deletes the open county as a person does: 删除, then yes. */
async function deleteOpen(page: Page, county: string) {
  await page.getByRole('button', { name: '删除', exact: true }).click();
  const question = page.getByRole('alertdialog');
  await expect.poll(() => question.innerText()).toContain(`删除 ${county} 的记录?`);
  await question.getByRole('button', { name: '删除' }).click();
  await expect.poll(() => page.locator('.record', { hasText: county }).count()).toBe(0);
}

/** The 已删除的县 dialog's rows, as their cells read. */
async function deletedRows(page: Page): Promise<string[][]> {
  const dialog = page.getByTestId('deleted-counties');
  // Read once the list has come: its table, or the words that there is none.
  await expect.poll(() => dialog.locator('table.deleted-list, .empty-note').count()).toBe(1);
  const rows = dialog.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((s) => s.trim()));
  return out;
}

/** The county is back as it was: line 1 the sum of its two payments, the total and the rate, its ledger of 2. */
async function expectBack(page: Page) {
  await gridReady(page);
  await expect.poll(() => page.locator('.record', { hasText: '樟树市' }).innerText()).toContain('73.05%');
  expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toMatch(/^账?\s*500(\.00)?$/);
  expect((await cell(page, 'disbursements', 'total', 'actual').innerText()).trim()).toBe('1095.75');
  expect(await page.getByTestId('ledger-tab').innerText()).toBe('拨付台账(2 笔)');
}

describe('deleted counties in a data file', () => {
  const app = appPerTest({ demo: false, records: [withLedger()] });

  it('a county deleted is found in 已删除的县 (who, when) and 恢复 brings back its figures and payments', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    await expectBack(page);
    await deleteOpen(page, '樟树市');
    // The last county gone: the welcome offers the deleted counties too.
    await page.getByTestId('welcome').getByRole('button', { name: '已删除的县…' }).click();
    const rows = await deletedRows(page);
    expect(rows).toHaveLength(1);
    const [county, place, batch, who, when, button] = rows[0];
    expect([county, place, batch, who, button]).toEqual(['樟树市', '江西省 宜春市', '第8批', '浏览器窗口', '恢复']);
    // When: this computer's clock, to the minute, within the last few minutes.
    expect(when).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(Math.abs(Date.now() - new Date(when.replace(' ', 'T')).getTime())).toBeLessThan(5 * 60_000);
    await page.screenshot({ path: '/tmp/fixu-deleted-list.png' });

    await page.getByTestId('deleted-counties').getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => page.getByTestId('note').innerText()).toBe('已恢复 樟树市 第8批(连同拨付台账和绩效自评)');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expectBack(page);
    // Back, it is no longer listed as deleted.
    await page.locator('.sidebar').getByRole('button', { name: '已删除的县…' }).click();
    await expect.poll(() => page.getByTestId('deleted-counties').innerText()).toContain('没有已删除的县。');
  });
});

describe('deleted counties in a team workspace', () => {
  // Signed in anew each time: another login, not the tab that deleted.
  const { logIn } = workspacePerFile(() => [withLedger()]);

  it('the officer deletes its county; the province sees it and why 恢复 is not theirs; the officer, logged in again, restores it', async () => {
    const officer = await logIn('樟树填报员');
    await officer.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(officer);
    await deleteOpen(officer, '樟树市');
    await officer.context().close();

    const province = await logIn('省厅验收员');
    await province.locator('.sidebar').getByRole('button', { name: '已删除的县…' }).click();
    expect((await deletedRows(province)).map((r) => [r[0], r[2], r[3]])).toEqual([['樟树市', '第8批', '樟树填报员']]);
    const restore = province.getByTestId('deleted-counties').getByRole('button', { name: '恢复' });
    expect(await restore.isDisabled()).toBe(true);
    expect(await province.getByTestId('deleted-counties').innerText()).toContain(
      '恢复是重新写入这个县的记录,只有该县的县级填报员可以操作;您是省级验收员,可以查看。',
    );
    await province.screenshot({ path: '/tmp/fixu-deleted-province.png' });
    await province.context().close();

    const again = await logIn('樟树填报员');
    await again.locator('.sidebar').getByRole('button', { name: '已删除的县…' }).click();
    expect((await deletedRows(again)).map((r) => r[0])).toEqual(['樟树市']);
    await again.getByTestId('deleted-counties').getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => again.getByTestId('note').innerText()).toBe('已恢复 樟树市 第8批(连同拨付台账和绩效自评)');
    await expectBack(again);
    await again.context().close();
  });
});
