// Record: one county put together from its parts (blocks of one or several sheets): exact money,
// the checks of record.md, the stated totals and sentences checked against the rows, and every
// finding pinned to the cell it comes from.
import { checkRecord } from '../../../shared/checks';
import { finding, hasErrors, type Finding, type FindingTarget } from '../../../shared/findings';
import { decimalsOf, FEN_PER_WAN, formatWan, shiftDecimal, statedRateAgrees, sumFen, type AmountUnit } from '../../../shared/money';
import { CATEGORIES, fold, type Category } from '../../../shared/text';
import { computeRecord, fen, fenOrZero, type CountyRecord, type RecordInput } from '../../../shared/record';
import { recordInputSchema } from '../../../shared/schema';
import type { SheetMeta } from './layout';
import type { Block } from './locate';
import type { TableRead, TotalRow } from './rows';
import type { FactSet, SummaryRead } from './facts';
import { ledgerMismatches, readLedger, titleDay, type LedgerRead } from './ledger';
import { defaultAsOf } from '../../../shared/ledger';
import type { Doubt, Figure, SheetReading } from '../../../shared/doubts';
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
  /**
   * Each line's 实际拨付额度 as the sheet showed it (by the index of input.disbursements), and the day the
   * sheet states its figures for: a replace that keeps the stored payments compares them (import.ts).
   */
  actuals?: { at: { sheet: string; cell?: string }[]; figures?: (Figure | null)[]; statedDay?: string };
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

/** A cell's text that is a figure: 775, 1,234.56, 82.6%. */
const NUMBER = /^[\s+\-−]?[\d,，]*\d[\d,，]*(\.\d+)?\s*[%％]?$/;

/** A county's blocks gathered: its facts merged, its tables picked, and where each stands. */
type Gathered = {
  file: string;
  sheet: string;
  meta: SheetMeta | undefined;
  facts: FactSet;
  tables: TableRead[];
  tableSheet: (t: TableRead) => string;
  items: TableRead | undefined;
  disbursements: TableRead | undefined;
  /** The sheet table 三 stands on (the anchor's when there is none). */
  dSheet: string;
  /** Its first 合计: the record keeps its rate. */
  total: TotalRow | undefined;
  /** Where the facts were looked for: the paragraph, the facts table or the title that holds the county's facts. */
  factsPart: Block | undefined;
  factsAt: string | undefined;
  findings: Finding[];
};

/** Where a finding of the record (by its target) stands in the sheets. */
type Where = (target: FindingTarget | undefined) => { sheet: string; cell?: string };

/** The record's sums of table 三, in 分. */
type Sums = { planned: bigint; actual: bigint };

function tell(g: Gathered, f: Finding, sheet: string, cell: string | undefined): void {
  g.findings.push(place(f, g.file, sheet, cell));
}

