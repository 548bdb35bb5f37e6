// The editing app in Chromium, one app per test (tests run in any order; each sets up its state).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { appPerTest, cell, cellTexts, copy, gridReady, mod, paste, saved } from './harness';
import { readWorkbook } from '../../electron/services/excel/import';
import { computeRecord } from '../../shared/record';
import { referenceFixture, tempDir } from '../helpers/fixtures';
import { bytesOf, typedSeedWorkbook } from '../fixtures/workbooks';

const app = appPerTest();

describe('the editing app in Chromium', () => {
  it('shows the seed: 樟树市, rates 82.61 … 73.53, 合计 1235.96 / 82.40', async () => {
    const { page } = app();
    await gridReady(page);
    await expect.poll(() => page.locator('.record.selected .name').innerText()).toBe('樟树市');
    expect(await cellTexts(page, 'disbursements', 'rate', 6)).toEqual(['82.61', '85.19', '66.67', '89.85', '91.40', '73.53']);
    expect((await cell(page, 'disbursements', 'total', 'actual').innerText()).trim()).toBe('1235.96');
    expect((await cell(page, 'disbursements', 'total', 'planned').innerText()).trim()).toBe('1500.00');
    expect((await cell(page, 'disbursements', 'total', 'rate').innerText()).trim()).toBe('82.40');
    expect(await page.getByTestId('summary').innerText()).toBe('截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.40%。');
    // The acceptance tables have no finding; its 四、绩效自评 has one: 82.40% is below the line of 90%.
    expect(await page.getByTestId('checks').innerText()).toContain('绩效自评:资金执行率 82.40% 低于省定标准 90%');
    expect(await page.getByTestId('checks').locator('li').count()).toBe(1);
  });

  it('typing 700 over 640.21 shows rate 90.32 and 合计 1295.75 before the write returns, and 700 after a reload', async () => {
    const { page } = app();
    await gridReady(page);
    // Hold the write back: what is on screen must not wait for the store.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/editCells', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await cell(page, 'disbursements', 0, 'actual').click();
    await page.keyboard.type('700');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'disbursements', 0, 'rate').innerText()).toBe('90.32');
    expect((await cell(page, 'disbursements', 'total', 'actual').innerText()).trim()).toBe('1295.75');
    expect(await page.getByTestId('summary').innerText()).toContain('1295.75万元');
    expect(await page.getByTestId('save-state').innerText()).toBe('正在保存…');
    release();
    await page.unroute('**/api/editCells');
    await saved(page);
    await page.reload();
    await expect.poll(() => cell(page, 'disbursements', 0, 'actual').innerText()).toBe('700.00');
    expect((await cell(page, 'disbursements', 0, 'rate').innerText()).trim()).toBe('90.32');
  });

  it('offers the six categories by name: double-click lists them, ↓ and Enter choose, typing finds one', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'items', 0, 'category').dblclick();
    await expect
      .poll(() => page.locator('.grid-list li').allInnerTexts())
      .toEqual(['电子商务公共服务中心', '人员培训', '县乡村物流配送体系', '农产品上行服务体系', '宣传和规划', '乡镇商贸中心', '其他']);
    expect(await page.locator('.grid-list li.active').innerText()).toBe('电子商务公共服务中心');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'items', 0, 'category').innerText()).toBe('人员培训');
    await saved(page);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => cell(page, 'items', 0, 'category').innerText()).toBe('电子商务公共服务中心');
    await cell(page, 'items', 1, 'category').click();
    await page.keyboard.type('物流');
    await expect.poll(() => page.locator('.grid-list li').allInnerTexts()).toEqual(['县乡村物流配送体系']);
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'items', 1, 'category').innerText()).toBe('县乡村物流配送体系');
  });

  it('accepts numbers as people type them: 1,234.56, full-width digits, 万元', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 2, 'planned').click();
    await page.keyboard.type('1,234.56');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'disbursements', 2, 'planned').innerText()).toBe('1234.56');
    // Full-width digits come from an input method as text.
    await page.keyboard.insertText('６４０．２１');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'disbursements', 3, 'planned').innerText()).toBe('640.21');
    // F2 edits in place (Enter moves down, as in Excel); the old text is replaced.
    await cell(page, 'disbursements', 2, 'actual').click();
    await page.keyboard.press('F2');
    await page.keyboard.press(`${mod}+a`);
    await page.keyboard.insertText('１２０万元');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'disbursements', 2, 'actual').innerText()).toBe('120.00');
    await saved(page);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => cell(page, 'disbursements', 2, 'actual').innerText()).toBe('100.00');
  });

  it('pastes a 3×2 block copied from Excel, then undoes it in one step', async () => {
    const { page } = app();
    await gridReady(page);
    const before = await cellTexts(page, 'disbursements', 'planned', 6);
    const beforeActual = await cellTexts(page, 'disbursements', 'actual', 6);
    await cell(page, 'disbursements', 3, 'planned').click();
    // Excel's clipboard: tab-separated, CRLF, trailing newline; the third row runs past the table.
    await paste(page, '200\t150.5\r\n90\t88\r\n1,000\t500\r\n');
    await expect.poll(() => cell(page, 'disbursements', 3, 'planned').innerText()).toBe('200.00');
    expect(await cellTexts(page, 'disbursements', 'actual', 6)).toEqual([...beforeActual.slice(0, 3), '150.50', '88.00', '500.00']);
    expect(await cellTexts(page, 'disbursements', 'planned', 6)).toEqual([...before.slice(0, 3), '200.00', '90.00', '1000.00']);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => cellTexts(page, 'disbursements', 'planned', 6)).toEqual(before);
    expect(await cellTexts(page, 'disbursements', 'actual', 6)).toEqual(beforeActual);
  });

  it('pasting past the last row adds rows, as one undoable step', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 5, 'name').click();
    await paste(page, '"农村电商\n宣传"\t10\t5\n新增物流项目\t20\t10\n');
    await expect.poll(() => cell(page, 'disbursements', 6, 'name').innerText()).toBe('新增物流项目');
    expect((await cell(page, 'disbursements', 5, 'name').innerText()).trim()).toBe('农村电商\n宣传');
    expect((await cell(page, 'disbursements', 6, 'rate').innerText()).trim()).toBe('50.00');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => page.locator('.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)').count()).toBe(6);
    expect((await cell(page, 'disbursements', 5, 'name').innerText()).trim()).toBe('农村电商宣传和规划');
  });

  it('imports a workbook through the UI: preview with the conflict, replace, commit', async () => {
    const { page } = app();
    await gridReady(page);
    const file = path.join(tempDir(), '樟樹市.xlsx');
    fs.writeFileSync(file, await bytesOf(typedSeedWorkbook({ script: 'hant' })));
    await page.getByTestId('import-input').setInputFiles(file);
    const dialog = page.getByRole('dialog');
    // A conflict is skipped unless the clerk chooses to replace: the record's row says which.
    await expect.poll(() => dialog.getByRole('cell', { name: '跳过', exact: true }).count()).toBe(1);
    await dialog.getByLabel('替换(先备份)').check();
    await expect.poll(() => dialog.getByRole('cell', { name: '替换', exact: true }).count()).toBe(1);
    expect(await dialog.getByRole('cell', { name: '跳过', exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('樟樹市');
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe('640.21');
    expect(await page.getByTestId('summary').innerText()).toBe('截至驗收日,已撥付承辦企業資金共1235.96萬元,資金撥付率82.40%。');
  });

  it('an .xlsx dropped on the window opens the import preview', async () => {
    const { page } = app();
    const bytes = Array.from(await bytesOf(typedSeedWorkbook({ script: 'hans' })));
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '拖入的表.xlsx'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('拖入的表.xlsx');
    await expect.poll(() => dialog.innerText()).toContain('樟树市');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('copies a selected block (Shift+click) as tab-separated text, categories by name, amounts as stored', async () => {
    const { page } = app();
    await gridReady(page);
    await cell(page, 'disbursements', 1, 'seq').click();
    await cell(page, 'disbursements', 2, 'actual').click({ modifiers: ['Shift'] });
    const { text } = await copy(page);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    const shown = async (row: number) =>
      Promise.all(
        ['seq', 'category', 'name', 'planned', 'actual'].map(async (c) => (await cell(page, 'disbursements', row, c).innerText()).trim()),
      );
    const [second, third] = [await shown(1), await shown(2)];
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.slice(0, 3))).toEqual([second.slice(0, 3), third.slice(0, 3)]);
    expect(lines[0][1]).toBe('农产品上行服务体系');
    expect(lines[0].slice(3)).toEqual(['335', '285.4']);
    expect(second[3]).toBe('335.00');
  });

  it('exports: says so while the workbook is made (no second click), and the download parses back to the record on screen', async () => {
    const { page } = app();
    await gridReady(page);
    await page.getByRole('button', { name: '导出…' }).click();
    const dialog = page.getByRole('dialog');
    // Hold the export back: what the dialog shows meanwhile.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/exportWorkbook', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    const downloaded = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '导出' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toBe('正在导出 1 个县的验收表…(数量多时需要几秒钟)');
    expect(await dialog.getByRole('button', { name: '导出' }).isDisabled()).toBe(true);
    release();
    const download = await downloaded;
    await page.unroute('**/api/exportWorkbook');
    const saved = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('樟树市-第8批-验收表.xlsx');
    const [read] = await readWorkbook({ name: 'download.xlsx', bytes: fs.readFileSync(saved) });
    // The record, and its 四、绩效自评 (the money following the record) from the 绩效自评表 sheet.
    const { performance, ...record } = computeRecord(read.input!);
    expect(record).toEqual(referenceFixture('hans'));
    expect(performance?.funds).toMatchObject({ rate: '82.40', score: '8.24', from: { budget: 'record', executed: 'record' } });
  });

  it('records: new (validated), duplicate to the next batch, delete after a yes with a backup, undo brings it back', async () => {
    const { page } = app();
    await gridReady(page);
    const names = () => page.locator('.record .name').allInnerTexts();
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => dialog.locator('.error').innerText()).toContain('县(市、区)');
    await dialog.locator('input[name="name"]').fill('寻乌县');
    await dialog.locator('input[name="province"]').fill('江西省');
    await dialog.locator('input[name="batch"]').fill('第七批');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toBe('寻乌县 · 批次 7 · ' + new Date().getFullYear());
    await page.getByRole('button', { name: '复制', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').locator('input[name="batch"]').inputValue()).toBe('8');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toContain('寻乌县 · 批次 8');
    await expect.poll(async () => (await names()).sort()).toEqual(['寻乌县', '寻乌县', '樟树市']);
    await page.getByRole('button', { name: '删除', exact: true }).click();
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.innerText()).toContain('删除 寻乌县 的记录?');
    await question.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('note').innerText()).toMatch(/已删除\(备份:.*backups.*\)/);
    const backup = /备份:(.*)\)/.exec(await page.getByTestId('note').innerText())![1];
    expect(fs.existsSync(backup)).toBe(true);
    await expect.poll(async () => (await names()).sort()).toEqual(['寻乌县', '樟树市']);
    await page.getByRole('button', { name: /^撤销/ }).click();
    await expect.poll(async () => (await names()).sort()).toEqual(['寻乌县', '寻乌县', '樟树市']);
  });

  it('switches to English and back', async () => {
    const { page } = app();
    await gridReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.content').innerText()).toContain('3. Central funds disbursed');
    expect(await page.locator('.table-block[data-table="disbursements"] .ag-header-cell[col-id="actual"]').innerText()).toContain(
      'Disbursed',
    );
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.content').innerText()).toContain('三、中央财政资金拨付情况');
  });
});
