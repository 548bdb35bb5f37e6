// Reads one worksheet: finds the two tables and the basic facts by their header text, wherever
// they sit (spec: official-layout.md, "What import must read"), and turns cells into values,
// each problem pinned to its cell.
import { parseMoney, parsePercent, canonicalPercent, formatWan } from '../../../shared/money';
import { fold, inferCategory } from '../../../shared/text';
import { parseBatch, parseDateText } from '../../../shared/fields';
import { finding, type Finding, type FindingCode } from '../../../shared/findings';
import type { Item, DisbursementInput } from '../../../shared/record';
import { isBlank, labelKey, type Cell, type Grid } from './cells';

type ItemField = 'seq' | 'name' | 'target' | 'completion' | 'completionRate';
type DisbursementField = 'seq' | 'name' | 'planned' | 'actual' | 'rate';

/** Header words of each column, most specific first; matched on folded text without units. */
const ITEM_HEADERS: Record<ItemField, string[]> = {
  seq: ['序号', '编号', '序'],
  name: ['项目名称', '建设项目名称', '建设项目', '项目', '名称'],
  target: ['项目实施目标', '实施目标', '建设目标', '目标任务', '目标'],
  completion: ['目标完成情况', '项目完成情况', '完成情况', '实施情况', '建设情况'],
  completionRate: ['实施目标完成率', '目标完成率', '完成率', '完成比例', '完成进度'],
};
const DISBURSEMENT_HEADERS: Record<DisbursementField, string[]> = {
  seq: ['序号', '编号', '序'],
  name: ['具体项目名称', '项目名称', '具体项目', '项目', '名称'],
  planned: ['计划安排额度', '计划安排资金', '计划安排金额', '计划安排', '安排额度', '计划额度', '计划金额', '计划'],
  actual: ['实际拨付额度', '实际拨付资金', '实际拨付金额', '实际拨付', '拨付额度', '已拨付资金', '已拨付', '实际'],
  rate: ['资金拨付率', '拨付率', '拨付比例', '拨付进度'],
};

/** Labels of the basic facts when they come as a label/value table. */
const FACT_LABELS: Record<string, string[]> = {
  name: ['县', '县名', '县名称', '县市区', '县区', '县市区名称', '示范县', '示范县名称', '县市区名'],
  province: ['省', '省份', '所属省份', '省区市', '所属省'],
  prefecture: ['市', '地市', '所属地市', '所属市', '设区市', '地级市'],
  batch: ['批次', '示范批次', '所属批次'],
  year: ['年度', '示范年度', '年份', '示范年份'],
  approvedOn: ['立项时间', '立项日期', '立项年月'],
  acceptedOn: ['验收日期', '验收时间'],
  'investment.total': ['项目总投资', '总投资', '项目总投资额'],
  'investment.central': ['中央资金', '中央财政资金', '其中中央资金'],
  'investment.localGov': ['政府配套资金', '地方配套资金', '地方政府配套资金', '配套资金'],
  'investment.social': ['社会资本', '社会资金', '社会投资'],
  centralArrangedUse: ['安排使用中央资金'],
  statusNote: ['建设情况', '项目建设情况', '项目进展', '进展情况', '项目状态', '建设进度'],
};
const LABEL_TO_FACT = new Map<string, string>();
for (const [fact, labels] of Object.entries(FACT_LABELS)) for (const l of labels) LABEL_TO_FACT.set(l, fact);

const TOTAL_WORDS = ['合计', '总计', '小计', '合计数'];
const HEADING = /^[一二三四五六七八九十]+[、.]/;
const NOTE = /^(注|备注|说明|填表|附|填报)/;

export type Facts = Partial<{
  name: string; province: string; prefecture: string; batch: number; year: number; approvedOn: string; acceptedOn: string;
  'investment.total': string; 'investment.central': string; 'investment.localGov': string; 'investment.social': string;
  centralArrangedUse: string; statusNote: string;
}>;

export type SheetRead = {
  sheet: string;
  facts: Facts;
  /** The cell each fact was read from. */
  factCells: Record<string, string>;
  items?: { rows: Item[]; cells: Record<string, string>[]; headerCell: string };
  disbursements?: {
    rows: DisbursementInput[];
    cells: Record<string, string>[];
    /** Rate cells that are formulas: the sheet computes them, so they are not stated rates. */
    computedRate: boolean[];
    headerCell: string;
    totals?: { planned?: { value: string; cell: string }; actual?: { value: string; cell: string }; statedRate?: string; rateCell?: string };
  };
  findings: Finding[];
};