/** Puts one county together from its blocks, checks it, and pins each finding to a cell. */
export function assemble(file: string, anchor: Block, parts: Block[], meta: SheetMeta | undefined, partFindings: Finding[]): ReadRecord {
  const g = gather(file, anchor, parts, meta, partFindings);
  const { facts, findings } = g;
  const units = new Set<AmountUnit>([...facts.units, ...g.tables.flatMap((t) => [...t.units])]);
  const base = {
    file,
    sheet: g.sheet,
    county: facts.values.name ? { name: facts.values.name, batch: facts.values.batch ?? null } : undefined,
    unit: unitRead(units),
  };
  tellMissingParts(g, anchor, partFindings, units);
  if (hasErrors(findings)) return { ...base, input: null, findings };

  const { itemRows, disbursementRows } = tableRows(g);
  // The ledger: every payment on a line of table 三, or the record is refused naming the cell.
  const ledger = readLedger(
    file,
    g.tables.filter((t) => t.kind === 'payments').map((table) => ({ table, sheet: g.tableSheet(table) })),
    disbursementRows,
    g.disbursements?.renumbered === true,
  );
  pushAll(findings, ledger.findings);
  if (hasErrors(findings)) return { ...base, input: null, findings };
  const summaries = parts.flatMap((p) => p.summaries.map((x) => ({ ...x, sheet: p.sheet })));
  // The day the sheet's figures are stated for: its summary sentence's, else its ledger title's.
  const statedDay = summaries.find((x) => x.asOf)?.asOf ?? titleDay(parts.flatMap((p) => p.ledgerTitles));
  const candidate = candidateRecord(g, itemRows, disbursementRows, ledger.payments);
  const where = locator(g, ledger);
  const parsed = recordInputSchema.safeParse(candidate);
  if (!parsed.success) {
    tellInvalidValues(g, parsed.error.issues, candidate, where);
    return { ...base, input: null, findings };
  }
  const input = parsed.data;
  // A ledger's figures as of the day the sheet states them for (its default otherwise).
  const record = computeRecord(input, statedDay ? { asOf: statedDay } : {});
  const sums: Sums = {
    planned: sumFen(input.disbursements.map((d) => fenOrZero(d.planned))),
    actual: sumFen(input.disbursements.map((d) => fenOrZero(d.actual))),
  };
  tellLedgerMismatches(g, input, statedDay, where);
  tellStatedTotals(g, sums, record);
  tellSummaries(g, input, summaries, record);
  tellOddPrecision(g, input, where);
  tellScale(g, input, sums, record, where);
  tellChecks(g, input, record, where);
  const total = g.total;
  const totalsAt = {
    sheet: g.dSheet,
    ...(total?.planned ? { planned: total.planned.cell } : {}),
    ...(total?.actual ? { actual: total.actual.cell } : {}),
  };
  const at = input.disbursements.map((_, row) => where({ table: 'disbursements', row, field: 'actual' }));
  const actuals = { at, ...(statedDay ? { statedDay } : {}) };
  return { ...base, county: { name: input.county.name, batch: input.county.batch }, input, findings, totalsAt, actuals };
}

/** Whether a second table of table 三 lists the first's lines again (most of its names are the first's). */
function sameLines(first: TableRead, t: TableRead): boolean {
  if (t.kind !== 'disbursements' || t.disbursements.length === 0) return false;
  const names = new Set(first.disbursements.map((d) => fold(d.name)));
  return t.disbursements.filter((d) => names.has(fold(d.name))).length * 2 > t.disbursements.length;
}

/**
 * Whether a second table of table 三 restates the first: its 实际 column says it is cumulative (累计), and each
 * of its lines has the 计划 and 实际 of the first's line of that name (a progress sheet by quarter beside 累计拨付).
 */
function restates(first: TableRead, t: TableRead): boolean {
  const actualCol = t.header.columns.actual;
  const heading = t.header.cells.filter((c) => c.col === actualCol).map((c) => fold(c.text));
  if (!heading.some((h) => h.includes('累计'))) return false;
  const byName = new Map(first.disbursements.map((d) => [fold(d.name), d]));
  return (
    t.disbursements.length === first.disbursements.length &&
    t.disbursements.every((d) => {
      const f = byName.get(fold(d.name));
      return !!f && fenOrZero(f.planned) === fenOrZero(d.planned) && fenOrZero(f.actual) === fenOrZero(d.actual);
    })
  );
}

/** Merges the parts' facts into the anchor's and picks table 二 and table 三 (another of either is told). */
function gather(file: string, anchor: Block, parts: Block[], meta: SheetMeta | undefined, partFindings: Finding[]): Gathered {
  const facts = anchor.facts;
  for (const p of parts) if (p !== anchor) facts.merge(p.facts);
  const findings = [...partFindings, ...facts.findings];
  const sheet = anchor.sheet;
  const tables = parts.flatMap((p) => p.tables);
  const tableSheet = (t: TableRead) => parts.find((p) => p.tables.includes(t))!.sheet;
  const pick = (kind: TableRead['kind']): TableRead | undefined => {
    const [first, ...extra] = tables.filter((t) => t.kind === kind);
    for (const t of extra) {
      const other = `${tableSheet(first!)} › ${first!.header.nameCell.address}`;
      // The same lines again (a table per year): one county's table split, not another county's — unless it
      // states itself cumulative (累计拨付) with the first's figures line by line: the same money restated, told.
      const same = sameLines(first!, t);
      const code = same && restates(first!, t) ? 'table_restated' : same ? 'repeated_table' : 'extra_table';
      findings.push(place(finding(code, { table: kind, other }), file, tableSheet(t), t.header.nameCell.address));
    }
    return first;
  };
  const items = pick('items');
  const disbursements = pick('disbursements');
  const factsPart = [anchor, ...parts].find((p) => p.bodyFactsCell) ?? [anchor, ...parts].find((p) => p.factsCell);
  return {
    file,
    sheet,
    meta,
    facts,
    tables,
    tableSheet,
    items,
    disbursements,
    dSheet: disbursements ? tableSheet(disbursements) : sheet,
    total: disbursements?.totals[0],
    factsPart,
    factsAt: factsPart?.bodyFactsCell ?? factsPart?.factsCell,
    findings,
  };
}

