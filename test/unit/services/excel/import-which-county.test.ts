// Which county and which year a sheet is: a county a 汇总 lists with no sheet of its own is told (it is not imported),
// naming the 汇总's cell; a 绩效自评表 of another 年度 than the record's is a doubt naming both years; a county's two
// years in one book, a sheet each, are one refusal (the county twice), not a false 没有找到表 or 缺少批次 besides.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';
import { findingMessage } from '../../../../shared/i18n';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { computeRecord } from '../../../../shared/record';
import { emptyPerformance } from '../../../../shared/performance';
import { seedInput, ME, tempDir } from '../../../helpers/fixtures';
import { yanshou } from '../../../helpers/cli';
import fs from 'node:fs';
import path from 'node:path';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { newStore } from '../../../helpers/backend';

const readSheets = async (sheets: FxSheet[], name = 'county.xlsx') => readWorkbook({ name, bytes: await bytesOf(excelOf(sheets)) });
const all = (read: ReadRecord[]) => read.flatMap((r) => r.findings);
const seed = () => referenceFixture('hans');

describe('a roll-up listing a county the workbook has no sheet for', () => {
  it('the county is told at its name in the 汇总, with its figures; the counties with sheets and the total row are not', async () => {
    const summary: FxSheet = {
      name: '汇总',
      rows: [
        ['序号', '县(市、区)', '计划安排额度(万元)', '实际拨付额度(万元)'].map((v) => ({ v })),
        [1, '樟树市', 1500, 1235.96].map((v) => ({ v })),
        [2, '旌德县', 2000, 1770].map((v) => ({ v })),
        ['', '合计', 3500, 3005.96].map((v) => ({ v })),
      ],
    };
    const read = await readSheets([summary, ...layoutSheets([seed()], PLAIN_LAYOUT)]);
    const missing = all(read).filter((f) => f.code === 'rollup_county_missing');
    expect(missing.map((f) => [f.sheet, f.cell, f.severity])).toEqual([['汇总', 'B3', 'warning']]);
    expect(findingMessage(missing[0], 'zh')).toBe('汇总表列有 旌德县(计划 2000,实际 1770),但工作簿中没有它的验收表,旌德县 未导入');
    expect(read.map((r) => r.input?.county.name)).toEqual(['樟树市']);
  });
});

describe('a 绩效自评表 of another year than the record', () => {
  /** The seed (示范年度 2021) with a 四、绩效自评, exported; its 绩效自评表's year line written `year`. */
  async function bookWithPerformanceOf(year: string): Promise<Uint8Array> {
    const performance = { ...emptyPerformance(), goals: { expected: '建成县级电子商务公共服务中心', achieved: '已建成' } };
    const bytes = await exportWorkbook([computeRecord({ ...seedInput(), performance })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => w.name.includes('绩效'))!;
    expect(sheet.getCell('A2').value).toBe('（2021年度）');
    sheet.getCell('A2').value = `（${year}年度）`;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('a 2022 self-evaluation given to a 2021 record is a doubt at its year, naming both years; its own year is none', async () => {
    const read = await readWorkbook({ name: 'perf.xlsx', bytes: await bookWithPerformanceOf('2022') });
    const doubt = read[0].doubts?.find((d) => d.code === 'perf_year_differs');
    expect(doubt).toMatchObject({ county: '樟树市', cell: 'A2', params: { year: '2022', own: '2021' } });
    const told = read[0].findings.find((f) => f.code === 'perf_year_differs')!;
    expect(findingMessage(told, 'zh')).toMatch(/2022 年度.*示范年度是 2021 年.*写作 2021年度/);
    const same = await readWorkbook({ name: 'perf.xlsx', bytes: await bookWithPerformanceOf('2021') });
    expect(same[0].findings.filter((f) => f.code === 'perf_year_differs')).toEqual([]);
    expect(same[0].doubts ?? []).toEqual([]);
  });
});

describe("a county's two years in one book", () => {
  it('tabs 2021年度 and 2022年度, each the whole county (its title naming the year): one duplicate_record, no phantom county', async () => {
    const [first] = layoutSheets([seed()], PLAIN_LAYOUT, '2021年度');
    const second = structuredClone(first);
    second.name = '2022年度';
    const title = second.rows[0][0]!;
    expect(title.v).toMatch(/^江西省宜春市樟树市.*验收情况表$/);
    title.v = String(title.v).replace('验收情况表', '2022年度验收情况表');
    const bytes = await bytesOf(excelOf([first, second]));
    const plan = await importWorkbooks(newStore(), ME, ':memory:', [{ name: 'two.xlsx', bytes }], { onConflict: 'fail', dryRun: true });
    expect(plan.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet])).toEqual([['duplicate_record', '2022年度']]);
    expect(plan.records.map((r) => [r.county, r.batch, r.sheet, r.disbursements])).toEqual([
      ['樟树市', 8, '2021年度', 6],
      ['樟树市', 8, '2022年度', 6],
    ]);
    // The command line: the sheet it would create is not said 新建 beside the refusal — nothing is written.
    const file = path.join(tempDir(), 'two.xlsx');
    fs.writeFileSync(file, bytes);
    const cli = yanshou(['import', file, '--db', path.join(tempDir(), 'two.sqlite')]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('新建(未写入:本次导入有错误): 樟树市 第8批  two.xlsx › 2021年度');
    expect(cli.stdout).not.toMatch(/^新建:/m);
  });
});
