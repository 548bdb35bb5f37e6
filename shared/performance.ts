// 四、绩效自评 (../spec/performance-evaluation.md): the record's fourth part, computed from what a
// person or a table gave and from the record's own figures. Stated values (a table's 执行率, 得分,
// 总分) are kept beside the computed ones; each difference is a finding at its cell.
import { fenOfDecimal, rate, statedRateAgrees } from './money';
import { finding, type Finding } from './findings';
import { pushAll } from './arrays';
import type { FundsRow, Indicator, Level1, PerformanceInput } from './performance-schema';
import {
  compareScores,
  fundsScore,
  gradeOf,
  inBand,
  parseQuantity,
  QUALITATIVE_BANDS,
  score2,
  scoreIndicator,
  sumScores,
  type Grade,
  type Scoring,
} from './performance-rules';

export type { FundsRow, Indicator, Level1, PerformanceInput } from './performance-schema';
export const LEVEL1 = ['output', 'outcome', 'satisfaction'] as const;

export const LEVEL1_LABELS: Record<Level1, [string, string]> = {
  output: ['产出指标', 'Output'],
  outcome: ['效益指标', 'Outcome'],
  satisfaction: ['满意度指标', 'Satisfaction'],
};
export const LEVEL2_OPTIONS: Record<Level1, readonly string[]> = {
  output: ['数量指标', '质量指标', '时效指标', '成本指标'],
  outcome: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  satisfaction: ['服务对象满意度指标'],
};
export const DEFAULT_WEIGHTS = { funds: '10', output: '50', outcome: '30', satisfaction: '10' } as const;
/** The province's line for the funds' 执行率 (a setting; this is its default). */
export const DEFAULT_RATE_LINE = '90';

const EMPTY_ROW: FundsRow = { initial: null, budget: null, executed: null };
/** A new performance part: the money prefilled from the record (null = follow it), default weights. */
export function emptyPerformance(): PerformanceInput {
  return {
    funds: { ...EMPTY_ROW, weight: DEFAULT_WEIGHTS.funds, current: { ...EMPTY_ROW }, carryover: { ...EMPTY_ROW }, other: { ...EMPTY_ROW } },
    goals: { expected: '', achieved: '' },
    weights: { output: DEFAULT_WEIGHTS.output, outcome: DEFAULT_WEIGHTS.outcome, satisfaction: DEFAULT_WEIGHTS.satisfaction },
    indicators: [],
  };
}

export type PerformanceFunds = {
  initial: string | null;
  /** 全年预算数: as typed, else the record's 中央资金. */
  budget: string | null;
  /** 全年执行数: as typed, else Σ实际拨付额度 as of the record's day. */
  executed: string | null;
  /** Where budget and executed come from: typed, or the record (central funds; the disbursements). */
  from: { budget: 'typed' | 'record'; executed: 'typed' | 'record' };
  weight: string;
  /** 执行数 / 预算数 × 100, half up to 2 decimals; null without a budget. */
  rate: string | null;
  /** 分值 × min(执行率, 1), half up to 2 decimals. */
  score: string | null;
  statedRate?: string;
  statedScore?: string;
  current: FundsRow;
  carryover: FundsRow;
  other: FundsRow;
};
export type PerformanceIndicator = Indicator & {
  /** How the rules scored it, or why it is the person's to score. */
  scoring: Scoring;
  /** The rule's score (null when a person scores it). */
  computedScore: string | null;
  /** What counts in the total: the rule's score, else the person's. */
  finalScore: string | null;
};
export type Performance = {
  funds: PerformanceFunds;
  goals: PerformanceInput['goals'];
  weights: PerformanceInput['weights'];
  indicators: PerformanceIndicator[];
  /**
   * 资金得分 + Σ指标得分, half up to 2 decimals; null while the weights do not add up (Σ权重 ≠ 100, or
   * a level's Σ分值 ≠ its weight): a total over a table whose weights are wrong is no score (it could
   * pass 100), so none is given or graded until they are mended (the findings say where).
   */
  total: string | null;
  grade: Grade | null;
  statedTotal?: string;
};

