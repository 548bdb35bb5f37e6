// Undo that is safe: named steps, a question and a backup before a county goes, a history to
// jump back in. Each test has its own app.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { appPerTest, callApi, cell, gridReady, mod, saved } from './harness';

const app = appPerTest();

async function newRecord(page: import('playwright-core').Page, name: string) {
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="name"]').fill(name);
  await dialog.locator('input[name="batch"]').fill('7');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect.poll(() => page.locator('.content h2.title').innerText()).toContain(name);
}

/** Types an amount into 三 line 1's 实际拨付额度 and waits until it is saved. */
async function typeLine1(page: import('playwright-core').Page, value: string) {
  await gridReady(page);
  await cell(page, 'disbursements', 0, 'actual').click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await saved(page);
}

describe('undo', () => {
  it('names the step on the buttons and in the status', async () => {
    const { page } = app();
    await typeLine1(page, '700');
    await expect.poll(() => page.getByTestId('undo').innerText()).toBe('撤销:编辑 樟树市 三 第1行 实际拨付额度(万元)');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => page.getByTestId('note').innerText()).toBe('已撤销:编辑 樟树市 三 第1行 实际拨付额度(万元)');
    await expect.poll(() => page.getByTestId('redo').innerText()).toBe('重做:编辑 樟树市 三 第1行 实际拨付额度(万元)');
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe('640.21');
  });

  it('a click on 撤销 leaves the keyboard in the grid: what is typed next goes into the selected cell, and Enter does not undo again', async () => {
    const { page } = app();
    await typeLine1(page, '700');
    await page.getByTestId('undo').click();
    await expect.poll(() => cell(page, 'disbursements', 0, 'actual').innerText()).toBe('640.21');
    // The selection moved to row 2 with Enter; typing there is an entry, Enter stores it.
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await saved(page);
    await expect.poll(() => cell(page, 'disbursements', 1, 'actual').innerText()).toBe('50.00');
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe('640.21');
    await expect.poll(() => page.getByTestId('undo').innerText()).toBe('撤销:编辑 樟树市 三 第2行 实际拨付额度(万元)');
  });

  it('one step too far, past a record’s creation: asks first, backs up, and the backup holds the county', async () => {
    const { page } = app();
    await gridReady(page);
    await newRecord(page, '寻乌县');
    const names = () => page.locator('.record .name').allInnerTexts();
    await expect.poll(() => page.getByTestId('undo').innerText()).toBe('撤销:新建记录 寻乌县 第7批');
    await page.locator('.content h2.title').click();
    // Before: Ctrl+Z removed the county without a word (and a later action took the redo away).
    await page.keyboard.press(`${mod}+z`);
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.innerText()).toContain('撤销“新建记录 寻乌县 第7批”会删除整条县记录');
    await question.getByRole('button', { name: '取消' }).click();
    expect(await names()).toContain('寻乌县');
    await page.keyboard.press(`${mod}+z`);
    await question.getByRole('button', { name: '撤销(先备份)' }).click();
    await expect.poll(() => page.getByTestId('note').innerText()).toMatch(/^已撤销:新建记录 寻乌县 第7批 \(已备份:.+\)$/);
    await expect.poll(names).toEqual(['樟树市']);
    const backup = /已备份:(.+)\)$/.exec(await page.getByTestId('note').innerText())![1];
    const copy = new Database(backup, { readonly: true });
    try {
      expect(copy.prepare('SELECT county_name FROM records ORDER BY id').pluck().all()).toEqual(['樟树市', '寻乌县']);
    } finally {
      copy.close();
    }
    expect(fs.statSync(backup).size).toBeGreaterThan(0);
    // Redo brings it back (it removes nothing, so it does not ask).
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await names()).sort()).toEqual(['寻乌县', '樟树市']);
  });

  it('a step someone else built on is refused naming it; 跳过这一步 keeps it (marked in 历史) and the undo goes on below it', async () => {
    const { page } = app();
    await typeLine1(page, '700');
    await newRecord(page, '寻乌县');
    // Another window accepts 寻乌县: undoing its creation would delete an accepted county.
    await callApi(page, 'setStatus', { id: 2, status: 'accepted', by: '赵处长' });
    await page.locator('.content h2.title').click();
    await page.keyboard.press(`${mod}+z`);
    const question = page.getByRole('alertdialog');
    await question.getByRole('button', { name: '撤销(先备份)' }).click();
    await expect.poll(() => question.innerText()).toContain('可以跳过“新建记录 寻乌县 第7批”');
    expect(await question.innerText()).toMatch(/无法撤销“新建记录 寻乌县 第7批”.*已验收/);
    await question.getByRole('button', { name: '跳过这一步' }).click();
    await expect.poll(() => page.getByTestId('note').innerText()).toBe('已撤销:编辑 樟树市 三 第1行 实际拨付额度(万元)');
    await expect.poll(() => cell(page, 'disbursements', 0, 'actual').innerText()).toBe('640.21');
    expect(await page.locator('.record .name').allInnerTexts()).toContain('寻乌县');
    await page.getByRole('button', { name: '历史' }).click();
    const panel = page.getByRole('complementary', { name: '操作历史(本窗口)' });
    await expect.poll(() => panel.locator('li.skipped .meta').innerText()).toMatch(/^寻乌县 · .* · 已跳过\(不能撤销\)$/);
    expect(await panel.locator('li.skipped button').isDisabled()).toBe(true);
    await expect.poll(() => panel.locator('li.undone .label').allInnerTexts()).toEqual(['编辑 樟树市 三 第1行 实际拨付额度(万元)']);
    await page.screenshot({ path: '/tmp/fixl-skip.png' });
  });

  it('the history lists this window’s steps and jumps back and forward', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'actual').click();
    for (const v of ['700', '300', '120']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    await saved(page);
    await page.getByRole('button', { name: '历史' }).click();
    const panel = page.getByRole('complementary', { name: '操作历史(本窗口)' });
    await expect
      .poll(() => panel.locator('li .label').allInnerTexts())
      .toEqual([
        '编辑 樟树市 三 第3行 实际拨付额度(万元)',
        '编辑 樟树市 三 第2行 实际拨付额度(万元)',
        '编辑 樟树市 三 第1行 实际拨付额度(万元)',
      ]);
    expect(await panel.locator('li .meta').first().innerText()).toMatch(/^樟树市 · \d\d:\d\d:\d\d$/);
    await panel.locator('li').nth(2).getByRole('button').click();
    await expect.poll(() => page.getByTestId('note').innerText()).toContain('已撤销:');
    await expect
      .poll(async () => [
        await cell(page, 'disbursements', 0, 'actual').innerText(),
        await cell(page, 'disbursements', 2, 'actual').innerText(),
      ])
      .toEqual(['640.21', '100.00']);
    await expect.poll(() => panel.locator('li.undone').count()).toBe(3);
    await panel.locator('li').nth(1).getByRole('button').click();
    await expect
      .poll(async () => [
        await cell(page, 'disbursements', 0, 'actual').innerText(),
        await cell(page, 'disbursements', 1, 'actual').innerText(),
        await cell(page, 'disbursements', 2, 'actual').innerText(),
      ])
      .toEqual(['700.00', '300.00', '100.00']);
    expect(await panel.locator('li.undone').count()).toBe(1);
  });
});
