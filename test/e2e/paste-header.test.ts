// A block copied from Excel or WPS with its header row, as a finance officer pastes it: it goes where
// its header says (issue 22, items 1 and 2), in Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, cell, gridReady, mod, paste, saved } from './harness';
import { ROOT } from '../helpers/fixtures';
import type { RecordInput } from '../../shared/record';

const demo = JSON.parse(readFileSync(path.join(ROOT, 'shared/demo/zhangshu-2021.json'), 'utf8')) as RecordInput;
/** 樟树市 with table 三 still to fill (the ledger empty too). */
const withoutTable3: RecordInput = { ...demo, disbursements: [] };

const app = appPerTest(() => (expect.getState().currentTestName?.includes('table 三') ? { demo: false, records: [withoutTable3] } : {}));
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
type Stored = {
  record: {
    payments?: { line: number; date: string; amount: string; payee: string; voucher: string; note: string }[];
    disbursements: { seq: number; name: string; category: string; planned: string | null; actual: string | null }[];
  };
};
const stored = async (page: Page) => callApi<Stored>(page, 'getRecord', { id: 1 });

async function openLedger(page: Page) {
  await page.getByTestId('ledger-tab').click();
  await page.locator('.table-block[data-table="payments"]').waitFor();
}

async function clickEmptyLedger(page: Page) {
  const hint = (await page.getByText('还没有拨付。').boundingBox())!;
  await page.mouse.click(hint.x + hint.width / 2, hint.y + hint.height / 2);
}

