// The fields of 四、绩效自评 around the grid (renderer/src/performance/part.ts) without a browser: a
// value is saved only when it changes, each field says its own findings (the grid gets the
// indicators'), the fields left unsaved are named, the money follows the record unless typed.
import { describe, expect, it } from 'vitest';
import { finding } from '../../../shared/findings';
import { computePerformance, emptyPerformance } from '../../../shared/performance';
import {
  fieldNotes,
  fieldSays,
  fundsFigure,
  indicatorFindings,
  toSave,
  unsavedNames,
  weightSum,
} from '../../../renderer/src/performance/part';

const at = (field: string, row?: number) => ({ table: 'performance' as const, field, ...(row !== undefined ? { row } : {}) });
const below = finding('perf_rate_below_line', { rate: '82.40', line: '90' }, at('funds.rate'));
const noActual = finding('perf_no_actual', { row: '2', name: '培训人次' }, at('actual', 1));
const elsewhere = finding('perf_rate_below_line', { rate: '1', line: '90' }, { table: 'items', row: 0, field: 'actual' });

describe('saving a field', () => {
  it('what is typed is saved only when it differs from what the field shows and from what it holds', () => {
    expect(toSave('12', '10', undefined)).toBe(true);
    expect(toSave('10', '10', undefined)).toBe(false);
    // An amount held as 1234.5 and shown as 1234.50: leaving either as it is saves nothing.
    expect(toSave('1234.50', '1234.5', '1234.50')).toBe(false);
    expect(toSave('1234.5', '1234.5', '1234.50')).toBe(false);
    expect(toSave('1234.60', '1234.5', '1234.50')).toBe(true);
  });
});

describe('findings', () => {
  it("a field's own: the part's at that field, not an indicator's, not another table's", () => {
    expect(fieldNotes([below, noActual, elsewhere], 'funds.rate')).toEqual([below]);
    expect(fieldNotes([below, noActual], 'actual')).toEqual([]);
  });
  it("the grid's: the part's that point at an indicator's row", () => {
    expect(indicatorFindings([below, noActual, elsewhere])).toEqual([noActual]);
  });
  it('a field says why it is locked, why its value was refused and its findings; a refusal outweighs a finding', () => {
    expect(fieldSays(null, null, [], 'zh')).toEqual({ title: undefined, className: '' });
    expect(fieldSays(null, null, [below], 'zh')).toEqual({
      title: '绩效自评:资金执行率 82.40% 低于省定标准 90%',
      className: 'cell-warning',
    });
    expect(fieldSays('已验收,不能修改', '不是分数', [below], 'en')).toEqual({
      title: "已验收,不能修改\n不是分数\nperformance: the funds' execution rate 82.40% is below the province's line 90%",
      className: 'cell-error',
    });
  });
});

describe('fields not saved', () => {
  it('are named by their labels; none, null', () => {
    expect(unsavedNames(['funds.initial', 'weights.output'], 'zh')).toBe('年初预算数、产出指标分值');
    expect(unsavedNames(['funds.current.budget'], 'en')).toBe('of which: this year annual budget');
    expect(unsavedNames([], 'zh')).toBeNull();
  });
});

describe('the money', () => {
  const input = emptyPerformance();
  it('follows the record (中央资金, Σ实际拨付) unless typed; shown as amounts', () => {
    const p = computePerformance(input, { central: '1234.5', disbursed: '1017.2' });
    expect(fundsFigure(p, 'budget')).toEqual({ stored: null, shown: '1234.50', fromRecord: true });
    expect(fundsFigure(p, 'executed')).toEqual({ stored: null, shown: '1017.20', fromRecord: true });
    const typed = computePerformance({ ...input, funds: { ...input.funds, budget: '2000' } }, { central: '1234.5', disbursed: '0' });
    expect(fundsFigure(typed, 'budget')).toEqual({ stored: '2000', shown: '2000.00', fromRecord: false });
  });
  it('a record without 中央资金 shows no budget', () => {
    expect(fundsFigure(computePerformance(input, { central: null, disbursed: '0' }), 'budget').shown).toBe('');
  });
  it('the weights add up: 10 + 50 + 30 + 10', () => {
    const p = computePerformance({ ...input, weights: { ...input.weights, outcome: '25.5' } }, { central: null, disbursed: '0' });
    expect(weightSum(p)).toBe('95.50');
  });
});
