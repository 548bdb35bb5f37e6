// The header model: one, two or three header rows (a merged group cell such as 中央财政资金（万元）
// over 计划 / 实际 / 拨付率, or a row of units under the headers) folded into one key per column,
// matched to the fields of a table, with the money unit each column names.
import type { AmountUnit } from '../../../shared/money';
import { fold } from '../../../shared/text';
import { labelKey, totalKind, unitOf, type Cell, type Grid } from './cells';
import { maxOf, pushAll } from '../../../shared/arrays';

export type TableKind = 'items' | 'disbursements' | 'payments';
export type ItemField = 'seq' | 'name' | 'target' | 'completion' | 'completionRate' | 'category';
export type DisbursementField = 'seq' | 'name' | 'planned' | 'actual' | 'rate' | 'category';
export type PaymentField = 'seq' | 'name' | 'date' | 'amount' | 'payee' | 'voucher' | 'stage' | 'note';
export type Field = ItemField | DisbursementField | PaymentField;

/** Header words of each column, most specific first; matched on folded text without units. */
export const HEADER_WORDS: {
  items: Record<ItemField, string[]>;
  disbursements: Record<DisbursementField, string[]>;
  payments: Record<PaymentField, string[]>;
} = {
  items: {
    seq: ['序号', '编号', '序'],
    name: ['项目名称', '建设项目名称', '建设项目', '项目', '名称'],
    target: ['项目实施目标', '实施目标', '建设目标', '目标任务', '目标'],
    completion: ['目标完成情况', '项目完成情况', '完成情况', '实施情况', '建设情况'],
    completionRate: ['实施目标完成率', '目标完成率', '完成率', '完成比例', '完成进度'],
    category: ['项目类别', '类别', '分类', '项目类型', '类型'],
  },
  disbursements: {
    seq: ['序号', '编号', '序'],
    name: ['具体项目名称', '项目名称', '具体项目', '项目', '名称'],
    planned: [
      '计划安排额度',
      '计划安排资金',
      '计划安排金额',
      '计划安排',
      '安排额度',
      '计划额度',
      '计划金额',
      // As county 资金拨付 reports head it: 安排资金 | 已拨付资金, 下达资金 | 已拨付, 批复金额 | 支付金额.
      '安排资金',
      '安排金额',
      '下达资金',
      '下达金额',
      '下达额度',
      '批复金额',
      '批复资金',
      '=计划',
      '=安排',
      '=计划数',
    ],
    actual: [
      '实际拨付额度',
      '实际拨付资金',
      '实际拨付金额',
      '实际拨付',
      '拨付额度',
      '已拨付资金',
      '已拨付',
      '累计拨付',
      '拨付承办企业资金',
      '拨付企业资金',
      '已支付资金',
      '已支付金额',
      '支付金额',
      '已支付',
      // 报账制 counties pay a line's money when its costs are reimbursed (报账): what is reimbursed is what is paid.
      '已报账金额',
      '已报账资金',
      '报账金额',
      '已报账',
      '=实际',
      '=拨付',
      '=实际数',
    ],
    rate: ['资金拨付率', '拨付率', '拨付比例', '拨付进度', '支付比例', '支付进度'],
    category: ['项目类别', '类别', '分类', '项目类型', '类型'],
  },
  // The ledger (拨付台账): one row per payment, its line named by 序号 or by name.
  payments: {
    seq: ['序号', '项目序号', '行号', '编号'],
    name: ['具体项目名称', '项目名称', '具体项目', '项目', '名称'],
    date: ['拨付日期', '付款日期', '支付日期', '拨付时间', '付款时间', '支付时间', '日期'],
    amount: ['拨付金额', '付款金额', '支付金额', '拨付额', '金额'],
    payee: ['收款单位', '收款单位名称', '收款企业', '收款人', '收款方', '承办企业', '承办单位'],
    voucher: ['凭证号', '凭证编号', '记账凭证号', '凭证字号', '凭证'],
    stage: ['拨付阶段', '付款阶段', '拨付节点', '阶段', '节点'],
    note: ['备注', '说明'],
  },
};

