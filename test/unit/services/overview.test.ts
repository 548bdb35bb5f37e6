// The overview on the server: what listRecords gives it (figures as of a day, sums by category),
// its 汇总 workbook (subtotals as SUBTOTAL formulas whose cached results LibreOffice computes
// again to the same numbers) and its PDF (charts and table on A4 landscape); the preferences
// that sign a status change; the status line of the printed document.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { setStatus } from '../../../electron/services/store/status';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { renderPdf } from '../../../electron/services/print/pdf';
import { overviewRows, type OverviewRecord } from '../../../shared/overview';
import { printHtml, statusLine } from '../../../shared/print';
import { compareRecords } from '../../../shared/pinyin';
import type { RecordInput } from '../../../shared/record';
import { ME, ROOT, seedInput, tempDir } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');

/** A county of the seed's shape with its own place and figures. */
export function county(name: string, province: string | null, batch: number, actuals: string[]): RecordInput {
  const input = seedInput();
  input.county = { ...input.county, name, province, prefecture: null, batch };
  input.disbursements = input.disbursements.map((d, i) => ({ ...d, actual: actuals[i] ?? d.actual }));
  return input;
}

function database(): { db: DB; ctx: ApiContext; ids: number[] } {
  const db = newStore();
  const inputs = [
    county('樟树市', '江西省', 8, []),
    county('寻乌县', '江西省', 8, ['100', '50.5']),
    county('南丰县', '江西省', 7, ['775', '300', '120', '110', '80', '40']),
    county('金寨县', '安徽省', 8, ['10.123456']),
    county('岳西县', '安徽省', 9, []),
    county('无省县', null, 8, ['0', '0', '0', '0', '0', '0']),
  ];
  const ids = inputs.map((input) => createRecord(db, ME, input));
  return { db, ids, ctx: { db, dbFile: ':memory:', version: 'test', renderPdf } };
}

