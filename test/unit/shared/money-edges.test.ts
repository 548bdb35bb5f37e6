// The edges of exact money and rates that the seed does not reach: amounts in 千元 and 亿元, the
// decimal point moved both ways, a rate's half-up at its last digit, comparisons of decimal text,
// the range a completion rate must keep, an amount finer than two decimals. Every expected value
// is hand arithmetic (1 万元 = 10 千元 = 10,000 元; 1 亿元 = 10,000 万元).
import { describe, expect, it } from 'vitest';
import {
  canonicalPercent,
  compareDecimals,
  decimalsOf,
  displayDecimal,
  fenOfDecimal,
  formatScaled,
  formatWan,
  moneyDisplay,
  normaliseNumberText,
  parseAmount,
  parseMoney,
  parsePercent,
  percentOutside,
  rate,
  roundDecimal,
  shiftDecimal,
  splitUnit,
  statedRateAgrees,
} from '../../../shared/money';

/** An amount read in a unit, as 万元 text and the unit it was written in (or the problem). */
const wan = (input: string | number, unit: 'wan' | 'yuan' | 'qian' | 'yi' = 'wan', sum = false) => {
  const p = parseAmount(input, unit, { sum });
  return p.ok ? [formatWan(p.value), p.unit] : [p.problem, p.unit];
};

describe('amounts in 千元 and 亿元', () => {
  it('text naming its unit: 1.5 千元 is 0.15 万元, 2 亿 is 20000 万元, 3 億元 30000 万元', () => {
    expect(wan('1.5千元')).toEqual(['0.15', 'qian']);
    expect(wan('2亿')).toEqual(['20000', 'yi']);
    expect(wan('3億元')).toEqual(['30000', 'yi']);
    expect(wan('12萬')).toEqual(['12', 'wan']);
    expect(wan('7 千元 ')).toEqual(['0.7', 'qian']);
    const plain = parseAmount('640.21');
    expect(plain.ok && [formatWan(plain.value), plain.unit]).toEqual(['640.21', 'wan']);
  });

  it('a number in the unit of its column: 1234.5 千元 is 123.45 万元; 0.000123456789 亿元 is 1.234568 万元 (to the 分)', () => {
    expect(wan(1234.5, 'qian')).toEqual(['123.45', 'qian']);
    expect(wan(0.000123456789, 'yi')).toEqual(['1.234568', 'yi']);
    expect(wan(6402100, 'yuan')).toEqual(['640.21', 'yuan']);
    // 12.345678 元 to the nearest 分 is 12.35 元, 0.001235 万元.
    expect(wan(12.345678, 'yuan')).toEqual(['0.001235', 'yuan']);
    expect(wan(0, 'yuan')).toEqual(['0', 'yuan']);
  });

  it('a number past 10^19 元 is refused as one amount and read as a sum; not a number is not a number in any unit', () => {
    expect(wan(1e19, 'yuan')).toEqual(['too_large', 'yuan']);
    expect(wan(1e19, 'yuan', true)).toEqual(['1000000000000000', 'yuan']);
    expect(wan(1e21, 'yuan')).toEqual(['too_large', 'yuan']);
    expect(wan(Number.POSITIVE_INFINITY, 'yuan')).toEqual(['not_a_number', 'yuan']);
    expect(wan(Number.NaN, 'qian')).toEqual(['not_a_number', 'qian']);
    expect(wan('-5元')).toEqual(['negative_amount', 'yuan']);
    expect(wan('1,000,000元', 'wan')).toEqual(['100', 'yuan']);
  });

  it('the unit a text ends with, and the text without it', () => {
    expect(splitUnit(' 29.41万元 ')).toEqual({ text: '29.41', unit: 'wan' });
    expect(splitUnit('6402100元')).toEqual({ text: '6402100', unit: 'yuan' });
    expect(splitUnit('0.23亿元')).toEqual({ text: '0.23', unit: 'yi' });
    expect(splitUnit('640.21')).toEqual({ text: '640.21' });
  });
});

describe('the decimal point moved', () => {
  it('to the right and to the left, without leading or trailing zeros', () => {
    expect(shiftDecimal('0.826', 2)).toBe('82.6');
    expect(shiftDecimal('12', 3)).toBe('12000');
    expect(shiftDecimal('0.0500', 2)).toBe('5');
    expect(shiftDecimal('-1.5', 1)).toBe('-15');
    expect(shiftDecimal('90', -2)).toBe('0.9');
    expect(shiftDecimal('5', -4)).toBe('0.0005');
    expect(shiftDecimal('123.45', -1)).toBe('12.345');
    expect(shiftDecimal('100', -2)).toBe('1');
    expect(shiftDecimal('0.0012', 2)).toBe('0.12');
    expect(shiftDecimal('12.5', 0)).toBe('12.5');
    expect(shiftDecimal('abc', 2)).toBe('abc');
  });
});