export type TableHeader = {
  kind: TableKind;
  /** Rows of the header band. */
  top: number;
  bottom: number;
  /** Columns the header spans: the table's region. */
  left: number;
  right: number;
  columns: Partial<Record<Field, number>>;
  /** The money unit a column's header (or the group above it) names, and that cell. */
  units: Map<number, { unit: AmountUnit; cell: Cell }>;
  /** Every cell of the header band. */
  cells: Cell[];
  /** The header cell of the name column, to name the table in messages. */
  nameCell: Cell;
  /** Amount fields two or more columns could serve equally: the table cannot be read until one is meant. */
  ambiguous: { field: Field; cells: Cell[] }[];
};

const HEADING = /^[一二三四五六七八九十]+[、.．]/;
/** "樟树市中央财政资金拨付台账": a ledger's title above its header, never a header word. */
const LEDGER_TITLE = /台账/;
const NUMERIC = /^[\d.,%\s()（）+\-−％]+$/;

/** Words for money that is not paid or planned: such a column never serves an amount field. */
const NOT_PAID = /未|剩余|结余|差额|缺口|尚需|待拨/;
/**
 * Words of a day or a sum that is no payment — a contract's, a tender's, a budget's (中标金额, 合同签订日期,
 * 预算金额): such a column never serves a ledger's 拨付日期 or 金额, so a 项目公示 list of awards is no 拨付台账.
 */
const NOT_A_PAYMENT = /中标|合同|签订|签约|成交|招标|投标|采购|预算|批复|立项|开工|竣工|公示/;
const EXACT = 1000;

/** How well `key` says one of `words`: exactly (1000 + length), or inside it (length); "=计划" only exactly. */
function score(key: string, words: string[]): number {
  let best = 0;
  for (const word of words) {
    const exactOnly = word.startsWith('=');
    const w = exactOnly ? word.slice(1) : word;
    if (key === w) return EXACT + w.length;
    if (!exactOnly && key.includes(w)) best = Math.max(best, w.length);
  }
  return best;
}

const unitOnly = (cell: Cell) => labelKey(cell.text) === '' || /^单位[:为是]?/.test(fold(cell.text));

/** The longest text the reader takes for a header cell on its own: longer, it is more likely a sentence. */
const HEADER_TEXT = 30;
/**
 * The longest a header cell may be where a person chose the header rows: a heading written out
 * (截至2021年12月31日实际拨付中央财政资金额度（万元，含…）), not a paragraph.
 */
export const CHOSEN_HEADER_TEXT = 80;

/** A cell that can stand in a header row: short text, not a number, not a total, not a heading. */
export function headerLike(cell: Cell): boolean {
  return headerWithin(cell, HEADER_TEXT);
}

/** A cell that can stand in a header row, its text at most `longest` characters. */
export function headerWithin(cell: Cell, longest: number): boolean {
  if (typeof cell.value !== 'string' || cell.text.length > longest) return false;
  if (unitOnly(cell)) return true; // "(元)", "(%)"
  const f = fold(cell.text);
  return !NUMERIC.test(f) && !totalKind(cell.text) && !HEADING.test(f) && !LEDGER_TITLE.test(f);
}

/**
 * A sub-header under a group: 小计 or 合计 under 计划安排额度 merged over 中央资金 | 地方配套 | 小计 is
 * the name of a column, not a total row (whose label stands in the name or 序号 column, under no group).
 */
function groupSubHeader(grid: Grid, cell: Cell): boolean {
  if (typeof cell.value !== 'string' || !totalKind(cell.text)) return false;
  const group = grid.cover(cell.row - 1, cell.col);
  return !!group && group.span > 1 && headerLike(group);
}