const ok = <T>(r: Awaited<ReturnType<typeof dispatch>>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('listRecords for the overview', () => {
  it('gives each record Σ计划 and Σ实际 by category, and figures as of a day for a record with a ledger', () => {
    const { db, ids } = database();
    editPayments(
      db,
      ME,
      ids[0],
      [],
      [
        { line: 1, date: '2021-12-01', amount: '300' },
        { line: 1, date: '2022-06-30', amount: '340.21' },
      ],
    );
    const [zhangshu] = listRecords(db, { asOf: '2022-01-01' }).filter((r) => r.id === ids[0]);
    expect(zhangshu).toMatchObject({ actual: '895.75', rate: '59.72', asOf: '2022-01-01' });
    expect(listRecords(db, { asOf: '2022-06-30' }).find((r) => r.id === ids[0])).toMatchObject({ actual: '1235.96', rate: '82.40' });
    // A record without a ledger is the same whatever the day.
    expect(listRecords(db, { asOf: '2022-01-01' }).find((r) => r.id === ids[2])!.actual).toBe(
      listRecords(db, { asOf: undefined }).find((r) => r.id === ids[2])!.actual,
    );
    const byCategory = Object.fromEntries(zhangshu.categories.map((c) => [c.category, [c.planned, c.actual]]));
    expect(byCategory.logistics).toEqual(['775', '300']);
    const sum = (k: 'planned' | 'actual') => zhangshu.categories.reduce((n, c) => n + Number(c[k]) * 1e6, 0) / 1e6;
    expect(sum('planned')).toBe(1500);
  });

  it('reads every record as readRecord does (rows in their order, payments, status), in a few queries', () => {
    const { db, ids } = database();
    editPayments(db, ME, ids[3], [], [{ line: 2, date: '2021-01-05', amount: '12.5' }]);
    setStatus(db, ME, ids[4], { status: 'reviewed', by: '王科长', remark: '已核' });
    for (const s of listRecords(db, { asOf: '2021-06-30' })) {
      const { record } = readRecord(db, s.id, { asOf: '2021-06-30' });
      expect([s.planned, s.actual, s.rate, s.items, s.county, s.asOf]).toEqual([
        record.totals.planned,
        record.totals.actual,
        record.totals.rate,
        record.items.length,
        record.county.name,
        record.asOf,
      ]);
    }
    expect(listRecords(db, { asOf: undefined }).find((s) => s.id === ids[4])!.status).toMatchObject({
      status: 'reviewed',
      by: '王科长',
      remark: '已核',
    });
  });
});

describe('the 汇总 workbook of the overview', () => {
  let cells: Map<string, ExcelJS.CellValue>;
  let file: string;
  let records: OverviewRecord[];
  beforeAll(async () => {
    const { ctx, ids, db } = database();
    setStatus(db, ME, ids[0], { status: 'accepted', by: '赵处长' });
    records = listRecords(db, { asOf: undefined }).sort(compareRecords);
    const shown = records.map((r) => r.id);
    const result = ok<{ fileName: string; bytes: Uint8Array }>(
      await dispatch(ctx, 'exportOverview', { ids: shown, grouping: 'province-batch', format: 'xlsx', filters: { batch: 8 } }, ME),
    );
    expect(result.fileName).toBe('验收汇总表-6个县.xlsx');
    file = path.join(tempDir(), result.fileName);
    fs.writeFileSync(file, result.bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总']);
    cells = new Map();
    // A formula's cached result from the model (cell.value drops a cached 0).
    workbook.worksheets[0].eachRow((row, r) =>
      row.eachCell((cell, c) =>
        cells.set(
          `${r}:${c}`,
          cell.formula
            ? ({ formula: cell.formula, result: (cell.model as { result?: ExcelJS.CellValue }).result } as ExcelJS.CellValue)
            : cell.value,
        ),
      ),
    );
  });

  it('lists the counties as the overview does, each group followed by its subtotal, SUBTOTAL formulas with exact cached results', () => {
    const rows = overviewRows(records, 'province-batch');
    expect(cells.get('1:1')).toBe('电子商务进农村综合示范县验收汇总表');
    expect(String(cells.get('2:1'))).toContain('第8批');
    rows.forEach((row, i) => {
      const r = i + 4;
      if (row.kind === 'county') {
        expect([cells.get(`${r}:3`), cells.get(`${r}:7`), cells.get(`${r}:8`)]).toEqual([
          row.record.county,
          Number(row.record.planned),
          Number(row.record.actual),
        ]);
        return;
      }
      const planned = cells.get(`${r}:7`) as ExcelJS.CellFormulaValue;
      expect(planned.formula).toMatch(/^SUBTOTAL\(9,G\d+:G\d+\)$/);
      expect([planned.result, (cells.get(`${r}:8`) as ExcelJS.CellFormulaValue).result]).toEqual([
        Number(row.sum.planned),
        Number(row.sum.actual),
      ]);
      const rate = cells.get(`${r}:9`) as ExcelJS.CellFormulaValue;
      if (row.sum.rate === null) expect(rate.result).toBe('—');
      else expect(rate.result).toBeCloseTo(Number(row.sum.rate) / 100, 12);
    });
    expect(String(cells.get(`${rows.length + 3}:1`))).toBe('总计(6个县)');
    expect(cells.get('4:11')).toBe('草稿');
  });

  it('computes, in LibreOffice, to the very results it caches', () => {
    // LibreOffice keeps a cached result as it is: the formulas are given without them, and it computes each.
    const bare = path.join(path.dirname(file), 'bare.xlsx');
    const stripped = new ExcelJS.Workbook();
    return stripped.xlsx.readFile(file).then(async () => {
      stripped.worksheets[0].eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        }),
      );
      await stripped.xlsx.writeFile(bare);
      const dir = path.dirname(file);
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false',
          '--outdir',
          path.join(dir, 'csv'),
          bare,
        ],
        { stdio: 'ignore', timeout: 180_000 },
      );
      const lines = fs
        .readFileSync(path.join(dir, 'csv', 'bare.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      let formulas = 0;
      for (const [key, value] of cells) {
        if (!value || typeof value !== 'object' || !('formula' in value)) continue;
        const [r, c] = key.split(':').map(Number);
        const computed = lines[r - 1][c - 1].replace(/"/g, '');
        const cached = (value as ExcelJS.CellFormulaValue).result;
        // As shown: an amount to its last digit (a finer one marked *), a rate as a percent with two decimals.
        if (typeof cached !== 'number') expect([key, computed]).toEqual([key, String(cached)]);
        else {
          const shown = Number(computed.replace(/[*%]/g, '')) / (computed.endsWith('%') ? 100 : 1);
          expect([key, Math.abs(shown - cached) < 1e-9]).toEqual([key, true]);
        }
        formulas++;
      }
      expect(formulas).toBeGreaterThan(20);
    });
  }, 200_000);
});

