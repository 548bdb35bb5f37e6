// Whose 绩效自评表 a sheet is, by what it says it is of: a province's or a prefecture's own (its
// 实施单位 or 主管部门 above a county, its 项目名称 counting several counties) is told and given to
// no county; two of one county keep the one of the record's 示范年度, else the county is refused.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { referenceFixture } from '../../../helpers/fixtures';

type Perf = { year?: string; project: string; dept: string; unit: string; budget: number; executed: number; total: number };

/** A 项目支出绩效自评表 in the Ministry of Finance's layout, as a county or a province fills it in. */
function perfSheet(ws: ExcelJS.Worksheet, o: Perf): void {
  const rows: (string | number | null)[][] = [
    ['项目支出绩效自评表'],
    [o.year ?? '（2021年度）'],
    ['项目名称', null, o.project],
    ['主管部门', null, o.dept, null, null, '实施单位', null, o.unit],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', o.budget, o.budget, o.executed, 10, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '建设乡镇服务站数量', '≥10个', '12个', 90, 90],
    ['总分', null, null, null, null, null, 100, o.total],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
}

/** 樟树市 (江西省宜春市, 第8批 2021, 中央资金 1500) and 南丰县 (抚州市) in one book, with the 绩效自评表 given. */
async function book(perfs: Record<string, Perf>, alone = false): Promise<ReadRecord[]> {
  const other = structuredClone(referenceFixture('hans'));
  other.county.name = '南丰县';
  other.county.prefecture = '抚州市';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook([referenceFixture('hans'), ...(alone ? [] : [other])])) as unknown as ArrayBuffer);
  for (const [name, p] of Object.entries(perfs)) perfSheet(wb.addWorksheet(name), p);
  return readWorkbook({ name: 'book.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
}

const county = (records: ReadRecord[], name: string) => records.find((r) => r.input?.county.name === name)!;
const codes = (records: ReadRecord[]) => records.flatMap((r) => r.findings.filter((f) => f.code.startsWith('perf_sheet')));
const own = (o: Partial<Perf> = {}): Perf => ({
  project: '樟树市电子商务进农村综合示范项目',
  dept: '樟树市商务局',
  unit: '樟树市商务局',
  budget: 1500,
  executed: 1200,
  total: 95,
  ...o,
});

describe('a province’s or a prefecture’s own 绩效自评表 in a book of counties', () => {
  it('naming one county inside “等11个县市” is given to none, told at its 项目名称; each county keeps its own', async () => {
    const project = '江西省电子商务进农村综合示范项目(樟树市等11个县市)';
    const records = await book({
      全省绩效自评: { project, dept: '江西省商务厅', unit: '江西省商务厅、江西省财政厅', budget: 8500, executed: 8012, total: 99.43 },
      樟树市绩效自评: own(),
    });
    expect(county(records, '樟树市').input?.performance?.funds.budget).toBe('1500');
    expect(county(records, '南丰县').input?.performance).toBeUndefined();
    expect(codes(records).map((f) => [f.code, f.severity, f.sheet, f.cell, f.params.text])).toEqual([
      ['perf_sheet_above', 'info', '全省绩效自评', 'C3', project],
    ]);
  });

  it('naming no county is told by its 实施单位 (a province’s 厅), blocking nothing — not “which county?”', async () => {
    const records = await book({
      省级自评: {
        project: '江西省电子商务进农村综合示范项目',
        dept: '江西省商务厅',
        unit: '江西省商务厅',
        budget: 8500,
        executed: 8012,
        total: 99,
      },
    });
    expect(records.every((r) => r.input !== null && !r.findings.some((f) => f.severity === 'error'))).toBe(true);
    expect(codes(records).map((f) => [f.code, f.cell, f.params.label])).toEqual([['perf_sheet_above', 'H4', '实施单位']]);
  });

  it('a prefecture’s: its 实施单位 is the prefecture of the book’s counties (宜春市), or a 自治州', async () => {
    const records = await book({
      全市自评: {
        project: '电子商务进农村综合示范项目',
        dept: '宜春市商务局',
        unit: '宜春市商务局',
        budget: 3000,
        executed: 2500,
        total: 96,
      },
      州自评: {
        project: '电子商务进农村综合示范项目',
        dept: '黔东南苗族侗族自治州商务局',
        unit: '黔东南苗族侗族自治州商务局',
        budget: 3000,
        executed: 2500,
        total: 96,
      },
    });
    expect(codes(records).map((f) => [f.code, f.sheet])).toEqual([
      ['perf_sheet_above', '全市自评'],
      ['perf_sheet_above', '州自评'],
    ]);
  });

  it('a county’s own, whose 主管部门 is the province, stays the county’s (its 实施单位 names it)', async () => {
    const records = await book({ 绩效自评: own({ dept: '江西省商务厅' }) });
    expect(county(records, '樟树市').input?.performance?.funds.budget).toBe('1500');
    expect(codes(records)).toEqual([]);
  });
});

describe('a 绩效自评表 whose money is several times its county’s', () => {
  it('naming nobody in a book of one county: attached, but held as a doubt at each cell (8500 is 5.67 × the 中央资金 1500: 5.7)', async () => {
    const [zhangshu] = await book(
      { 绩效自评: own({ project: '电子商务进农村综合示范项目', dept: '商务部门', unit: '商务部门', budget: 8500, executed: 8012 }) },
      true,
    );
    const doubts = (zhangshu.doubts ?? []).filter((d) => d.code === 'perf_funds_differs');
    expect(doubts.map((d) => [d.cell, d.params.times, d.figures.map((f) => [f.cell, f.seen, f.read])])).toEqual([
      ['D6', '5.7', [['D6', '8500', '8500']]],
      // The seed's Σ实际拨付额度 is 1235.96: 8012 is 6.48 times it, 6.5 half up.
      ['E6', '6.5', [['E6', '8012', '8012']]],
    ]);
  });
  it('a year’s table a little off the record stays a warning: 1600 against 1500', async () => {
    const [zhangshu] = await book({ 绩效自评: own({ budget: 1600, executed: 1300 }) }, true);
    expect(zhangshu.findings.filter((f) => f.code === 'perf_funds_differs').map((f) => f.cell)).toEqual(['D6', 'E6']);
    expect((zhangshu.doubts ?? []).filter((d) => d.code === 'perf_funds_differs')).toEqual([]);
  });
});

describe('two 绩效自评表 of one county', () => {
  const y2021 = own({ year: '（2021年度）', budget: 1500, executed: 600 });
  const y2022 = own({ year: '（2022年度）', budget: 900, executed: 690 });
  it('keep the one of the record’s 示范年度 (2021), whatever the sheets’ order, and tell the other', async () => {
    for (const order of [
      { 'A(2021)': y2021, 'B(2022)': y2022 },
      { 'B(2022)': y2022, 'A(2021)': y2021 },
    ]) {
      const records = await book(order);
      expect(county(records, '樟树市').input?.performance?.funds.executed).toBe('600');
      expect(codes(records).map((f) => [f.code, f.severity, f.sheet])).toEqual([['perf_sheet_other_year', 'info', 'B(2022)']]);
    }
  });

  it('neither (or both) of its 示范年度: the county is refused, naming both sheets', async () => {
    const records = await book({ 'A(2022)': own({ year: '（2022年度）' }), 'B(2023)': own({ year: '（2023年度）' }) });
    const twice = codes(records);
    expect(twice.map((f) => [f.code, f.severity])).toEqual([['perf_sheet_twice', 'error']]);
    expect(twice[0].params.sheets).toBe('A(2022)(2022年度)、B(2023)(2023年度)');
    expect(county(records, '樟树市').input?.performance).toBeUndefined();
  });
});
