// The team workspace in Chromium (`yanshou serve`): a county officer logs in, edits its county, does
// not see another county and cannot accept; the province logs in and accepts; the record is then locked
// for the officer. Each person is signed in through the login page, as they would be.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cell, gridReady } from './harness';
import { workspacePerFile } from './workspace';
import { seedInput } from '../helpers/fixtures';

const seed = seedInput();
const { file, ids, logIn } = workspacePerFile(() => [seed, { ...seed, county: { ...seed.county, name: '丰城市' } }]);

const stored = (sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('a team workspace in Chromium', () => {
  it('the officer edits its county and cannot see another nor accept; the province accepts; the officer is then locked out of it', async () => {
    const officer = await logIn('樟树填报员');
    expect(await officer.getByTestId('user').innerText()).toBe('樟树填报员(县级填报员 · 江西省/宜春市/樟树市)');
    // Its county only: 丰城市 is not listed, and asked for by id it does not exist.
    await expect.poll(() => officer.locator('.record').allInnerTexts()).toHaveLength(1);
    expect(await officer.locator('.record').innerText()).toContain('樟树市');
    const asked = await officer.evaluate(async (id) => {
      const r = await fetch('/api/getRecord', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id }),
      });
      return { status: r.status, body: await r.json() };
    }, ids[1]);
    expect([asked.status, asked.body.message]).toEqual([404, `记录 #${ids[1]} 不存在`]);

    await officer.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(officer);
    await cell(officer, 'disbursements', 0, 'actual').click();
    // 700 万元 = 7,000,000 元 = 700,000,000 分.
    await officer.keyboard.type('700');
    await officer.keyboard.press('Enter');
    await expect
      .poll(() => stored('SELECT actual_fen FROM disbursements WHERE record_id = 1 ORDER BY position LIMIT 1'))
      .toEqual([{ actual_fen: 700_000_000 }]);
    expect(stored("SELECT user_name FROM steps WHERE label = 'edit'")).toEqual([{ user_name: '樟树填报员' }]);

    // Reviewing and accepting are not the officer's: the dialog offers only what its role may do, submitting.
    await officer.getByRole('button', { name: '更改状态…' }).click();
    const dialog = officer.getByRole('dialog');
    await expect.poll(() => dialog.locator('input[name="status"]').count()).toBe(1);
    expect(await dialog.locator('fieldset.choice').innerText()).not.toMatch(/已审核|已验收/);
    expect(await dialog.getByLabel('已提交').isChecked()).toBe(true);
    await officer.screenshot({ path: '/tmp/fix3-officer-status.png' });
    await dialog.getByRole('button', { name: '取消' }).click();

    const province = await logIn('省厅验收员');
    await expect.poll(() => province.locator('.record').count()).toBe(2);
    await province.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(province);
    await province.getByRole('button', { name: '更改状态…' }).click();
    await province.getByRole('dialog').getByLabel('已验收').check();
    // Signed with the account's name: not asked for.
    expect(await province.getByRole('dialog').locator('.signer').innerText()).toContain('省厅验收员');
    await province.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => province.getByTestId('review-line').innerText()).toContain('已验收(省厅验收员,');
    await province.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => new URL(province.url()).pathname).toBe('/login');

    // The officer's window, reloaded: locked, and typing is refused at the cell.
    await officer.reload();
    await officer.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(officer);
    await expect.poll(() => officer.getByTestId('review-line').innerText()).toContain('已验收(省厅验收员,');
    await cell(officer, 'disbursements', 0, 'actual').click();
    await officer.keyboard.type('9');
    await expect
      .poll(() => officer.locator('.table-block[data-table="disbursements"] .locked-notice').innerText())
      .toContain('樟树市 第8批 已验收(省厅验收员,');
    expect(stored('SELECT actual_fen FROM disbursements WHERE record_id = 1 ORDER BY position LIMIT 1')).toEqual([
      { actual_fen: 700_000_000 },
    ]);
  });
});