type Columns<F extends string> = Partial<Record<F, number>>;

function score(key: string, words: string[]): number {
  let best = 0;
  for (const w of words) {
    if (key === w) return 1000 + w.length;
    if (key.includes(w)) best = Math.max(best, w.length);
  }
  return best;
}

/** Maps header cells of one row to fields; each cell serves one field, the best match wins. */
function matchHeader<F extends string>(grid: Grid, row: number, headers: Record<F, string[]>): Columns<F> {
  const candidates: { field: F; col: number; s: number }[] = [];
  for (let c = 1; c <= grid.colCount; c++) {
    const cell = grid.at(row, c);
    if (!cell || typeof cell.value !== 'string' || cell.text.length > 40) continue;
    const key = labelKey(cell.text);
    if (!key || key.length > 16) continue;
    for (const field of Object.keys(headers) as F[]) {
      const s = score(key, headers[field]);
      if (s > 0) candidates.push({ field, col: c, s });
    }
  }
  candidates.sort((a, b) => b.s - a.s || a.col - b.col);
  const columns: Columns<F> = {};
  const used = new Set<number>();
  for (const { field, col } of candidates) {
    if (columns[field] !== undefined || used.has(col)) continue;
    columns[field] = col;
    used.add(col);
  }
  return columns;
}

const isItemHeader = (c: Columns<ItemField>) => c.name !== undefined && (c.target !== undefined || c.completion !== undefined) && Object.keys(c).length >= 3;
const isDisbursementHeader = (c: Columns<DisbursementField>) => c.name !== undefined && c.planned !== undefined && c.actual !== undefined;

function rowCells(grid: Grid, row: number): Cell[] {
  const out: Cell[] = [];
  for (let c = 1; c <= grid.colCount; c++) {
    const cell = grid.at(row, c);
    if (!isBlank(cell)) out.push(cell!);
  }
  return out;
}

const isTotalText = (text: string) => text.length <= 12 && TOTAL_WORDS.includes(fold(text).replace(/[:：]/g, ''));

class SheetReader {
  readonly findings: Finding[] = [];
  constructor(
    readonly grid: Grid,
    readonly file: string,
  ) {}

  problem(code: FindingCode, cell: Cell | undefined, params: Record<string, string>, fallbackCell?: string): void {
    this.findings.push({ ...finding(code, params), file: this.file, sheet: this.grid.sheet, cell: cell?.address ?? fallbackCell });
  }

  /** An amount; blank is "not entered" (null) in a table row, a problem anywhere else; a 合计 is a sum (no cap). */
  money(cell: Cell | undefined, field: string, fallbackCell: string, options: { sum?: boolean; blank?: 'not entered' } = {}): string | null | undefined {
    if (isBlank(cell) && options.blank === 'not entered') return null;
    if (isBlank(cell)) {
      this.problem('not_a_number', cell, { field, value: '', problem: 'empty' }, fallbackCell);
      return undefined;
    }
    if (cell!.noResult || cell!.error) {
      this.problem('not_a_number', cell, { field, value: cell!.error ?? '=…', problem: cell!.error ? 'error_value' : 'no_result' });
      return undefined;
    }
    const v = cell!.value;
    const parsed = typeof v === 'number' || typeof v === 'string' ? parseMoney(v, { sum: options.sum }) : ({ ok: false, problem: 'not_a_number' } as const);
    if (!parsed.ok) {
      const code = parsed.problem === 'negative_amount' ? 'negative_amount' : 'not_a_number';
      this.problem(code, cell, { field, value: cell!.text, ...(code === 'not_a_number' ? { problem: parsed.problem } : {}) });
      return undefined;
    }
    return formatWan(parsed.value);
  }

