// Lines numbered again from 1 under each group (一、… 1. 2. 3.; 二、… 1. 2.), as many counties write
// them: read, each line known by its group and number, a number given twice within one group refused.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { openDatabase } from '../../../../electron/services/store/database';
import { listRecords } from '../../../../electron/services/store/records';
import { bytesOf, excelOf, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

const v = (...xs: (string | number | null)[]): FxCell[] => xs.map((x) => (x === null ? null : { v: x }));
const span = (text: string, n = 5): FxCell[] => [{ v: text, colSpan: n }];
const read = async (sheets: FxSheet[]): Promise<ReadRecord[]> =>
  readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const problems = (r: ReadRecord[]) =>
  r.flatMap((x) =>
    x.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell ?? null, f.params.seq ?? f.params.why]),
  );
const lines = (r: ReadRecord) => r.input!.disbursements.map((d) => [d.seq, d.name, d.planned, d.actual]);
const ME = { client: 'test', kind: 'cli' as const };

// 江西省商务厅 赣商务建设函〔2016〕79号 (a letter to the demonstration counties, stored in the pages
// corpus) sets the central funds out by sections (一)县域电子商务公共服务中心建设改造, (二)…, each
// with its items numbered again 1. 2. — the way a county's table of lines is then written. The
// figures are a county's of 1500 万元 in three groups, summed by hand below.
const FACTS = '某县是第三批全国电子商务进农村综合示范县（2016年），中央资金1500万元，安排使用中央资金1500万元。';
const grouped = (lastSeq: number): FxSheet => ({
  name: '某县',
  rows: [
    span('某县电子商务进农村综合示范县项目验收情况表'),
    span(FACTS),
    v('三、中央财政资金拨付情况'),
    v('序号', '具体项目名称', '计划安排额度（万元）', '实际拨付额度（万元）', '资金拨付率(%)'),
    v('一', '县域电子商务公共服务中心', 600, 560, null),
    v(1, '公共服务中心建设改造', 400, 400, null),
    v(2, '公共服务中心运营', 200, 160, null),
    v('二', '县乡村物流配送体系', 500, 450, null),
    v(1, '县级仓储物流配送中心', 300, 300, null),
    v(2, '乡镇物流中转站', 120, 100, null),
    v(lastSeq, '村级物流服务点', 80, 50, null),
    v('三', '人员培训及宣传推广', 400, 380, null),
    v(1, '电商人才培训', 250, 250, null),
    v(2, '宣传推广', 150, 130, null),
    v('合计', null, 1500, 1390, null),
  ],
});

