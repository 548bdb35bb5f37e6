import { describe, expect, it } from 'vitest';
import {
  formatWan,
  formatWanTable,
  parseAmount,
  parseMoney,
  parsePercent,
  rate,
  roundDecimal,
  showRate,
  statedRateAgrees,
  sumFen,
} from '../../../shared/money';

const fen = (s: string) => {
  const p = parseMoney(s);
  if (!p.ok) throw new Error(p.problem);
  return p.value;
};

describe('money', () => {
  it('computes the seed rate 29.41 / 40 as 73.53, half up, where floats give 73.52', () => {
    expect((29.41 / 40) * 100).toBeLessThan(73.525); // the trap this module exists for
    expect(rate(fen('29.41'), fen('40'))).toBe('73.53');
  });

  it('gives every seed rate and the total rate as written in the official table', () => {
    const rows = [
      ['775', '640.21', '82.61'],
      ['335', '285.4', '85.19'],
      ['150', '100.00', '66.67'],
      ['120', '107.82', '89.85'],
      ['80', '73.12', '91.40'],
      ['40', '29.41', '73.53'],
    ];
    for (const [planned, actual, expected] of rows) expect(rate(fen(actual), fen(planned))).toBe(expected);
    const actual = sumFen(rows.map((r) => fen(r[1])));
    expect(formatWan(actual)).toBe('1235.96');
    expect(rate(actual, sumFen(rows.map((r) => fen(r[0]))))).toBe('82.40');
  });

  it('has no rate when nothing was planned', () => {
    expect(rate(fen('10'), 0n)).toBeNull();
    expect(rate(0n, 0n)).toBeNull();
  });

  it('keeps 99999999.99 万元 exact, and 1 分 (six decimals)', () => {
    expect(formatWan(fen('99999999.99'))).toBe('99999999.99');
    expect(formatWan(fen('0.000001'))).toBe('0.000001');
    expect(formatWan(fen('99999999.99') + fen('0.01'))).toBe('100000000');
  });

  it('reads amounts as people type them', () => {
    expect(formatWan(fen('1,500.00'))).toBe('1500');
    expect(formatWan(fen('６４０.２１'))).toBe('640.21');
    expect(formatWan(fen('29.41万元'))).toBe('29.41');
    expect(formatWan(fen(' 1 234.5 '))).toBe('1234.5');
    expect(formatWan(fen('.5'))).toBe('0.5');
    const p = parseMoney(640.21);
    expect(p.ok && formatWan(p.value)).toBe('640.21');
  });

  it('refuses negative, non-numeric, over-precise and absurd amounts', () => {
    expect(parseMoney('-5')).toEqual({ ok: false, problem: 'negative_amount' });
    expect(parseMoney(-0.01)).toEqual({ ok: false, problem: 'negative_amount' });
    expect(parseMoney('abc')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseMoney('12.3.4')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseMoney('')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseMoney(Number.NaN)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseMoney('1.0000001')).toEqual({ ok: false, problem: 'too_precise' });
    expect(parseMoney('1e20')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseMoney('10000000000')).toEqual({ ok: false, problem: 'too_large' });
  });

  it('writes table amounts with two decimals', () => {
    expect(formatWanTable(fen('100'))).toBe('100.00');
    expect(formatWanTable(fen('285.4'))).toBe('285.40');
    expect(formatWanTable(fen('1.2345'))).toBe('1.2345');
  });

  it('reads percents as typed or stored', () => {
    expect(parsePercent('90%')).toEqual({ ok: true, value: '90' });
    expect(parsePercent('９０％')).toEqual({ ok: true, value: '90' });
    expect(parsePercent('91.40%')).toEqual({ ok: true, value: '91.40' });
    expect(parsePercent(0.9, true)).toEqual({ ok: true, value: '90' });
    // A stored number keeps its own digits; a 0.00% format is only how it is shown.
    expect(parsePercent(0.914, true)).toEqual({ ok: true, value: '91.4' });
    expect(parsePercent(0.826, true)).toEqual({ ok: true, value: '82.6' });
    expect(parsePercent('x').ok).toBe(false);
  });

  it('compares a stated rate at the precision it was written with', () => {
    expect(statedRateAgrees('82.6', fen('640.21'), fen('775'))).toBe(true);
    expect(statedRateAgrees('82.4', fen('1235.96'), fen('1500'))).toBe(true);
    expect(statedRateAgrees('82.40', fen('1235.96'), fen('1500'))).toBe(true);
    expect(statedRateAgrees('73.52', fen('29.41'), fen('40'))).toBe(false);
    expect(statedRateAgrees('82.5', fen('640.21'), fen('775'))).toBe(false);
  });

  it('keeps at most the digits a percent cell shows: the shortest form of its value or the decimals of its format, the fewer', () => {
    expect(parsePercent(0.826, true, 2)).toEqual({ ok: true, value: '82.6' });
    expect(parsePercent(0.6667000000000001, true, 2)).toEqual({ ok: true, value: '66.67' });
    expect(parsePercent(123596 / 150000, true, 1)).toEqual({ ok: true, value: '82.4' });
    expect(parsePercent(0.8260000000000001, true, 2)).toEqual({ ok: true, value: '82.6' });
    expect(parsePercent(0.995, true, 0)).toEqual({ ok: true, value: '100' });
    expect(parsePercent(1e-8, true, 6)).toEqual({ ok: true, value: '0.000001' });
  });

  it('rounds decimal text half up without a float', () => {
    expect(['82.397', '73.525', '0.005', '-1.25', '9.999', '12'].map((t) => roundDecimal(t, 2))).toEqual([
      '82.40',
      '73.53',
      '0.01',
      '-1.25',
      '10.00',
      '12',
    ]);
    expect(roundDecimal('82.35', 1)).toBe('82.4');
  });

  it('reads amounts in 元 exactly: 1 元 = 100 分, the decimal point moved, never a float', () => {
    const wan = (input: string | number, unit: 'wan' | 'yuan' | 'yi' = 'yuan') => {
      const p = parseAmount(input, unit);
      return p.ok ? [formatWan(p.value), p.unit] : [p.problem, p.unit];
    };
    expect(wan('6402100')).toEqual(['640.21', 'yuan']);
    expect(wan('6,402,100.50')).toEqual(['640.21005', 'yuan']);
    expect(wan(6402100.5)).toEqual(['640.21005', 'yuan']);
    expect(wan(0.1 + 0.2)).toEqual(['0.00003', 'yuan']);
    expect(wan('１２３４５６元')).toEqual(['12.3456', 'yuan']);
    expect(wan('29.41万元')).toEqual(['29.41', 'wan']);
    expect(wan('0.2310亿元', 'wan')).toEqual(['2310', 'yi']);
    expect(wan('640.21', 'wan')).toEqual(['640.21', 'wan']);
    expect(wan('1500万')).toEqual(['1500', 'wan']);
    expect(wan('1.001')).toEqual(['too_precise', 'yuan']);
    expect(wan(-5)).toEqual(['negative_amount', 'yuan']);
    expect(wan('五元')).toEqual(['not_a_number', 'yuan']);
  });
});

