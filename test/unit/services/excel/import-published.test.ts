// Import IV: layouts taken from documents counties published, each test's workbook made in the test
// from a compact description (exceljs), the figures the document's own, the page cited per case.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { openDatabase } from '../../../../electron/services/store/database';
import { listRecords } from '../../../../electron/services/store/records';
import { gridOf } from '../../../../electron/services/excel/cells';
import { readPerformanceSheet } from '../../../../electron/services/excel/performance';
import { checkPerformance, computePerformance } from '../../../../shared/performance';
import { bytesOf, excelOf, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

const v = (...xs: (string | number | null)[]): FxCell[] => xs.map((x) => (x === null ? null : { v: x }));
const span = (text: string, n = 5): FxCell[] => [{ v: text, colSpan: n }];
const read = async (sheets: FxSheet[]): Promise<ReadRecord[]> =>
  readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const codes = (r: ReadRecord[]) =>
  r.flatMap((x) => x.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.sheet, f.cell ?? null]));
const lines = (r: ReadRecord) => r.input!.disbursements.map((d) => [d.seq, d.name, d.planned, d.actual]);

const ME = { client: 'test', kind: 'cli' as const };
const TABLE3 = v('序号', '具体项目名称', '计划安排额度（万元）', '实际拨付额度（万元）', '资金拨付率(%)');

describe('a table of lines in groups: 一、(一) rows over lines numbered 1, 2, 3', () => {
  // 通河县电子商务进农村综合示范专项资金使用管理办法 (http://www.hrbtonghe.gov.cn/col/col25594/index.html,
  // 2018-07-24) sets the central funds out by sections, each with its sum and the parts under it:
  // (一)宣传推广 不超过100万元; (二)公共服务中心和基层电子商务服务网络 不超过500万元, 其中 公共服务中心
  // 300万元, 村级网点建设 200万元. Typed as a table, the section rows carry their sums and the lines go
  // on numbered 1, 2, 3 under them.
  const tonghe = (group2Planned: number): FxSheet => ({
    name: '通河县',
    rows: [
      span('通河县电子商务进农村综合示范县项目验收情况表'),
      span('通河县是第五批全国电子商务进农村综合示范县（2018年），其中中央资金600万元，安排使用中央资金600万元。'),
      v('三、中央财政资金拨付情况'),
      TABLE3,
      v('（一）', '宣传推广', 100, 100, null),
      v(1, '特色产品线下体验中心及宣传推广', 100, 100, null),
      v('（二）', '公共服务中心和基层电子商务服务网络', group2Planned, 480, null),
      v(2, '县级电子商务公共服务中心', 300, 300, null),
      v(3, '村级电商服务网点', 200, 180, null),
      v('合计', null, 600, 580, null),
    ],
  });

  it('the group rows are checked against their lines and told, never counted: Σ计划 600, Σ实际 580 as the document gives', async () => {
    const r = await read([tonghe(500)]);
    expect(codes(r).filter(([c]) => c !== 'missing_fact')).toEqual([]);
    // By hand: 100 + 300 + 200 = 600 planned; 100 + 300 + 180 = 580 paid; 580 / 600 = 96.67 %.
    expect(lines(r[0])).toEqual([
      [1, '特色产品线下体验中心及宣传推广', '100', '100'],
      [2, '县级电子商务公共服务中心', '300', '300'],
      [3, '村级电商服务网点', '200', '180'],
    ]);
    const told = r[0].findings.filter((f) => f.code === 'ignored_cell' && f.params.reason === 'group').map((f) => f.cell);
    expect(told).toEqual(['A5', 'A7']);
  });

  it('a group whose sum is not its lines’ (500 typed 5000) is a doubt at the group’s cell, shown as read; nothing written', async () => {
    const db = openDatabase(':memory:');
    const file = { name: 'tonghe.xlsx', bytes: await bytesOf(excelOf([tonghe(5000)])) };
    const held = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false });
    expect(held.doubts.map((d) => [d.code, d.sheet, d.cell])).toEqual([['stated_total_mismatch', '通河县', 'C7']]);
    expect(held.doubts[0].params).toMatchObject({ stated: '5000', sum: '500' });
    expect(held.doubts[0].figures[0]).toMatchObject({ cell: 'C7', seen: '5000', read: '5000', unit: 'wan' });
    expect([held.committed, held.records[0].action]).toEqual([false, 'held']);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
  });

  it('lines numbered 一、二、三 with no lower level stay lines', async () => {
    const sheet = tonghe(500);
    sheet.rows = [
      ...sheet.rows.slice(0, 4),
      v('一', '宣传推广', 100, 100, null),
      v('二', '公共服务中心', 300, 300, null),
      v('三', '村级网点', 200, 180, null),
    ];
    const r = await read([sheet]);
    expect(lines(r[0]).map((l) => l[0])).toEqual([1, 2, 3]);
  });
});

