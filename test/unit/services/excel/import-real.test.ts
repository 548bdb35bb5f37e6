// Import III: the workbooks people really send — roll-ups, partial records, merged cells, dates as
// typed, formats as Excel stores them. Workbooks written by exceljs, some parts rewritten as Excel,
// WPS or openpyxl write them; LibreOffice-made ones (from HTML and FODS) in import-documents.test.ts.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { computeRecord } from '../../../../shared/record';
import { findingMessage } from '../../../../shared/i18n';
import type { AppError } from '../../../../shared/errors';
import {
  bytesOf,
  excelOf,
  layoutExpected,
  layoutSheets,
  PLAIN_LAYOUT,
  rewrite,
  rowOf,
  seedAs,
  type FxCell,
  type FxSheet,
  type Layout,
} from '../../../fixtures/workbooks';

const read = async (sheets: FxSheet[], edit?: (files: Map<string, string>) => void, name = 'county.xlsx'): Promise<ReadRecord[]> => {
  let bytes = await bytesOf(excelOf(sheets));
  if (edit) bytes = await rewrite(bytes, edit);
  return readWorkbook({ name, bytes });
};
const codes = (r: ReadRecord[]) => r.flatMap((x) => x.findings.map((f) => [f.code, f.sheet, f.cell ?? null]));
const layout = (l: Partial<Layout> = {}): Layout => ({ ...PLAIN_LAYOUT, ...l });
const v = (...xs: (string | number | null)[]): FxCell[] => xs.map((x) => (x === null ? null : { v: x }));
const rowIndex = (sheet: FxSheet, first: string) => sheet.rows.findIndex((r) => r[0]?.v === first);

describe('3. merged cells over several rows', () => {
  it('a 计划安排额度 merged over two lines is refused naming the merged range; nothing is split', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    const line = rowOf(sheets[0], '县乡村物流快递配送体系建设');
    line[2] = { v: 1110, rowSpan: 2 };
    sheets[0].rows[sheets[0].rows.indexOf(line) + 1][2] = null;
    const r = await read(sheets);
    expect(r[0].input).toBeNull();
    expect(codes(r)).toEqual([['merged_amount', '樟树市', 'C14']]);
    expect(r[0].findings[0].params).toEqual({ field: 'planned', range: 'C14:C15' });
    expect(findingMessage(r[0].findings[0], 'zh')).toContain('计划安排额度(万元)单元格 C14:C15 合并了几行');
  });

  it('an 实际拨付额度 merged over three lines is refused the same way', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    const line = rowOf(sheets[0], '乡镇商贸中心示范建设');
    const at = sheets[0].rows.indexOf(line);
    line[3] = { v: 207.82, rowSpan: 3 };
    sheets[0].rows[at + 1][3] = null;
    sheets[0].rows[at + 2][3] = null;
    const r = await read(sheets);
    expect(codes(r)).toEqual([['merged_amount', '樟树市', `D${at + 1}`]]);
    expect(r[0].findings[0].params.range).toBe(`D${at + 1}:D${at + 3}`);
  });

  it('a 目标完成情况 merged over three items, and a 项目实施目标 over two, apply to each row they cover', async () => {
    const seed = seedAs('樟树市');
    const sheets = layoutSheets([seed], layout());
    const header = rowIndex(sheets[0], '序号');
    sheets[0].rows[header + 1][3] = { v: '已全部完成', rowSpan: 3 };
    sheets[0].rows[header + 2][3] = null;
    sheets[0].rows[header + 3][3] = null;
    sheets[0].rows[header + 4][2] = { v: '按计划建设', rowSpan: 2 };
    sheets[0].rows[header + 5][2] = null;
    const r = await read(sheets);
    expect(codes(r)).toEqual([]);
    const items = r[0].input!.items;
    expect(items.map((i) => i.completion).slice(0, 3)).toEqual(['已全部完成', '已全部完成', '已全部完成']);
    expect(items.map((i) => i.target).slice(3, 5)).toEqual(['按计划建设', '按计划建设']);
    expect(items[5]).toEqual(seed.items[5]);
  });
});

