// The screens of issue 22 into docs/ (also run at the end of `npm run screenshots`; alone:
// `npx tsx scripts/screenshots-issue22.ts`): the first start on an empty data file, a ledger block
// pasted by its header row, and 总览 as of a day with the typed totals marked.
import path from 'node:path';
import { callApi, paste, startApp } from '../test/e2e/harness';
import { reviewerCounties } from '../test/fixtures/counties';
import { referenceFixture, ROOT } from '../test/helpers/fixtures';
import { toInput } from '../shared/record';

const docs = path.join(ROOT, 'docs');
const size = { width: 1366, height: 768 };

// An empty data file: what can be done from nothing.
const empty = await startApp({ demo: false, viewport: size });
try {
  await empty.page.getByTestId('welcome').waitFor();
  await empty.page.waitForTimeout(400);
  await empty.page.screenshot({ path: path.join(docs, 'app-empty-start.png') });
} finally {
  await empty.stop();
}

// A ledger block whose header lists 凭证号 before 收款单位, pasted by its header.
const ledger = await startApp({ viewport: size });
try {
  const { page } = ledger;
  await page.locator('.table-block[data-table="disbursements"] .ag-row').first().waitFor();
  await page.getByTestId('ledger-tab').click();
  await page.locator('.table-block[data-table="payments"]').waitFor();
  const hint = (await page.getByText('还没有拨付。').boundingBox())!;
  await page.mouse.click(hint.x + hint.width / 2, hint.y + hint.height / 2);
  await paste(
    page,
    [
      '序号\t具体项目名称\t拨付日期\t金额(万元)\t凭证号\t收款单位\t阶段\t备注',
      '1\t县乡村物流快递配送体系建设\t2021-12-01\t300\t记-2021-118\t樟树市邮政分公司\t签订协议\t首付',
      '1\t县乡村物流快递配送体系建设\t2022-06-30\t340.21\t记-2022-064\t樟树市邮政分公司\t验收后\t',
      '2\t农产品上行服务体系建设\t2022-03-15\t100\t记-2022-031\t樟树市农产品公司\t进度款\t',
    ].join('\n'),
  );
  for (let i = 0; i < 100 && (await page.getByTestId('save-state').innerText()) !== '已保存'; i++) await page.waitForTimeout(100);
  await page.mouse.move(5, 700);
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(docs, 'app-paste-header.png') });
} finally {
  await ledger.stop();
}

// 总览 as of 2022-01-01: the county with a ledger as of that day, the others marked as typed totals.
const withLedger = toInput(referenceFixture('hans'));
withLedger.county = { ...withLedger.county, name: '台账县', province: '福建省', prefecture: '三明市', batch: 9 };
withLedger.payments = [
  { line: 1, date: '2021-12-01', amount: '300', payee: '', voucher: '', stage: '', note: '' },
  { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: '', stage: '', note: '' },
];
const desk = await startApp({ demo: false, records: [...reviewerCounties().slice(0, 9), withLedger], viewport: size });
try {
  const { page } = desk;
  await page.locator('.toolbar').waitFor();
  void callApi;
  await page.getByRole('tab', { name: '总览' }).click();
  await page.locator('.overview-grid .county-row').first().waitFor();
  await page
    .locator('input[name="charts"]')
    .uncheck()
    .catch(() => undefined);
  await page.locator('input[name="as-of"]').fill('2022-01-01');
  await page.locator('.overview-grid .typed-figure').first().waitFor();
  await page.mouse.move(5, 700);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(docs, 'app-overview-as-of.png') });
} finally {
  await desk.stop();
}
console.log('issue 22 screenshots written to docs/');
