import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { readWorkbook } from '../../../../electron/services/excel/import';
import { computeRecord, type CountyRecord, type RecordInput } from '../../../../shared/record';
import { CATEGORIES } from '../../../../shared/text';
import { referenceFixture, tempDir } from '../../../helpers/fixtures';
import { sourceDocumentCsv } from '../../../fixtures/workbooks';

async function roundTrip(records: CountyRecord[], script: 'hans' | 'hant' = 'hans'): Promise<CountyRecord[]> {
  const read = await readWorkbook({ name: 'export.xlsx', bytes: await exportWorkbook(records, script) });
  for (const r of read) expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return read.map((r) => computeRecord(r.input!));
}

describe('export', () => {
  it('writes the official layout: title, headings, headers, formulas with cached results, A4 landscape, footer', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportWorkbook([referenceFixture('hans')])) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('樟树市')!;
    expect(sheet.getCell('A1').value).toBe('樟树市电子商务进农村综合示范县项目验收情况表');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('A1').font.name).toBe('黑体');
    expect(sheet.getCell('A2').value).toBe('一、基本情况');
    expect(sheet.getCell('A3').value).toBe(
      '樟树市是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,当前项目已基本建设完成,安排使用中央资金1332.78万元。',
    );
    expect(sheet.getRow(5).values).toEqual([undefined, '序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)']);
    expect(sheet.getCell('E6').value).toBe(0.9);
    expect(sheet.getCell('A12').value).toBe('三、中央财政资金拨付情况');
    expect(sheet.getCell('A13').value).toBe('截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.40%。');
    expect(sheet.getRow(14).values).toEqual([
      undefined,
      '序号',
      '具体项目名称',
      '计划安排额度(万元)',
      '实际拨付额度(万元)',
      '资金拨付率(%)',
    ]);
    expect(sheet.getCell('C15').value).toBe(775);
    expect(sheet.getCell('C15').numFmt).toBe('0.00');
    expect(sheet.getCell('E15').value).toEqual({ formula: 'D15/C15', result: 0.8261 });
    expect(sheet.getCell('E20').value).toEqual({ formula: 'D20/C20', result: 0.7353 });
    expect(sheet.getCell('A21').value).toBe('合计');
    expect(sheet.getCell('C21').value).toEqual({ formula: 'SUM(C15:C20)', result: 1500 });
    expect(sheet.getCell('D21').value).toEqual({ formula: 'SUM(D15:D20)', result: 1235.96 });
    expect(sheet.getCell('E21').value).toEqual({ formula: 'D21/C21', result: 0.824 });
    expect(sheet.getCell('C16').border.top?.style).toBe('thin');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    // Long Chinese text gets a row tall enough to show it when printed.
    expect(sheet.getRow(9).height).toBeGreaterThan(sheet.getRow(7).height!);
    expect(sheet.getRow(9).height).toBeGreaterThanOrEqual(100);
  });

  it('puts 汇总 first when exporting several counties, and writes traditional headings on request', async () => {
    const hant = { ...referenceFixture('hant'), county: { ...referenceFixture('hant').county, batch: 9 } };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportWorkbook([referenceFixture('hans'), hant], 'hant')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['匯總', '樟树市', '樟樹市(2)']);
    const summary = workbook.getWorksheet('匯總')!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      '省',
      '市',
      '縣',
      '批次',
      '年度',
      '計劃安排額度(萬元)',
      '實際撥付額度(萬元)',
      '資金撥付率(%)',
      '警告數',
    ]);
    expect(summary.getCell('A4').value).toBe('合計');
    expect(summary.getCell('F4').value).toEqual({ formula: 'SUM(F2:F3)', result: 3000 });
    expect(workbook.getWorksheet('樟樹市(2)')!.getCell('A2').value).toBe('一、基本情況');
  });
});

