// The reading beside the sheet: for each doubt of a county, the figures it is about — the cell,
// the text the clerk saw there (its number format applied), the value read, the unit applied and
// where that unit came from — and, per sheet, how table 三 was read (its columns and units, its
// lines, the rows left out), which is what a person corrects.
import { createHash } from 'node:crypto';
import type { Doubt, Figure, SheetReading, UnitFrom } from '../../../shared/doubts';
import { isDoubt, type Finding } from '../../../shared/findings';
import type { AmountUnit } from '../../../shared/money';
import type { RecordInput } from '../../../shared/record';
import { colName, type Grid } from './cells';
import type { LayoutCorrection, RowCorrection } from './corrections';
import { CHOSEN_HEADER_TEXT, headerWithin } from './header';
import { formatNumber } from './display';
import type { Block } from './locate';
import type { TableRead } from './rows';
import { maxOf, pushAll } from '../../../shared/arrays';

type Reading = { read: string | null; unit: AmountUnit | null; unitFrom: UnitFrom | null };

/** What the clerk saw in a cell of a sheet (its `seenText`), as the import read it. */
export type SeenOf = (sheet: string, cell: string) => string;

/** What the clerk saw in a cell: rich text as written (a footnote mark raised), a number with its format. */
export function seenText(grid: Grid | undefined, address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!grid || !m) return '';
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const cell = grid.cover(Number(m[2]), col);
  if (!cell) return '';
  if (cell.seen) return cell.seen;
  if (cell.dropped) return cell.dropped.seen;
  if (typeof cell.value === 'number') return formatNumber(cell.value, cell.numFmtCode ?? cell.numFmt);
  return cell.text;
}

const columnOf = (address: string) => /^[A-Z]+/.exec(address)?.[0] ?? '';
const rowOf = (address: string) => Number(/\d+$/.exec(address)?.[0] ?? 0);
const colNumber = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The unit an amount column of a table was read in, and where it came from. */
function columnUnit(t: TableRead, col: number, row: number): { unit: AmountUnit; from: UnitFrom } {
  // Past a page break, the repeated header's or the 续表 line's unit governs the rows under it.
  const page = [...(t.pages ?? [])].reverse().find((p) => p.from <= row);
  const pageOwn = page?.units.get(col);
  if (pageOwn) return { unit: pageOwn.unit, from: { kind: 'header', cell: pageOwn.cell.address, text: pageOwn.cell.text } };
  if (page?.line) return { unit: page.line.unit, from: { kind: 'line', cell: page.line.cell.address, text: page.line.cell.text } };
  const own = t.header.units.get(col);
  if (own) return { unit: own.unit, from: { kind: 'header', cell: own.cell.address, text: own.cell.text } };
  if (t.unitLine) return { unit: t.unitLine.unit, from: { kind: 'line', cell: t.unitLine.cell.address, text: t.unitLine.cell.text } };
  if (t.bookUnit) return { unit: t.bookUnit.unit, from: { kind: 'line', cell: t.bookUnit.where, text: t.bookUnit.text } };
  return { unit: 'wan', from: { kind: 'default' } };
}

/** Every amount the county's reading took from a cell, by sheet and address. */
export function readingsOf(parts: Block[]): Map<string, Reading> {
  const out = new Map<string, Reading>();
  const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;
  for (const p of parts) {
    for (const t of p.tables) {
      // A completion rate (table 二) is a percent: no unit.
      if (t.kind === 'items')
        t.cells.forEach((cells, i) => {
          const rate = t.items[i]?.completionRate;
          if (cells.completionRate)
            out.set(key(p.sheet, cells.completionRate), { read: rate ? `${rate}%` : null, unit: null, unitFrom: null });
        });
      const unitAt = (cell: string): { unit: AmountUnit; from: UnitFrom } => {
        const own = t.ownUnits?.get(cell);
        return own ? { unit: own, from: { kind: 'text', cell } } : columnUnit(t, colNumber(columnOf(cell)), rowOf(cell));
      };
      // A ledger: each payment's amount, and its 小计 and 合计 as stated.
      if (t.kind === 'payments') {
        const amounts = [
          ...t.cells.map((c, i) => ({ cell: c.amount, value: t.payments[i]?.amount ?? null })),
          ...t.subtotals.map((s) => ({ cell: s.actual?.cell, value: s.actual?.value ?? null })),
        ];
        for (const a of amounts)
          if (a.cell) out.set(key(p.sheet, a.cell), { read: a.value, unit: unitAt(a.cell).unit, unitFrom: unitAt(a.cell).from });
      }
      if (t.kind !== 'disbursements') continue;
      // A rate as filed is read as a percent: no unit.
      const rate = (cell: string | undefined, value: string | undefined) =>
        cell && value !== undefined && out.set(key(p.sheet, cell), { read: `${value}%`, unit: null, unitFrom: null });
      t.cells.forEach((cells, i) => {
        for (const field of ['planned', 'actual'] as const) {
          const cell = cells[field];
          if (!cell) continue;
          const u = unitAt(cell);
          out.set(key(p.sheet, cell), { read: t.disbursements[i]?.[field] ?? null, unit: u.unit, unitFrom: u.from });
        }
        rate(cells.statedRate, t.disbursements[i]?.statedRate);
      });
      for (const total of [...t.totals, ...t.subtotals]) {
        for (const stated of [total.planned, total.actual]) {
          if (!stated) continue;
          const u = unitAt(stated.cell);
          out.set(key(p.sheet, stated.cell), { read: stated.value, unit: u.unit, unitFrom: u.from });
        }
        rate(total.rateCell, total.statedRate);
      }
    }
  }
  return out;
}

