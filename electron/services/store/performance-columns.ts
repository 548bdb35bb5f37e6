// Where each field of 四、绩效自评 is stored (performance, performance_indicators): money as
// integers of 分, scores and weights as decimal text.
import { PERFORMANCE_FIELD_NAMES } from '../../../shared/performance-names';

export const PERFORMANCE_FIELDS = PERFORMANCE_FIELD_NAMES;
export type PerformanceField = (typeof PERFORMANCE_FIELDS)[number];

export const PERFORMANCE_COLUMNS = {
  'funds.initial': { column: 'funds_initial_fen', money: true },
  'funds.budget': { column: 'funds_budget_fen', money: true },
  'funds.executed': { column: 'funds_executed_fen', money: true },
  'funds.weight': { column: 'funds_weight' },
  'funds.statedRate': { column: 'funds_stated_rate' },
  'funds.statedScore': { column: 'funds_stated_score' },
  'funds.current.initial': { column: 'current_initial_fen', money: true },
  'funds.current.budget': { column: 'current_budget_fen', money: true },
  'funds.current.executed': { column: 'current_executed_fen', money: true },
  'funds.carryover.initial': { column: 'carryover_initial_fen', money: true },
  'funds.carryover.budget': { column: 'carryover_budget_fen', money: true },
  'funds.carryover.executed': { column: 'carryover_executed_fen', money: true },
  'funds.other.initial': { column: 'other_initial_fen', money: true },
  'funds.other.budget': { column: 'other_budget_fen', money: true },
  'funds.other.executed': { column: 'other_executed_fen', money: true },
  'goals.expected': { column: 'goal_expected' },
  'goals.achieved': { column: 'goal_achieved' },
  'weights.output': { column: 'weight_output' },
  'weights.outcome': { column: 'weight_outcome' },
  'weights.satisfaction': { column: 'weight_satisfaction' },
  statedTotal: { column: 'stated_total' },
} as const satisfies { readonly [F in PerformanceField]: { column: string; money?: true } };

export const INDICATOR_FIELDS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export const INDICATOR_COLUMNS = {
  level1: { column: 'level1' },
  level2: { column: 'level2' },
  name: { column: 'name' },
  target: { column: 'target' },
  actual: { column: 'actual' },
  weight: { column: 'weight' },
  score: { column: 'score' },
  deviation: { column: 'deviation' },
} as const satisfies { readonly [F in IndicatorField]: { column: string } };
