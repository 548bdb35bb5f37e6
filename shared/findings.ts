// Findings: what the checks of record.md and the import report, with a stable code, a severity
// and where it applies. Messages are made from the params in the reader's language (i18n.ts).

import { PERFORMANCE_SEVERITY } from './performance-codes';

export type Severity = 'error' | 'warning' | 'info';
export const FINDING_SEVERITY = {
  not_a_number: 'error',
  negative_amount: 'error',
  missing_name: 'error',
  duplicate_seq: 'error',
  investment_sum: 'warning',
  planned_vs_central: 'warning',
  arranged_over_central: 'warning',
  disbursed_over_arranged: 'warning',
  over_disbursed: 'warning',
  amount_missing: 'warning',
  stated_rate_mismatch: 'warning',
  stated_total_mismatch: 'warning',
  completion_out_of_range: 'warning',
  uncategorised: 'info',
  payment_after_acceptance: 'warning',
  payment_after_as_of: 'warning',
  duplicate_voucher: 'warning',
  payment_no_payee: 'info',
  // Import only: what a workbook must hold to make a record.
  not_a_date: 'error',
  missing_fact: 'warning',
  dates_out_of_order: 'warning',
  no_tables: 'error',
  duplicate_record: 'error',
  conflict: 'error',
  ambiguous_county: 'error',
  locked: 'error',
  out_of_scope: 'error',
  invalid_value: 'error',
  empty_table: 'error',
  extra_table: 'error',
  repeated_table: 'error',
  table_restated: 'info',
  missing_table: 'error',
  planned_zero: 'warning',
  summary_mismatch: 'warning',
  unknown_category: 'warning',
  unit_conflict: 'error',
  unit_unclear: 'error',
  scaled_format: 'warning',
  ambiguous_column: 'error',
  ledger_line_unmatched: 'error',
  ledger_unclaimed: 'error',
  part_only: 'error',
  ledger_mismatch: 'warning',
  ledger_kept_mismatch: 'warning',
  sheet_name_differs: 'warning',
  county_names_differ: 'warning',
  ledger_unread: 'error',
  hidden_table: 'error',
  ledger_no_line: 'error',
  fact_conflict: 'warning',
  amount_conflict: 'error',
  percent_fractions: 'warning',
  fraction_among_percents: 'warning',
  completion_in_words: 'warning',
  amount_format: 'warning',
  stated_day_not_kept: 'warning',
  amounts_in_yuan: 'info',
  ignored_cell: 'info',
  seq_restarted: 'info',
  // Import III: sheets that are not a county, merged amounts, labelled facts.
  sheet_not_read: 'info',
  rollup_mismatch: 'warning',
  rollup_county_missing: 'warning',
  rollup_total_mismatch: 'warning',
  merged_amount: 'error',
  merged_across: 'warning',
  merged_line: 'warning',
  batch_note: 'warning',
  year_conflict: 'warning',
  // Import only: what the reader met that is not a figure (item 5 of issue 27): a doubt each but drawing_note.
  amount_scale: 'warning',
  amount_implausible: 'warning',
  unit_in_cell: 'warning',
  book_unit_conflict: 'warning',
  ledger_scale: 'warning',
  amount_precision: 'warning',
  amount_sub_fen: 'warning',
  struck_row: 'warning',
  struck_text: 'warning',
  footnote_mark: 'warning',
  hidden_row: 'warning',
  hidden_column: 'warning',
  drawing_unit: 'warning',
  drawing_note: 'info',
  ledger_not_kept: 'error',
  header_unread: 'error',
  ...PERFORMANCE_SEVERITY,
  breakdown_only: 'error',
  unit_ambiguous: 'error',
} as const satisfies Record<string, Severity>;
export type FindingCode = keyof typeof FINDING_SEVERITY;

export type RecordTable = 'county' | 'items' | 'disbursements' | 'totals' | 'payments' | 'performance';
/** Where in a record a finding points: a table, a row index in it, a field (= grid column id). */
export type FindingTarget = { table: RecordTable; row?: number; field?: string };

export type Finding = {
  severity: Severity;
  code: FindingCode;
  params: Record<string, string>;
  target?: FindingTarget;
  /** Set by import: the workbook cell the finding comes from. */
  file?: string;
  sheet?: string;
  cell?: string;
};

export function finding(code: FindingCode, params: Record<string, string>, target?: FindingTarget): Finding {
  return { severity: FINDING_SEVERITY[code], code, params, ...(target ? { target } : {}) };
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/**
 * Doubts: findings a wrong reading of a cell produces (a unit taken wrong, a column mistaken, a
 * footnote digit glued on, a deleted line counted). An import writes no record with a doubt until a
 * person confirms it (docs/doubts.md says why each is one). Other warnings — a county that
 * over-disbursed a line, a payment after the acceptance day — are facts about the county a correct
 * reading also finds; they stay plain warnings.
 */
export const DOUBT_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'stated_total_mismatch',
  'planned_vs_central',
  'planned_zero',
  'summary_mismatch',
  'stated_rate_mismatch',
  'disbursed_over_arranged',
  'arranged_over_central',
  'investment_sum',
  /** Only on a line that states a rate (params.rated): a line with neither amount nor rate is "not entered". */
  'amount_missing',
  'amount_scale',
  'amount_implausible',
  'unit_in_cell',
  'book_unit_conflict',
  'ledger_scale',
  'amount_precision',
  'amount_sub_fen',
  'ledger_mismatch',
  'ledger_kept_mismatch',
  'perf_funds_scale',
  'perf_year_differs',
  'sheet_name_differs',
  'county_names_differ',
  'fact_conflict',
  'percent_fractions',
  'fraction_among_percents',
  'completion_in_words',
  'struck_row',
  'struck_text',
  'footnote_mark',
  'hidden_row',
  'hidden_column',
  'drawing_unit',
  'scaled_format',
  'amount_format',
  'rollup_mismatch',
  'rollup_total_mismatch',
  'merged_across',
  'merged_line',
  /** Only where the table's figure is several times the record's (params.times): a year's table may rightly differ a little. */
  'perf_funds_differs',
]);

export const isDoubt = (f: Finding): boolean =>
  f.severity === 'warning' &&
  DOUBT_CODES.has(f.code) &&
  (f.code !== 'amount_missing' || f.params.rated !== undefined) &&
  (f.code !== 'perf_funds_differs' || f.params.times !== undefined);
