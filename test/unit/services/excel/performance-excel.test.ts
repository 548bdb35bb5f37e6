// 四、绩效自评 in workbooks: the export's 绩效自评表 sheet (standard layout, live formulas for 执行率,
// 得分 and 总分) imports back exactly; a 绩效自评表 as a county sends it (made by LibreOffice from an
// HTML table, 简 and 繁, merged 一级指标, spaced vertical labels) is read with its scores computed by
// the rules, what it states kept beside them and each difference pinned to its cell.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { gridOf } from '../../../../electron/services/excel/cells';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { isPerformanceSheet, readPerformanceSheet, type PerformanceRead } from '../../../../electron/services/excel/performance';
import { computeRecord, toInput, type RecordInput } from '../../../../shared/record';
import { computePerformance, emptyPerformance } from '../../../../shared/performance';
import { seedInput, tempDir } from '../../../helpers/fixtures';
import { fodsOf, htmlOf, layoutSheets, PLAIN_LAYOUT } from '../../../fixtures/workbooks';
import { baoshanPerformanceSheet } from '../../../fixtures/performance-sheets';

function seedWithPerformance(): RecordInput {
  const performance = emptyPerformance();
  performance.funds.initial = '1500';
  performance.funds.current = { initial: '1500', budget: '1500', executed: null };
  performance.goals = { expected: '建成县级电子商务公共服务中心', achieved: '已建成并投入运营' };
  performance.funds.statedRate = '80';
  performance.indicators = [
    {
      level1: 'output',
      level2: '数量指标',
      name: '公共服务中心面积',
      target: '≥3000平方米',
      actual: '3200平方米',
      weight: '25',
      score: null,
      deviation: '',
    },
    {
      level1: 'output',
      level2: '数量指标',
      name: '培训人次',
      target: '不低于500人次',
      actual: '400人次',
      weight: '25',
      score: '25',
      deviation: '疫情影响',
    },
    {
      level1: 'outcome',
      level2: '社会效益指标',
      name: '带动就业',
      target: '效果明显',
      actual: '达成预期指标',
      weight: '30',
      score: '27',
      deviation: '',
    },
    {
      level1: 'satisfaction',
      level2: '服务对象满意度指标',
      name: '满意度',
      target: '≥90%',
      actual: '95%',
      weight: '10',
      score: null,
      deviation: '',
    },
  ];
  return { ...seedInput(), performance };
}

const sheetOf = async (bytes: Buffer, name: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, sheet: wb.getWorksheet(name)! };
};
const findCell = (sheet: ExcelJS.Worksheet, text: string) => {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === text) found = cell;
    }),
  );
  return found!;
};

describe('the export’s 绩效自评表', () => {
  it('is a sheet in the standard layout with live formulas for 执行率, 得分 and 总分, their results cached', async () => {
    const record = computeRecord(seedWithPerformance());
    const { sheet } = await sheetOf(await exportWorkbook([record]), '绩效自评表');
    expect(sheet).toBeDefined();
    const total = findCell(sheet, '年度资金总额');
    const row = sheet.getRow(Number(total.row));
    expect([row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]).toEqual([1500, 1235.96, 10]);
    expect(row.getCell(7).value).toMatchObject({ formula: `IF(N(D${total.row})=0,"—",E${total.row}/D${total.row})`, result: 0.824 });
    expect(row.getCell(8).value).toMatchObject({ formula: expect.stringContaining('MIN('), result: 8.24 });
    const sum = findCell(sheet, '总分');
    // 8.24 + 25 + 20 (400/500 × 25) + 27 + 10
    expect(sheet.getRow(Number(sum.row)).getCell(8).value).toMatchObject({ formula: expect.stringContaining('SUM('), result: 90.24 });
    expect(sheet.getRow(Number(sum.row)).getCell(9).value).toMatchObject({ result: '优' });
    // 一级指标 merged over its run of rows: 产出指标 twice.
    const output = findCell(sheet, '产出指标');
    expect(sheet.getCell(Number(output.row) + 1, 2).isMerged).toBe(true);
  });

  it('imports back exactly, in either script (the money that follows the record still follows it)', async () => {
    const input = seedWithPerformance();
    for (const script of ['hans', 'hant'] as const) {
      const bytes = await exportWorkbook([computeRecord(input)], script);
      const [read] = await readWorkbook({ name: 'x.xlsx', bytes: new Uint8Array(bytes) });
      expect(read.input?.performance, script).toEqual(input.performance);
    }
  });
});

