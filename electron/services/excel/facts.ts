// The basic facts: a small grammar over the folded text of a paragraph or title (tokens: 第八批,
// 2021年9月, (2021年), 2021年度, 2310万元; each amount claimed by the nearest known label before
// it), a label/value table, and the summary sentence above table 三. The words come from
// shared/basic-facts.ts, which also generates the paragraph.
import {
  BASIC_SENTENCE,
  MONEY_FACTS,
  SUMMARY_SENTENCE,
  TABLE_LABELS,
  clauseLabels,
  type FactKey,
  type MoneyFact,
} from '../../../shared/basic-facts';
import { parseBatch, parseDateText } from '../../../shared/fields';
import { fenOfDecimal, formatWan, parseAmount, parsePercent, shiftDecimal, type AmountUnit } from '../../../shared/money';
import { fold } from '../../../shared/text';
import { sameCounty } from '../../../shared/place-short';
import { PREFECTURE_NAMES, PROVINCE_NAMES } from '../../../shared/place-levels';
import { finding, type Finding } from '../../../shared/findings';
import { labelKey, unitOf, type Cell } from './cells';
import type { CellReader } from './values';
import { looseDate, parseDate, shownNumber } from './dates';
import { pushAll } from '../../../shared/arrays';

export type Facts = Partial<{
  name: string;
  province: string;
  prefecture: string;
  batch: number;
  year: number;
  approvedOn: string;
  acceptedOn: string;
  'investment.total': string;
  'investment.central': string;
  'investment.localGov': string;
  'investment.social': string;
  centralArrangedUse: string;
  statusNote: string;
}>;

/** Facts as they are found, each with its cell; the first value of a fact is kept, a different second one reported. */
/** A fact's value and where it stands. */
type StatedFact = { value: string | number; address: string; sheet: string };

export class FactSet {
  readonly values: Facts = {};
  readonly cells: Record<string, string> = {};
  /** The sheet of each fact's cell (facts of one county may come from several sheets). */
  readonly sheets: Record<string, string> = {};
  readonly units = new Set<AmountUnit>();
  /** The unit each money fact was written in (a note of what was converted names only those cells). */
  readonly unitOf: Record<string, AmountUnit> = {};
  readonly findings: Finding[] = [];
  /** Facts read from a title (a report's "2019年度…自评报告"): a labelled value of the same fact wins over them. */
  readonly weak = new Set<string>();
  constructor(
    readonly file: string,
    readonly sheet: string,
  ) {}

  set(fact: FactKey, value: string | number, cell: Cell | string, sheet = this.sheet, weak = false): void {
    const address = typeof cell === 'string' ? cell : cell.address;
    const old = (this.values as Record<string, string | number>)[fact];
    if (old === undefined) {
      this.keep(fact, { value, address, sheet });
      if (weak) this.weak.add(fact);
      return;
    }
    if (this.weak.has(fact) !== weak) return this.settle(fact, { value, address, sheet }, weak);
    if (fact === 'name') return this.otherName(String(old), { value: String(value), address, sheet });
    const money = MONEY_FACTS.includes(fact as MoneyFact);
    if (
      money
        ? fenOfDecimal(String(old)) === fenOfDecimal(String(value))
        : typeof old === 'string' && typeof value === 'string'
          ? fold(old) === fold(value)
          : old === value
    )
      return;
    const where = sheet === this.sheets[fact] ? address : `${sheet} › ${address}`;
    // Two different sums of money for one fact: which is right no reader can tell, so neither is taken.
    this.findings.push({
      ...finding(money ? 'amount_conflict' : 'fact_conflict', {
        field: `county.${fact}`,
        value: String(old),
        other: String(value),
        otherCell: where,
      }),
      file: this.file,
      sheet: this.sheets[fact],
      cell: this.cells[fact],
    });
  }

  /**
   * A second name for the county: the same county written another way (樟树 and 樟树市, 長白縣 and 长白朝鲜族自治县)
   * is none; another county's (a title of 扶余市 over a paragraph of 榆树市) is a doubt naming both cells — the first kept.
   */
  private otherName(held: string, given: StatedFact): void {
    if (sameCounty(held, String(given.value))) return;
    const otherCell = given.sheet === this.sheets.name ? given.address : `${given.sheet} › ${given.address}`;
    this.findings.push({
      ...finding('county_names_differ', { county: held, at: this.cells.name, other: String(given.value), otherCell }),
      file: this.file,
      sheet: this.sheets.name,
      cell: this.cells.name,
    });
  }

