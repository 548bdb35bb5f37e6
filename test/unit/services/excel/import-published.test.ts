// Import IV: layouts taken from documents counties published, each test's workbook made in the test
// from a compact description (exceljs), the figures the document's own, the page cited per case.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { openDatabase } from '../../../../electron/services/store/database';
import { listRecords } from '../../../../electron/services/store/records';
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