describe('a ledger block with its header row', () => {
  it('my block lists 凭证号 before 收款单位: each value lands under its own title, not by position', async () => {
    const { page } = app();
    await gridReady(page);
    await openLedger(page);
    await clickEmptyLedger(page);
    await paste(
      page,
      '序号\t具体项目名称\t拨付日期\t金额(万元)\t凭证号\t收款单位\t阶段\t备注\n1\t县乡村物流快递配送体系建设\t2021-12-01\t300\t记-2021-118\t樟树市邮政分公司\t签订协议\t首付\n',
    );
    await saved(page);
    const [p] = (await stored(page)).record.payments!;
    expect([p.payee, p.voucher, p.note]).toEqual(['樟树市邮政分公司', '记-2021-118', '首付']);
    await poll(() => page.getByTestId('note').innerText()).toContain('已按表头粘贴 1 行');
    expect(await page.getByTestId('note').innerText()).toContain('具体项目名称由程序计算,未粘贴');
  });

  it('my usual layout has no 具体项目名称, in traditional characters: nothing shifts', async () => {
    const { page } = app();
    await gridReady(page);
    await openLedger(page);
    await clickEmptyLedger(page);
    await paste(page, '序號\t撥付日期\t金額（萬元）\t收款單位\t憑證號\n2\t2022-03-15\t100\t樟树市农产品公司\t记-2022-031\n');
    await saved(page);
    const [p] = (await stored(page)).record.payments!;
    expect([p.line, p.date, p.amount, p.payee, p.voucher]).toEqual([2, '2022-03-15', '100', '樟树市农产品公司', '记-2022-031']);
  });

  it('8 columns pasted with the selection on 备注: my note keeps its text, and one undo takes every pasted payment away', async () => {
    const { page } = app();
    await callApi(page, 'editPayments', {
      recordId: 1,
      edits: [],
      append: [{ line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', note: '首付款' }],
    });
    await page.reload();
    await gridReady(page);
    await openLedger(page);
    await cell(page, 'payments', 0, 'note').click();
    const rows = Array.from(
      { length: 11 },
      (_, i) => `2\t农产品上行服务体系建设\t2022-03-${String(i + 1).padStart(2, '0')}\t1\t公司${i}\t记-${i}\t进度款\t`,
    ).join('\n');
    // Without the header, then with it: neither writes a 序号 into 备注.
    await paste(page, `${rows}\n`);
    await saved(page);
    await poll(async () => (await stored(page)).record.payments!.length).toBe(12);
    expect((await stored(page)).record.payments![0].note).toBe('首付款');
    await page.keyboard.press(`${mod}+z`);
    await poll(async () => (await stored(page)).record.payments!.length).toBe(1);
    // No half-made rows left behind: the ledger lists the one payment only.
    await poll(() => page.locator('.table-block[data-table="payments"] .ag-row:not(.ag-row-pinned)').count()).toBe(1);
    await cell(page, 'payments', 0, 'note').click();
    await paste(page, `序号\t具体项目名称\t拨付日期\t金额(万元)\t收款单位\t凭证号\t阶段\t备注\n${rows}\n`);
    await poll(async () => (await stored(page)).record.payments?.length).toBe(12);
    expect((await stored(page)).record.payments![0].note).toBe('首付款');
  });
});

describe('table 三 pasted in the official layout', () => {
  async function focusEmptyTable3(page: Page) {
    const hint = page.locator('.table-block[data-table="disbursements"]').getByText('表中还没有行。');
    await hint.scrollIntoViewIfNeeded();
    const box = (await hint.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  it('table 三 as the seed document has it (traditional, with 合計): every line stored under its own column', async () => {
    const { page } = app();
    await page.locator('.table-block[data-table="disbursements"]').waitFor();
    await focusEmptyTable3(page);
    const seed = [
      '序號\t具體項目名稱\t計劃安排額度 (萬元)\t實際撥付額度 (萬元)\t資金撥付率(%)',
      '1\t縣鄉村物流快遞配送體系建設\t775\t640.21\t82.6%',
      '2\t農產品上行服務體系建設\t335\t285.4\t85.19%',
      '3\t鄉鎮商貿中心示范建設\t150\t100.00\t66.67%',
      '4\t樟樹市電子商務公共服務中心建設\t120\t107.82\t89.85%',
      '5\t農村電子商務人員培訓\t80\t73.12\t91.40%',
      '6\t農村電商宣傳和規劃\t40\t29.41\t73.53%',
      '合計\t1500\t1235.96\t82.4%',
    ].join('\n');
    await paste(page, `${seed}\n`);
    await saved(page);
    const lines = (await stored(page)).record.disbursements;
    expect(lines.map((d) => [d.seq, d.planned, d.actual])).toEqual([
      [1, '775', '640.21'],
      [2, '335', '285.4'],
      [3, '150', '100'],
      [4, '120', '107.82'],
      [5, '80', '73.12'],
      [6, '40', '29.41'],
    ]);
    expect(lines[0].name).toBe('縣鄉村物流快遞配送體系建設');
    expect(lines[0].category).toBe('logistics');
    await poll(() => cell(page, 'disbursements', 'total', 'rate').innerText()).toContain('82.40');
    expect(await page.getByTestId('note').innerText()).toContain('1 个合计行已跳过');
  });

  it("table 三 copied from the app's own export (simplified, 合计 merged over two cells) pastes straight in", async () => {
    const { page } = app();
    await page.locator('.table-block[data-table="disbursements"]').waitFor();
    await focusEmptyTable3(page);
    await paste(
      page,
      '序号\t具体项目名称\t计划安排额度(万元)\t实际拨付额度(万元)\t资金拨付率(%)\n1\t县乡村物流快递配送体系建设\t775.00\t640.21\t82.61%\n2\t农产品上行服务体系建设\t335.00\t285.40\t85.19%\n合计\t\t1110.00\t925.61\t83.39%\n',
    );
    await saved(page);
    expect((await stored(page)).record.disbursements.map((d) => [d.seq, d.name, d.planned, d.actual])).toEqual([
      [1, '县乡村物流快递配送体系建设', '775', '640.21'],
      [2, '农产品上行服务体系建设', '335', '285.4'],
    ]);
    expect(await page.getByTestId('note').innerText()).not.toContain('标红');
  });
});
