// 四、绩效自评 as it crosses a boundary (zod). The computation is in performance.ts, which never loads zod.
import { z } from 'zod';
import { hasXmlUnsafe } from './text';

const money = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, { message: 'money: a non-negative decimal string in 万元, at most 6 decimals' });
/** A score or weight (分值, 得分): 0–999.99, at most 2 decimals. */
export const scoreSchema = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { message: 'score: a number from 0 to 999.99, at most 2 decimals' });
const percent = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, { message: 'percent: a decimal string' });
const xmlSafe = <T extends z.ZodString>(s: T) =>
  s.refine((t) => !hasXmlUnsafe(t), { message: 'text: holds a character Excel cannot store' });
const longText = xmlSafe(z.string().max(100_000));
const shortText = xmlSafe(z.string().max(200));

export const LEVEL1 = ['output', 'outcome', 'satisfaction'] as const;
export const level1Schema = z.enum(LEVEL1);

/** One row of 项目资金: 年初预算数, 全年预算数, 全年执行数 (万元); null while not entered. */
export const fundsRowSchema = z.object({ initial: money.nullable(), budget: money.nullable(), executed: money.nullable() });

export const indicatorSchema = z.object({
  level1: level1Schema,
  level2: shortText,
  /** 三级指标. */
  name: longText,
  /** 年度指标值 and 实际完成值, as written ("≥3000平方米", "达成预期指标"). */
  target: longText,
  actual: longText,
  /** 分值; null while not given. */
  weight: scoreSchema.nullable(),
  /** 得分 as a person typed it or a table stated it; null when none. */
  score: scoreSchema.nullable(),
  /** 偏差原因分析及改进措施. */
  deviation: longText,
});

export const performanceInputSchema = z.object({
  funds: fundsRowSchema.extend({
    /** 分值 of the money (the 资金 weight). */
    weight: scoreSchema,
    /** 执行率 and 得分 as a table stated them (kept beside the computed ones). */
    statedRate: percent.optional(),
    statedScore: scoreSchema.optional(),
    /** 其中: 本年财政拨款, 上年结转资金, 其他资金 (parts of the row above, never scored). */
    current: fundsRowSchema,
    carryover: fundsRowSchema,
    other: fundsRowSchema,
  }),
  goals: z.object({ expected: longText, achieved: longText }),
  /** The weights of the 一级指标 (the 资金 weight is funds.weight). */
  weights: z.object({ output: scoreSchema, outcome: scoreSchema, satisfaction: scoreSchema }),
  indicators: z.array(indicatorSchema).max(2000),
  /** 总分 as a table stated it. */
  statedTotal: scoreSchema.optional(),
});

export type Level1 = z.infer<typeof level1Schema>;
export type FundsRow = z.infer<typeof fundsRowSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type PerformanceInput = z.infer<typeof performanceInputSchema>;

const scoring = z.union([
  z.object({
    kind: z.literal('rule'),
    direction: z.enum(['ge', 'le']),
    target: z.string(),
    actual: z.string(),
    unit: z.string(),
    score: z.string(),
  }),
  z.object({
    kind: z.literal('user'),
    reason: z.enum(['qualitative', 'unit_mismatch', 'unread', 'no_actual', 'no_weight', 'direction']),
    band: z.enum(['reached', 'partly', 'missed']).optional(),
  }),
]);
/** The computed performance part, as `yanshou show --json` and getRecord give it. */
export const performanceSchema = z.object({
  funds: performanceInputSchema.shape.funds.extend({
    budget: money.nullable(),
    executed: money.nullable(),
    from: z.object({ budget: z.enum(['typed', 'record']), executed: z.enum(['typed', 'record']) }),
    rate: z.string().nullable(),
    score: z.string().nullable(),
  }),
  goals: performanceInputSchema.shape.goals,
  weights: performanceInputSchema.shape.weights,
  indicators: z.array(indicatorSchema.extend({ scoring, computedScore: z.string().nullable(), finalScore: z.string().nullable() })),
  total: z.string().nullable(),
  grade: z.enum(['优', '良', '中', '差']).nullable(),
  statedTotal: scoreSchema.optional(),
});