describe('9. number formats as Excel stores them', () => {
  /** The seed with its stated rates as numbers 82.6 … in cells formatted `format`, as Excel writes it in styles.xml. */
  const withFormat = async (format: string, value: number) => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    rowOf(sheets[0], '县乡村物流快递配送体系建设')[4] = { v: value, numFmt: '0.000' };
    // exceljs writes the placeholder; the file then holds the code as Excel, WPS or openpyxl write it.
    return read(sheets, (files) => {
      const styles = files.get('xl/styles.xml')!;
      files.set('xl/styles.xml', styles.replace('formatCode="0.000"', `formatCode="${format}"`));
    });
  };

  it('0.00\\% (a literal percent sign, the backslash Excel writes) does not scale 82.6', async () => {
    const r = await withFormat('0.00\\%', 82.6);
    expect(codes(r)).toEqual([]);
    expect(r[0].input!.disbursements[0].statedRate).toBe('82.6');
  });

  it('0.00"%" (the percent sign in quotes) does not scale either', async () => {
    const r = await withFormat('0.00&quot;%&quot;', 82.6);
    expect(codes(r)).toEqual([]);
    expect(r[0].input!.disbursements[0].statedRate).toBe('82.6');
  });

  it('a real 0.00% format does scale: 0.826 is 82.60', async () => {
    const r = await withFormat('0.00%', 0.826);
    expect(codes(r)).toEqual([]);
    expect(r[0].input!.disbursements[0].statedRate).toBe('82.6');
  });

  it('an amount formatted 0\\.0000 (a literal point that shows 6402100 as 640.2100) is read as shown, 640.21, and doubted, never as 6402100 万元', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    rowOf(sheets[0], '县乡村物流快递配送体系建设')[3] = { v: 6402100, numFmt: '0.000' };
    const r = await read(sheets, (files) =>
      files.set('xl/styles.xml', files.get('xl/styles.xml')!.replace('formatCode="0.000"', 'formatCode="0\\.0000"')),
    );
    expect(r[0].input!.disbursements[0].actual).toBe('640.21');
    expect(codes(r)).toEqual([['scaled_format', '樟树市', 'D14']]);
    expect(r[0].doubts!.map((d) => [d.code, d.params.stored, d.params.shown])).toEqual([['scaled_format', '6402100', '640.21']]);
  });
});

describe('8. dates as people type them', () => {
  const typed: [string, string][] = [
    ['2021.9', '2021-09'],
    ['2021.09', '2021-09'],
    ['21年9月', '2021-09'],
    ['21-9', '2021-09'],
    ['2021/9/1', '2021-09-01'],
    ['二〇二一年九月', '2021-09'],
    ['二〇二一年十二月三日', '2021-12-03'],
    ['2021年09月', '2021-09'],
    ['44440', '2021-09-01'],
    ['2021年9月1号', '2021-09-01'],
    ['9/2021', '2021-09'],
    ['09.2021', '2021-09'],
  ];
  for (const [text, month] of typed) {
    it(`立项时间 “${text}” in a facts table reads ${month}`, async () => {
      const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
      sheets[0].rows.find((r) => r[0]?.v === '立项时间')![1] = { v: text };
      const r = await read(sheets);
      expect(codes(r)).toEqual([]);
      expect(r[0].input!.county.approvedOn).toBe(month);
    });
    if (text.endsWith('号')) continue;
    it(`立项时间为${text} in the paragraph reads ${month}`, async () => {
      const sheets = layoutSheets([seedAs('樟树市')], layout());
      const at = sheets[0].rows.findIndex((r) => String(r[0]?.v ?? '').includes('立项时间为'));
      sheets[0].rows[at][0] = { v: String(sheets[0].rows[at][0]!.v).replace('2021年9月', text), colSpan: 5 };
      const r = await read(sheets);
      expect(codes(r)).toEqual([]);
      expect(r[0].input!.county.approvedOn).toBe(month);
    });
  }

  it('a real date cell (yyyy"年"m"月") and a serial day in a General cell are read to what they state', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    sheets[0].rows.find((r) => r[0]?.v === '立项时间')![1] = { v: new Date(Date.UTC(2021, 8, 1)), numFmt: 'yyyy"年"m"月"' };
    sheets[0].rows.splice(8, 0, v('验收日期', 44561));
    const r = await read(sheets);
    expect(codes(r)).toEqual([]);
    expect([r[0].input!.county.approvedOn, r[0].input!.county.acceptedOn]).toEqual(['2021-09', '2021-12-31']);
  });

  for (const bad of ['2021年13月', '九月', '21年19月', '待定', '13/2021', '1/9/2021'])
    it(`立项时间 “${bad}” is refused naming the cell, never dropped to null`, async () => {
      const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
      sheets[0].rows.find((r) => r[0]?.v === '立项时间')![1] = { v: bad };
      const r = await read(sheets);
      expect(r[0].input).toBeNull();
      expect(codes(r)).toEqual([['not_a_date', '樟树市', 'B8']]);
    });

  it('立项时间为二〇二一年十三月 in the paragraph is refused at the paragraph', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    const at = sheets[0].rows.findIndex((r) => String(r[0]?.v ?? '').includes('立项时间为'));
    sheets[0].rows[at][0] = { v: String(sheets[0].rows[at][0]!.v).replace('2021年9月', '二〇二一年十三月'), colSpan: 5 };
    const r = await read(sheets);
    expect(r[0].input).toBeNull();
    expect(codes(r)).toEqual([['not_a_date', '樟树市', 'A3']]);
  });
});

