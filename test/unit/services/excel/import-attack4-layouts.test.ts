// The fourth round of the tester's attacks on the import (attack4): layouts that blocked a whole county. A
// county's 公示 web page saved by LibreOffice lays tables of different widths on one grid, so each header and
// each value is merged across several columns; a person sees one column, and so must the import. Figures
// expected by hand.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { newStore } from '../../../helpers/backend';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxCell, type FxSheet } from '../../../fixtures/workbooks';
import { baoshanPerformanceSheet } from '../../../fixtures/performance-sheets';
import { findingMessage } from '../../../../shared/i18n';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { computeRecord } from '../../../../shared/record';
import { emptyPerformance } from '../../../../shared/performance';
import { referenceFixture, seedInput } from '../../../helpers/fixtures';

const ME = { client: 'test', kind: 'cli' as const };
const readSheets = async (sheets: FxSheet[]) => readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const errors = (read: ReadRecord[]) => read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'));
const c = (v: string | number, extra: Partial<NonNullable<FxCell>> = {}): FxCell => ({ v, ...extra });
/** A cell merged across `n` columns, and the cells it covers. */
const wide = (v: string | number, n: number, extra: Partial<NonNullable<FxCell>> = {}): FxCell[] => [
  c(v, { colSpan: n, ...extra }),
  ...Array<FxCell>(n - 1).fill(null),
];

/**
 * 修水县's page on a grid of 16 columns: table 二 (A, B:D, E:H, I:L, M:P) and table 三 (序号 A, 类别 B:C merged
 * down over lines 1–2, 名称 D:F, then under 中央财政资金（万元）: 计划 G:J, 实际 K:M, 拨付率 N:P), every value
 * merged across its header's columns as LibreOffice writes a web page's table.
 */
function publicPage(): FxSheet {
  const rows: FxCell[][] = [];
  rows.push(wide('修水县电子商务进农村综合示范项目验收情况表', 16));
  rows.push([c('一、基本情况')]);
  rows.push(
    wide(
      '修水县是第四批全国电子商务进农村综合示范县（2017年），立项时间为2017年8月，项目总投资2,860万元，其中中央资金2,000万元，政府配套资金360万元，社会资本500万元，安排使用中央资金2,000万元。',
      16,
    ),
  );
  rows.push([c('二、项目建设完成情况')]);
  const items = (a: string | number, b: string, d: string, e: string, f: string | number) => [
    c(a),
    ...wide(b, 3),
    ...wide(d, 4),
    ...wide(e, 4),
    ...wide(f, 4),
  ];
  rows.push(items('序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)'));
  rows.push(items(1, '县级电子商务公共服务中心', '建成县级电商公共服务中心1个', '已建成并投入运营', 100));
  rows.push(items(2, '农村电商培训', '培训5000人次', '培训5218人次', 100));
  rows.push([c('三、中央财政资金拨付情况')]);
  rows.push([
    c('序号', { rowSpan: 2 }),
    ...wide('类别', 2, { rowSpan: 2 }),
    ...wide('具体项目名称', 3, { rowSpan: 2 }),
    ...wide('中央财政资金（万元）', 10),
  ]);
  rows.push([null, null, null, null, null, null, ...wide('计划安排额度', 4), ...wide('实际拨付额度', 3), ...wide('资金拨付率', 3)]);
  const line = (seq: string | number, category: FxCell[], name: string, planned: number, actual: number, rate: string) => [
    c(seq),
    ...category,
    ...wide(name, 3),
    ...wide(planned, 4),
    ...wide(actual, 3),
    ...wide(rate, 3),
  ];
  rows.push(line(1, wide('公共服务体系', 2, { rowSpan: 2 }), '县级电子商务公共服务中心', 500, 470, '94.00%'));
  rows.push(line(2, [null, null], '乡村电商服务站点建设', 600, 552.6, '92.10%'));
  rows.push(line(3, wide('县乡村物流配送体系', 2), '县乡村三级物流配送', 500, 430, '86.00%'));
  rows.push(line(4, wide('人员培训', 2), '农村电商培训', 400, 360, '90.00%'));
  rows.push([...wide('合　计', 6), ...wide(2000, 4), ...wide(1812.6, 3), ...wide('90.63%', 3)]);
  return { name: 'Sheet1', rows };
}

