// End-to-end: the import preview in Chromium against `yanshou web`. Each test starts its own app
// on a new database holding the demo record (樟树市, batch 8), so tests run alone and in any order.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, cell, type App } from './harness';
import { tempDir } from '../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, rowOf, seedAs } from '../fixtures/workbooks';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function open(): Promise<App> {
  app = await startApp();
  await app.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
  return app;
}

async function pick(a: App, files: { name: string; bytes: Uint8Array }[]) {
  const dir = tempDir();
  const paths = files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.bytes);
    return p;
  });
  await a.page.getByTestId('import-input').setInputFiles(paths);
  const dialog = a.page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

const rowTexts = async (dialog: ReturnType<App['page']['getByRole']>) =>
  // A county cell may hold what a replace changes under its name: the name is its first text.
  dialog
    .locator('table.preview tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('td')].map((td) => ((td.querySelector('div') ? td.firstChild?.textContent : td.textContent) ?? '').trim()),
      ),
    );

describe('the import preview', () => {
  it('shows per county Σ计划, Σ实际, rate, rows, the unit read and the cells not read, under column headers; Escape closes it', async () => {
    const a = await open();
    const sheets = layoutSheets([seedAs('寻乌县', 9)], { ...PLAIN_LAYOUT, unit: 'yuan', unitAt: 'line' });
    sheets[0].rows[12][7] = { v: 42 };
    const dialog = await pick(a, [{ name: '寻乌县.xlsx', bytes: await bytesOf(excelOf(sheets)) }]);
    await expect.poll(() => dialog.locator('table.preview tbody tr').count()).toBe(1);
    expect(await dialog.getByRole('columnheader').allInnerTexts()).toEqual([
      '操作',
      '县(市、区)',
      '批次',
      '文件 › 工作表',
      '项目 / 拨付行 / 台账笔数',
      'Σ计划(万元)',
      'Σ实际(万元)',
      '拨付率(%)',
      '金额单位',
      '未读入单元格',
    ]);
    expect(await rowTexts(dialog)).toEqual([
      ['新建', '寻乌县', '9', '寻乌县.xlsx › 寻乌县', '6 / 6 / 0', '1500', '1235.96', '82.40', '元(已换算为万元)', '1'],
    ]);
    const findings = await dialog.locator('.findings li').allInnerTexts();
    expect(findings).toEqual([
      expect.stringMatching(/^提示 寻乌县\.xlsx › 寻乌县 › H13 未读入“42”/),
      expect.stringMatching(/^提示 寻乌县\.xlsx › 寻乌县 › E13 金额单位为元/),
    ]);
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
  });

  it('for a record that exists, says what replacing it changes; replace and commit show the new figures', async () => {
    const a = await open();
    const sheets = layoutSheets([seedAs('樟树市')], PLAIN_LAYOUT);
    rowOf(sheets[0], '县乡村物流快递配送体系建设')[3] = { v: 700 };
    sheets[0].rows[19][3] = { v: 1295.75 };
    sheets[0].rows[19][4] = null;
    rowOf(sheets[0], '县乡村物流快递配送体系建设')[4] = null;
    const dialog = await pick(a, [{ name: '樟树市.xlsx', bytes: await bytesOf(excelOf(sheets)) }]);
    await expect.poll(() => dialog.getByTestId('import-changes').innerText()).toContain('1235.96 → 1295.75');
    const changes = await dialog.getByTestId('import-changes').innerText();
    expect(changes).toContain('项目: 新增 0 行、删除 0 行; 拨付行: 新增 0 行、删除 0 行');
    expect(changes).toContain('县乡村物流快递配送体系建设: Σ实际(万元) 640.21 → 700');
    expect((await rowTexts(dialog))[0][0]).toBe('跳过');
    await dialog.getByLabel('替换(先备份)').check();
    await expect.poll(async () => (await rowTexts(dialog))[0][0]).toBe('替换');
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => cell(a.page, 'disbursements', 0, 'actual').innerText()).toBe('700.00');
    expect((await cell(a.page, 'disbursements', 'total', 'actual').innerText()).trim()).toBe('1295.75');
  });

  it('a file that cannot be read, picked with good ones, is skipped and named; the good ones import', async () => {
    const a = await open();
    const bad = { name: '旧格式.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]) };
    const good = { name: '南丰县.xlsx', bytes: await bytesOf(excelOf(layoutSheets([seedAs('南丰县', 7)], PLAIN_LAYOUT))) };
    const dialog = await pick(a, [bad, good]);
    await expect.poll(() => dialog.getByTestId('skipped-files').innerText()).toContain('旧格式.xls');
    expect(await dialog.getByTestId('skipped-files').innerText()).toContain('另存为');
    expect((await rowTexts(dialog)).map((r) => r.slice(0, 3))).toEqual([['新建', '南丰县', '7']]);
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => a.page.locator('.record .name').allInnerTexts()).toContain('南丰县');
  });

  it('a workbook with no county says so, lists none, and cannot be committed', async () => {
    const a = await open();
    const dialog = await pick(a, [
      { name: '说明.xlsx', bytes: await bytesOf(excelOf([{ name: '填表说明', rows: [[{ v: '请按模板填写' }]] }])) },
    ]);
    await expect.poll(() => dialog.innerText()).toContain('所选文件中没有找到任何县的验收表');
    expect(await dialog.locator('table.preview').count()).toBe(0);
    // No county, and the one sheet told once as not read (填表说明, not a county).
    expect(await dialog.locator('.findings li').allInnerTexts()).toEqual([
      expect.stringContaining('说明.xlsx › 填表说明'),
      expect.stringContaining('这是填表说明'),
    ]);
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
  });
});
