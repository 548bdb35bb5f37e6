// The data file replaced under `yanshou web` (finding #13): the next write is refused, and the page says
// what happened, where what it held was kept, and opens the file now at that path when asked — the
// colleague's county on screen and editable, the app's own work in the `.replaced-…` copy.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appPerTest, cell, gridReady, saved } from './harness';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord, listRecords } from '../../electron/services/store/records';
import { ME, seedInput } from '../helpers/fixtures';

const app = appPerTest();

describe('the data file replaced while the page is open', () => {
  it('a write is refused with the way out: 打开现在的文件 shows the colleague’s file; the app’s own work is in the copy', async () => {
    const { page, db } = app();
    await gridReady(page);
    // A colleague's copy (瑞金市) put in place by rename, as a sync folder does.
    const other = path.join(path.dirname(db), 'colleague.sqlite');
    const colleague = openDatabase(other);
    const input = seedInput();
    createRecord(colleague, ME, { ...input, county: { ...input.county, name: '瑞金市', prefecture: '赣州市' } });
    colleague.close();
    fs.renameSync(other, db);

    await cell(page, 'disbursements', 0, 'actual').click();
    await page.keyboard.type('700');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('file-replaced');
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(1);
    const words = await dialog.innerText();
    expect(words).toContain(`数据文件 ${db} 已被另一个程序替换或移走`);
    const keptAs = /\S+\.replaced-\S+\.sqlite/.exec(words)![0];
    expect(path.dirname(keptAs)).toBe(path.dirname(db));
    await page.screenshot({ path: '/tmp/fixu-replaced.png' });

    await dialog.getByRole('button', { name: '打开现在的文件' }).click();
    await expect.poll(() => page.locator('.record').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('瑞金市')]);
    // The colleague's county takes an edit, written into the file at the path.
    await page.locator('.record', { hasText: '瑞金市' }).click();
    await gridReady(page);
    await cell(page, 'disbursements', 0, 'actual').click();
    await page.keyboard.type('600');
    await page.keyboard.press('Enter');
    await saved(page);
    const stored = new Database(db, { readonly: true });
    expect(stored.prepare('SELECT actual_fen FROM disbursements ORDER BY record_id, position LIMIT 1').get()).toEqual({
      actual_fen: 600_000_000,
    });
    stored.close();
    // What the app had open — the demo 樟树市 — is in the copy the message named.
    const kept = openDatabase(keptAs);
    expect(listRecords(kept, { asOf: undefined }).map((r) => r.county)).toEqual(['樟树市']);
    kept.close();
  });
});
