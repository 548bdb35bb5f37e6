// 一、基本情况 and switching county: a value is shown as stored, Escape gives the stored one back,
// and nothing typed is dropped without a question.
import { describe, expect, it } from 'vitest';
import { appPerTest, cell, gridReady } from './harness';
import { seedInput } from '../helpers/fixtures';

const second = seedInput();
second.county = { ...second.county, name: '金寨县', province: '安徽省', prefecture: '六安市' };
const app = appPerTest({ records: [second] });

describe('basic facts', () => {
  it('Escape drops a refused value and its error; a saved value shows as stored (２，４００ → 2400, 第九批 → 9)', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    const total = page.locator('#county-investment\\.total');
    const field = page.locator('label.field-investment-total');
    await total.fill('abc');
    await total.press('Enter');
    await expect.poll(() => field.locator('.field-error').count()).toBe(1);
    // Before: the error stayed after Escape.
    await total.focus();
    await total.press('Escape');
    expect(await total.inputValue()).toBe('2310');
    expect(await field.locator('.field-error').count()).toBe(0);
    // Before: the field kept the text as typed.
    await total.fill('２，４００');
    await total.press('Enter');
    await expect.poll(() => total.inputValue()).toBe('2400');
    const batch = page.locator('#county-batch');
    await batch.fill('第九批');
    await batch.press('Enter');
    await expect.poll(() => batch.inputValue()).toBe('9');
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('批次 9');
  });

  it('a refused value is not dropped when switching county: the app asks, and can stay', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('樟树市');
    const central = page.locator('#county-investment\\.central');
    await central.fill('abc');
    // Before: the value was thrown away silently.
    await page.locator('.record', { hasText: '金寨县' }).click();
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.innerText()).toContain('以下内容还没有保存:基本情况 中央资金(万元)“abc”');
    await question.getByRole('button', { name: '留在这里' }).click();
    expect(await page.locator('.content h2.title').innerText()).toContain('樟树市');
    expect(await central.inputValue()).toBe('abc');
    await page.locator('.record', { hasText: '金寨县' }).click();
    await question.getByRole('button', { name: '放弃' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('金寨县');
  });

  it('a value refused in a cell is not dropped when switching county either', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(page);
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('樟树市');
    await cell(page, 'disbursements', 1, 'planned').click();
    await page.keyboard.type('2O0');
    await page.keyboard.press('Enter');
    await page.locator('.record', { hasText: '金寨县' }).click();
    await expect.poll(() => page.getByRole('alertdialog').innerText()).toContain('以下内容还没有保存:第 2 行 计划安排额度(万元)“2O0”');
    await page.getByRole('alertdialog').getByRole('button', { name: '留在这里' }).click();
    expect(await page.locator('.grid-editor.editing').inputValue()).toBe('2O0');
  });
});
