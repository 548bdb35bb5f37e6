// The checks of record.md over a canonical record.
import { fen, type CountyRecord } from './record';
import { formatWan, percentOutside, statedRateAgrees, sumFen } from './money';
import { finding, type Finding } from './findings';
import { lastDayOf, today } from './ledger';
import { checkPerformance, recordFigures } from './performance';
import { PERFORMANCE_SEVERITY } from './performance-codes';
import { pushAll } from './arrays';
import { fold } from './text';

/** The basic facts a record may lack (a warning each); name, batch and year key it and cannot be missing. */
export const MISSABLE_FACTS = [
  'investment.total',
  'investment.central',
  'investment.localGov',
  'investment.social',
  'centralArrangedUse',
] as const;
type MissableFact = (typeof MISSABLE_FACTS)[number];
const countyMoney = (county: CountyRecord['county'], field: MissableFact): string | null =>
  field === 'centralArrangedUse'
    ? county.centralArrangedUse
    : county.investment[field.slice('investment.'.length) as keyof CountyRecord['county']['investment']];

/** What a record's line says of it (the sidebar, the overview): its county, its sums and rate, how many warnings and errors its checks found, and whether it lacks a basic fact. */
export type LineFigures = {
  county: string;
  planned: string;
  actual: string;
  rate: string | null;
  warnings: number;
  errors: number;
  incomplete: boolean;
};

/** A record's line from the record and its findings: the store's list and the open record as on screen alike. */
export function lineFigures(
  record: Pick<CountyRecord, 'county' | 'totals'>,
  findings: readonly Pick<Finding, 'severity' | 'code'>[],
): LineFigures {
  return {
    county: record.county.name,
    planned: record.totals.planned,
    actual: record.totals.actual,
    rate: record.totals.rate,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    errors: findings.filter((f) => f.severity === 'error').length,
    // A basic fact not given is a missing_fact finding (factFindings below).
    incomplete: findings.some((f) => f.code === 'missing_fact'),
  };
}

/**
 * The findings of a record, in parts: a part per row where a check looks at one row (keyed by the
 * row's index, only rows with findings), the record's own parts whole. checkRecord lists them in
 * this order; recheck() recomputes only the parts an edit touched.
 */
export type CheckParts = {
  /** A row without name, a 序号 given twice, a row of 类别 其他: by table, by row. */
  rows: { items: ReadonlyMap<number, Finding[]>; disbursements: ReadonlyMap<number, Finding[]> };
  /** Basic facts missing or not adding up, the totals against the facts. */
  facts: Finding[];
  /** A line's amounts: missing, over its plan, its stated rate. */
  amounts: ReadonlyMap<number, Finding[]>;
  /** The stated rate of 合计. */
  totalRate: Finding[];
  payments: Finding[];
  /** An item's 完成率 out of 0–100. */
  completion: ReadonlyMap<number, Finding[]>;
  performance: Finding[];
};
type RowTable = 'items' | 'disbursements';
type Row = CountyRecord['items'][number] | CountyRecord['disbursements'][number];

export function checkRecord(record: CountyRecord, options: { rateLine?: string } = {}): Finding[] {
  return findingsOf(checkParts(record, options));
}

/** The parts' findings, in checkRecord's order (the rows' in the order of the rows). */
export function findingsOf(parts: CheckParts): Finding[] {
  const out: Finding[] = [];
  const byRow = (m: ReadonlyMap<number, Finding[]>) => {
    for (const row of [...m.keys()].sort((a, b) => a - b)) pushAll(out, m.get(row)!);
  };
  byRow(parts.rows.items);
  byRow(parts.rows.disbursements);
  pushAll(out, parts.facts);
  byRow(parts.amounts);
  pushAll(out, parts.totalRate);
  pushAll(out, parts.payments);
  byRow(parts.completion);
  pushAll(out, parts.performance);
  return out;
}