/** Cells of the band's rows that belong to it, left to right within each row. */
function bandCells(grid: Grid, top: number, bottom: number): Cell[] {
  const out: Cell[] = [];
  for (let r = top; r <= bottom; r++) pushAll(out, grid.row(r));
  return out;
}

/** Whether the row under the band continues the header (a group above it, or a line of units). */
function continues(grid: Grid, top: number, bottom: number): boolean {
  const next = grid.row(bottom + 1);
  if (next.length === 0 || !next.every((c) => headerLike(c) || groupSubHeader(grid, c))) return false;
  const band = bandCells(grid, top, bottom);
  if (band.some((c) => c.row + c.rowSpan - 1 > bottom)) return true; // 序号 merged down over two rows
  if (next.every(unitOnly)) return true; // "(万元)" under the amounts
  if (!grid.row(bottom).every(headerLike)) return false;
  const last = grid.row(bottom).filter((c) => !unitOnly(c));
  const firstCol = Math.min(next[0].col, last[0]?.col ?? Infinity);
  const lastCol = maxOf(
    last.map((c) => c.col + c.span - 1),
    next[next.length - 1].col,
  );
  // A group cell has sub-headers under it and other headers beside it; a heading spans them all.
  return last.some((g) => {
    const under = next.filter((c) => c.col >= g.col && c.col < g.col + g.span);
    if (under.length === 0) return false;
    if (g.span > 1) return last.length > 1 || g.col > firstCol || g.col + g.span - 1 < lastCol;
    // Typed once without a merge: the sub-headers beside it stand under blank cells.
    return next.some((c) => c.col > g.col && !grid.cover(bottom, c.col));
  });
}

type Part = { cell: Cell; key: string };

/** The header texts over one column, top to bottom: merged cells once, a blank under a group inherits it. */
function columnParts(grid: Grid, top: number, bottom: number, col: number): Part[] {
  const parts: Part[] = [];
  for (let r = top; r <= bottom; r++) {
    let cell = grid.cover(r, col);
    if (!cell && r < bottom) {
      // A group typed once, left of blank cells, over several sub-headers (no merge).
      for (let c = col - 1; c >= 1 && !cell; c--) {
        const left = grid.at(r, c);
        if (left && left.rowSpan === 1 && grid.cover(r + 1, c) && grid.cover(r + 1, col)) cell = left;
        else if (left) break;
      }
    }
    if (cell && cell.row >= top && (parts.length === 0 || parts[parts.length - 1].cell !== cell))
      parts.push({ cell, key: labelKey(cell.text) });
  }
  return parts;
}

type Match = {
  kind: TableKind;
  columns: Partial<Record<Field, number>>;
  fields: number;
  score: number;
  ambiguous: { field: Field; cols: number[] }[];
};

/** The amount fields of each table: where two columns could serve one, which is meant must be clear. */
const MONEY_FIELDS: Record<TableKind, Field[]> = { items: [], disbursements: ['planned', 'actual'], payments: ['amount'] };

/**
 * How strongly a column is the one an amount field means, compared field by field (lower is
 * stronger): shown before hidden; central funds (中央) before other money (项目总投资, 地方配套);
 * the adjusted plan (调整后), the cumulative payment (累计), a ledger's single payment (本次) before
 * the others; an exact header before one that only contains the word.
 */
function strength(field: Field, full: string, hidden: boolean, s: number): number[] {
  const prefer = (first: RegExp, last: RegExp) => (first.test(full) ? 0 : last.test(full) ? 2 : 1);
  const own =
    field === 'planned'
      ? prefer(/调整后/, /原|调整前/)
      : field === 'actual'
        ? prefer(/累计/, /本年|本次|当年|本期|其中/)
        : prefer(/本次/, /累计/);
  return [hidden ? 1 : 0, /中央/.test(full) ? 0 : 1, own, s >= EXACT ? 0 : 1];
}

const scores = new Map<string, [Field, number][]>();

