// The tester's attacks on the import, each as the workbook shape that broke it: the import reads
// it exactly, or refuses or reports naming the file, sheet and cell — never stores a wrong figure
// quietly.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { computeRecord } from '../../../../shared/record';
import { findingMessage } from '../../../../shared/i18n';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutExpected, layoutSheets, PLAIN_LAYOUT, rewrite, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[], name = 'county.xlsx') => readWorkbook({ name, bytes: await bytesOf(excelOf(sheets)) });
const codes = (read: ReadRecord[]) => read.flatMap((r) => r.findings.map((f) => [f.code, f.cell ?? null]));
const seed = () => referenceFixture('hans');
/** The seed laid out plainly: title in A1, the paragraph in A3. */
const plain = () => layoutSheets([seed()], PLAIN_LAYOUT);
const PRONOUN_PARAGRAPH =
  '该市是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,当前项目已基本建设完成,安排使用中央资金1332.78万元。';
/** The paragraph with neither batch nor year: only the title can say them. */
const BARE_PARAGRAPH =
  '该市立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,当前项目已基本建设完成,安排使用中央资金1332.78万元。';

describe('titles: what stands before or after the county is no part of its name', () => {
  const titles: [string, { batch?: number; year?: number }][] = [
    ['附件2：樟树市电子商务进农村综合示范县项目验收情况表', {}],
    ['附表1 樟树市电子商务进农村综合示范县项目验收情况表', {}],
    ['表1 樟树市电子商务进农村综合示范县项目验收情况表', {}],
    ['【附件3】樟树市电子商务进农村综合示范县项目验收情况表', {}],
    ['2021年度樟树市电子商务进农村综合示范县项目验收情况表', { year: 2021 }],
    ['第八批樟树市电子商务进农村综合示范县验收情况表', { batch: 8 }],
    ['附件2：2021年第八批江西省宜春市樟树市电子商务进农村综合示范县项目验收情况表', { batch: 8, year: 2021 }],
    ['樟树市（第八批）电子商务进农村综合示范县项目验收表', { batch: 8 }],
    ['樟树市(2021年度)电子商务进农村综合示范县项目验收表', { year: 2021 }],
  ];
  for (const [title, says] of titles) {
    it(`${title}, beside a paragraph saying 该市: county 樟树市`, async () => {
      const sheets = plain();
      sheets[0].rows[0][0]!.v = title;
      sheets[0].rows[2][0]!.v = PRONOUN_PARAGRAPH;
      const read = await readSheets(sheets);
      expect(codes(read)).toEqual([]);
      expect(read).toHaveLength(1);
      expect(read[0].input!.county).toMatchObject({ name: '樟树市', batch: 8, year: 2021 });
    });
    if (says.batch || says.year)
      it(`${title}: the batch or year it names is read as such (the paragraph names neither)`, async () => {
        const sheets = plain();
        sheets[0].rows[0][0]!.v = title;
        sheets[0].rows[2][0]!.v = BARE_PARAGRAPH;
        const read = await readSheets(sheets);
        const missing = read.flatMap((r) => r.findings.filter((f) => f.code === 'missing_fact').map((f) => f.params.field));
        expect(missing.sort()).toEqual([...(says.batch ? [] : ['county.batch']), ...(says.year ? [] : ['county.year'])].sort());
        if (says.batch && says.year) expect(read[0].input!.county).toMatchObject({ name: '樟树市', batch: 8, year: 2021 });
      });
  }

  it('附件2：樟树市… above a paragraph naming 樟树市 is one county, not two', async () => {
    const sheets = plain();
    sheets[0].rows[0][0]!.v = '附件2：樟树市电子商务进农村综合示范县项目验收情况表';
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([]);
    expect(read.map((r) => computeRecord(r.input!))).toEqual([
      {
        ...layoutExpected(seed(), PLAIN_LAYOUT),
        county: { ...layoutExpected(seed(), PLAIN_LAYOUT).county, province: null, prefecture: null },
      },
    ]);
  });

  it('tables no title or paragraph names a county for are refused at a cell', async () => {
    const sheets = plain();
    sheets[0].rows[0][0]!.v = '电子商务进农村综合示范县项目验收情况表';
    sheets[0].rows[2][0]!.v = PRONOUN_PARAGRAPH;
    const read = await readSheets(sheets);
    const missing = read.flatMap((r) => r.findings).filter((f) => f.code === 'missing_fact');
    expect(missing.map((f) => [f.params.field, f.cell])).toEqual([['county.name', 'A3']]);
  });
});

