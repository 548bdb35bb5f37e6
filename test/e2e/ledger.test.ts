// The disbursement ledger as a finance officer uses it, in Chromium: payments typed at the keyboard
// as fast as keys come, the day the figures are as of, undo and redo, the computed 实际拨付额度 of a
// line with payments, refusals at the cell, pastes, the chart, findings that open the ledger, and
// the print preview following the day.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, cell, cellTexts, gridReady, mod, paste, saved } from './harness';

const app = appPerTest();
/** What a person waits to see: given time on a busy machine (the polling ends as soon as it is there). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
type Stored = {
  record: {
    payments?: { line: number; date: string; amount: string; payee: string; voucher: string }[];
    disbursements: { actual: string | null }[];
  };
  paymentIds: number[];
};
const stored = async (page: Page, asOf?: string) => callApi<Stored>(page, 'getRecord', { id: 1, ...(asOf ? { asOf } : {}) });

/** Line 1 paid 300 on 2021-12-01 and 340.21 on 2022-06-30, by another client (not in this page's undo). */
async function withTwoPayments(page: Page) {
  await callApi(page, 'editPayments', {
    recordId: 1,
    edits: [],
    append: [
      { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-2021-118' },
      { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟树市邮政分公司', voucher: '记-2022-064' },
    ],
  });
  await page.reload();
  await gridReady(page);
}

async function openLedger(page: Page) {
  await page.getByTestId('ledger-tab').click();
  await page.locator('.table-block[data-table="payments"]').waitFor();
}

async function setAsOf(page: Page, day: string) {
  await page.getByTestId('as-of').fill(day);
  await page.getByTestId('as-of').press('Enter');
}

const rate = (page: Page, row: number) =>
  cell(page, 'disbursements', row, 'rate')
    .innerText()
    .then((s) => s.trim());

describe('entering payments', () => {
  it('three payments typed at the keyboard as fast as keys come; another as-of day moves the rates and the sentence', async () => {
    const { page } = app();
    await gridReady(page);
    await openLedger(page);
    await page.getByRole('button', { name: '添加一笔' }).click();
    // In the order of the vouchers, not of the lines: each payment, once stored, goes to its line's place —
    // but not while it is being typed (its 收款单位 and 凭证号 go to it, not to the row that took its place).
    const payments = [
      ['2', '2022/3/15', '１００', '樟树市农产品公司', '记-2022-031'],
      ['1', '2021-12-01', '300', '樟树市邮政分公司', '记-2021-118'],
      ['1', '2022年6月30日', '340.21', '樟树市邮政分公司', '记-2022-064'],
    ];
    // Every key with no pause: 序号 Tab 日期 Tab 金额 Tab 收款单位 Tab 凭证号 Tab Tab Tab (past 阶段, 备注: a new row).
    for (const [i, payment] of payments.entries()) {
      for (const value of payment) {
        await page.keyboard.type(value);
        await page.keyboard.press('Tab');
      }
      if (i < payments.length - 1) for (let k = 0; k < 2; k++) await page.keyboard.press('Tab');
      else await page.keyboard.press('Enter');
    }
    await saved(page);
    expect((await stored(page)).record.payments!.map((p) => [p.line, p.date, p.amount, p.payee, p.voucher])).toEqual([
      [1, '2021-12-01', '300', '樟树市邮政分公司', '记-2021-118'],
      [1, '2022-06-30', '340.21', '樟树市邮政分公司', '记-2022-064'],
      [2, '2022-03-15', '100', '樟树市农产品公司', '记-2022-031'],
    ]);
    expect(await page.getByTestId('ledger-tab').innerText()).toBe('拨付台账(3 笔)');

    await setAsOf(page, '2022-01-01');
    // Once the table is left, by line and day, each with its line's running total.
    await poll(() => cellTexts(page, 'payments', 'running', 3)).toEqual(['300.00', '640.21', '100.00']);
    await page.getByRole('tab', { name: '验收表' }).click();
    await poll(async () => [await rate(page, 0), await rate(page, 1)]).toEqual(['38.71', '0.00']);
    expect(await page.getByTestId('summary').innerText()).toBe('截至2022年1月1日,已拨付承办企业资金共610.35万元,资金拨付率40.69%。');
    await setAsOf(page, '2022-06-30');
    await poll(() => page.getByTestId('summary').innerText()).toBe('截至2022年6月30日,已拨付承办企业资金共1050.56万元,资金拨付率70.04%。');
    // (The grid draws its cells a frame after the sentence.)
    await poll(async () => [await rate(page, 0), await rate(page, 1)]).toEqual(['82.61', '29.85']);
    // The sidebar's line for the open record follows what is on screen.
    expect(await page.locator('.record.selected .rate').innerText()).toBe('70.04%');
  });

  it("a value that is not one is refused at its cell, in the user's language, and stays there to be corrected", async () => {
    const { page } = app();
    await gridReady(page);
    await openLedger(page);
    await page.getByRole('button', { name: '添加一笔' }).click();
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2022-02-30');
    await page.keyboard.press('Tab');
    await poll(() => page.locator('.grid-edit-error').innerText()).toContain('拨付台账第 1 笔 拨付日期“2022-02-30”不是具体到日的日期');
    expect(await page.locator('.grid-editor.editing').inputValue()).toBe('2022-02-30');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('28');
    await page.keyboard.press('Tab');
    // Not stored until it has an amount: the row says what it still needs.
    await poll(() => cell(page, 'payments', 0, 'date').innerText()).toBe('2022-02-28');
    await poll(() => cell(page, 'payments', 0, 'amount').getAttribute('class')).toContain('cell-draft');
    expect((await stored(page)).record.payments).toBeUndefined();
    await page.getByRole('button', { name: 'English' }).click();
    await cell(page, 'payments', 0, 'amount').click();
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.grid-edit-error').innerText()).toContain(
      'Ledger payment 1, amount (10k yuan) “-5” must be an amount above 0',
    );
    await page.keyboard.press('Escape');
    // The unfinished payment is not dropped without a yes.
    await callApi(page, 'createRecord', {
      county: {
        name: '南丰县',
        province: '江西省',
        prefecture: '抚州市',
        batch: 8,
        year: 2021,
        approvedOn: null,
        acceptedOn: null,
        investment: { total: '0', central: '0', localGov: '0', social: '0' },
        centralArrangedUse: '0',
        statusNote: '',
      },
    });
    await page.getByRole('button', { name: '中文' }).click();
    await page.reload();
    await gridReady(page);
    await openLedger(page);
    await page.getByRole('button', { name: '添加一笔' }).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.locator('.record', { hasText: '南丰县' }).click();
    await poll(() => page.getByRole('alertdialog').innerText()).toContain('拨付台账中 1 笔没有填完的拨付');
    await page.getByRole('alertdialog').getByRole('button', { name: '留在这里' }).click();
    await poll(() => cell(page, 'payments', 0, 'line').innerText()).toBe('3');
  });
});

describe('阶段', () => {
  it('offers the usual stages as it is typed, and keeps any other text', async () => {
    const { page } = app();
    await withTwoPayments(page);
    await openLedger(page);
    await cell(page, 'payments', 0, 'stage').click();
    await page.keyboard.type('进度');
    await poll(() => page.getByRole('listbox').innerText()).toBe('进度款');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await cell(page, 'payments', 1, 'stage').click();
    await page.keyboard.type('第二期进度款');
    await page.keyboard.press('Enter');
    await saved(page);
    expect((await stored(page)).record.payments!.map((p) => (p as unknown as { stage: string }).stage)).toEqual(['进度款', '第二期进度款']);
  });
});

describe('undo and redo', () => {
  it('undo and redo payment edits from the keyboard and the buttons, each one step, named', async () => {
    const { page } = app();
    await withTwoPayments(page);
    await openLedger(page);
    await cell(page, 'payments', 1, 'amount').click();
    await page.keyboard.type('340');
    await page.keyboard.press('Enter');
    await saved(page);
    await poll(() => page.getByTestId('undo').innerText()).toBe('撤销:编辑 樟树市 拨付台账 第2笔 金额(万元)');
    // A third payment, and its deletion.
    await page.getByRole('button', { name: '添加一笔' }).click();
    for (const v of ['3', '2022-05-01', '20']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Tab');
    }
    await saved(page);
    await poll(async () => (await stored(page)).record.payments!.length).toBe(3);
    await cell(page, 'payments', 2, 'amount').click();
    await page.keyboard.press(`${mod}+Minus`);
    await poll(() => page.getByRole('alertdialog').innerText()).toContain('删除 拨付台账 第3笔(序号 3,2022-05-01,20 万元)?');
    await page.getByRole('alertdialog').getByRole('button', { name: '删除行' }).click();
    await poll(async () => (await stored(page)).record.payments!.length).toBe(2);

    await page.keyboard.press(`${mod}+z`);
    await poll(async () => (await stored(page)).record.payments!.length).toBe(3);
    await page.keyboard.press(`${mod}+z`);
    await poll(async () => (await stored(page)).record.payments!.length).toBe(2);
    await poll(() => page.getByTestId('undo').innerText()).toBe('撤销:编辑 樟树市 拨付台账 第2笔 金额(万元)');
    await page.getByTestId('undo').click();
    await poll(() => cell(page, 'payments', 1, 'amount').innerText()).toBe('340.21');
    expect((await stored(page)).record.payments!.map((p) => p.amount)).toEqual(['300', '340.21']);
    await poll(() => page.getByTestId('redo').innerText()).toBe('重做:编辑 樟树市 拨付台账 第2笔 金额(万元)');
    await page.keyboard.press(`${mod}+y`);
    await poll(() => cell(page, 'payments', 1, 'amount').innerText()).toBe('340.00');
    await page.getByTestId('redo').click();
    await poll(async () => (await stored(page)).record.payments!.map((p) => [p.line, p.amount])).toEqual([
      [1, '300'],
      [1, '340'],
      [3, '20'],
    ]);
    await poll(() => cellTexts(page, 'payments', 'amount', 3)).toEqual(['300.00', '340.00', '20.00']);
  });
});

describe('a line with payments in table 三', () => {
  it('shows 实际拨付额度 as computed: typing is refused saying why, a paste of another value is refused at the cell, F2 opens its payments', async () => {
    const { page } = app();
    await withTwoPayments(page);
    const actual = cell(page, 'disbursements', 0, 'actual');
    await poll(() => actual.getAttribute('class')).toContain('ledger-cell');
    await actual.click();
    await page.keyboard.type('700');
    await poll(() => page.getByTestId('note').innerText()).toBe(
      '第 1 行 实际拨付额度(万元): 由拨付台账计算(2 笔拨付),不能直接填写;请在拨付台账中录入、修改拨付(双击、按 F2 或点“账”查看这一行的拨付) (“700”未写入)',
    );
    expect(await page.locator('.grid-editor.editing').count()).toBe(0);
    await paste(page, '700\n');
    await poll(() => page.getByTestId('note').innerText()).toContain('未粘贴:1 个单元格有误');
    await poll(() => actual.getAttribute('class')).toContain('cell-error');
    expect((await stored(page)).record.disbursements[0].actual).toBe('640.21');
    // A line without payments takes a typed amount as before.
    await cell(page, 'disbursements', 1, 'actual').click();
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await saved(page);
    expect((await stored(page)).record.disbursements[1].actual).toBe('300');
    // F2 on the computed cell: its line's payments, the first one selected.
    await actual.click();
    await page.keyboard.press('F2');
    await poll(() => cell(page, 'payments', 0, 'amount').getAttribute('class')).toContain('sel-active');
    // And a click on its badge (账, at the cell's left edge) does the same.
    await page.getByRole('tab', { name: '验收表' }).click();
    await actual.scrollIntoViewIfNeeded();
    const box = (await actual.boundingBox())!;
    await page.mouse.click(box.x + 14, box.y + box.height / 2);
    await poll(() => cell(page, 'payments', 0, 'amount').getAttribute('class')).toContain('sel-active');
  });
});

describe('deleting a line with payments', () => {
  it('says its payments go with it, and undo brings both back', async () => {
    const { page } = app();
    await withTwoPayments(page);
    await cell(page, 'disbursements', 0, 'name').click();
    await page.keyboard.press(`${mod}+Minus`);
    await poll(() => page.getByRole('alertdialog').innerText()).toContain(
      '删除 三 第1行(序号 1“县乡村物流快递配送体系建设”),连同它的 2 笔拨付?',
    );
    await page.getByRole('alertdialog').getByRole('button', { name: '删除行' }).click();
    await poll(async () => (await stored(page)).record.payments).toBeUndefined();
    await page.keyboard.press(`${mod}+z`);
    await poll(async () => (await stored(page)).record.payments?.length).toBe(2);
    await poll(() => cell(page, 'disbursements', 0, 'actual').getAttribute('class')).toContain('ledger-cell');
  });
});

describe('paste, the chart, findings and print', () => {
  it('a block copied from the exported 拨付台账 sheet (header first) adds every payment in one step; a bad cell writes nothing', async () => {
    const { page } = app();
    await gridReady(page);
    await openLedger(page);
    // A click on the empty table's hint (it lets the click through to the table) gives the table the keyboard.
    const hint = (await page.getByText('还没有拨付。').boundingBox())!;
    await page.mouse.click(hint.x + hint.width / 2, hint.y + hint.height / 2);
    const header = '序号\t具体项目名称\t拨付日期\t金额(万元)\t收款单位\t凭证号\t阶段\t备注';
    await paste(
      page,
      `${header}\n1\t县乡村物流快递配送体系建设\t2021-12-01\t300\t樟树市邮政分公司\t记-2021-118\t签订协议\t\n1\t县乡村物流快递配送体系建设\t2022-06-3O\t340.21\t\t\t\t\n`,
    );
    await poll(() => page.getByTestId('note').innerText()).toContain('拨付台账第 2 笔 拨付日期“2022-06-3O”不是具体到日的日期');
    expect((await stored(page)).record.payments).toBeUndefined();
    await paste(
      page,
      `${header}\n1\t县乡村物流快递配送体系建设\t2021-12-01\t300\t樟树市邮政分公司\t记-2021-118\t签订协议\t\n1\t县乡村物流快递配送体系建设\t2022-06-30\t340.21\t\t\t\t\n`,
    );
    await saved(page);
    expect((await stored(page)).record.payments!.map((p) => [p.date, p.amount, p.payee])).toEqual([
      ['2021-12-01', '300', '樟树市邮政分公司'],
      ['2022-06-30', '340.21', ''],
    ]);
    await poll(() => page.getByTestId('undo').innerText()).toBe('撤销:添加拨付 樟树市 拨付台账 2 笔');
    await page.keyboard.press(`${mod}+z`);
    await poll(async () => (await stored(page)).record.payments).toBeUndefined();
  });

  it('draws the payments adding up against the planned total, as SVG, with the day marked', async () => {
    const { page } = app();
    await withTwoPayments(page);
    await setAsOf(page, '2022-01-01');
    await openLedger(page);
    const chart = page.getByTestId('ledger-chart');
    await chart.locator('svg').waitFor();
    await poll(() => chart.locator('svg text').evaluateAll((texts) => texts.map((x) => x.textContent))).toEqual(
      expect.arrayContaining(['计划安排额度 775.00 万元', '截至 2022-01-01']),
    );
  });

  it('a finding about a payment opens the ledger at its cell', async () => {
    const { page } = app();
    await withTwoPayments(page);
    await callApi(page, 'editPayments', { recordId: 1, edits: [], append: [{ line: 2, date: '2022-03-15', amount: '100' }] });
    await page.reload();
    await gridReady(page);
    await page.getByTestId('checks').getByRole('button', { name: '序号 2 2022-03-15 的一笔拨付 100 万元没有收款单位' }).click();
    await poll(() => cell(page, 'payments', 2, 'payee').getAttribute('class')).toContain('sel-active');
    await page.keyboard.type('樟树市农产品公司');
    await page.keyboard.press('Enter');
    await saved(page);
    expect((await stored(page)).record.payments![2].payee).toBe('樟树市农产品公司');
  });

  it('typing a day into 数字截至 leaves table 三 where it is on screen, to watch its figures change', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 1366, height: 768 });
    await withTwoPayments(page);
    const heading = page.locator('.tables h3', { hasText: '中央财政资金拨付情况' });
    await heading.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const y = (await heading.boundingBox())!.y;
    await page.getByTestId('as-of').click();
    await page.keyboard.press(`${mod}+a`);
    await page.keyboard.type('2022-01-01');
    expect(Math.abs((await heading.boundingBox())!.y - y)).toBeLessThan(2);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('summary').innerText()).toContain('截至2022年1月1日');
    expect(Math.abs((await heading.boundingBox())!.y - y)).toBeLessThan(2);
  });

  it('the print preview gives the figures as of the day chosen, and says which', async () => {
    const { page } = app();
    await withTwoPayments(page);
    await setAsOf(page, '2022-01-01');
    await poll(() => page.getByTestId('summary').innerText()).toContain('截至2022年1月1日');
    await page.getByRole('button', { name: '打印预览' }).click();
    expect(await page.getByTestId('print-as-of').innerText()).toBe('数字截至 2022-01-01');
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await poll(() => frame.locator('body').innerText()).toContain('截至2022年1月1日,已拨付承办企业资金共895.75万元,资金拨付率59.72%。');
  });
});
