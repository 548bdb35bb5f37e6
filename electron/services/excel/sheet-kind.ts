// Sheets that are not a county: a roll-up (汇总, one county a row), a payment-detail sheet
// (某某县…资金拨付明细表), a cover (封面), instructions (填表说明), a performance self-evaluation
// (绩效自评表, read by its own part later). None becomes a county and none blocks the county sheets
// beside it: each is told once, naming the sheet and why. A roll-up's figures are cross-checked
// against the counties read from the same workbook (a warning naming both cells), never imported.
import { finding, type Finding } from '../../../shared/findings';
import { decimalsOf, formatWan, parseAmount, statesRounded, sumFen, type AmountUnit } from '../../../shared/money';
import { countyKey, fold } from '../../../shared/text';
import { minOf } from '../../../shared/arrays';
import { fenOrZero, type RecordInput } from '../../../shared/record';
import { labelKey, statedUnit, unitOf, type Cell, type Grid } from './cells';
import type { Block, SheetLayout } from './locate';
import { splitAdmin } from './facts';

export type NotCountyKind = 'rollup' | 'totals' | 'detail' | 'cover' | 'instructions' | 'performance';

const SUMMARY_WORDS = /汇总|一览表|统计表/;
/** A sheet of instructions (填表说明, 说明): no county's, but a unit it states speaks for the workbook (book-unit.ts). */
export const INSTRUCTIONS = /填表说明|填报说明|使用说明|指标解释|^说明$/;
/** Words that say what a sheet is, in its name or its title (folded: traditional characters too). */
const WORDS: [NotCountyKind, RegExp][] = [
  ['performance', /绩效自评/],
  ['instructions', INSTRUCTIONS],
  ['cover', /封面|^目录$/],
  ['rollup', SUMMARY_WORDS],
  ['detail', /明细/],
];

/** The texts a sheet's title rows say: its first rows' short texts. */
function titleTexts(grid: Grid): Cell[] {
  const out: Cell[] = [];
  for (const r of grid.rows.slice(0, 3)) for (const c of grid.row(r)) if (typeof c.value === 'string' && c.text.length <= 80) out.push(c);
  return out;
}

/** A header cell naming the county column of a roll-up: 县（市、区）, 示范县, 项目县名称, 县区, 地区. */
const COUNTY_HEADER = /^(县|县区|县市|县市区|市县|示范县|项目县|示范县名称|项目县名称|县名称|县名|所属县|地区|县\(市、区\)|县市区名称)$/;
/** Words of a project's name that no county's name holds. */
const PROJECT_WORDS = /中心|园|站|体系|建设|项目|服务|培训|物流|宣传|平台|网点|仓|冷链|品牌|改造|升级|推广/;

const isCountyName = (text: string) => text.length <= 16 && !PROJECT_WORDS.test(text) && splitAdmin(text) !== undefined;

/** A roll-up by its shape: a header with a county column over rows that are counties. */
export type Rollup = {
  grid: Grid;
  countyCol: number;
  headerRow: number;
  columns: { planned?: number; actual?: number };
  units: Map<number, AmountUnit>;
  unit?: AmountUnit;
};

export function rollupShape(grid: Grid): Rollup | undefined {
  for (const r of grid.rows.slice(0, 12)) {
    const cells = grid.row(r);
    const county = cells.find((c) => typeof c.value === 'string' && COUNTY_HEADER.test(labelKey(c.text)));
    const named = county ?? cells.find((c) => typeof c.value === 'string' && /名称$/.test(labelKey(c.text)));
    if (!named) continue;
    const columns: Rollup['columns'] = {};
    const units = new Map<number, AmountUnit>();
    // The amount columns: under this row, or a row below it (a group header over 计划 / 实际).
    for (const rr of [r, r + 1])
      for (const c of grid.row(rr)) {
        if (typeof c.value !== 'string') continue;
        const key = labelKey(c.text);
        const field = /实际拨付|已拨付|拨付额度|^实际|累计拨付/.test(key)
          ? 'actual'
          : /计划安排|安排额度|^计划/.test(key)
            ? 'planned'
            : undefined;
        if (!field || columns[field] !== undefined) continue;
        columns[field] = c.col;
        const u = unitOf(c.text) ?? unitOf(grid.cover(r, c.col)?.text ?? '');
        if (u) units.set(c.col, u);
      }
    if (columns.planned === undefined && columns.actual === undefined) continue;
    const below = grid.rows.filter((x) => x > r);
    const names = below.map((x) => grid.at(x, named.col)).filter((c): c is Cell => !!c && typeof c.value === 'string');
    const counties = names.filter((c) => isCountyName(fold(c.text)));
    // Rows that are counties (at least two, most of the named ones): not a county's projects.
    if (counties.length < 2 && !(county && counties.length >= 1)) continue;
    if (counties.length * 2 < names.filter((c) => !/^(合计|总计|小计)/.test(fold(c.text))).length) continue;
    let unit: AmountUnit | undefined;
    for (const x of grid.rows.filter((x) => x < r))
      for (const c of grid.row(x)) if (typeof c.value === 'string') unit ??= statedUnit(c.text);
    return { grid, countyCol: named.col, headerRow: r, columns, units, unit };
  }
  return undefined;
}