/** The record's 中央资金 (null where the record lacks it: the budget then stays empty) and Σ实际拨付额度. */
export type RecordFigures = { central: string | null; disbursed: string };

/** The figures a record gives its performance part. */
export function recordFigures(record: { county: { investment: { central: string | null } }; totals: { actual: string } }): RecordFigures {
  return { central: record.county.investment.central, disbursed: record.totals.actual };
}

/**
 * A typed 全年预算数 or 全年执行数 (a table's, as imported) that is not the record's 中央资金 or
 * Σ实际拨付额度: kept as stated, flagged at its cell — two 执行率 for one county are never shown unflagged.
 */
function fundsAgainstRecord(funds: PerformanceFunds, figures: RecordFigures): Finding[] {
  const sides = [
    {
      field: 'budget',
      stated: funds.budget,
      record: figures.central,
      what: ['全年预算数', 'annual budget'],
      source: ['中央资金', 'central funds'],
    },
    {
      field: 'executed',
      stated: funds.executed,
      record: figures.disbursed,
      what: ['全年执行数', 'annual execution'],
      source: ['表三实际拨付额度合计', "table 三's total disbursed"],
    },
  ] as const;
  return sides
    .filter((s) => funds.from[s.field] === 'typed' && s.stated !== null && s.record !== null)
    .filter((s) => fenOfDecimal(s.stated!) !== fenOfDecimal(s.record!))
    .map((s) =>
      finding(
        'perf_funds_differs',
        {
          ...{ what: s.what[0], whatEn: s.what[1], stated: s.stated!, source: s.source[0], sourceEn: s.source[1], record: s.record! },
          ...timesOver(s.stated!, s.record!),
        },
        { table: 'performance', field: `funds.${s.field}` },
      ),
    );
}

/** How many times the record's figure a table's is, when it is at least FAR_OVER times (8500 against 1000: 8.5; tenths half up): a year's table does not differ so. */
const FAR_OVER = 3n;
function timesOver(stated: string, record: string): { times?: string } {
  const [a, b] = [fenOfDecimal(stated) ?? 0n, fenOfDecimal(record) ?? 0n];
  if (b <= 0n || a < FAR_OVER * b) return {};
  const tenths = ((a * 100n) / b + 5n) / 10n;
  return { times: `${tenths / 10n}${tenths % 10n ? `.${tenths % 10n}` : ''}` };
}

export function computePerformance(input: PerformanceInput, figures: RecordFigures): Performance {
  const f = input.funds;
  const budget = f.budget ?? figures.central;
  const executed = f.executed ?? figures.disbursed;
  const budgetFen = budget === null ? 0n : (fenOfDecimal(budget) ?? 0n);
  const executedFen = fenOfDecimal(executed) ?? 0n;
  const funds: PerformanceFunds = {
    initial: f.initial,
    budget,
    executed,
    from: { budget: f.budget === null ? 'record' : 'typed', executed: f.executed === null ? 'record' : 'typed' },
    weight: f.weight,
    rate: rate(executedFen, budgetFen),
    score: fundsScore(executedFen, budgetFen, f.weight),
    ...(f.statedRate !== undefined ? { statedRate: f.statedRate } : {}),
    ...(f.statedScore !== undefined ? { statedScore: f.statedScore } : {}),
    current: f.current,
    carryover: f.carryover,
    other: f.other,
  };
  const indicators = input.indicators.map((ind): PerformanceIndicator => {
    const scoring = scoreIndicator(ind);
    const computedScore = scoring.kind === 'rule' ? scoring.score : null;
    return { ...ind, scoring, computedScore, finalScore: computedScore ?? (ind.score === null ? null : score2(ind.score)) };
  });
  const total = weightsAddUp(f.weight, input.weights, indicators)
    ? sumScores([funds.score ?? '0', ...indicators.map((i) => i.finalScore ?? '0')])
    : null;
  return {
    funds,
    goals: input.goals,
    weights: input.weights,
    indicators,
    total,
    grade: total === null ? null : gradeOf(total),
    ...(input.statedTotal !== undefined ? { statedTotal: input.statedTotal } : {}),
  };
}