describe('the overview as of a day', () => {
  it('marks counties without a ledger as typed figures, and each subtotal says how many of its counties are as of the day (PDF and 汇总 sheet)', async () => {
    const { ctx, db, ids } = database();
    editPayments(
      db,
      ME,
      ids[0],
      [],
      [
        { line: 1, date: '2021-12-01', amount: '300' },
        { line: 1, date: '2022-06-30', amount: '340.21' },
      ],
    );
    const all = listRecords(db, { asOf: undefined })
      .sort(compareRecords)
      .map((r) => r.id);
    const pdf = ok<{ bytes: Uint8Array }>(
      await dispatch(ctx, 'exportOverview', { ids: all, grouping: 'province', format: 'pdf', asOf: '2022-01-01', filters: {} }, ME),
    );
    const file = path.join(tempDir(), 'o.pdf');
    fs.writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    // 江西省: 樟树市 (a ledger) of its 3 counties is as of the day; 安徽省: none of 2.
    expect(text).toContain('江西省小计(3个县,其中1个截至该日)');
    expect(text).toContain('安徽省小计(2个县,其中0个截至该日)');
    expect(text).toContain('※没有拨付台账的县:实际拨付额度是表中填报的数,不是截至2022年1月1日的数。');
    // 寻乌县's typed total is marked; 樟树市's 895.75 (as of the day) is not.
    expect(text).toMatch(/寻乌县[^\n]*※/);
    expect(text).not.toMatch(/895\.75※/);
    const xlsx = ok<{ bytes: Uint8Array }>(
      await dispatch(ctx, 'exportOverview', { ids: all, grouping: 'province', format: 'xlsx', asOf: '2022-01-01', filters: {} }, ME),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const rows: Record<string, ExcelJS.Row> = {};
    sheet.eachRow((row) => void (rows[String(row.getCell(3).value ?? row.getCell(1).value)] = row));
    expect(rows['寻乌县'].getCell(8).numFmt).toContain('※');
    expect(typeof rows['寻乌县'].getCell(8).value).toBe('number');
    expect(rows['樟树市'].getCell(8).numFmt).not.toContain('※');
    expect(Object.keys(rows)).toContain('江西省 小计(3个县,其中1个截至该日)');
    expect(Object.keys(rows)).toContain('※ 没有拨付台账的县:实际拨付额度是表中填报的数,不是截至2022年1月1日的数。');
  }, 60_000);
});

describe('the overview as PDF', () => {
  it('has the title, the scope, the three charts and the table with its totals, on A4 landscape pages', async () => {
    const { ctx, db } = database();
    const ids = listRecords(db, { asOf: undefined })
      .sort(compareRecords)
      .map((r) => r.id);
    const result = ok<{ fileName: string; bytes: Uint8Array }>(
      await dispatch(ctx, 'exportOverview', { ids, grouping: 'province', format: 'pdf', asOf: '2022-06-30', filters: { below: '80' } }, ME),
    );
    expect(result.fileName).toBe('验收汇总表-6个县.pdf');
    const pdf = path.join(tempDir(), 'o.pdf');
    fs.writeFileSync(pdf, result.bytes);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const words of [
      '电子商务进农村综合示范县验收汇总表',
      '拨付率低于80%',
      '金额截至2022年6月30日',
      '各县资金拨付率',
      '分类别 计划安排与实际拨付',
      '审核状态',
      '江西省 小计',
      '安徽省 小计',
      '总计',
      '第1页共2页',
      '第2页共2页',
    ])
      expect([words, text.includes(words)]).toEqual([words, true]);
  }, 60_000);

  it('refuses an id that is not a record, naming it', async () => {
    const { ctx } = database();
    const r = await dispatch(ctx, 'exportOverview', { ids: [999], format: 'xlsx' }, ME);
    expect(r.ok ? '' : r.error.message).toContain('#999');
  });
});

