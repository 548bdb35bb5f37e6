// Import IV: layouts taken from documents counties published, each test's workbook made in the test
// from a compact description (exceljs), the figures the document's own, the page cited per case.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { openDatabase } from '../../../../electron/services/store/database';
import { listRecords } from '../../../../electron/services/store/records';
import { gridOf } from '../../../../electron/services/excel/cells';
import { isPerformanceSheet, readPerformanceSheet } from '../../../../electron/services/excel/performance';
import { checkPerformance, computePerformance } from '../../../../shared/performance';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, seedAs, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

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

  it('a signature row under the table (填表人： 审核人： 2018.12) is told, not taken for rows of the missing table 二', async () => {
    const sheet = tonghe(500);
    sheet.rows.push(v('填表人：', null, '审核人：', null, 2018.12));
    const r = await read([sheet]);
    expect(codes(r).filter(([c]) => c !== 'missing_fact')).toEqual([]);
    expect(r[0].findings.find((f) => f.cell === 'E11')?.params).toMatchObject({ value: '2018.12', reason: 'note' });
    expect(lines(r[0]).map((l) => l[3])).toEqual(['100', '300', '180']);
  });

  it('groups within groups (一、 over (一) over 1): each level checked against the lines under it, none counted', async () => {
    const nested = (top: number): FxSheet => {
      const sheet = tonghe(500);
      sheet.rows.splice(4, 0, v('一', '中央财政资金支持项目', top, 580, null));
      return sheet;
    };
    const r = await read([nested(600)]);
    expect(codes(r).filter(([c]) => c !== 'missing_fact')).toEqual([]);
    expect(lines(r[0]).map((l) => l[2])).toEqual(['100', '300', '200']);
    // The top group's sum mistyped: a doubt at its cell alone, the groups within it still agree.
    const wrong = await read([nested(6000)]);
    expect(wrong[0].findings.filter((f) => f.code === 'stated_total_mismatch').map((f) => f.cell)).toEqual(['C5']);
  });

  it('a line over its 其中 breakdown numbered (1) stays a line; the breakdown is told', async () => {
    const sheet = tonghe(500);
    sheet.rows.splice(8, 0, v('（1）', '其中：村级网点设备购置', 120, 100, null));
    const r = await read([sheet]);
    expect(lines(r[0]).map((l) => l[1])).toEqual(['特色产品线下体验中心及宣传推广', '县级电子商务公共服务中心', '村级电商服务网点']);
    expect(r[0].findings.filter((f) => f.params.reason === 'breakdown').map((f) => f.cell)).toEqual(['A9']);
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

describe('a city’s 20 + 80 项目自评表 (预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率), no 分值 per indicator)', () => {
  // 2020年市级服务贸易发展资金项目自评表, 区商务局, 填报日期 2021年4月22日
  // (https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html): the money scored 20 × 执行率, the
  // 年度绩效目标 80 with 产出指标(60分) and 效益指标(40分) over indicators that give 得分 only; 总分 printed 100
  // while its own cells add to 120 — as published.
  const selfEvaluation: FxSheet = {
    name: '项目自评表',
    rows: [
      span('2020 年市级服务贸易发展资金项目自评表', 7),
      [{ v: '单位名称:区商务局', colSpan: 4 }, null, null, null, { v: '填报日期:2021 年 4 月 22 日', colSpan: 3 }],
      [
        { v: '预算执行情况(万元)(20分)', rowSpan: 2 },
        { v: '年度财政资金总额', rowSpan: 2 },
        ...v('预算数(A)', '执行数(B)', '执行率(B/A)', '得分(20分*执行率)'),
      ],
      [null, null, ...v(285.84, 285.84, '100%', 20)],
      [{ v: '年度绩效目标(80分)', rowSpan: 9 }, ...v('一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分')],
      [null, { v: '产出指标(60分)', rowSpan: 6 }, { v: '数量指标', rowSpan: 3 }, ...v('服务外包在岸(万美元)', 20000, 23333.56, 10)],
      [null, null, null, ...v('服务外包离岸(万美元)', 4500, 4557.51, 10)],
      [null, null, null, ...v('支持服务贸易、服务外包企业数量', 3, 3, 10)],
      [null, null, ...v('质量指标', '企业国际质量提升', '获得目的国(地区)受众欢迎', '受目的国受众欢迎显著', 10)],
      [null, null, { v: '时效指标', rowSpan: 2 }, ...v('预算资金执行率', '90%', '100%', 10)],
      [null, null, null, ...v('资金拨付及时性', '98%以上', '100%', 10)],
      [
        null,
        { v: '效益指标(40分)', rowSpan: 2 },
        ...v('社会效益指标', '企业把握政治导向和文化方向情况', '企业把握正确政治导向和文化方向情况的评价', '企业较好把握', 20),
      ],
      [null, null, ...v('可持续影响指标', '推动企业走出去方面发挥的作用', '是否利于企业走出去', '有利于推动企业走出去', 20)],
      [{ v: '总分', colSpan: 6 }, null, null, null, null, null, { v: 100 }],
    ],
  };

  it('is read as the self-evaluation it is: the money 285.84 of 285.84 at weight 20, the levels’ weights from their labels', () => {
    const grid = gridOf(excelOf([selfEvaluation]).worksheets[0]);
    expect(isPerformanceSheet(selfEvaluation.name, grid)).toBe(true);
    const read = readPerformanceSheet(grid, 'city.xlsx', undefined);
    expect(read.findings).toEqual([]);
    const p = read.performance!;
    expect(p.funds).toMatchObject({ budget: '285.84', executed: '285.84', weight: '20', statedRate: '100', statedScore: '20' });
    expect(p.weights).toMatchObject({ output: '60', outcome: '40' });
    expect(p.indicators.map((i) => [i.name, i.target, i.actual, i.score])).toEqual([
      ['服务外包在岸(万美元)', '20000', '23333.56', '10'],
      ['服务外包离岸(万美元)', '4500', '4557.51', '10'],
      ['支持服务贸易、服务外包企业数量', '3', '3', '10'],
      ['企业国际质量提升', '获得目的国(地区)受众欢迎', '受目的国受众欢迎显著', '10'],
      ['预算资金执行率', '90%', '100%', '10'],
      ['资金拨付及时性', '98%以上', '100%', '10'],
      ['企业把握政治导向和文化方向情况', '企业把握正确政治导向和文化方向情况的评价', '企业较好把握', '20'],
      ['推动企业走出去方面发挥的作用', '是否利于企业走出去', '有利于推动企业走出去', '20'],
    ]);
    // By hand: the weights are 20 + 60 + 40 = 120, not 100 (the form's 20 + 6 × 10 + 2 × 20 = 120 against the 100
    // printed): no total is given or graded over them, and that is what is flagged; no level is flagged for
    // 分值 it does not have.
    const computed = computePerformance(p, { central: '285.84', disbursed: '285.84' });
    expect([computed.total, computed.grade]).toEqual([null, null]);
    const found = checkPerformance(computed);
    expect(found.map((f) => f.code)).toContain('perf_weights_sum');
    expect(found.filter((f) => f.code === 'perf_level_weight')).toEqual([]);
  });

  it('beside a county’s acceptance sheet it no longer blocks the county (before: 没有找到“项目建设完成情况”表 at its 285.84)', async () => {
    const r = await read([...layoutSheets([seedAs('樟树市')], PLAIN_LAYOUT), selfEvaluation]);
    // Another project's money beside 樟树市's (中央资金 1500, Σ实际拨付 1235.96): kept as stated, flagged at its cells.
    expect(codes(r)).toEqual([
      ['perf_funds_differs', '项目自评表', 'C4'],
      ['perf_funds_differs', '项目自评表', 'D4'],
      ['perf_weights_sum', '项目自评表', null],
    ]);
    expect(r[0].input!.performance!.funds.budget).toBe('285.84');
  });
});

describe('a county’s own 汇总 sheet beside its acceptance sheet', () => {
  // 樟樹市 电子商务进农村综合示范县 验收 (第八批, 2021), as the city published it
  // (http://www.qqqwwww.cn/zssrmzf/dzswjnczhsfzl/202407/69a25a3fc0f64ad2ab559a503f9ba6bd.shtml): its facts
  // (总投资2310万元, 中央资金1500万元) and table 三; the clerk adds a 汇总 sheet of the city's facts and its
  // money by kind of project (the document's lines added up: 775 + 335, 150 + 120, 80 + 40).
  const summary: FxSheet = {
    name: '樟树市汇总',
    rows: [
      span('樟树市电子商务进农村综合示范县资金汇总表'),
      v('县（市、区）', '樟树市'),
      v('项目总投资（万元）', 2310),
      v('中央资金（万元）', 1500),
      v(null, null, null, null, '单位：万元'),
      v('序号', '资金类别', '计划安排额度', '实际拨付额度', '资金拨付率'),
      v(1, '县乡村物流及农产品上行', 1110, 925.61, '83.39%'),
      v(2, '公共服务中心及乡镇商贸中心', 270, 207.82, '76.97%'),
      v(3, '培训、宣传和规划', 120, 102.53, '85.44%'),
      v('合计', null, 1500, 1235.96, '82.40%'),
    ],
  };
  const city: FxSheet = {
    name: '樟树市',
    rows: [
      span('樟树市电子商务进农村综合示范县项目验收情况表'),
      span(
        '樟树市是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,安排使用中央资金1332.78万元。',
      ),
      v('三、中央财政资金拨付情况'),
      TABLE3,
      v(1, '县乡村物流快递配送体系建设', 775, 640.21, null),
      v(2, '农产品上行服务体系建设', 335, 285.4, null),
      v(3, '乡镇商贸中心示范建设', 150, 100, null),
      v(4, '樟树市电子商务公共服务中心建设', 120, 107.82, null),
      v(5, '农村电子商务人员培训', 80, 73.12, null),
      v(6, '农村电商宣传和规划', 40, 29.41, null),
      v('合计', null, 1500, 1235.96, null),
    ],
  };

  it('its facts are the county’s, its summary’s figures told, not taken for rows of a missing table 二 (which refused the county)', async () => {
    const r = await read([summary, city]);
    expect(r).toHaveLength(1);
    expect(codes(r)).toEqual([]);
    expect(lines(r[0]).map((l) => l[2])).toEqual(['775', '335', '150', '120', '80', '40']);
    expect(r[0].findings.find((f) => f.cell === 'C7')?.params).toMatchObject({ value: '1110', reason: 'summary' });
  });
});
