// 四、绩效自评: the pure scoring rules of the 项目支出绩效自评表 (../spec/performance-evaluation.md).
// Exact arithmetic on decimal strings (bigint numerator, power-of-ten scale); scores half up to 2
// decimals. Nothing here guesses: a text it cannot read gives no score, and says why.
import { fold } from './text';

/** A non-negative decimal held exactly: value = n / 10^scale. */
type Dec = { n: bigint; scale: number };

const DEC = /^(\d+)(?:\.(\d+))?$/;
export function decOf(text: string): Dec | null {
  const m = DEC.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { n: BigInt(m[1] + frac), scale: frac.length };
}
const pow10 = (k: number) => 10n ** BigInt(k);

/** a × b / c, half up to 2 decimals, as text with 2 decimals (c > 0). */
function mulDiv2(a: Dec, b: Dec, c: Dec): string {
  // (a.n/10^a.s)(b.n/10^b.s)/(c.n/10^c.s) × 100 = a.n b.n 10^c.s 100 / (c.n 10^(a.s+b.s))
  const num = a.n * b.n * pow10(c.scale) * 100n;
  const den = c.n * pow10(a.scale + b.scale);
  return scaled2((2n * num + den) / (2n * den));
}
const scaled2 = (v: bigint): string => {
  const s = v.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};
