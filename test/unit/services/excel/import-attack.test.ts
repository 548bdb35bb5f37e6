// The tester's attacks on the import, each as the workbook shape that broke it: the import reads
// it exactly, or refuses or reports naming the file, sheet and cell — never stores a wrong figure
// quietly.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { computeRecord } from '../../../../shared/record';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutExpected, layoutSheets, PLAIN_LAYOUT, rewrite, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[], name = 'county.xlsx') => readWorkbook({ name, bytes: await bytesOf(excelOf(sheets)) });
const codes = (read: ReadRecord[]) => read.flatMap((r) => r.findings.map((f) => [f.code, f.cell ?? null]));
const seed = () => referenceFixture('hans');
/** The seed laid out plainly: title in A1, the paragraph in A3. */
const plain = () => layoutSheets([seed()], PLAIN_LAYOUT);
const PRONOUN_PARAGRAPH = '该市是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,当前项目已基本建设完成,安排使用中央资金1332.78万元。';
/** The paragraph with neither batch nor year: only the title can say them. */
const BARE_PARAGRAPH = '该市立项时间为2021年9月,项目总投资2310万元,其中中央资金1500万元,政府配套资金230万元,社会资本580万元,当前项目已基本建设完成,安排使用中央资金1332.78万元。';

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
    expect(read.map((r) => computeRecord(r.input!))).toEqual([{ ...layoutExpected(seed(), PLAIN_LAYOUT), county: { ...layoutExpected(seed(), PLAIN_LAYOUT).county, province: null, prefecture: null } }]);
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
    sheets[0].rows.push([], [{ v: '樟树市中央财政资金拨付台账' }], ['序号', '具体项目名称', '拨付日期', '金额(万元)', '收款单位'].map((v) => ({ v })));
    sheets[0].rows.push([{ v: 1 }, { v: '县乡村物流快递配送体系建设' }, day('2021-12-15'), { v: 300 }, { v: '中国邮政' }]);
    sheets[0].rows.push([{ v: 1 }, { v: '县乡村物流快递配送体系建设' }, day('2022-03-01'), { v: 340.21 }, { v: '中国邮政' }]);
    const book = excelOf(sheets);
    book.properties.date1904 = true;
    // LibreOffice writes the XML boolean as a word; Excel as a digit.
    return rewrite(await bytesOf(book), (files) => files.set('xl/workbook.xml', files.get('xl/workbook.xml')!.replace('date1904="1"', `date1904="${flag}"`)));
  }
  for (const flag of ['true', '1'])
    it(`date1904="${flag}": 立项时间 and every payment's day are exact`, async () => {
      const [read] = await readWorkbook({ name: '1904.xlsx', bytes: await workbook1904(flag) });
      expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(read.input!.county.approvedOn).toBe('2021-09-15');
      expect(read.input!.payments!.map((p) => p.date)).toEqual(['2021-12-15', '2022-03-01']);
    });
});