  private keep(fact: FactKey, { value, address, sheet }: StatedFact): void {
    (this.values as Record<string, string | number>)[fact] = value;
    this.cells[fact] = address;
    this.sheets[fact] = sheet;
  }

  /** The labelled fact wins over a title's: 示范年度 2017 beats "2019年度…自评报告"; where they differ, both cells are named. */
  private settle(fact: FactKey, given: StatedFact, weak: boolean): void {
    const held = { value: (this.values as Record<string, string | number>)[fact], address: this.cells[fact], sheet: this.sheets[fact] };
    const [title, labelled] = weak ? [given, held] : [held, given];
    if (!weak) {
      this.keep(fact, given);
      this.weak.delete(fact);
    }
    if (title.value === labelled.value) return;
    const titleCell = title.sheet === labelled.sheet ? title.address : `${title.sheet} › ${title.address}`;
    const params: Record<string, string> =
      fact === 'year'
        ? {
            year: String(labelled.value),
            value: String(labelled.value),
            otherCell: labelled.address,
            titleYear: String(title.value),
            titleCell,
          }
        : { field: `county.${fact}`, value: String(labelled.value), other: String(title.value), otherCell: titleCell };
    this.findings.push({
      ...finding(fact === 'year' ? 'year_conflict' : 'fact_conflict', params),
      file: this.file,
      sheet: labelled.sheet,
      cell: labelled.address,
    });
  }

  /** Takes the facts of another part of the same county (another sheet or block). */
  merge(other: FactSet): void {
    for (const [fact, value] of Object.entries(other.values))
      this.set(fact as FactKey, value as string | number, other.cells[fact], other.sheets[fact], other.weak.has(fact));
    for (const u of other.units) this.units.add(u);
    for (const [fact, unit] of Object.entries(other.unitOf)) this.unitOf[fact] ??= unit;
    pushAll(this.findings, other.findings);
  }
}

// ---- tokens ------------------------------------------------------------------------------

type TokenKind = 'batch' | 'date' | 'year' | 'money' | 'percent' | 'number';
type Token = {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  value?: string;
  unit?: AmountUnit;
  bracketed?: boolean;
  financialYear?: boolean;
};

const NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const TOKEN = new RegExp(
  [
    '第(?<batch>[一二三四五六七八九十两\\d]{1,3})批',
    '(?<dy>(?:19|20)\\d{2})(?:年(?<dm>\\d{1,2})月(?:(?<dd>\\d{1,2})日)?|[-./](?<dm2>\\d{1,2})(?:[-./](?<dd2>\\d{1,2}))?(?![\\d.万元亿%]))',
    '(?<year>(?:19|20)\\d{2})年(?<fy>度)?',
    `(?<num>${NUMBER})(?<unit>亿元|千万元|百万元|万元|千元|元|%)?`,
  ].join('|'),
  'g',
);
const UNITS: Record<string, AmountUnit> = { 亿元: 'yi', 万元: 'wan', 千元: 'qian', 元: 'yuan' };
/** Places the point moves for 千万元 and 百万元 written out (2千万元, 5百万元) to give 万元. */
const MILLIONS: Record<string, number> = { 千万元: 3, 百万元: 2 };
const pad = (n: string) => n.padStart(2, '0');

function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    const g = m.groups!;
    const base = { start: m.index!, end: m.index! + m[0].length, text: m[0] };
    if (g.batch) out.push({ ...base, kind: 'batch', value: String(parseBatch(g.batch) ?? '') });
    else if (g.dy) {
      const month = g.dm ?? g.dm2;
      const day = g.dd ?? g.dd2;
      out.push({ ...base, kind: 'date', value: parseDateText(`${g.dy}-${month}${day ? `-${day}` : ''}`) ?? `${g.dy}-${pad(month)}` });
    } else if (g.year) {
      const bracketed = folded[base.start - 1] === '(' && folded[base.end] === ')';
      out.push({ ...base, kind: 'year', value: g.year, bracketed, financialYear: !!g.fy });
    } else if (g.unit === '%') out.push({ ...base, kind: 'percent', value: g.num });
    else if (g.unit && MILLIONS[g.unit])
      // 2千万元 is 2000 万元, 5百万元 500 万元: the point moved, exactly.
      out.push({ ...base, kind: 'money', value: shiftDecimal(g.num.replace(/,/g, ''), MILLIONS[g.unit]), unit: 'wan' });
    else if (g.unit) out.push({ ...base, kind: 'money', value: g.num, unit: UNITS[g.unit] });
    else out.push({ ...base, kind: 'number', value: g.num });
  }
  return out;
}

