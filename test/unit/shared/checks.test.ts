import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../../shared/checks';
import { computeRecord, toInput, type RecordInput } from '../../../shared/record';
import { findingMessage } from '../../../shared/i18n';
import type { FindingCode } from '../../../shared/findings';
import { seedInput } from '../../helpers/fixtures';

const codes = (input: RecordInput) => checkRecord(computeRecord(input)).map((f) => f.code);
const edit = (fn: (r: RecordInput) => void): RecordInput => {
  const r = structuredClone(seedInput());
  fn(r);
  return r;
};

const TRIPS: [FindingCode, (r: RecordInput) => void][] = [
  ['missing_name', (r) => (r.items[2].name = '  ')],
  ['duplicate_seq', (r) => (r.disbursements[3].seq = 1)],
  ['investment_sum', (r) => (r.county.investment.total = '2311')],
  ['planned_vs_central', (r) => (r.county.investment.central = '1499')],
  ['arranged_over_central', (r) => (r.county.centralArrangedUse = '1500.01')],
  ['disbursed_over_arranged', (r) => (r.county.centralArrangedUse = '1200')],
  ['over_disbursed', (r) => (r.disbursements[0].actual = '775.01')],
  ['stated_rate_mismatch', (r) => (r.disbursements[5].statedRate = '73.52')],
  ['completion_out_of_range', (r) => (r.items[0].completionRate = '120')],
  ['uncategorised', (r) => (r.items[0].category = 'other')],
  ['dates_out_of_order', (r) => (r.county.acceptedOn = '2021-08-01')],
];

describe('checks', () => {
  it('finds nothing on the seed', () => {
    expect(checkRecord(computeRecord(seedInput('hans')))).toEqual([]);
    expect(checkRecord(computeRecord(seedInput('hant')))).toEqual([]);
  });

  for (const [code, trip] of TRIPS) {
    it(`${code}: tripped by a record that breaks it, and only then`, () => {
      expect(codes(edit(trip))).toContain(code);
      expect(codes(seedInput())).not.toContain(code);
    });
  }

  it('验收日期 before 立项时间 or before the 示范年度 is told at 验收日期, compared only as far as both are written', () => {
    const dated = (acceptedOn: string, approvedOn: string | null, year = 2021) =>
      checkRecord(computeRecord(edit((r) => (r.county = { ...r.county, acceptedOn, approvedOn, year }))))
        .filter((f) => f.code === 'dates_out_of_order')
        .map((f) => findingMessage(f, 'zh'));
    // The seed: 立项 2021-09, 示范年度 2021.
    expect(dated('2021-08-01', '2021-09')).toEqual(['验收日期“2021-08-01”早于立项时间“2021-09”:日期的先后不对,请核对']);
    expect(dated('2021-09-15', '2021-09')).toEqual([]);
    expect(dated('2022-06', '2021-09-15')).toEqual([]);
    expect(dated('2021-12', null, 2099)).toEqual(['验收日期“2021-12”早于示范年度“2099”:日期的先后不对,请核对']);
  });

  it('points at the cell and names both numbers, in Chinese and English', () => {
    const [f] = checkRecord(computeRecord(edit((r) => (r.disbursements[0].actual = '775.01')))).filter((x) => x.code === 'over_disbursed');
    expect(f.target).toEqual({ table: 'disbursements', row: 0, field: 'actual' });
    expect(findingMessage(f, 'zh')).toBe('“县乡村物流快递配送体系建设”实际拨付 775.01 万元超过计划安排 775 万元');
    expect(findingMessage(f, 'en')).toContain('775.01');
  });

  it('checks the stated total rate at its own precision', () => {
    expect(codes(edit((r) => (r.totals = { statedRate: '82.4' })))).toEqual([]);
    expect(codes(edit((r) => (r.totals = { statedRate: '82.5' })))).toEqual(['stated_rate_mismatch']);
  });

  it('gives warnings and infos their severities, errors theirs', () => {
    const all = checkRecord(
      computeRecord(
        edit((r) => {
          r.items[0].name = '';
          r.county.investment.total = '1';
          r.items[1].category = 'other';
        }),
      ),
    );
    expect(all.map((f) => [f.code, f.severity])).toEqual(
      expect.arrayContaining([
        ['missing_name', 'error'],
        ['investment_sum', 'warning'],
        ['uncategorised', 'info'],
      ]),
    );
  });
});

describe('a record with a ledger', () => {
  const pay = (line: number, date: string, amount: string) => ({ line, date, amount, payee: '某公司', voucher: '', stage: '', note: '' });

  it('lists payments by line, then day, however they were given; its input keeps them; a record without payments has none', () => {
    const input = edit((r) => {
      r.payments = [pay(2, '2022-03-01', '10'), pay(1, '2022-06-30', '340.21'), pay(1, '2021-12-01', '300'), pay(2, '2022-01-01', '5')];
    });
    const record = computeRecord(input, { asOf: '2022-12-31' });
    expect(record.payments!.map((p) => `${p.line} ${p.date}`)).toEqual(['1 2021-12-01', '1 2022-06-30', '2 2022-01-01', '2 2022-03-01']);
    expect(record.disbursements.slice(0, 2).map((d) => d.actual)).toEqual(['640.21', '15']);
    expect(toInput(record).payments).toEqual(record.payments);
    expect('payments' in toInput(computeRecord(seedInput()))).toBe(false);
  });
});