const cmp = (a: Dec, b: Dec): number => {
  const s = Math.max(a.scale, b.scale);
  const x = a.n * pow10(s - a.scale);
  const y = b.n * pow10(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
};
/** A score or weight shown with 2 decimals ("10" → "10.00"). */
export function score2(text: string): string {
  const d = decOf(text);
  if (!d) return text;
  if (d.scale <= 2) return scaled2(d.n * pow10(2 - d.scale));
  const cut = d.n / pow10(d.scale - 2);
  const next = (d.n / pow10(d.scale - 3)) % 10n;
  return scaled2(cut + (next >= 5n ? 1n : 0n));
}
/** Sum of decimal strings, exact, as canonical text with 2 decimals at least. */
export function sumScores(values: readonly string[]): string {
  let total: Dec = { n: 0n, scale: 2 };
  for (const v of values) {
    const d = decOf(v);
    if (!d) continue;
    const s = Math.max(total.scale, d.scale);
    total = { n: total.n * pow10(s - total.scale) + d.n * pow10(s - d.scale), scale: s };
  }
  return score2(
    `${total.n / pow10(total.scale)}${total.scale ? '.' + (total.n % pow10(total.scale)).toString().padStart(total.scale, '0') : ''}`,
  );
}
/** Exact comparison of two decimal strings (-1, 0, 1); null if either is not one. */
export function compareScores(a: string, b: string): number | null {
  const x = decOf(a);
  const y = decOf(b);
  return x && y ? cmp(x, y) : null;
}

/** The money score: 分值 × min(执行数 / 预算数, 1), half up to 2 decimals; null without a budget. */
export function fundsScore(executedFen: bigint, budgetFen: bigint, weight: string): string | null {
  const w = decOf(weight);
  if (!w || budgetFen === 0n) return null;
  if (executedFen >= budgetFen) return score2(weight);
  return mulDiv2(w, { n: executedFen, scale: 0 }, { n: budgetFen, scale: 0 });
}

// ---- Indicator values: "≥3000平方米", "不低于3000平方米", "95%以上", "≤5天", "1.2万人次", "达成预期指标".

export type Direction = 'ge' | 'le' | 'plain';
/** A quantity read from a cell: a direction, an exact number, a unit ('' when none). */
export type Quantity = { direction: Direction; value: string; unit: string };

const GE_PREFIX = ['≥', '>=', '≧', '大于等于', '大于或等于', '不低于', '不少于', '不小于', '不下于', '至少', '达到', '达'];
const LE_PREFIX = [
  '≤',
  '<=',
  '≦',
  '小于等于',
  '小于或等于',
  '不高于',
  '不超过',
  '不多于',
  '不大于',
  '控制在',
  '最多',
  '低于',
  '少于',
  '小于',
  '<',
];
const GE_SUFFIX = ['及以上', '以上', '或以上', '以上的'];
const LE_SUFFIX = ['及以下', '以下', '以内', '或以下'];
/** Units the draft recognises inside running text (in a cell of its own any short unit is read). */
export const UNITS = [
  '平方米',
  '万元',
  '元',
  '人次',
  '万人次',
  '个',
  '家',
  '人',
  '名',
  '场',
  '次',
  '条',
  '项',
  '户',
  '村',
  '站',
  '点',
  '座',
  '个村',
  '单',
  '件',
  '吨',
  '天',
  '期',
  '批',
  '所',
  '台',
  '套',
  '种',
  '款',
  '%',
  '万单',
  '万件',
  '公里',
  '亩',
  '个百分点',
  '小时',
  '分钟',
  '日',
];

/** Folds what a person typed: full-width forms, traditional characters, white space; thousands separators. */
const norm = (text: string) =>
  fold(text)
    .replace(/(?<=\d),(?=\d{3}(\D|$))/g, '')
    .replace(/％/g, '%');

/** Reads a cell's text as a quantity; null when it is not one number with an optional direction and unit. */
export function parseQuantity(text: string): Quantity | null {
  let t = norm(text);
  if (!t) return null;
  let direction: Direction = 'plain';
  const pre = [...GE_PREFIX.map((p) => [p, 'ge'] as const), ...LE_PREFIX.map((p) => [p, 'le'] as const)].sort(
    (a, b) => b[0].length - a[0].length,
  );
  for (const [p, d] of pre)
    if (t.startsWith(p)) {
      direction = d;
      t = t.slice(p.length);
      break;
    }
  const suf = [...GE_SUFFIX.map((s) => [s, 'ge'] as const), ...LE_SUFFIX.map((s) => [s, 'le'] as const)].sort(
    (a, b) => b[0].length - a[0].length,
  );
  for (const [s, d] of suf)
    if (t.endsWith(s)) {
      if (direction !== 'plain' && direction !== d) return null;
      direction = d;
      t = t.slice(0, -s.length);
      break;
    }
  const m = /^(\d+(?:\.\d+)?)([^\d.]{0,6})$/.exec(t);
  if (!m) return null;
  const unit = m[2];
  if (/[0-9≥≤<>=~\-—至到]/.test(unit)) return null;
  return { direction, value: m[1].replace(/^0+(?=\d)/, ''), unit };
}

/** Scale factors between units that differ only by 万 / 亿 (万元 vs 元, 万人次 vs 人次). */
function unitFactor(from: string, to: string): Dec | null {
  if (from === to) return { n: 1n, scale: 0 };
  for (const [prefix, factor] of [
    ['万', 10_000n],
    ['亿', 100_000_000n],
  ] as const) {
    if (from === prefix + to) return { n: factor, scale: 0 };
    if (to === prefix + from) return { n: 1n, scale: prefix === '万' ? 4 : 8 };
  }
  return null;
}

/** Qualitative results as the standard writes them, and the band of the weight each allows (percent). */
export const QUALITATIVE_BANDS = [
  {
    key: 'reached',
    words: ['达成预期指标', '达成预期', '已达成', '达成', '完成', '已完成', '全部完成', '效果明显', '显著'],
    low: 80,
    high: 100,
  },
  { key: 'partly', words: ['部分达成', '部分达成预期指标', '部分完成', '基本达成', '基本完成', '有所提升', '效果一般'], low: 60, high: 80 },
  { key: 'missed', words: ['未达成', '未达成预期指标', '未完成', '效果不明显', '无明显效果'], low: 0, high: 60 },
] as const;
export type Band = (typeof QUALITATIVE_BANDS)[number];
export function bandOf(text: string): Band | null {
  const t = norm(text);
  if (!t) return null;
  // The longest matching phrase decides (未达成 before 达成).
  let best: { band: Band; len: number } | null = null;
  for (const band of QUALITATIVE_BANDS)
    for (const w of band.words) if (t.includes(w) && (!best || w.length > best.len)) best = { band, len: w.length };
  return best?.band ?? null;
}

/** How an indicator was scored: by the rule (≥ or ≤), or left to the person, and why. */
export type Scoring =
  | { kind: 'rule'; direction: 'ge' | 'le'; target: string; actual: string; unit: string; score: string }
  | { kind: 'user'; reason: 'qualitative' | 'unit_mismatch' | 'unread' | 'no_actual' | 'no_weight' | 'direction'; band?: Band['key'] };

/**
 * The score of one indicator by the rules: `≥ X` scores 分值 × min(实际/X, 1); `≤ X` scores
 * 分值 × min(X/实际, 1); units must agree; a plain target is read as ≥ except for a 成本 (cost)
 * indicator, whose direction is the person's to say. Anything else is the person's to score.
 */
export function scoreIndicator(ind: { level2: string; target: string; actual: string; weight: string | null }): Scoring {
  const targetText = ind.target.trim();
  const actualText = ind.actual.trim();
  const target = parseQuantity(targetText);
  if (!target) {
    const qualitative = !/\d/.test(norm(targetText));
    const band = bandOf(actualText);
    return { kind: 'user', reason: qualitative ? 'qualitative' : 'unread', ...(band ? { band: band.key } : {}) };
  }
  if (!actualText) return { kind: 'user', reason: 'no_actual' };
  const actual = parseQuantity(actualText);
  if (!actual || actual.direction !== 'plain') return { kind: 'user', reason: 'unread' };
  const unit = target.unit || actual.unit;
  const factor = unitFactor(actual.unit || unit, target.unit || unit);
  if (!factor) return { kind: 'user', reason: 'unit_mismatch' };
  if (ind.weight === null) return { kind: 'user', reason: 'no_weight' };
  const direction = target.direction === 'plain' ? (fold(ind.level2).includes('成本') ? null : 'ge') : target.direction;
  if (!direction) return { kind: 'user', reason: 'direction' };
  const w = decOf(ind.weight)!;
  const x = decOf(target.value)!;
  const a0 = decOf(actual.value)!;
  const a: Dec = { n: a0.n * factor.n, scale: a0.scale + factor.scale };
  let score: string;
  if (direction === 'ge') score = cmp(a, x) >= 0 || x.n === 0n ? score2(ind.weight) : mulDiv2(w, a, x);
  else score = cmp(a, x) <= 0 ? score2(ind.weight) : mulDiv2(w, x, a);
  return { kind: 'rule', direction, target: target.value, actual: actual.value, unit, score };
}

/** Whether a person's score of a qualitative indicator lies in the band its result allows. */
export function inBand(band: Band['key'], score: string, weight: string): boolean {
  const b = QUALITATIVE_BANDS.find((q) => q.key === band)!;
  const s = decOf(score);
  const w = decOf(weight);
  if (!s || !w) return true;
  // score/weight × 100 within [low, high] (high included only for the top band).
  const lhs = { n: s.n * 100n * pow10(w.scale), scale: 0 };
  const lo = { n: w.n * BigInt(b.low) * pow10(s.scale), scale: 0 };
  const hi = { n: w.n * BigInt(b.high) * pow10(s.scale), scale: 0 };
  return cmp(lhs, lo) >= 0 && (b.high === 100 ? cmp(lhs, hi) <= 0 : cmp(lhs, hi) < 0);
}

export type Grade = '优' | '良' | '中' | '差';
/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (财政部预算司's bands). */
export function gradeOf(total: string): Grade {
  const t = decOf(total) ?? { n: 0n, scale: 0 };
  if (cmp(t, { n: 90n, scale: 0 }) >= 0) return '优';
  if (cmp(t, { n: 80n, scale: 0 }) >= 0) return '良';
  if (cmp(t, { n: 60n, scale: 0 }) >= 0) return '中';
  return '差';
}
export const GRADE_EN: Record<Grade, string> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

// ---- The draft from table 二: each quantity a target states becomes a 产出指标 / 数量指标 row.

const UNIT_RE = [...UNITS].sort((a, b) => b.length - a.length).join('|');
const OP_RE = [...GE_PREFIX, ...LE_PREFIX]
  .filter((p) => p.length > 1 || /[≥≤≧≦]/.test(p))
  .sort((a, b) => b.length - a.length)
  .join('|');
const SUFFIX_RE = [...GE_SUFFIX, ...LE_SUFFIX].sort((a, b) => b.length - a.length).join('|');
const QUANTITY_IN_TEXT = new RegExp(`(${OP_RE})?(\\d+(?:\\.\\d+)?)(${UNIT_RE})(${SUFFIX_RE})?`, 'gu');

type Found = { direction: Direction; value: string; unit: string };
/** "3-5名", "1至3个": a range is met from its lower end, so it reads as "≥3名" (never its upper end). */
const RANGE = /(\d+(?:\.\d+)?)\s*(?:-|~|至|到|—|–)\s*\d+(?:\.\d+)?(?=\D)/gu;
/** A distance "以内" is how far a service reaches (周边15公里以内), not a limit to stay under. */
const DISTANCE = new Set(['公里', '千米', '米', 'km']);
function quantitiesIn(clause: string): Found[] {
  const out: Found[] = [];
  for (const m of norm(clause).replace(RANGE, '≥$1').matchAll(QUANTITY_IN_TEXT)) {
    const [, op, value, unit, suffix] = m;
    const dirOf = (s: string | undefined, list: readonly string[]) => (s !== undefined && list.includes(s) ? true : false);
    const reach = DISTANCE.has(unit) && suffix !== undefined && /以内|之内/.test(suffix);
    const direction: Direction =
      dirOf(op, GE_PREFIX) || dirOf(suffix, GE_SUFFIX)
        ? 'ge'
        : !reach && (dirOf(op, LE_PREFIX) || dirOf(suffix, LE_SUFFIX))
          ? 'le'
          : 'plain';
    out.push({ direction, value: value.replace(/^0+(?=\d)/, ''), unit });
  }
  return out;
}
const quantityText = (q: Found) => `${q.direction === 'ge' ? '≥' : q.direction === 'le' ? '≤' : ''}${q.value}${q.unit}`;

export type DraftIndicator = {
  level1: 'output';
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: string | null;
  score: null;
  deviation: string;
};

/**
 * The draft of the 绩效指标 from table 二: every clause of a 项目实施目标 that states one quantity
 * with a direction (or only one quantity) becomes a row, its 年度指标值 written "≥3000平方米"; its
 * 实际完成值 is the one number of the same unit in 目标完成情况, left blank when there is none or
 * several. The output weight is shared equally (half up; the last row takes the rest).
 */
export function draftIndicators(
  items: readonly { name: string; target: string; completion: string }[],
  outputWeight = '50',
): DraftIndicator[] {
  const rows: Omit<DraftIndicator, 'weight'>[] = [];
  for (const item of items) {
    const clauses = item.target
      .split(/[,,;;。\n]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const completion = quantitiesIn(item.completion);
    for (const clause of clauses) {
      const found = quantitiesIn(clause);
      const directed = found.filter((q) => q.direction !== 'plain');
      const q = directed.length === 1 ? directed[0] : found.length === 1 ? found[0] : null;
      if (!q) continue;
      const same = completion.filter((c) => unitFactor(c.unit, q.unit) !== null);
      const actual = same.length === 1 ? `${same[0].value}${same[0].unit}` : '';
      rows.push({ level1: 'output', level2: '数量指标', name: clause, target: quantityText(q), actual, score: null, deviation: '' });
    }
  }
  const w = decOf(outputWeight);
  if (!w || rows.length === 0) return rows.map((r) => ({ ...r, weight: null }));
  const totalCents = (w.n * 100n) / pow10(w.scale);
  const each = totalCents / BigInt(rows.length);
  return rows.map((r, i) => ({
    ...r,
    weight: scaled2(i === rows.length - 1 ? totalCents - each * BigInt(rows.length - 1) : each).replace(/\.00$/, ''),
  }));
}