const FACTS = ['investment.total', 'investment.central', 'investment.localGov', 'investment.social', 'centralArrangedUse'] as const;
type FactName = (typeof FACTS)[number];

/** A fact's figure: in a paragraph, the words around its number (…其中中央资金1500万元,…), and the unit they say. */
function factFigure(seen: SeenOf, parts: Block[], fact: FactName): Figure | undefined {
  const facts = parts[0]?.facts;
  const cell = facts?.cells[fact];
  const value = facts?.values[fact];
  if (!facts || !cell || value === undefined) return undefined;
  const sheet = facts.sheets[fact] ?? parts[0].sheet;
  const text = seen(sheet, cell);
  const read = String(value);
  // The number as written near its label: 1500, 1,500, 15000000 (in 元).
  const numbers = [...text.matchAll(/(\d[\d,，]*(?:\.\d+)?)\s*(亿元|万元|千元|元)?/g)];
  const label = FACT_LABELS[fact];
  const near = numbers.find((m) => label.some((l) => text.slice(Math.max(0, m.index! - l.length - 4), m.index).includes(l)));
  const from = near
    ? maxOf(
        label.map((l) => text.lastIndexOf(l, near.index!)),
        0,
      )
    : 0;
  const excerpt = near && text.length > 30 ? `${from > 0 ? '…' : ''}${text.slice(from, near.index! + near[0].length)}…` : text;
  const said = near?.[2] ? UNIT_OF[near[2]] : undefined;
  return { sheet, cell, seen: excerpt, read, unit: said ?? 'wan', unitFrom: said ? { kind: 'text', cell } : { kind: 'default' } };
}

const FACT_LABELS: Record<FactName, string[]> = {
  'investment.total': ['总投资'],
  'investment.central': ['中央资金', '中央财政资金'],
  'investment.localGov': ['配套资金'],
  'investment.social': ['社会资本'],
  centralArrangedUse: ['安排使用中央资金'],
};
const UNIT_OF: Record<string, AmountUnit> = { 亿元: 'yi', 万元: 'wan', 千元: 'qian', 元: 'yuan' };

