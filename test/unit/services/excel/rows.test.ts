import { describe, expect, it } from 'vitest';
import { findHeader, startsTable } from '../../../../electron/services/excel/header';
import { readTable } from '../../../../electron/services/excel/rows';
import { CellReader, seqNumber } from '../../../../electron/services/excel/values';
import { CellMarks } from '../../../../electron/services/excel/cells';
import { gridFrom, type Row } from '../../../helpers/grid';

const HEADER: Row = ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率'];

function read(rows: Row[]) {
  const grid = gridFrom(rows);
  const reader = new CellReader('f.xlsx', 'sheet');
  const table = readTable(grid, findHeader(grid, 1)!, reader, undefined, (r) => startsTable(grid, r), new CellMarks(grid));
  const lines = table.disbursements.map((d) => [d.seq, d.name, d.planned, d.actual, d.statedRate ?? null]);
  const totals = table.totals.map((t) => [t.label.address, t.planned?.value, t.actual?.value, t.statedRate ?? null]);
  return { lines, totals, bottom: table.bottom, findings: reader.findings.map((f) => [f.code, f.cell]) };
}

describe('rows under a header', () => {
  it('a 合计 directly under the header comes before the rows; one after them ends the table', () => {
    expect(
      read([
        HEADER,
        ['合  计', '', 30, 25, '83.3%'],
        [1, 'a', 10, 10, ''],
        [2, 'b', 20, 15, '75%'],
        ['合\n计', '', 30, 25, ''],
        ['审核人：', '张三'],
      ]),
    ).toEqual({
      lines: [
        [1, 'a', '10', '10', null],
        [2, 'b', '20', '15', '75'],
      ],
      totals: [
        ['A2', '30', '25', '83.3'],
        ['A5', '30', '25', null],
      ],
      bottom: 5,
      findings: [],
    });
  });

  it('total labels as clerks write them: 合计（万元）, 共计, 合计金额, 全部合计, 合计（6项）, 累计, 汇总, 物流及上行小计', () => {
    for (const label of ['合计（万元）', '共计', '合计金额', '全部合计', '合计（6项）', '累计', '汇总', '合计：']) {
      const r = read([HEADER, [1, 'a', 10, 10], [2, 'b', 20, 15], ['', label, 30, 25]]);
      expect([label, r.lines.length, r.totals.map((t) => t.slice(1, 3))]).toEqual([label, 2, [['30', '25']]]);
    }
    const sub = read([HEADER, [1, 'a', 10, 10], [2, 'b', 20, 15], ['', '物流及上行小计', 30, 25], [3, 'c', 5, 5]]);
    expect(sub.lines.map((l) => l[1])).toEqual(['a', 'b', 'c']);
    expect(sub.findings).toEqual([]);
  });

  it('总计 merged across A:B is the total; 小计 is checked against the rows since the last one, and is no line', () => {
    const r = read([
      HEADER,
      [1, 'a', 10, 10],
      [2, 'b', 20, 15],
      ['小计', '', 31, 25],
      [3, 'c', 5, 5],
      [{ v: '总计', colSpan: 2 }, null, 35, 30],
    ]);
    expect(r.lines.map((l) => l[1])).toEqual(['a', 'b', 'c']);
    expect(r.totals).toEqual([['A6', '35', '30', null]]);
    expect(r.findings).toEqual([['stated_total_mismatch', 'C4']]);
  });

  it('a 合计 left of the header (over the margin) is still the total, and its 序号 cell is read', () => {
    const r = read([
      ['', ...HEADER],
      ['', 1, 'a', 10, 10],
      [{ v: '合计', colSpan: 1 }, '—', '', 10, 10],
    ]);
    expect(r.totals).toEqual([['A3', '10', '10', null]]);
    expect(r.findings).toEqual([]);
  });

  it('ends at a heading, a note, a full-width line, two blank rows, or the next table header', () => {
    const ends: Row[][] = [
      [[{ v: '二、项目建设完成情况' }]],
      [['注：数据截至验收日']],
      [[{ v: '截至验收日,已拨付承办企业资金共30万元', colSpan: 5 }]],
      [[], [], ['', '', 1, 1]],
      [
        ['序号', '项目名称', '项目实施目标', '目标完成情况', '完成率'],
        [1, 'x', 't', 'c', '90%'],
      ],
    ];
    for (const end of ends) expect([end, read([HEADER, [1, 'a', 10, 10], [2, 'b', 20, 15], ...end]).bottom]).toEqual([end, 3]);
  });

  it('goes on past what interrupts it when its lines follow: two blank rows, a section heading, a note, a repeated header after 续表, a row numbering the columns', () => {
    const lines = (rows: Row[]) => read(rows).lines.map((l) => l.slice(0, 2));
    expect(lines([HEADER, [1, 'a', 10, 10], [], [], [2, 'b', 20, 15]])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(
      lines([
        HEADER,
        [{ v: '一、物流与上行体系', colSpan: 5 }],
        [1, 'a', 10, 10],
        [{ v: '说明：以下为2022年追加安排', colSpan: 5 }],
        [2, 'b', 20, 15],
      ]),
    ).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(lines([HEADER, [1, 'a', 10, 10], ['（续表）'], HEADER, [2, 'b', 20, 15]])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(lines([HEADER, ['甲', '乙', 1, 2, '3=2/1'], [1, 'a', 10, 10]])).toEqual([[1, 'a']]);
    // A heading naming the next part of the acceptance table ends it, whatever follows.
    expect(lines([HEADER, [1, 'a', 10, 10], [{ v: '三、中央财政资金拨付情况' }], [2, 'b', 20, 15]])).toEqual([[1, 'a']]);
    // A header again without 续表 or numbering that goes on is another table.
    expect(lines([HEADER, [1, 'a', 10, 10], HEADER, [1, 'b', 20, 15]])).toEqual([[1, 'a']]);
  });

  it('a caption alone in the name column, without 序号 or amounts, labels the rows after it: no line, no number taken', () => {
    for (const caption of ['（以下为2017年追加项目）', '(2017年追加)', '以下为追加项目']) {
      const r = read([HEADER, [1, 'a', 10, 10], [2, 'b', 20, 15], [], ['', caption], [3, 'c', 30, 30], [4, 'd', 5, 5]]);
      expect([caption, r.lines.map((l) => l.slice(0, 2))]).toEqual([
        caption,
        [
          [1, 'a'],
          [2, 'b'],
          [3, 'c'],
          [4, 'd'],
        ],
      ]);
      expect(r.findings).toEqual([['ignored_cell', 'B5']]);
    }
  });

  it('其中 rows break the line above down and are told, not added; notes under the table are no lines', () => {
    const r = read([
      HEADER,
      [1, 'a', 10, 10],
      ['', '其中：县级物流中心', 4, 3],
      [2, 'b', 20, 15],
      ['（注：数据截至验收日）'],
      ['数据来源：财政局'],
      ['以上数据经审核无误'],
    ]);
    expect(r.lines.map((l) => l.slice(0, 2))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(r.findings).toEqual([['ignored_cell', 'B3']]);
  });

  it('序号 in any numeral; a blank one continues from the row above', () => {
    const cases: [string | number, number | undefined][] = [
      [1, 1],
      ['01', 1],
      ['1.0', 1],
      ['1、', 1],
      ['1.', 1],
      ['(1)', 1],
      ['一、', 1],
      ['（一）', 1],
      ['十二', 12],
      ['二十', 20],
      ['九十九', 99],
      ['1.5', undefined],
      ['甲', undefined],
    ];
    for (const [v, n] of cases) expect([v, seqNumber({ value: v, text: String(v) } as never)]).toEqual([v, n]);
    expect(read([HEADER, ['一、', 'a', 1, 1], ['', 'b', 1, 1], ['（三）', 'c', 1, 1]]).lines.map((l) => l[0])).toEqual([1, 2, 3]);
  });

  it('a problem is pinned to its cell: no name, not a number, a negative amount', () => {
    expect(read([HEADER, [1, '', 10, 10], [2, 'b', '一百', 15], [3, 'c', 1, -1]]).findings).toEqual([
      ['missing_name', 'B2'],
      ['not_a_number', 'C3'],
      ['negative_amount', 'D4'],
    ]);
  });
});