describe('C4: a 公示 page saved by LibreOffice, each header and value merged across several columns', () => {
  it('is read as the page shows it: one 计划 and one 实际 column, 2000 / 1812.6 万元, 90.63%', async () => {
    const read = await readSheets([publicPage()]);
    expect(errors(read)).toEqual([]);
    expect(read).toHaveLength(1);
    const lines = read[0].input!.disbursements;
    // 470 + 552.6 + 430 + 360 = 1812.6 of 500 + 600 + 500 + 400 = 2000.
    expect(lines.map((d) => [d.name, d.planned, d.actual])).toEqual([
      ['县级电子商务公共服务中心', '500', '470'],
      ['乡村电商服务站点建设', '600', '552.6'],
      ['县乡村三级物流配送', '500', '430'],
      ['农村电商培训', '400', '360'],
    ]);
    expect(read[0].input!.items.map((i) => i.name)).toEqual(['县级电子商务公共服务中心', '农村电商培训']);
  });

  it('a 类别 merged down over two lines not in the list is told once, at its cell', async () => {
    const read = await readSheets([publicPage()]);
    expect(read[0].findings.filter((f) => f.code === 'unknown_category').map((f) => f.cell)).toEqual(['B11']);
  });

  it('the 绩效自评表 under the tables on the same sheet is read as the county\'s 绩效自评, none of its figures "outside the tables"', async () => {
    const page = publicPage();
    const perf = baoshanPerformanceSheet().rows;
    perf[2] = [c('项目名称', { colSpan: 2 }), null, c('修水县电子商务进农村综合示范项目', { colSpan: 7 })];
    const sheet = { name: 'Sheet1', rows: [...page.rows, [], ...perf] };
    const read = await readSheets([sheet]);
    expect(errors(read)).toEqual([]);
    expect(read).toHaveLength(1);
    expect(read[0].input!.disbursements).toHaveLength(4);
    // The sheet's nine indicators (保山's), 项目资金 1000 / 912.5.
    expect(read[0].input!.performance?.indicators).toHaveLength(9);
    expect(read[0].input!.performance?.funds.budget).toBe('1000');
    const below = page.rows.length + 1;
    const ignoredBelow = read[0].findings.filter((f) => f.code === 'ignored_cell' && Number(/\d+$/.exec(f.cell ?? '')?.[0]) > below);
    expect(ignoredBelow).toEqual([]);
  });
});

describe("C9: facts on each county's sheet, money on one shared 资金拨付 sheet under headings naming the counties", () => {
  const factsSheet = (name: string, paragraph: string): FxSheet => ({
    name,
    rows: [
      [c(`${name}电子商务进农村综合示范项目验收情况表`)],
      [c('一、基本情况')],
      [c(paragraph)],
      [c('二、项目建设完成情况')],
      ['序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)'].map((h) => c(h)),
      [c(1), c('县级电子商务公共服务中心'), c('建成中心1个'), c('已建成'), c(100)],
      [c(2), c('农村电商培训'), c('培训3000人次'), c('培训3100人次'), c(100)],
    ],
  });
  const money = (county: string, lines: [string, number, number][]): FxCell[][] => [
    [c(`${county}中央财政资金拨付情况`)],
    ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)'].map((h) => c(h)),
    ...lines.map(([name, planned, actual], i) => [c(i + 1), c(name), c(planned), c(actual)]),
  ];
  const book = (): FxSheet[] => [
    factsSheet(
      '楚雄市',
      '楚雄市是2021年全国电子商务进农村综合示范县(第八批),立项时间为2021年10月,项目总投资2600万元,其中中央资金2000万元,政府配套资金300万元,社会资本300万元,安排使用中央资金2000万元。',
    ),
    factsSheet(
      '修水县',
      '修水县是2017年全国电子商务进农村综合示范县(第四批),立项时间为2017年8月,项目总投资2400万元,其中中央资金2000万元,政府配套资金200万元,社会资本200万元,安排使用中央资金2000万元。',
    ),
    {
      name: '资金拨付',
      rows: [
        ...money('楚雄市', [
          ['县级电子商务公共服务中心', 1200, 1100],
          ['农村电商培训', 800, 625],
        ]),
        [],
        ...money('修水县', [
          ['县级电子商务公共服务中心', 1500, 1200],
          ['农村电商培训', 500, 350],
        ]),
      ],
    },
  ];

  it('each table is the county its heading names, joined to its facts: 楚雄市 2000 / 1725, 修水县 2000 / 1550', async () => {
    const read = await readSheets(book());
    expect(errors(read)).toEqual([]);
    const sums = read.map((r) => [
      r.input!.county.name,
      r.input!.disbursements.map((d) => d.planned).join('+'),
      r.input!.disbursements.map((d) => d.actual).join('+'),
    ]);
    expect(sums).toEqual([
      ['楚雄市', '1200+800', '1100+625'],
      ['修水县', '1500+500', '1200+350'],
    ]);
    expect(read.flatMap((r) => r.findings).filter((f) => f.code === 'planned_zero')).toEqual([]);
  });
});