describe('dates of a workbook with the 1904 date system', () => {
  /** The seed with its facts as a table, 立项时间 a date cell, and a ledger of dated payments below table 三. */
  async function workbook1904(flag: string): Promise<Uint8Array> {
    const sheets = layoutSheets([seed()], { ...PLAIN_LAYOUT, facts: 'table' });
    const approved = sheets[0].rows.find((r) => r[0]?.v === '立项时间')!;
    approved[1] = { v: new Date(Date.UTC(2021, 8, 15)), numFmt: 'yyyy-mm-dd' };
    const day = (d: string) => ({ v: new Date(`${d}T00:00:00Z`), numFmt: 'yyyy-mm-dd' });
    sheets[0].rows.push(
      [],
      [{ v: '樟树市中央财政资金拨付台账' }],
      ['序号', '具体项目名称', '拨付日期', '金额(万元)', '收款单位'].map((v) => ({ v })),
    );
    sheets[0].rows.push([{ v: 1 }, { v: '县乡村物流快递配送体系建设' }, day('2021-12-15'), { v: 300 }, { v: '中国邮政' }]);
    sheets[0].rows.push([{ v: 1 }, { v: '县乡村物流快递配送体系建设' }, day('2022-03-01'), { v: 340.21 }, { v: '中国邮政' }]);
    const book = excelOf(sheets);
    book.properties.date1904 = true;
    // LibreOffice writes the XML boolean as a word; Excel as a digit.
    return rewrite(await bytesOf(book), (files) =>
      files.set('xl/workbook.xml', files.get('xl/workbook.xml')!.replace('date1904="1"', `date1904="${flag}"`)),
    );
  }
  for (const flag of ['true', '1'])
    it(`date1904="${flag}": 立项时间 and every payment's day are exact`, async () => {
      const [read] = await readWorkbook({ name: '1904.xlsx', bytes: await workbook1904(flag) });
      expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(read.input!.county.approvedOn).toBe('2021-09-15');
      expect(read.input!.payments!.map((p) => p.date)).toEqual(['2021-12-15', '2022-03-01']);
    });
});

