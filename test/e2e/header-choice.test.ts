// End-to-end: a sheet where the reader found no table at all gets the preview's correction panel,
// the header-row choice offers its rows (a heading over 30 characters among them), and chosen, the
// sheet reads and imports.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, type App } from './harness';
import { ROOT, tempDir } from '../helpers/fixtures';
import { longHeading } from '../fixtures/headers';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT } from '../fixtures/workbooks';
import { referenceFixture } from '../helpers/fixtures';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('the header-row choice where no table was found', () => {
  it('table 三 alone, its 实际 heading 35 characters long: the panel says no table was found; the person points at the header row, and it reads and imports', async () => {
    app = await startApp();
    const a = app;
    await a.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
    const { sheet, header } = longHeading(true, '寻乌县');
    const p = path.join(tempDir(), '寻乌县.xlsx');
    fs.writeFileSync(p, await bytesOf(excelOf([sheet])));
    await a.page.getByTestId('import-input').setInputFiles([p]);
    const dialog = a.page.getByRole('dialog');
    const correction = dialog.getByTestId('correction-寻乌县');
    await correction.waitFor();
    expect(await correction.getByTestId('no-table').innerText()).toContain('没有找到表三');
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    const top = correction.getByLabel('表头行:第');
    expect(await top.locator(`option[value="${header}"]`).innerText()).toContain('截至2021年12月31日累计实际拨付');
    await top.selectOption(String(header));
    if (process.env.YANSHOU_SHOTS) await a.page.screenshot({ path: path.join(ROOT, 'docs/app-import-no-table.png') });
    await dialog.getByTestId('reread').click();
    await expect.poll(() => dialog.locator('.findings li.error').count()).toBe(0);
    expect(await dialog.locator('table.preview').first().innerText()).toContain('1235.96');
    expect(await correction.innerText()).toContain(`本次更正:表头为第 ${header}–${header} 行`);
    await expect.poll(() => dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => a.page.getByText('寻乌县').count()).toBeGreaterThan(0);
  });

  it('a header in words no reader knows (第一栏 | 第二栏): chosen, its columns are offered; the person names 计划 and 实际, and it reads (B24)', async () => {
    app = await startApp();
    const a = app;
    await a.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
    const [sheet, ...rest] = layoutSheets(
      [{ ...referenceFixture('hans'), county: { ...referenceFixture('hans').county, name: '寻乌县' } }],
      PLAIN_LAYOUT,
    );
    const index = sheet.rows.findIndex((r) => r.some((c) => c?.v === '计划安排额度(万元)'));
    const words: Record<string, string> = { '计划安排额度(万元)': '第一栏(万元)', '实际拨付额度(万元)': '第二栏(万元)' };
    sheet.rows[index] = sheet.rows[index].map((c) => (c && typeof c.v === 'string' && words[c.v] ? { v: words[c.v] } : c));
    const letter = (v: string) => String.fromCharCode(65 + sheet.rows[index].findIndex((c) => c?.v === v));
    const p = path.join(tempDir(), '寻乌县.xlsx');
    fs.writeFileSync(p, await bytesOf(excelOf([sheet, ...rest])));
    await a.page.getByTestId('import-input').setInputFiles([p]);
    const dialog = a.page.getByRole('dialog');
    const correction = dialog.getByTestId(`correction-${sheet.name}`);
    await correction.waitFor();
    await correction.getByLabel('表头行:第').selectOption(String(index + 1));
    await dialog.getByTestId('reread').click();
    const planned = correction.getByLabel('计划安排额度所在列');
    await planned.waitFor();
    await planned.selectOption(letter('第一栏(万元)'));
    await correction.getByLabel('实际拨付额度所在列').selectOption(letter('第二栏(万元)'));
    await dialog.getByTestId('reread').click();
    await expect.poll(() => dialog.locator('.findings li.error').count()).toBe(0);
    expect(await dialog.locator('table.preview').first().innerText()).toContain('1235.96');
    await expect.poll(() => dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(false);
    if (process.env.YANSHOU_SHOTS) await a.page.screenshot({ path: path.join(ROOT, 'docs/app-import-columns.png') });
  });
});