describe('1. sheets that are not a county', () => {
  const counties = () => [seedAs('樟树市'), seedAs('寻乌县', 9), seedAs('南丰县', 7)];
  const countySheets = () => counties().flatMap((c) => layoutSheets([c], layout()));
  const rollup = (name: string, title: string | null, countyHeader: string, xunwuActual: number): FxSheet => ({
    name,
    rows: [
      ...(title ? [[{ v: title, colSpan: 6 }] as FxCell[], v(null, null, null, null, '单位：万元')] : []),
      v('序号', countyHeader, '批次', '计划安排额度', '实际拨付额度', '资金拨付率'),
      v(1, '樟树市', '第八批', 1500, 1235.96, '82.40%'),
      v(2, '寻乌县', '第九批', 1500, xunwuActual, '80.00%'),
      v(3, '南丰县', '第七批', 1500, 1235.96, '82.40%'),
      v('合计', null, null, 4500, 3707.88 - 1235.96 + xunwuActual, null),
    ],
  });
  const cover: FxSheet = {
    name: '封面',
    rows: [[{ v: '江西省电子商务进农村综合示范县项目验收材料', colSpan: 5 }], v('江西省商务厅'), v('2022年6月')],
  };
  const instructions: FxSheet = {
    name: '填表说明',
    rows: [
      v('填表说明'),
      v('1、本表金额单位为万元，保留两位小数。'),
      v('2、资金拨付率=实际拨付额度/计划安排额度×100%。'),
      v('3、第八批示范县请于2022年6月30日前报送。'),
    ],
  };
  const detail: FxSheet = {
    name: '樟树市明细',
    rows: [
      [{ v: '樟树市电子商务进农村综合示范县中央财政资金拨付明细表', colSpan: 6 }],
      v('序号', '项目名称', '承办企业', '计划安排额度（万元）', '实际拨付额度（万元）', '拨付时间'),
      v(1, '县乡村物流快递配送体系建设', '某物流有限公司', 775, 640.21, '2021-12-01'),
      v(2, '农产品上行服务体系建设', '某农业公司', 335, 285.4, '2022-01-05'),
    ],
  };
  const performance: FxSheet = {
    name: '绩效自评表',
    rows: [
      [{ v: '项目支出绩效自评表', colSpan: 4 }],
      v('项目名称', '樟树市电子商务进农村综合示范'),
      v('年度资金总额', 1500, 1235.96, '82.4%'),
    ],
  };

  it('a roll-up, a cover, instructions, a 拨付明细表 and a 绩效自评表 beside three counties: three records, one finding per sheet', async () => {
    const r = await read([
      rollup('汇总', '江西省电子商务进农村综合示范县资金拨付汇总表', '县（市、区）', 1235.96),
      cover,
      instructions,
      ...countySheets(),
      detail,
      performance,
    ]);
    expect(r.map((x) => x.input?.county.name)).toEqual(['樟树市', '寻乌县', '南丰县']);
    for (const [i, c] of counties().entries()) expect(computeRecord(r[i].input!)).toEqual(layoutExpected(c, layout()));
    expect(codes(r)).toEqual([
      ['sheet_not_read', '汇总', 'A1'],
      ['sheet_not_read', '封面', 'A1'],
      ['sheet_not_read', '填表说明', 'A1'],
      ['sheet_not_read', '樟树市明细', 'A1'],
      // A 绩效自评表 is the performance part's own (performance.ts): this one lacks its table, so it is refused, never dropped.
      ['perf_sheet_unread', '绩效自评表', 'A1'],
    ]);
    expect(r.flatMap((x) => x.findings.map((f) => [f.severity, f.params.kind]))).toEqual([
      ['info', 'rollup'],
      ['info', 'cover'],
      ['info', 'instructions'],
      ['info', 'detail'],
      ['error', undefined],
    ]);
    expect(findingMessage(r[0].findings[0], 'zh')).toBe('未读入工作表“汇总”:这是汇总表(每行一个县),不是一个县的验收表');
  });

  it("a roll-up figure that differs from its county's sheet is a warning naming both cells, on that county", async () => {
    const r = await read([rollup('汇总', '江西省电子商务进农村综合示范县资金拨付汇总表', '县（市、区）', 1200), ...countySheets()]);
    expect(r.map((x) => !!x.input)).toEqual([true, true, true]);
    expect(r[1].findings).toEqual([
      expect.objectContaining({
        code: 'rollup_mismatch',
        severity: 'warning',
        sheet: '汇总',
        cell: 'E5',
        params: { county: '寻乌县', column: 'actual', stated: '1200', sum: '1235.96', other: '寻乌县 › D20' },
      }),
    ]);
    expect(findingMessage(r[1].findings[0], 'zh')).toBe(
      '汇总表中寻乌县的实际拨付额度(万元) 1200 与该县工作表(寻乌县 › D20)的 1235.96 不一致',
    );
  });

  it('a roll-up known only by its shape (a sheet called Sheet1, a header 项目县名称 over county rows) is no county and blocks none', async () => {
    const r = await read([...countySheets(), rollup('Sheet1', null, '项目县名称', 1235.96)]);
    expect(r.map((x) => x.input?.county.name)).toEqual(['樟树市', '寻乌县', '南丰县']);
    expect(codes(r)).toEqual([['sheet_not_read', 'Sheet1', 'B1']]);
  });

  it('a roll-up alone says no county was found, and why its sheet was not read', async () => {
    const r = await read([rollup('汇总', '江西省电子商务进农村综合示范县资金拨付汇总表', '县（市、区）', 1200)]);
    expect(r).toHaveLength(1);
    expect(r[0].input).toBeNull();
    expect(codes(r)).toEqual([
      ['no_tables', '汇总', null],
      ['sheet_not_read', '汇总', 'A1'],
    ]);
  });

  it("a ledger titled 拨付明细表 (a payment a row, one amount) is still the county's ledger", async () => {
    const ledger: FxSheet = {
      name: '明细',
      rows: [
        [{ v: '樟树市电子商务进农村综合示范县中央财政资金拨付明细表', colSpan: 5 }],
        v('序号', '具体项目名称', '拨付日期', '金额(万元)', '收款单位'),
        v(1, '县乡村物流快递配送体系建设', '2021-12-01', 640.21, '某物流有限公司'),
      ],
    };
    const r = await read([...layoutSheets([seedAs('樟树市')], layout()), ledger]);
    expect(codes(r).filter((c) => c[0] !== 'ledger_mismatch')).toEqual([]);
    expect(r[0].input!.payments).toEqual([expect.objectContaining({ line: 1, amount: '640.21', payee: '某物流有限公司' })]);
  });
});