/**
 * A prefecture's sheet in a county's layout (南宁市…验收情况表): its table 三's lines are counties
 * (横县, 上林县, 马山县), not a county's projects — a roll-up of them, its rows compared with the
 * counties of the workbook. Lines that are counties: two or more, and more than half of the lines.
 */
function countyLines(layout: SheetLayout): Rollup | undefined {
  for (const t of layout.tables) {
    const { name, planned, actual } = t.header.columns;
    if (t.kind !== 'disbursements' || name === undefined) continue;
    const counties = t.disbursements.filter((d) => isCountyName(fold(d.name)));
    if (counties.length < 2 || counties.length * 2 <= t.disbursements.length) continue;
    const units = new Map([...t.header.units].map(([col, u]) => [col, u.unit]));
    return { grid: layout.grid, countyCol: name, headerRow: t.header.bottom, columns: { planned, actual }, units, unit: t.unitLine?.unit };
  }
  return undefined;
}

/**
 * Whether a sheet is a summary by its name or title (樟树市汇总, 资金汇总表) that holds no table of
 * the county's: a county's facts may stand on it, its other figures are a summary's, no table's rows.
 */
export function summaryOnly(name: string, layout: SheetLayout): boolean {
  if (layout.blocks.some((b) => b.tables.length > 0)) return false;
  return SUMMARY_WORDS.test(fold(name)) || titleTexts(layout.grid).some((c) => SUMMARY_WORDS.test(fold(c.text)));
}

/**
 * Whether a sheet is no county's, and what it is: by the words of its name or title, when it holds
 * no table of a county's construction (表二); or a roll-up by its shape, whatever its name.
 */
export function notACounty(name: string, layout: SheetLayout): { kind: NotCountyKind; cell?: string; shape?: Rollup } | undefined {
  const counties = countyLines(layout);
  if (counties) return { kind: 'rollup', cell: counties.grid.at(counties.headerRow, counties.countyCol)?.address, shape: counties };
  const tables = layout.blocks.flatMap((b) => b.tables);
  if (tables.some((t) => t.kind === 'items')) return undefined;
  const sheetName = fold(name);
  const ledger = tables.some((t) => t.kind === 'payments' && !t.header.cells.some((c) => /计划|安排/.test(labelKey(c.text))));
  const titles = titleTexts(layout.grid);
  // A sheet holding a county's money facts (基本情况汇总) is that county's, whatever its name says.
  const facts = layout.blocks.some((b) =>
    Object.keys(b.facts.values).some((k) => k.startsWith('investment') || k === 'centralArrangedUse'),
  );
  for (const [kind, words] of WORDS) {
    if (facts && kind !== 'performance') break;
    // A ledger titled 拨付明细 (a payment a row: one amount) stays the county's ledger; a sheet of
    // projects with their planned and paid amounts (计划安排 beside 实际拨付) is a detail of table 三.
    if (kind === 'detail' && ledger) continue;
    if (kind === 'detail' && (/台[账帐]/.test(sheetName) || titles.some((c) => /台[账帐]/.test(fold(c.text))))) continue;
    if (words.test(sheetName)) return { kind, cell: titles[0]?.address };
    const said = titles.find((c) => words.test(fold(c.text).replace(/\s/g, '')));
    if (said) return { kind, cell: said.address };
  }
  if (ledger) return undefined;
  const shape = rollupShape(layout.grid);
  if (shape) return { kind: 'rollup', cell: shape.grid.at(shape.headerRow, shape.countyCol)?.address };
  return undefined;
}