/** How well a header key names each field of a table (keys repeat on every sheet: remembered). */
function fieldScores(kind: TableKind, key: string): [Field, number][] {
  const id = `${kind}\u0000${key}`;
  let out = scores.get(id);
  if (!out) {
    const words = HEADER_WORDS[kind] as Record<Field, string[]>;
    out = (Object.keys(words) as Field[]).map((f) => [f, score(key, words[f])] as [Field, number]).filter(([, s]) => s > 0);
    if (scores.size > 10_000) scores.clear();
    scores.set(id, out);
  }
  return out;
}

/** How long a column's heading may be, its own and with the groups above it, to serve a field: a person's choice longer. */
const KEY_LENGTH = { leaf: 16, full: 40 };
const CHOSEN_KEY_LENGTH = { leaf: CHOSEN_HEADER_TEXT, full: 2 * CHOSEN_HEADER_TEXT };

/** Which column serves which field: the best-scoring pairs first, each column and field once. */

function assign(kind: TableKind, keys: Map<number, { leaf: string; full: string; hidden: boolean }>, chosen: boolean): Match {
  const candidates: { field: Field; col: number; s: number }[] = [];
  const longest = chosen ? CHOSEN_KEY_LENGTH : KEY_LENGTH;
  for (const [col, { leaf, full }] of keys) {
    if (!leaf || leaf.length > longest.leaf || full.length > longest.full) continue;
    // A field scores what the leaf says, or what the group and the leaf say together, the better.
    for (const [field, s] of fieldScores(kind, leaf)) candidates.push({ field, col, s });
    if (full !== leaf) for (const [field, s] of fieldScores(kind, full)) candidates.push({ field, col, s });
  }
  // Money not paid or planned (未拨付, 剩余) is never an amount.
  const money = new Set(MONEY_FIELDS[kind]);
  const notPaid = (field: Field, key: string) =>
    (money.has(field) && NOT_PAID.test(key)) ||
    (kind === 'payments' && (field === 'date' || field === 'amount') && NOT_A_PAYMENT.test(key));
  for (let i = candidates.length - 1; i >= 0; i--)
    if (notPaid(candidates[i].field, keys.get(candidates[i].col)!.full)) candidates.splice(i, 1);
  candidates.sort((a, b) => b.s - a.s || a.col - b.col);
  const columns: Partial<Record<Field, number>> = {};
  const used = new Set<number>();
  let total = 0;
  for (const { field, col, s } of candidates) {
    if (columns[field] !== undefined || used.has(col)) continue;
    columns[field] = col;
    used.add(col);
    total += s;
  }
  // Of columns that could each serve an amount field, the strongest serves it; a tie is told.
  const ambiguous: Match['ambiguous'] = [];
  for (const field of MONEY_FIELDS[kind]) {
    const chosen = columns[field];
    if (chosen === undefined) continue;
    const best = new Map<number, number>();
    for (const c of candidates)
      if (c.field === field && (c.col === chosen || !used.has(c.col))) best.set(c.col, Math.max(best.get(c.col) ?? 0, c.s));
    if (best.size < 2) continue;
    const ranked = [...best]
      .map(([col, s]) => ({ col, rank: strength(field, keys.get(col)!.full, keys.get(col)!.hidden, s) }))
      .sort((a, b) => compare(a.rank, b.rank) || a.col - b.col);
    used.delete(chosen);
    columns[field] = ranked[0].col;
    used.add(ranked[0].col);
    if (compare(ranked[0].rank, ranked[1].rank) === 0)
      ambiguous.push({ field, cols: ranked.filter((r) => compare(r.rank, ranked[0].rank) === 0).map((r) => r.col) });
  }
  return { kind, columns, fields: used.size, score: total, ambiguous };
}

const compare = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};

function valid(m: Match): boolean {
  const c = m.columns;
  if (m.kind === 'items') return c.name !== undefined && (c.target !== undefined || c.completion !== undefined) && m.fields >= 3;
  if (m.kind === 'payments') return c.date !== undefined && c.amount !== undefined && (c.seq !== undefined || c.name !== undefined);
  return c.name !== undefined && c.planned !== undefined && c.actual !== undefined;
}

