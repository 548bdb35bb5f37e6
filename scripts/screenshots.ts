// npm run screenshots: the main screens into docs/, taken from the real app in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startApp } from '../test/e2e/harness';
import { bytesOf, typedSeedWorkbook } from '../test/fixtures/workbooks';
import { ROOT, tempDir } from '../test/helpers/fixtures';

const docs = path.join(ROOT, 'docs');
const app = await startApp();
const { page } = app;
try {
  await page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
  await page.screenshot({ path: path.join(docs, 'app-basic.png') });
  await page.locator('h3', { hasText: '三、中央财政资金拨付情况' }).scrollIntoViewIfNeeded();
  await page.locator('.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)[row-index="0"] .ag-cell[col-id="actual"]').click();
  await page.keyboard.type('800');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
  await page.locator('.checks').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(docs, 'app-disbursements.png') });
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(600);
  const file = path.join(tempDir(), '樟樹市.xlsx');
  fs.writeFileSync(file, await bytesOf(typedSeedWorkbook({ script: 'hant' }, (t) => (t.total[2] = '1499'))));
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByRole('dialog').getByText('跳过').first().waitFor();
  await page.screenshot({ path: path.join(docs, 'app-import.png') });
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '导出…' }).click();
  await page.screenshot({ path: path.join(docs, 'app-export.png') });
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '打印预览' }).click();
  await page.frameLocator('[data-testid="print-frame"]').locator('h1').waitFor();
  await page.screenshot({ path: path.join(docs, 'app-print-preview.png') });
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => document.querySelector('.content')!.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(docs, 'app-english.png') });
  await page.getByRole('button', { name: '中文' }).click();
} finally {
  await app.stop();
}
// The seed's acceptance document as printed: `yanshou pdf`, then its pages as PNG.
const db = path.join(tempDir(), 'pdf.sqlite');
execFileSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'demo', '--db', db]);
const pdf = path.join(docs, 'seed-acceptance.pdf');
execFileSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'pdf', pdf, '--db', db]);
execFileSync('pdftoppm', ['-r', '70', '-png', pdf, path.join(docs, 'seed-pdf-page')]);
console.log('screenshots written to docs/');
