// The field names of 四、绩效自评 — the part's and an indicator's — as the contract, the store
// (performance-columns.ts) and the screen name them. No zod here: the store's light commands load it.
/** The fields of 四、绩效自评's part, as the contract, the store (performance-columns.ts) and the screen name them. */
export const PERFORMANCE_FIELD_NAMES = [
  'funds.initial',
  'funds.budget',
  'funds.executed',
  'funds.weight',
  'funds.statedRate',
  'funds.statedScore',
  'funds.current.initial',
  'funds.current.budget',
  'funds.current.executed',
  'funds.carryover.initial',
  'funds.carryover.budget',
  'funds.carryover.executed',
  'funds.other.initial',
  'funds.other.budget',
  'funds.other.executed',
  'goals.expected',
  'goals.achieved',
  'weights.output',
  'weights.outcome',
  'weights.satisfaction',
  'statedTotal',
] as const;
/** The fields of an indicator a person types. */
export const INDICATOR_FIELD_NAMES = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'] as const;
export type IndicatorEditField = (typeof INDICATOR_FIELD_NAMES)[number];