/** The weights add up: money + the three levels = 100, and each level's 分值 (where given) to its weight. */
function weightsAddUp(funds: string, weights: PerformanceInput['weights'], indicators: readonly Indicator[]): boolean {
  if (compareScores(sumScores([funds, weights.output, weights.outcome, weights.satisfaction]), '100') !== 0) return false;
  return (['output', 'outcome', 'satisfaction'] as const).every((level) => {
    const rows = indicators.filter((i) => i.level1 === level);
    return rows.every((r) => r.weight === null) || compareScores(sumScores(rows.map((r) => r.weight ?? '0')), weights[level]) === 0;
  });
}

/** The input part of a computed performance part (drops what is computed; prefilled money stays null). */
export function performanceInputOf(p: Performance): PerformanceInput {
  const { funds: f } = p;
  return {
    funds: {
      initial: f.initial,
      budget: f.from.budget === 'typed' ? f.budget : null,
      executed: f.from.executed === 'typed' ? f.executed : null,
      weight: f.weight,
      ...(f.statedRate !== undefined ? { statedRate: f.statedRate } : {}),
      ...(f.statedScore !== undefined ? { statedScore: f.statedScore } : {}),
      current: f.current,
      carryover: f.carryover,
      other: f.other,
    },
    goals: p.goals,
    weights: p.weights,
    indicators: p.indicators.map(({ level1, level2, name, target, actual, weight, score, deviation }) => ({
      level1,
      level2,
      name,
      target,
      actual,
      weight,
      score,
      deviation,
    })),
    ...(p.statedTotal !== undefined ? { statedTotal: p.statedTotal } : {}),
  };
}

export const level1Label = (level: Level1, lang: 'zh' | 'en' = 'zh') => LEVEL1_LABELS[level][lang === 'zh' ? 0 : 1];

/** Where a finding of the performance part points: a field of it, or a field of an indicator's row. */
const at = (field: string, row?: number) => ({ table: 'performance' as const, ...(row !== undefined ? { row } : {}), field });

/**
 * The checks of the performance part: 执行率 below the province's line, indicators without 实际完成值,
 * weights that do not add up to 100 (and the indicators of a level to its weight), a 得分 above its
 * 分值, what the rules could not score, and each stated value that differs from the computed one.
 */
export function checkPerformance(p: Performance, options: { rateLine?: string; figures?: RecordFigures } = {}): Finding[] {
  const out = [...fundsFindings(p.funds, options.rateLine ?? DEFAULT_RATE_LINE, options.figures), ...weightFindings(p)];
  p.indicators.forEach((ind, index) => pushAll(out, indicatorFindings(ind, index)));
  if (p.statedTotal !== undefined && p.total !== null && compareScores(p.statedTotal, p.total) !== 0)
    out.push(
      finding('perf_stated_mismatch', { what: '总分', whatEn: 'total', stated: p.statedTotal, computed: p.total }, at('statedTotal')),
    );
  return out;
}

/**
 * 资金执行率 below the province's line; 全年预算数 or 全年执行数 not the record's (when its figures are given);
 * a stated 执行率 or 资金得分 that differs from the computed one.
 */
function fundsFindings(funds: Performance['funds'], line: string, figures?: RecordFigures): Finding[] {
  const out: Finding[] = [];
  if (funds.rate !== null && compareScores(funds.rate, line) === -1)
    out.push(finding('perf_rate_below_line', { rate: funds.rate, line }, at('funds.rate')));
  if (figures) pushAll(out, fundsAgainstRecord(funds, figures));
  const fenOf = (m: string | null) => (m === null ? 0n : (fenOfDecimal(m) ?? 0n));
  if (funds.statedRate !== undefined && !statedRateAgrees(funds.statedRate, fenOf(funds.executed), fenOf(funds.budget)))
    out.push(
      finding(
        'perf_stated_mismatch',
        { what: '执行率', whatEn: 'execution rate', stated: `${funds.statedRate}%`, computed: `${funds.rate ?? '—'}%` },
        at('funds.statedRate'),
      ),
    );
  if (funds.statedScore !== undefined && compareScores(funds.statedScore, funds.score ?? '0') !== 0)
    out.push(
      finding(
        'perf_stated_mismatch',
        { what: '资金得分', whatEn: 'funds score', stated: funds.statedScore, computed: funds.score ?? '—' },
        at('funds.statedScore'),
      ),
    );
  return out;
}

