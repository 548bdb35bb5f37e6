// The fourth round of the tester's attacks on the import (attack4), units and magnitudes: figures in 元 that a
// reading takes for 万元 are 10,000 times a county's. The seed (樟树市: Σ计划 1500, Σ实际 1235.96, 中央资金 1500,
// 安排使用中央资金 1332.78 万元) laid out plainly; the figures expected by hand.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { newStore } from '../../../helpers/backend';
import { listRecords, readRecord } from '../../../../electron/services/store/records';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[]) => readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const codesAt = (read: ReadRecord[], code: string) => read.flatMap((r) => r.findings.filter((f) => f.code === code).map((f) => f.cell));

const seedSheets = () => layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
const headerRow = (s: FxSheet) => s.rows.findIndex((r) => r?.[0]?.v === '序号' && r[1]?.v === '具体项目名称');
const totalRow = (s: FxSheet) => s.rows.findIndex((r) => r?.[0]?.v === '合计');
const factsRow = (s: FxSheet) => s.rows.findIndex((r) => typeof r?.[0]?.v === 'string' && r[0].v.includes('项目总投资'));
const yuan = (wan: unknown) => Math.round(Number(wan) * 10_000);

/** Table 三's amounts (lines and 合计, columns C and D) as 元 figures, typed under the template's (万元) headers. */
function tableInYuan(s: FxSheet): void {
  for (let r = headerRow(s) + 1; r <= totalRow(s); r++)
    for (const col of [2, 3]) {
      const c = s.rows[r][col];
      if (c && typeof c.v === 'number') s.rows[r][col] = { v: yuan(c.v) };
    }
}

describe('C2: amounts no demonstration county can have are held for a person, whatever the unit source', () => {
  it('元 figures under (万元) headers and in the paragraph (all alike, no power of ten between them): a doubt at each sum and fact', async () => {
    const sheets = seedSheets();
    const s = sheets[0];
    tableInYuan(s);
    const f = factsRow(s);
    s.rows[f][0] = { v: String(s.rows[f][0]!.v).replace(/(\d+(?:\.\d+)?)万元/g, (_, n) => `${yuan(n)}万元`) };
    const read = await readSheets(sheets);
    const doubts = read[0].findings.filter((x) => x.code === 'amount_implausible');
    expect(doubts.map((x) => [x.cell, x.params.what, x.params.value, x.params.asYuan])).toEqual([
      [`C${totalRow(s) + 1}`, 'planned', '15000000', '1500'],
      [`A${f + 1}`, 'investment.central', '15000000', '1500'],
      [`D${totalRow(s) + 1}`, 'actual', '12359600', '1235.96'],
      [`A${f + 1}`, 'centralArrangedUse', '13327800', '1332.78'],
    ]);
    expect(doubts.every((x) => x.severity === 'warning')).toBe(true);
  });

  it('the seed as printed (1500 万元) has no such doubt', async () => {
    expect(codesAt(await readSheets(seedSheets()), 'amount_implausible')).toEqual([]);
  });
});

/** Table 三's amounts as 元 figures with the number format given, under headers naming no unit (the facts paragraph in 万元). */
function yuanShownBy(numFmt: string): FxSheet[] {
  const sheets = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unitAt: 'none' });
  const s = sheets[0];
  for (let r = headerRow(s) + 1; r <= totalRow(s); r++)
    for (const col of [2, 3]) {
      const c = s.rows[r][col];
      if (c && typeof c.v === 'number') s.rows[r][col] = { v: yuan(c.v), numFmt };
    }
  return sheets;
}
const SEED_ACTUALS = ['640.21', '285.4', '100', '107.82', '73.12', '29.41'];