/** The figures each doubt is about: its own cell, and for a sum against a fact, the 合计, a line and the fact. */
function cellsOf(f: Finding, parts: Block[]): ({ sheet: string; cell: string } | { fact: FactName })[] {
  const out: ({ sheet: string; cell: string } | { fact: FactName })[] = [];
  const table = parts.flatMap((p) => p.tables.map((t) => ({ t, sheet: p.sheet }))).find((x) => x.t.kind === 'disbursements');
  const column =
    f.code === 'disbursed_over_arranged' || (['amount_scale', 'amount_implausible'].includes(f.code) && f.params.what === 'actual')
      ? 'actual'
      : 'planned';
  const fact: FactName = column === 'actual' ? 'centralArrangedUse' : 'investment.central';
  const factCell = parts[0]?.facts.cells[fact];
  const ownIsFact = !!f.cell && Object.values(parts[0]?.facts.cells ?? {}).includes(f.cell) && f.target?.table === 'county';
  if (f.sheet && f.cell && !ownIsFact && f.code !== 'drawing_unit') out.push({ sheet: f.sheet, cell: f.cell });
  if (['planned_vs_central', 'planned_zero', 'disbursed_over_arranged', 'amount_scale', 'drawing_unit'].includes(f.code) && table) {
    const total = table.t.totals[0]?.[column];
    const first = table.t.cells.find((c) => c[column])?.[column];
    if (total) out.push({ sheet: table.sheet, cell: total.cell });
    if (first) out.push({ sheet: table.sheet, cell: first });
    if (factCell && f.code !== 'drawing_unit') out.push({ fact });
  }
  // A stated 合计 against its lines: the one line written with more decimals than any other and than
  // the 合计 is the likely misreading (a footnote digit glued on: 452.3² → 452.32), shown beside it.
  if (f.code === 'stated_total_mismatch' && table && (f.params.column === 'planned' || f.params.column === 'actual')) {
    const column = f.params.column;
    const places = table.t.disbursements.map((d) => (d[column]?.split('.')[1] ?? '').length);
    const most = maxOf(places, 0);
    const at = places.indexOf(most);
    const cell = table.t.cells[at]?.[column];
    if (cell && places.lastIndexOf(most) === at && most > (f.params.stated.split('.')[1] ?? '').length)
      out.push({ sheet: table.sheet, cell });
  }
  // A roll-up's figure against the county's own: its sheet's 合计 (or first line) beside the roll-up's cell.
  if (f.code === 'rollup_mismatch' && table && (f.params.column === 'planned' || f.params.column === 'actual')) {
    const column = f.params.column;
    const own = table.t.totals[0]?.[column]?.cell ?? table.t.cells.find((c) => c[column])?.[column];
    if (own) out.push({ sheet: table.sheet, cell: own });
  }
  // A county's central funds beyond any county's: the fact's own figure, or the sum's first line beside its 合计.
  if (f.code === 'amount_implausible' && f.target?.table === 'county') out.push({ fact: f.params.what as FactName });
  const firstLine = table?.t.cells.find((c) => c[column])?.[column];
  if (f.code === 'amount_implausible' && f.target?.table === 'totals' && table && firstLine)
    out.push({ sheet: table.sheet, cell: firstLine });
  if (f.code === 'arranged_over_central') out.push({ fact: 'centralArrangedUse' }, { fact: 'investment.central' });
  if (f.code === 'investment_sum')
    pushAll(
      out,
      FACTS.map((x) => ({ fact: x })),
    );
  const seen = new Set<string>();
  return out.filter((x) => {
    const k = 'fact' in x ? x.fact : `${x.sheet}!${x.cell}`;
    return !seen.has(k) && !!seen.add(k);
  });
}

/** A figure read only to be compared (a roll-up's, a 绩效自评表's): the one the finding states. */
const rollupRead = (f: Finding): Reading => ({ read: f.params.stated, unit: 'wan', unitFrom: null });

/** The doubts of one county's reading, each with its figures beside what the sheet showed. */
export function doubtsOf(
  seen: SeenOf,
  findings: Finding[],
  parts: Block[],
  input: RecordInput | null,
  county: { name: string; batch: number | null } | undefined,
): Doubt[] {
  const doubts = findings.filter(isDoubt);
  if (doubts.length === 0) return [];
  void input;
  const readings = readingsOf(parts);
  return doubts.map((f) => {
    const figures: Figure[] = cellsOf(f, parts).flatMap((x) => {
      if ('fact' in x) {
        const figure = factFigure(seen, parts, x.fact);
        return figure ? [{ ...figure, field: `county.${x.fact}` }] : [];
      }
      // A roll-up's cell is read only to be compared: its figure is the one the finding states.
      const rollup = ['rollup_mismatch', 'rollup_total_mismatch', 'perf_funds_differs'].includes(f.code) && x.cell === f.cell;
      return [figureOf(seen, readings, x.sheet, x.cell, rollup ? rollupRead(f) : undefined)];
    });
    return doubtOf(f, figures, county);
  });
}

/** A finding as a doubt of a county, with its figures; its id is stable for the same finding of the same file. */
export function doubtOf(f: Finding, figures: Figure[], county: { name: string; batch: number | null } | undefined): Doubt {
  // A confirmation is of the figures as read: the same doubt over another reading (a unit corrected) is another doubt.
  const id = createHash('sha256')
    .update(JSON.stringify([f.file, f.sheet, f.cell, f.code, f.params, figures.map((x) => [x.sheet, x.cell, x.read, x.unit])]))
    .digest('hex')
    .slice(0, 16);
  return {
    id,
    code: f.code,
    params: f.params,
    county: county?.name ?? null,
    batch: county?.batch ?? null,
    file: f.file ?? '',
    sheet: f.sheet ?? '',
    ...(f.cell ? { cell: f.cell } : {}),
    figures,
  };
}