/** Labels of the money facts, folded, longest first so 安排使用中央资金 wins over 中央资金. */
const MONEY_LABELS: { fact: MoneyFact; label: string }[] = BASIC_SENTENCE.filter((c) => (MONEY_FACTS as readonly string[]).includes(c.fact))
  .flatMap((c) => clauseLabels(c).map((label) => ({ fact: c.fact as MoneyFact, label: fold(label) })))
  .sort((a, b) => b.label.length - a.label.length);
const APPROVED_LABELS = clauseLabels(BASIC_SENTENCE.find((c) => c.fact === 'approvedOn')!).map(fold);
const ACCEPTED_LABELS = ['验收时间为', '验收时间', '验收日期', '验收于'];
/** Words after a date that make it the 立项 date: 于2021年9月立项, 2021年9月批复立项. */
const APPROVED_AFTER = /^[^\d,;。]{0,6}?立项/;
/** What may stand between a label and its number: 为, 是, 投入, 约, a colon. */
const GAP = /^[^\d,;。!?]{0,6}$/;

function labelBefore<T extends { label: string }>(folded: string, at: number, labels: readonly T[]): T | undefined {
  let best: { entry: T; end: number } | undefined;
  for (const entry of labels) {
    if (entry.label.length > at) continue;
    const end = folded.lastIndexOf(entry.label, at - entry.label.length) + entry.label.length;
    if (end < entry.label.length) continue;
    if (!GAP.test(folded.slice(end, at))) continue;
    if (!best || end > best.end) best = { entry, end };
  }
  return best?.entry;
}

/**
 * Folds text keeping, for each folded character, the index of the original it came from. Most
 * texts fold character for character (same length, no white space): then the map is the identity.
 */
export function foldWithMap(text: string): { folded: string; origin: (i: number) => number } {
  const whole = fold(text);
  if (whole.length === text.length && !/\s/.test(text)) return { folded: whole, origin: (i) => i };
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, origin: (k) => map[k] };
}

// ---- administrative names ----------------------------------------------------------------

const ADMIN =
  /^(?<province>.{2,10}?(?:省|自治区|特别行政区|北京市|天津市|上海市|重庆市))?(?<prefecture>.{1,12}?(?:州市|自治州|地区|盟|市|州))?(?<name>.{1,14}?(?:自治县|自治旗|林区|特区|县|市|区|旗))$/d;

/** 江西省宜春市樟树市 → 江西省 / 宜春市 / 樟树市; 江西省赣州市寻乌县 keeps 赣州市. */
export function splitAdmin(text: string): { province?: string; prefecture?: string; name: string } | undefined {
  const { folded, origin } = foldWithMap(text);
  const m = ADMIN.exec(folded);
  if (!m) return undefined;
  const slice = (k: 'province' | 'prefecture' | 'name') => {
    const span = m.indices!.groups![k];
    return span ? text.slice(origin(span[0]), origin(span[1])).trim() : undefined;
  };
  return { province: slice('province'), prefecture: slice('prefecture'), name: slice('name')! };
}

/** Who filled the form in: 填报单位：扶余市商务局（盖章）, 填表单位:吉林省松原市扶余市人民政府. */
const FILER = /^[(]?(?:填报|填表)单位[:]?/;
/** Words of an office's or a program's name, never of a county's. */
const OFFICE_WORDS = /电子|商务|示范|项目|工作|办公|领导|中心|政府/;

/**
 * The county a 填报单位 line names (扶余市 in 扶余市商务局, in 吉林省松原市扶余市人民政府), or undefined: none, or a
 * province's or a prefecture's office (松原市商务局), which files for its counties.
 */
export function filerCounty(text: string): string | undefined {
  const folded = fold(text).trim();
  const m = FILER.exec(folded);
  if (!m) return undefined;
  const rest = folded.slice(m[0].length).trim();
  let county: string | undefined;
  for (let k = 2; k <= Math.min(rest.length, 20); k++) {
    const head = rest.slice(0, k);
    if (!/[县市区旗]$/.test(head) || OFFICE_WORDS.test(head)) continue;
    const name = splitAdmin(head)?.name;
    if (name) county = name;
  }
  return county && !PREFECTURE_NAMES.includes(county) && !PROVINCE_NAMES.includes(county) ? county : undefined;
}

/**
 * The counties texts name as a sheet name, a title or 项目名称 say them (樟树市, 寻乌县, 宜春市樟树市),
 * folded, bracketed notes left out.
 */
export function countiesNamed(texts: string[]): string[] {
  return texts.flatMap((t) =>
    [
      ...fold(t)
        .replace(/\([^)]*\)/g, '')
        .matchAll(COUNTY_NAME),
    ]
      .map((m) => m[0])
      .filter((m) => !NOT_A_NAME.test(m)),
  );
}

