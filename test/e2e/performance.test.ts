// 四、绩效自评, the third tab, in Chromium: the demo's money (1500 / 1235.96 / 82.40% / 8.24), the
// indicators typed and pasted in the tables' grid with 得分 and 总分 following at once, a unit that
// does not agree left to the person, undo, and the lock of an accepted record.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, cell, gridReady, mod, paste, saved } from './harness';

const app = appPerTest();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const text = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .innerText()
    .then((s) => s.trim());

async function openPerformance(page: Page) {
  await gridReady(page);
  await page.getByTestId('performance-tab').click();
  await page.getByTestId('performance').waitFor();
}

describe('the 绩效自评 tab', () => {
  it('shows the demo’s money: 1500 budgeted, 1235.96 executed, 82.40%, 8.24 of 10; its 执行率 is a finding that opens the tab', async () => {
    const { page } = app();
    await openPerformance(page);
    await expect(page.locator('[data-field="funds.budget"]').inputValue()).resolves.toBe('1500.00');
    await expect(page.locator('[data-field="funds.executed"]').inputValue()).resolves.toBe('1235.96');
    await expect(text(page, 'perf-rate')).resolves.toBe('82.40%');
    await expect(text(page, 'perf-funds-score')).resolves.toBe('8.24');
    await expect(text(page, 'perf-total')).resolves.toContain('总分 8.24');
    await page.getByRole('tab', { name: '验收表' }).click();
    await page.getByTestId('checks').getByText('资金执行率 82.40% 低于省定标准 90%').click();
    await page.getByTestId('performance').waitFor();
  });

  it('indicators pasted from Excel and typed: the rule’s 得分 and 总分 follow; units that disagree are left to the person; undo', async () => {
    const { page } = app();
    await openPerformance(page);
    await page.locator('.table-block[data-table="indicators"] .ag-root').waitFor();
    await page.locator('.table-block[data-table="indicators"]').click();
    await paste(
      page,
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\n产出指标\t数量指标\t培训人次\t不低于500人次\t400人次\t50\n满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95\t10',
    );
    await saved(page);
    // 400/500 × 50 = 40.00; 95 of ≥90% at 10 = 10.00; 8.24 + 40 + 10 = 58.24 (差)
    await poll(() => cell(page, 'indicators', 0, 'computedScore').innerText()).toBe('40.00');
    await poll(() => text(page, 'perf-total')).toContain('总分 58.24 · 等级 差');
    if (process.env.YANSHOU_SHOT) await page.screenshot({ path: process.env.YANSHOU_SHOT, fullPage: true });
    await cell(page, 'indicators', 0, 'actual').click();
    await page.keyboard.type('5个');
    await page.keyboard.press('Enter');
    await saved(page);
    await poll(() => cell(page, 'indicators', 0, 'computedScore').innerText()).toBe('');
    await poll(() => page.getByTestId('checks').innerText()).toContain('单位不一致');
    await page.keyboard.press(`${mod}+z`);
    await poll(() => cell(page, 'indicators', 0, 'computedScore').innerText()).toBe('40.00');
  });

  it('an accepted record is locked: typing in an indicator or a field is refused, nothing changes', async () => {
    const { page } = app();
    await callApi(page, 'draftPerformance', { recordId: 1, draft: true });
    await callApi(page, 'setStatus', { id: 1, status: 'accepted', by: '赵处长' });
    await page.reload();
    await openPerformance(page);
    await expect(page.locator('[data-field="funds.weight"]').getAttribute('readonly')).resolves.not.toBeNull();
    await cell(page, 'indicators', 0, 'weight').click();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('body').innerText()).toContain('已验收');
    const stored = await callApi<{ record: { performance: { indicators: { weight: string }[] } } }>(page, 'getRecord', { id: 1 });
    expect(stored.record.performance.indicators[0].weight).not.toBe('99');
  });
});