/** The finding that tells a sheet was not read. */
export function sheetNotRead(file: string, sheet: string, kind: NotCountyKind, cell?: string): Finding {
  return { ...finding('sheet_not_read', { sheet, kind }), file, sheet, ...(cell ? { cell } : {}) };
}

/** Where a county's figures stand, for a cross-check to name: its 合计 cells or its sheet. */
export type CountyTotals = { name: string; input: RecordInput; sheet: string; cells: { planned?: string; actual?: string } };

/**
 * A roll-up's rows against the counties read from the same workbook: each figure that differs from
 * the sum of the county's lines is a warning at the roll-up's cell naming the county's. Counties the
 * roll-up names but the workbook does not hold are told by rollupCountiesMissing (the roll-up is not a record).
 */
export function rollupMismatches(
  file: string,
  sheet: string,
  rollup: Rollup,
  counties: CountyTotals[],
): { county: string; finding: Finding }[] {
  const { grid } = rollup;
  const out: { county: string; finding: Finding }[] = [];
  for (const r of grid.rows) {
    if (r <= rollup.headerRow) continue;
    const nameCell = grid.at(r, rollup.countyCol);
    if (!nameCell || typeof nameCell.value !== 'string') continue;
    const matches = counties.filter((c) => countyKey(c.name) === countyKey(nameCell.text) || fold(nameCell.text).endsWith(fold(c.name)));
    if (matches.length !== 1) continue;
    const county = matches[0];
    for (const column of ['planned', 'actual'] as const) {
      const col = rollup.columns[column];
      const cell = col === undefined ? undefined : grid.at(r, col);
      if (!cell || (typeof cell.value !== 'number' && typeof cell.value !== 'string')) continue;
      const parsed = parseAmount(cell.value, rollup.units.get(col!) ?? rollup.unit ?? 'wan', { sum: true });
      if (!parsed.ok) continue;
      const sum = sumFen(county.input.disbursements.map((d) => fenOrZero(d[column])));
      // The roll-up rounds (a 万元 figure to two decimals of its own): compared at the precision it states.
      if (statesRounded(parsed.value, sum, parsed.unit, decimalsOf(fold(cell.text).replace(/[^\d.]/g, '')))) continue;
      const at = county.cells[column];
      const other = at ? `${county.sheet} › ${at}` : county.sheet;
      out.push({
        county: county.name,
        finding: {
          ...finding('rollup_mismatch', { county: county.name, column, stated: formatWan(parsed.value), sum: formatWan(sum), other }),
          file,
          sheet,
          cell: cell.address,
        },
      });
    }
  }
  return out;
}

/**
 * Counties a roll-up lists with figures that the workbook holds no sheet of (`known`: every county read, imported or
 * refused): each told at its name's cell — a clerk counting the roll-up's counties against the preview sees why one is
 * missing. Rows of totals (合计, 小计, 楚雄州) are no county.
 */
export function rollupCountiesMissing(file: string, sheet: string, rollup: Rollup, known: string[]): Finding[] {
  const { grid } = rollup;
  const out: Finding[] = [];
  for (const r of grid.rows) {
    const nameCell = grid.at(r, rollup.countyCol);
    if (r <= rollup.headerRow || !nameCell || typeof nameCell.value !== 'string') continue;
    const name = fold(nameCell.text);
    if (!/[县市区旗]$/.test(name) || TOTALS_WORDS.test(name) || /小计/.test(name)) continue;
    if (known.some((k) => countyKey(k) === countyKey(name) || name.endsWith(fold(k)))) continue;
    const figure = (column: 'planned' | 'actual') => {
      const col = rollup.columns[column];
      const cell = col === undefined ? undefined : grid.at(r, col);
      return cell && (typeof cell.value === 'number' || typeof cell.value === 'string') ? cell.text : '';
    };
    const [planned, actual] = [figure('planned'), figure('actual')];
    if (!/\d/.test(planned + actual)) continue;
    const params = { county: nameCell.text.trim(), planned: planned || '—', actual: actual || '—' };
    out.push({ ...finding('rollup_county_missing', params), file, sheet, cell: nameCell.address });
  }
  return out;
}

/** Words that say a sheet adds others up: 合计, 总计, 总表, 汇总 (folded: 合計, 總表 too). */
const TOTALS_WORDS = /合计|总计|总表|汇总/;

/**
 * Where a block of tables that names no county says it adds others up: its sheet's name (合计,
 * 总表) or a short title above its first table (…验收情况表（合计）, 全市示范县资金拨付总表).
 */
