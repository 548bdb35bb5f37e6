import { describe, expect, it } from 'vitest';
import { locate } from '../../../../electron/services/excel/locate';
import { account } from '../../../../electron/services/excel/account';
import { gridFrom, type Row } from '../../../helpers/grid';

const PARAGRAPH = (name: string) =>
  `${name}是第八批全国电子商务进农村综合示范县(2021年),项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,安排使用中央资金1332.78万元。`;
const county = (name: string): Row[] => [
  [{ v: `${name}电子商务进农村综合示范县项目验收情况表`, colSpan: 5 }],
  [{ v: PARAGRAPH(name), colSpan: 5 }],
  ['单位：万元'],
  ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率'],
  [1, '培训', 1500, 1235.96, ''],
];

describe('locate: tables, unit lines and counties on a sheet', () => {
  it('cuts a sheet into counties one after another, each with its facts and tables', () => {
    const layout = locate(gridFrom([...county('樟树市'), [], ...county('寻乌县')]), 'f.xlsx');
    expect(layout.blocks.map((b) => [b.facts.values.name, b.first, b.last, b.tables.map((t) => t.header.top)])).toEqual(
      [
        ['樟树市', 1, 6],
        ['寻乌县', 7, 11],
      ].map(([n, f, l]) => [n, f, l, [Number(f) + 3]]),
    );
  });

  it("a unit line governs the tables under it in its own county, never the next county's", () => {
    const rows = [...county('樟树市'), [], ...county('寻乌县')];
    rows[2] = ['單位：元'];
    rows[8] = [];
    rows[10] = [1, '培训', 1500, 1235.96, ''];
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(layout.tables.map((t) => t.disbursements.map((d) => [d.planned, d.actual]))).toEqual([
      [['0.15', '0.123596']],
      [['1500', '1235.96']],
    ]);
    expect(layout.findings).toEqual([]);
  });

  it('the forms clerks write a unit line in: 单位(元), 单位：人民币元, 单位/千元, a note far below the table', () => {
    const read = (line: string, at: 'above' | 'below') => {
      const rows = county('樟树市');
      rows[2] = at === 'above' ? [line] : [];
      if (at === 'below') rows.push([], ['注：1. 数据截至验收日。'], ['2. 金额取自财务账。'], ['3. 其他说明。'], [line]);
      return locate(gridFrom(rows), 'f.xlsx').tables[0].disbursements.map((d) => [d.planned, d.actual]);
    };
    for (const line of ['单位（元）', '单位(元)', '单位：人民币元', '单位/元', '金额单位为元', '（单位：元）'])
      expect(read(line, 'above')).toEqual([['0.15', '0.123596']]);
    expect(read('单位：千元', 'above')).toEqual([['150', '123.596']]);
    expect(read('4.本表金额单位：元。', 'below')).toEqual([['0.15', '0.123596']]);
  });

  it("a unit the county's title states (验收情况表（金额单位：元）) speaks for its tables, never for the next county's", () => {
    const rows = [...county('樟树市'), [], ...county('寻乌县')];
    rows[0] = [{ v: '樟树市电子商务进农村综合示范县项目验收情况表（金额单位：元）', colSpan: 5 }];
    rows[2] = [];
    rows[4] = [1, '培训', 15000000, 12359600, ''];
    rows[8] = [];
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(layout.tables.map((t) => [t.unitLine?.cell.address, t.disbursements.map((d) => [d.planned, d.actual])])).toEqual([
      ['A1', [['1500', '1235.96']]],
      [undefined, [['1500', '1235.96']]],
    ]);
    expect(layout.findings).toEqual([]);
  });

  it('a label/value facts table takes the unit line above it, or a unit in the cell beside the value', () => {
    const rows: Row[] = [
      [{ v: '樟树市电子商务进农村综合示范县项目验收情况表', colSpan: 5 }],
      ['单位（元）'],
      ['县（市、区）', '樟树市'],
      ['项目总投资', 23100000],
      ['其中：中央资金', 1500, '万元'],
      ['安排使用中央资金（元）', 13327800],
    ];
    const [block] = locate(gridFrom(rows), 'f.xlsx').blocks;
    expect(block.facts.values).toMatchObject({
      name: '樟树市',
      'investment.total': '2310',
      'investment.central': '1500',
      centralArrangedUse: '1332.78',
    });
    rows[5] = ['安排使用中央资金（万元）', 1332.78];
    expect(locate(gridFrom(rows), 'f.xlsx').findings.map((f) => [f.code, f.cell, f.params.other])).toEqual([['unit_conflict', 'A6', 'A2']]);
  });

  it('a label/value facts table whose value column names its unit in its header (内容（金额：元）) takes it', () => {
    const rows: Row[] = [
      [{ v: '樟树市电子商务进农村综合示范县项目验收情况表', colSpan: 5 }],
      ['指标', '内容（金额：元）'],
      ['县（市、区）', '樟树市'],
      ['项目总投资', 23100000],
      ['中央资金', 15000000],
      ['安排使用中央资金', 13327800],
    ];
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(layout.blocks[0].facts.values).toMatchObject({
      'investment.total': '2310',
      'investment.central': '1500',
      centralArrangedUse: '1332.78',
    });
    expect(layout.findings).toEqual([]);
    // A header speaking of a unit the reader cannot tell is refused at its cell; one against the unit line too.
    rows[1] = ['指标', '内容（元或万元）'];
    expect(locate(gridFrom(rows), 'f.xlsx').findings.map((f) => [f.code, f.cell])).toEqual([['unit_unclear', 'B2']]);
    rows[1] = ['单位：万元'];
    rows.splice(2, 0, ['指标', '数值（元）']);
    expect(locate(gridFrom(rows), 'f.xlsx').findings.map((f) => [f.code, f.cell, f.params.other])).toEqual([['unit_conflict', 'B3', 'A2']]);
  });

  it("an amount whose own unit contradicts its column's (12359600元 under 实际拨付额度（万元）) is read in its own unit and doubted at its cell; with no unit stated, its own is taken", () => {
    const rows = county('樟树市');
    rows[2] = [];
    rows[3] = ['序号', '具体项目名称', '计划安排额度（万元）', '实际拨付额度（万元）', '资金拨付率'];
    rows[4] = [1, '培训', 1500, '12359600元', ''];
    const doubted = locate(gridFrom(rows), 'f.xlsx');
    expect(doubted.findings.map((f) => [f.code, f.cell, f.params.other, f.params.read])).toEqual([['unit_in_cell', 'D5', 'D4', '1235.96']]);
    expect(doubted.tables[0].disbursements.map((d) => d.actual)).toEqual(['1235.96']);
    rows[3] = ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率'];
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(layout.findings).toEqual([]);
    expect(layout.tables[0].disbursements.map((d) => d.actual)).toEqual(['1235.96']);
  });

  it('facts as clerks lay them out: 其中：政府配套资金 as a label, or a label and its value in one cell (中央资金：1500万元)', () => {
    const facts = (rows: Row[]) => locate(gridFrom([[{ v: '电子商务进农村综合示范县项目验收情况表', colSpan: 5 }], ...rows]), 'f.xlsx');
    const labelled = facts([
      ['县（市、区）', '樟树市'],
      ['项目总投资（万元）', 2310],
      ['其中：中央资金（万元）', 1500],
      ['其中：政府配套资金（万元）', 230],
      ['其中：社会资本（万元）', 580],
    ]);
    expect(labelled.blocks[0].facts.values).toMatchObject({
      name: '樟树市',
      'investment.total': '2310',
      'investment.central': '1500',
      'investment.localGov': '230',
      'investment.social': '580',
    });
    const inline = facts([
      ['县（市、区）：樟树市'],
      ['批次：第八批'],
      ['示范年度：2021年'],
      ['立项时间：2021年9月'],
      ['中央资金：15000000元'],
      ['社会资本: 580万元'],
    ]);
    expect(inline.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(inline.blocks[0].facts.values).toMatchObject({
      name: '樟树市',
      batch: 8,
      year: 2021,
      approvedOn: '2021-09',
      'investment.central': '1500',
      'investment.social': '580',
    });
    // A value without a figure is not taken for one: the fact stays missing (the import then refuses the record for it).
    const bad = facts([['县（市、区）：樟树市'], ['中央资金：一千五百万元']]);
    expect(bad.findings.map((f) => [f.code, f.cell])).toEqual([]);
    expect(bad.blocks[0].facts.values['investment.central']).toBeUndefined();
  });

  it('an amount whose number format shows it scaled (元 shown as 万元, or thousands) is read as shown and doubted at its cell', () => {
    // 15000000 as each format shows it (Excel): 1500.0000, 1500.0000, 15,000.0, 15.00.
    for (const [numFmt, shown] of [
      ['0"."0000', '1500'],
      ['0!.0000', '1500'],
      ['#,##0.0,', '15000'],
      ['0.00,,', '15'],
    ]) {
      const rows = county('樟树市');
      rows[4] = [1, '培训', { v: 15000000, numFmt }, 1235.96, ''];
      const layout = locate(gridFrom(rows), 'f.xlsx');
      expect([numFmt, layout.findings.map((f) => [f.code, f.severity, f.cell, f.params.shown, f.params.stored])]).toEqual([
        numFmt,
        [['scaled_format', 'warning', 'C5', shown, '15000000']],
      ]);
      expect(layout.tables[0].disbursements[0].planned).toBe(shown);
    }
    const rows = county('樟树市');
    rows[4] = [1, '培训', { v: 1500, numFmt: '#,##0.00' }, { v: 1235.96, numFmt: '0.00"万元"' }, ''];
    expect(locate(gridFrom(rows), 'f.xlsx').findings).toEqual([]);
  });

  it('a header unit that contradicts the unit line, or a unit it cannot tell, is an error at its cell', () => {
    const rows = county('樟树市');
    rows[2] = ['单位：元'];
    rows[3] = ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度', '资金拨付率'];
    expect(locate(gridFrom(rows), 'f.xlsx').findings.map((f) => [f.code, f.cell, f.params.other])).toEqual([['unit_conflict', 'C4', 'A3']]);
    rows[2] = [];
    rows[3] = ['序号', '具体项目名称', '计划安排额度(元/万元)', '实际拨付额度', '资金拨付率'];
    expect(locate(gridFrom(rows), 'f.xlsx').findings.map((f) => [f.code, f.cell])).toEqual([['unit_unclear', 'C4']]);
  });
});

describe('account: every cell used or reported', () => {
  it('reports unread cells inside a table region by column, and numbers anywhere else', () => {
    const rows = county('樟树市');
    rows[3] = [...(rows[3] as Row), '备注'];
    rows[4] = [...(rows[4] as Row), '已验收'];
    rows.push([], [], ['注：2023年5月复核', '', '', '', '', '', 42]);
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(account(layout, 'f.xlsx').map((f) => [f.cell, f.params.reason, f.params.value])).toEqual([
      ['F5', 'column', '已验收'],
      ['G8', 'number', '42'],
    ]);
    // A note is told as a note (never read as facts or a title).
    expect(layout.findings.map((f) => [f.cell, f.params.reason, f.params.value])).toEqual([['A8', 'note', '注：2023年5月复核']]);
  });

  it('a table with no rows and numbers under it is an error at the first number', () => {
    const rows = county('樟树市');
    rows[4] = ['', '', 1500, 1235.96, ''];
    rows.splice(4, 0, [], [], []);
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(
      account(layout, 'f.xlsx')
        .filter((f) => f.code === 'empty_table')
        .map((f) => [f.cell, f.params]),
    ).toEqual([['C8', { table: 'disbursements', at: 'C8', value: '1500' }]]);
  });
});
