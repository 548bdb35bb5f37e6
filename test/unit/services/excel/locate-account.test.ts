import { describe, expect, it } from 'vitest';
import { locate } from '../../../../electron/services/excel/locate';
import { account } from '../../../../electron/services/excel/account';
import { gridFrom, type Row } from '../../../helpers/grid';

const PARAGRAPH = (name: string) => `${name}是第八批全国电子商务进农村综合示范县(2021年),项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,安排使用中央资金1332.78万元。`;
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
    expect(layout.blocks.map((b) => [b.facts.values.name, b.first, b.last, b.tables.map((t) => t.header.top)])).toEqual([['樟树市', 1, 6], ['寻乌县', 7, 11]].map(([n, f, l]) => [n, f, l, [Number(f) + 3]]));
  });

  it('a unit line governs the tables under it until the next one; a header unit wins', () => {
    const rows = [...county('樟树市'), [], ...county('寻乌县')];
    rows[2] = ['單位：元'];
    rows[8] = [];
    rows[9] = ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度', '资金拨付率'];
    rows[10] = [1, '培训', 1500, 12359600, ''];
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(layout.tables.map((t) => t.disbursements.map((d) => [d.planned, d.actual]))).toEqual([[['0.15', '0.123596']], [['1500', '1235.96']]]);
  });
});

describe('account: every cell used or reported', () => {
  it('reports unread cells inside a table region by column, and numbers anywhere else', () => {
    const rows = county('樟树市');
    rows[3] = [...(rows[3] as Row), '备注'];
    rows[4] = [...(rows[4] as Row), '已验收'];
    rows.push([], [], ['注：2023年5月复核', '', '', '', '', '', 42]);
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(account(layout, 'f.xlsx').map((f) => [f.cell, f.params.reason, f.params.value])).toEqual([['F5', 'column', '已验收'], ['A8', 'text', '注：2023年5月复核'], ['G8', 'number', '42']]);
  });

  it('a table with no rows and numbers under it is an error at the first number', () => {
    const rows = county('樟树市');
    rows.splice(4, 0, [], [], []);
    const layout = locate(gridFrom(rows), 'f.xlsx');
    expect(account(layout, 'f.xlsx').filter((f) => f.code === 'empty_table').map((f) => [f.cell, f.params])).toEqual([['A8', { table: 'disbursements', at: 'A8', value: '1' }]]);
  });
});