describe('the export of a record whose sums pass a single amount’s cap', () => {
  it('imports back: Σ实际 of six lines of 999 999 999 万元 follows the record, not refused as one amount too large', async () => {
    const input = seedWithPerformance();
    input.disbursements = input.disbursements.map((d) => ({ ...d, planned: '999999999', actual: '999999999' }));
    const bytes = await exportWorkbook([computeRecord(input)], 'hans');
    const [read] = await readWorkbook({ name: 'x.xlsx', bytes: new Uint8Array(bytes) });
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read.input?.performance).toEqual(input.performance);
    expect(computeRecord(read.input!).totals.actual).toBe(String(999999999 * input.disbursements.length));
  });
});

describe('a 绩效自评表 as a county sends it (LibreOffice from an HTML table)', () => {
  const reads: Record<string, PerformanceRead> = {};
  let full: ReadRecord[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    for (const script of ['hans', 'hant'] as const)
      fs.writeFileSync(path.join(dir, `baoshan-${script}.html`), htmlOf(baoshanPerformanceSheet(script)));
    // A county's workbook: its acceptance sheet and its 绩效自评表, saved by LibreOffice.
    fs.writeFileSync(
      path.join(dir, 'county.fods'),
      fodsOf([...layoutSheets([computeRecord(seedInput())], PLAIN_LAYOUT), baoshanPerformanceSheet('hans')]),
    );
    const profile = `-env:UserInstallation=file://${dir}/profile`;
    execFileSync(
      'soffice',
      [
        '--headless',
        profile,
        '--infilter=HTML (StarCalc)',
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(dir, 'out'),
        path.join(dir, 'baoshan-hans.html'),
        path.join(dir, 'baoshan-hant.html'),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    execFileSync(
      'soffice',
      ['--headless', profile, '--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), path.join(dir, 'county.fods')],
      { stdio: 'ignore', timeout: 180_000 },
    );
    for (const script of ['hans', 'hant']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(path.join(dir, 'out', `baoshan-${script}.xlsx`)) as unknown as ArrayBuffer);
      reads[script] = readPerformanceSheet(gridOf(wb.worksheets[0]), `baoshan-${script}.xlsx`, undefined);
    }
    full = await readWorkbook({ name: 'county.xlsx', bytes: fs.readFileSync(path.join(dir, 'out', 'county.xlsx')) });
  }, 240_000);

  it.each(['hans', 'hant'])('reads the money, the goals and every indicator as stated (%s)', (script) => {
    const p = reads[script].performance!;
    expect(reads[script].findings).toEqual([]);
    expect(p.funds).toMatchObject({
      initial: '1000',
      budget: '1000',
      executed: '912.5',
      weight: '10',
      statedRate: '91.25',
      statedScore: '9.13',
    });
    expect(p.funds.carryover).toEqual({ initial: '1000', budget: '1000', executed: '912.5' });
    expect(p.goals.expected).toContain('改造提升');
    expect(p.indicators.map((i) => [i.level1, i.level2, i.weight, i.score])).toEqual([
      ['output', '数量指标', '10', '10'],
      ['output', '数量指标', '10', '10'],
      ['output', '质量指标', '10', '10'],
      ['output', '时效指标', '10', '10'],
      ['output', '成本指标', '10', '10'],
      ['outcome', '经济效益指标', '10', '9'],
      ['outcome', '社会效益指标', '10', '9'],
      ['outcome', '可持续影响指标', '10', '10'],
      ['satisfaction', '服务对象满意度指标', '10', '10'],
    ]);
    expect(p.weights).toEqual({ output: '50', outcome: '30', satisfaction: '10' });
    expect(p.statedTotal).toBe('100');
  });

  it('scores it by the rules: 87.49 (良), not the 100 printed; 20 of 550 人次 scores 0.36', () => {
    const p = computePerformance(reads.hans.performance!, { central: '0', disbursed: '0' });
    expect(p.funds.score).toBe('9.13');
    expect(p.indicators[1].computedScore).toBe('0.36');
    expect(p.total).toBe('87.49');
    expect(p.grade).toBe('良');
  });

  it('in the county’s workbook, joins the county’s record with each difference pinned to its cell', () => {
    expect(full).toHaveLength(1);
    const [county] = full;
    expect(county.input?.performance?.indicators).toHaveLength(9);
    const perf = county.findings.filter((f) => f.code.startsWith('perf_')).map((f) => `${f.code}@${f.sheet}!${f.cell}`);
    // Row 14 is 电商培训人次 (its 得分 in H), row 19 带动贫困户增收, the 总分 in H22.
    expect(perf).toEqual(
      expect.arrayContaining([
        'perf_score_differs@绩效自评表!H14',
        'perf_out_of_band@绩效自评表!H19',
        'perf_stated_mismatch@绩效自评表!H22',
      ]),
    );
    expect(computeRecord(county.input!).performance?.total).toBe('87.49');
  });
});

describe('the blank template', () => {
  it('has a 绩效自评表 in the standard layout; left blank it adds nothing, filled in it is read', async () => {
    const { templateWorkbook } = await import('../../../../electron/services/excel/template');
    const { sheet } = await sheetOf(await templateWorkbook('hans'), '绩效自评表');
    expect(findCell(sheet, '年度资金总额')).toBeDefined();
    expect(findCell(sheet, '三级指标')).toBeDefined();
    const blank = readPerformanceSheet(gridOf(sheet), 't.xlsx', undefined);
    expect(blank.findings).toEqual([]);
    expect(blank.performance?.indicators).toEqual([]);
    const total = Number(findCell(sheet, '年度资金总额').row);
    sheet.getCell(total, 4).value = 1500;
    sheet.getCell(total, 5).value = 1380;
    const first = Number(findCell(sheet, '三级指标').row) + 1;
    sheet.getCell(first, 4).value = '电商培训人次';
    sheet.getCell(first, 5).value = '≥500人次';
    sheet.getCell(first, 6).value = '450人次';
    sheet.getCell(first, 7).value = 50;
    const filled = readPerformanceSheet(gridOf(sheet), 't.xlsx', undefined);
    const p = computePerformance(filled.performance!, { central: '0', disbursed: '0' });
    expect([p.funds.rate, p.funds.score, p.indicators[0].level2, p.indicators[0].computedScore]).toEqual([
      '92.00',
      '9.20',
      '数量指标',
      '45.00',
    ]);
  });
});

describe('refused, never dropped', () => {
  it('a sheet titled 绩效自评表 whose table cannot be read stops the import, naming it', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('绩效自评表');
    sheet.getCell('A1').value = '项目支出绩效自评表';
    sheet.getCell('A2').value = '预算 1000 万元,执行 900 万元';
    const county = new ExcelJS.Workbook();
    void county;
    const read = readPerformanceSheet(gridOf(sheet), 'x.xlsx', undefined);
    expect(read.performance).toBeNull();
    expect(read.findings.map((f) => f.code)).toEqual(['perf_sheet_unread']);
  });

  it('the performance part survives toInput and back (the import’s record is the stored one)', () => {
    const input = seedWithPerformance();
    expect(toInput(computeRecord(input))).toEqual(input);
  });
});

describe('a 绩效自评表 found by its first rows', () => {
  const titled = (title: string) => {
    const sheet = new ExcelJS.Workbook().addWorksheet('Sheet1');
    sheet.getCell('A2').value = title;
    return isPerformanceSheet('Sheet1', gridOf(sheet));
  };

  it('is found written in traditional characters (錶 as well as 表), spaced, or in full-width forms', () => {
    expect(titled('項目支出績效自評錶')).toBe(true);
    expect(titled('項目支出績效自評表')).toBe(true);
    expect(titled('项目支出绩效自评 表')).toBe(true);
    expect(titled('项目支出绩效自评表（2021年度）')).toBe(true);
    expect(titled('项目资金拨付表')).toBe(false);
  });
});
