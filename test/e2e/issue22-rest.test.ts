// Issue 22, the rest, in the user's words: a new record's empty figures, messages that follow the value
// and the language, find and replace, the ledger sorted and filtered, the overview's chart labels.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, cell, gridReady, mod, saved } from './harness';
import { tempDir } from '../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, rowOf, seedAs } from '../fixtures/workbooks';

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

describe('messages in the status bar', () => {
  it('an error about a value I typed goes away once I type a good value there', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('note').getAttribute('class')).toContain('error');
    await page.keyboard.press(`${mod}+a`);
    await page.keyboard.type('800');
    await page.keyboard.press('Enter');
    await saved(page);
    await poll(() => cell(page, 'disbursements', 0, 'planned').innerText()).toBe('800.00');
    await poll(
      async () =>
        (await page.getByTestId('note').count()) === 0 || !(await page.getByTestId('note').getAttribute('class'))?.includes('error'),
    ).toBe(true);
  });

  it('a message already shown is said again in English when I switch to English', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'planned').click();
    await cell(page, 'disbursements', 2, 'planned').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+d`);
    await poll(() => page.getByTestId('note').innerText()).toBe('已填充 2 个单元格');
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.getByTestId('note').innerText()).toBe('Filled 2 cells');
    await page.keyboard.press(`${mod}+z`);
    await poll(() => page.getByTestId('note').innerText()).toMatch(/^Undone: /);
    await page.getByRole('button', { name: '中文' }).click();
    await poll(() => page.getByTestId('note').innerText()).toMatch(/^已撤销:/);
    await shot(page, 'message-language');
  });

  it('redoing an import that replaced 樟树市 does not warn that it deletes the county: it brings the imported figures back', async () => {
    const { page } = app();
    await gridReady(page);
    const sheets = layoutSheets([seedAs('樟树市')], PLAIN_LAYOUT);
    rowOf(sheets[0], '县乡村物流快递配送体系建设')[3] = { v: 700 };
    sheets[0].rows[19][3] = { v: 1295.75 };
    sheets[0].rows[19][4] = null;
    rowOf(sheets[0], '县乡村物流快递配送体系建设')[4] = null;
    const file = path.join(tempDir(), '樟树市.xlsx');
    fs.writeFileSync(file, await bytesOf(excelOf(sheets)));
    await page.getByTestId('import-input').setInputFiles([file]);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('替换(先备份)').check();
    await dialog.getByRole('button', { name: '导入' }).click();
    await poll(() => cell(page, 'disbursements', 0, 'actual').innerText()).toBe('700.00');
    const questions: string[] = [];
    const answer = async () => {
      const q = page.locator('.modal.confirm');
      if (await q.count()) {
        questions.push(await q.innerText());
        await q.getByRole('button').last().click();
      }
    };
    await page.keyboard.press(`${mod}+z`);
    await poll(async () => (await answer(), cell(page, 'disbursements', 0, 'actual').innerText())).toBe('640.21');
    await page.keyboard.press(`${mod}+y`);
    await poll(async () => (await answer(), cell(page, 'disbursements', 0, 'actual').innerText())).toBe('700.00');
    expect(questions.join('\n')).not.toContain('删除');
    await poll(() => page.getByTestId('note').innerText()).toMatch(/^已重做:导入/);
  });
});

describe('find and replace within a record', () => {
  it('Ctrl+F finds 上行服务 in both tables (and 上行服務 in the ledger); Enter goes from place to place', async () => {
    const { page } = app();
    await callApi(page, 'editPayments', {
      recordId: 1,
      edits: [],
      append: [{ line: 2, date: '2021-12-01', amount: '100', payee: '樟樹市上行服務公司' }],
    });
    await page.reload();
    await gridReady(page);
    await cell(page, 'items', 0, 'name').click();
    await page.keyboard.press(`${mod}+f`);
    const bar = page.getByTestId('find-bar');
    await bar.locator('input[name="find"]').fill('上行服务');
    // The seed names it in table 二 (row 4) and table 三 (line 2); the payee has it in traditional characters.
    await poll(() => bar.getByTestId('find-count').innerText()).toBe('共 3 处');
    await page.keyboard.press('Enter');
    await poll(() => cell(page, 'items', 3, 'name').getAttribute('class')).toContain('sel-active');
    await poll(() => bar.getByTestId('find-count').innerText()).toBe('第 1 / 3 处');
    await page.keyboard.press('Enter');
    await poll(() => cell(page, 'disbursements', 1, 'name').getAttribute('class')).toContain('sel-active');
    await shot(page, 'find');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.table-block[data-table="payments"] .ag-cell.sel-active').innerText()).toBe('樟樹市上行服務公司');
  });

  it('Ctrl+H replaces 上行服务 by 上行 everywhere in one step; one Ctrl+Z brings every place back', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'items', 0, 'name').click();
    await page.keyboard.press(`${mod}+h`);
    const bar = page.getByTestId('find-bar');
    await bar.locator('input[name="find"]').fill('上行服务');
    await bar.locator('input[name="replace"]').fill('上行');
    await bar.getByRole('button', { name: '全部替换' }).click();
    await poll(() => page.getByTestId('note').innerText()).toBe('已替换 2 处:“上行服务”→“上行”(可撤销)');
    await poll(() => cell(page, 'disbursements', 1, 'name').innerText()).toBe('农产品上行体系建设');
    expect(await cell(page, 'items', 3, 'name').innerText()).toBe('樟树市农产品上行体系建设');
    await poll(() => page.getByTestId('undo').innerText()).toBe('撤销:替换 樟树市 “上行服务”→“上行”(2 处)');
    await shot(page, 'replace');
    await bar.locator('input[name="find"]').press('Escape');
    await poll(() => page.getByTestId('find-bar').count()).toBe(0);
    await cell(page, 'items', 0, 'seq').click();
    await page.keyboard.press(`${mod}+z`);
    await poll(() => cell(page, 'disbursements', 1, 'name').innerText()).toBe('农产品上行服务体系建设');
    expect(await cell(page, 'items', 3, 'name').innerText()).toBe('樟树市农产品上行服务体系建设');
  });

  it('on an accepted record, 全部替换 is refused with the usual message and nothing changes', async () => {
    const { page } = app();
    for (const status of ['submitted', 'reviewed', 'accepted']) await callApi(page, 'setStatus', { id: 1, status, by: '赵处长' });
    await page.reload();
    await gridReady(page);
    await cell(page, 'items', 0, 'name').click();
    await page.keyboard.press(`${mod}+h`);
    const bar = page.getByTestId('find-bar');
    await bar.locator('input[name="find"]').fill('上行服务');
    await bar.locator('input[name="replace"]').fill('上行');
    await bar.getByRole('button', { name: '全部替换' }).click();
    await poll(() => bar.getByRole('alert').innerText()).toContain('已验收(赵处长');
    expect(await cell(page, 'disbursements', 1, 'name').innerText()).toBe('农产品上行服务体系建设');
  });
});

describe('the ledger sorted and filtered', () => {
  /** 30 payments: line n % 6 + 1, day 2022-01-(n+1), payee 公司A…F in turn, amount n + 1 万元. */
  const thirty = Array.from({ length: 30 }, (_, n) => ({
    line: (n % 6) + 1,
    date: `2022-01-${String(n + 1).padStart(2, '0')}`,
    amount: String(n + 1),
    payee: `公司${'ABCDEF'[n % 6]}`,
    voucher: `记-${n + 1}`,
  }));
  async function ledgerOfThirty(page: Page) {
    await callApi(page, 'editPayments', { recordId: 1, edits: [], append: thirty });
    await page.reload();
    await gridReady(page);
    await page.getByTestId('ledger-tab').click();
    await gridReady(page, 'payments');
  }
  /** A column's texts in the order the rows are shown (by row-index: the grid moves rows without moving their elements). */
  const column = (page: Page, field: string) =>
    page.locator('.table-block[data-table="payments"] .ag-row:not(.ag-row-pinned)').evaluateAll(
      (rows, f) =>
        rows
          .map((r) => [Number(r.getAttribute('row-index')), r.querySelector(`.ag-cell[col-id="${f}"]`)?.textContent ?? ''] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, text]) => text),
      field,
    );
  const sorted = (rows: string[]) => rows.map((r) => r.trim());

  it('sorting by date, latest first, and by payee changes what I see, not what is stored', async () => {
    const { page } = app();
    await ledgerOfThirty(page);
    const before = (await callApi<{ record: { payments: unknown[] } }>(page, 'getRecord', { id: 1 })).record.payments;
    const tools = page.getByTestId('ledger-tools');
    await tools.getByLabel('排序').selectOption('date');
    await tools.getByRole('button', { name: '降序' }).click();
    // The latest day first: 2022-01-30, then 2022-01-29.
    await poll(async () => sorted(await column(page, 'date')).slice(0, 2)).toEqual(['2022-01-30', '2022-01-29']);
    await tools.getByLabel('排序').selectOption('payee');
    await tools.getByRole('button', { name: '升序' }).click();
    // 公司A is paid on days 1, 7, 13, 19 and 25: five payments lead.
    await poll(async () => sorted(await column(page, 'payee')).slice(0, 6)).toEqual([...Array(5).fill('公司A'), '公司B']);
    expect((await callApi<{ record: { payments: unknown[] } }>(page, 'getRecord', { id: 1 })).record.payments).toEqual(before);
  });

  it('filtering by line and by payee (公司 typed as 公司, 繁 as 公司) shows only those payments and says how many', async () => {
    const { page } = app();
    await ledgerOfThirty(page);
    const tools = page.getByTestId('ledger-tools');
    await tools.getByLabel('序号').selectOption('2');
    // Line 2: n = 1, 7, 13, 19, 25 — days 2, 8, 14, 20, 26.
    await poll(async () => sorted(await column(page, 'date'))).toEqual([
      '2022-01-02',
      '2022-01-08',
      '2022-01-14',
      '2022-01-20',
      '2022-01-26',
    ]);
    await poll(() => tools.getByTestId('ledger-shown').innerText()).toBe('显示 5 / 30 笔');
    await tools.getByLabel('收款单位').fill('公司B');
    await poll(async () => sorted(await column(page, 'payee'))).toEqual(Array(5).fill('公司B'));
    await tools.getByLabel('收款单位').fill('公司C');
    await poll(() => tools.getByTestId('ledger-shown').innerText()).toBe('显示 0 / 30 笔');
    expect(await page.locator('.table-block[data-table="payments"]').innerText()).toContain('没有符合筛选条件的拨付');
    await shot(page, 'ledger-filter');
    await tools.getByRole('button', { name: '清除筛选' }).click();
    await poll(() => tools.getByTestId('ledger-shown').innerText()).toBe('显示 30 / 30 笔');
  });

  it('添加一笔 under 30 payments scrolls to the new row and puts the cursor in it: what I type goes there', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 1366, height: 768 });
    await ledgerOfThirty(page);
    await page.getByRole('button', { name: '添加一笔' }).click();
    const row30 = cell(page, 'payments', 30, 'line');
    await poll(() => row30.getAttribute('class')).toContain('sel-active');
    await poll(() =>
      row30.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await shot(page, 'ledger-add');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await poll(() => row30.innerText()).toBe('3');
  });
});

describe('chart labels', () => {
  /** Pairs of texts of a chart whose boxes overlap (a few pixels of touching allowed). */
  const collisions = (page: Page, selector: string) =>
    page.locator(selector).evaluate((root) => {
      const boxes = [...root.querySelectorAll('svg text')]
        .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
        .filter((t) => t.text.trim() && t.box.width > 0);
      const out: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].box, boxes[j].box];
          const overlap =
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
          if (overlap) out.push(`${boxes[i].text} × ${boxes[j].text}`);
        }
      return out;
    });

  it('in English at 1366 px, the category names under the overview chart do not run into one another', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 1366, height: 768 });
    await gridReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Overview' }).click();
    const chart = '[data-chart="categories"]';
    await page.locator(`${chart} svg text`, { hasText: 'Township' }).first().waitFor();
    await page.locator(chart).scrollIntoViewIfNeeded();
    await shot(page, 'overview-charts-en');
    expect(await collisions(page, chart)).toEqual([]);
    expect(await collisions(page, '[data-chart="rates"]')).toEqual([]);
    expect(await collisions(page, '[data-chart="statuses"]')).toEqual([]);
  });

  it('the ledger chart with payments on six lines: its legend does not cover the 万元 axis name', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 1366, height: 768 });
    const six = Array.from({ length: 6 }, (_, n) => ({ line: n + 1, date: `2022-0${n + 1}-15`, amount: '10' }));
    await callApi(page, 'editPayments', { recordId: 1, edits: [], append: six });
    await page.reload();
    await gridReady(page);
    await page.getByTestId('ledger-tab').click();
    const chart = '[data-testid="ledger-chart"]';
    await page.locator(`${chart} svg text`, { hasText: '万元' }).first().waitFor();
    await page.locator(chart).scrollIntoViewIfNeeded();
    await shot(page, 'ledger-chart');
    expect(await collisions(page, chart)).toEqual([]);
  });
});
