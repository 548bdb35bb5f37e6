// "Today" is the officer's day, not the server's (attack finding #13): a page in a time zone whose day is not
// the server's shows a record without 验收日期 as of its own day, and counts the payments of that day.
import { expect, it } from 'vitest';
import { gridReady, startApp } from './harness';
import { seedInput } from '../helpers/fixtures';
import { today } from '../../shared/ledger';

const dayIn = (timeZone: string) => new Date().toLocaleDateString('sv-SE', { timeZone });

it('the figures are as of the page’s day: 数字截至 shows it, with 今天, and line 1 counts its payments up to it', async () => {
  const serverDay = today();
  // A zone whose day is not the server's now: a day ahead (UTC+14) or, when that is the same, a day behind (UTC−11).
  const zone = dayIn('Pacific/Kiritimati') !== serverDay ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  const pageDay = dayIn(zone);
  expect(pageDay).not.toBe(serverDay);
  const input = seedInput();
  // 50 paid on the page's day and 100 on the server's: as of the page's day, line 1 has 50 + 100 if the server's is
  // earlier, else 50 alone.
  const record = {
    ...input,
    county: { ...input.county, acceptedOn: null },
    payments: [
      { line: 1, date: pageDay, amount: '50', payee: '樟树市邮政分公司', voucher: '', stage: '', note: '' },
      { line: 1, date: serverDay, amount: '100', payee: '樟树市邮政分公司', voucher: '', stage: '', note: '' },
    ],
  };
  const app = await startApp({ demo: false, records: [record], timezoneId: zone });
  try {
    const { page } = app;
    await page.locator('.record').first().click();
    await gridReady(page);
    await expect.poll(() => page.getByTestId('as-of').inputValue()).toBe(pageDay);
    expect(await page.locator('.as-of-note').innerText()).toContain('今天');
    const line1 = page.locator(
      '.table-block[data-table="disbursements"] .ag-row:not(.ag-row-pinned)[row-index="0"] .ag-cell[col-id="actual"]',
    );
    await expect.poll(async () => (await line1.innerText()).trim()).toBe(serverDay < pageDay ? '150.00' : '50.00');
    await page.screenshot({ path: '/tmp/fix3-day.png' });
  } finally {
    await app.stop();
  }
});

it('a computer whose clock says 2030 is told so, naming both days; the records are not shown as none', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await gridReady(page);
    // The clock put forward (a wrong BIOS date after a battery change), then the page opened again.
    await page.clock.setFixedTime(new Date('2030-06-01T03:00:00.000Z'));
    await page.reload();
    await expect
      .poll(() => page.getByTestId('note').innerText())
      .toBe(`您电脑的日期 2030-06-01 与服务器的日期 ${today()} 相差太远,请先校正电脑日期`);
    expect(await page.getByText('数据文件中还没有记录').count()).toBe(0);
    await page.screenshot({ path: '/tmp/fixt4a-wrongday.png' });
  } finally {
    await app.stop();
  }
});