/** Every table has a name column, whose header says 项目 or 名称, or (a ledger) a date column. */
const NAME_WORD = /[项項]目|名[称稱]|日期/;
function namesSomething(grid: Grid, row: number): boolean {
  for (const c of grid.row(row)) if (typeof c.value === 'string' && c.text.length <= 30 && NAME_WORD.test(c.text)) return true;
  return false;
}

/**
 * Where a sheet gave no table: the first row that reads like a table's header (a 项目/名称 column
 * among three or more header words), and which of table 三's columns it lacks — so the refusal
 * names that row and what is missing (a 资金使用情况表 of 项目名称 | 承办单位 | 支出金额 has no 计划).
 */
export function unreadHeader(grid: Grid): { cell: Cell; text: string; missing: Field[] } | undefined {
  for (const row of grid.rows) {
    const near = headerRow(grid, row);
    if (near) return near;
  }
  return undefined;
}

/** The nearest row above `row` (within a few rows) that reads like a table's header, and which of table 三's columns it lacks. */
export function unreadHeaderAbove(grid: Grid, row: number): { cell: Cell; text: string; missing: Field[] } | undefined {
  for (let r = row - 1; r >= Math.max(1, row - 4); r--) {
    const near = headerRow(grid, r);
    if (near) return near;
  }
  return undefined;
}

function headerRow(grid: Grid, row: number): { cell: Cell; text: string; missing: Field[] } | undefined {
  const cells = grid.row(row).filter(headerLike);
  if (cells.length < 3 || !namesSomething(grid, row)) return undefined;
  const found = new Set(cells.flatMap((c) => fieldScores('disbursements', labelKey(c.text)).map(([f]) => f)));
  const missing = (['name', 'planned', 'actual'] as const).filter((f) => !found.has(f));
  return { cell: cells[0], text: cells.map((c) => c.text.replace(/\s+/g, '')).join(' | '), missing };
}

/** Whether a row inside a table starts another table: only a row of header words can. */
export function startsTable(grid: Grid, row: number): boolean {
  return grid.row(row).every(headerLike) && findHeader(grid, row) !== undefined;
}

/** A table header whose band starts at `top`, or undefined. */
export function findHeader(grid: Grid, top: number): TableHeader | undefined {
  if (!namesSomething(grid, top) && !namesSomething(grid, top + 1) && !namesSomething(grid, top + 2)) return undefined;
  const first = grid.row(top).filter(headerLike);
  // A line of units above a table ("单位：元") says the table's unit; it is not a header row.
  if (first.length === 0 || first.every(unitOnly)) return undefined;
  let bottom = top;
  while (bottom - top < 2 && continues(grid, top, bottom)) bottom++;
  for (let b = bottom; b >= top; b--) {
    const header = headerOf(grid, top, b);
    if (header) return header;
  }
  return undefined;
}

/** What a header band says, in columns counted from its left edge: which field each serves, where units are named. */
type Plan = {
  kind: TableKind;
  columns: Partial<Record<Field, number>>;
  units: { col: number; unit: AmountUnit; row: number; at: number }[];
  ambiguous: { field: Field; cols: number[] }[];
};
const plans = new Map<string, Plan | null>();

/**
 * The header of the band from `top` to `bottom`, whatever its height, or undefined; `chosen`: the
 * rows a person chose, whose cells may be as long as a heading written out.
 */