/** A county's name in a text: the shortest run of characters up to 县, 市, 区 or 旗. */
const COUNTY_NAME = /[\u4e00-\u9fff]{1,12}?(?:自治县|自治旗|县|市|区|旗)/g;

/** Words before 县/市 that make no county's name: 综合示范县, 本县, 全市. */
const NOT_A_NAME = /示范|农村|电子商务|电商|^[本全各该][县市区旗]$/;

// ---- the paragraph -----------------------------------------------------------------------

export type SentenceRead = { claimed: number; unclaimed: string[] };

const LEAD = /^(.{2,40}?)(?:是|为|系|属|入选|被确定为|被列为)?第[一二三四五六七八九十两\d]{1,3}批/;
/**
 * The county that opens a sentence saying what it is, whatever stands between: 扶余市是2021年全国电子商务进农村综合示范县(第十批),
 * 2021年,扶余市被确定为全国…示范县 (a year and a comma before it).
 */
const LEAD_IS = /^(\d{4}年(?:\d{1,2}月)?,?)?(.{2,40}?)(?:是|为|系|入选|被确定为|被列为|被评为|获批|成为)[^。;]*?示范(?:县|市|区|旗)/;
const HEADING_PREFIX = /^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[、.])?(?:项目)?(?:基本情况|基本概况|概况)[:]?/;
/** 我县是第八批…: the county is named elsewhere (the title). */
const PRONOUN = /^(我|该|本)(县|市|区|旗)$/;

type Claim = { token: Token; fact: FactKey; value: string | number };

/** Words just before a money label that make its amount a payment: 已拨付中央资金, 累计支付. */
const PAID_BEFORE = /拨付|支付|已付|付款/;

/** A paragraph being read: its text, folded (with the way back to the text), and where its facts and problems go. */
type Sentence = { cell: Cell; text: string; folded: string; origin: (i: number) => number; facts: FactSet; reader: CellReader };

/** Whether a stretch of the folded text lies inside the status note. */
type InNote = (t: { start: number; end: number }) => boolean;

/**
 * Reads the basic facts from a paragraph (or a title): every number is claimed by a fact or
 * reported; the status note is what stands between the investment and the arranged funds, as
 * the generated paragraph writes it, and the numbers in it are part of the note.
 */
export function readSentence(
  cell: Cell,
  facts: FactSet,
  reader: CellReader,
  options: { lead: boolean; from?: number; weak?: boolean },
): SentenceRead {
  const { folded, origin } = foldWithMap(cell.text);
  const s: Sentence = { cell, text: cell.text, folded, origin, facts, reader };
  const from = options.lead ? readLead(s, options.from ?? 0) : (options.from ?? 0);
  const all = tokens(folded).filter((t) => t.start >= from);
  const { claims, investmentEnd, arrangedStart } = claimTokens(folded, all);
  const note = readStatusNote(s, investmentEnd, arrangedStart);
  const inNote: InNote = (t) => t.start >= note.from && t.end <= note.to;
  const claimed = new Set<Token>();
  readLooseDates(s, from, all, claims, inNote, claimed);
  for (const { token, fact, value } of claims) {
    if (inNote(token)) continue;
    claimed.add(token);
    if (token.kind !== 'money') {
      facts.set(fact, value, cell, undefined, options.weak && (fact === 'year' || fact === 'batch'));
      continue;
    }
    const parsed = parseAmount(String(value), token.unit);
    if (!parsed.ok) {
      reader.problem('not_a_number', cell, { field: `county.${fact}`, value: token.text });
      continue;
    }
    facts.units.add(token.unit!);
    facts.unitOf[fact] = token.unit!;
    facts.set(fact, formatWan(parsed.value), cell);
  }
  const unclaimed = all.filter((t) => !claimed.has(t) && !inNote(t));
  for (const t of unclaimed)
    reader.problem('ignored_cell', cell, { value: s.text.slice(origin(t.start), origin(t.end)), reason: 'no_label' });
  return { claimed: claimed.size, unclaimed: unclaimed.map((t) => t.text) };
}