describe('rates, half up at the last digit', () => {
  it('1/3 is 33.33, 2/3 is 66.67, 1/8 is 12.50, 1/800 is 0.13 (0.125 up), 1/40000 is 0.00 (0.0025 down), 5/2 is 250.00', () => {
    expect([rate(1n, 3n), rate(2n, 3n), rate(1n, 8n), rate(1n, 800n), rate(1n, 40000n), rate(5n, 2n)]).toEqual([
      '33.33',
      '66.67',
      '12.50',
      '0.13',
      '0.00',
      '250.00',
    ]);
  });

  it('an integer scaled by 10^decimals written with exactly that many places', () => {
    expect([formatScaled(5n, 2), formatScaled(12n, 0), formatScaled(8261n, 2), formatScaled(1n, 3)]).toEqual([
      '0.05',
      '12',
      '82.61',
      '0.001',
    ]);
  });

  it('a stated rate that is not a number, negative, or of a line with nothing planned never agrees', () => {
    expect(statedRateAgrees('abc', 1n, 2n)).toBe(false);
    expect(statedRateAgrees('50', 1n, 0n)).toBe(false);
    expect(statedRateAgrees('-50', 1n, 2n)).toBe(false);
    expect(statedRateAgrees('50', 1n, 2n)).toBe(true);
    expect(statedRateAgrees('33', 1n, 3n)).toBe(true);
    expect(statedRateAgrees('33.3', 1n, 3n)).toBe(true);
    expect(statedRateAgrees('33.4', 1n, 3n)).toBe(false);
  });

  it('rounds a negative decimal away from zero, and a negative that rounds to nothing is 0', () => {
    expect(roundDecimal('-1.255', 2)).toBe('-1.26');
    expect(roundDecimal('-0.004', 2)).toBe('0.00');
    expect(roundDecimal('1.254', 2)).toBe('1.25');
    expect(roundDecimal('abc', 2)).toBe('abc');
  });
});

describe('decimal text compared', () => {
  it('exactly, whatever the number of decimals: 79.995 < 80, 80.0 = 80, -1 < 0.5, 10 > 9.99; not a number is no answer', () => {
    expect([
      compareDecimals('79.995', '80'),
      compareDecimals('80.0', '80'),
      compareDecimals('-1', '0.5'),
      compareDecimals('10', '9.99'),
      compareDecimals('x', '1'),
      compareDecimals('1', 'x'),
    ]).toEqual([-1, 0, -1, 1, null, null]);
  });

  it('a completion rate outside 0–100 is out of range; its edges are inside', () => {
    expect(['100.01', '100', '100.00', '-0.1', '0', '150', 'abc'].map((t) => percentOutside(t, 0, 100))).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(percentOutside('50.5', 60, 100)).toBe(true);
    expect(percentOutside('60.0', 60, 100)).toBe(false);
  });
});

describe('percents as typed', () => {
  it('trailing zeros dropped only after a decimal point; the number of decimals written', () => {
    expect(['90.0', '82.60', '100', '0.50', '90.', '1.500'].map(canonicalPercent)).toEqual(['90', '82.6', '100', '0.5', '90', '1.5']);
    expect(['82.60', '90', '1.', '.5'].map(decimalsOf)).toEqual([2, 0, 0, 1]);
  });

  it('up to six digits before the point; leading zeros dropped; a sign kept; a tiny stored number in plain digits', () => {
    expect(parsePercent('123456')).toEqual({ ok: true, value: '123456' });
    expect(parsePercent('1234567')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parsePercent('%90').ok).toBe(false);
    expect(parsePercent('.5%')).toEqual({ ok: true, value: '0.5' });
    expect(parsePercent('007 %')).toEqual({ ok: true, value: '7' });
    expect(parsePercent('-5%')).toEqual({ ok: true, value: '-5' });
    expect(parsePercent(1e-7)).toEqual({ ok: true, value: '0.0000001' });
    expect(parsePercent(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parsePercent(0.9)).toEqual({ ok: true, value: '0.9' });
  });
});

describe('an amount shown', () => {
  it('with two decimals, or all its digits and marked finer when it has more', () => {
    const shown = (s: string) => moneyDisplay(fenOfDecimal(s)!);
    expect(shown('430.495')).toEqual({ text: '430.495', finer: true });
    expect(shown('1348.8')).toEqual({ text: '1348.80', finer: false });
    expect(shown('0')).toEqual({ text: '0.00', finer: false });
    expect(shown('1.23')).toEqual({ text: '1.23', finer: false });
    expect(moneyDisplay(-1_500_000n)).toEqual({ text: '-1.50', finer: false });
    expect(displayDecimal('1348.8')).toEqual({ text: '1348.80', finer: false });
    expect(() => displayDecimal('1,348.8')).toThrow('not a money string: 1,348.8');
  });

  it('a stored amount read exactly: no sign, no more than six decimals', () => {
    expect(['1.5', '.5', '999999999999.999999', '-1', '1.0000001', 'abc'].map(fenOfDecimal)).toEqual([
      1_500_000n,
      500_000n,
      999_999_999_999_999_999n,
      null,
      null,
      null,
    ]);
    expect(formatWan(-1_500_000n)).toBe('-1.5');
  });

  it('typed text cleaned: full-width digits, thousands separators only before three digits, a unit of 万元 or 萬元; a currency sign kept', () => {
    expect(normaliseNumberText('１,234万元')).toBe('1234');
    expect(normaliseNumberText('￥1,234')).toBe('¥1234');
    expect(normaliseNumberText('1 234 567')).toBe('1234567');
    expect(normaliseNumberText('12 34')).toBe('12 34');
    expect(normaliseNumberText('1,234,567.5')).toBe('1234567.5');
    expect(normaliseNumberText('12,34')).toBe('12,34');
    expect(normaliseNumberText(' − 5 萬元')).toBe('-5');
  });

  it('a currency sign only before the digits and a unit only after them; zeros past the 分 are no precision; past 10^21 too large', () => {
    const read = (t: string | number) => {
      const p = parseMoney(t);
      return p.ok ? formatWan(p.value) : p.problem;
    };
    expect(['1500¥', '万元29.41', '1.230000000', '¥1500'].map(read)).toEqual(['not_a_number', 'not_a_number', '1.23', 'not_a_number']);
    expect(read(1e21)).toBe('too_large');
  });
});