describe('2. partial records import, shown incomplete', () => {
  const paragraphWithout = (drop: RegExp[]) => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    const at = sheets[0].rows.findIndex((r) => String(r[0]?.v ?? '').includes('项目总投资'));
    let text = String(sheets[0].rows[at][0]!.v);
    for (const d of drop) text = text.replace(d, '');
    sheets[0].rows[at][0] = { v: text, colSpan: 5 };
    return { sheets, cell: `A${at + 1}` };
  };

  it('a paragraph without 社会资本 and 安排使用中央资金: the record lands with both empty and one warning per fact at the paragraph', async () => {
    const { sheets, cell } = paragraphWithout([/,社会资本[^,]*/, /,安排使用中央资金[^。]*/]);
    const r = await read(sheets);
    expect(r[0].input).not.toBeNull();
    expect(r[0].input!.county.investment).toEqual({ total: '2310', central: '1500', localGov: '230', social: null });
    expect(r[0].input!.county.centralArrangedUse).toBeNull();
    expect(r[0].findings.map((f) => [f.code, f.severity, f.cell, f.params.field, f.params.where])).toEqual([
      ['missing_fact', 'warning', cell, 'county.investment.social', `樟树市 › ${cell}`],
      ['missing_fact', 'warning', cell, 'county.centralArrangedUse', `樟树市 › ${cell}`],
    ]);
    expect(findingMessage(r[0].findings[0], 'zh')).toBe(`缺少社会资本(在 樟树市 › ${cell} 的基本情况中没有找到),记录不完整,请补填`);
    // Checks that need a missing fact are not made on a guess (no investment_sum against an empty 社会资本).
    expect(computeRecord(r[0].input!).totals).toEqual(computeRecord(seedAs('樟树市')).totals);
  });

  it('a facts table without 项目总投资 and 政府配套资金 lands, warned at the facts table', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    sheets[0].rows = sheets[0].rows.filter((row) => !/项目总投资|政府配套资金/.test(String(row[0]?.v ?? '')));
    const r = await read(sheets);
    expect(r[0].input!.county.investment).toEqual({ total: null, central: '1500', localGov: null, social: '580' });
    expect(r[0].findings.map((f) => [f.code, f.severity, f.cell, f.params.field])).toEqual([
      ['missing_fact', 'warning', 'A3', 'county.investment.total'],
      ['missing_fact', 'warning', 'A3', 'county.investment.localGov'],
    ]);
  });

  it('a missing name, batch or year still refuses: a record cannot be keyed without them', async () => {
    const noBatch = layoutSheets([seedAs('樟树市')], layout({ facts: 'table', title: 'none' }));
    noBatch[0].rows = noBatch[0].rows.filter((row) => row[0]?.v !== '批次');
    const r = await read(noBatch);
    expect(r[0].input).toBeNull();
    expect(r[0].findings.map((f) => [f.code, f.severity, f.params.field])).toEqual([['missing_fact', 'error', 'county.batch']]);
    expect(findingMessage(r[0].findings[0], 'zh')).toBe('缺少批次(在 樟树市 › A2 中没有找到)');
  });
});