describe('preferences and the printed status', () => {
  it('keep the name set once; yanshou status --set signs with it when --by is not given', () => {
    const file = path.join(tempDir(), 'p.sqlite');
    const db = openDatabase(file);
    createRecord(db, ME, seedInput());
    db.close();
    const yanshou = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', file], { encoding: 'utf8' });
    expect(yanshou('status', '--county', '樟树市', '--set', 'submitted').status).toBe(1);
    const ctx = { db: openDatabase(file), dbFile: file, version: 't', renderPdf };
    return (async () => {
      expect(ok(await dispatch(ctx, 'getPreferences', {}, ME))).toEqual({ name: null, rateLine: '90' });
      expect(ok(await dispatch(ctx, 'setPreferences', { name: '  王科长 ' }, ME))).toEqual({ name: '王科长', rateLine: '90' });
      expect((await dispatch(ctx, 'setPreferences', { name: '   ' }, ME)).ok).toBe(false);
      ctx.db.close();
      const set = yanshou('status', '--county', '樟树市', '--set', 'submitted', '--json');
      expect(set.status).toBe(0);
      expect(JSON.parse(set.stdout)).toMatchObject({ status: 'submitted', by: '王科长' });
    })();
  });

  it('the printed document can say the status, who signed it and when, and the acceptance date', () => {
    const input = seedInput();
    const record = { ...input, county: { ...input.county, acceptedOn: '2023-05-20' } };
    // Accepted at 01:00 Beijing time on 29 November (still the 28th in UTC): the person's day is printed.
    const status = { status: 'accepted' as const, by: '赵处长', at: '2026-11-28T17:00:00.000Z', day: '2026-11-29', remark: null };
    expect(statusLine(status, '2023-05-20', 'hans')).toBe('审核状态:已验收(赵处长,2026年11月29日) 验收日期:2023年5月20日');
    // The name is kept as written, whatever the script of the document.
    expect(statusLine(status, null, 'hant')).toBe('審核狀態:已驗收(赵处长,2026年11月29日)');
    const db = newStore();
    const stored = readRecord(db, createRecord(db, ME, record), { asOf: undefined }).record;
    expect(printHtml([stored], { script: 'hans', signature: false, statuses: [status] })).toContain(
      '<p class="status-line">审核状态:已验收(赵处长,2026年11月29日) 验收日期:2023年5月20日</p>',
    );
    expect(printHtml([stored], { script: 'hans', signature: false })).not.toContain('<p class="status-line">');
  });
});

describe('the overview as of a day, and a county name that looks like markup', () => {
  it('the 汇总 workbook as of 2022-01-01 says so and gives a county with a ledger what was paid by then', async () => {
    const { ctx, db, ids } = database();
    editPayments(
      db,
      ME,
      ids[0],
      [],
      [
        { line: 1, date: '2021-12-01', amount: '300' },
        { line: 1, date: '2022-06-30', amount: '340.21' },
      ],
    );
    const result = ok<{ fileName: string; bytes: Uint8Array }>(
      await dispatch(ctx, 'exportOverview', { ids: [ids[0]], grouping: 'none', format: 'xlsx', asOf: '2022-01-01' }, ME),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A2').value)).toContain('金额截至2022年1月1日');
    // The seed's 1500 planned; line 1 paid 300 by 1 January (775 typed, 340.21 paid later), the other lines as typed.
    expect([sheet.getCell('C4').value, sheet.getCell('G4').value, sheet.getCell('H4').value]).toEqual(['樟树市', 1500, 895.75]);
  });

  it('gives 最近修改 as the day on the local clock: an edit at 07:30 Beijing time is of that day, not the UTC day before', async () => {
    const { overviewPrintHtml } = await import('../../../electron/services/print/overview');
    const { overviewWorkbook } = await import('../../../electron/services/excel/overview');
    const { db } = database();
    const [record] = listRecords(db, { asOf: undefined }).filter((r) => r.county === '樟树市');
    const edited = { ...record, updatedAt: '2026-12-06T23:30:00.000Z' };
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const options = { script: 'hans', grouping: 'none', filters: {}, printedOn: '2026-12-07' } as const;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await overviewWorkbook([edited], options)) as unknown as ArrayBuffer);
      expect(workbook.worksheets[0].getCell('L4').value).toBe('2026-12-07');
      const html = await overviewPrintHtml([edited], options);
      expect(html.slice(html.indexOf('<tbody'))).toContain('>2026-12-07<');
      expect(html).not.toContain('2026-12-06');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('prints a county named <i>樟树市</i>&amp; as that text, not as markup', async () => {
    const { overviewPrintHtml } = await import('../../../electron/services/print/overview');
    const { db } = database();
    const [record] = listRecords(db, { asOf: undefined }).filter((r) => r.county === '樟树市');
    const html = await overviewPrintHtml([{ ...record, county: '<i>樟树市</i>&amp;' }], {
      script: 'hans',
      grouping: 'none',
      filters: {},
      printedOn: '2026-12-07',
    });
    const table = html.slice(html.indexOf('<tbody'));
    // What a reader sees: the tags taken out, the entities read.
    const seen = table
      .replace(/<[^>]*>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(seen).toContain('<i>樟树市</i>&amp;');
  });
});
