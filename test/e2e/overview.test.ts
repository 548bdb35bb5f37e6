// 总览 in Chromium, as a reviewer uses it with 23 counties of five provinces and several batches:
// filter, sort, search in pinyin, the charts following the filters, the subtotals, the printed and
// exported overview, an as-of day; and review status — accepting a county so nothing can change it.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { appPerTest, cell, gridReady, mod, saved } from './harness';
import { reviewerCounties } from '../fixtures/counties';
import { seedInput, tempDir } from '../helpers/fixtures';
import type { RecordInput } from '../../shared/record';

// One county has a ledger: line 1 paid 300 on 2021-12-01 and 340.21 on 2022-06-30.
const withLedger = (): RecordInput => {
  const input = seedInput();
  input.county = { ...input.county, name: '台账县', province: '福建省', prefecture: '三明市', batch: 9 };
  input.payments = [
    { line: 1, date: '2021-12-01', amount: '300', payee: '', voucher: '', stage: '', note: '' },
    { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: '', stage: '', note: '' },
  ];
  return input;
};
const counties = reviewerCounties();
const app = appPerTest({ demo: false, records: [...counties, withLedger()] });

/** Reference figures, by hand in integer 分: Σ计划, Σ实际 and the rate half up from the sums. */
const fen = (m: string) => {
  const [i, f = ''] = m.split('.');
  return BigInt(i) * 1_000_000n + BigInt(f.padEnd(6, '0'));
};
const wan = (x: bigint) => {
  const cents = (x + 5_000n) / 10_000n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};
