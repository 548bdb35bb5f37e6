// 四、绩效自评 across records: the overview's 等级 filter and the mean score per group.
import { describe, expect, it } from 'vitest';
import { passes, type OverviewRecord } from '../../../shared/overview';
import { meanScore } from '../../../shared/summary';

const rec = (performance?: OverviewRecord['performance']) =>
  ({
    id: 1,
    county: 'x',
    province: null,
    prefecture: null,
    batch: 1,
    year: 2021,
    planned: '1',
    actual: '1',
    rate: '100.00',
    warnings: 0,
    errors: 0,
    items: 0,
    status: { status: 'draft', by: null, at: null, day: null, remark: null },
    updatedAt: null,
    categories: [],
    ...(performance ? { performance } : {}),
  }) as OverviewRecord;

describe('the overview’s 等级 filter', () => {
  it('keeps the counties of that 等级 only; one without a 绩效自评 has none', () => {
    expect(passes(rec({ total: '91', grade: '优' }), { grade: '优' })).toBe(true);
    expect(passes(rec({ total: '85', grade: '良' }), { grade: '优' })).toBe(false);
    expect(passes(rec(), { grade: '差' })).toBe(false);
    expect(passes(rec(), {})).toBe(true);
  });
});

describe('the mean score of a group', () => {
  it('is the mean of the counties that keep one, half up to 2 decimals (87.49, 8.24, 90 → 61.91)', () => {
    // (87.49 + 8.24 + 90) / 3 = 61.91
    expect(
      meanScore([{ performance: { total: '87.49' } }, { performance: { total: '8.24' } }, { performance: { total: '90.00' } }, {}]),
    ).toEqual({ mean: '61.91', scored: 3 });
    // (80.01 + 80.00) / 2 = 80.005 → 80.01
    expect(meanScore([{ performance: { total: '80.01' } }, { performance: { total: '80.00' } }]).mean).toBe('80.01');
    expect(meanScore([{}])).toEqual({ mean: null, scored: 0 });
  });
});
