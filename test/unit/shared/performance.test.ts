// 四、绩效自评: the scoring rules as the Ministry of Finance's standard table states them, the draft
// from table 二, and the checks. Expected values are worked by hand from the rules in
// performance-evaluation.md (not by the code).
import { describe, expect, it } from 'vitest';
import { draftIndicators, fundsScore, gradeOf, parseQuantity, scoreIndicator } from '../../../shared/performance-rules';
import { checkPerformance, computePerformance, emptyPerformance, type Indicator, type PerformanceInput } from '../../../shared/performance';
import { computeRecord } from '../../../shared/record';
import { demoRecord } from '../../../electron/services/demo';

const ind = (o: Partial<Indicator>): Indicator => ({
  level1: 'output',
  level2: '数量指标',
  name: '指标',
  target: '',
  actual: '',
  weight: '10',
  score: null,
  deviation: '',
  ...o,
});
const codes = (p: PerformanceInput, figures = { central: '100', disbursed: '100' }, rateLine?: string) =>
  checkPerformance(computePerformance(p, figures), { rateLine }).map(
    (f) => `${f.code}@${f.target?.field}${f.target?.row !== undefined ? '#' + f.target.row : ''}`,
  );

describe('the money: 执行率 and 得分', () => {
  it('the demo 樟树市: 1235.96 of 1500 is 82.40%, 8.24 of 10', () => {
    const p = computePerformance(emptyPerformance(), { central: '1500', disbursed: '1235.96' });
    expect([p.funds.budget, p.funds.executed, p.funds.rate, p.funds.score, p.funds.weight]).toEqual([
      '1500',
      '1235.96',
      '82.40',
      '8.24',
      '10',
    ]);
  });
  it('is scored from the exact ratio, half up to 2 decimals: 29.41 of 40 at weight 20 is 14.71 (14.705 up)', () => {
    expect(fundsScore(29_410_000n, 40_000_000n, '20')).toBe('14.71');
  });
  it('never above 分值: more executed than budgeted scores the weight', () => {
    expect(fundsScore(1_600_000_000n, 1_500_000_000n, '10')).toBe('10.00');
  });
  it('uses 全年预算数 (the adjusted budget), not 年初预算数', () => {
    const input = emptyPerformance();
    input.funds.initial = '2000';
    input.funds.budget = '1000';
    input.funds.executed = '900';
    const p = computePerformance(input, { central: '1500', disbursed: '1' });
    expect([p.funds.rate, p.funds.score]).toEqual(['90.00', '9.00']);
  });
  it('no budget, no rate and no score', () => {
    expect(computePerformance(emptyPerformance(), { central: '0', disbursed: '0' }).funds.score).toBeNull();
  });
});