describe('rates in General cells: the digits the cell shows; a column of fractions read as fractions and told', () => {
  const COMPLETION_ROWS = [5, 6, 7, 8, 9, 10];
  const LINE_ROWS = [13, 14, 15, 16, 17, 18];
  const TOTAL_ROW = 19;

  it('实施目标完成率 typed as 0.9, 1, 0.8 in General cells: 90, 100, 80, and a warning at the first fraction, shown as typed and as read', async () => {
    const sheets = plain();
    const fractions = [0.9, 1, 0.9, 1, 0.8, 1];
    COMPLETION_ROWS.forEach((r, i) => (sheets[0].rows[r][4] = { v: fractions[i] }));
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([['percent_fractions', 'E6']]);
    expect(read[0].doubts!.map((d) => [d.cell, d.figures.map((f) => [f.cell, f.seen, f.read])])).toEqual([['E6', [['E6', '0.9', '90%']]]]);
    expect(read[0].findings[0]).toMatchObject({
      severity: 'warning',
      params: { field: 'completionRate', example: '0.9', percent: '90', count: '6' },
    });
    expect(findingMessage(read[0].findings[0], 'zh')).toContain('已按小数读作百分数:0.9 读作 90%');
    expect(computeRecord(read[0].input!)).toEqual(layoutExpected(seed(), PLAIN_LAYOUT));
  });

  it('a column with a number above 1 is percents, as typed: 90, 100 and 1 stay 90, 100 and 1', async () => {
    const sheets = plain();
    const percents = [90, 100, 1, 100, 80, 100];
    COMPLETION_ROWS.forEach((r, i) => (sheets[0].rows[r][4] = { v: percents[i] }));
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([]);
    expect(read[0].input!.items.map((i) => i.completionRate)).toEqual(['90', '100', '1', '100', '80', '100']);
  });

  it('实施目标完成率 0.9 in a column of "90%" and 100: read as typed (0.9 %), a doubt at its cell saying both readings', async () => {
    const sheets = plain();
    sheets[0].rows[COMPLETION_ROWS[1]][4] = { v: 100 };
    sheets[0].rows[COMPLETION_ROWS[2]][4] = { v: 0.9 };
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([['fraction_among_percents', 'E8']]);
    expect(read[0].doubts!.map((d) => [d.code, d.cell])).toEqual([['fraction_among_percents', 'E8']]);
    expect(read[0].input!.items.map((i) => i.completionRate)).toEqual(['90', '100', '0.9', '100', '80', '100']);
    const message = findingMessage(read[0].findings[0], 'zh');
    expect(message).toContain('已按 0.9% 读入');
    expect(message).toContain('则是 90%');
  });

  for (const [format, shown, says] of [
    [';;;', '', '什么也不显示'],
    ['0.00%', '64021.00%', '显示为“64021.00%”'],
  ])
    it(`实际拨付额度 under the format ${format} (shown “${shown}”): read as stored, a doubt at the column's first cell, both said`, async () => {
      const sheets = plain();
      LINE_ROWS.forEach((r) => (sheets[0].rows[r][3] = { ...sheets[0].rows[r][3]!, numFmt: format }));
      const read = await readSheets(sheets);
      expect(codes(read)).toEqual([['amount_format', 'D14']]);
      expect(read[0].findings[0].params).toMatchObject({ shown, read: '640.21', cells: '6' });
      expect(read[0].doubts!.map((d) => [d.code, d.cell, d.figures[0]?.seen, d.figures[0]?.read])).toEqual([
        ['amount_format', 'D14', shown, '640.21'],
      ]);
      expect(findingMessage(read[0].findings[0], 'zh')).toContain(says);
      expect(computeRecord(read[0].input!)).toEqual(layoutExpected(seed(), PLAIN_LAYOUT));
    });

  it('资金拨付率 pasted as values (2/3 as 0.6666666666666666): read as the digits General shows, as fractions, told at its first rate, E14; no error', async () => {
    const sheets = plain();
    const lines = seed().disbursements;
    LINE_ROWS.forEach((r, i) => (sheets[0].rows[r][4] = { v: Number(lines[i].actual) / Number(lines[i].planned) }));
    sheets[0].rows[TOTAL_ROW][4] = { v: 1235.96 / 1500 };
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([['percent_fractions', 'E14']]);
    const record = computeRecord(read[0].input!);
    // 100/150 shows 0.666666667: 66.6666667 %, kept to the record's 6 decimals.
    expect(record.disbursements.map((d) => d.statedRate)).toEqual(['82.607742', '85.19403', '66.666667', '89.85', '91.4', '73.525']);
    expect(record.totals.statedRate).toBe('82.397333');
  });

  it('资金拨付率 as percents in General cells with a float tail (66.66666666666667): the digits General shows, at most 6 decimals', async () => {
    const sheets = plain();
    sheets[0].rows[LINE_ROWS[2]][4] = { v: 200 / 3 };
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([]);
    expect(read[0].input!.disbursements[2].statedRate).toBe('66.666667');
  });

  it("a value the record cannot hold is refused in the reader's words, naming field and cell (the 合计 too)", async () => {
    const sheets = plain();
    sheets[0].rows[LINE_ROWS[0]][4] = { v: '82.6077419%' };
    sheets[0].rows[TOTAL_ROW][4] = { v: '82.3973333%' };
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([
      ['invalid_value', 'E14'],
      ['invalid_value', 'E20'],
    ]);
    const [line, total] = read[0].findings;
    expect(findingMessage(line, 'zh')).toBe('填报拨付率(%)“82.6077419”超出可记录的范围(百分数最多 6 位整数、6 位小数)');
    expect(findingMessage(total, 'en')).toBe(
      'stated rate (%) “82.3973333” is out of range (a percent has at most 6 digits before and after the point)',
    );
  });

  it('a county name longer than the record holds is refused naming 县(市、区) and its cell', async () => {
    const sheets = layoutSheets([seed()], { ...PLAIN_LAYOUT, title: 'none', facts: 'table' });
    const label = sheets[0].rows.findIndex((r) => r[0]?.v === '县（市、区）');
    sheets[0].rows[label][1] = { v: `${'很'.repeat(120)}县` };
    const read = await readSheets(sheets);
    const invalid = read.flatMap((r) => r.findings).filter((f) => f.code === 'invalid_value');
    expect(invalid.map((f) => [f.cell, f.params.field, f.params.problem])).toEqual([[`B${label + 1}`, 'county.name', 'too_long']]);
    expect(findingMessage(invalid[0], 'zh')).toMatch(/^县\(市、区\)“很+…”太长/);
  });
});

