// Import of a 绩效自评表 sheet (四、绩效自评) as counties fill in the Ministry of Finance's standard
// layout: found by its words, not by positions — 项目资金 with 年初预算数 | 全年预算数 | 全年执行数 |
// 分值 | 执行率 | 得分 and its 其中 rows, 年度总体目标, the 绩效指标 header and rows (一级 and 二级 merged
// down, spaced vertical labels such as 产 出 指 标, simplified or traditional), 总分. What the table
// states is kept as stated; the rules compute their own beside it; each difference is a finding at
// its cell. A sheet titled so whose table cannot be read is refused, never dropped.
import { finding, type Finding } from '../../../shared/findings';
import { computeRecord, type RecordInput } from '../../../shared/record';
import { checkPerformance, emptyPerformance, recordFigures, type Indicator, type PerformanceInput } from '../../../shared/performance';
import type { Level1 } from '../../../shared/performance-schema';
import { level1Of, level1Weight, parseScore } from '../../../shared/performance-fields';
import { fenOfDecimal, formatWan, parseAmount, parsePercent, subFenFigure, type AmountUnit } from '../../../shared/money';
import { countyKey, fold } from '../../../shared/text';
import { sumScores } from '../../../shared/performance-rules';
import { pushAll } from '../../../shared/arrays';
import { colName, isBlank, isPercentFormat, statedUnit, unitOf, type Cell, type Grid } from './cells';
import { powerOfTen, type ReadRecord } from './assemble';
import { doubtOf } from './doubts';
import type { Figure, UnitFrom } from '../../../shared/doubts';
import type { PerformanceMeta } from './performance-export';
import { withoutRows } from './corrections';

/** A sheet meant as a 绩效自评表: its name or its first rows say 绩效自评 (or 项目自评表, a city's 20 + 80 form). */
export function isPerformanceSheet(name: string, grid: Grid): boolean {
  if (/绩效自评|绩效评价表|自评表/.test(fold(name))) return true;
  return grid.rows
    .slice(0, 3)
    .some((r) => grid.row(r).some((c) => typeof c.value === 'string' && MAY_SAY_TABLE.test(c.text) && /自评表/.test(fold(c.text))));
}

/**
 * A 绩效自评表 below a county's tables on one sheet (a 公示 page saved as a workbook): its title row,
 * below the sheet's first rows, with the 项目资金 header (预算数) under it. The sheet is then two
 * parts, each read by its own reader: the county's above the title, the 绩效自评表 from it down.
 */
export function splitPerformance(grid: Grid): { county: Grid; performance?: Grid } {
  const title = grid.rows
    .slice(3)
    .find((r) => grid.row(r).some((c) => typeof c.value === 'string' && MAY_SAY_TABLE.test(c.text) && /绩效自评表/.test(fold(c.text))));
  if (title === undefined || !find(grid, (k) => k === '全年预算数' || k === '预算数', title)) return { county: grid };
  const below = grid.rows.filter((r) => r >= title);
  const above = grid.rows.filter((r) => r < title);
  return { county: withoutRows(grid, below), performance: withoutRows(grid, above) };
}

/** 表 in a folded text comes only from 表 or 錶 in the text: each sheet's first rows are folded only where they may say 自评表. */
const MAY_SAY_TABLE = /[表錶]/;

export type PerformanceRead = {
  file: string;
  sheet: string;
  performance: PerformanceInput | null;
  findings: Finding[];
  /** Where each value stands: `funds.statedRate`, `3:score` (indicator row 3's 得分) → a cell. */
  cells: Map<string, string>;
  /** The texts that may name the county (the sheet's name, 项目名称, 实施单位). */
  names: string[];
  /** What the sheet says it is of: its 项目名称, 实施单位 and 主管部门 (each with its cell), and the 年度 its title states. */
  said: { label: SaidLabel; text: string; cell: string }[];
  year: number | null;
  /** The cell stating the 年度 (null: the sheet's name states it, or nothing does). */
  yearCell: string | null;
  meta?: PerformanceMeta['performance'];
  /** Each amount of 项目资金 by its field (`funds.budget`): the cell, what it showed, the value read and the unit applied. */
  figures: Map<string, Figure>;
  /** The unit of 项目资金, where it came from, and a unit line saying another one (the label's unit won). */
  unit?: { unit: AmountUnit; at?: Cell; other?: Cell };
};

