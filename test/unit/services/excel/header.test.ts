import { describe, expect, it } from 'vitest';
import { findHeader } from '../../../../electron/services/excel/header';
import { gridFrom, type Row } from '../../../helpers/grid';

const band = (h: ReturnType<typeof findHeader>) =>
  h && {
    kind: h.kind,
    top: h.top,
    bottom: h.bottom,
    left: h.left,
    right: h.right,
    columns: h.columns,
    units: Object.fromEntries([...h.units].map(([c, u]) => [c, [u.unit, u.cell.address]])),
  };

describe('the header model', () => {
  it('one row: fields by their words, units in each header', () => {
    const grid = gridFrom([
      ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度（元）', '资金拨付率(%)'],
      [1, '培训', 10, 10, '100%'],
    ]);
    expect(band(findHeader(grid, 1))).toEqual({
      kind: 'disbursements',
      top: 1,
      bottom: 1,
      left: 1,
      right: 5,
      columns: { seq: 1, name: 2, planned: 3, actual: 4, rate: 5 },
      units: { 3: ['wan', 'C1'], 4: ['yuan', 'D1'] },
    });
  });

  it('a merged group over 计划 / 实际 / 拨付率, with 序号 and 名称 merged down: one header of two rows, the group unit under it', () => {
    const grid = gridFrom([
      [
        { v: '序号', rowSpan: 2 },
        { v: '具体项目\n名称', rowSpan: 2 },
        { v: '中央财政资金（元）', colSpan: 3 },
      ],
      [null, null, '计划', '实际', '拨付率'],
      [1, '培训', 100000, 100000, '100%'],
    ]);
    expect(band(findHeader(grid, 1))).toEqual({
      kind: 'disbursements',
      top: 1,
      bottom: 2,
      left: 1,
      right: 5,
      columns: { seq: 1, name: 2, planned: 3, actual: 4, rate: 5 },
      units: { 3: ['yuan', 'C1'], 4: ['yuan', 'C1'], 5: ['yuan', 'C1'] },
    });
  });

  it('a group typed once over blank cells, or standing alone above the sub-headers', () => {
    const typedOnce = gridFrom([
      ['序号', '项目名称', '拨付情况（万元）', '', ''],
      ['', '', '计划', '实际', '拨付率'],
      [1, 'a', 1, 1, ''],
    ]);
    expect(band(findHeader(typedOnce, 1))).toMatchObject({
      top: 1,
      bottom: 2,
      columns: { seq: 1, name: 2, planned: 3, actual: 4, rate: 5 },
      units: { 3: ['wan', 'C1'], 4: ['wan', 'C1'], 5: ['wan', 'C1'] },
    });
    const above = gridFrom([
      ['', '', '中央财政资金', '', ''],
      ['序号', '项目名称', '计划', '实际', '拨付率'],
      [1, 'a', 1, 1, ''],
    ]);
    expect(band(findHeader(above, 1))).toMatchObject({ top: 1, bottom: 2, columns: { seq: 1, name: 2, planned: 3, actual: 4, rate: 5 } });
  });

  it('a row of units under the headers belongs to the header', () => {
    const grid = gridFrom([
      ['序号', '项目名称', '计划安排额度', '实际拨付额度', '拨付率'],
      ['', '', '(元)', '(元)', '(%)'],
      [1, 'a', 1, 1, ''],
    ]);
    expect(band(findHeader(grid, 1))).toMatchObject({ bottom: 2, units: { 3: ['yuan', 'C2'], 4: ['yuan', 'D2'] } });
  });

  it('a heading, a unit line or a data row next to the header is not part of it', () => {
    const grid = gridFrom([
      [{ v: '三、中央财政资金拨付情况', colSpan: 5 }],
      ['', '', '', '', '单位：元'],
      ['序号', '项目名称', '计划安排额度', '实际拨付额度', '拨付率'],
      [{ v: '一、' }, '服务中心', '100', '90', '90%'],
    ]);
    expect(findHeader(grid, 1)).toBeUndefined();
    expect(findHeader(grid, 2)).toBeUndefined();
    expect(band(findHeader(grid, 3))).toMatchObject({ top: 3, bottom: 3, units: {} });
  });

  it('the construction table by its words; a row of other words is no table', () => {
    const items = gridFrom([['序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)']]);
    expect(band(findHeader(items, 1))).toMatchObject({
      kind: 'items',
      columns: { seq: 1, name: 2, target: 3, completion: 4, completionRate: 5 },
    });
    expect(findHeader(gridFrom([['项目', '内容']]), 1)).toBeUndefined();
  });

  it("a header that holds a field's word inside a longer text is matched (中央财政资金计划安排额度)", () => {
    const grid = gridFrom([['序号', '具体项目名称', '中央财政资金计划安排额度', '中央财政资金实际拨付额度', '中央资金拨付比例']]);
    expect(band(findHeader(grid, 1))).toMatchObject({
      kind: 'disbursements',
      columns: { seq: 1, name: 2, planned: 3, actual: 4, rate: 5 },
    });
  });

  it('two columns that name an amount equally well: the table cannot be read until one is meant (both cells named)', () => {
    const grid = gridFrom([['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '实际拨付额度']]);
    const header = findHeader(grid, 1)!;
    expect(band(header)?.columns).toEqual({ seq: 1, name: 2, planned: 3, actual: 4 });
    expect(header.ambiguous.map((a) => [a.field, a.cells.map((c) => c.address)])).toEqual([['actual', ['D1', 'E1']]]);
  });

  it('of several money columns, the one meant: central funds, not unpaid, cumulative, adjusted, shown, paid to the enterprises', () => {
    const cases: [string, Row[], { planned: number; actual: number }][] = [
      [
        '项目总投资 beside 中央财政资金',
        [
          ['序号', '具体项目名称', { v: '项目总投资', colSpan: 2 }, null, { v: '中央财政资金', colSpan: 2 }],
          ['', '', '计划', '实际', '计划', '实际'],
        ],
        { planned: 5, actual: 6 },
      ],
      [
        '地方配套 beside 中央',
        [
          ['序号', '具体项目名称', { v: '地方配套资金', colSpan: 2 }, null, { v: '中央财政资金', colSpan: 2 }],
          ['', '', '计划', '实际', '计划', '实际'],
        ],
        { planned: 5, actual: 6 },
      ],
      ['未拨付 beside 已拨付', [['序号', '具体项目名称', '计划安排额度', '未拨付额度', '已拨付额度']], { planned: 3, actual: 5 }],
      ['本年 beside 累计', [['序号', '具体项目名称', '计划安排额度', '本年实际拨付', '累计实际拨付']], { planned: 3, actual: 5 }],
      ['原计划 beside 调整后', [['序号', '具体项目名称', '计划安排额度', '调整后计划安排额度', '实际拨付额度']], { planned: 4, actual: 5 }],
      [
        '实际到位 beside 拨付承办企业',
        [['序号', '具体项目名称', '计划安排额度', '实际到位资金', '拨付承办企业资金']],
        { planned: 3, actual: 5 },
      ],
      [
        '安排 / 拨付 under 中央财政资金',
        [
          ['序号', '具体项目名称', { v: '中央财政资金（万元）', colSpan: 2 }],
          ['', '', '安排', '拨付'],
        ],
        { planned: 3, actual: 4 },
      ],
      ['计划完成时间 is no amount', [['序号', '具体项目名称', '计划完成时间', '计划安排额度', '实际拨付额度']], { planned: 4, actual: 5 }],
    ];
    for (const [name, rows, want] of cases) {
      const header = findHeader(gridFrom(rows), 1);
      expect([name, header?.columns.planned, header?.columns.actual, header?.ambiguous]).toEqual([name, want.planned, want.actual, []]);
    }
    // A hidden old column and the shown one of the same name: the shown one.
    const grid = gridFrom([['序号', '具体项目名称', '计划安排额度', '计划安排额度', '实际拨付额度']]);
    (grid.hiddenColumns as Set<number>).add(3);
    const hidden = findHeader(grid, 1);
    expect([hidden?.columns.planned, hidden?.ambiguous]).toEqual([4, []]);
  });

  it('the ledger by its words (a day and an amount beside 序号 or a name), in either script; its title is no header word', () => {
    const ledger = gridFrom([
      ['樟树市中央财政资金拨付台账'],
      ['序號', '具體項目名稱', '撥付日期', '金額(元)', '收款單位', '憑證號', '階段', '備註'],
    ]);
    expect(findHeader(ledger, 1)).toBeUndefined();
    expect(band(findHeader(ledger, 2))).toMatchObject({
      kind: 'payments',
      top: 2,
      columns: { seq: 1, name: 2, date: 3, amount: 4, payee: 5, voucher: 6, stage: 7, note: 8 },
      units: { 4: ['yuan', 'D2'] },
    });
    // A table of amounts with no day is no ledger (the facts table's 立项日期 column is no payment).
    expect(findHeader(gridFrom([['县（市、区）', '立项日期', '项目总投资']]), 1)).toBeUndefined();
  });

  it('a unit in a header in the forms clerks write it: （人民币元）, （元/人民币）, 【元】, ［元］, (RMB元), (千元)', () => {
    for (const [written, unit] of [
      ['（人民币元）', 'yuan'],
      ['（元/人民币）', 'yuan'],
      ['【元】', 'yuan'],
      ['［元］', 'yuan'],
      ['(RMB元)', 'yuan'],
      ['(千元)', 'qian'],
      ['（万元）', 'wan'],
    ]) {
      const header = findHeader(gridFrom([['序号', '具体项目名称', `计划安排额度${written}`, `实际拨付额度${written}`, '资金拨付率']]), 1);
      expect([written, header?.columns.planned, header?.units.get(3)?.unit, header?.units.get(4)?.unit]).toEqual([written, 3, unit, unit]);
    }
  });
});