describe('立项时间 typed as a number: what the cell shows, or refused', () => {
  const withApproved = (cell: { v: number; numFmt?: string }) => {
    const sheets = layoutSheets([seed()], { ...PLAIN_LAYOUT, facts: 'table' });
    const row = sheets[0].rows.findIndex((r) => r[0]?.v === '立项时间');
    sheets[0].rows[row][1] = cell;
    return { sheets, address: `B${row + 1}` };
  };
  const cases: [string, { v: number; numFmt?: string }, string][] = [
    ['2021.10 in a cell formatted 0.00 is October', { v: 2021.1, numFmt: '0.00' }, '2021-10'],
    ['2021.01 in a cell formatted 0.00 is January', { v: 2021.01, numFmt: '0.00' }, '2021-01'],
    ['2021.9 in a General cell is September', { v: 2021.9 }, '2021-09'],
    ['2021.11 in a General cell is November', { v: 2021.11 }, '2021-11'],
  ];
  for (const [label, cell, month] of cases)
    it(label, async () => {
      const read = await readSheets(withApproved(cell).sheets);
      expect(codes(read)).toEqual([]);
      expect(read[0].input!.county.approvedOn).toBe(month);
    });

  it('2021.1 in a General cell (typed 2021.10 or 2021.1?) is refused at its cell, saying why', async () => {
    const { sheets, address } = withApproved({ v: 2021.1 });
    const read = await readSheets(sheets);
    expect(codes(read)).toEqual([['not_a_date', address]]);
    expect(findingMessage(read[0].findings[0], 'zh')).toBe(
      '立项时间“2021.1”是一个数字,看不出是 2021年1月 还是 2021年10月(数字末尾的 0 不显示);请写成“2021年10月”这样的文字',
    );
  });
});

describe('our export reused as the form for another county', () => {
  it('the hidden facts of the county it was written for are not given to the county its title now names', async () => {
    const record = computeRecord(seed());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportWorkbook([record])) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('樟树市')!;
    sheet.getCell('A1').value = '寻乌县电子商务进农村综合示范县项目验收情况表';
    sheet.getCell('A3').value =
      '寻乌县是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年10月,项目总投资2000万元,其中中央资金1500万元,政府配套资金200万元,社会资本300万元,项目建设中,安排使用中央资金1400万元。';
    const [read] = await readWorkbook({ name: 'reused.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(read.input!.county).toMatchObject({ name: '寻乌县', province: null, prefecture: null, acceptedOn: null });
    // Read as it was written, the same workbook keeps them.
    const [own] = await readWorkbook({ name: 'own.xlsx', bytes: new Uint8Array(await exportWorkbook([record])) });
    expect(own.input!.county).toMatchObject({ name: '樟树市', province: record.county.province, prefecture: record.county.prefecture });
    expect(record.county.province).not.toBeNull();
  });
});

describe('a 基本情况 paragraph that also says what was paid', () => {
  it('is read as the paragraph (its facts kept), not taken for the sentence above table 三', async () => {
    const sheets = plain();
    sheets[0].rows[2][0]!.v =
      '樟树市是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元。安排使用中央资金1332.78万元,其中已拨付中央资金1235.96万元。';
    const [read] = await readSheets(sheets);
    expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read.input!.county).toMatchObject({
      name: '樟树市',
      investment: { total: '2310', central: '1500', localGov: '230', social: '580' },
      centralArrangedUse: '1332.78',
    });
    // The sum it names without a label of the paragraph's is told, not dropped.
    expect(read.findings.filter((f) => f.code === 'ignored_cell').map((f) => f.params.value)).toContain('1235.96万元');
  });
});

