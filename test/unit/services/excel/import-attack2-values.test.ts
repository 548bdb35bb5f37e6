// The second round of the tester's attacks on the import (findings A5–A14 of attack2): each as the
// workbook shape a county really sent, the figures expected worked out by hand from the document.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { today } from '../../../../shared/ledger';
import { computeRecord } from '../../../../shared/record';
import { checkRecord } from '../../../../shared/checks';
import { findingMessage } from '../../../../shared/i18n';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[], name = 'county.xlsx') => readWorkbook({ name, bytes: await bytesOf(excelOf(sheets)) });
const v = (...xs: (string | number | null)[]): FxCell[] => xs.map((x) => (x === null ? null : { v: x }));
/** 樟树市 (the seed): 中央资金 1500 万元, Σ实际拨付 1235.96 万元, laid out plainly. */
const county = () => layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
const findings = (read: ReadRecord[], code: string) => read.flatMap((r) => r.findings.filter((f) => f.code === code));

/** The Ministry of Finance's 项目支出绩效自评表 as 南华县 published it: title, year line, 项目资金 and its total row. */
function mofSheet(o: { yearLine: string; label: string; money: (string | number)[] }): FxSheet {
  return {
    name: '绩效自评表',
    rows: [
      [{ v: '项目支出绩效自评表', colSpan: 8 }],
      [{ v: o.yearLine, colSpan: 8 }],
      v('项目名称', null, '樟树市电子商务进农村综合示范项目'),
      v(o.label, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'),
      v(null, '年度资金总额', ...o.money),
    ],
  };
}

describe('A6: 绩效自评表 in 元, the unit only on the line under its title', () => {
  it('（2022年度）　单位：元 converts 项目资金 to 万元: 15,000,000 元 is 1500 万元, 12,359,600 元 is 1235.96 万元', async () => {
    const perf = mofSheet({
      yearLine: '（2022年度）　　　　　　单位：元',
      label: '项目资金',
      money: [15000000, 15000000, 12359600, 10, '82.40%', 8.24],
    });
    const read = await readSheets([...county(), perf]);
    expect(read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    expect(read[0].input!.performance!.funds).toMatchObject({ initial: '1500', budget: '1500', executed: '1235.96' });
  });

  it('项目资金（万元） on the header row wins over a line above saying 元 (the nearer statement)', async () => {
    const perf = mofSheet({
      yearLine: '（2022年度）　单位：元',
      label: '项目资金（万元）',
      money: [1500, 1500, 1235.96, 10, '82.40%', 8.24],
    });
    const read = await readSheets([...county(), perf]);
    expect(read[0].input!.performance!.funds).toMatchObject({ initial: '1500', budget: '1500', executed: '1235.96' });
  });
});

describe('A7: a 绩效自评表 whose 全年执行数 or 全年预算数 is not the record’s is flagged at its cell', () => {
  const differs = (read: ReadRecord[]) =>
    findings(read, 'perf_funds_differs').map((f) => [f.cell, f.params.what, f.params.stated, f.params.record, f.severity]);

  it('全年执行数 1300 beside table 三’s Σ实际拨付 1235.96: a warning at E5, kept as stated (执行率 86.67%)', async () => {
    const read = await readSheets([
      ...county(),
      mofSheet({ yearLine: '（2022年度）', label: '项目资金（万元）', money: [1500, 1500, 1300, 10, '86.67%', 8.67] }),
    ]);
    expect(differs(read)).toEqual([['E5', '全年执行数', '1300', '1235.96', 'warning']]);
    const record = computeRecord(read[0].input!);
    expect(record.performance!.funds).toMatchObject({ executed: '1300', rate: '86.67' });
    // The record keeps saying so after the import (yanshou check, the tab's cell).
    const kept = checkRecord(record).filter((f) => f.code === 'perf_funds_differs');
    expect(kept.map((f) => [f.target, findingMessage(f, 'zh')])).toEqual([
      [
        { table: 'performance', field: 'funds.executed' },
        '绩效自评的全年执行数 1300 万元与本记录的表三实际拨付额度合计 1235.96 万元不一致;请核对两处是否同一口径(年度、截至日、单位)',
      ],
    ]);
  });

  it('全年预算数 15000000 “万元” beside 中央资金 1500 万元 (元 under a 万元 label): 10000 times — a doubt at D5 and E5 that holds the county (B19)', async () => {
    const read = await readSheets([
      ...county(),
      mofSheet({ yearLine: '（2022年度）', label: '项目资金（万元）', money: [15000000, 15000000, 12359600, 10, '82.40%', 8.24] }),
    ]);
    expect(differs(read)).toEqual([]);
    const scale = findings(read, 'perf_funds_scale');
    expect(scale.map((f) => [f.cell, f.params.stated, f.params.record, f.params.ratio, f.params.basis, f.params.other])).toEqual([
      ['D5', '15000000', '1500', '10000', 'A4“项目资金（万元）”', ''],
      ['E5', '12359600', '1235.96', '10000', 'A4“项目资金（万元）”', ''],
    ]);
    const doubts = read[0].doubts!.filter((d) => d.code === 'perf_funds_scale');
    expect(doubts.map((d) => [d.cell, d.figures[0].read, d.figures[0].unit])).toEqual([
      ['D5', '15000000', 'wan'],
      ['E5', '12359600', 'wan'],
    ]);
  });

  it('单位：元 in its own cell right of the year line while the label says 项目资金（万元）: the doubt quotes both (B19)', async () => {
    const perf = mofSheet({
      yearLine: '（2021年度）',
      label: '项目资金（万元）',
      money: [15000000, 15000000, 12359600, 10, '82.40%', 8.24],
    });
    perf.rows[1] = v('（2021年度）', null, null, null, null, null, null, null, '单位：元');
    const read = await readSheets([...county(), perf]);
    const message = findingMessage(findings(read, 'perf_funds_scale')[0], 'zh');
    expect(message).toBe(
      '绩效自评的全年预算数 15000000 万元是本记录的中央资金 1500 万元的 10000 倍:金额单位可能读错了(按 A4“项目资金（万元）” 读作万元,而 I2“单位：元” 写的是另一单位);请核对单位',
    );
    expect(read[0].doubts!.filter((d) => d.code === 'perf_funds_scale')).toHaveLength(2);
  });

  it('the same figures as the record (1500 and 1235.96) say nothing', async () => {
    const read = await readSheets([
      ...county(),
      mofSheet({ yearLine: '（2022年度）', label: '项目资金（万元）', money: [1500, 1500, 1235.96, 10, '82.40%', 8.24] }),
    ]);
    expect(differs(read)).toEqual([]);
  });
});

describe('A13: 实施目标完成率 written as counties write it never blocks the county', () => {
  /** Table 二's rows of 樟树市 with their 实施目标完成率 (column E) written as given. */
  function withRates(rates: string[]): { sheets: FxSheet[]; first: number } {
    const sheets = county();
    const header = sheets[0].rows.findIndex((r) => r[0]?.v === '序号' && r[1]?.v === '项目名称');
    rates.forEach((rate, i) => (sheets[0].rows[header + 1 + i][4] = { v: rate }));
    return { sheets, first: header + 2 };
  }

  it('已完成 → 100, 100%（已完成）→ 100 exactly, ≥100 → 100, 超额完成120 → 120, 部分完成 → blank: the others held for a person, the money read', async () => {
    const { sheets, first } = withRates(['已完成', '100%（已完成）', '≥100', '超额完成120', '部分完成']);
    const read = await readSheets(sheets);
    expect(read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    const input = read[0].input!;
    expect(input.items.slice(0, 5).map((i) => i.completionRate)).toEqual(['100', '100', '100', '120', null]);
    // The county's money is all there: 中央资金 1500, the seed's lines.
    expect(input.disbursements).toHaveLength(referenceFixture('hans').disbursements.length);
    expect(input.county.investment.central).toBe('1500');
    const held = read[0].doubts!.filter((d) => d.code === 'completion_in_words');
    expect(held.map((d) => [d.cell, d.params.value, d.figures.map((f) => [f.cell, f.seen, f.read])])).toEqual([
      [`E${first}`, '已完成', [[`E${first}`, '已完成', '100%']]],
      [`E${first + 2}`, '≥100', [[`E${first + 2}`, '≥100', '100%']]],
      [`E${first + 3}`, '超额完成120', [[`E${first + 3}`, '超额完成120', '120%']]],
      [`E${first + 4}`, '部分完成', [[`E${first + 4}`, '部分完成', null]]],
    ]);
    expect(findingMessage(findings(read, 'completion_in_words')[3], 'zh')).toBe(
      '实施目标完成率(%)“部分完成”不是一个百分数:完成率读作空;请核对,或在表中写上数字',
    );
  });

  it('full-width and traditional: １００％（已完成） is 100 exactly; 已全部完成 is 100 held', async () => {
    const { sheets } = withRates(['１００％（已完成）', '已全部完成']);
    const read = await readSheets(sheets);
    expect(read[0].input!.items.slice(0, 2).map((i) => i.completionRate)).toEqual(['100', '100']);
    expect(findings(read, 'completion_in_words').map((f) => f.params.value)).toEqual(['已全部完成']);
  });
});

describe('A5: one way to read a day — the ledger takes every day the basic facts take', () => {
  /** 樟树市 with a 拨付台账 sheet of its own: 序号 | 拨付日期 | 金额(万元) | 收款单位, line 1 paid in the days given. */
  const withLedger = (days: (string | number | { v: string | number | Date; numFmt: string })[]) =>
    readSheets([
      ...county(),
      {
        name: '拨付台账',
        rows: [
          v('序号', '拨付日期', '金额(万元)', '收款单位'),
          ...days.map((d): FxCell[] => [{ v: 1 }, typeof d === 'object' ? d : { v: d }, { v: 10 }, { v: '樟树市邮政分公司' }]),
        ],
      },
    ]);

  it('二〇二二年六月三十日, a serial day in a General cell (44651), typed as text, and a date and time (44834.5) are days', async () => {
    // By hand: serial 44651 is 2022-03-31 (44562 is 2022-01-01, + 89 days); 44834 is 2022-09-30.
    const read = await withLedger(['二〇二二年六月三十日', 44651, '44651', 44834.5, '2022年6月30号', '22.9.30']);
    expect(read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    // Payments are kept by day.
    expect(read[0].input!.payments!.map((p) => p.date)).toEqual([
      '2022-03-31',
      '2022-03-31',
      '2022-06-30',
      '2022-06-30',
      '2022-09-30',
      '2022-09-30',
    ]);
  });

  it('as a finance system writes them: a date with its time (2022-6-30 14:20, ISO 2022-09-30T00:00:00) and eight digits (20220331, text or number) are days; 20221331 is none', async () => {
    const read = await withLedger(['2022-6-30 14:20', '2022-09-30T00:00:00', '２０２２－０６－３０　０８：０５', 20220331, '20220331']);
    expect(read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    expect(read[0].input!.payments!.map((p) => p.date)).toEqual(['2022-03-31', '2022-03-31', '2022-06-30', '2022-06-30', '2022-09-30']);
    const wrong = await withLedger(['20221331']);
    expect(findings(wrong, 'not_a_date').map((f) => [f.cell, f.params.value])).toEqual([['B2', '20221331']]);
  });

  it('a day written day first (15/03/2022, 30.6.2022) or month first (3/31/2022) is the one day it can be; 04/03/2022 is refused naming both days', async () => {
    const read = await withLedger(['15/03/2022', '30.6.2022', '3/31/2022', '05/05/2022']);
    expect(read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    expect(read[0].input!.payments!.map((p) => p.date)).toEqual(['2022-03-15', '2022-03-31', '2022-05-05', '2022-06-30']);
    const both = await withLedger(['04/03/2022']);
    expect(both[0].input).toBeNull();
    expect(findings(both, 'not_a_date').map((f) => [f.cell, findingMessage(f, 'zh')])).toEqual([
      ['B2', '拨付日期“04/03/2022”看不出是 2022-03-04 还是 2022-04-03(日和月哪个在前);请写成“2022-03-04”这样年份在前的日期'],
    ]);
  });

  it('a payment dated after today is refused at its cell in the words typing it gets, and nothing lands', async () => {
    const read = await withLedger(['2099-01-05', { v: new Date(Date.UTC(2098, 11, 31)), numFmt: 'yyyy-mm-dd' }]);
    expect(read[0].input).toBeNull();
    const now = today();
    expect(findings(read, 'not_a_date').map((f) => [f.sheet, f.cell, findingMessage(f, 'zh')])).toEqual([
      ['拨付台账', 'B2', `拨付日期“2099-01-05”在今天(${now})之后:拨付台账只记已经拨付的款项,请核对日期(年份是否写错?)`],
      ['拨付台账', 'B3', `拨付日期“2098-12-31”在今天(${now})之后:拨付台账只记已经拨付的款项,请核对日期(年份是否写错?)`],
    ]);
  });

  it('a day given only to the month (2022.9, 2022年9月) is refused saying so, at its cell, and nothing lands', async () => {
    const read = await withLedger(['2022年9月', { v: 2022.09, numFmt: '0.00' }]);
    expect(read[0].input).toBeNull();
    const refused = findings(read, 'not_a_date');
    expect(refused.map((f) => [f.sheet, f.cell, f.params.value, findingMessage(f, 'zh')])).toEqual([
      ['拨付台账', 'B2', '2022年9月', '拨付日期“2022年9月”只写到月,不是具体日期(应写到日,如 2021-12-01、2021年12月1日)'],
      ['拨付台账', 'B3', '2022.09', '拨付日期“2022.09”只写到月,不是具体日期(应写到日,如 2021-12-01、2021年12月1日)'],
    ]);
  });

  it('the same forms in 验收日期 read the same day (44834.5 is 2022-09-30 there too)', async () => {
    const sheets = county();
    const facts = sheets[0].rows.findIndex((r) => typeof r[0]?.v === 'string' && r[0].v.includes('立项时间'));
    sheets[0].rows.splice(facts + 1, 0, v('验收日期'), [{ v: '验收日期' }, { v: 44834.5 }]);
    const read = await readSheets(sheets);
    expect(read[0].input!.county.acceptedOn).toBe('2022-09-30');
  });
});

describe('A9: amounts in 千元 are told as 千元, with the factor applied', () => {
  it('单位：千元 above table 三: 7750 千元 is 775 万元, and the note says 1 万元 = 10 千元', async () => {
    const sheets = county();
    const rows = sheets[0].rows;
    const header = rows.findIndex((r) => r[0]?.v === '序号' && r[1]?.v === '具体项目名称');
    rows[header] = v('序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率(%)');
    // The seed's lines by hand in 千元 (× 10): 775 → 7750, 640.21 → 6402.1, …, 合计 1500 → 15000, 1235.96 → 12359.6.
    const qian: [number, number][] = [
      [7750, 6402.1],
      [3350, 2854],
      [1500, 1000],
      [1200, 1078.2],
      [800, 731.2],
      [400, 294.1],
      [15000, 12359.6],
    ];
    qian.forEach(([planned, actual], i) => {
      rows[header + 1 + i][2] = { v: planned };
      rows[header + 1 + i][3] = { v: actual };
    });
    rows.splice(header, 0, v('单位：千元'));
    const read = await readSheets(sheets);
    expect(read[0].input!.disbursements.map((d) => [d.planned, d.actual])).toEqual([
      ['775', '640.21'],
      ['335', '285.4'],
      ['150', '100'],
      ['120', '107.82'],
      ['80', '73.12'],
      ['40', '29.41'],
    ]);
    const told = findings(read, 'amounts_in_yuan');
    expect(told.map((f) => [findingMessage(f, 'zh'), findingMessage(f, 'en')])).toEqual([
      [
        `金额单位为千元(樟树市 › A${header + 1}),已按 1 万元 = 10 千元 换算为万元`,
        `amounts are in thousand yuan (樟树市 › A${header + 1}); converted to 10k yuan exactly (1 万元 = 10 千元)`,
      ],
    ]);
  });
});

describe('the ledger’s 小计: checked against the payments of the line it closes, and said as 小计', () => {
  /** 樟树市's ledger: line 1 paid 300 (小计 300), then line 2 paid 100 and line 3 paid 60 + 40 with one 小计 after them. */
  const ledger = (subtotal: number) =>
    readSheets([
      ...county(),
      {
        name: '拨付台账',
        rows: [
          v('序号', '拨付日期', '金额(万元)', '收款单位'),
          v(1, '2021-12-01', 300, '樟树市邮政分公司'),
          v('小计', null, 300),
          v(2, '2022-01-05', 100, '樟树市商贸公司'),
          v(3, '2022-02-05', 60, '樟树市物流公司'),
          v(3, '2022-03-05', 40, '樟树市物流公司'),
          v('小计', null, subtotal),
        ],
      },
    ]);

  it('小计 90 under line 3’s 60 + 40: a doubt at C7 saying 小计 and line 3’s 100, the 90 read beside what the cell shows', async () => {
    const read = await ledger(90);
    const told = findings(read, 'stated_total_mismatch');
    expect(told.map((f) => [f.sheet, f.cell, findingMessage(f, 'zh')])).toEqual([
      ['拨付台账', 'C7', '小计 金额(万元) 90 与 序号 3 的各笔之和 100 不一致'],
    ]);
    const doubt = read[0].doubts!.find((d) => d.code === 'stated_total_mismatch')!;
    expect(doubt.figures.map((f) => [f.cell, f.seen, f.read])).toEqual([['C7', '90', '90']]);
  });

  it('小计 100 (line 3’s payments) and 小计 200 (all since the last 小计, a group’s) both agree', async () => {
    expect(findings(await ledger(100), 'stated_total_mismatch')).toEqual([]);
    expect(findings(await ledger(200), 'stated_total_mismatch')).toEqual([]);
  });
});