export function checkParts(record: CountyRecord, options: { rateLine?: string } = {}): CheckParts {
  const amounts = new Map<number, Finding[]>();
  record.disbursements.forEach((d, index) => setRow(amounts, index, amountFindings(d, index)));
  const completion = new Map<number, Finding[]>();
  record.items.forEach((item, index) => setRow(completion, index, completionFindings(item, index)));
  return {
    rows: { items: rowChecks('items', record.items), disbursements: rowChecks('disbursements', record.disbursements) },
    facts: factFindings(record),
    amounts,
    totalRate: totalRateFindings(record),
    payments: paymentFindings(record),
    completion,
    performance: performanceFindings(record, options),
  };
}

/** Where each finding of checkRecord belongs among the parts; null if one is not of checkRecord's. */
export function partsOf(findings: readonly Finding[]): CheckParts | null {
  const parts = {
    rows: { items: new Map<number, Finding[]>(), disbursements: new Map<number, Finding[]>() },
    facts: [] as Finding[],
    amounts: new Map<number, Finding[]>(),
    totalRate: [] as Finding[],
    payments: [] as Finding[],
    completion: new Map<number, Finding[]>(),
    performance: [] as Finding[],
  };
  const add = (m: Map<number, Finding[]>, f: Finding) => m.set(f.target!.row!, [...(m.get(f.target!.row!) ?? []), f]);
  for (const f of findings) {
    const table = f.target?.table;
    const hasRow = f.target?.row !== undefined;
    if (ROW_CODES.has(f.code) && (table === 'items' || table === 'disbursements') && hasRow) add(parts.rows[table], f);
    else if (FACT_CODES.has(f.code)) parts.facts.push(f);
    else if (AMOUNT_CODES.has(f.code) && table === 'disbursements' && hasRow) add(parts.amounts, f);
    else if (f.code === 'stated_rate_mismatch' && table === 'totals') parts.totalRate.push(f);
    else if (PAYMENT_CODES.has(f.code)) parts.payments.push(f);
    else if (f.code === 'completion_out_of_range' && hasRow) add(parts.completion, f);
    else if (f.code in PERFORMANCE_SEVERITY) parts.performance.push(f);
    else return null;
  }
  return parts;
}
const ROW_CODES = new Set<string>(['missing_name', 'duplicate_seq', 'uncategorised']);
const FACT_CODES = new Set<string>([
  'missing_fact',
  'dates_out_of_order',
  'investment_sum',
  'planned_vs_central',
  'arranged_over_central',
  'disbursed_over_arranged',
]);
const AMOUNT_CODES = new Set<string>(['amount_missing', 'over_disbursed', 'stated_rate_mismatch']);
const PAYMENT_CODES = new Set<string>(['payment_after_acceptance', 'payment_after_as_of', 'duplicate_voucher', 'payment_no_payee']);

/** What changed from the record the parts were checked on: rows edited in place (by index), a 序号 among them. */
export type Touched = { items: ReadonlySet<number>; disbursements: ReadonlySet<number>; seq: { items: boolean; disbursements: boolean } };

/**
 * The parts of `record`, from those of `before` (the same record before rows were edited in place):
 * the rows touched, the facts and the totals are checked again, the rest kept. The ledger and
 * 四、绩效自评 are checked again only when they are not the objects they were. Equals
 * checkParts(record) whenever `parts` are those of `before` (test/unit/shared/recheck.test.ts).
 */
export function recheck(
  parts: CheckParts,
  before: CountyRecord,
  record: CountyRecord,
  touched: Touched,
  options: { rateLine?: string } = {},
): CheckParts {
  const rows = { ...parts.rows };
  for (const table of ['items', 'disbursements'] as const) {
    if (touched.seq[table]) rows[table] = rowChecks(table, record[table]);
    else if (touched[table].size) {
      const next = new Map(parts.rows[table]);
      for (const i of touched[table]) {
        const repeated = (parts.rows[table].get(i) ?? []).some((f) => f.code === 'duplicate_seq');
        setRow(next, i, rowFindings(table, record[table][i], i, repeated));
      }
      rows[table] = next;
    }
  }
  const amounts = new Map(parts.amounts);
  for (const i of touched.disbursements) setRow(amounts, i, amountFindings(record.disbursements[i], i));
  const completion = new Map(parts.completion);
  for (const i of touched.items) setRow(completion, i, completionFindings(record.items[i], i));
  const ledgerSame = record.payments === before.payments && record.county.acceptedOn === before.county.acceptedOn;
  const performanceSame = record.performance === before.performance;
  return {
    rows,
    facts: factFindings(record),
    amounts,
    totalRate: totalRateFindings(record),
    payments: ledgerSame ? parts.payments : paymentFindings(record),
    completion,
    performance: performanceSame ? parts.performance : performanceFindings(record, options),
  };
}