describe('tables side by side, and hidden sheets', () => {
  it('table 三 beside table 二, header to header: each read as its own table, the record as on the plain sheet', async () => {
    const [sheet] = plain();
    const rows = sheet.rows;
    // Table 三 (heading, header, six lines, 合计) on the left, table 二 (heading, header, six rows) from column G.
    const left = rows.slice(11, 20);
    const right = rows.slice(3, 11);
    const side = left.map((r, i) => [...r, ...Array(6 - r.length).fill(null), ...(right[i] ?? [])]);
    const [read] = await readSheets([{ name: sheet.name, rows: [...rows.slice(0, 3), ...side] }]);
    const [whole] = await readSheets(plain());
    expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read.input!.disbursements).toHaveLength(6);
    expect(read.input).toEqual(whole.input);
  });

  it('a hidden sheet holding a table is refused at its header; one holding other numbers is told', async () => {
    const sheets = plain();
    const workbook = excelOf([...sheets, { name: '旧版', rows: sheets[0].rows }, { name: '计算', rows: [[null, { v: 1500 }]] }]);
    workbook.getWorksheet('旧版')!.state = 'hidden';
    workbook.getWorksheet('计算')!.state = 'veryHidden';
    const [read] = await readWorkbook({ name: 'hidden.xlsx', bytes: await bytesOf(workbook) });
    expect(read.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['hidden_table', '旧版', 'B5'],
    ]);
    expect(read.findings.filter((f) => f.params.reason === 'hidden').map((f) => [f.sheet, f.cell, f.params.value])).toEqual([
      ['计算', 'B1', '1500'],
    ]);
    expect(read.input).toBeNull();
    // Unhidden (and the copy deleted), the workbook lands.
    workbook.removeWorksheet(workbook.getWorksheet('旧版')!.id);
    const [landed] = await readWorkbook({ name: 'hidden.xlsx', bytes: await bytesOf(workbook) });
    expect(landed.input!.disbursements).toHaveLength(6);
  });
});

describe('the day the county states its figures for (截至…), where the record has no place for it', () => {
  const withSentence = (text: string) => {
    const sheets = plain();
    const heading = sheets[0].rows.findIndex((row) => row[0]?.v === '三、中央财政资金拨付情况');
    sheets[0].rows.splice(heading + 1, 0, [{ v: text, colSpan: 5 }, null, null, null, null]);
    return sheets;
  };

  it('“截至2019年12月31日” with no ledger: told at the sentence that the day is not kept (outputs say 截至验收日)', async () => {
    const read = await readSheets(withSentence('截至2019年12月31日,已拨付承办企业资金共1235.96万元,资金拨付率82.4%。'));
    expect(codes(read)).toEqual([['stated_day_not_kept', 'A13']]);
    expect(read[0].findings[0]).toMatchObject({ severity: 'warning', params: { day: '2019-12-31' } });
    const message = findingMessage(read[0].findings[0], 'zh');
    expect(message).toContain('截至 2019-12-31');
    expect(message).toContain('截至验收日');
  });

  it('“截至验收日” states no other day: nothing to tell', async () => {
    const read = await readSheets(withSentence('截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.4%。'));
    expect(codes(read)).toEqual([]);
  });
});