/** A table, a fact that keys the record, or the unit the amounts were read in: what is missing or converted. */
function tellMissingParts(g: Gathered, anchor: Block, partFindings: Finding[], units: Set<AmountUnit>): void {
  const { items, disbursements, facts, factsPart, factsAt, sheet } = g;
  // No table for a county whose facts were read: named where its facts stand.
  if (!items && !disbursements) tell(g, finding('no_tables', {}), sheet, anchor.factsCell);
  else if (!items || !disbursements) {
    // Numbers standing outside every table while a table is missing are most likely its rows; so are
    // numbers in columns a found table could not name (the missing table beside it, header to header).
    const stray = partFindings.find(
      (f) =>
        f.code === 'ignored_cell' && (f.params.reason === 'number' || (f.params.reason === 'column' && NUMBER.test(f.params.value ?? ''))),
    );
    if (stray)
      tell(
        g,
        finding('missing_table', { table: items ? 'disbursements' : 'items', at: stray.cell!, value: stray.params.value }),
        stray.sheet!,
        stray.cell,
      );
  }
  for (const fact of REQUIRED_FACTS)
    if (facts.values[fact] === undefined && !g.findings.some((f) => f.params.field === `county.${fact}` || f.params.field === fact))
      tell(
        g,
        {
          ...finding('missing_fact', {
            field: `county.${fact}`,
            key: 'true',
            ...(factsAt ? { where: `${factsPart!.sheet} › ${factsAt}` } : {}),
          }),
          severity: 'error',
        },
        factsPart?.sheet ?? sheet,
        factsAt,
      );
  if (units.has('yuan') || units.has('qian') || units.has('yi')) {
    const yuanCells = g.tables.flatMap((t) => [
      ...t.unitCells.map((c) => `${g.tableSheet(t)} › ${c.address}`),
      ...(t.bookUnit && t.bookUnit.unit !== 'wan' ? [t.bookUnit.where] : []),
    ]);
    const convertedUnits = (['yuan', 'qian', 'yi'] as const).filter((u) => units.has(u));
    // Facts only where they were written in a unit converted (200 in 万元 beside 0.26 亿元 is not named).
    const source = [
      ...new Set(
        yuanCells.length
          ? yuanCells
          : Object.entries(facts.cells)
              .filter(
                ([k]) => (k.startsWith('investment') || k === 'centralArrangedUse') && convertedUnits.some((u) => facts.unitOf[k] === u),
              )
              .map(([, c]) => c),
      ),
    ].join(', ');
    const first = g.tables.find((t) => t.unitCells.length);
    const converted = convertedUnits.join(',');
    tell(g, finding('amounts_in_yuan', { source, units: converted }), first ? g.tableSheet(first) : sheet, first?.unitCells[0].address);
  }
}

/** The rows of table 二 and table 三, with the categories and stated rates the hidden sheet keeps. */
function tableRows(g: Gathered) {
  const { items, disbursements, meta } = g;
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
  return { itemRows, disbursementRows };
}

/** The record as read, before the schema checks it. */
function candidateRecord<I, D, P>(g: Gathered, itemRows: I[], disbursementRows: D[], payments: P[]) {
  const v = g.facts.values;
  const meta = g.meta;
  const totalsStated = g.total ? (g.total.statedRate ?? meta?.totalsStatedRate) : undefined;
  return {
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
    ...(payments.length ? { payments } : {}),
  };
}