/** The county the paragraph opens with (樟树市是第八批…), read as its name; where the rest of the paragraph starts. */
function readLead(s: Sentence, from: number): number {
  const { folded, text, origin, facts, cell } = s;
  // "一、基本情况：樟树市是第八批…" in one cell: the heading is no part of the name.
  const heading = HEADING_PREFIX.exec(folded)?.[0].length ?? 0;
  // The county before what it is said to be (…是2021年全国…示范县), else before its 批次 (樟树市第八批…).
  const isLead = LEAD_IS.exec(folded.slice(heading));
  const batchLead = LEAD.exec(folded.slice(heading));
  const leads = [
    ...(isLead ? [{ before: isLead[1]?.length ?? 0, named: isLead[2] }] : []),
    ...(batchLead ? [{ before: 0, named: batchLead[1] }] : []),
  ];
  const nameAt = (l: { before: number; named: string }) => {
    const start = heading + l.before;
    return PRONOUN.test(l.named) ? undefined : splitAdmin(text.slice(origin(start), origin(start + l.named.length)).trim());
  };
  const lead = leads.find((l) => nameAt(l));
  if (!lead) return from;
  const admin = nameAt(lead)!;
  facts.set('name', admin.name, cell);
  if (admin.province) facts.set('province', admin.province, cell);
  if (admin.prefecture) facts.set('prefecture', admin.prefecture, cell);
  // The county's own name may hold a digit (示范1县): it is the name, not a number to read. A year before
  // it (2021年,扶余市被确定为…) is the paragraph's year: read, not skipped.
  return lead.before ? heading : heading + lead.named.length;
}

/**
 * Each number claimed by the fact whose label stands nearest before it (批次, money, dates, the year);
 * where the investment amounts end and the arranged funds begin (the status note stands between).
 */
function claimTokens(folded: string, all: Token[]): { claims: Claim[]; investmentEnd: number; arrangedStart: number } {
  const labelled = (t: Token, labels: string[]) =>
    labels.some((l) => {
      const i = folded.lastIndexOf(l, t.start - l.length);
      return i >= 0 && GAP.test(folded.slice(i + l.length, t.start));
    });
  const present = MONEY_LABELS.filter((l) => folded.includes(l.label));
  const claims: Claim[] = [];
  let investmentEnd = -1;
  let arrangedStart = -1;
  for (const t of all) {
    if (t.kind === 'batch' && t.value) claims.push({ token: t, fact: 'batch', value: Number(t.value) });
    else if (t.kind === 'money') {
      const hit = labelBefore(folded, t.start, present);
      if (!hit) continue;
      // "已拨付中央资金1235.96万元" is money paid out, not the central funds: left to be told.
      const at = folded.lastIndexOf(hit.label, t.start - hit.label.length);
      if (hit.fact !== 'centralArrangedUse' && PAID_BEFORE.test(folded.slice(Math.max(0, at - 4), at))) continue;
      claims.push({ token: t, fact: hit.fact, value: t.value! });
      if (hit.fact === 'centralArrangedUse') {
        if (arrangedStart < 0) arrangedStart = folded.lastIndexOf(hit.label, t.start);
      } else if (arrangedStart < 0) investmentEnd = t.end;
    } else if (t.kind === 'date' || t.kind === 'year') {
      if (labelled(t, APPROVED_LABELS) || APPROVED_AFTER.test(folded.slice(t.end)))
        claims.push({ token: t, fact: 'approvedOn', value: t.value! });
      else if (labelled(t, ACCEPTED_LABELS)) claims.push({ token: t, fact: 'acceptedOn', value: t.value! });
      else if (t.kind === 'year' && (t.bracketed || t.financialYear || !claims.some((c) => c.fact === 'year')))
        claims.push({ token: t, fact: 'year', value: Number(t.value) });
    }
  }
  return { claims, investmentEnd, arrangedStart };
}