  /** A percent cell: "90%", 90, or 0.9 formatted as percent. Blank, "—" or "/" mean none. */
  percent(cell: Cell | undefined, field: string): string | null | undefined {
    if (isBlank(cell) || /^[—\-–/／]+$/.test(cell!.text.trim())) return null;
    if (cell!.noResult || cell!.error) {
      this.problem('not_a_number', cell, { field, value: cell!.error ?? '=…' });
      return undefined;
    }
    const v = cell!.value;
    const format = cell!.numFmt ?? '';
    const percentFormat = /%/.test(format.replace(/"[^"]*"/g, ''));
    const parsed = typeof v === 'number' ? parsePercent(v, percentFormat) : typeof v === 'string' ? parsePercent(v) : ({ ok: false } as const);
    if (!parsed.ok) {
      this.problem('not_a_number', cell, { field, value: cell!.text });
      return undefined;
    }
    return parsed.value;
  }

  seq(cell: Cell | undefined, previous: number): number | undefined {
    if (isBlank(cell)) return previous + 1;
    const text = cell!.text.normalize('NFKC').trim().replace(/[.、]$/, '');
    if (!/^\d{1,6}$/.test(text)) {
      this.problem('not_a_number', cell, { field: 'seq', value: cell!.text });
      return undefined;
    }
    return Number(text);
  }

  text(cell: Cell | undefined): string {
    return isBlank(cell) ? '' : cell!.text.trim();
  }

  /** Where a table's rows end: a 合计 row, a heading, a note, a full-width merged line, or two blank rows. */
  *tableRows(headerRow: number, columns: Record<string, number | undefined>): Generator<{ row: number; total: boolean }> {
    const mapped = Object.values(columns).filter((c): c is number => c !== undefined);
    let blanks = 0;
    let first = true;
    for (let r = headerRow + 1; r <= this.grid.rowCount; r++) {
      const cells = rowCells(this.grid, r);
      if (cells.length === 0) {
        if (++blanks >= 2) return;
        continue;
      }
      blanks = 0;
      const firstText = fold(cells[0].text.slice(0, 12));
      // A second header line holding only units: "(万元)", "(%)".
      if (first && cells.every((c) => typeof c.value === 'string' && labelKey(c.text) === '')) continue;
      first = false;
      if (cells.some((c) => mapped.includes(c.col) && isTotalText(c.text))) {
        yield { row: r, total: true };
        return;
      }
      if (HEADING.test(firstText) || NOTE.test(firstText)) return;
      if (cells.length === 1 && cells[0].span >= 3) return;
      if (!cells.some((c) => mapped.includes(c.col))) return;
      yield { row: r, total: false };
    }
  }

  readItems(headerRow: number, columns: Columns<ItemField>): SheetRead['items'] {
    const rows: Item[] = [];
    const cells: Record<string, string>[] = [];
    let previous = 0;
    for (const { row, total } of this.tableRows(headerRow, columns)) {
      if (total) break;
      const at = (f: ItemField) => (columns[f] === undefined ? undefined : this.grid.at(row, columns[f]!));
      const address = (f: ItemField) => at(f)?.address ?? `${colName(columns[f] ?? 1)}${row}`;
      const seq = this.seq(at('seq'), previous);
      const name = this.text(at('name'));
      if (!name) this.problem('missing_name', at('name'), { seq: String(seq ?? row) }, address('name'));
      const rate = this.percent(at('completionRate'), 'completionRate');
      if (seq === undefined || rate === undefined) continue;
      previous = seq;
      rows.push({ seq, category: inferCategory(name), name, target: this.text(at('target')), completion: this.text(at('completion')), completionRate: rate === null ? null : canonicalPercent(rate) });
      cells.push(Object.fromEntries((Object.keys(ITEM_HEADERS) as ItemField[]).map((f) => [f, address(f)])));
    }
    return { rows, cells, headerCell: this.grid.at(headerRow, columns.name!)!.address };
  }

  readDisbursements(headerRow: number, columns: Columns<DisbursementField>): SheetRead['disbursements'] {
    const out: NonNullable<SheetRead['disbursements']> = { rows: [], cells: [], computedRate: [], headerCell: this.grid.at(headerRow, columns.name!)!.address };
    let previous = 0;
    for (const { row, total } of this.tableRows(headerRow, columns)) {
      const at = (f: DisbursementField) => (columns[f] === undefined ? undefined : this.grid.at(row, columns[f]!));
      const address = (f: DisbursementField) => at(f)?.address ?? `${colName(columns[f] ?? 1)}${row}`;
      if (total) {
        out.totals = {};
        for (const f of ['planned', 'actual'] as const) {
          if (isBlank(at(f))) continue;
          const value = this.money(at(f), f, address(f), { sum: true });
          if (value) out.totals[f] = { value, cell: address(f) };
        }
        if (!at('rate')?.isFormula) {
          const stated = this.percent(at('rate'), 'rate');
          if (stated) out.totals.statedRate = stated;
        }
        out.totals.rateCell = address('rate');
        break;
      }
      const seq = this.seq(at('seq'), previous);
      const name = this.text(at('name'));
      if (!name) this.problem('missing_name', at('name'), { seq: String(seq ?? row) }, address('name'));
      const planned = this.money(at('planned'), 'planned', address('planned'), { blank: 'not entered' });
      const actual = this.money(at('actual'), 'actual', address('actual'), { blank: 'not entered' });
      const computedRate = at('rate')?.isFormula === true;
      const stated = computedRate ? null : this.percent(at('rate'), 'rate');
      if (seq === undefined || planned === undefined || actual === undefined || stated === undefined) continue;
      previous = seq;
      out.rows.push({ seq, category: inferCategory(name), name, planned, actual, ...(stated ? { statedRate: stated } : {}) });
      out.computedRate.push(computedRate);
      out.cells.push(Object.fromEntries((Object.keys(DISBURSEMENT_HEADERS) as DisbursementField[]).map((f) => [f === 'rate' ? 'statedRate' : f, address(f)])));
    }
    return out;
  }
}

export function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function readSheet(grid: Grid, file: string): SheetRead {
  const reader = new SheetReader(grid, file);
  const result: SheetRead = { sheet: grid.sheet, facts: {}, factCells: {}, findings: reader.findings };
  for (let r = 1; r <= grid.rowCount; r++) {
    if (!result.items) {
      const c = matchHeader(grid, r, ITEM_HEADERS);
      if (isItemHeader(c)) {
        result.items = reader.readItems(r, c);
        continue;
      }
    }
    if (!result.disbursements) {
      const c = matchHeader(grid, r, DISBURSEMENT_HEADERS);
      if (isDisbursementHeader(c)) result.disbursements = reader.readDisbursements(r, c);
    }
  }
  readFacts(grid, reader, result);
  return result;
}

// ---- basic facts -------------------------------------------------------------------------

/** "2021年9月", "2021-09", "2021.9", "2021/9/15", a date cell (precision from its format) → "2021-09". */
export function parseDate(cell: Cell): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (cell.value instanceof Date) {
    const d = cell.value;
    const format = (cell.numFmt ?? '').replace(/"[^"]*"/g, '').toLowerCase();
    const y = d.getUTCFullYear();
    if (format && !/m/.test(format)) return String(y);
    if (format && !/d/.test(format)) return `${y}-${pad(d.getUTCMonth() + 1)}`;
    return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (typeof cell.value === 'number' && Number.isInteger(cell.value) && cell.value >= 1990 && cell.value <= 2100) return String(cell.value);
  return parseDateText(cell.text);
}

function parseYear(cell: Cell): number | undefined {
  if (cell.value instanceof Date) return cell.value.getUTCFullYear();
  const m = /^(\d{4})年?(度)?$/.exec(fold(cell.text));
  return m ? Number(m[1]) : undefined;
}

/** Folds text keeping, for each folded character, the index of the original it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

const NUM = '([\\d.,]+)';

/** Parses the generated 一、基本情况 paragraph (or one written the same way). */
function readParagraph(cell: Cell, reader: SheetReader, facts: Facts, factCells: Record<string, string>): void {
  const text = cell.text;
  const { folded, origin } = foldWithMap(text);
  const set = (fact: keyof Facts, value: string | number | undefined) => {
    if (value === undefined || facts[fact] !== undefined) return;
    (facts as Record<string, unknown>)[fact] = value;
    factCells[fact] = cell.address;
  };
  const lead = /^(.+?)是第([一二三四五六七八九十\d]+)批/.exec(folded);
  if (lead) {
    set('name', text.slice(0, origin[lead[1].length]).trim());
    set('batch', parseBatch(lead[2]));
  }
  set('year', /示范县\((\d{4})年?\)/.exec(folded)?.[1] ? Number(/示范县\((\d{4})年?\)/.exec(folded)![1]) : undefined);
  const approved = /立项时间(?:为|是|:)?(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?/.exec(folded);
  if (approved) set('approvedOn', `${approved[1]}${approved[2] ? '-' + approved[2].padStart(2, '0') : ''}${approved[3] ? '-' + approved[3].padStart(2, '0') : ''}`);
  const amounts: [keyof Facts, RegExp][] = [
    ['investment.total', new RegExp(`项目总投资${NUM}万元`)],
    ['investment.central', new RegExp(`(?<!安排使用)中央资金${NUM}万元`)],
    ['investment.localGov', new RegExp(`政府配套资金${NUM}万元`)],
    ['investment.social', new RegExp(`社会资本${NUM}万元`)],
    ['centralArrangedUse', new RegExp(`安排使用中央资金${NUM}万元`)],
  ];
  for (const [fact, re] of amounts) {
    const m = re.exec(folded);
    if (!m) continue;
    const parsed = parseMoney(m[1]);
    if (parsed.ok) set(fact, formatWan(parsed.value));
    else reader.problem('not_a_number', cell, { field: fact, value: m[1] });
  }
  // The status note is what stands between the social capital and the arranged funds.
  const social = new RegExp(`社会资本${NUM}万元,?`).exec(folded);
  const arranged = /,?安排使用中央资金[\d.,]+万元/.exec(folded);
  if (social && arranged) {
    const from = social.index + social[0].length;
    let to = folded.lastIndexOf(arranged[0].replace(/^,/, ''));
    if (folded[to - 1] === ',') to--;
    set('statusNote', to > from ? text.slice(origin[from], origin[to]).trim() : '');
  }
}

const TITLE = /^(.*?[省区])?(.*?(?:市|州|盟|地区))?(.+?(?:县|市|区|旗))(?:电子商务|电商)/d;

function readFacts(grid: Grid, reader: SheetReader, result: SheetRead): void {
  const { facts, factCells } = result;
  const labelled: Facts = {};
  const labelledCells: Record<string, string> = {};
  let paragraph: Cell | undefined;
  let title: Cell | undefined;
  for (let r = 1; r <= grid.rowCount; r++) {
    for (let c = 1; c <= grid.colCount; c++) {
      const cell = grid.at(r, c);
      if (!cell || typeof cell.value !== 'string') continue;
      const short = cell.text.length <= 30;
      const fact = short ? LABEL_TO_FACT.get(labelKey(cell.text)) : undefined;
      if (fact) {
        let valueCell: Cell | undefined;
        for (let v = c + cell.span; v <= grid.colCount && !valueCell; v++) {
          const candidate = grid.at(r, v);
          if (!isBlank(candidate)) valueCell = candidate;
        }
        if (valueCell && !LABEL_TO_FACT.has(labelKey(valueCell.text))) readLabelled(fact, valueCell, reader, labelled, labelledCells);
        continue;
      }
      // Cheap tests on the raw text first: 批 and 資/资 are in every paragraph, 驗/验收 in every title.
      if (!paragraph && cell.text.includes('批') && /投[资資]/.test(cell.text)) {
        const f = fold(cell.text);
        if (/是第.+批/.test(f) && f.includes('项目总投资')) paragraph = cell;
      } else if (!title && cell.text.length <= 80 && /[验驗]收/.test(cell.text)) {
        const f = fold(cell.text);
        if (TITLE.test(f)) title = cell;
      }
    }
  }
  Object.assign(facts, labelled);
  Object.assign(factCells, labelledCells);
  if (paragraph) readParagraph(paragraph, reader, facts, factCells);
  if (title) {
    const { folded, origin } = foldWithMap(title.text);
    const m = TITLE.exec(folded);
    (['province', 'prefecture', 'name'] as const).forEach((fact, i) => {
      const span = m?.indices?.[i + 1];
      if (!span || facts[fact] !== undefined) return;
      facts[fact] = title.text.slice(origin[span[0]], origin[span[1]]).trim();
      factCells[fact] = title.address;
    });
  }
}

function readLabelled(fact: string, cell: Cell, reader: SheetReader, facts: Facts, cells: Record<string, string>): void {
  const f = facts as Record<string, unknown>;
  if (f[fact] !== undefined) return;
  let value: string | number | undefined;
  if (fact === 'batch') {
    value = typeof cell.value === 'number' ? cell.value : parseBatch(cell.text);
    if (value === undefined || !Number.isInteger(value)) reader.problem('not_a_number', cell, { field: 'county.batch', value: cell.text });
  } else if (fact === 'year') {
    value = parseYear(cell);
    if (value === undefined) reader.problem('not_a_number', cell, { field: 'county.year', value: cell.text });
  } else if (fact === 'approvedOn' || fact === 'acceptedOn') {
    value = parseDate(cell);
    if (value === undefined) reader.problem('not_a_date', cell, { field: `county.${fact}`, value: cell.text });
  } else if (fact.startsWith('investment.') || fact === 'centralArrangedUse') {
    value = reader.money(cell, `county.${fact}`, cell.address) ?? undefined;
  } else {
    value = cell.text.trim();
  }
  if (value === undefined) return;
  f[fact] = value;
  cells[fact] = cell.address;
}