type SaidLabel = '项目名称' | '实施单位' | '主管部门';

/** A label's words, without what brackets add (预算数(A), 执行率(B/A), 得分(20分*执行率)) or a colon. */
const key = (c: Cell | undefined) =>
  c
    ? fold(c.text)
        .replace(/\([^()]*\)/g, '')
        .replace(/[():]/g, '')
    : '';
/** A weight a label states in brackets: 预算执行情况(万元)(20分), 得分(20分*执行率). */
const statedWeight = (c: Cell | undefined) => (c ? /\((\d{1,3})分/.exec(fold(c.text))?.[1] : undefined);

/** The first cell (reading order) whose folded text passes `test`. */
function find(grid: Grid, test: (k: string) => boolean, from = 0): Cell | undefined {
  for (const r of grid.rows) if (r >= from) for (const c of grid.row(r)) if (test(key(c))) return c;
  return undefined;
}

/** Reads one 绩效自评表 sheet. */
export function readPerformanceSheet(grid: Grid, file: string, meta: PerformanceMeta['performance'] | undefined): PerformanceRead {
  const out: PerformanceRead = {
    ...{ file, sheet: grid.sheet, performance: null, findings: [], cells: new Map(), names: [grid.sheet], meta },
    ...{ said: [], year: null, yearCell: null, figures: new Map() },
  };
  for (const label of ['项目名称', '实施单位', '主管部门'] as const) {
    const c = find(grid, (k) => k === label);
    const value = c && grid.row(c.row).find((x) => x.col > c.col && !isBlank(x));
    if (value) out.names.push(value.text);
    if (value) out.said.push({ label, text: value.text, cell: value.address });
  }
  const budgetHead = find(grid, (k) => k === '全年预算数' || k === '预算数');
  Object.assign(out, statedYear(grid, budgetHead?.row ?? 4));
  if (!budgetHead) {
    tell(out, finding('perf_sheet_unread', { value: grid.sheet }), grid.row(grid.rows[0] ?? 1)[0]?.address ?? 'A1');
    return out;
  }
  const p = emptyPerformance();
  const head = budgetHead.row;
  const indicatorHead = find(grid, (k) => k === '三级指标', head + 1);
  readFunds(grid, out, p, head, indicatorHead);
  readGoals(grid, p, head, indicatorHead);
  if (indicatorHead) readIndicators(grid, out, p, indicatorHead.row);
  out.performance = p;
  return out;
}

/** The 年度 the title rows above 项目资金 state (（2021年度）) and its cell, else the sheet's name's (绩效自评(2022)); null when neither says one. */
function statedYear(grid: Grid, below: number): { year: number | null; yearCell: string | null } {
  for (const c of grid.rows.filter((r) => r < below).flatMap((r) => grid.row(r))) {
    const m = /(?:^|[^\d])(20\d\d)年度/.exec(fold(c.text));
    if (m) return { year: Number(m[1]), yearCell: c.address };
  }
  const t = fold(grid.sheet);
  const m = /(?:^|[^\d])(20\d\d)年度/.exec(t) ?? /(?:^|[^\d])(20\d\d)(?:[^\d]|$)/.exec(t);
  return { year: m ? Number(m[1]) : null, yearCell: null };
}

function tell(out: PerformanceRead, f: Finding, cell: string): void {
  out.findings.push({ ...f, file: out.file, sheet: out.sheet, cell });
}

/** A score as the sheet states it (a number or its text); undefined when the cell is blank or unreadable. */
function statedScore(c: Cell): string | undefined {
  const parsed = parseScore(typeof c.value === 'number' ? c.value : c.text);
  return parsed.ok && parsed.value !== null ? parsed.value : undefined;
}

/** ---- 项目资金: the columns of its header, the amounts of its rows, the 分值, 执行率 and 得分 of its total. */
function readFunds(grid: Grid, out: PerformanceRead, p: PerformanceInput, head: number, indicatorHead: Cell | undefined): void {
  const columns = new Map<string, number>();
  for (const c of grid.row(head)) {
    const k = key(c);
    for (const label of ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'])
      if (k === label || (label === '全年预算数' && k === '预算数') || (label === '全年执行数' && k === '执行数'))
        columns.set(label, c.col);
  }
  out.unit = fundsUnit(grid, head);
  const { unit, at } = out.unit;
  const unitFrom: UnitFrom = at
    ? { kind: at.row === head || at.col === 1 ? 'header' : 'line', cell: at.address, text: at.text }
    : { kind: 'default' };
  const goalsHead = find(grid, (k) => k === '年度总体目标' || k === '预期目标', head + 1);
  const fundsEnd = goalsHead?.row ?? indicatorHead?.row ?? grid.rowCount + 1;
  const money = (row: number, label: string, field: string): string | null => {
    const col = columns.get(label);
    const c = col === undefined ? undefined : grid.at(row, col);
    if (!c || isBlank(c) || /^[-—–]+$/.test(c.text.trim())) return null;
    const raw = typeof c.value === 'number' ? c.value : c.text;
    const parsed = recordSum(out, field, raw, unit) ?? parseAmount(raw, unit);
    if (!parsed.ok) {
      tell(out, finding('not_a_number', { field: `performance.${field}`, value: c.text, problem: parsed.problem }), c.address);
      return null;
    }
    out.cells.set(field, c.address);
    const read = formatWan(parsed.value);
    const finer = typeof c.value === 'number' ? subFenFigure(c.value, parsed.unit) : null;
    if (finer) tell(out, finding('amount_sub_fen', { field: `performance.${field}`, value: finer, unit: parsed.unit, read }), c.address);
    out.figures.set(field, { sheet: grid.sheet, cell: c.address, seen: c.text, read, unit, unitFrom });
    return read;
  };
  let totalRow: number | undefined;
  const firstMoneyCol = columns.get('年初预算数') ?? columns.get('全年预算数')!;
  for (const r of grid.rows.filter((x) => x > head && x < fundsEnd)) {
    // The row's label, merged down beside it or not (年度财政资金总额 over its header and its figures).
    const label = [...new Set(Array.from({ length: firstMoneyCol - 1 }, (_, i) => grid.cover(r, i + 1)))].map(key).join('');
    const part = fundsPart(label);
    if (!part) continue;
    const row = {
      initial: money(r, '年初预算数', `funds.${part === 'funds' ? '' : part + '.'}initial`),
      budget: money(r, '全年预算数', `funds.${part === 'funds' ? '' : part + '.'}budget`),
      executed: money(r, '全年执行数', `funds.${part === 'funds' ? '' : part + '.'}executed`),
    };
    if (part === 'funds') {
      // A 年度资金总额 row of zeros above a filled one is no total: the filled one is.
      if (totalRow !== undefined && (row.budget ?? '0') === '0') continue;
      totalRow = r;
      p.funds = { ...p.funds, ...row };
    } else p.funds[part] = row;
  }
  if (totalRow !== undefined) readFundsTotal(grid, out, p, head, columns, totalRow);
}

/**
 * Our own export's 全年预算数 / 全年执行数 where the record computes them (Σ计划, Σ实际, as its hidden sheet says): a sum,
 * read whole — a single amount's cap is not a sum's. Undefined for any other cell, or a value changed since the export.
 */
function recordSum(
  out: PerformanceRead,
  field: string,
  raw: string | number,
  unit: AmountUnit,
): ReturnType<typeof parseAmount> | undefined {
  const k = field === 'funds.budget' ? 'budget' : field === 'funds.executed' ? 'executed' : undefined;
  if (!k || out.meta?.from[k] !== 'record') return undefined;
  const read = parseAmount(raw, unit, { sum: true });
  return read.ok && formatWan(read.value) === out.meta.shown[k] ? read : undefined;
}

/**
 * The unit of 项目资金: what its label or header says (项目资金（元）), else a unit line above the
 * header (（2022年度） 单位：元 under the title, as table 三's unit lines are read), else 万元.
 */
function fundsUnit(grid: Grid, head: number): { unit: AmountUnit; at?: Cell; other?: Cell } {
  const above = grid.rows.filter((r) => r < head).flatMap((r) => grid.row(r));
  const line = above.find((c) => typeof c.value === 'string' && statedUnit(c.text));
  const own = [grid.cover(head, 1), ...grid.row(head)].find((c) => c && unitOf(c.text));
  if (!own) return line ? { unit: statedUnit(line.text)!, at: line } : { unit: 'wan' };
  const unit = unitOf(own.text)!;
  return { unit, at: own, ...(line && statedUnit(line.text) !== unit ? { other: line } : {}) };
}

/** Which row of 项目资金 a label names: 本年财政拨款, 上年结转, 其他资金 or the total. */
function fundsPart(label: string): 'current' | 'carryover' | 'other' | 'funds' | undefined {
  if (/本年财政拨款|财政拨款/.test(label)) return 'current';
  if (/上年结转/.test(label)) return 'carryover';
  if (/其他资金/.test(label)) return 'other';
  return /资金总额|合计/.test(label) ? 'funds' : undefined;
}

/** The 分值, 执行率 and 得分 the total row of 项目资金 states. */
function readFundsTotal(
  grid: Grid,
  out: PerformanceRead,
  p: PerformanceInput,
  head: number,
  columns: Map<string, number>,
  totalRow: number,
) {
  const at = (label: string) => (columns.has(label) ? grid.at(totalRow, columns.get(label)!) : undefined);
  const weight = at('分值');
  if (weight && !isBlank(weight)) {
    const parsed = statedScore(weight);
    if (parsed !== undefined) p.funds.weight = parsed;
  } else if (!columns.has('分值'))
    p.funds.weight =
      statedWeight(columns.has('得分') ? grid.at(head, columns.get('得分')!) : undefined) ?? statedWeight(grid.cover(head, 1)) ?? '10';
  // A computed cell (a formula) is the sheet's own arithmetic, not a statement.
  const rate = at('执行率');
  if (rate && !isBlank(rate) && !rate.isFormula) {
    const parsed =
      typeof rate.value === 'number'
        ? parsePercent(rate.value, isPercentFormat(rate.numFmt) || rate.value <= 1.5)
        : parsePercent(rate.text);
    if (parsed.ok) {
      p.funds.statedRate = parsed.value;
      out.cells.set('funds.statedRate', rate.address);
    }
  }
  const score = at('得分');
  if (score && !isBlank(score) && !score.isFormula) {
    const parsed = statedScore(score);
    if (parsed !== undefined) {
      p.funds.statedScore = parsed;
      out.cells.set('funds.statedScore', score.address);
    }
  }
}

/** ---- 年度总体目标: the texts under 预期目标 and 实际完成情况, down to the indicators. */
function readGoals(grid: Grid, p: PerformanceInput, head: number, indicatorHead: Cell | undefined): void {
  const expectedHead = find(grid, (k) => k === '预期目标', head + 1);
  const achievedHead = find(grid, (k) => k === '实际完成情况', head + 1);
  if (!expectedHead) return;
  const below = (c: Cell) =>
    grid.rows
      .filter((r) => r > c.row && (!indicatorHead || r < indicatorHead.row))
      .map((r) => grid.at(r, c.col))
      .filter((x): x is Cell => !!x && !isBlank(x));
  p.goals.expected = below(expectedHead)
    .map((c) => c.text)
    .join('\n');
  if (achievedHead)
    p.goals.achieved = below(achievedHead)
      .map((c) => c.text)
      .join('\n');
}

/** Which field of an indicator a header label names. */
function indicatorField(k: string): string | undefined {
  if (k === '一级指标') return 'level1';
  if (k === '二级指标') return 'level2';
  if (k === '三级指标') return 'name';
  if (/^年度指标值|^指标值|^目标值|^年初目标值/.test(k)) return 'target';
  if (/^实际完成值|^实际值|^完成值/.test(k)) return 'actual';
  if (k === '分值' || k === '权重') return 'weight';
  if (k === '得分') return 'score';
  return /偏差原因/.test(k) ? 'deviation' : undefined;
}

/** ---- 绩效指标: its rows down to 总分 (whose 得分 is the stated total), then the weights of the 一级指标. */
function readIndicators(grid: Grid, out: PerformanceRead, p: PerformanceInput, headRow: number): void {
  const cols = new Map<string, number>();
  for (const c of grid.row(headRow)) {
    const field = indicatorField(key(c));
    if (field && !cols.has(field)) cols.set(field, c.col);
  }
  const text = (r: number, field: string, merged = false) => {
    const col = cols.get(field);
    const c = col === undefined ? undefined : merged ? grid.cover(r, col) : grid.at(r, col);
    return c && !isBlank(c) ? c : undefined;
  };
  const indicators: Indicator[] = [];
  /** The weights the 一级指标 labels state (产出指标(50分)), with their cells. */
  const statedWeights = new Map<Level1, { value: string; cell: string }>();
  const unread = new Set<string>();
  for (const r of grid.rows.filter((x) => x > headRow)) {
    const first = grid.row(r).map(key).join('');
    if (/^总分|^合计/.test(first) || grid.row(r).some((c) => key(c) === '总分')) {
      const score = text(r, 'score');
      const parsed = score && !score.isFormula ? statedScore(score) : undefined;
      if (parsed !== undefined) p.statedTotal = parsed;
      // (A total our export keeps in its hidden sheet is told at the cell too, which shows the rule's.)
      if (score) out.cells.set('statedTotal', score.address);
      break;
    }
    const name = text(r, 'name');
    const target = text(r, 'target');
    const actual = text(r, 'actual');
    const weight = text(r, 'weight');
    // Placeholder rows ("……", empty) carry nothing.
    if ([name, target, actual, weight].every((c) => !c || /^[.。…·\s]*$/.test(c.text))) continue;
    const levelCell = text(r, 'level1', true);
    const level1 = levelCell ? level1Of(levelCell.text) : indicators[indicators.length - 1]?.level1;
    if (!level1) {
      // A label merged down over its rows is told once.
      const cell = levelCell?.address ?? `${colName(cols.get('level1') ?? 1)}${r}`;
      if (!unread.has(cell)) tell(out, finding('perf_sheet_unread', { value: levelCell?.text ?? '' }), cell);
      unread.add(cell);
      continue;
    }
    const stated = levelCell && level1Weight(levelCell.text);
    if (stated && !statedWeights.has(level1)) statedWeights.set(level1, { value: stated, cell: levelCell.address });
    const row = indicators.length;
    for (const [field, c] of [
      ['name', name],
      ['target', target],
      ['actual', actual],
      ['level1', levelCell],
    ] as const)
      if (c) out.cells.set(`${row}:${field}`, c.address);
    const level2 = text(r, 'level2', true);
    indicators.push({
      level1,
      level2: level2 ? fold(level2.text) : '',
      name: name?.text ?? '',
      target: target?.text ?? '',
      actual: actual?.text ?? '',
      weight: indicatorScore(out, row, weight, 'weight'),
      score: indicatorScore(out, row, text(r, 'score'), 'score'),
      deviation: text(r, 'deviation')?.text ?? '',
    });
  }
  p.indicators = indicators;
  levelWeights(out, p, indicators, statedWeights);
}

/** An indicator's 分值 or 得分, its cell kept; a cell that is no number is told. */
function indicatorScore(out: PerformanceRead, row: number, c: Cell | undefined, field: 'weight' | 'score'): string | null {
  if (!c) return null;
  const parsed = parseScore(typeof c.value === 'number' ? c.value : c.text);
  if (!parsed.ok) {
    tell(out, finding('not_a_number', { field: `performance.${field}`, value: c.text }), c.address);
    return null;
  }
  out.cells.set(`${row}:${field}`, c.address);
  return parsed.value;
}

/**
 * The weights of the 一级指标 as the table gives them: written in the label (checked against the
 * 分值 of its indicators), else the 分值 of its indicators.
 */
function levelWeights(
  out: PerformanceRead,
  p: PerformanceInput,
  indicators: Indicator[],
  statedWeights: Map<Level1, { value: string; cell: string }>,
) {
  for (const level of ['output', 'outcome', 'satisfaction'] as const) {
    const rows = indicators.filter((i) => i.level1 === level);
    const stated = statedWeights.get(level);
    if (stated) {
      p.weights[level] = stated.value;
      out.cells.set(`weights.${level}`, stated.cell);
    } else if (rows.length)
      p.weights[level] = sumScores(rows.map((i) => i.weight ?? '0'))
        .replace(/\.00$/, '')
        .replace(/(\.\d)0$/, '$1');
  }
}

/**
 * Gives each 绩效自评表 read to the county of the workbook it belongs to (the only one, else the one
 * its sheet name, 项目名称 or 实施单位 names), with the findings of its checks pinned to its cells. A
 * province's or prefecture's own (by what it says it is of) is told and given to none; a county given
 * two keeps the one of its 示范年度, else is refused naming both — never by the sheets' order.
 */
export function attachPerformance(records: ReadRecord[], reads: PerformanceRead[]): void {
  const withInput = records.filter((r) => r.input !== null);
  const homes = new Map<ReadRecord, PerformanceRead[]>();
  for (const read of reads) {
    // A 绩效自评表 left blank (the template's, unfilled) makes no performance part.
    if (read.performance && read.findings.length === 0 && isBlankPart(read.performance)) continue;
    const above = read.performance ? aboveCounty(read, withInput) : undefined;
    if (above) {
      const told = finding('perf_sheet_above', { sheet: read.sheet, ...above.params });
      if (records[0]) records[0].findings.push({ ...told, file: read.file, sheet: read.sheet, cell: above.cell });
      continue;
    }
    const named = withInput.filter((r) => read.names.some((n) => fold(n).includes(fold(r.input!.county.name))));
    const home = withInput.length === 1 ? withInput[0] : named.length === 1 ? named[0] : undefined;
    if (read.performance && home) {
      homes.set(home, [...(homes.get(home) ?? []), read]);
      continue;
    }
    const target = home ?? records[0];
    const findings = read.performance
      ? [
          {
            ...finding('perf_sheet_unclaimed', { counties: withInput.map((r) => r.input!.county.name).join('、') || '—' }),
            file: read.file,
            sheet: read.sheet,
            cell: 'A1',
          },
        ]
      : [];
    if (target) pushAll(pushAll(target.findings, read.findings), findings);
  }
  for (const [home, given] of homes) {
    const read = oneOfYear(home, given);
    if (read) attachTo(home, read);
  }
}

/**
 * Of the 绩效自评表 given to one county, the one it keeps: the only one, else the only one of the record's
 * 示范年度 (the others told); else none, the county refused naming them (which year is meant no reader can tell).
 */
function oneOfYear(home: ReadRecord, given: PerformanceRead[]): PerformanceRead | undefined {
  if (given.length === 1) return given[0];
  const year = home.input!.county.year;
  const ofYear = given.filter((r) => r.year !== null && r.year === year);
  const county = home.input!.county.name;
  const sheets = given.map((r) => `${r.sheet}${r.year !== null ? `(${r.year}年度)` : ''}`).join('、');
  if (ofYear.length !== 1) {
    home.findings.push({ ...finding('perf_sheet_twice', { county, sheets }), file: given[1].file, sheet: given[1].sheet, cell: 'A1' });
    return undefined;
  }
  for (const other of given.filter((r) => r !== ofYear[0]))
    home.findings.push({
      ...finding('perf_sheet_other_year', {
        county,
        sheet: other.sheet,
        year: String(other.year ?? '—'),
        kept: ofYear[0].sheet,
        own: String(year),
      }),
      file: other.file,
      sheet: other.sheet,
      cell: 'A1',
    });
  return ofYear[0];
}

/** The 绩效自评表 becomes the county's 四、绩效自评: its findings and those of the checks, pinned to its cells. */
function attachTo(home: ReadRecord, read: PerformanceRead): void {
  const input = home.input!;
  const perf = applyMeta(read, input);
  home.input = { ...input, performance: perf };
  pushAll(home.findings, read.findings);
  otherYear(home, read);
  const record = computeRecord(home.input);
  for (const f of checkPerformance(record.performance!, { figures: recordFigures(record) })) {
    const t = f.target;
    const cell =
      t?.row !== undefined
        ? (read.cells.get(`${t.row}:${t.field}`) ?? read.cells.get(`${t.row}:name`))
        : t?.field
          ? read.cells.get(t.field)
          : undefined;
    const told = keptStated(f, read.performance!, perf) ? { ...f, params: { ...f.params, kept: '1' } } : f;
    const placed = { ...scaled(told, read), file: read.file, sheet: read.sheet, ...(cell ? { cell } : {}) };
    home.findings.push(placed);
    const figure = read.figures.get(t?.field ?? '');
    if (placed.code === 'perf_funds_scale') (home.doubts ??= []).push(doubtOf(placed, figure ? [figure] : [], home.county));
  }
}

/**
 * Whether a stated figure a finding compares is the record's own, kept in our export's hidden sheet,
 * while the sheet's cell shows the rule's figure (the export prints what the rules give): said so, or
 * the clerk looks at a cell showing another number than the one quoted.
 */
function keptStated(f: Finding, sheet: PerformanceInput, used: PerformanceInput): boolean {
  const t = f.target;
  if ((f.code !== 'perf_score_differs' && f.code !== 'perf_stated_mismatch') || !t) return false;
  const stated = (p: PerformanceInput) =>
    t.row !== undefined
      ? p.indicators[t.row]?.score
      : t.field === 'statedTotal'
        ? p.statedTotal
        : t.field === 'funds.statedRate'
          ? p.funds.statedRate
          : t.field === 'funds.statedScore'
            ? p.funds.statedScore
            : undefined;
  const own = stated(used);
  return own !== undefined && own !== null && stated(sheet) !== own;
}

/**
 * A 绩效自评表 whose title states another 年度 than the record's 示范年度 (2022 for a 2021 county): the record keeps one
 * 四、绩效自评, of its own year (export and print title it so) — which a person confirms, seeing both years (a doubt).
 */
function otherYear(home: ReadRecord, read: PerformanceRead): void {
  const own = home.input!.county.year;
  if (read.year === null || read.year === own) return;
  const params = { county: home.input!.county.name, year: String(read.year), own: String(own), sheet: read.sheet };
  const f = { ...finding('perf_year_differs', params), file: read.file, sheet: read.sheet, cell: read.yearCell ?? 'A1' };
  home.findings.push(f);
  (home.doubts ??= []).push(doubtOf(f, [], home.county));
}

/** 县(市、区) counted in a project's name: 等11个县市, 等3个县(市、区). */
const SEVERAL_COUNTIES = /等[\d一二三四五六七八九十百]+个(?:县|市|区|旗)/;
/** A unit above a county's: a province's 厅 or 委, or one whose last place is a province, a 州, 盟 or 地区. */
const PROVINCE_UNIT = /(?:省|自治区)[^省市县区州盟旗]*$|厅$/;
const PREFECTURE_UNIT = /(?:自治州|州|盟|地区)[^省市县区州盟旗]*$/;

/**
 * Whether a 绩效自评表 is a province's or a prefecture's own, by what it says it is of: each 实施单位 or
 * 主管部门 it names is above a county (吉林省商务厅; 白山市商务局 where 白山市 is the prefecture of the
 * book's counties), or its 项目名称 counts or lists several counties (榆树市等11个县市). The reason, at its cell.
 */
function aboveCounty(read: PerformanceRead, counties: ReadRecord[]): { cell: string; params: Record<string, string> } | undefined {
  const prefectures = new Set(
    counties
      .map((r) => r.input!.county.prefecture)
      .filter((p): p is string => !!p)
      .map(fold),
  );
  const isCounty = (t: string) => counties.some((r) => t.includes(fold(r.input!.county.name)));
  const above = (t: string) =>
    !isCounty(t) &&
    (PROVINCE_UNIT.test(t) || PREFECTURE_UNIT.test(t) || [...prefectures].some((p) => t.startsWith(p) || t.includes(`省${p}`)));
  // A sheet whose 实施单位 is one of the book's counties is that county's, whoever is its 主管部门.
  if (read.said.some((s) => s.label === '实施单位' && isCounty(fold(s.text)))) return undefined;
  for (const s of read.said) {
    const t = fold(s.text);
    const units = t.split(/[、,;/]|和|及/).filter(Boolean);
    if (s.label !== '项目名称' && units.length > 0 && units.every(above)) return { cell: s.cell, params: { label: s.label, text: s.text } };
    const listed = counties.filter((r) => t.includes(fold(r.input!.county.name)));
    if (s.label === '项目名称' && (SEVERAL_COUNTIES.test(t) || listed.length > 1))
      return { cell: s.cell, params: { label: s.label, text: s.text } };
  }
  return undefined;
}

/**
 * 项目资金 a power of ten off the record's figure (10,000,000 beside 中央资金 1000): a unit read wrong
 * (元 under a 万元 label, a unit line not seen), not a county that counted otherwise — a doubt naming the unit applied.
 */
function scaled(f: Finding, read: PerformanceRead): Finding {
  if (f.code !== 'perf_funds_differs') return f;
  const ratio = powerOfTen(fenOfDecimal(f.params.stated) ?? 0n, fenOfDecimal(f.params.record) ?? 0n);
  if (!ratio) return f;
  const quoted = (c: Cell | undefined) => (c ? `${c.address}“${c.text}”` : '');
  const params = { ...f.params, ratio, basis: quoted(read.unit?.at), other: quoted(read.unit?.other) };
  return { ...f, ...finding('perf_funds_scale', params, f.target) };
}

function isBlankPart(p: PerformanceInput): boolean {
  const rows = [p.funds, p.funds.current, p.funds.carryover, p.funds.other];
  return (
    rows.every((r) => r.initial === null && r.budget === null && r.executed === null) &&
    !p.goals.expected &&
    !p.goals.achieved &&
    p.indicators.length === 0 &&
    p.funds.statedRate === undefined &&
    p.funds.statedScore === undefined &&
    p.statedTotal === undefined
  );
}

/** Our own export: what the layout has no place for, from the hidden sheet, where it fits the visible cells. */
function applyMeta(read: PerformanceRead, input: RecordInput): PerformanceInput {
  const p = read.performance!;
  const meta = read.meta;
  if (!meta || countyKey(meta.county) !== countyKey(input.county.name)) return p;
  const out: PerformanceInput = { ...p, funds: { ...p.funds }, weights: meta.input.weights };
  if (meta.from.budget === 'record' && p.funds.budget === meta.shown.budget) out.funds.budget = null;
  if (meta.from.executed === 'record' && p.funds.executed === meta.shown.executed) out.funds.executed = null;
  for (const k of ['statedRate', 'statedScore'] as const)
    if (meta.input.funds[k] !== undefined && out.funds[k] === undefined) out.funds[k] = meta.input.funds[k];
  if (meta.input.statedTotal !== undefined && out.statedTotal === undefined) out.statedTotal = meta.input.statedTotal;
  if (meta.input.indicators.length === p.indicators.length)
    out.indicators = p.indicators.map((ind, i) => ({
      ...ind,
      level2:
        meta.input.indicators[i].level2 === ind.level2 || fold(meta.input.indicators[i].level2) === ind.level2
          ? meta.input.indicators[i].level2
          : ind.level2,
      score: meta.input.indicators[i].score,
    }));
  return out;
}