describe('4. footnotes and sources are not titles', () => {
  const notes = [
    '注：本表由通河县商务局填报，金额单位为万元',
    '资料来源：《通河县电子商务进农村综合示范项目验收报告》',
    '说明：寻乌县电子商务进农村综合示范县数据另报',
    '填表人：南丰县商务局 张三',
    '联系电话：0795-7333333',
    '数据来源：瑞金市电子商务进农村综合示范项目验收材料',
  ];
  for (const note of notes)
    it(`“${note}” under the tables starts no county; the county lands as it is`, async () => {
      const sheets = layoutSheets([seedAs('樟树市')], layout());
      sheets[0].rows.push([], v(note));
      const r = await read(sheets);
      expect(r).toHaveLength(1);
      expect(computeRecord(r[0].input!)).toEqual(layoutExpected(seedAs('樟树市'), layout()));
      expect(codes(r).filter((c) => c[0] !== 'ignored_cell')).toEqual([]);
    });

  it('a note above the title naming another county, with amounts, is told and never read as facts', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    sheets[0].rows.unshift(v('注：参照通河县电子商务进农村综合示范县做法，中央资金500万元'));
    const r = await read(sheets);
    expect(r.map((x) => x.input?.county.name)).toEqual(['樟树市']);
    expect(r[0].input!.county.investment.central).toBe('1500');
    expect(r[0].findings.map((f) => [f.code, f.cell, f.params.reason])).toEqual([['ignored_cell', 'A1', 'note']]);
  });
});