/** Where a target of the record stands: the fact's cell, the row's field, the payment's, the 合计's. */
function locator(g: Gathered, ledger: LedgerRead): Where {
  const { facts, sheet, items, disbursements, total } = g;
  return (target) => {
    if (!target) return { sheet };
    if (target.table === 'county') {
      const field = target.field ?? '';
      // A fact not given: where the facts were looked for.
      if (!facts.cells[field]) return { sheet: g.factsPart?.sheet ?? sheet, cell: g.factsAt };
      return { sheet: facts.sheets[field] ?? sheet, cell: facts.cells[field] };
    }
    if (target.table === 'items')
      return { sheet: items ? g.tableSheet(items) : sheet, cell: items?.cells[target.row ?? -1]?.[target.field ?? 'name'] };
    if (target.table === 'payments') {
      const at = ledger.places[target.row ?? -1];
      return { sheet: at?.sheet ?? sheet, cell: at?.cells[target.field ?? 'line'] };
    }
    const dSheet = g.dSheet;
    if (target.table === 'disbursements') return { sheet: dSheet, cell: disbursements?.cells[target.row ?? -1]?.[target.field ?? 'name'] };
    // A total with no 合计 row of its own: the fact it is compared with.
    if (target.field === 'statedRate') return { sheet: dSheet, cell: total?.rateCell };
    const stated = target.field === 'planned' ? total?.planned : target.field === 'actual' ? total?.actual : undefined;
    if (stated) return { sheet: dSheet, cell: stated.cell };
    const fact = target.field === 'planned' ? 'investment.central' : 'centralArrangedUse';
    return { sheet: facts.sheets[fact] ?? sheet, cell: facts.cells[fact] };
  };
}

/** Each value the record's schema refuses, at its cell. */
function tellInvalidValues(g: Gathered, issues: Issue[], candidate: unknown, where: Where): void {
  for (const issue of issues) {
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
    tell(g, finding('invalid_value', invalidValue(issue, candidate)), w.sheet, w.cell);
  }
}

/**
 * The day the app will show the record as of: where the table and its ledger differ on it, say so — the day only
 * where the file gives one (its sentence's or ledger title's, else its 验收日期), never today's as if the file said it.
 * A ledger whose sums are each the same power of ten off the lines' 实际 (or beyond any county's central funds) was read
 * in the wrong unit: one doubt at its 金额 column, not one at each good line of table 三.
 */
function tellLedgerMismatches(g: Gathered, input: RecordInput, statedDay: string | undefined, where: Where): void {
  if (!input.payments) return;
  const ledgerDay = statedDay ?? defaultAsOf(input.county.acceptedOn);
  const mismatches = ledgerMismatches(input.disbursements, input.payments, ledgerDay);
  const ratios = new Set(mismatches.map((m) => powerOfTen(fen(m.sum), fen(m.line.actual!))));
  // 元 for 万元 is 10⁴ (亿元 10⁻⁴): a tenth or a hundredth is a payment missing or a typo, told line by line.
  const ratio = ratios.size === 1 ? [...ratios].find((r) => r !== undefined && r.replace('1/', '').length >= 4) : undefined;
  const paid = sumFen(input.payments.map((p) => fen(p.amount)));
  if (ratio || paid > CENTRAL_FUNDS_BOUND) {
    const w = where({ table: 'payments', row: 0, field: 'amount' });
    const first = mismatches[0];
    const params = {
      column: /^[A-Z]+/.exec(w.cell ?? '')?.[0] ?? '',
      sum: formatWan(paid),
      asYuan: shiftDecimal(formatWan(paid), -4),
      ...(ratio && first
        ? { ratio, seq: String(first.line.seq), stated: first.line.actual!, lineSum: first.sum }
        : { bound: formatWan(CENTRAL_FUNDS_BOUND) }),
    };
    tell(g, finding('ledger_scale', params, { table: 'payments', row: 0, field: 'amount' }), w.sheet, w.cell);
    return;
  }
  const day = statedDay ?? (input.county.acceptedOn ? ledgerDay : '');
  for (const m of mismatches) {
    const w = where({ table: 'disbursements', row: m.index, field: 'actual' });
    tell(g, finding('ledger_mismatch', { seq: String(m.line.seq), stated: m.line.actual!, sum: m.sum, asOf: day }), w.sheet, w.cell);
  }
}