/** The four weights not adding up to 100; a level's indicators whose 分值 do not add up to its weight. */
function weightFindings(p: Performance): Finding[] {
  const out: Finding[] = [];
  const { funds, weights } = p;
  const sum = sumScores([funds.weight, weights.output, weights.outcome, weights.satisfaction]);
  if (compareScores(sum, '100') !== 0)
    out.push(
      finding(
        'perf_weights_sum',
        { sum, funds: funds.weight, output: weights.output, outcome: weights.outcome, satisfaction: weights.satisfaction },
        at('weights'),
      ),
    );
  for (const level of ['output', 'outcome', 'satisfaction'] as const) {
    const rows = p.indicators.filter((i) => i.level1 === level);
    // A table without 分值 per indicator (a 20 + 80 form) states the level's weight only.
    if (rows.every((r) => r.weight === null)) continue;
    const levelSum = sumScores(rows.map((r) => r.weight ?? '0'));
    if (compareScores(levelSum, weights[level]) !== 0)
      out.push(
        finding(
          'perf_level_weight',
          { level: LEVEL1_LABELS[level][0], sum: levelSum, weight: score2(weights[level]) },
          at(`weights.${level}`),
        ),
      );
  }
  return out;
}

/** An indicator (row `index`): no 实际完成值, a 得分 above its 分值 or not the rule's, what the rules could not score and why, a 得分 outside its band. */
function indicatorFindings(ind: Performance['indicators'][number], index: number): Finding[] {
  const out: Finding[] = [];
  const row = String(index + 1);
  const name = ind.name || ind.level2 || LEVEL1_LABELS[ind.level1][0];
  if (!ind.actual.trim()) out.push(finding('perf_no_actual', { row, name }, at('actual', index)));
  if (ind.score !== null && ind.weight !== null && compareScores(ind.score, ind.weight) === 1)
    out.push(finding('perf_score_over_weight', { row, name, score: ind.score, weight: ind.weight }, at('score', index)));
  const s = ind.scoring;
  if (s.kind === 'rule') {
    if (ind.score !== null && compareScores(ind.score, s.score) !== 0)
      out.push(finding('perf_score_differs', { row, name, stated: score2(ind.score), computed: s.score }, at('score', index)));
    return out;
  }
  if (s.reason === 'unit_mismatch')
    out.push(finding('perf_unit_mismatch', { row, name, target: ind.target, actual: ind.actual }, at('actual', index)));
  if (s.reason === 'unread') {
    const targetUnread = parseQuantity(ind.target) === null;
    out.push(
      finding('perf_unread', { row, name, value: targetUnread ? ind.target : ind.actual }, at(targetUnread ? 'target' : 'actual', index)),
    );
  }
  if (s.reason === 'direction') out.push(finding('perf_direction', { row, name, target: ind.target }, at('target', index)));
  if (ind.score === null) {
    if (ind.actual.trim()) out.push(finding('perf_not_scored', { row, name }, at('score', index)));
  } else if (s.band && ind.weight !== null && !inBand(s.band, ind.score, ind.weight)) {
    const band = QUALITATIVE_BANDS.find((b) => b.key === s.band)!;
    out.push(
      finding(
        'perf_out_of_band',
        { row, name, result: ind.actual, low: String(band.low), high: String(band.high), score: ind.score, weight: ind.weight },
        at('score', index),
      ),
    );
  }
  return out;
}

export { gradeOf, GRADE_EN, type Grade } from './performance-rules';
