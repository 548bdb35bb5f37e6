// The ledger (拨付台账) in workbooks: our export's sheet comes back exactly, for any ledger; a
// clerk's own ledger is read in the shapes clerks make (元, merged or blank 序号 under a line, dates
// as text or cells, 小计 rows, traditional headers); a payment that fits no line, a ledger no county
// claims, a bad day or amount is refused naming its cell; a table that disagrees with its ledger is told.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { computeRecord, toInput, type RecordInput } from '../../../../shared/record';
import type { Payment } from '../../../../shared/ledger';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, seedAs, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

const seedInput = (): RecordInput => toInput(referenceFixture('hans'));
const problems = (read: ReadRecord) => read.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.sheet, f.cell ?? null]);
const readSheets = async (sheets: FxSheet[]) => readWorkbook({ name: 'ledger.xlsx', bytes: await bytesOf(excelOf(sheets)) });

/** The seed's line 1 (640.21 of 775) paid in two tranches, as in issue 15. */
const TWO_TRANCHES: Payment[] = [
  { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-12-001', stage: '签订协议', note: '' },
  { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟树市邮政分公司', voucher: '记-06-118', stage: '进度款', note: '第二笔' },
];

/** The seed with a ledger; the rates it filed were for its own 实际 and are left out. */
const withLedger = (payments: Payment[], acceptedOn: string | null = '2022-07-01'): RecordInput => {
  const input = seedInput();
  input.county.acceptedOn = acceptedOn;
  for (const d of input.disbursements) delete d.statedRate;
  delete input.totals;
  input.payments = payments;
  return input;
};

describe('our own export', () => {
  const day = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2023-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const fen = fc.bigInt({ min: 1n, max: 10n ** 11n });
  const wan = fen.map((f) => {
    const s = f.toString().padStart(7, '0');
    return `${s.slice(0, -6).replace(/^0+(?=\d)/, '')}.${s.slice(-6)}`.replace(/\.?0+$/, '');
  });
  const text = fc.constantFrom('', '樟树市邮政分公司', '江西樟樹物流有限公司', 'A&B <公司>', '记-12-001', '第二笔 "尾款"');
  const payment = fc.record({
    line: fc.integer({ min: 1, max: 6 }),
    date: day,
    amount: wan,
    payee: text,
    voucher: text,
    stage: fc.constantFrom('签订协议', '进度款', '验收后', '其他'),
    note: text,
  });

  it('any ledger comes back exactly, in either script, alone or beside another county, as of the day the sheet says', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(payment, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('hans', 'hant'),
        fc.boolean(),
        fc.constantFrom(null, '2022-06-30'),
        async (payments, script, two, acceptedOn) => {
          const input = withLedger(payments, acceptedOn);
          const other = { ...structuredClone(input), county: { ...input.county, name: '南丰县' }, payments: payments.slice(0, 1) };
          const records = (two ? [input, other] : [input]).map((r) => computeRecord(r, { asOf: '2022-12-31' }));
          const reads = await readWorkbook({ name: 'x.xlsx', bytes: await exportWorkbook(records, script) });
          // Nothing misread: no error, no total, sentence or ledger that disagrees, no cell left unread.
          const misread = ['ledger_mismatch', 'stated_total_mismatch', 'summary_mismatch', 'stated_rate_mismatch', 'ignored_cell'];
          expect(reads.flatMap((r) => r.findings.filter((f) => f.severity === 'error' || misread.includes(f.code)))).toEqual([]);
          expect(reads.map((r) => computeRecord(r.input!, { asOf: '2022-12-31' }))).toEqual(records);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("the summary sentence's day is read as the day, not reported as a stray number", async () => {
    const record = computeRecord(withLedger(TWO_TRANCHES, null), { asOf: '2022-01-01' });
    expect(record.disbursementSummary).toContain('截至2022年1月1日');
    const [read] = await readWorkbook({ name: 'x.xlsx', bytes: await exportWorkbook([record]) });
    expect(read.findings).toEqual([]);
    expect(computeRecord(read.input!, { asOf: '2022-01-01' }).disbursements[0]).toMatchObject({ actual: '300', rate: '38.71' });
  });
});

/** The seed's county sheet, then a clerk's ledger on a sheet of its own. */
function withClerkLedger(ledger: FxCell[][], name = '拨付台账'): FxSheet[] {
  return [...layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT), { name, rows: ledger }];
}
const v = (
  value: FxCell extends infer C ? (C extends { v: infer V } ? V : never) : never,
  more: Omit<NonNullable<FxCell>, 'v'> = {},
): FxCell => ({ v: value, ...more });

describe('a ledger as clerks make it', () => {
  it("元 in the header, 序号 and name merged down over a line's payments or left blank under it, dates as text and as cells, 小计 and 合计 checked", async () => {
    const [read] = await readSheets(
      withClerkLedger([
        [v('樟树市中央财政资金拨付台账')],
        [v('序号'), v('项目名称'), v('付款日期'), v('拨付金额（元）'), v('收款单位'), v('凭证号'), v('备注')],
        [
          v(1, { rowSpan: 2 }),
          v('县乡村物流快递配送体系建设', { rowSpan: 2 }),
          v('2021年12月1日'),
          v(3000000),
          v('樟树市邮政分公司'),
          v('记-12-001'),
          null,
        ],
        [
          null,
          null,
          v(new Date(Date.UTC(2022, 5, 30)), { numFmt: 'yyyy/m/d' }),
          v('3,402,100.00'),
          v('樟树市邮政分公司'),
          v('记-06-118'),
          v('第二笔'),
        ],
        [v('小计', { colSpan: 2 }), null, null, v(6402100)],
        [v(2), v('农产品上行服务体系建设'), v('2022.3.15'), v(2853999.5), v('樟树豪荣粮油'), v('记-03-007'), null],
        [null, null, v('2022-05-20'), v(0.5), v('樟树豪荣粮油'), v('记-05-011'), v('尾差')],
        [v('合计', { colSpan: 2 }), null, null, v(9256100)],
      ]),
    );
    expect(problems(read)).toEqual([]);
    expect(read.findings.map((f) => f.code)).toContain('amounts_in_yuan');
    expect(read.input!.payments).toEqual([
      { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-12-001', stage: '', note: '' },
      { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟树市邮政分公司', voucher: '记-06-118', stage: '', note: '第二笔' },
      { line: 2, date: '2022-03-15', amount: '285.39995', payee: '樟树豪荣粮油', voucher: '记-03-007', stage: '', note: '' },
      { line: 2, date: '2022-05-20', amount: '0.00005', payee: '樟树豪荣粮油', voucher: '记-05-011', stage: '', note: '尾差' },
    ]);
  });

  it('headers in traditional characters, the line by name alone (either script), amounts in 万元', async () => {
    const [read] = await readSheets(
      withClerkLedger([
        [v('具體項目名稱'), v('撥付日期'), v('金額(萬元)'), v('收款單位'), v('憑證號'), v('階段')],
        [v('縣鄉村物流快遞配送體系建設'), v('2021-12-01'), v(300), v('樟樹市郵政分公司'), v('記-12-001'), v('簽訂協議')],
        [v('县乡村物流快递配送体系建设'), v('2022-06-30'), v(340.21), v('樟樹市郵政分公司'), v('記-06-118'), v('進度款')],
      ]),
    );
    expect(problems(read)).toEqual([]);
    expect(read.input!.payments).toEqual([
      { line: 1, date: '2021-12-01', amount: '300', payee: '樟樹市郵政分公司', voucher: '記-12-001', stage: '簽訂協議', note: '' },
      { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟樹市郵政分公司', voucher: '記-06-118', stage: '進度款', note: '' },
    ]);
  });

  it('a 小计 or 合计 that differs from the payments above it is told at its cell', async () => {
    const [read] = await readSheets(
      withClerkLedger([
        [v('序号'), v('拨付日期'), v('金额(万元)'), v('收款单位')],
        [v(1), v('2021-12-01'), v(300), v('樟树市邮政分公司')],
        [v(1), v('2022-06-30'), v(340.21), v('樟树市邮政分公司')],
        [v('小计'), null, v(640.12)],
        [v('合计'), null, v(640.21)],
      ]),
    );
    expect(
      read.findings.filter((f) => f.code === 'stated_total_mismatch').map((f) => [f.sheet, f.cell, f.params.stated, f.params.sum]),
    ).toEqual([['拨付台账', 'C4', '640.12', '640.21']]);
    expect(read.input!.payments).toHaveLength(2);
  });

  it("a ledger below table 三 on the county's own sheet belongs to that county", async () => {
    const [sheet] = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
    sheet.rows.push(
      [],
      [],
      [v('拨付台账')],
      [v('序号'), v('拨付日期'), v('金额(万元)'), v('收款单位')],
      [v(3), v('2022-01-05'), v(100), v('樟树市商贸公司')],
    );
    const [read] = await readSheets([sheet]);
    expect(problems(read)).toEqual([]);
    expect(read.input!.payments).toEqual([
      { line: 3, date: '2022-01-05', amount: '100', payee: '樟树市商贸公司', voucher: '', stage: '', note: '' },
    ]);
  });
});

describe('what is refused, naming the cell, with nothing imported', () => {
  const header = [v('序号'), v('具体项目名称'), v('拨付日期'), v('金额(万元)'), v('收款单位')];
  const refused = async (rows: FxCell[][]) => {
    const [read] = await readSheets(withClerkLedger([header, ...rows]));
    expect(read.input).toBeNull();
    return read.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell, f.params.why ?? f.params.value ?? '']);
  };

  it('a payment whose line is in no row of table 三', async () => {
    expect(await refused([[null, v('不存在的项目'), v('2021-12-01'), v(10), v('某公司')]])).toEqual([
      ['ledger_line_unmatched', '拨付台账', 'B2', 'none'],
    ]);
    expect(await refused([[v(9), null, v('2021-12-01'), v(10), v('某公司')]])).toEqual([
      ['ledger_line_unmatched', '拨付台账', 'A2', 'none'],
    ]);
  });

  it('a 序号 and a name that point at different lines', async () => {
    expect(await refused([[v(2), v('县乡村物流快递配送体系建设'), v('2021-12-01'), v(10), v('某公司')]])).toEqual([
      ['ledger_line_unmatched', '拨付台账', 'B2', 'disagree'],
    ]);
  });

  it('a name two lines share, with no 序号 to tell them apart', async () => {
    const sheets = withClerkLedger([header, [null, v('农村电商宣传和规划'), v('2021-12-01'), v(10), v('某公司')]]);
    const county = sheets[0];
    const row = county.rows.findIndex((r) => r[1]?.v === '农村电子商务人员培训' && typeof r[2]?.v === 'number');
    county.rows[row][1] = v('农村电商宣传和规划');
    const [read] = await readSheets(sheets);
    expect(read.findings.filter((f) => f.code === 'ledger_line_unmatched').map((f) => [f.cell, f.params.why])).toEqual([
      ['B2', 'ambiguous'],
    ]);
    expect(read.input).toBeNull();
  });

  it('a day that is no day, an amount of 0, an amount left blank', async () => {
    expect(await refused([[v(1), null, v('2021年13月1日'), v(10), v('某公司')]])).toEqual([
      ['not_a_date', '拨付台账', 'C2', '2021年13月1日'],
    ]);
    expect(await refused([[v(1), null, v('2021年12月'), v(10), v('某公司')]])).toEqual([['not_a_date', '拨付台账', 'C2', '2021年12月']]);
    const zero = await refused([[v(1), null, v('2021-12-01'), v(0), v('某公司')]]);
    expect(zero.map(([code, , cell]) => [code, cell])).toEqual([['invalid_value', 'D2']]);
    expect(await refused([[v(1), null, v('2021-12-01'), null, v('某公司')]])).toEqual([['not_a_number', '拨付台账', 'D2', '']]);
  });

  it('a ledger on its own sheet in a workbook of two counties that names neither', async () => {
    const sheets = [
      ...layoutSheets([seedAs('樟树市'), seedAs('南丰县', 7)], { ...PLAIN_LAYOUT }),
      { name: '台账', rows: [header, [v(1), null, v('2021-12-01'), v(10), v('某公司')]] },
    ];
    const reads = await readSheets(sheets);
    const unclaimed = reads.flatMap((r) => r.findings).filter((f) => f.code === 'ledger_unclaimed');
    expect(unclaimed.map((f) => [f.sheet, f.cell, f.params.counties])).toEqual([['台账', 'B1', '樟树市、南丰县']]);
    // Named in its sheet's name, the same ledger goes to its county, and only there.
    sheets[sheets.length - 1].name = '南丰县台账';
    const named = await readSheets(sheets);
    expect(named.map((r) => [r.input?.county.name, r.input?.payments?.length ?? 0])).toEqual([
      ['樟树市', 0],
      ['南丰县', 1],
    ]);
  });
});

describe('a ledger that cannot be placed is refused, never dropped or put on the wrong lines', () => {
  const header = [v('序号'), v('拨付日期'), v('金额(万元)'), v('收款单位')];

  it('a 序号 running 1, 2, 3 over the payments with no names: which line each is for is unknown', async () => {
    const [read] = await readSheets(
      withClerkLedger([
        header,
        [v(1), v('2021-12-01'), v(300), v('甲')],
        [v(2), v('2022-01-05'), v(100), v('乙')],
        [v(3), v('2022-02-01'), v(50), v('丙')],
      ]),
    );
    expect(problems(read)).toEqual([['ledger_no_line', '拨付台账', 'A1']]);
    expect(read.input).toBeNull();
    // Titled 项目序号, the same column names the lines.
    const [named] = await readSheets(
      withClerkLedger([
        [v('项目序号'), ...header.slice(1)],
        [v(1), v('2021-12-01'), v(300), v('甲')],
        [v(2), v('2022-01-05'), v(100), v('乙')],
      ]),
    );
    expect(named.input!.payments!.map((p) => p.line)).toEqual([1, 2]);
  });

  it('a ledger naming a county the workbook does not hold', async () => {
    const [read] = await readSheets(
      withClerkLedger([[v('南丰县中央财政资金拨付台账')], header, [v(1), v('2021-12-01'), v(300), v('甲')]], '南丰县台账'),
    );
    expect(problems(read)).toEqual([['ledger_unclaimed', '南丰县台账', 'A2']]);
    // The program's own words before 县 name no county.
    const [plain] = await readSheets(
      withClerkLedger([[v('电子商务进农村综合示范县拨付台账')], header, [v(1), v('2021-12-01'), v(300), v('甲')]]),
    );
    expect(plain.input!.payments).toHaveLength(1);
  });

  it('a sheet titled as a ledger whose header cannot be read', async () => {
    const [read] = await readSheets(withClerkLedger([[v('拨付台账')], [v('一、物流体系')], [v('2021-12-01'), v(300), v('甲')]]));
    expect(problems(read)).toEqual([['ledger_unread', '拨付台账', 'A3']]);
    expect(read.input).toBeNull();
  });
});

describe('a table that disagrees with its ledger', () => {
  it('our export with line 1’s 实际 typed over (700 for the ledger’s 640.21): a ledger_mismatch there, and the sentence, right about what lands, is no summary_mismatch', async () => {
    const record = computeRecord(withLedger(TWO_TRANCHES), { asOf: '2022-12-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook([record])) as never);
    const ws = wb.worksheets[0];
    const line1 = record.disbursements.find((d) => d.seq === 1)!;
    let typedOver = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(2).value === line1.name && typeof row.getCell(4).value === 'object' && !typedOver) typedOver = r;
    });
    ws.getCell(typedOver, 4).value = 700;
    const [read] = await readWorkbook({ name: 'x.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    const codes = read.findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'ledger_mismatch')).toHaveLength(1);
    expect(codes.filter((c) => c === 'summary_mismatch')).toEqual([]);
    expect(computeRecord(read.input!, { asOf: '2022-12-31' }).totals).toEqual(record.totals);
  });

  it("is told at the line's 实际拨付额度 cell, with the ledger's sum as of the day the ledger states", async () => {
    // Table 三 says 640.21 for line 1; the ledger, as of 2022-06-01 (its title), sums 300.
    const [read] = await readSheets(
      withClerkLedger([
        [v('樟树市拨付台账(截至2022年6月1日)')],
        [v('序号'), v('拨付日期'), v('金额(万元)'), v('收款单位')],
        [v(1), v('2021-12-01'), v(300), v('樟树市邮政分公司')],
        [v(1), v('2022-06-30'), v(340.21), v('樟树市邮政分公司')],
      ]),
    );
    const told = read.findings.filter((f) => f.code === 'ledger_mismatch');
    expect(told.map((f) => [f.severity, f.params.seq, f.params.stated, f.params.sum, f.params.asOf])).toEqual([
      ['warning', '1', '640.21', '300', '2022-06-01'],
    ]);
    expect(told[0].cell).toMatch(/^D\d+$/);
    expect(read.input!.payments).toHaveLength(2);
  });
});

describe('B15 (attack 3): a 项目公示 sheet of contract awards beside the county is no 拨付台账', () => {
  it('承办企业 | 中标金额(元) | 合同签订日期: no payment read from it, table 三’s 实际 kept as the sheet states (1235.96), nothing refused', async () => {
    const awards = (name: string, seq: number, amount: number, day: string) => [v(seq), v(name), v('樟树市某公司'), v(amount), v(day)];
    const [read] = await readSheets(
      withClerkLedger(
        [
          [v('樟树市电子商务进农村综合示范项目承办企业公示')],
          [v('序号'), v('项目名称'), v('承办企业'), v('中标金额(元)'), v('合同签订日期')],
          awards('县乡村物流快递配送体系建设', 1, 7595000, '2021-10-10'),
          awards('农产品上行服务体系建设', 2, 3283000, '2021-10-11'),
        ],
        '项目公示',
      ),
    );
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read.input!.payments).toBeUndefined();
    expect(computeRecord(read.input!).totals.actual).toBe('1235.96');
    expect(read.doubts ?? []).toEqual([]);
  });

  it('a ledger with 合同金额 beside its 拨付金额 still reads the 拨付金额', async () => {
    const [read] = await readSheets(
      withClerkLedger([
        [v('序号'), v('项目名称'), v('拨付日期'), v('合同金额'), v('拨付金额'), v('收款单位')],
        [v(1), v('县乡村物流快递配送体系建设'), v('2021-12-01'), v(775), v(640.21), v('樟树市邮政分公司')],
      ]),
    );
    expect(read.input!.payments!.map((p) => [p.line, p.date, p.amount])).toEqual([[1, '2021-12-01', '640.21']]);
  });
});
