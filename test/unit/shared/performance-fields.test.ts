// What a person types into 四、绩效自评, field by field, as the store, the grid and the import read
// it: scores and weights (0–999.99, two decimals, full-width digits and a trailing 分 understood),
// money in 万元, a stated rate, texts an Excel file can hold, the 一级指标 as counties write it, and
// each field's name in words.
import { describe, expect, it } from 'vitest';
import {
  level1Of,
  level1Weight,
  parseIndicatorField,
  parsePerformanceField,
  parseScore,
  performanceFieldLabel,
} from '../../../shared/performance-fields';

const value = (parsed: ReturnType<typeof parseScore>) => (parsed.ok ? parsed.value : `✗ ${parsed.problem} / ${parsed.problemEn}`);
const SCORE_PROBLEM = '✗ 应为 0 到 999.99 之间、最多两位小数的分数 / should be a score from 0 to 999.99 with at most 2 decimals';

describe('a score or a weight', () => {
  it.each([
    ['8.5', '8.5'],
    ['８.５', '8.5'],
    ['8.50分', '8.5'],
    [' 8 . 5 ', '8.5'],
    ['08', '8'],
    ['0', '0'],
    ['0.0', '0'],
    ['10.', '10'],
    ['100.00', '100'],
    ['999.99', '999.99'],
    ['', null],
    ['分', null],
    [null, null],
    [8.5, '8.5'],
    [12, '12'],
    [8.456, '8.46'],
  ] as const)('%j reads as %j', (raw, expected) => {
    expect(value(parseScore(raw))).toBe(expected);
  });

  it.each(['1000', '8.555', '-1', 'abc', '8,5', '1e2'])('%j is refused in words', (raw) => {
    expect(value(parseScore(raw))).toBe(SCORE_PROBLEM);
  });

  it('is refused as a number that is no number', () => {
    expect(value(parseScore(Number.NaN))).toBe(SCORE_PROBLEM);
    expect(value(parseScore(Number.POSITIVE_INFINITY))).toBe(SCORE_PROBLEM);
  });
});

describe('a field of the performance part', () => {
  it('of money reads 万元 exactly, blank as nothing, and refuses what is no amount', () => {
    expect(value(parsePerformanceField('funds.budget', '1500.50'))).toBe('1500.5');
    expect(value(parsePerformanceField('funds.current.initial', 300))).toBe('300');
    expect(value(parsePerformanceField('funds.other.executed', '  '))).toBeNull();
    expect(value(parsePerformanceField('funds.executed', null))).toBeNull();
    expect(value(parsePerformanceField('funds.initial', '一千'))).toBe('✗ 应为金额(万元) / should be an amount in 10k yuan');
  });

  it('of the stated rate reads a percentage, and refuses a negative one', () => {
    expect(value(parsePerformanceField('funds.statedRate', '82.4%'))).toBe('82.4');
    expect(value(parsePerformanceField('funds.statedRate', ''))).toBeNull();
    expect(value(parsePerformanceField('funds.statedRate', null))).toBeNull();
    expect(value(parsePerformanceField('funds.statedRate', '-5%'))).toBe('✗ 应为百分数 / should be a percent');
    expect(value(parsePerformanceField('funds.statedRate', '很高'))).toBe('✗ 应为百分数 / should be a percent');
  });

  it('of a weight must not be blank; a stated score or total may', () => {
    expect(value(parsePerformanceField('weights.output', '50分'))).toBe('50');
    expect(value(parsePerformanceField('funds.weight', ''))).toBe('✗ 不能为空 / must not be blank');
    expect(value(parsePerformanceField('weights.satisfaction', null))).toBe('✗ 不能为空 / must not be blank');
    expect(value(parsePerformanceField('funds.weight', '1000'))).toBe(SCORE_PROBLEM);
    expect(value(parsePerformanceField('funds.statedScore', ''))).toBeNull();
    expect(value(parsePerformanceField('statedTotal', '91.50'))).toBe('91.5');
  });

  it('of the goals keeps the text, up to 100,000 characters an Excel file can hold', () => {
    expect(value(parsePerformanceField('goals.expected', '建成县级服务中心\n培训 1000 人次'))).toBe('建成县级服务中心\n培训 1000 人次');
    expect(value(parsePerformanceField('goals.achieved', null))).toBe('');
    expect(value(parsePerformanceField('goals.achieved', 'x'.repeat(100_000)))).toHaveLength(100_000);
    expect(value(parsePerformanceField('goals.achieved', 'x'.repeat(100_001)))).toBe(
      '✗ 超过 100000 个字符 / is longer than 100000 characters',
    );
    expect(value(parsePerformanceField('goals.expected', '目标\u0001'))).toBe(
      '✗ 含有 Excel 无法保存的字符 / holds a character Excel cannot store',
    );
  });

  it('that does not exist is refused', () => {
    expect(value(parsePerformanceField('funds.total', '1'))).toBe('✗ 不是绩效自评的字段 / is not a field of the performance part');
    expect(value(parsePerformanceField('funds.current', '1'))).toBe('✗ 不是绩效自评的字段 / is not a field of the performance part');
  });
});