const performanceFindings = (record: CountyRecord, options: { rateLine?: string }) =>
  record.performance ? checkPerformance(record.performance, { ...options, figures: recordFigures(record) }) : [];

function setRow(m: Map<number, Finding[]>, row: number, findings: Finding[]): void {
  if (findings.length) m.set(row, findings);
  else m.delete(row);
}

/** A row's name, 序号 (given twice: `repeated`, an earlier row has it) and 类别. */
function rowFindings(table: RowTable, row: Row, index: number, repeated: boolean): Finding[] {
  const out: Finding[] = [];
  if (!row.name.trim()) out.push(finding('missing_name', { seq: String(row.seq) }, { table, row: index, field: 'name' }));
  if (repeated) out.push(finding('duplicate_seq', { seq: String(row.seq) }, { table, row: index, field: 'seq' }));
  if (row.category === 'other') out.push(finding('uncategorised', { name: row.name }, { table, row: index, field: 'category' }));
  return out;
}

function rowChecks(table: RowTable, rows: readonly Row[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    setRow(out, index, rowFindings(table, row, index, seen.has(row.seq)));
    seen.add(row.seq);
  });
  return out;
}

/**
 * 验收日期 before 立项时间, or before the 示范年度 began: one of them is mistyped. Dates are compared as far as
 * both are written (2021-09 against 2021-09-15 is no disorder).
 */
function dateOrderFindings(county: CountyRecord['county']): Finding[] {
  const accepted = county.acceptedOn;
  if (!accepted) return [];
  const before = (a: string, b: string) => a.slice(0, Math.min(a.length, b.length)) < b.slice(0, Math.min(a.length, b.length));
  const out: Finding[] = [];
  const at = { table: 'county' as const, field: 'acceptedOn' };
  if (county.approvedOn && before(accepted, county.approvedOn))
    out.push(
      finding(
        'dates_out_of_order',
        { field: 'county.acceptedOn', value: accepted, column: 'county.approvedOn', other: county.approvedOn },
        at,
      ),
    );
  if (before(accepted, String(county.year)))
    out.push(
      finding('dates_out_of_order', { field: 'county.acceptedOn', value: accepted, column: 'county.year', other: String(county.year) }, at),
    );
  return out;
}

/** A basic fact not given (the record is incomplete until a person completes it); facts and totals that disagree. */
function factFindings(record: CountyRecord): Finding[] {
  const out: Finding[] = [];
  const { county, disbursements, totals } = record;
  const inv = county.investment;
  for (const field of MISSABLE_FACTS)
    if (countyMoney(county, field) === null) out.push(finding('missing_fact', { field: `county.${field}` }, { table: 'county', field }));
  pushAll(out, dateOrderFindings(county));

  if (inv.total !== null && inv.central !== null && inv.localGov !== null && inv.social !== null) {
    const parts = sumFen([inv.central, inv.localGov, inv.social].map(fen));
    if (fen(inv.total) !== parts)
      out.push(finding('investment_sum', { total: inv.total, sum: formatWan(parts) }, { table: 'county', field: 'investment.total' }));
  }

  const planned = fen(totals.planned);
  const actual = fen(totals.actual);
  const central = inv.central === null ? null : fen(inv.central);
  const arranged = county.centralArrangedUse === null ? null : fen(county.centralArrangedUse);
  if (central !== null && disbursements.length > 0 && planned !== central)
    out.push(finding('planned_vs_central', { planned: totals.planned, central: inv.central! }, { table: 'totals', field: 'planned' }));
  if (arranged !== null && central !== null && arranged > central)
    out.push(
      finding(
        'arranged_over_central',
        { arranged: county.centralArrangedUse!, central: inv.central! },
        { table: 'county', field: 'centralArrangedUse' },
      ),
    );
  if (arranged !== null && actual > arranged)
    out.push(
      finding(
        'disbursed_over_arranged',
        { actual: totals.actual, arranged: county.centralArrangedUse! },
        { table: 'totals', field: 'actual' },
      ),
    );
  return out;
}

