// npm run screenshots: the main screens into docs/, taken from the real app in Chromium, at the
// size of the office laptops it is used on (1366×768).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { callApi, cell, paste, startApp } from '../test/e2e/harness';
import { reviewerCounties } from '../test/fixtures/counties';
import { bytesOf, typedSeedWorkbook } from '../test/fixtures/workbooks';
import { ME, referenceFixture, ROOT, tempDir } from '../test/helpers/fixtures';
import { openDatabase } from '../electron/services/store/database';
import { createRecord } from '../electron/services/store/records';
import { toInput } from '../shared/record';

const docs = path.join(ROOT, 'docs');
const app = await startApp({ viewport: { width: 1366, height: 768 } });
const { page } = app;
const shot = (name: string) => page.screenshot({ path: path.join(docs, `${name}.png`) });
const saved = async () => {
  for (let i = 0; i < 100 && (await page.getByTestId('save-state').innerText()) !== '已保存'; i++) await page.waitForTimeout(100);
};
const scrollTo = async (heading: string) => {
  await page.locator('h3', { hasText: heading }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.mouse.move(5, 700);
  await page.waitForTimeout(900);
};
try {
  await page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
  await shot('app-basic');

  // Typing down 实际拨付额度: rates, 合计, the sentence, the checks and the sidebar follow; a block selected.
  await scrollTo('三、中央财政资金拨付情况');
  await cell(page, 'disbursements', 0, 'actual').click();
  for (const v of ['800', '300']) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowLeft');
  await saved();
  await scrollTo('三、中央财政资金拨付情况');
  await shot('app-disbursements');

  // A block with a typo: nothing written, the bad cell marked, the reason in the status bar.
  await cell(page, 'disbursements', 3, 'planned').click();
  await paste(page, '200\t150\r\n2O0\t88\r\n');
  await page.waitForTimeout(300);
  await cell(page, 'disbursements', 4, 'planned').hover();
  await page.waitForTimeout(700);
  await shot('app-paste');
  await page.keyboard.press('Escape');

  // The history: the undo button names the step; the panel lists this window's steps.
  await page.getByRole('button', { name: '历史' }).click();
  await page.mouse.move(5, 700);
  await page.waitForTimeout(900);
  await shot('app-history');
  await page.getByRole('complementary').getByRole('button', { name: '关闭' }).click();
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(400);
  }

  const file = path.join(tempDir(), '樟樹市.xlsx');
  fs.writeFileSync(file, await bytesOf(typedSeedWorkbook({ script: 'hant' }, (t) => (t.total[2] = '1499'))));
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByRole('dialog').getByText('跳过').first().waitFor();
  await shot('app-import');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '导出…' }).click();
  // The dialog loads as its own chunk: on screen before the picture.
  await page.getByRole('dialog').getByRole('button', { name: '空白模板…' }).waitFor();
  await shot('app-export');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '打印预览' }).click();
  await page.frameLocator('[data-testid="print-frame"]').locator('.sheet-foot').first().waitFor();
  await page.waitForTimeout(300);
  await shot('app-print-preview');
  await page.getByRole('button', { name: '关闭' }).click();

  // The ledger: three payments typed at the keyboard, the figures as of 2022-01-01 (the later ones grey), the chart.
  await page.getByTestId('ledger-tab').click();
  await page.getByRole('button', { name: '添加一笔' }).click();
  const payments = [
    ['1', '2021-12-01', '300', '樟树市邮政分公司', '记-2021-118', '签订协议'],
    ['2', '2021-12-20', '120', '樟树市供销社', '记-2021-131', '签订协议'],
    ['1', '2022-06-30', '340.21', '樟树市邮政分公司', '记-2022-064', '验收后'],
  ];
  for (const payment of payments) {
    for (const value of payment) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    if (payment !== payments[payments.length - 1]) await page.keyboard.press('Tab');
  }
  await saved();
  await page.getByTestId('as-of').fill('2022-01-01');
  await page.getByTestId('as-of').press('Enter');
  await page.mouse.move(5, 700);
  await page.evaluate(() => document.querySelector('.content')!.scrollTo(0, 40));
  await page.waitForTimeout(900);
  await shot('app-ledger');

  // Table 三 as of that day: the lines with payments computed (账), the sentence of that day.
  await page.getByRole('tab', { name: '验收表' }).click();
  await scrollTo('三、中央财政资金拨付情况');
  await shot('app-as-of');
  await page.evaluate(() => document.querySelector('.content')!.scrollTo(0, 0));

  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => document.querySelector('.content')!.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await shot('app-english');
  await page.getByRole('button', { name: '中文' }).click();
} finally {
  await app.stop();
}
// The reviewer's desk: 23 counties of five provinces, a few already submitted, reviewed, accepted.
const desk = await startApp({ demo: false, records: reviewerCounties(), viewport: { width: 1366, height: 768 } });
try {
  const { page } = desk;
  const deskShot = (name: string) => page.screenshot({ path: path.join(docs, `${name}.png`) });
  await page.locator('.toolbar').waitFor();
  const list = await callApi<{ id: number; county: string }[]>(page, 'listRecords', {});
  const id = (county: string) => list.find((r) => r.county === county)!.id;
  for (const [county, status, by] of [
    ['寻乌县', 'submitted', '李会计'],
    ['金寨县', 'reviewed', '王科长'],
    ['平江县', 'accepted', '赵处长'],
    ['南丰县', 'accepted', '赵处长'],
  ] as const)
    await callApi(page, 'setStatus', { id: id(county), status, by });
  await page.reload();
  await page.getByRole('tab', { name: '总览' }).click();
  await page.locator('[data-chart="rates"] svg').waitFor();
  await page.waitForTimeout(600);
  await deskShot('app-overview');

  // The counties below 80% in batch 8 of 江西省, lowest first, with their chart.
  await page.locator('select[name="province"]').selectOption({ label: '江西省' });
  await page.locator('select[name="batch"]').selectOption({ label: '第8批' });
  await page.locator('input[name="below"]').fill('80');
  await page.locator('.overview-grid .ag-header-cell[col-id="rate"]').click();
  await page.waitForTimeout(600);
  await deskShot('app-overview-filtered');
  await page.getByRole('button', { name: '打印…' }).click();
  await page.frameLocator('[data-testid="print-frame"]').locator('.sheet-foot').first().waitFor();
  await page.waitForTimeout(400);
  await deskShot('app-overview-print');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // Accepting a county: who signs, then the record locked, the refusal at the cell typed in.
  await page.locator('.overview-grid .county-row', { hasText: '樟树市' }).click();
  await page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
  await page.getByRole('button', { name: '更改状态…' }).click();
  await page.getByRole('dialog').getByLabel('已验收').check();
  await page.getByRole('dialog').locator('textarea[name="remark"]').fill('资料齐全,同意验收');
  await page.getByRole('dialog').locator('input[name="name"]').fill('赵处长');
  await page.mouse.move(5, 700);
  await deskShot('app-status-dialog');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await page.locator('.review-line.locked').waitFor();
  await page.mouse.move(5, 700);
  await page.waitForTimeout(300);
  await deskShot('app-status-locked');
  await page.locator('h3', { hasText: '三、中央财政资金拨付情况' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await cell(page, 'disbursements', 1, 'actual').click();
  await page.keyboard.type('5');
  await page.mouse.move(5, 700);
  await page.waitForTimeout(400);
  await deskShot('app-status-refused');
} finally {
  await desk.stop();
}

// The seed's acceptance document as printed: `yanshou pdf`, then its pages as PNG.
const db = path.join(tempDir(), 'pdf.sqlite');
execFileSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'demo', '--db', db]);
const pdf = path.join(docs, 'seed-acceptance.pdf');
execFileSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'pdf', pdf, '--db', db]);
execFileSync('pdftoppm', ['-r', '70', '-png', pdf, path.join(docs, 'seed-pdf-page')]);
// The same in traditional characters (頁 in the footer), page 1.
const hant = path.join(tempDir(), 'seed-hant.pdf');
execFileSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'pdf', hant, '--db', db, '--script', 'hant']);
execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', hant, path.join(docs, 'seed-pdf-hant-page-1')]);