export function headerOf(grid: Grid, top: number, bottom: number, chosen = false): TableHeader | undefined {
  const longest = chosen ? CHOSEN_HEADER_TEXT : HEADER_TEXT;
  const cells = bandCells(grid, top, bottom).filter((c) => headerWithin(c, longest) || (c.row > top && groupSubHeader(grid, c)));
  if (cells.length < 2) return undefined;
  let left = Infinity;
  let right = 0;
  for (const c of cells) {
    left = Math.min(left, c.col);
    right = Math.max(right, c.col + c.span - 1);
  }
  // Every county's sheet repeats the same header: what it says is worked out once.
  let id = `${bottom - top}${chosen ? 'c' : ''}`;
  for (let r = top; r <= bottom; r++)
    for (const c of grid.row(r))
      id += `\u0000${c.row - top},${c.col - left},${c.span},${c.rowSpan}${grid.hiddenColumns.has(c.col) ? 'h' : ''}\u0001${c.text}`;
  let plan = plans.get(id);
  if (plan === undefined) {
    plan = planOf(grid, top, bottom, left, right, chosen);
    if (plans.size > 2_000) plans.clear();
    plans.set(id, plan);
  }
  if (!plan) return undefined;
  const columns: Partial<Record<Field, number>> = {};
  for (const f of Object.keys(plan.columns) as Field[]) columns[f] = plan.columns[f]! + left;
  const units = new Map<number, { unit: AmountUnit; cell: Cell }>();
  for (const u of plan.units) units.set(u.col + left, { unit: u.unit, cell: grid.at(u.row + top, u.at + left)! });
  const ambiguous = plan.ambiguous.map(({ field, cols }) => ({
    field,
    cells: [...new Set(cols.map((c) => grid.cover(bottom, c + left)!).filter(Boolean))],
  }));
  return {
    kind: plan.kind,
    top,
    bottom,
    left,
    right,
    columns,
    units,
    cells,
    nameCell: grid.cover(bottom, (columns.name ?? columns.seq)!) ?? cells[0],
    ambiguous,
  };
}

/**
 * `计划安排额度 | 其中：中央资金 | 实际拨付额度 | 其中：中央资金`: a 其中 column naming 中央 beside an amount
 * column is that amount's central part — heard as both together (计划安排额度其中中央资金), so that central
 * funds, which table 三 counts, are read from it rather than the total of central and local money.
 */
function centralParts(keys: Map<number, { leaf: string; full: string; hidden: boolean }>): void {
  for (const [col, key] of keys) {
    const left = keys.get(col - 1);
    if (left && key.full === key.leaf && /^其中/.test(key.leaf) && /中央/.test(key.leaf))
      keys.set(col, { ...key, full: left.full + key.leaf });
  }
}

function planOf(grid: Grid, top: number, bottom: number, left: number, right: number, chosen: boolean): Plan | null {
  const keys = new Map<number, { leaf: string; full: string; hidden: boolean }>();
  const units: Plan['units'] = [];
  for (let col = left; col <= right; col++) {
    const parts = columnParts(grid, top, bottom, col);
    // A header merged across several columns is one column (what a person sees): its leftmost.
    const leaf = parts[parts.length - 1]?.cell;
    if (leaf && leaf.col < col) continue;
    const words = parts.filter((p) => p.key !== '');
    if (words.length > 0)
      keys.set(col, { leaf: words[words.length - 1].key, full: words.map((p) => p.key).join(''), hidden: grid.hiddenColumns.has(col) });
    // The column's own header first, then the groups above it, nearest first.
    for (let i = parts.length - 1; i >= 0; i--) {
      const unit = unitOf(parts[i].cell.text);
      if (unit) {
        units.push({ col: col - left, unit, row: parts[i].cell.row - top, at: parts[i].cell.col - left });
        break;
      }
    }
  }
  centralParts(keys);
  const matches = (['items', 'disbursements', 'payments'] as const).map((kind) => assign(kind, keys, chosen)).filter(valid);
  if (matches.length === 0) return null;
  const best = matches.sort((a, b) => b.fields - a.fields || b.score - a.score)[0];
  const columns: Partial<Record<Field, number>> = {};
  for (const f of Object.keys(best.columns) as Field[]) columns[f] = best.columns[f]! - left;
  return {
    kind: best.kind,
    columns,
    units,
    ambiguous: best.ambiguous.map(({ field, cols }) => ({ field, cols: cols.map((c) => c - left) })),
  };
}