/** Each 合计 of table 三 against the sums of its lines: its amounts, and the rate of any but the first. */
function tellStatedTotals(g: Gathered, sums: Sums, record: CountyRecord): void {
  for (const t of g.disbursements?.totals ?? []) {
    for (const column of ['planned', 'actual'] as const) {
      const stated = t[column];
      const sum = sums[column];
      if (stated && fen(stated.value) !== sum)
        tell(
          g,
          finding('stated_total_mismatch', { column, stated: stated.value, sum: formatWan(sum) }, { table: 'totals', field: column }),
          g.dSheet,
          stated.cell,
        );
    }
    // The record keeps the first 合计's rate; another one is checked here.
    if (t !== g.total && t.statedRate !== undefined && !statedRateAgrees(t.statedRate, sums.actual, sums.planned))
      tell(
        g,
        finding('stated_rate_mismatch', { name: '合计', stated: t.statedRate, computed: record.totals.rate ?? '—' }),
        g.dSheet,
        t.rateCell,
      );
  }
}

/** The summary sentences: the day they state figures for, their 实际 and their rate against the rows. */
function tellSummaries(g: Gathered, input: RecordInput, summaries: (SummaryRead & { sheet: string })[], record: CountyRecord): void {
  // Typed figures (no ledger) are kept as of no day but the 验收日期: a day the sentence states for them
  // is not kept, and every output will say "截至验收日". Told at the sentence, never relabelled unseen.
  const dated = summaries.find((x) => x.asOf);
  if (dated && !input.payments && input.county.acceptedOn !== dated.asOf)
    tell(
      g,
      finding('stated_day_not_kept', { day: dated.asOf!, acceptedOn: input.county.acceptedOn ?? '' }),
      dated.sheet,
      dated.cell.address,
    );
  if (!g.disbursements) return;
  // The sentence against the figures that land: with a ledger, its sums (a 实际 typed over is a ledger_mismatch of its own).
  const landed = { planned: fen(record.totals.planned), actual: fen(record.totals.actual) };
  for (const s of summaries) {
    if (s.actual !== undefined && fen(s.actual) !== landed.actual)
      tell(g, finding('summary_mismatch', { what: 'actual', stated: s.actual, computed: record.totals.actual }), s.sheet, s.cell.address);
    if (s.rate !== undefined && !statedRateAgrees(s.rate, landed.actual, landed.planned))
      tell(
        g,
        finding('summary_mismatch', { what: 'rate', stated: `${s.rate}%`, computed: `${record.totals.rate ?? '—'}%` }),
        s.sheet,
        s.cell.address,
      );
  }
}

/**
 * One amount with more decimals than every other of its column (640.211 among 775, 285.4, 100.00):
 * a footnote digit glued on (640.21¹ saved as a number), which no sum need catch.
 * (Only amounts written in 万元: one in 元 has up to six decimals in 万元 by right, 6402100.50 元 = 640.21005.)
 */
function tellOddPrecision(g: Gathered, input: RecordInput, where: Where): void {
  if (!g.disbursements || ![...g.disbursements.units].every((u) => u === 'wan')) return;
  for (const field of ['planned', 'actual'] as const) {
    const values = input.disbursements
      .map((d, i) => ({ value: d[field], i }))
      .filter((x): x is { value: string; i: number } => x.value !== null);
    const places = values.map((x) => decimalsOf(x.value));
    // A footnote mark glued on (640.21¹ saved as 640.211) is one more digit, 1–3; 254.985 is money to the 10 元, no mark.
    const footnote = (value: string, p: number) => p === 3 && /[123]$/.test(value);
    const odd = places
      .map((p, k) => ({ p, k }))
      .filter(({ p, k }) => footnote(values[k].value, p) && places.every((q, j) => j === k || q <= 2));
    if (odd.length !== 1 || values.length < 3) continue;
    const { i, value } = values[odd[0].k];
    const w = where({ table: 'disbursements', row: i, field });
    const line = input.disbursements[i];
    const params = { field, seq: String(line.seq), name: line.name, value, places: String(maxOf(places.filter((_, j) => j !== odd[0].k))) };
    tell(g, finding('amount_precision', params, { table: 'disbursements', row: i, field }), w.sheet, w.cell);
  }
}