describe('quantities in the cells', () => {
  it.each([
    ['≥3000平方米', 'ge', '3000', '平方米'],
    ['不低于3000平方米', 'ge', '3000', '平方米'],
    ['不低於3,000平方米', 'ge', '3000', '平方米'],
    ['90%以上', 'ge', '90', '%'],
    ['≤5天', 'le', '5', '天'],
    ['不超过5天', 'le', '5', '天'],
    ['＞＝９５％', 'ge', '95', '%'],
    ['45家', 'plain', '45', '家'],
  ])('%s → %s %s %s', (text, direction, value, unit) => {
    expect(parseQuantity(text)).toEqual({ direction, value, unit });
  });
  it.each(['达成预期指标', '效果明显', '3000到4000平方米', '1个中心3000平方米', ''])('%s is not one quantity', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe('indicators scored by the rules', () => {
  it('≥ X scores min(实际/X, 1) × 分值: 2400 of ≥3000 at 10 is 8.00', () => {
    expect(scoreIndicator(ind({ target: '≥3000平方米', actual: '2400平方米' }))).toMatchObject({ kind: 'rule', score: '8.00' });
  });
  it('≥ X is capped at 分值: 4500 of ≥3000 scores 10.00', () => {
    expect(scoreIndicator(ind({ target: '不低于3000平方米', actual: '4500平方米' }))).toMatchObject({ kind: 'rule', score: '10.00' });
  });
  it('≤ X scores min(X/实际, 1) × 分值: 6 days against ≤5 at 10 is 8.33', () => {
    expect(scoreIndicator(ind({ level2: '时效指标', target: '≤5天', actual: '6天' }))).toMatchObject({
      kind: 'rule',
      direction: 'le',
      score: '8.33',
    });
  });
  it('≤ X is capped at 分值: 3 days against ≤5 scores 10.00', () => {
    expect(scoreIndicator(ind({ target: '不高于5天', actual: '3天' }))).toMatchObject({ kind: 'rule', score: '10.00' });
  });
  it('rounds half up: 1 of ≥8 at 5 is 0.625 → 0.63', () => {
    expect(scoreIndicator(ind({ target: '≥8个', actual: '1个', weight: '5' }))).toMatchObject({ score: '0.63' });
  });
  it('the published error: target 550, actual 20 is not full marks (20/550 × 10 = 0.36)', () => {
    expect(scoreIndicator(ind({ target: '≥550人次', actual: '20人次' }))).toMatchObject({ score: '0.36' });
  });
  it('units must agree: 平方米 against 个 is left to the person', () => {
    expect(scoreIndicator(ind({ target: '≥3000平方米', actual: '3个' }))).toEqual({ kind: 'user', reason: 'unit_mismatch' });
  });
  it('万 and 亿 of the same unit agree: 1.2万人次 against ≥10000人次 scores full', () => {
    expect(scoreIndicator(ind({ target: '≥10000人次', actual: '1.2万人次' }))).toMatchObject({ kind: 'rule', score: '10.00' });
  });
  it('a qualitative target is the person’s to score, with the band of its result', () => {
    expect(scoreIndicator(ind({ level1: 'outcome', target: '效果明显', actual: '部分达成' }))).toEqual({
      kind: 'user',
      reason: 'qualitative',
      band: 'partly',
    });
  });
  it('an actual it cannot read is not scored', () => {
    expect(scoreIndicator(ind({ target: '≥3000平方米', actual: '约三千平方米' }))).toEqual({ kind: 'user', reason: 'unread' });
  });
  it('a plain cost target says no direction: not scored', () => {
    expect(scoreIndicator(ind({ level2: '成本指标', target: '300万元', actual: '280万元' }))).toEqual({
      kind: 'user',
      reason: 'direction',
    });
  });
});

describe('总分 and 等级', () => {
  it.each([
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
  ])('%s is %s', (total, grade) => expect(gradeOf(total)).toBe(grade));

  it('总分 is the money’s score plus the indicators’ (the rule’s score over a typed one; a person’s where the rule has none)', () => {
    const input = emptyPerformance();
    input.indicators = [
      ind({ target: '≥3000平方米', actual: '2400平方米', weight: '50', score: '50' }),
      ind({ level1: 'outcome', level2: '社会效益指标', target: '效果明显', actual: '达成预期指标', weight: '30', score: '27.5' }),
      ind({ level1: 'satisfaction', level2: '服务对象满意度指标', target: '≥90%', actual: '95%', weight: '10' }),
    ];
    const p = computePerformance(input, { central: '1500', disbursed: '1235.96' });
    // 8.24 + 40.00 (2400/3000 × 50) + 27.50 + 10.00
    expect(p.total).toBe('85.74');
    expect(p.grade).toBe('良');
  });
});

describe('no 总分 over weights that do not add up', () => {
  const full = (level1: Indicator['level1'], weight: string) => ind({ level1, target: '≥1个', actual: '1个', weight });
  const scored = (indicators: Indicator[], weights?: Partial<PerformanceInput['weights']>) => {
    const input = emptyPerformance();
    input.indicators = indicators;
    Object.assign(input.weights, weights);
    const p = computePerformance(input, { central: '100', disbursed: '100' });
    return [p.total, p.grade];
  };
  const balanced = [full('output', '50'), full('outcome', '30'), full('satisfaction', '10')];

  it('every target met with weights 10 + 50 + 30 + 10: 100, 优', () => expect(scored(balanced)).toEqual(['100.00', '优']));

  it('eighteen 产出 indicators of 10 under a level of 50 (Σ180): no total, no grade — never 132 graded 优', () => {
    const many = Array.from({ length: 18 }, () => full('output', '10'));
    expect(scored([...many, full('outcome', '30'), full('satisfaction', '10')])).toEqual([null, null]);
  });

  it('levels that add up to 110 with the money: no total either', () =>
    expect(scored([full('output', '60'), full('outcome', '30'), full('satisfaction', '10')], { output: '60' })).toEqual([null, null]));
});

describe('the checks of the performance part', () => {
  it('执行率 below the province’s line (default 90%), and the line is a setting', () => {
    expect(codes(emptyPerformance(), { central: '100', disbursed: '89.99' })).toContain('perf_rate_below_line@funds.rate');
    expect(codes(emptyPerformance(), { central: '100', disbursed: '90' })).not.toContain('perf_rate_below_line@funds.rate');
    expect(codes(emptyPerformance(), { central: '100', disbursed: '85' }, '80')).not.toContain('perf_rate_below_line@funds.rate');
  });
  it('an indicator without 实际完成值', () => {
    const input = emptyPerformance();
    input.indicators = [ind({ target: '≥3000平方米', weight: '50' })];
    expect(codes(input)).toContain('perf_no_actual@actual#0');
  });
  it('weights not adding up to 100, and a level’s indicators not adding up to its weight', () => {
    const input = emptyPerformance();
    input.weights.output = '60';
    input.indicators = [ind({ target: '≥1个', actual: '1个', weight: '50' })];
    expect(codes(input)).toEqual(expect.arrayContaining(['perf_weights_sum@weights', 'perf_level_weight@weights.output']));
    input.weights.output = '50';
    expect(codes(input)).toEqual([]);
  });
  it('a 得分 typed above its 分值', () => {
    const input = emptyPerformance();
    input.weights = { output: '50', outcome: '30', satisfaction: '10' };
    input.indicators = [ind({ level1: 'outcome', target: '效果明显', actual: '达成预期指标', weight: '30', score: '35' })];
    expect(codes(input)).toContain('perf_score_over_weight@score#0');
  });
  it('a stated 得分 that differs from the rule’s, kept and flagged at its cell', () => {
    const input = emptyPerformance();
    input.indicators = [ind({ target: '≥550人次', actual: '20人次', weight: '50', score: '50' })];
    const p = computePerformance(input, { central: '100', disbursed: '100' });
    expect(p.indicators[0]).toMatchObject({ score: '50', computedScore: '1.82', finalScore: '1.82' });
    expect(codes(input)).toContain('perf_score_differs@score#0');
  });
  it('a qualitative score outside its band (达成预期 is 80–100% of the weight)', () => {
    const input = emptyPerformance();
    input.indicators = [ind({ level1: 'outcome', target: '效果明显', actual: '达成预期指标', weight: '30', score: '20' })];
    expect(codes(input)).toContain('perf_out_of_band@score#0');
    input.indicators[0].score = '24';
    expect(codes(input)).not.toContain('perf_out_of_band@score#0');
  });
  it('units that disagree are named at the cell, and nothing is scored', () => {
    const input = emptyPerformance();
    input.indicators = [ind({ target: '≥3000平方米', actual: '3个', weight: '50' })];
    const p = computePerformance(input, { central: '100', disbursed: '100' });
    expect(p.indicators[0].finalScore).toBeNull();
    expect(codes(input)).toEqual(expect.arrayContaining(['perf_unit_mismatch@actual#0', 'perf_not_scored@score#0']));
  });
  it('a stated 执行率 or 总分 that differs from the computed one', () => {
    const input = emptyPerformance();
    input.funds.statedRate = '100';
    input.statedTotal = '100';
    expect(codes(input, { central: '1500', disbursed: '1235.96' })).toEqual(
      expect.arrayContaining(['perf_stated_mismatch@funds.statedRate', 'perf_stated_mismatch@statedTotal']),
    );
    input.funds.statedRate = '82.4';
    input.statedTotal = '8.24';
    expect(codes(input, { central: '1500', disbursed: '1235.96' })).not.toContain('perf_stated_mismatch@funds.statedRate');
    expect(codes(input, { central: '1500', disbursed: '1235.96' })).not.toContain('perf_stated_mismatch@statedTotal');
  });
});

describe('the draft from table 二', () => {
  it('reads the quantities of the seed’s service centre: “不低于3000平方米” → ≥3000平方米', () => {
    const seed = demoRecord();
    const rows = draftIndicators(seed.items.slice(0, 1));
    expect(rows.map((r) => r.target)).toEqual(['≥3000平方米', '≥2家', '≥90%', '≥10家']);
    expect(rows.every((r) => r.level1 === 'output' && r.level2 === '数量指标')).toBe(true);
    // 45家 and 52家 both stand in the completion text: which is meant no reader can tell.
    expect(rows[3].actual).toBe('');
  });
  it('takes the one number of the same unit in 目标完成情况, and shares the weight exactly', () => {
    const rows = draftIndicators([
      { name: 'a', target: '培训不少于500人次', completion: '共培训620人次,覆盖12个村' },
      { name: 'b', target: '建设村级服务站点50个以上', completion: '建成站点48个,其中…' },
      { name: 'c', target: '提升物流效率', completion: '已完成' },
    ]);
    expect(rows.map((r) => [r.target, r.actual, r.weight])).toEqual([
      ['≥500人次', '620人次', '25'],
      ['≥50个', '48个', '25'],
    ]);
  });
  it('a range is met from its lower end, and a radius “以内” is a reach, not a limit (the seed’s own wording)', () => {
    const rows = draftIndicators([
      { name: 'a', target: '培养3-5名农村电商创业带头人', completion: '' },
      { name: 'b', target: '计划建设1至3个示范乡镇商贸中心', completion: '' },
      { name: 'c', target: '对周边15公里以内的中心村直营店提供配送服务', completion: '' },
      { name: 'd', target: '配送时效控制在48小时以内', completion: '' },
    ]);
    expect(rows.map((r) => r.target)).toEqual(['≥3名', '≥1个', '15公里', '≤48小时']);
  });
  it('nothing is scored silently: a clause with two quantities and no direction makes no row', () => {
    expect(draftIndicators([{ name: 'x', target: '建设2个中心3000平方米', completion: '' }])).toEqual([]);
  });
});

describe('the record carries its fourth part', () => {
  it('computeRecord follows the record’s figures and toInput gives back what was typed', () => {
    const seed = demoRecord();
    const record = computeRecord({ ...seed, performance: emptyPerformance() });
    expect(record.performance?.funds).toMatchObject({
      budget: '1500',
      executed: '1235.96',
      rate: '82.40',
      score: '8.24',
      from: { budget: 'record', executed: 'record' },
    });
  });
});