export function totalsSaid(sheet: string, grid: Grid, block: Block, after: number): string | undefined {
  const top = minOf(block.tables.map((t) => t.header.nameCell.row));
  // Its title stands in its first rows, or above them when it names no county (rows after the block before).
  for (const r of grid.rows.filter((x) => x > after && x < top).slice(0, 3))
    for (const c of grid.row(r))
      if (typeof c.value === 'string' && c.text.length <= 40 && TOTALS_WORDS.test(fold(c.text))) return c.address;
  if (TOTALS_WORDS.test(fold(sheet))) return block.tables[0].header.nameCell.address;
  return undefined;
}

/** A totals sheet's Σ计划 and Σ实际: its stated 合计, else its lines added up. */
function blockSums(block: Block): Record<'planned' | 'actual', { fen: bigint; cell: string }> | undefined {
  const table = block.tables.find((t) => t.kind === 'disbursements');
  if (!table) return undefined;
  const sum = (column: 'planned' | 'actual') => {
    const stated = table.totals[0]?.[column];
    if (stated) return { fen: fenOrZero(stated.value), cell: stated.cell };
    const cell = table.cells.find((c) => c[column])?.[column] ?? table.header.nameCell.address;
    return { fen: sumFen(table.disbursements.map((d) => fenOrZero(d[column]))), cell };
  };
  return { planned: sum('planned'), actual: sum('actual') };
}

/**
 * A block of table 三 that names no county, beside counties read from the same workbook, is their
 * roll-up (a 合计 / 总表 sheet in the county layout) when its name or title says so, or when its
 * Σ计划 and Σ实际 are theirs added up (two counties or more). Then each of its sums that differs
 * from the counties' is a doubt at its cell; undefined when it is no roll-up (a county without its name).
 */
export function totalsRollup(
  file: string,
  block: Block,
  said: string | undefined,
  counties: CountyTotals[],
): { told: Finding; mismatches: Finding[] } | undefined {
  const sums = blockSums(block);
  if (!sums || counties.length === 0) return undefined;
  const theirs = {
    planned: sumFen(counties.flatMap((c) => c.input.disbursements.map((d) => fenOrZero(d.planned)))),
    actual: sumFen(counties.flatMap((c) => c.input.disbursements.map((d) => fenOrZero(d.actual)))),
  };
  const adds = counties.length >= 2 && sums.planned.fen === theirs.planned && sums.actual.fen === theirs.actual;
  if (!said && !adds) return undefined;
  const names = counties.map((c) => c.name).join('、');
  const mismatches = (['planned', 'actual'] as const)
    .filter((column) => sums[column].fen !== theirs[column])
    .map((column) => ({
      ...finding('rollup_total_mismatch', {
        column,
        stated: formatWan(sums[column].fen),
        sum: formatWan(theirs[column]),
        counties: names,
      }),
      file,
      sheet: block.sheet,
      cell: sums[column].cell,
    }));
  return { told: sheetNotRead(file, block.sheet, 'totals', said ?? block.tables[0].header.nameCell.address), mismatches };
}

/** A county's name without its last 县/市/区/旗 (or 自治县…): 长白县 and 长白朝鲜族自治县 share 长白. */
const stem = (name: string) => fold(name).replace(/(自治县|自治旗|县|市|区|旗)$/, '');

/**
 * A sheet named after one county (榆树市) whose only county, by its title and facts, is another (扶余市): a
 * sheet copied from a neighbour and renamed, its title or paragraph left — which county the figures are no
 * reader can tell. A doubt at the county's name, naming both; never a tab naming the county's prefecture.
 * Only where the sheet names one county (`namedOnSheet`: how many of its blocks name one).
 */
export function tabNamesOther(
  file: string,
  anchor: Block,
  name: string,
  prefecture: string | null,
  namedOnSheet: number,
): Finding | undefined {
  if (namedOnSheet !== 1) return undefined;
  const tab = fold(anchor.sheet).trim();
  const said = isCountyName(tab) ? splitAdmin(tab)?.name : undefined;
  if (!said || (prefecture && fold(said) === fold(prefecture))) return undefined;
  const [a, b] = [stem(said), stem(name)];
  if (a.startsWith(b) || b.startsWith(a)) return undefined;
  const cell = anchor.facts.cells.name ?? 'A1';
  return { ...finding('sheet_name_differs', { sheet: anchor.sheet, county: name, at: cell }), file, sheet: anchor.sheet, cell };
}