describe('C7: a number format showing a currency sign shows 元', () => {
  for (const numFmt of ['"￥"#,##0.00;[Red]"￥"-#,##0.00', '[$¥-804]#,##0.00', '¥#,##0', '\\¥#,##0.00'])
    it(`${numFmt} with no unit named: 6,402,100 is read 640.21 万元, the 元 told with the cell it is shown in`, async () => {
      const read = await readSheets(yuanShownBy(numFmt));
      const s = seedSheets()[0];
      expect(read[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(read[0].input!.disbursements.map((d) => d.actual)).toEqual(SEED_ACTUALS);
      const told = read[0].findings.find((f) => f.code === 'amounts_in_yuan')!;
      expect(told.params.source).toContain(`樟树市 › C${headerRow(s) + 2}`);
    });

  it('under a header naming 万元 the sign is the 货币 style over 万元 figures: ￥640.21 is 640.21 万元', async () => {
    const sheets = seedSheets();
    const s = sheets[0];
    for (let r = headerRow(s) + 1; r <= totalRow(s); r++)
      for (const col of [2, 3]) if (s.rows[r][col]) s.rows[r][col] = { ...s.rows[r][col]!, numFmt: '"￥"#,##0.00' };
    const read = await readSheets(sheets);
    expect(read[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read[0].input!.disbursements.map((d) => d.actual)).toEqual(SEED_ACTUALS);
  });

  it('a facts table whose values show ￥ (元), its labels naming no unit, beside tables in ￥ (元): all read in 元, no doubt', async () => {
    const sheets = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unitAt: 'none', facts: 'table' });
    const s = sheets[0];
    for (const row of s.rows)
      if (typeof row?.[0]?.v === 'string' && /投资|资金|社会资本/.test(row[0].v) && typeof row[1]?.v === 'number')
        [row[0], row[1]] = [{ v: row[0].v.replace(/[(（]万元[)）]/, '') }, { v: yuan(row[1].v), numFmt: '"￥"#,##0.00' }];
    for (let r = headerRow(s) + 1; r <= totalRow(s); r++)
      for (const col of [2, 3])
        if (typeof s.rows[r][col]?.v === 'number') s.rows[r][col] = { v: yuan(s.rows[r][col]!.v), numFmt: '¥#,##0.00' };
    const read = await readSheets(sheets);
    expect(read[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read[0].input!.county.investment.central).toBe('1500');
    expect(read[0].input!.county.centralArrangedUse).toBe('1332.78');
  });
});

describe('C14: the ¥ advice followed is read — an amount with its own 元 in a 万元 column is that amount in 元, confirmed by a person', () => {
  /** Line 1's 实际拨付额度 (under 实际拨付额度(万元)) typed as given. */
  function line1Actual(v: string): FxSheet[] {
    const sheets = seedSheets();
    sheets[0].rows[headerRow(sheets[0]) + 1][3] = { v };
    return sheets;
  }
  const d15 = () => `D${headerRow(seedSheets()[0]) + 2}`;

  it('“¥6,402,100.00” under (万元) is refused at its cell, advising “100元”', async () => {
    const read = await readSheets(line1Actual('¥6,402,100.00'));
    const refused = read[0].findings.filter((f) => f.severity === 'error');
    expect(refused.map((f) => [f.code, f.cell, f.params.problem])).toEqual([['not_a_number', d15(), 'currency_sign']]);
  });

  it('“6402100元” there, as advised, is read 640.21 万元 and held as a doubt at that cell naming both units', async () => {
    const read = await readSheets(line1Actual('6402100元'));
    expect(read[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read[0].input!.disbursements[0].actual).toBe('640.21');
    const doubt = read[0].findings.filter((f) => f.code === 'unit_in_cell');
    expect(doubt.map((f) => [f.cell, f.params.unit, f.params.otherUnit, f.params.read])).toEqual([[d15(), 'yuan', 'wan', '640.21']]);
  });

  it('“￥6,402,100.00” typed where no unit is named is 元: 640.21 万元', async () => {
    const sheets = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unitAt: 'none' });
    sheets[0].rows[headerRow(sheets[0]) + 1][3] = { v: '￥6,402,100.00' };
    const read = await readSheets(sheets);
    expect(read[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read[0].input!.disbursements[0].actual).toBe('640.21');
  });
});

describe('C2: a unit stated only on the 填表说明 sheet governs the county sheets that state none', () => {
  const note = (name: string, text: string): FxSheet => ({ name, rows: [[{ v: name }], [{ v: text }]] });
  /** The seed with table 三 in 元 under headers naming no unit (the paragraph says 万元 in its words). */
  const yuanNoUnit = () => {
    const sheets = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unitAt: 'none' });
    tableInYuan(sheets[0]);
    return sheets;
  };

  it('“1.本表金额单位均为元,保留两位小数。” on 填表说明: 6402100 is 640.21 万元, the note named as the unit’s source', async () => {
    const read = await readSheets([note('填表说明', '1.本表金额单位均为元,保留两位小数。'), ...yuanNoUnit()]);
    const county = read.find((r) => r.input)!;
    expect(county.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(county.input!.disbursements.map((d) => d.actual)).toEqual(SEED_ACTUALS);
    expect(county.findings.find((f) => f.code === 'amounts_in_yuan')!.params.source).toBe('填表说明 › A2');
  });

  it('without the note the same figures are 10,000 times the central funds: held as a doubt (what the note decides)', async () => {
    const read = await readSheets(yuanNoUnit());
    expect(codesAt(read, 'amount_scale').length).toBeGreaterThan(0);
  });

  it("a county sheet's own unit wins over the note: (万元) headers over 640.21 stay 640.21 万元", async () => {
    const read = await readSheets([note('说明', '金额单位：元'), ...seedSheets()]);
    const county = read.find((r) => r.input)!;
    expect(county.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(county.input!.disbursements.map((d) => d.actual)).toEqual(SEED_ACTUALS);
  });

  it('two notes naming different units: no unit taken from either, a doubt at the first naming the other', async () => {
    const plain = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unitAt: 'none' });
    const read = await readSheets([note('填表说明', '本表金额单位均为元'), note('说明', '单位：万元'), ...plain]);
    const county = read.find((r) => r.input)!;
    expect(county.input!.disbursements.map((d) => d.actual)).toEqual(SEED_ACTUALS);
    const doubt = county.findings.filter((f) => f.code === 'book_unit_conflict');
    expect(doubt.map((f) => [f.sheet, f.cell, f.params.unit, f.params.other, f.params.otherUnit])).toEqual([
      ['填表说明', 'A2', 'yuan', '说明 › A2', 'wan'],
    ]);
    expect(county.doubts?.map((d) => d.code)).toContain('book_unit_conflict');
  });
});