/**
 * The most central funds any demonstration county can have: 100,000 万元 (10 亿元). The programme gives a county
 * 1,500–2,000 万元 (the seed, the spec; 3,000 at most in any province's notice), a thirtieth of it; amounts in 元 read as
 * 万元 are 10,000 times the county's, at least 15,000,000 — any county above 10 万元 lands above this bound.
 */
export const CENTRAL_FUNDS_BOUND = 100_000n * FEN_PER_WAN;

/**
 * A sum off from its fact by a power of ten (a unit read wrong: 元 as 万元), a county's central funds beyond any
 * county's (CENTRAL_FUNDS_BOUND: 元 read as 万元, whatever the unit source), or Σ计划 of 0 while 中央资金 is not.
 */
function tellScale(g: Gathered, input: RecordInput, sums: Sums, record: CountyRecord, where: Where): void {
  for (const [what, sum, fact] of [
    ['planned', sums.planned, 'investment.central'],
    ['actual', sums.actual, 'centralArrangedUse'],
  ] as const) {
    const given = fact === 'investment.central' ? input.county.investment.central : input.county.centralArrangedUse;
    const value = given === null ? null : fen(given);
    const ratio = value === null ? undefined : powerOfTen(sum, value);
    if (!ratio) {
      if (g.disbursements) tellImplausible(g, what, sum, where({ table: 'totals', field: what }), { table: 'totals', field: what });
      if (value !== null) tellImplausible(g, fact, value, where({ table: 'county', field: fact }), { table: 'county', field: fact });
    }
    if (!ratio || !g.disbursements || value === null) continue;
    const w = where({ table: 'totals', field: what });
    tell(
      g,
      finding('amount_scale', { what, sum: formatWan(sum), fact, value: formatWan(value), ratio }, { table: 'totals', field: what }),
      w.sheet,
      w.cell,
    );
  }
  if (sums.planned === 0n && input.county.investment.central !== null && fen(input.county.investment.central) !== 0n) {
    const w = where({ table: 'county', field: 'investment.central' });
    tell(
      g,
      finding('planned_zero', { central: record.county.investment.central! }, { table: 'totals', field: 'planned' }),
      w.sheet,
      w.cell,
    );
  }
}

/** A county's central funds (a sum or a fact) beyond CENTRAL_FUNDS_BOUND: a doubt at its cell, with the figure read as 元. */
function tellImplausible(g: Gathered, what: string, value: bigint, w: { sheet: string; cell?: string }, target: FindingTarget): void {
  if (value <= CENTRAL_FUNDS_BOUND) return;
  const params = { what, value: formatWan(value), bound: formatWan(CENTRAL_FUNDS_BOUND), asYuan: shiftDecimal(formatWan(value), -4) };
  tell(g, finding('amount_implausible', params, target), w.sheet, w.cell);
}

/** The checks of record.md, each pinned to its cell. */
function tellChecks(g: Gathered, input: RecordInput, record: CountyRecord, where: Where): void {
  for (const f of checkRecord(record)) {
    // An amount missing on a line that states a rate is a doubt (a merged or unread amount); a line
    // with neither amount nor rate is only "not entered".
    const line = f.code === 'amount_missing' ? input.disbursements[f.target?.row ?? -1] : undefined;
    if (line?.statedRate !== undefined) f.params.rated = line.statedRate;
    const w = where(f.target);
    // A missing fact names where it was looked for, so the clerk knows which paragraph or table lacks it.
    const said = f.code === 'missing_fact' && w.cell ? { ...f, params: { ...f.params, where: `${w.sheet} › ${w.cell}` } } : f;
    tell(g, said, w.sheet, w.cell);
  }
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