describe("C5: a book holding only one county's ledger, or only its 绩效自评表", () => {
  const messages = (read: ReadRecord[]) => errors(read).map((f) => [f.code, f.sheet, f.cell, findingMessage(f, 'zh')]);

  it('a ledger alone, its sheet and title naming 楚雄市: refused saying the book holds only 楚雄市\'s ledger, no "write the county name"', async () => {
    const ledger: FxSheet = {
      name: '楚雄市拨付台账',
      rows: [
        [c('楚雄市电子商务进农村综合示范项目资金拨付台账')],
        ['序号', '具体项目名称', '拨付日期', '金额(万元)', '收款单位', '凭证号'].map((h) => c(h)),
        [c(1), c('县级电子商务公共服务中心'), c('2022-04-20'), c(300), c('楚雄某公司'), c('记-001')],
        [c(2), c('农村电商培训'), c('2022-05-10'), c(120), c('楚雄某学校'), c('记-002')],
      ],
    };
    const read = await readSheets([ledger]);
    expect(messages(read)).toEqual([
      [
        'part_only',
        '楚雄市拨付台账',
        'B2',
        '工作簿中只有楚雄市的拨付台账,没有楚雄市的验收表(项目建设完成情况、中央财政资金拨付情况);拨付台账须与验收表一起导入:请把它放进楚雄市验收表的工作簿再导入,或在应用中打开楚雄市,在“拨付台账”中粘贴这些拨付',
      ],
    ]);
  });

  it('a 绩效自评表 alone, its 项目名称 and 实施单位 naming 楚雄市: refused saying so, at the 项目名称 it read, with no "没有找到…表"', async () => {
    const perf = baoshanPerformanceSheet('hans', '绩效自评');
    perf.rows[2] = [c('项目名称', { colSpan: 2 }), null, c('楚雄市电子商务进农村综合示范项目', { colSpan: 7 })];
    perf.rows[3] = [
      c('主管部门', { colSpan: 2 }),
      null,
      c('楚雄州商务局', { colSpan: 3 }),
      null,
      null,
      c('实施单位', { colSpan: 2 }),
      null,
      c('楚雄市商务局'),
    ];
    const read = await readSheets([perf]);
    expect(messages(read)).toEqual([
      [
        'part_only',
        '绩效自评',
        'C3',
        '工作簿中只有楚雄市的绩效自评表,没有楚雄市的验收表(项目建设完成情况、中央财政资金拨付情况);绩效自评表须与验收表一起导入:请把它放进楚雄市验收表的工作簿再导入,或在应用中打开楚雄市,在“绩效自评”中填写',
      ],
    ]);
  });
});