describe('lines numbered again from 1 in each group', () => {
  it('are read in order, each line as written; the record numbers them 1–7 and says so once', async () => {
    const r = await read([grouped(3)]);
    expect(problems(r)).toEqual([]);
    // By hand: 400 + 200 + 300 + 120 + 80 + 250 + 150 = 1500 planned; 400 + 160 + 300 + 100 + 50 + 250 + 130 = 1390 paid.
    expect(lines(r[0])).toEqual([
      [1, '公共服务中心建设改造', '400', '400'],
      [2, '公共服务中心运营', '200', '160'],
      [3, '县级仓储物流配送中心', '300', '300'],
      [4, '乡镇物流中转站', '120', '100'],
      [5, '村级物流服务点', '80', '50'],
      [6, '电商人才培训', '250', '250'],
      [7, '宣传推广', '150', '130'],
    ]);
    const told = r[0].findings.filter((f) => f.code === 'seq_restarted');
    expect(told.map((f) => [f.cell, f.params.groups, f.params.lines])).toEqual([['A9', '3', '7']]);
    // Nothing else doubted: every group's sum is its lines' (the facts not given are the only warnings).
    expect(r[0].findings.filter((f) => f.severity === 'warning' && f.code !== 'missing_fact').map((f) => f.code)).toEqual([]);
  });

  it('imports with nothing to confirm', async () => {
    const db = openDatabase(':memory:');
    const file = { name: 'groups.xlsx', bytes: await bytesOf(excelOf([grouped(3)])) };
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false });
    expect([done.committed, done.doubts]).toEqual([true, []]);
    expect(listRecords(db, { asOf: undefined }).map((x) => [x.county, x.planned, x.actual])).toEqual([['某县', '1500', '1390']]);
  });

  it('a number given twice within one group is refused at its cell, naming the group; nothing written', async () => {
    const r = await read([grouped(2)]);
    expect(problems(r)).toEqual([['duplicate_seq', '某县', 'A11', '2(县乡村物流配送体系)']]);
    expect(r[0].input).toBeNull();
  });

  it('groups as headings across the table (一、县域电子商务公共服务中心 merged A:E) restart the numbering too', async () => {
    const sheet = grouped(3);
    for (const at of [4, 7, 11]) sheet.rows[at] = span(`${['一', '二', '三'][[4, 7, 11].indexOf(at)]}、${sheet.rows[at][1]!.v}`);
    sheet.rows[14] = v('合计', null, 1500, 1390, null);
    const r = await read([sheet]);
    expect(problems(r)).toEqual([]);
    expect(lines(r[0]).map((l) => l[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lines(r[0]).map((l) => l[2])).toEqual(['400', '200', '300', '120', '80', '250', '150']);
  });

  it('a ledger finds its lines by name, and a payment with a 序号 alone is refused: the 序号 names a line in each group', async () => {
    const ledger = (line: FxCell[]): FxSheet => ({
      name: '拨付台账',
      rows: [v('某县中央财政资金拨付台账'), v('序号', '项目名称', '拨付日期', '金额（万元）', '收款单位'), line],
    });
    const named = await read([grouped(3), ledger(v(2, '乡镇物流中转站', '2021.9.1', 100, '某物流公司'))]);
    expect(problems(named)).toEqual([]);
    expect(named[0].input!.payments).toEqual([
      { line: 4, date: '2021-09-01', amount: '100', payee: '某物流公司', voucher: '', stage: '', note: '' },
    ]);
    const bare = await read([grouped(3), ledger(v(2, null, '2021.9.1', 100, '某物流公司'))]);
    expect(problems(bare)).toEqual([['ledger_line_unmatched', '拨付台账', 'A3', 'grouped']]);
  });

  it('a table numbered on across its groups (1 2 | 3 4 5) keeps its numbers and its duplicates as before', async () => {
    const sheet = grouped(3);
    [1, 2, 3, 4, 5, 6, 7].forEach((n, k) => (sheet.rows[[5, 6, 8, 9, 10, 12, 13][k]][0] = { v: n }));
    const r = await read([sheet]);
    expect(problems(r)).toEqual([]);
    expect(r[0].findings.some((f) => f.code === 'seq_restarted')).toBe(false);
    sheet.rows[9][0] = { v: 3 };
    expect(problems(await read([sheet]))).toEqual([['duplicate_seq', '某县', 'A10', '3']]);
  });

  it('table 二 in groups (一、 with no target of its own over items 1, 2) reads its items, not the group rows', async () => {
    const sheet = grouped(3);
    sheet.rows.splice(
      2,
      0,
      v('二、项目建设完成情况'),
      v('序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)'),
      v('一', '公共服务体系', null, null, null),
      v(1, '县级公共服务中心', '建成1个', '已建成', 100),
      v('二', '物流体系', null, null, null),
      v(1, '县级仓储物流配送中心', '建成1个', '已建成', 100),
      v(2, '村级物流服务点', '建成50个', '建成45个', 90),
    );
    const r = await read([sheet]);
    expect(problems(r)).toEqual([]);
    expect(r[0].input!.items.map((i) => [i.seq, i.name, i.completionRate])).toEqual([
      [1, '县级公共服务中心', '100'],
      [2, '县级仓储物流配送中心', '100'],
      [3, '村级物流服务点', '90'],
    ]);
  });
});