// A two-county Excel export as LibreOffice prints it: each county numbered from 1, print titles, even rows.
const two = path.join(tempDir(), 'two.sqlite');
const seed = toInput(referenceFixture('hans'));
const store = openDatabase(two);
createRecord(store, ME, seed);
createRecord(store, ME, { ...seed, county: { ...seed.county, name: '南丰县', prefecture: '抚州市', batch: 7 } });
store.close();
const outDir = tempDir();
const xlsx = path.join(outDir, 'two-counties.xlsx');
execFileSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'export', xlsx, '--db', two]);
execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, xlsx], {
  stdio: 'ignore',
});
for (const old of fs.readdirSync(docs).filter((f) => f.startsWith('export-two-counties-page-'))) fs.rmSync(path.join(docs, old));
execFileSync('pdftoppm', ['-r', '50', '-png', path.join(outDir, 'two-counties.pdf'), path.join(docs, 'export-two-counties-page')]);

// A county with nothing in its tables yet: the hint says how to add rows.
const empty = await startApp({
  viewport: { width: 1366, height: 768 },
  records: [{ county: { ...seed.county, name: '寻乌县', prefecture: '赣州市', batch: 9 }, items: [], disbursements: [] }],
});
try {
  await empty.page.locator('.record', { hasText: '寻乌县' }).click();
  await empty.page.locator('.content h2.title', { hasText: '寻乌县' }).waitFor();
  await empty.page.locator('h3', { hasText: '二、项目建设完成情况' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await empty.page.waitForTimeout(900);
  await empty.page.screenshot({ path: path.join(docs, 'app-empty-table.png') });
} finally {
  await empty.stop();
}
// Issue 22: the empty start, a paste by header, the overview as of a day.
await import('./screenshots-issue22');
console.log('screenshots written to docs/');
