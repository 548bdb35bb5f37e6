// End-to-end: the import preview shows each doubtful figure beside what its cell showed, holds the
// import until each doubt is confirmed, and reads again with a person's correction (issue 27).
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, type App } from './harness';
import { ROOT, tempDir } from '../helpers/fixtures';
import { footnoteWorkbook, fourRowHeader, scaledFormat, yuanInTextBox } from '../fixtures/doubtful';
import { bytesOf, excelOf } from '../fixtures/workbooks';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function pick(a: App, file: { name: string; bytes: Uint8Array }) {
  const p = path.join(tempDir(), file.name);
  fs.writeFileSync(p, file.bytes);
  await a.page.getByTestId('import-input').setInputFiles([p]);
  const dialog = a.page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

describe('doubts in the import preview', () => {
  it('amounts in 元 under a text box: 15,000,000.00 shown beside 15000000 read in 万元; held; told the unit, it reads 1500 and imports', async () => {
    app = await startApp();
    const a = app;
    await a.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
    const dialog = await pick(a, { name: '寻乌县.xlsx', bytes: await yuanInTextBox('寻乌县').bytes() });
    const doubts = dialog.getByTestId('doubts');
    await doubts.waitFor();
    const scale = dialog.locator('[data-testid="doubt-row"][data-code="amount_scale"]').first();
    expect(await scale.innerText()).toContain('15,000,000.00');
    expect(await scale.innerText()).toContain('15000000');
    expect(await scale.innerText()).toContain('万元(未写明单位)');
    expect(await scale.innerText()).toContain('计划安排额度合计 15000000 万元是中央资金 1500 万元的 10000 倍');
    expect(await doubts.innerText()).toContain('文本框写着“单位：元”');
    expect(await dialog.locator('table.preview').first().innerText()).toContain('待确认');
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    await dialog.evaluate((el) => ((el as HTMLElement).scrollTop = 0));
    // docs/app-import-doubts.png is this very screen; retaken when asked (YANSHOU_SHOTS=1), never as a side effect of a test run.
    if (process.env.YANSHOU_SHOTS) await a.page.screenshot({ path: path.join(ROOT, 'docs/app-import-doubts.png') });

    // The person tells the unit of the two amount columns, every doubt ticked: until the import reads again,
    // 导入 is held and the dialog says the correction is not applied — the preview above is still 万元.
    const correction = dialog.getByTestId('correction-寻乌县');
    await dialog.getByRole('button', { name: '全部确认' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(false);
    await correction.getByLabel('C 金额单位').selectOption('yuan');
    await correction.getByLabel('D 金额单位').selectOption('yuan');
    expect(await dialog.getByTestId('correction-unapplied').innerText()).toContain('寻乌县 的更正尚未应用');
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    await dialog.getByTestId('reread').click();
    await expect.poll(() => dialog.getByTestId('doubts').count()).toBe(0);
    expect(await dialog.locator('table.preview').first().innerText()).toContain('1235.96');
    expect(await correction.innerText()).toContain('本次更正:C 列单位为元;D 列单位为元');
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => a.page.getByText('寻乌县').count()).toBeGreaterThan(0);
  });

  it('a header of four rows: the person chooses its rows, the preview reads again, and the next form of that layout is read with it, named', async () => {
    app = await startApp();
    const a = app;
    await a.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
    const { sheet, header } = fourRowHeader('寻乌县');
    const dialog = await pick(a, { name: '寻乌县.xlsx', bytes: await bytesOf(excelOf([sheet])) });
    const correction = dialog.getByTestId('correction-寻乌县');
    await correction.waitFor();
    // The row of units under the header was read as a line: refused at its cells, nothing can be imported.
    expect(await dialog.locator('.findings').innerText()).toContain(`C${header + 3}`);
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    await correction.getByLabel('行至第').selectOption(String(header + 3));
    await dialog.getByTestId('reread').click();
    await expect.poll(() => dialog.locator('.findings li.error').count()).toBe(0);
    expect(await dialog.locator('table.preview').first().innerText()).toContain('1235.96');
    expect(await correction.innerText()).toContain(`本次更正:表头为第 ${header}–${header + 3} 行`);
    if (process.env.YANSHOU_SHOTS) await a.page.screenshot({ path: path.join(ROOT, 'docs/app-import-header.png') });
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);

    // The same form from another county, two lines longer above: read with the header remembered, and named.
    const other = fourRowHeader('南丰县', 2);
    const next = await pick(a, { name: '南丰县.xlsx', bytes: await bytesOf(excelOf([other.sheet])) });
    const remembered = next.getByTestId('remembered');
    await remembered.waitFor();
    expect(await remembered.innerText()).toContain(`表头为第 ${other.header}–${other.header + 3} 行`);
    expect(await next.locator('table.preview').first().innerText()).toContain('1235.96');
    await expect.poll(() => next.getByRole('button', { name: '导入' }).isDisabled()).toBe(false);
  });

  it('元 under a format that shows 万元: 640.2100 shown beside 640.21 read and the stored 6402100; the person may read the column as stored', async () => {
    app = await startApp();
    const a = app;
    await a.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
    const dialog = await pick(a, { name: '瑞金市.xlsx', bytes: await scaledFormat('瑞金市').bytes() });
    const row = dialog.locator('[data-testid="doubt-row"][data-code="scaled_format"]');
    await row.waitFor();
    expect(await row.getByTestId('doubt-seen').innerText()).toBe('640.2100');
    expect(await row.getByTestId('doubt-read').innerText()).toBe('640.21');
    expect(await row.innerText()).toContain('按存的数则是 6402100 万元');
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    if (process.env.YANSHOU_SHOTS) await a.page.screenshot({ path: path.join(ROOT, 'docs/app-import-scaled.png') });
    const correction = dialog.getByTestId('correction-瑞金市');
    await correction.getByLabel('D 列按存的数读').check();
    await dialog.getByTestId('reread').click();
    await expect.poll(() => dialog.locator('[data-testid="doubt-row"][data-code="scaled_format"]').count()).toBe(0);
    expect(await dialog.locator('table.preview').first().innerText()).toContain('12359600');
    expect(await correction.innerText()).toContain('本次更正:D 列按存的数读');
  });

  it('a footnote mark: 640.21¹ shown, 640.21 read; confirmed, it imports', async () => {
    app = await startApp();
    const a = app;
    await a.page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
    const dialog = await pick(a, { name: '南丰县.xlsx', bytes: await footnoteWorkbook('南丰县').bytes() });
    const row = dialog.locator('[data-testid="doubt-row"][data-code="footnote_mark"]');
    await row.waitFor();
    expect(await row.getByTestId('doubt-seen').innerText()).toBe('640.21¹');
    expect(await row.getByTestId('doubt-read').innerText()).toBe('640.21');
    const commit = dialog.getByRole('button', { name: '导入' });
    expect(await commit.isDisabled()).toBe(true);
    await row.getByRole('checkbox').check();
    await expect.poll(() => commit.isDisabled()).toBe(false);
    await commit.click();
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => a.page.getByText('南丰县').count()).toBeGreaterThan(0);
  });
});
