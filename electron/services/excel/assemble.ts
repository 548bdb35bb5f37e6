// Record: one county put together from its parts (blocks of one or several sheets): exact money,
// the checks of record.md, the stated totals and sentences checked against the rows, and every
// finding pinned to the cell it comes from.
import { checkRecord } from '../../../shared/checks';
import { finding, hasErrors, type Finding, type FindingTarget } from '../../../shared/findings';
import { decimalsOf, formatWan, statedRateAgrees, sumFen, type AmountUnit } from '../../../shared/money';
import { CATEGORIES, fold, type Category } from '../../../shared/text';
import { computeRecord, fen, fenOrZero, type RecordInput } from '../../../shared/record';
import { recordInputSchema } from '../../../shared/schema';
import type { SheetMeta } from './layout';
import type { Block } from './locate';
import type { TableRead } from './rows';
import { ledgerMismatches, readLedger, titleDay } from './ledger';
import { defaultAsOf } from '../../../shared/ledger';
import type { Doubt, SheetReading } from '../../../shared/doubts';
import { maxOf, pushAll } from '../../../shared/arrays';

/** The units a county's amounts were written in: wan (万元), yuan (元, converted), yi (亿元), or mixed. */
export type UnitRead = 'wan' | 'yuan' | 'qian' | 'yi' | 'mixed';

/** One county found in a workbook. `input` is null when its errors leave no record to make. */
export type ReadRecord = {
  file: string;
  sheet: string;
  input: RecordInput | null;
  findings: Finding[];
  /** What is known of the county even when there is no record. */
  county?: { name: string; batch: number | null };
  unit: UnitRead | null;
  /** Where the county's stated 合计 stands (a roll-up's cross-check names it). */
  totalsAt?: { sheet: string; planned?: string; actual?: string };
  /** Its doubts, each figure beside what the sheet showed (import.ts adds them). */
  doubts?: Doubt[];
  /** How its sheets' table 三 was read, for a person to correct. */
  readings?: SheetReading[];
};

/** What keys a record: without these there is no record to make (refused). The money facts may be missing (a warning). */
const REQUIRED_FACTS = ['name', 'batch', 'year'] as const;

const validCategory = (c: string | undefined): Category | undefined =>
  (CATEGORIES as readonly string[]).includes(c ?? '') ? (c as Category) : undefined;

function place(f: Finding, file: string, sheet: string, cell?: string): Finding {
  return { ...f, file, sheet, ...(cell ? { cell } : {}) };
}

function unitRead(units: Set<AmountUnit>): UnitRead | null {
  if (units.size === 0) return null;
  return units.size === 1 ? [...units][0] : 'mixed';
}

/** Puts one county together from its blocks, checks it, and pins each finding to a cell. */
/** A cell's text that is a figure: 775, 1,234.56, 82.6%. */
const NUMBER = /^[\s+\-−]?[\d,，]*\d[\d,，]*(\.\d+)?\s*[%％]?$/;