describe('5. the labelled fact wins', () => {
  it('示范年度 2017 in the facts table beats 2019 in a report title; a warning names both cells', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    sheets[0].rows[0] = [{ v: '樟树市2019年度电子商务进农村综合示范项目绩效自评报告', colSpan: 5 }];
    const yearRow = sheets[0].rows.find((row) => row[0]?.v === '年度')!;
    yearRow[0] = { v: '示范年度' };
    yearRow[1] = { v: 2017 };
    const r = await read(sheets);
    expect(r[0].input!.county.year).toBe(2017);
    expect(r[0].findings.map((f) => [f.code, f.severity, f.cell, f.params.titleCell, f.params.titleYear])).toEqual([
      ['year_conflict', 'warning', 'B7', 'A1', '2019'],
    ]);
  });

  it('a title year alone still gives the year', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    sheets[0].rows[0] = [{ v: '樟树市2021年度电子商务进农村综合示范项目验收情况表', colSpan: 5 }];
    sheets[0].rows = sheets[0].rows.filter((row) => row[0]?.v !== '年度');
    const r = await read(sheets);
    expect(codes(r)).toEqual([]);
    expect(r[0].input!.county.year).toBe(2021);
  });

  for (const [text, batch] of [
    ['第四批（2017年整体推进州市）', 4],
    ['2020年（第一批）', 1],
    ['第8批次', 8],
    ['第八批(2021年度)', 8],
  ] as const)
    it(`批次 “${text}” reads as ${batch}; a note with it is a warning, not a refusal`, async () => {
      const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
      sheets[0].rows.find((row) => row[0]?.v === '批次')![1] = { v: text };
      const r = await read(sheets);
      expect(r[0].input!.county.batch).toBe(batch);
      expect(r[0].findings.map((f) => [f.code, f.severity, f.cell])).toEqual(text === '第8批次' ? [] : [['batch_note', 'warning', 'B6']]);
    });

  it('a 备注 line and a 备注 value mentioning 中央财政资金1000万元 are never read as facts', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    sheets[0].rows.push([], v('备注：截至2022年6月，已下达中央财政资金1000万元，安排使用中央资金900万元。'));
    const at = sheets[0].rows.findIndex((row) => row[0]?.v === '建设情况');
    sheets[0].rows.splice(at + 1, 0, v('备注', '省级另安排中央资金300万元'));
    const r = await read(sheets);
    expect(r[0].input!.county.investment.central).toBe('1500');
    expect(r[0].input!.county.centralArrangedUse).toBe('1332.78');
    expect(r[0].findings.map((f) => [f.code, f.params.reason])).toEqual([
      ['ignored_cell', 'note'],
      ['ignored_cell', 'note'],
    ]);
  });
});

describe('6. units belong to their table', () => {
  /** The facts as a table in 元 under its own （单位：元） line; table 三's header with or without (万元). */
  const sheetsWith = (disbursementUnit: '(万元)' | '') => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table', unit: 'yuan', unitAt: 'header' }));
    const rows = sheets[0].rows;
    // The facts' labels lose their （元）: the line above them says it.
    for (const row of rows)
      if (typeof row[0]?.v === 'string' && row[0].v.endsWith('（元）')) row[0] = { v: row[0].v.replace('（元）', '') };
    rows.splice(2, 0, v(null, '（单位：元）'));
    // Table 三 in 万元.
    const wan = layoutSheets([seedAs('樟树市')], layout());
    const from = wan[0].rows.findIndex((row) => row[0]?.v === '三、中央财政资金拨付情况');
    const at = rows.findIndex((row) => row[0]?.v === '三、中央财政资金拨付情况');
    rows.splice(at, rows.length - at, ...wan[0].rows.slice(from));
    const header = rows.find((row) => row[0]?.v === '序号' && row[1]?.v === '具体项目名称')!;
    header[2] = { v: `计划安排额度${disbursementUnit}` };
    header[3] = { v: `实际拨付额度${disbursementUnit}` };
    return sheets;
  };

  it("（单位：元） above the facts table and (万元) in table 三's header: both read right", async () => {
    const r = await read(sheetsWith('(万元)'));
    expect(r[0].input!.county.investment).toEqual(seedAs('樟树市').county.investment);
    expect(computeRecord(r[0].input!).totals).toEqual(computeRecord(seedAs('樟树市')).totals);
    expect(codes(r)).toEqual([['amounts_in_yuan', '樟树市', null]]);
  });

  it("table 三 with no unit of its own under the facts' （单位：元）: refused naming its header and the line, never read as 元", async () => {
    const r = await read(sheetsWith(''));
    expect(r[0].input).toBeNull();
    const f = r[0].findings.find((x) => x.code === 'unit_ambiguous')!;
    expect([f.cell, f.params.other, f.params.value]).toEqual(['C25', 'B3', '（单位：元）']);
  });

  it('a unit line right above table 三 still reads it (单位：元 under the heading)', async () => {
    const r = await read(layoutSheets([seedAs('樟树市')], layout({ unit: 'yuan', unitAt: 'line' })));
    expect(computeRecord(r[0].input!)).toEqual(layoutExpected(seedAs('樟树市'), layout({ unit: 'yuan', unitAt: 'line' })));
  });
});