describe('a field of an indicator', () => {
  it.each([
    ['产出指标', 'output'],
    ['产 出 指 标', 'output'],
    ['產出指標', 'output'],
    ['产出', 'output'],
    ['Output', 'output'],
    ['效益指标（30）', 'outcome'],
    ['效益指标(30分)', 'outcome'],
    ['满意度', 'satisfaction'],
    ['服务对象满意度指标', 'satisfaction'],
  ])('一级指标 %j is %s', (raw, level) => {
    expect(value(parseIndicatorField('level1', raw))).toBe(level);
    expect(level1Of(raw)).toBe(level);
  });

  it('一级指标 that is none of the three is refused naming them', () => {
    const problem =
      '✗ 应为 产出指标、效益指标 或 满意度指标 / should be 产出指标 (output), 效益指标 (outcome) or 满意度指标 (satisfaction)';
    expect(value(parseIndicatorField('level1', '其他指标'))).toBe(problem);
    expect(value(parseIndicatorField('level1', null))).toBe(problem);
    expect(level1Of('产出指标合计')).toBeUndefined();
  });

  it('一级指标 may state its weight after it', () => {
    expect(level1Weight('产出指标(50分)')).toBe('50');
    expect(level1Weight('效益指标（30）')).toBe('30');
    expect(level1Weight('满意度指标(7.5分)')).toBe('7.5');
    expect(level1Weight('产出指标')).toBeUndefined();
    expect(level1Weight('产出指标(50分)合计')).toBeUndefined();
  });

  it('weight and score read as scores; 二级指标 up to 200 characters, the others up to 100,000', () => {
    expect(value(parseIndicatorField('weight', '10分'))).toBe('10');
    expect(value(parseIndicatorField('score', ''))).toBeNull();
    expect(value(parseIndicatorField('score', '1000'))).toBe(SCORE_PROBLEM);
    expect(value(parseIndicatorField('level2', 'x'.repeat(200)))).toHaveLength(200);
    expect(value(parseIndicatorField('level2', 'x'.repeat(201)))).toBe('✗ 超过 200 个字符 / is longer than 200 characters');
    for (const field of ['name', 'target', 'actual', 'deviation']) {
      expect(value(parseIndicatorField(field, 'x'.repeat(201)))).toHaveLength(201);
      expect(value(parseIndicatorField(field, 3000))).toBe('3000');
    }
    expect(value(parseIndicatorField('grade', '优'))).toBe('✗ 不是绩效指标的字段 / is not a field of an indicator');
  });
});

describe('a field’s name in words', () => {
  it('in Chinese and in English, a part of the money named with its row', () => {
    expect(performanceFieldLabel('funds.current.executed')).toBe('其中:本年财政拨款 全年执行数');
    expect(performanceFieldLabel('funds.carryover.initial', 'en')).toBe('of which: carried over initial budget');
    expect(performanceFieldLabel('funds.statedRate')).toBe('执行率(填报)');
    expect(performanceFieldLabel('deviation', 'en')).toBe('deviation and remedy');
    expect(performanceFieldLabel('funds.current.weight')).toBe('funds.current.weight');
    expect(performanceFieldLabel('grade', 'en')).toBe('grade');
  });
});