export function assemble(file: string, anchor: Block, parts: Block[], meta: SheetMeta | undefined, partFindings: Finding[]): ReadRecord {
  const facts = anchor.facts;
  for (const p of parts) if (p !== anchor) facts.merge(p.facts);
  const findings = [...partFindings, ...facts.findings];
  const sheet = anchor.sheet;
  const tables = parts.flatMap((p) => p.tables);
  const pick = (kind: TableRead['kind']): TableRead | undefined => {
    const [first, ...extra] = tables.filter((t) => t.kind === kind);
    for (const t of extra)
      findings.push(
        place(
          finding('extra_table', { table: kind, other: `${tableSheet(first!)} › ${first!.header.nameCell.address}` }),
          file,
          tableSheet(t),
          t.header.nameCell.address,
        ),
      );
    return first;
  };
  const tableSheet = (t: TableRead) => parts.find((p) => p.tables.includes(t))!.sheet;
  const items = pick('items');
  const disbursements = pick('disbursements');
  const units = new Set<AmountUnit>([...facts.units, ...tables.flatMap((t) => [...t.units])]);
  const base = {
    file,
    sheet,
    county: facts.values.name ? { name: facts.values.name, batch: facts.values.batch ?? null } : undefined,
    unit: unitRead(units),
  };

  // No table for a county whose facts were read: named where its facts stand.
  if (!items && !disbursements) findings.push(place(finding('no_tables', {}), file, sheet, anchor.factsCell));
  else if (!items || !disbursements) {
    // Numbers standing outside every table while a table is missing are most likely its rows; so are
    // numbers in columns a found table could not name (the missing table beside it, header to header).
    const stray = partFindings.find(
      (f) =>
        f.code === 'ignored_cell' && (f.params.reason === 'number' || (f.params.reason === 'column' && NUMBER.test(f.params.value ?? ''))),
    );
    if (stray)
      findings.push(
        place(
          finding('missing_table', { table: items ? 'disbursements' : 'items', at: stray.cell!, value: stray.params.value }),
          file,
          stray.sheet!,
          stray.cell,
        ),
      );
  }
  // Where the facts were looked for: the paragraph, the facts table or the title that holds the county's facts.
  const factsPart = [anchor, ...parts].find((p) => p.bodyFactsCell) ?? [anchor, ...parts].find((p) => p.factsCell);
  const factsAt = factsPart?.bodyFactsCell ?? factsPart?.factsCell;
  for (const fact of REQUIRED_FACTS)
    if (facts.values[fact] === undefined && !findings.some((f) => f.params.field === `county.${fact}` || f.params.field === fact))
      findings.push(
        place(
          {
            ...finding('missing_fact', {
              field: `county.${fact}`,
              key: 'true',
              ...(factsAt ? { where: `${factsPart!.sheet} › ${factsAt}` } : {}),
            }),
            severity: 'error',
          },
          file,
          factsPart?.sheet ?? sheet,
          factsAt,
        ),
      );
  const yuanCells = tables.flatMap((t) => t.unitCells.map((c) => `${tableSheet(t)} › ${c.address}`));
  if (units.has('yuan') || units.has('qian') || units.has('yi')) {
    const source = [
      ...new Set(
        yuanCells.length
          ? yuanCells
          : Object.entries(facts.cells)
              .filter(([k]) => k.startsWith('investment') || k === 'centralArrangedUse')
              .map(([, c]) => c),
      ),
    ].join(', ');
    const first = tables.find((t) => t.unitCells.length);
    findings.push(place(finding('amounts_in_yuan', { source }), file, first ? tableSheet(first) : sheet, first?.unitCells[0].address));
  }
  if (hasErrors(findings)) return { ...base, input: null, findings };

  const itemRows = (items?.items ?? []).map((row) => ({
    ...row,
    category: validCategory(meta?.items.find((x) => x.seq === row.seq && fold(x.name) === fold(row.name))?.category) ?? row.category,
  }));
  const disbursementRows = (disbursements?.disbursements ?? []).map((row, i) => {
    const m = meta?.disbursements.find((x) => x.seq === row.seq && fold(x.name) === fold(row.name));
    const statedRate = disbursements!.computedRate[i] ? m?.statedRate : row.statedRate;
    const { statedRate: _s, ...rest } = row;
    return { ...rest, category: validCategory(m?.category) ?? row.category, ...(statedRate !== undefined ? { statedRate } : {}) };
  });
  // The ledger: every payment on a line of table 三, or the record is refused naming the cell.
  const ledgerTables = tables.filter((t) => t.kind === 'payments');
  const ledger = readLedger(
    file,
    ledgerTables.map((table) => ({ table, sheet: tableSheet(table) })),
    disbursementRows,
    disbursements?.renumbered === true,
  );
  pushAll(findings, ledger.findings);
  if (hasErrors(findings)) return { ...base, input: null, findings };
  const summaries = parts.flatMap((p) => p.summaries.map((x) => ({ ...x, sheet: p.sheet })));
  // The day the sheet's figures are stated for: its summary sentence's, else its ledger title's.
  const statedDay = summaries.find((x) => x.asOf)?.asOf ?? titleDay(parts.flatMap((p) => p.ledgerTitles));
  const total = disbursements?.totals[0];
  const totalsStated = total ? (total.statedRate ?? meta?.totalsStatedRate) : undefined;
  const v = facts.values;
  const candidate = {
    county: {
      name: v.name!,
      province: v.province ?? meta?.province ?? null,
      prefecture: v.prefecture ?? meta?.prefecture ?? null,
      batch: v.batch!,
      year: v.year!,
      approvedOn: v.approvedOn ?? null,
      acceptedOn: v.acceptedOn ?? meta?.acceptedOn ?? null,
      // A fact the sheet does not give stays empty: the record lands incomplete, with a warning per fact.
      investment: {
        total: v['investment.total'] ?? null,
        central: v['investment.central'] ?? null,
        localGov: v['investment.localGov'] ?? null,
        social: v['investment.social'] ?? null,
      },
      centralArrangedUse: v.centralArrangedUse ?? null,
      statusNote: v.statusNote ?? '',
    },
    items: itemRows,
    disbursements: disbursementRows,
    ...(totalsStated !== undefined ? { totals: { statedRate: totalsStated } } : {}),
    ...(ledger.payments.length ? { payments: ledger.payments } : {}),
  };
  const where = (target: FindingTarget | undefined): { sheet: string; cell?: string } => {
    if (!target) return { sheet };
    if (target.table === 'county') {
      const field = target.field ?? '';
      // A fact not given: where the facts were looked for.
      if (!facts.cells[field]) return { sheet: factsPart?.sheet ?? sheet, cell: factsAt };
      return { sheet: facts.sheets[field] ?? sheet, cell: facts.cells[field] };
    }
    if (target.table === 'items')
      return { sheet: items ? tableSheet(items) : sheet, cell: items?.cells[target.row ?? -1]?.[target.field ?? 'name'] };
    if (target.table === 'payments') {
      const at = ledger.places[target.row ?? -1];
      return { sheet: at?.sheet ?? sheet, cell: at?.cells[target.field ?? 'line'] };
    }
    const dSheet = disbursements ? tableSheet(disbursements) : sheet;
    if (target.table === 'disbursements') return { sheet: dSheet, cell: disbursements?.cells[target.row ?? -1]?.[target.field ?? 'name'] };
    // A total with no 合计 row of its own: the fact it is compared with.
    if (target.field === 'statedRate') return { sheet: dSheet, cell: total?.rateCell };
    const stated = target.field === 'planned' ? total?.planned : target.field === 'actual' ? total?.actual : undefined;
    if (stated) return { sheet: dSheet, cell: stated.cell };
    const fact = target.field === 'planned' ? 'investment.central' : 'centralArrangedUse';
    return { sheet: facts.sheets[fact] ?? sheet, cell: facts.cells[fact] };
  };
  const parsed = recordInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [table, a, b] = issue.path.map(String);
      const target: FindingTarget | undefined =
        table === 'county'
          ? { table, field: [a, b].filter(Boolean).join('.') }
          : table === 'items' || table === 'disbursements' || table === 'payments'
            ? { table, row: Number(a), field: b }
            : table === 'totals'
              ? { table, field: a }
              : undefined;
      const w = where(target);
      findings.push(place(finding('invalid_value', invalidValue(issue, candidate)), file, w.sheet, w.cell));
    }
    return { ...base, input: null, findings };
  }
  const input = parsed.data;
  // A ledger's figures as of the day the sheet states them for (its default otherwise).
  const record = computeRecord(input, statedDay ? { asOf: statedDay } : {});
  // The day the app will show the record as of: where the table and its ledger differ on it, say so.
  const ledgerDay = statedDay ?? defaultAsOf(input.county.acceptedOn);
  if (input.payments)
    for (const m of ledgerMismatches(input.disbursements, input.payments, ledgerDay)) {
      const w = where({ table: 'disbursements', row: m.index, field: 'actual' });
      findings.push(
        place(
          finding('ledger_mismatch', { seq: String(m.line.seq), stated: m.line.actual!, sum: m.sum, asOf: ledgerDay }),
          file,
          w.sheet,
          w.cell,
        ),
      );
    }
  const plannedSum = sumFen(input.disbursements.map((d) => fenOrZero(d.planned)));
  const actualSum = sumFen(input.disbursements.map((d) => fenOrZero(d.actual)));
  const dSheet = disbursements ? tableSheet(disbursements) : sheet;
  for (const t of disbursements?.totals ?? []) {
    for (const column of ['planned', 'actual'] as const) {
      const stated = t[column];
      const sum = column === 'planned' ? plannedSum : actualSum;
      if (stated && fen(stated.value) !== sum)
        findings.push(
          place(
            finding('stated_total_mismatch', { column, stated: stated.value, sum: formatWan(sum) }, { table: 'totals', field: column }),
            file,
            dSheet,
            stated.cell,
          ),
        );
    }
    // The record keeps the first 合计's rate; another one is checked here.
    if (t !== total && t.statedRate !== undefined && !statedRateAgrees(t.statedRate, actualSum, plannedSum))
      findings.push(
        place(
          finding('stated_rate_mismatch', { name: '合计', stated: t.statedRate, computed: record.totals.rate ?? '—' }),
          file,
          dSheet,
          t.rateCell,
        ),
      );
  }
  // Typed figures (no ledger) are kept as of no day but the 验收日期: a day the sentence states for them
  // is not kept, and every output will say "截至验收日". Told at the sentence, never relabelled unseen.
  const dated = summaries.find((x) => x.asOf);
  if (dated && !input.payments && input.county.acceptedOn !== dated.asOf)
    findings.push(
      place(
        finding('stated_day_not_kept', { day: dated.asOf!, acceptedOn: input.county.acceptedOn ?? '' }),
        file,
        dated.sheet,
        dated.cell.address,
      ),
    );
  for (const s of summaries) {
    if (!disbursements) break;
    if (s.actual !== undefined && fen(s.actual) !== actualSum)
      findings.push(
        place(
          finding('summary_mismatch', { what: 'actual', stated: s.actual, computed: formatWan(actualSum) }),
          file,
          s.sheet,
          s.cell.address,
        ),
      );
    if (s.rate !== undefined && !statedRateAgrees(s.rate, actualSum, plannedSum))
      findings.push(
        place(
          finding('summary_mismatch', { what: 'rate', stated: `${s.rate}%`, computed: `${record.totals.rate ?? '—'}%` }),
          file,
          s.sheet,
          s.cell.address,
        ),
      );
  }
  // One amount with more decimals than every other of its column (640.211 among 775, 285.4, 100.00):
  // a footnote digit glued on (640.21¹ saved as a number), which no sum need catch.
  // (Only amounts written in 万元: one in 元 has up to six decimals in 万元 by right, 6402100.50 元 = 640.21005.)
  if (disbursements && [...disbursements.units].every((u) => u === 'wan'))
    for (const field of ['planned', 'actual'] as const) {
      const values = input.disbursements
        .map((d, i) => ({ value: d[field], i }))
        .filter((x): x is { value: string; i: number } => x.value !== null);
      const places = values.map((x) => decimalsOf(x.value));
      const odd = places.map((p, k) => ({ p, k })).filter(({ p, k }) => p >= 3 && places.every((q, j) => j === k || q <= 2));
      if (odd.length !== 1 || values.length < 3) continue;
      const { i, value } = values[odd[0].k];
      const w = where({ table: 'disbursements', row: i, field });
      findings.push(
        place(
          finding(
            'amount_precision',
            {
              field,
              seq: String(input.disbursements[i].seq),
              name: input.disbursements[i].name,
              value,
              places: String(maxOf(places.filter((_, j) => j !== odd[0].k))),
            },
            { table: 'disbursements', row: i, field },
          ),
          file,
          w.sheet,
          w.cell,
        ),
      );
    }
  // A sum off from its fact by a power of ten: a unit read wrong (元 as 万元), whatever caused it.
  for (const [what, sum, fact] of [
    ['planned', plannedSum, 'investment.central'],
    ['actual', actualSum, 'centralArrangedUse'],
  ] as const) {
    const given = fact === 'investment.central' ? input.county.investment.central : input.county.centralArrangedUse;
    if (given === null) continue;
    const value = fen(given);
    const ratio = powerOfTen(sum, value);
    if (!ratio || !disbursements) continue;
    const w = where({ table: 'totals', field: what });
    findings.push(
      place(
        finding('amount_scale', { what, sum: formatWan(sum), fact, value: formatWan(value), ratio }, { table: 'totals', field: what }),
        file,
        w.sheet,
        w.cell,
      ),
    );
  }
  if (plannedSum === 0n && input.county.investment.central !== null && fen(input.county.investment.central) !== 0n) {
    const w = where({ table: 'county', field: 'investment.central' });
    findings.push(
      place(
        finding('planned_zero', { central: record.county.investment.central! }, { table: 'totals', field: 'planned' }),
        file,
        w.sheet,
        w.cell,
      ),
    );
  }
  for (const f of checkRecord(record)) {
    // An amount missing on a line that states a rate is a doubt (a merged or unread amount); a line
    // with neither amount nor rate is only "not entered".
    const line = f.code === 'amount_missing' ? input.disbursements[f.target?.row ?? -1] : undefined;
    if (line?.statedRate !== undefined) f.params.rated = line.statedRate;
    const w = where(f.target);
    // A missing fact names where it was looked for, so the clerk knows which paragraph or table lacks it.
    const said = f.code === 'missing_fact' && w.cell ? { ...f, params: { ...f.params, where: `${w.sheet} › ${w.cell}` } } : f;
    findings.push(place(said, file, w.sheet, w.cell));
  }
  const totalsAt = {
    sheet: dSheet,
    ...(total?.planned ? { planned: total.planned.cell } : {}),
    ...(total?.actual ? { actual: total.actual.cell } : {}),
  };
  return { ...base, county: { name: input.county.name, batch: input.county.batch }, input, findings, totalsAt };
}