/** The status note: between the last investment amount and the arranged funds, one separator off each end. Its stretch of the folded text. */
function readStatusNote(s: Sentence, investmentEnd: number, arrangedStart: number): { from: number; to: number } {
  const { folded } = s;
  if (investmentEnd < 0 || arrangedStart <= investmentEnd) return { from: -1, to: -1 };
  let from = investmentEnd;
  let to = arrangedStart;
  // "社会资本580万元），当前…": the bracket closing the amounts is no part of the note.
  while (/[)\]】」』]/.test(folded[from] ?? '')) from++;
  if (/[,;。]/.test(folded[from])) from++;
  if (to > from && /[,;。]/.test(folded[to - 1])) to--;
  s.facts.set('statusNote', to > from ? s.text.slice(s.origin(from), s.origin(to)).trim() : '', s.cell);
  return { from, to };
}

/**
 * A date after its label the tokens do not read (立项时间为21年9月, 立项时间为二〇二一年九月): read as
 * people type dates, or refused at the cell — never dropped.
 */
function readLooseDates(s: Sentence, from: number, all: Token[], claims: Claim[], inNote: InNote, claimed: Set<Token>): void {
  const { folded, facts, cell } = s;
  for (const [fact, labels] of [
    ['approvedOn', APPROVED_LABELS],
    ['acceptedOn', ACCEPTED_LABELS],
  ] as const) {
    if (claims.some((c) => c.fact === fact)) continue;
    const hit = labels
      .map((l) => ({ l, at: folded.indexOf(l, from) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => b.l.length - a.l.length)[0];
    if (!hit) continue;
    const start = hit.at + hit.l.length;
    const lead = /^[为是于:]?/.exec(folded.slice(start))![0].length;
    const end = folded.slice(start + lead).search(/[,;。)(]|$/) + start + lead;
    const said = folded.slice(start + lead, end);
    if (!said || inNote({ start, end })) continue;
    const day = looseDate(said);
    if (day) facts.set(fact, day, cell);
    else s.reader.problem('not_a_date', cell, { field: `county.${fact}`, value: s.text.slice(s.origin(start + lead), s.origin(end)) });
    for (const t of all) if (t.start >= start && t.end <= end) claimed.add(t);
  }
}

/** Whether a text is worth reading as a basic-facts paragraph: cheap tests first. */
export function looksLikeParagraph(text: string): boolean {
  if (text.length < 6 || !/[0-9０-９]/.test(text)) return false;
  return /第.{1,3}批|投[资資]|[资資][金本]/.test(text);
}

// ---- the title ---------------------------------------------------------------------------

const TITLE_WORDS = /电子商务|电商/;
/** The county part of a title ends where the program's name (or its year or batch) begins. */
const TITLE_CUT = /(?:关于)?(.+?)(?=(?:\(?\d{4}年度?\)?)?(?:第[一二三四五六七八九十两\d]{1,3}批)?(?:国家级|全国)?(?:电子商务|电商))/;

export function looksLikeTitle(text: string): boolean {
  if (text.length > 80 || !/[电電]/.test(text)) return false;
  const f = fold(text);
  return TITLE_WORDS.test(f) && /验收|示范/.test(f);
}

/**
 * What may stand before the county in a title and is no part of its name (folded text): 附件2：,
 * 附表1, 表1, a year (2021年度), a batch (第八批), a bracketed note (【附件2】, (2021年)), 关于.
 */
const TITLE_PREFIX = new RegExp(
  [
    // A Chinese numeral only before a separator: 附件三河市 is 三河市.
    '(?:附件|附表)(?:\\d+(?:-\\d+)?|[一二三四五六七八九十]+(?=[:、.\\-—_]))?',
    '表\\d+(?:-\\d+)?',
    '(?<year>(?:19|20)\\d{2})年度?',
    '第(?<batch>[一二三四五六七八九十两\\d]{1,3})批次?',
    '[(\\[【〔《](?<inner>[^()\\[\\]【】〔〕《》]{0,20})[)\\]】〕》]',
    '关于',
    '[:、.,;\\-—_]+',
  ]
    .map((p) => `^(?:${p})`)
    .join('|'),
);
/** A bracketed note after the county: 樟树市(第八批), 樟树市(2021年度). */
const TITLE_SUFFIX = /[(\[【〔][^()[\]【】〔〕]{0,20}[)\]】〕]$/;

/** Reads province, prefecture and county from a title, and a year or batch it names. */
export function readTitle(cell: Cell, facts: FactSet, reader: CellReader): boolean {
  const { folded, origin } = foldWithMap(cell.text);
  const m = TITLE_CUT.exec(folded);
  if (!m) return false;
  let start = m.index + m[0].length - m[1].length;
  let end = start + m[1].length;
  // Prefixes are read for the year or batch they name; the rest of them is no part of the name.
  const named: { fact: 'year' | 'batch'; value: number }[] = [];
  for (
    let p = TITLE_PREFIX.exec(folded.slice(start, end));
    p && p[0].length > 0 && p[0].length < end - start;
    p = TITLE_PREFIX.exec(folded.slice(start, end))
  ) {
    const g = p.groups ?? {};
    const inner = g.inner ?? '';
    const year = g.year ?? /(?:19|20)\d{2}(?=年)/.exec(inner)?.[0];
    const batch = g.batch ?? /第([一二三四五六七八九十两\d]{1,3})批/.exec(inner)?.[1];
    if (year) named.push({ fact: 'year', value: Number(year) });
    const b = batch ? parseBatch(batch) : undefined;
    if (b !== undefined) named.push({ fact: 'batch', value: b });
    start += p[0].length;
  }
  // A bracketed note right after the county is read with the rest of the title.
  for (let s = TITLE_SUFFIX.exec(folded.slice(start, end)); s && s.index > 0; s = TITLE_SUFFIX.exec(folded.slice(start, end)))
    end = start + s.index;
  const admin = splitAdmin(cell.text.slice(origin(start), origin(end)).trim());
  if (!admin) return false;
  facts.set('name', admin.name, cell);
  if (admin.province) facts.set('province', admin.province, cell);
  if (admin.prefecture) facts.set('prefecture', admin.prefecture, cell);
  // A year or batch in a title may be the report's, not the program's: a labelled one wins.
  for (const { fact, value } of named) facts.set(fact, value, cell, undefined, true);
  // A year or batch the title names after the county (the county's own name may hold a digit).
  const rest = cell.text.slice(origin(end));
  if (/[0-9０-９一二三四五六七八九十]/.test(rest)) readSentence(cell, facts, reader, { lead: false, from: end, weak: true });
  return true;
}

// ---- a label/value table -----------------------------------------------------------------

const LABEL_TO_FACT = new Map<string, FactKey>();
for (const [fact, labels] of Object.entries(TABLE_LABELS))
  for (const l of labels) if (!LABEL_TO_FACT.has(fold(l))) LABEL_TO_FACT.set(fold(l), fact as FactKey);

/** The fact a label cell names ("县（市、区）", "其中：中央资金（万元）", "所属省份"), if any. */
export function labelFact(cell: Cell): FactKey | undefined {
  if (typeof cell.value !== 'string' || cell.text.length > 30) return undefined;
  const key = labelKey(cell.text);
  // "其中：政府配套资金（万元）": a part of the total, named as such.
  return LABEL_TO_FACT.get(key) ?? (key.startsWith('其中') ? LABEL_TO_FACT.get(key.slice(2)) : undefined);
}

/**
 * A fact written with its value in one cell, "中央资金：1500万元", "批次:第八批": the label's fact and
 * a cell standing for the value (same place, the text after the colon).
 */
export function inlineFact(cell: Cell): { fact: FactKey; value: Cell } | undefined {
  if (typeof cell.value !== 'string' || cell.text.length > 60) return undefined;
  const m = /^([^:：]{1,24})[:：]\s*(\S.*)$/.exec(cell.text.trim());
  const fact = m ? labelFact({ ...cell, text: m[1] }) : undefined;
  return fact && { fact, value: { ...cell, value: m![2].trim(), text: m![2].trim() } };
}

/** Reads the value of a labelled fact; amounts in the unit the label names (项目总投资（元）). */
export function readLabelled(
  fact: FactKey,
  label: Cell,
  cell: Cell,
  facts: FactSet,
  reader: CellReader,
  unit?: { unit: AmountUnit; cell: Cell },
): void {
  let value: string | number | undefined;
  if (fact === 'batch') {
    value = typeof cell.value === 'number' ? cell.value : parseBatch(cell.text);
    // 第四批（2017年整体推进州市）, 2020年（第一批）: the number, and the note told.
    const noted = value === undefined ? /第([一二三四五六七八九十两\d]{1,3})批/.exec(fold(cell.text)) : null;
    if (noted) {
      value = parseBatch(noted[1]);
      if (value !== undefined) reader.problem('batch_note', cell, { value: cell.text, batch: String(value) });
    }
    if (value === undefined || !Number.isInteger(value)) reader.problem('not_a_number', cell, { field: 'county.batch', value: cell.text });
  } else if (fact === 'year') {
    value = parseYear(cell);
    if (value === undefined) reader.problem('not_a_number', cell, { field: 'county.year', value: cell.text });
  } else if (fact === 'approvedOn' || fact === 'acceptedOn') {
    const shown = typeof cell.value === 'number' ? shownNumber(cell) : undefined;
    value = parseDate(cell);
    if (shown !== undefined && /^\d{4}\.1$/.test(shown)) {
      // 2021.10 typed into a number cell shows 2021.1: January or October, no cell can say.
      value = undefined;
      reader.problem('not_a_date', cell, { field: `county.${fact}`, value: shown, problem: 'ambiguous_month', year: shown.slice(0, 4) });
    } else if (value === undefined) reader.problem('not_a_date', cell, { field: `county.${fact}`, value: shown ?? cell.text });
  } else if (fact.startsWith('investment.') || fact === 'centralArrangedUse') {
    // The label's own unit ("项目总投资（元）"), else the one beside the value or the unit line above.
    const own = unitOf(label.text);
    if (own && unit && own !== unit.unit)
      reader.problem('unit_conflict', label, { unit: own, other: unit.cell.address, otherUnit: unit.unit });
    const read = reader.money(cell, `county.${fact}`, cell.address, own ?? unit?.unit);
    if (read) facts.units.add(read.unit);
    if (read) facts.unitOf[fact] = read.unit;
    value = read?.value;
  } else {
    value = cell.text.trim();
  }
  if (value !== undefined) facts.set(fact, value, cell);
}

function parseYear(cell: Cell): number | undefined {
  if (cell.value instanceof Date) return cell.value.getUTCFullYear();
  const m = /^\(?(\d{4})年?(度)?\)?$/.exec(fold(cell.text));
  return m ? Number(m[1]) : undefined;
}

// ---- the summary sentence above table 三 -------------------------------------------------

/** What a summary sentence states; `asOf` is the day it names ("截至2022年6月30日"), if any. */
export type SummaryRead = { cell: Cell; actual?: string; rate?: string; asOf?: string };

const SUMMARY_LEAD = ['截至', '截止', '截止到', '截至到'].map((label) => ({ label }));

const SUMMARY_ACTUAL = clauseLabels(SUMMARY_SENTENCE.find((c) => c.fact === 'actual')!)
  .map((l) => ({ label: fold(l) }))
  .sort((a, b) => b.label.length - a.label.length);
const SUMMARY_RATE = clauseLabels(SUMMARY_SENTENCE.find((c) => c.fact === 'rate')!)
  .map((l) => ({ label: fold(l) }))
  .sort((a, b) => b.label.length - a.label.length);

/** "截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.4%。": the stated total and rate, to check. */
export function readSummary(cell: Cell, reader: CellReader): SummaryRead | undefined {
  if (!/拨付|撥付/.test(cell.text) || !/[0-9０-９]/.test(cell.text)) return undefined;
  const { folded, origin } = foldWithMap(cell.text);
  const all = tokens(folded);
  const out: SummaryRead = { cell };
  const claimed = new Set<Token>();
  for (const t of all) {
    if (t.kind === 'money' && !out.actual && labelBefore(folded, t.start, SUMMARY_ACTUAL)) {
      const p = parseAmount(t.value!, t.unit);
      if (p.ok) {
        out.actual = formatWan(p.value);
        claimed.add(t);
      }
    } else if (t.kind === 'date' && !out.asOf && t.value!.length === 10 && labelBefore(folded, t.start, SUMMARY_LEAD)) {
      out.asOf = t.value;
      claimed.add(t);
    } else if (t.kind === 'percent' && !out.rate && labelBefore(folded, t.start, SUMMARY_RATE)) {
      const p = parsePercent(t.value!);
      if (p.ok) {
        out.rate = p.value;
        claimed.add(t);
      }
    }
  }
  if (!out.actual && !out.rate) return undefined;
  for (const t of all)
    if (!claimed.has(t))
      reader.problem('ignored_cell', cell, { value: cell.text.slice(origin(t.start), origin(t.end)), reason: 'no_label' });
  return out;
}