/** A line of table 三: an amount not entered, more paid than planned, a stated rate that disagrees. */
function amountFindings(d: CountyRecord['disbursements'][number], index: number): Finding[] {
  const out: Finding[] = [];
  for (const field of ['planned', 'actual'] as const)
    if (d[field] === null)
      out.push(finding('amount_missing', { name: d.name, seq: String(d.seq), field }, { table: 'disbursements', row: index, field }));
  if (d.planned === null || d.actual === null) return out;
  if (fen(d.actual) > fen(d.planned))
    out.push(
      finding(
        'over_disbursed',
        { name: d.name, actual: d.actual, planned: d.planned },
        { table: 'disbursements', row: index, field: 'actual' },
      ),
    );
  if (d.statedRate !== undefined && !statedRateAgrees(d.statedRate, fen(d.actual), fen(d.planned)))
    out.push(
      finding(
        'stated_rate_mismatch',
        { name: d.name, stated: d.statedRate, computed: d.rate ?? '—' },
        { table: 'disbursements', row: index, field: 'statedRate' },
      ),
    );
  return out;
}

function totalRateFindings({ totals }: CountyRecord): Finding[] {
  if (totals.statedRate === undefined || statedRateAgrees(totals.statedRate, fen(totals.actual), fen(totals.planned))) return [];
  return [
    finding(
      'stated_rate_mismatch',
      { name: '合计', stated: totals.statedRate, computed: totals.rate ?? '—' },
      { table: 'totals', field: 'statedRate' },
    ),
  ];
}

/** A voucher number as clerks mean it: 简/繁, full-width, case, spaces and the kind of dash make no other voucher (記－001 is 记-001). */
const voucherKey = (voucher: string) =>
  fold(voucher)
    .toLowerCase()
    .replace(/[‐‑‒–—―−-]/g, '-');

/** The ledger: payments after the acceptance day (or the figures' day), a voucher used twice, a payment without payee. */
function paymentFindings(record: CountyRecord): Finding[] {
  const out: Finding[] = [];
  const accepted = record.county.acceptedOn ? lastDayOf(record.county.acceptedOn) : null;
  const vouchers = new Map<string, number>();
  (record.payments ?? []).forEach((p, index) => {
    const target = (field: string) => ({ table: 'payments' as const, row: index, field });
    const line = String(p.line);
    if (accepted && p.date > accepted) out.push(finding('payment_after_acceptance', { line, date: p.date, accepted }, target('date')));
    // Without a 验收日期: a payment after today (the figures' day, when no earlier day is asked) is counted nowhere.
    else if (!accepted && record.asOf && p.date > record.asOf && record.asOf >= today())
      out.push(finding('payment_after_as_of', { line, date: p.date, asOf: record.asOf }, target('date')));
    const voucher = p.voucher.trim();
    if (voucher) {
      const key = voucherKey(voucher);
      if (vouchers.has(key))
        out.push(finding('duplicate_voucher', { line, voucher, other: String(vouchers.get(key)! + 1) }, target('voucher')));
      else vouchers.set(key, index);
    }
    if (!p.payee.trim()) out.push(finding('payment_no_payee', { line, date: p.date, amount: p.amount }, target('payee')));
  });
  return out;
}

function completionFindings(item: CountyRecord['items'][number], index: number): Finding[] {
  if (item.completionRate === null || !percentOutside(item.completionRate, 0, 100)) return [];
  return [
    finding(
      'completion_out_of_range',
      { name: item.name, value: item.completionRate },
      { table: 'items', row: index, field: 'completionRate' },
    ),
  ];
}
