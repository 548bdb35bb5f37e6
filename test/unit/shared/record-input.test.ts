// The record computed from what was typed: payments listed by line and then day, a stated rate kept
// only where one was stated, the script the record is written in, and a money string that is not one.
import { describe, expect, it } from 'vitest';
import { computeRecord, fen, recordScript, toInput } from '../../../shared/record';
import { seedInput } from '../../helpers/fixtures';

const pay = (line: number, date: string, amount: string) => ({ line, date, amount, payee: '', voucher: '', stage: '', note: '' });

describe('the record computed', () => {
  it("lists a line's payments by day, whatever the order they were given in", () => {
    const input = seedInput();
    input.payments = [pay(2, '2022-03-01', '3'), pay(1, '2022-02-01', '2'), pay(1, '2021-12-01', '1'), pay(1, '2022-01-01', '4')];
    expect(computeRecord(input, { asOf: '2099-01-01' }).payments!.map((p) => `${p.line} ${p.date}`)).toEqual([
      '1 2021-12-01',
      '1 2022-01-01',
      '1 2022-02-01',
      '2 2022-03-01',
    ]);
  });

  it('has a stated rate only where one was stated (none is invented), and gives it back as input', () => {
    const bare = seedInput();
    bare.disbursements = bare.disbursements.map(({ statedRate: _stated, ...d }) => d);
    delete bare.totals;
    const plain = computeRecord(bare, {});
    expect('statedRate' in plain.totals).toBe(false);
    expect(plain.disbursements.some((d) => 'statedRate' in d)).toBe(false);
    expect('totals' in toInput(plain)).toBe(false);
    const input = structuredClone(bare);
    input.totals = { statedRate: '82.4' };
    input.disbursements[0] = { ...input.disbursements[0], statedRate: '99.5' };
    const stated = computeRecord(input, {});
    expect([stated.totals.statedRate, stated.disbursements[0].statedRate]).toEqual(['82.4', '99.5']);
    expect(toInput(stated).totals).toEqual({ statedRate: '82.4' });
  });

  it('is in traditional characters when its names are, wherever they are (county, items, lines)', () => {
    const input = seedInput();
    expect(recordScript(input)).toBe('hans');
    const county = { ...input.county, statusNote: '' };
    expect(
      recordScript({ county, items: input.items.map((i) => ({ ...i, name: '農村電子商務公共服務體系建設' })), disbursements: [] }),
    ).toBe('hant');
    expect(
      recordScript({ county, items: [], disbursements: input.disbursements.map((d) => ({ ...d, name: '縣鄉村物流快遞配送體系建設' })) }),
    ).toBe('hant');
  });

  it('refuses a money string that is not one, naming it', () => {
    expect(fen('640.21')).toBe(640_210_000n);
    expect(() => fen('abc')).toThrow('not a money string: abc');
  });
});
