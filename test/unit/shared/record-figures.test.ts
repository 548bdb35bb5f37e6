// The figures of a record computed from its input, at the edges the seed does not reach: amounts
// written with extra zeros, a line not entered, the ledger's day (given, the acceptance's last day,
// else today) and a line whose payments all come later. Expected values are hand arithmetic on the
// seed (table 三: 775, 335, 150, 120, 80, 40 planned; 640.21, 285.4, 100, 107.82, 73.12, 29.41 paid).
import { describe, expect, it } from 'vitest';
import { computeRecord, fenOrZero } from '../../../shared/record';
import { seedInput } from '../../helpers/fixtures';

const pay = (line: number, date: string, amount: string) => ({ line, date, amount, payee: '', voucher: '', stage: '', note: '' });

describe('amounts as the record keeps them', () => {
  it('without leading or trailing zeros, whatever was stored', () => {
    const input = seedInput();
    input.county.investment.total = '02310.0';
    input.county.centralArrangedUse = '1332.780000';
    input.disbursements[0] = { ...input.disbursements[0], planned: '0775', actual: '640.2100' };
    const record = computeRecord(input, {});
    expect([record.county.investment.total, record.county.centralArrangedUse]).toEqual(['2310', '1332.78']);
    expect(record.disbursements[0]).toMatchObject({ planned: '775', actual: '640.21', rate: '82.61' });
    expect(record.totals).toMatchObject({ planned: '1500', actual: '1235.96', rate: '82.40' });
  });

  it('a line not entered has no rate and counts 0 in the totals: 1162.84 of 1460 is 79.65%', () => {
    const input = seedInput();
    input.disbursements[5] = { ...input.disbursements[5], planned: null };
    input.disbursements[4] = { ...input.disbursements[4], actual: null };
    const record = computeRecord(input, {});
    expect(record.disbursements[5]).toMatchObject({ planned: null, actual: '29.41', rate: null });
    expect(record.disbursements[4]).toMatchObject({ planned: '80', actual: null, rate: null });
    // Planned 1500 − 40 = 1460; paid 1235.96 − 73.12 = 1162.84; 1162.84 / 1460 = 79.646…%.
    expect(record.totals).toMatchObject({ planned: '1460', actual: '1162.84', rate: '79.65' });
    expect([fenOrZero(null), fenOrZero('1.5')]).toEqual([0n, 1_500_000n]);
  });

  it('nothing planned anywhere: no total rate', () => {
    const input = seedInput();
    input.disbursements = input.disbursements.map((d) => ({ ...d, planned: null }));
    expect(computeRecord(input, {}).totals).toMatchObject({ planned: '0', rate: null });
  });
});

describe('a record with a ledger', () => {
  const withLedger = () => {
    const input = seedInput();
    input.payments = [pay(1, '2021-12-01', '300.00'), pay(1, '2022-06-30', '340.21'), pay(6, '2023-01-01', '29.41')];
    return input;
  };

  it('as of a day: line 1 has 300 of 775 (38.71%), line 6 paid only later has 0; the other lines keep what was typed', () => {
    const record = computeRecord(withLedger(), { asOf: '2022-01-01' });
    expect(record.asOf).toBe('2022-01-01');
    expect(record.disbursements[0]).toMatchObject({ actual: '300', rate: '38.71' });
    expect(record.disbursements[5]).toMatchObject({ actual: '0', rate: '0.00' });
    expect(record.disbursements[1]).toMatchObject({ actual: '285.4', rate: '85.19' });
    // 1235.96 − 640.21 + 300 − 29.41 = 866.34 of 1500 = 57.756%.
    expect(record.totals).toMatchObject({ actual: '866.34', rate: '57.76' });
    expect(record.payments!.map((p) => p.amount)).toEqual(['300', '340.21', '29.41']);
    expect(record.disbursementSummary).toContain('2022年1月1日');
  });

  it("without a day: the acceptance's last day, else today", () => {
    const accepted = withLedger();
    accepted.county.acceptedOn = '2022-06';
    expect(computeRecord(accepted, {}).asOf).toBe('2022-06-30');
    expect(computeRecord(accepted, {}).disbursements[0].actual).toBe('640.21');
    const open = withLedger();
    const record = computeRecord(open, { now: new Date(2023, 0, 1, 12) });
    expect(record.asOf).toBe('2023-01-01');
    expect(record.disbursements[5].actual).toBe('29.41');
  });

  it("a line's payments of one day stay in the order they were entered", () => {
    const input = seedInput();
    input.payments = [pay(2, '2022-01-01', '3'), pay(1, '2022-01-01', '1'), pay(1, '2022-01-01', '2'), pay(1, '2022-01-01', '4')];
    const record = computeRecord(input, { asOf: '2022-01-01' });
    expect(record.payments!.map((p) => `${p.line}:${p.amount}`)).toEqual(['1:1', '1:2', '1:4', '2:3']);
  });

  it('a record without payments says no day and lists none', () => {
    const record = computeRecord(seedInput(), { asOf: '2022-01-01' });
    expect('asOf' in record).toBe(false);
    expect('payments' in record).toBe(false);
    expect(record.disbursements[0].actual).toBe('640.21');
  });
});