describe('7. 其中 rows', () => {
  const withBreakdown = (parent: [number | null, number | null]) => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    const line = rowOf(sheets[0], '县乡村物流快递配送体系建设');
    if (parent[0] === null) line[2] = null;
    if (parent[1] === null) line[3] = null;
    const at = sheets[0].rows.indexOf(line);
    sheets[0].rows.splice(at + 1, 0, v(null, '其中：快递物流企业', 500, 400.21, null), v(null, '邮政', 275, 240, null));
    return { sheets, at };
  };

  it('a 其中 row and its sibling are sub-rows: told, never lines, never added into the totals', async () => {
    const { sheets, at } = withBreakdown([775, 640.21]);
    const r = await read(sheets);
    expect(computeRecord(r[0].input!)).toEqual(layoutExpected(seedAs('樟树市'), layout()));
    expect(r[0].findings.map((f) => [f.code, f.cell, f.params.reason])).toEqual([
      ['ignored_cell', `B${at + 2}`, 'breakdown'],
      ['ignored_cell', `B${at + 3}`, 'breakdown'],
    ]);
  });

  it('where the line above has no amount, the amounts only in its 其中 rows are refused naming them', async () => {
    const { sheets, at } = withBreakdown([null, null]);
    const r = await read(sheets);
    expect(r[0].input).toBeNull();
    const f = r[0].findings.find((x) => x.code === 'breakdown_only')!;
    expect([f.cell, f.params.rows, f.params.seq]).toEqual([`C${at + 2}`, `B${at + 2}、B${at + 3}`, '1']);
  });

  it('the next line with its own 序号 ends the breakdown and is read', async () => {
    const { sheets } = withBreakdown([775, 640.21]);
    const r = await read(sheets);
    expect(r[0].input!.disbursements.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('10. formulas without results (files written by scripts)', () => {
  const f = (formula: string): FxCell => ({ v: { formula } as unknown as { formula: string; result: number } });

  it('SUM, ROUND and arithmetic over cells of the sheet are computed: the 合计, a line, a rate, a fact', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    const rows = sheets[0].rows;
    const line = rowOf(sheets[0], '县乡村物流快递配送体系建设');
    const at = rows.indexOf(line) + 1;
    line[3] = f('ROUND(6402100/10000,2)');
    line[4] = f(`D${at}/C${at}`);
    const total = rows.findIndex((row) => row[0]?.v === '合计') + 1;
    rows[total - 1][2] = f(`SUM(C${at}:C${total - 1})`);
    rows[total - 1][3] = f(`SUM(D${at}:D${total - 1})`);
    const totalFact = rows.findIndex((row) => String(row[0]?.v).startsWith('项目总投资'));
    rows[totalFact][1] = f(`B${totalFact + 2}+B${totalFact + 3}+B${totalFact + 4}`);
    const r = await read(sheets);
    expect(codes(r)).toEqual([]);
    const expected = layoutExpected(seedAs('樟树市'), layout({ facts: 'table' }));
    delete expected.disbursements[0].statedRate;
    expect(computeRecord(r[0].input!)).toEqual(expected);
  });

  it('anything else (another sheet, VLOOKUP) is refused naming the formula\'s cell, never a "missing" fact', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout({ facts: 'table' }));
    const rows = sheets[0].rows;
    const central = rows.findIndex((row) => String(row[0]?.v).includes('中央资金'));
    rows[central][1] = f('汇总!D3');
    const line = rowOf(sheets[0], '农产品上行服务体系建设');
    line[2] = f('VLOOKUP(B15,汇总!A:D,4,0)');
    const r = await read(sheets);
    expect(r[0].input).toBeNull();
    expect(r[0].findings.map((x) => [x.code, x.cell, x.params.problem])).toEqual([
      ['not_a_number', `C${rows.indexOf(line) + 1}`, 'no_result'],
      ['not_a_number', `B${central + 1}`, 'no_result'],
    ]);
  });
});

describe('11. formats it cannot read are refused in one line saying what the file is and how to fix it', () => {
  const zipOf = async (files: Record<string, string>) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text, name === 'mimetype' ? { compression: 'STORE' } : {});
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };
  const refusal = async (bytes: Uint8Array) => {
    try {
      await readWorkbook({ name: '樟树市.xlsx', bytes });
    } catch (e) {
      return (e as AppError).messages;
    }
    throw new Error('read');
  };
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    [
      'an OpenDocument spreadsheet (.ods)',
      () =>
        zipOf({
          mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
          'content.xml': '<office:document-content/>',
          'META-INF/manifest.xml': '<manifest/>',
        }),
      'OpenDocument 表格(.ods',
    ],
    [
      'an Excel binary workbook (.xlsb)',
      () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'x' }),
      'Excel 二进制工作簿(.xlsb)',
    ],
    [
      'a CSV named .xlsx',
      () => new TextEncoder().encode('序号,具体项目名称,计划安排额度\n1,县乡村物流快递配送体系建设,775\n'),
      'CSV 或文本文件',
    ],
    [
      'a web page named .xlsx',
      () => new TextEncoder().encode('<html><body><table><tr><td>序号</td></tr></table></body></html>'),
      '网页(HTML)',
    ],
    ['a PDF named .xlsx', () => new TextEncoder().encode('%PDF-1.7\n'), 'PDF 文件'],
  ];
  for (const [what, make, says] of cases)
    it(what, async () => {
      const m = await refusal(await make());
      expect(m.zh).toContain(says);
      expect(m.zh).toContain('另存为');
      expect(m.zh).not.toContain('\n');
      expect(m.en).toContain('.xlsx');
    });
});