describe('C1: a ledger in 元 under a bare 金额 header is doubted at its own 金额 column', () => {
  /** The seed with a 拨付台账 sheet: line 1 (640.21 万元) paid in two payments, the amounts as given under `header`. */
  const withLedger = (header: string, amounts: number[]): FxSheet[] => [
    ...seedSheets(),
    {
      name: '拨付台账',
      rows: [
        [{ v: '樟树市中央财政资金拨付台账' }],
        [{ v: '序号' }, { v: '项目名称' }, { v: '拨付日期' }, { v: header }, { v: '收款单位' }],
        ...amounts.map((v, i) => [
          { v: 1 },
          { v: '县乡村物流快递配送体系建设' },
          { v: `2021-0${6 + i}-01` },
          { v },
          { v: '樟树市邮政分公司' },
        ]),
      ],
    },
  ];

  it('3000000 + 3402100 for line 1’s 640.21: one doubt at 拨付台账 › D3 saying 10000 times, 元, 640.21 万元 — none at table 三’s good cell', async () => {
    const read = await readSheets(withLedger('金额', [3_000_000, 3_402_100]));
    const county = read.find((r) => r.input)!;
    const scale = county.findings.filter((f) => f.code === 'ledger_scale');
    expect(scale.map((f) => [f.sheet, f.cell, f.params.column, f.params.ratio, f.params.asYuan])).toEqual([
      ['拨付台账', 'D3', 'D', '10000', '640.21'],
    ]);
    expect(county.findings.filter((f) => f.code === 'ledger_mismatch')).toEqual([]);
  });

  it('the same payments in 万元 (300 + 340.21) are no doubt; one a tenth off is a ledger_mismatch with no day the file does not give', async () => {
    const right = (await readSheets(withLedger('金额', [300, 340.21]))).find((r) => r.input)!;
    expect(right.findings.filter((f) => f.code === 'ledger_scale' || f.code === 'ledger_mismatch')).toEqual([]);
    const off = (await readSheets(withLedger('金额', [30, 34.021]))).find((r) => r.input)!;
    const mismatch = off.findings.filter((f) => f.code === 'ledger_mismatch');
    expect(mismatch.map((f) => [f.params.seq, f.params.sum, f.params.asOf])).toEqual([['1', '64.021', '']]);
    expect(off.findings.filter((f) => f.code === 'ledger_scale')).toEqual([]);
  });
});

describe('C1: 更正读法 offers the ledger’s unit, as it offers table 三’s', () => {
  const ME = { client: 'test', kind: 'cli' as const };
  const ledgerInYuan = (): FxSheet[] => [
    ...seedSheets(),
    {
      name: '拨付台账',
      rows: [
        [{ v: '樟树市中央财政资金拨付台账' }],
        [{ v: '序号' }, { v: '项目名称' }, { v: '拨付日期' }, { v: '金额' }, { v: '收款单位' }],
        [{ v: 1 }, { v: '县乡村物流快递配送体系建设' }, { v: '2021-06-01' }, { v: 3_000_000 }, { v: '樟树市邮政分公司' }],
        [{ v: 1 }, { v: '县乡村物流快递配送体系建设' }, { v: '2021-07-01' }, { v: 3_402_100 }, { v: '樟树市邮政分公司' }],
      ],
    },
  ];

  it('the ledger sheet’s reading names its 金额 column read in 万元; told 元, it reads 300 + 340.21 and lands with no doubt', async () => {
    const db = newStore();
    const file = { name: 'ledger.xlsx', bytes: await bytesOf(excelOf(ledgerInYuan())) };
    const held = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(held.doubts.map((d) => [d.code, d.sheet, d.cell])).toContainEqual(['ledger_scale', '拨付台账', 'D3']);
    expect(held.readings.find((r) => r.sheet === '拨付台账')?.ledger).toMatchObject({ col: 'D', text: '金额', unit: 'wan' });
    const correction = { file: file.name, sheet: '拨付台账', ledgerUnit: 'yuan' as const };
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false, corrections: [correction] });
    expect([done.committed, done.doubts]).toEqual([true, []]);
    expect(done.readings.find((r) => r.sheet === '拨付台账')).toMatchObject({ source: 'user', ledger: { unit: 'yuan' } });
    const stored = readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined });
    expect(stored.record.payments?.map((p) => p.amount)).toEqual(['300', '340.21']);
  });
});