describe('amounts as spreadsheets and people give them', () => {
  const read = (input: string | number, options: { sum?: boolean } = {}) => {
    const p = parseMoney(input, options);
    return p.ok ? formatWan(p.value) : p.problem;
  };

  it('numbers: whole or not, up to 999,999,999 万元 for one amount and beyond for a sum; never negative, infinite or NaN', () => {
    expect([0, 1500, 1234.5, 0.1 + 0.2, 999_999_999].map((n) => read(n))).toEqual(['0', '1500', '1234.5', '0.3', '999999999']);
    expect([-1, -0.000001, Number.NaN, Number.POSITIVE_INFINITY].map((n) => read(n))).toEqual([
      'negative_amount',
      'negative_amount',
      'not_a_number',
      'not_a_number',
    ]);
    expect(read(1_000_000_000)).toBe('too_large');
    expect(read(1_000_000_000, { sum: true })).toBe('1000000000');
    expect(read(1e15)).toBe('too_large');
    expect(read(1e15, { sum: true })).toBe('1000000000000000');
  });

  it('text: spaces, thousands separators, a 万元 or 萬元 after, a typographic minus; trailing zeros past 分 are no extra precision', () => {
    expect([' 1 500.00 ', '1,500', '2', '29.41万元', '29.41萬元', '１，２３４.５', '.5', '1.2300000', '-0'].map((s) => read(s))).toEqual([
      '1500',
      '1500',
      '2',
      '29.41',
      '29.41',
      '1234.5',
      '0.5',
      '1.23',
      '0',
    ]);
    expect(['−5', '-0.01', '1.0000001', '1,50', '1500元', '12e3', '¥1,500', '$2', '12 34'].map((s) => read(s))).toEqual([
      'negative_amount',
      'negative_amount',
      'too_precise',
      'not_a_number',
      'not_a_number',
      'not_a_number',
      'not_a_number',
      'not_a_number',
      'not_a_number',
    ]);
    expect(read('1000000000')).toBe('too_large');
    expect(read('1000000000', { sum: true })).toBe('1000000000');
  });

  it('a rate is shown as stored, or — when there is none', () => {
    expect([showRate('82.40'), showRate(null), showRate(undefined)]).toEqual(['82.40', '—', '—']);
  });
});