describe('round trip: export then import gives the identical record', () => {
  it('for the seed, in both scripts, with either heading script', async () => {
    for (const script of ['hans', 'hant'] as const) {
      for (const headings of ['hans', 'hant'] as const)
        expect(await roundTrip([referenceFixture(script)], headings)).toEqual([referenceFixture(script)]);
    }
  });

  const decimal = (maxInt: number) =>
    fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999_999 })).map(([i, d, f]) => {
      const frac = String(f).padStart(6, '0').slice(0, d).replace(/0+$/, '');
      return frac ? `${i}.${frac}` : String(i);
    });
  const text = fc
    .array(
      fc.constantFrom('建设', '项目', '"引号"', '“中文引号”', "'", '\n', ',', '万元', 'A&B<>', '%', '——', '電商', '完成', '1,500', ' '),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => parts.join('').trim())
    .filter((s) => s.length > 0);
  const category = fc.constantFrom(...CATEGORIES);
  const record = fc.record({
    name: fc.constantFrom('樟树市', '南丰县', '寻乌县', '瑞金市', '新建区', '阿荣旗'),
    batch: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 2014, max: 2025 }),
    approvedOn: fc.constantFrom(null, '2021', '2021-09', '2020-12-31'),
    amounts: fc.array(decimal(100_000_000), { minLength: 5, maxLength: 5 }),
    statusNote: fc.oneof(fc.constant(''), text),
    items: fc.array(
      fc.record({ category, name: text, target: text, completion: text, completionRate: fc.oneof(fc.constant(null), decimal(100)) }),
      { minLength: 1, maxLength: 40 },
    ),
    disbursements: fc.array(
      fc.record({
        category,
        name: text,
        planned: decimal(100_000_000),
        actual: decimal(100_000_000),
        statedRate: fc.option(decimal(200), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  });

  it('for random records (amounts 0–6 decimals up to 10^8 万元, texts with line breaks and quotes, 1–40 rows, all categories)', async () => {
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const input: RecordInput = {
          county: {
            name: r.name,
            province: '江西省',
            prefecture: null,
            batch: r.batch,
            year: r.year,
            approvedOn: r.approvedOn,
            acceptedOn: '2023-05-06',
            investment: { total: r.amounts[0], central: r.amounts[1], localGov: r.amounts[2], social: r.amounts[3] },
            centralArrangedUse: r.amounts[4],
            statusNote: r.statusNote,
          },
          items: r.items.map((x, i) => ({ ...x, seq: i + 1 })),
          disbursements: r.disbursements.map((x, i) => ({
            ...x,
            seq: i + 1,
            ...(x.statedRate === undefined ? {} : { statedRate: x.statedRate }),
          })),
        };
        const original = computeRecord(input);
        expect(await roundTrip([original])).toEqual([original]);
      }),
      { numRuns: 60, seed: Number(process.env.FC_SEED ?? 20261129) },
    );
  });
});

describe('a workbook written by a real third-party spreadsheet program', { tags: ['another-program'] }, () => {
  it('an export converted by LibreOffice imports back to the identical record', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'seed.xlsx');
    fs.writeFileSync(source, await exportWorkbook([referenceFixture('hant')], 'hant'));
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', path.join(dir, 'lo'), source],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const converted = fs.readFileSync(path.join(dir, 'lo', 'seed.xlsx'));
    expect(converted.equals(fs.readFileSync(source))).toBe(false);
    const [read] = await readWorkbook({ name: 'seed.xlsx', bytes: converted });
    expect(read.findings).toEqual([]);
    expect(computeRecord(read.input!)).toEqual(referenceFixture('hant'));
  }, 240_000);

  it('the source document typed as CSV and saved as .xlsx by LibreOffice imports to the fixture record', async () => {
    const dir = tempDir();
    const csv = path.join(dir, '樟樹市.csv');
    fs.writeFileSync(csv, sourceDocumentCsv());
    // CSV filter: comma, double quote, UTF-8, from line 1.
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        csv,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const [read] = await readWorkbook({ name: '樟樹市.xlsx', bytes: fs.readFileSync(path.join(dir, '樟樹市.xlsx')) });
    expect(read.findings).toEqual([]);
    // LibreOffice stores "91.40%" as the number 0.914: a number keeps no trailing zero.
    const expected = referenceFixture('hant');
    expected.disbursements[4].statedRate = '91.4';
    expect(computeRecord(read.input!)).toEqual(expected);
  }, 240_000);
});
