// The day an acceptance is of, on screen: accepted at 01:00 Beijing time on 7 December (17:00 UTC on the
// 6th), every place that shows the status's day says the 7th — the banner over the record, the sidebar's
// status chip, the overview's status column and its tooltip — never the UTC day of the time.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { appPerTest, gridReady } from './harness';
import { yanshou } from '../helpers/cli';

const app = appPerTest({ timezoneId: 'Asia/Shanghai' });

describe('the day of an acceptance made between 00:00 and 08:00 Beijing time', () => {
  it('is the reviewer’s day, 2026-12-07, in the banner, the sidebar and the overview', async () => {
    const { page, db } = app();
    await gridReady(page);
    // As the store keeps an acceptance at 01:00 on 7 December in Beijing: its time in UTC, the reviewer's day.
    const file = new Database(db);
    file
      .prepare("UPDATE records SET status = 'accepted', status_by = '赵处长', status_at = ?, status_day = ? WHERE county_name = '樟树市'")
      .run('2026-12-06T17:00:00.000Z', '2026-12-07');
    file.close();
    await page.reload();
    await gridReady(page);
    await expect.poll(() => page.getByTestId('review-line').innerText()).toContain('已验收(赵处长,2026-12-07)');
    expect(await page.locator('.record .status-chip').getAttribute('title')).toBe('审核状态: 已验收 (赵处长,2026-12-07)');
    await page.screenshot({ path: '/tmp/fixu-status-day.png' });

    await page.getByRole('tab', { name: '总览' }).click();
    const status = page.locator('.overview-grid .county-row', { hasText: '樟树市' }).locator('[col-id="status"]');
    await expect.poll(() => status.innerText()).toBe('已验收 2026-12-07');
  });
});

describe('a status set through another door', () => {
  it('reaches the sidebar when the window comes to the front again, without a reload', async () => {
    const { page, db } = app();
    await gridReady(page);
    const chip = page.locator('.record .status-chip');
    await expect.poll(() => chip.getAttribute('title')).toContain('草稿');
    // A reviewer accepts the county from the command line (or another window, or a colleague in the workspace).
    const set = yanshou(['status', '--county', '樟树市', '--set', 'accepted', '--by', '赵处长', '--db', db]);
    expect(set.code).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => chip.getAttribute('title')).toContain('已验收 (赵处长');
  });
});