describe('C16: table 三 with another word over its 实际 column', () => {
  /** The seed (樟树市, six lines, Σ计划 1500, Σ实际 1235.96) with table 三's 计划 and 实际 headers as given. */
  function headed(planned: string, actual: string): { sheets: FxSheet[]; row: number } {
    const sheets = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
    const header = sheets[0].rows.findIndex((r) => r?.[0]?.v === '序号' && r[1]?.v === '具体项目名称');
    sheets[0].rows[header][2] = c(planned);
    sheets[0].rows[header][3] = c(actual);
    return { sheets, row: header + 1 };
  }
  const sum = (xs: (string | null)[]) => xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0) / 100;

  it("已报账金额 (报账制: what is reimbursed is paid) is 实际拨付额度: the seed's 1500 / 1235.96", async () => {
    const read = await readSheets(headed('计划安排额度(万元)', '已报账金额(万元)').sheets);
    expect(errors(read)).toEqual([]);
    const lines = read[0].input!.disbursements;
    expect([sum(lines.map((d) => d.planned)), sum(lines.map((d) => d.actual))]).toEqual([1500, 1235.96]);
  });

  it('完成投资 (investment done, not central money paid) is refused, the refusal quoting the header row and the columns it did not recognise', async () => {
    const { sheets, row } = headed('计划投资(万元)', '完成投资(万元)');
    const read = await readSheets(sheets);
    const missing = errors(read).filter((f) => f.code === 'missing_table');
    expect(missing).toHaveLength(1);
    const text = findingMessage(missing[0], 'zh');
    expect(text).toContain(`第 ${row} 行“序号 | 具体项目名称 | 计划投资(万元) | 完成投资(万元)`);
    expect(text).toContain('认不出计划安排额度(万元)、实际拨付额度(万元)列');
  });

  it('in the app, that header row chosen: told to point at the 计划 and 实际 columns (not to choose other rows); pointed at, it reads', async () => {
    const { sheets, row } = headed('计划投资(万元)', '完成投资(万元)');
    const file = { name: 'h1.xlsx', bytes: await bytesOf(excelOf(sheets)) };
    const header = { file: file.name, sheet: sheets[0].name, header: { top: row, bottom: row } };
    const chosen = await importWorkbooks(newStore(), ME, ':memory:', [file], { onConflict: 'fail', dryRun: true, corrections: [header] });
    const unread = chosen.findings.filter((f) => f.code === 'header_unread').map((f) => findingMessage(f, 'zh'));
    expect(unread).toEqual([
      `所选表头(第 ${row}–${row} 行)中认不出计划安排额度(万元)、实际拨付额度(万元)列;请在“更正读法”中选出计划、实际所在的列`,
    ]);
    const pointed = await importWorkbooks(newStore(), ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: true,
      corrections: [{ ...header, planned: 'C', actual: 'D' }],
    });
    expect(pointed.records.map((r) => [r.planned, r.actual])).toEqual([['1500', '1235.96']]);
  });
});

describe('C15: our export of a record whose 绩效自评 states its own 得分, imported back', () => {
  it("the stated 25 and 总分 are said to be the record's, kept in the hidden sheet, at the cells that show the rule's 40 and 75.24", async () => {
    const performance = emptyPerformance();
    performance.funds.initial = '1500';
    performance.indicators = [
      {
        level1: 'output',
        level2: '数量指标',
        name: '培训人次',
        target: '不低于500人次',
        actual: '400人次',
        weight: '50',
        score: '25',
        deviation: '',
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
    ];
    performance.statedTotal = '70';
    const bytes = await exportWorkbook([computeRecord({ ...seedInput(), performance })]);
    const [read] = await readWorkbook({ name: 'x.xlsx', bytes: new Uint8Array(bytes) });
    const told = read.findings.filter((f) => f.code === 'perf_score_differs' || f.code === 'perf_stated_mismatch');
    const kept = '(记录中保存的填报数,在本导出文件的隐藏页中;表上该单元格显示的是按规则计算的数)';
    // 400 of 500 人次 is 80% of the weight 50: 40; 总分 40 + 27 + the funds' 8.24 (1235.96 of 1500 paid, of 10) = 75.24.
    expect(told.map((f) => findingMessage(f, 'zh'))).toEqual([
      `绩效指标第 1 行“培训人次”填报得分 25.00${kept} 与按规则计算的 40.00 不一致`,
      `绩效自评填报的总分 70${kept} 与计算值 75.24 不一致`,
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(told[0].sheet!)!;
    const shown = (address: string) => (sheet.getCell(address).value as { result?: unknown })?.result ?? sheet.getCell(address).value;
    expect(shown(told[0].cell!)).toBe(40);
    expect(shown(told[1].cell!)).toBe(75.24);
  });
});