describe("12. messages in the user's language", () => {
  const fields = [
    'planned',
    'actual',
    'amount',
    'payment.amount',
    'rate',
    'statedRate',
    'completionRate',
    'seq',
    'name',
    'target',
    'completion',
    'category',
    'date',
    'payee',
    'voucher',
    'stage',
    'note',
    'payment.line',
    'payment.date',
    'county.name',
    'county.batch',
    'county.year',
    'county.approvedOn',
    'county.investment.total',
    'county.investment.central',
    'county.investment.localGov',
    'county.investment.social',
    'county.centralArrangedUse',
  ];
  for (const code of ['negative_amount', 'not_a_number', 'merged_amount', 'missing_fact', 'ambiguous_column', 'amount_conflict'] as const)
    it(`${code}: every field a finding names is shown by its label, never its code name (amount不能为负数)`, () => {
      for (const field of fields) {
        const f = {
          code,
          severity: 'error' as const,
          params: { field, value: '-1', range: 'C14:C15', cells: 'C3、D3', other: '2', otherCell: 'B9' },
        };
        const zh = findingMessage(f, 'zh');
        expect(zh, field).not.toMatch(/[a-zA-Z]{3,}/);
      }
    });

  it('a ledger named as a table reads as 拨付台账', () => {
    expect(
      findingMessage({ code: 'extra_table', severity: 'error', params: { table: 'payments', other: '樟树市 › B20' } }, 'zh'),
    ).toContain('“拨付台账”');
  });

  it('a negative amount in a ledger says 金额(万元), in Chinese', async () => {
    const sheets = layoutSheets([seedAs('樟树市')], layout());
    sheets[0].rows.push(
      [],
      v('序号', '具体项目名称', '拨付日期', '金额(万元)', '收款单位'),
      v(1, '县乡村物流快递配送体系建设', '2021-12-01', -5, '某公司'),
    );
    const r = await read(sheets);
    const f = r[0].findings.find((x) => x.code === 'negative_amount')!;
    expect(findingMessage(f, 'zh')).toBe('金额(万元)不能为负数:-5');
  });
});