/** The figures of cells of the county's reading (null where there is no cell): what each showed, the value read and its unit. */
export function figuresAt(seen: SeenOf, parts: Block[], at: { sheet: string; cell?: string }[]): (Figure | null)[] {
  const readings = readingsOf(parts);
  return at.map(({ sheet, cell }) => (cell ? figureOf(seen, readings, sheet, cell) : null));
}

/** One cell's figure: what it showed, and the value read from it (else `otherwise`'s). */
function figureOf(seen: SeenOf, readings: Map<string, Reading>, sheet: string, cell: string, otherwise?: Reading): Figure {
  const r = readings.get(`${sheet}\u0000${cell}`) ?? otherwise;
  return { sheet, cell, seen: seen(sheet, cell), read: r?.read ?? null, unit: r?.unit ?? null, unitFrom: r?.unitFrom ?? null };
}

/** Rows that could be a header (text only, each cell at most a heading's length), offered when the person chooses table 三's header rows. */
const HEADER_ROWS_OFFERED = 80;

/** How table 三 of a sheet was read, for the person to correct. */
export function sheetReading(
  grid: Grid,
  file: string,
  layout: string | null,
  tables: TableRead[],
  applied: { correction: RowCorrection; source: 'user' | 'remembered'; remember: LayoutCorrection | null } | undefined,
  leftOut: { row: number; text: string; why: 'struck' | 'hidden' | 'user' }[],
): SheetReading {
  const t = tables.find((x) => x.kind === 'disbursements');
  const columns: SheetReading['columns'] = [];
  if (t) {
    const h = t.header;
    const fieldOf = new Map<number, string>(Object.entries(h.columns).map(([f, c]) => [c as number, f]));
    for (let col = h.left; col <= h.right; col++) {
      const leaf = h.cells.filter((c) => c.col <= col && c.col + c.span - 1 >= col).sort((a, b) => b.row - a.row)[0];
      if (!leaf) continue;
      const field = fieldOf.get(col) ?? null;
      const amount = field === 'planned' || field === 'actual';
      const u = amount ? columnUnit(t, col, h.bottom) : undefined;
      columns.push({ col: colName(col), text: leaf.text, field, unit: u?.unit ?? null, unitFrom: u?.from ?? null });
    }
  }
  // Header rows chosen that make no table: their columns are offered, for the person to say which is 计划 and which 实际.
  const band = applied?.correction.header;
  if (!t && band)
    for (const cell of grid.row(band.bottom)) {
      const own = grid.cover(band.bottom, cell.col);
      if (own && own.text.trim()) columns.push({ col: colName(cell.col), text: own.text, field: null, unit: null, unitFrom: null });
    }
  const lines: SheetReading['lines'] = t
    ? t.cells.map((c, i) => ({ row: rowOf(c.name ?? c.seq ?? c.planned ?? ''), text: t.disbursements[i]?.name ?? '', leftOut: null }))
    : [];
  for (const l of leftOut) lines.push({ row: l.row, text: l.text, leftOut: l.why });
  lines.sort((a, b) => a.row - b.row);
  const headerRows: SheetReading['headerRows'] = [];
  for (const row of grid.rows) {
    const cells = grid.row(row);
    if (headerRows.length >= HEADER_ROWS_OFFERED) break;
    if (cells.length > 0 && cells.every((c) => headerWithin(c, CHOSEN_HEADER_TEXT)))
      headerRows.push({
        row,
        text: cells
          .map((c) => c.text.replace(/\s+/g, ''))
          .join(' | ')
          .slice(0, 60),
      });
  }
  return {
    file,
    sheet: grid.sheet,
    layout,
    correction: applied ? applied.correction : null,
    source: applied?.source ?? null,
    remember: applied?.remember ?? null,
    header: t ? { top: t.header.top, bottom: t.header.bottom } : null,
    headerRows,
    columns,
    lines,
    ...ledgerReading(grid, tables),
  };
}

/** A sheet's 拨付台账: its 金额 column, its header text and the unit it was read in. */
function ledgerReading(grid: Grid, tables: TableRead[]): Pick<SheetReading, 'ledger'> {
  const p = tables.find((x) => x.kind === 'payments' && x.header.columns.amount !== undefined);
  if (!p) return {};
  const col = p.header.columns.amount!;
  const u = columnUnit(p, col, p.header.bottom);
  return { ledger: { col: colName(col), text: grid.cover(p.header.bottom, col)?.text ?? '', unit: u.unit, unitFrom: u.from } };
}