const rateOf = (actual: bigint, planned: bigint) => {
  const scaled = actual * 10_000n;
  let q = scaled / planned;
  if (2n * (scaled % planned) >= planned) q += 1n;
  return `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
};
const sums = (list: RecordInput[]) => {
  const planned = list.flatMap((r) => r.disbursements).reduce((n, d) => n + fen(d.planned!), 0n);
  const actual = list.flatMap((r) => r.disbursements).reduce((n, d) => n + fen(d.actual!), 0n);
  return { planned: wan(planned), actual: wan(actual), rate: rateOf(actual, planned) };
};
const countyRate = (name: string) => sums(counties.filter((c) => c.county.name === name)).rate;

async function openOverview(page: Page) {
  await page.getByRole('tab', { name: '总览' }).click();
  await page.locator('[data-chart="rates"] svg').waitFor();
}

/** The rows on screen, in order: a county's name, or a subtotal's label; each with its 计划, 实际, 拨付率. */
async function rows(page: Page): Promise<string[][]> {
  return page.locator('.overview-grid .ag-row:not(.ag-row-pinned)').evaluateAll((list) =>
    list
      .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
      .map((r) => {
        const text = (col: string) => (r.querySelector(`[col-id="${col}"]`)?.textContent ?? '').trim();
        return [r.classList.contains('county-row') ? text('county') : text('province'), text('planned'), text('actual'), text('rate')];
      }),
  );
}
const totalRow = (page: Page) =>
  page
    .locator('.overview-grid .ag-row-pinned')
    .evaluate((r) => ['province', 'planned', 'actual', 'rate'].map((c) => (r.querySelector(`[col-id="${c}"]`)?.textContent ?? '').trim()));

const saveDownload = async (page: Page, click: () => Promise<unknown>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(tempDir(), download.suggestedFilename());
  await download.saveAs(file);
  return file;
};

describe('总览 in Chromium', () => {
  it('filters to the counties below 80% in batch 8 of a province, with their subtotal and total; sorts within the group', async () => {
    const { page } = app();
    await openOverview(page);
    await expect.poll(() => page.getByTestId('overview-count').innerText()).toBe('24 个县');
    await page.locator('select[name="province"]').selectOption({ label: '江西省' });
    await page.locator('select[name="batch"]').selectOption({ label: '第8批' });
    await page.locator('input[name="below"]').fill('80');
    const below = counties.filter((c) => c.county.province === '江西省' && c.county.batch === 8 && Number(countyRate(c.county.name)) < 80);
    expect(below.map((c) => c.county.name).sort()).toEqual(['安远县', '樟树市']);
    const s = sums(below);
    // Counties in pinyin order (安远 an, 樟树 zhang), then the province's subtotal: exact sums, the rate of the sums.
    const row = (name: string) => [name, ...Object.values(sums(below.filter((c) => c.county.name === name)))];
    await expect.poll(() => rows(page)).toEqual([row('安远县'), row('樟树市'), ['江西省 小计(2 个县)', s.planned, s.actual, s.rate]]);
    expect(await totalRow(page)).toEqual(['总计(2 个县)', s.planned, s.actual, s.rate]);
    expect(await page.getByTestId('overview-count').innerText()).toBe('2 / 24 个县');
    // 拨付率 descending: 樟树市 (57.18) before 安远县 (53.87); the subtotal stays under them.
    const rate = page.locator('.overview-grid .ag-header-cell[col-id="rate"]');
    await rate.click();
    await rate.click();
    await expect.poll(async () => (await rows(page)).map((r) => r[0])).toEqual(['樟树市', '安远县', '江西省 小计(2 个县)']);
    // Bad input is said beside the field, and not used.
    await page.locator('input[name="below"]').fill('八十');
    await expect.poll(() => page.locator('.overview-errors').innerText()).toContain('“拨付率低于”应为 0–1000000 的数字');
    expect(await page.getByTestId('overview-count').innerText()).toBe('4 / 24 个县');
  });

  it('searches by name in simplified, traditional, full pinyin or initials; a click on a county opens it', async () => {
    const { page } = app();
    await openOverview(page);
    const search = page.locator('input[name="overview-search"]');
    const counties = async () =>
      (await rows(page))
        .filter((r) => !r[0].includes('小计'))
        .map((r) => r[0])
        .sort();
    const ganzhou = ['于都县', '会昌县', '安远县', '寻乌县'].sort();
    for (const [q, expected] of [
      ['ganzhou', ganzhou],
      ['gz', ganzhou],
      ['贛州', ganzhou],
      ['赣州', ganzhou],
      ['zss', ['樟树市']],
      ['尋烏', ['寻乌县']],
      ['xunwu', ['寻乌县']],
    ] as const) {
      await search.fill(q);
      await expect.poll(counties, { message: q }).toEqual(expected);
    }
    await page.locator('.overview-grid .county-row', { hasText: '寻乌县' }).click();
    await expect.poll(() => page.locator('.content h2.title').innerText()).toBe('寻乌县 · 批次 8 · 2021');
    await gridReady(page);
    expect(await page.locator('.record.selected .name').innerText()).toBe('寻乌县');
  });

  it('draws the charts and they follow the filters: a bar per county, a line at the province rate', async () => {
    const { page } = app();
    await openOverview(page);
    const rates = page.locator('[data-chart="rates"]');
    await expect.poll(() => rates.getAttribute('data-counties')).toBe('24');
    const jiangxi = counties.filter((c) => c.county.province === '江西省');
    await page.locator('select[name="province"]').selectOption({ label: '江西省' });
    await expect.poll(() => rates.getAttribute('data-counties')).toBe(String(jiangxi.length));
    // The province's line is labelled with its rate (Σ实际 / Σ计划 of its counties, half up).
    await expect.poll(() => rates.locator('svg').textContent()).toContain(`江西省 ${sums(jiangxi).rate}%`);
    expect(await rates.locator('svg').textContent()).not.toContain('安徽省');
    // One bar per county: the bars' labels are the counties' rates.
    for (const c of jiangxi) expect(await rates.locator('svg').textContent()).toContain(countyRate(c.county.name));
    await expect.poll(() => page.locator('[data-chart="statuses"] svg').textContent()).toContain(String(jiangxi.length));
    await page.locator('input[name="charts"]').uncheck();
    await expect.poll(() => page.locator('[data-chart]').count()).toBe(0);
  });

  it('prints the overview on A4 pages, charts and table, the PDF as many pages as the preview; exports a 汇总 workbook', async () => {
    const { page } = app();
    await openOverview(page);
    await page.locator('select[name="batch"]').selectOption({ label: '第8批' });
    await page.locator('input[name="below"]').fill('80');
    await page.getByRole('button', { name: '打印…' }).click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('.sheet-foot').count()).toBeGreaterThan(0);
    const n = await frame.locator('.sheet').count();
    expect(await frame.locator('.sheet-foot').allInnerTexts()).toEqual(Array.from({ length: n }, (_, i) => `第 ${i + 1} 页 共 ${n} 页`));
    expect(await frame.locator('h1').innerText()).toBe('电子商务进农村综合示范县验收汇总表');
    expect(await frame.locator('p.meta').innerText()).toContain('第8批 · 拨付率低于80%');
    expect(await frame.locator('.chart svg').count()).toBe(3);
    const shown = counties.filter((c) => c.county.batch === 8 && Number(countyRate(c.county.name)) < 80);
    expect(await frame.locator('table.overview tr.total').innerText()).toContain(sums(shown).actual);
    const pdf = await saveDownload(page, () => page.getByRole('dialog').getByRole('button', { name: '另存为 PDF' }).click());
    expect(path.basename(pdf)).toBe(`验收汇总表-${shown.length}个县.pdf`);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(n);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const c of shown) expect(text).toContain(c.county.name);
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

    const xlsx = await saveDownload(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('汇总')!;
    const last = sheet.lastRow!;
    expect(String(last.getCell(1).value)).toBe(`总计(${shown.length}个县)`);
    expect(last.getCell(8).value).toMatchObject({
      formula: expect.stringMatching(/^SUBTOTAL\(9,H4:H\d+\)$/),
      result: Number(sums(shown).actual),
    });
  });

  it('gives every row, subtotal and chart as of a day: a county with a ledger as of 2021-12-31 and as of 2022-06-30', async () => {
    const { page } = app();
    await openOverview(page);
    await page.locator('select[name="province"]').selectOption({ label: '福建省' });
    await expect.poll(async () => (await rows(page))[0]).toEqual(['台账县', '1500.00', '1235.96', '82.40']);
    await page.locator('input[name="as-of"]').fill('2021-12-31');
    await expect.poll(async () => (await rows(page))[0]).toEqual(['台账县', '1500.00', '895.75', '59.72']);
    expect(await totalRow(page)).toEqual(['总计(1 个县,其中 1 个截至该日)', '1500.00', '895.75', '59.72']);
    await expect.poll(() => page.locator('[data-chart="rates"] svg').textContent()).toContain('59.72');
    await page.locator('input[name="as-of"]').fill('2022-06-30');
    await expect.poll(async () => (await rows(page))[0]).toEqual(['台账县', '1500.00', '1235.96', '82.40']);
    // A click opens the county as of the same day: the figures clicked on, not today's.
    await page.locator('input[name="as-of"]').fill('2021-12-31');
    await expect.poll(async () => (await rows(page))[0]).toEqual(['台账县', '1500.00', '895.75', '59.72']);
    await page.locator('.overview-grid .county-row', { hasText: '台账县' }).click();
    await expect.poll(() => page.getByTestId('as-of').inputValue()).toBe('2021-12-31');
    await expect.poll(() => page.getByTestId('summary').innerText()).toContain('895.75万元');
  });
});

describe('review status in Chromium', () => {
  it('accepts a county, signed with the name set once; then nothing can change it, each refusal said where it was tried; unlocking needs a reason', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '樟树市' }).click();
    await gridReady(page);
    await page.getByRole('button', { name: '更改状态…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('已验收').check();
    // No name yet: asked for, in words.
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => dialog.locator('.error').innerText()).toContain('请填写您的姓名');
    await dialog.locator('input[name="name"]').fill('赵处长');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('review-line').innerText()).toContain('已验收(赵处长,');
    await expect.poll(() => page.locator('.record.selected .status-chip').innerText()).toBe('已验收');
    const before = (await cell(page, 'disbursements', 0, 'actual').innerText()).trim();

    // A cell: the message at the cell, nothing typed.
    await cell(page, 'disbursements', 0, 'actual').click();
    await page.keyboard.type('9');
    const atCell = page.locator('.table-block[data-table="disbursements"] .locked-notice');
    await expect.poll(() => atCell.innerText()).toContain('樟树市 第8批 已验收(赵处长,');
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe(before);
    // Delete: the same, at the cell.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Delete');
    await expect.poll(() => atCell.count()).toBe(1);
    // The status bar says it was refused, never that cells were cleared.
    await expect.poll(() => page.getByTestId('note').innerText()).toContain('已验收(赵处长,');
    expect(await page.getByTestId('note').innerText()).not.toContain('已清除');
    // Deleting rows: refused at once, no question first about rows it will not delete.
    await page.keyboard.press(`${mod}+-`);
    await expect.poll(() => page.locator('.table-block[data-table="disbursements"] .grid-notice').innerText()).toContain('已验收(赵处长,');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // A row tool: the message under the tools.
    await page.locator('.table-block[data-table="items"] .grid-tools').getByRole('button', { name: '添加行' }).click();
    await expect.poll(() => page.locator('.table-block[data-table="items"] .grid-notice').innerText()).toContain('已验收(赵处长,');
    // A basic fact: read-only, and typing in it says why, at the field.
    await page.locator('#county-statusNote').click();
    await page.keyboard.type('1');
    await expect.poll(() => page.locator('.field-statusNote .field-error').innerText()).toContain('不能修改');
    expect(await page.locator('#county-statusNote').inputValue()).toBe('当前项目已基本建设完成');
    // Deleting the county: said in the sidebar, nothing asked, nothing deleted.
    await page.locator('.record-tools').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.locator('.sidebar-notice').innerText()).toContain('已验收(赵处长,');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // Shown in the overview too.
    await openOverview(page);
    await expect
      .poll(() => page.locator('.overview-grid .county-row', { hasText: '樟树市' }).locator('[col-id="status"]').innerText())
      .toMatch(/^已验收 \d{4}-\d{2}-\d{2}$/);
    await page.locator('.overview-grid .county-row', { hasText: '樟树市' }).click();
    await gridReady(page);

    // Unlocking: a reason is required; then the record takes edits again.
    await page.getByRole('button', { name: '解除验收…' }).click();
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => dialog.locator('.error').innerText()).toBe('解除验收须写明理由');
    await dialog.locator('textarea[name="remark"]').fill('更正拨付额');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('review-line').innerText()).toContain('已审核');
    await expect.poll(() => page.getByTestId('review-line').innerText()).toContain('更正拨付额');
    await cell(page, 'disbursements', 0, 'actual').click();
    await page.keyboard.type('700');
    await page.keyboard.press('Enter');
    await saved(page);
    expect((await cell(page, 'disbursements', 0, 'actual').innerText()).trim()).toBe('700.00');
  });

  it('shows what another client changed meanwhile when the overview is opened again', async () => {
    const { page, db } = app();
    await openOverview(page);
    const status = () => page.locator('.overview-grid .county-row', { hasText: '樟树市' }).locator('[col-id="status"]').innerText();
    await expect.poll(status).toBe('草稿');
    await page.getByRole('tab', { name: '记录' }).click();
    // The CLI, another client of the same data file, submits the county.
    execFileSync(
      process.execPath,
      ['electron/cli/bin.mjs', 'status', '--county', '樟树市', '--set', 'submitted', '--by', '李会计', '--db', db],
      { env: { ...process.env, YANSHOU_LANG: '' } },
    );
    await openOverview(page);
    await expect.poll(status).toBe('已提交');
  });

  it('a status change is one undo step: undone and redone from the keyboard, the sidebar following', async () => {
    const { page } = app();
    await page.locator('.record', { hasText: '金寨县' }).click();
    await gridReady(page);
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByRole('dialog').locator('input[name="name"]').fill('李会计');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '更改状态…' }).click();
    // Set once: the dialog signs with it and does not ask again.
    expect(await page.getByRole('dialog').locator('.signer').innerText()).toContain('李会计');
    await page.getByRole('dialog').locator('textarea[name="remark"]').fill('材料齐全');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    const chip = page.locator('.record', { hasText: '金寨县' }).locator('.status-chip');
    await expect.poll(() => chip.innerText()).toBe('已提交');
    await expect.poll(() => page.getByTestId('undo').innerText()).toBe('撤销:状态 金寨县 第8批 → 已提交 (李会计)');
    await page.locator('.content h2.title').click();
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => chip.innerText()).toBe('草稿');
    await page.keyboard.press(`${mod}+y`);
    await expect.poll(() => chip.innerText()).toBe('已提交');
    await expect.poll(() => page.getByTestId('review-line').innerText()).toContain('材料齐全');
  });
});

describe('the sidebar', () => {
  it('lists provinces in pinyin order (重庆 chóng before 福建), batches by number, counties in pinyin; each with its status', async () => {
    const { page } = app();
    await page.locator('.sidebar .group').first().waitFor();
    const headings = await page.locator('.sidebar .group h3').allInnerTexts();
    expect([...new Set(headings.map((h) => h.split(' · ')[0]))]).toEqual(['安徽省', '重庆市', '福建省', '湖南省', '江西省', '浙江省']);
    expect(headings.filter((h) => h.startsWith('江西省'))).toEqual([
      '江西省 · 第4批',
      '江西省 · 第5批',
      '江西省 · 第6批',
      '江西省 · 第7批',
      '江西省 · 第8批',
    ]);
    const batch8 = page.locator('.sidebar .group', { has: page.locator('h3', { hasText: '江西省 · 第8批' }) });
    expect(await batch8.locator('.record .name').allInnerTexts()).toEqual(['安远县', '南丰县', '寻乌县', '樟树市']);
    expect(await batch8.locator('.status-chip').allInnerTexts()).toEqual(['草稿', '草稿', '草稿', '草稿']);
  });
});

describe('the blank template in the web mode', () => {
  it('downloads from the export dialog, in either script', async () => {
    const { page } = app();
    await page.getByRole('button', { name: '导出…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '空白模板…' }).click();
    await page.getByRole('dialog').getByLabel('繁體').check();
    const file = await saveDownload(page, () => page.getByRole('dialog').getByRole('button', { name: '下载模板' }).click());
    expect(path.basename(file)).toBe('驗收表-空白模板(繁).xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toContain('驗收表');
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
  });
});