describe('a line that cannot be read does not make the rows under its 合计 lines', () => {
  // 旌德县2020年农村电商提质增效工程绩效评价自评报告 (http://www.ahjd.gov.cn/News/show/1183170.html,
  // 2021-01-18): 收到拨付的省电子商务发展资金96万元,资金在审核落实中 — the clerk writes that in the
  // 实际 cell; the office and the date (2021.1.18) sign under the 合计.
  it('the text in the amount cell is the one error; the signature row under 合计 is no line', async () => {
    const r = await read([
      {
        name: '旌德县',
        rows: [
          span('旌德县农村电商提质增效工程验收情况表'),
          v('县（市、区）', '旌德县'),
          v('中央资金（万元）', 96),
          TABLE3,
          v(1, '农村电商提质增效工程', 96, '审核落实中', null),
          v('合计', null, 96, null, null),
          v('旌德县科技商务经信局', null, null, '2021.1.18'),
        ],
      },
    ]);
    // No batch is given (a provincial programme): that fact's error aside, the amount is the only one.
    expect(codes(r).filter(([c]) => c !== 'missing_fact')).toEqual([['not_a_number', '旌德县', 'D5']]);
  });
});

describe('a 绩效自评表 whose 一级指标 labels carry their weights: 产出指标(50分)', () => {
  // 项目支出绩效自评表(2022年度), 池州市贵池区棠溪镇人民政府, 委托业务项目
  // (http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2): the standard layout, the
  // 一级指标 merged down and written 产出指标(50分), 效益指标(30分), 满意度指标(10分); its figures as published.
  const tangxi = (output = '产出指标(50分)'): FxSheet => ({
    name: '绩效自评表',
    rows: [
      span('项目支出绩效自评表', 9),
      span('（2022年度）', 9),
      [{ v: '项目名称' }, { v: '委托业务项目', colSpan: 8 }],
      [{ v: '项目资金（万元）', rowSpan: 2 }, null, ...v('年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分')],
      [null, ...v('其中：本年财政拨款', 90, 89.974, 89.974, 10, null, null)],
      v('绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'),
      [null, { v: output, rowSpan: 6 }, ...v('数量指标', '基建工程委托业务项目数量', '≥50个', 50, 8, 8)],
      [null, null, ...v('质量指标', '委托业务报告合格率', '≥100百分比', 100, 8, 8)],
      [null, null, ...v('质量指标', '经费支出合规性', '严格执行相关制度规定', '达成预期指标', 8, 8)],
      [null, null, ...v('时效指标', '提交报告及时性', '在项目计划完成时间内完成', '达成预期指标', 8, 8)],
      [null, null, ...v('成本指标', '项目总成本', '≤90万元', 90, 8, 8)],
      [null, null, ...v('成本指标', '单项业务成本', '符合相关规定', '达成预期指标', 10, 10)],
      [null, { v: '效益指标(30分)', rowSpan: 3 }, ...v('社会效益指标', '对维护基建市场公平的影响程度', '效果明显', '达成预期指标', 10, 10)],
      [null, null, ...v('生态效益指标', '对控制基建项目成本影响程度', '效果明显', '达成预期指标', 10, 10)],
      [null, null, ...v('可持续影响指标', '对推动基建项目“四项制度”健全和落实的持续性影响', '效果明显', '达成预期指标', 10, 10)],
      [null, ...v('满意度指标(10分)', '满意度指标', '公众满意度', '≥90%', '95%', 10, 10)],
    ],
  });
  const readSheet = (sheet: FxSheet) => readPerformanceSheet(gridOf(excelOf([sheet]).worksheets[0]), 'tangxi.xlsx', undefined);

  it('the labels are read with the weights they state, each pinned to its label cell', () => {
    const read = readSheet(tangxi());
    expect(read.findings.map((f) => [f.code, f.cell])).toEqual([]);
    const p = read.performance!;
    expect(p.indicators.map((i) => i.level1)).toEqual([...Array(6).fill('output'), ...Array(3).fill('outcome'), 'satisfaction']);
    expect(p.weights).toEqual({ output: '50', outcome: '30', satisfaction: '10' });
    expect(['output', 'outcome', 'satisfaction'].map((l) => read.cells.get(`weights.${l}`))).toEqual(['B7', 'B13', 'B16']);
  });

  it('a label’s weight its indicators do not add up to (产出指标(40分) over 8+8+8+8+8+10 = 50) is flagged, never overwritten', () => {
    const p = readSheet(tangxi('产出指标(40分)')).performance!;
    expect(p.weights.output).toBe('40');
    const found = checkPerformance(computePerformance(p, { central: '90', disbursed: '89.974' }));
    expect(found.filter((f) => f.code === 'perf_level_weight').map((f) => f.params)).toEqual([
      { level: '产出指标', sum: '50.00', weight: '40.00' },
    ]);
  });

  it('a label it cannot read, merged down over six rows, is refused once, at its cell', () => {
    const read = readSheet(tangxi('投入产出指标(50分)'));
    expect(read.findings.map((f) => [f.code, f.cell])).toEqual([['perf_sheet_unread', 'B7']]);
  });
});