/**
 * How many times `a` is `b` when that is a power of ten from 10 to 10⁸ (within 2%), as "10000" or
 * "1/10000"; undefined otherwise. A county's Σ计划 is its 中央资金 give or take a little; never ten times it.
 */
export function powerOfTen(a: bigint, b: bigint): string | undefined {
  if (a <= 0n || b <= 0n || a === b) return undefined;
  const [big, small, up] = a > b ? [a, b, true] : [b, a, false];
  for (let k = 1; k <= 8; k++) {
    const scaled = small * 10n ** BigInt(k);
    const diff = big > scaled ? big - scaled : scaled - big;
    if (diff * 50n <= scaled) return up ? `${10 ** k}` : `1/${10 ** k}`;
  }
  return undefined;
}

type Issue = { code: string; origin?: string; message: string; path: PropertyKey[] };

/**
 * A value the record's schema refuses, in words the clerk reads (i18n's invalid_value): the field
 * by its label, the value as read, and what is wrong with it — never the schema's own message.
 */
function invalidValue(issue: Issue, candidate: unknown): Record<string, string> {
  const path = issue.path.map(String);
  const [table, a, b] = path;
  const field =
    table === 'county'
      ? `county.${path.slice(1).join('.')}`
      : table === 'payments'
        ? `payment.${b}`
        : table === 'totals'
          ? a
          : (b ?? table);
  let value: unknown = candidate;
  for (const key of path) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  const text = value === null || value === undefined ? '' : String(value);
  const kind = /^(\w+):/.exec(issue.message)?.[1];
  const problem =
    issue.code === 'too_big' && issue.origin === 'string'
      ? 'too_long'
      : issue.code === 'too_small' && issue.origin === 'string'
        ? 'empty'
        : issue.code === 'too_big' || issue.code === 'too_small'
          ? 'out_of_range'
          : kind === 'percent'
            ? 'too_precise_rate'
            : kind === 'money'
              ? /\.\d{7,}$/.test(text)
                ? 'too_precise'
                : /[1-9]/.test(text)
                  ? 'too_large'
                  : 'zero_payment'
              : kind === 'date'
                ? 'not_a_date'
                : kind === 'text'
                  ? 'unsafe_text'
                  : 'invalid';
  return { field, value: text, problem };
}
