// What a person types into 四、绩效自评, read field by field (the store, the grid, the import):
// money in 万元 (exact), scores and weights (0–999.99, 2 decimals at most), a stated rate, texts,
// the 一级指标 in either script with or without spaces ("产 出 指 标").
import { formatWan, parseAmount, parsePercent } from './money';
import { fold, hasXmlUnsafe } from './text';
import type { Level1 } from './performance-schema';

export type PerfValue = string | null;
export type PerfParsed = { ok: true; value: PerfValue } | { ok: false; problem: string; problemEn: string };

const FIELD_LABELS: Record<string, [string, string]> = {
  'funds.initial': ['年初预算数', 'initial budget'],
  'funds.budget': ['全年预算数', 'annual budget'],
  'funds.executed': ['全年执行数', 'executed'],
  'funds.weight': ['资金分值', 'funds weight'],
  'funds.statedRate': ['执行率(填报)', 'stated execution rate'],
  'funds.statedScore': ['资金得分(填报)', 'stated funds score'],
  'goals.expected': ['预期目标', 'expected goals'],
  'goals.achieved': ['实际完成情况', 'achieved'],
  'weights.output': ['产出指标分值', 'output weight'],
  'weights.outcome': ['效益指标分值', 'outcome weight'],
  'weights.satisfaction': ['满意度指标分值', 'satisfaction weight'],
  statedTotal: ['总分(填报)', 'stated total'],
  level1: ['一级指标', 'level 1'],
  level2: ['二级指标', 'level 2'],
  name: ['三级指标', 'indicator'],
  target: ['年度指标值', 'annual target'],
  actual: ['实际完成值', 'actual value'],
  weight: ['分值', 'weight'],
  score: ['得分', 'score'],
  deviation: ['偏差原因分析及改进措施', 'deviation and remedy'],
};
const PART_LABELS: Record<string, [string, string]> = {
  current: ['其中:本年财政拨款', 'of which: this year'],
  carryover: ['其中:上年结转资金', 'of which: carried over'],
  other: ['其中:其他资金', 'of which: other'],
};

export function performanceFieldLabel(field: string, lang: 'zh' | 'en' = 'zh'): string {
  const i = lang === 'zh' ? 0 : 1;
  const m = /^funds\.(current|carryover|other)\.(initial|budget|executed)$/.exec(field);
  if (m) return `${PART_LABELS[m[1]][i]} ${FIELD_LABELS[`funds.${m[2]}`][i]}`;
  return FIELD_LABELS[field]?.[i] ?? field;
}

const LEVEL1_WORDS: [Level1, string[]][] = [
  ['output', ['产出指标', '产出', 'output']],
  ['outcome', ['效益指标', '效益', 'outcome']],
  ['satisfaction', ['满意度指标', '满意度', 'satisfaction', '服务对象满意度指标']],
];
/** A weight written after a 一级指标's name: 产出指标(50分), 效益指标（30）. */
const LEVEL1_WEIGHT = /\((\d{1,3}(?:\.\d{1,2})?)分?\)$/;
/** The 一级指标 of a label as counties write it (简/繁, spaced, in English, with its weight); undefined if none. */
export function level1Of(text: string): Level1 | undefined {
  const t = fold(text).toLowerCase().replace(LEVEL1_WEIGHT, '');
  for (const [key, words] of LEVEL1_WORDS) if (words.includes(t)) return key;
  return undefined;
}

/** The weight a 一级指标's label states (产出指标(50分) → "50"), if it states one. */
export function level1Weight(text: string): string | undefined {
  return LEVEL1_WEIGHT.exec(fold(text))?.[1];
}

const SCORE = /^\d{1,3}(\.\d{1,2})?$/;
/** A score or weight: "8.5", "８.５", "8.50分"; null when blank. */
export function parseScore(raw: string | number | null): PerfParsed {
  if (raw === null) return { ok: true, value: null };
  let text =
    typeof raw === 'number'
      ? Number.isFinite(raw)
        ? String(Math.round(raw * 100) / 100)
        : 'x'
      : raw.normalize('NFKC').replace(/\s+/g, '').replace(/分$/, '');
  if (text === '') return { ok: true, value: null };
  if (/^\d+\.\d*$/.test(text)) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (!SCORE.test(text))
    return {
      ok: false,
      problem: '应为 0 到 999.99 之间、最多两位小数的分数',
      problemEn: 'should be a score from 0 to 999.99 with at most 2 decimals',
    };
  return { ok: true, value: text.replace(/^0+(?=\d)/, '') };
}

/** One field of the performance part (not an indicator's) as typed. */
export function parsePerformanceField(field: string, raw: string | number | null): PerfParsed {
  if (/^(funds\.)((current|carryover|other)\.)?(initial|budget|executed)$/.test(field)) {
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
    const parsed = parseAmount(raw);
    if (!parsed.ok) return { ok: false, problem: '应为金额(万元)', problemEn: 'should be an amount in 10k yuan' };
    return { ok: true, value: formatWan(parsed.value) };
  }
  if (field === 'funds.statedRate') {
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
    const p = parsePercent(raw);
    return p.ok && !p.value.startsWith('-')
      ? { ok: true, value: p.value }
      : { ok: false, problem: '应为百分数', problemEn: 'should be a percent' };
  }
  if (field === 'funds.weight' || field.startsWith('weights.')) {
    const p = parseScore(raw);
    if (p.ok && p.value === null) return { ok: false, problem: '不能为空', problemEn: 'must not be blank' };
    return p;
  }
  if (field === 'funds.statedScore' || field === 'statedTotal') return parseScore(raw);
  if (field === 'goals.expected' || field === 'goals.achieved') return parseText(raw, 100_000);
  return { ok: false, problem: '不是绩效自评的字段', problemEn: 'is not a field of the performance part' };
}

function parseText(raw: string | number | null, max: number): PerfParsed {
  const text = raw === null ? '' : String(raw);
  if (text.length > max) return { ok: false, problem: `超过 ${max} 个字符`, problemEn: `is longer than ${max} characters` };
  if (hasXmlUnsafe(text)) return { ok: false, problem: '含有 Excel 无法保存的字符', problemEn: 'holds a character Excel cannot store' };
  return { ok: true, value: text };
}

/** One field of an indicator as typed. */
export function parseIndicatorField(field: string, raw: string | number | null): PerfParsed {
  if (field === 'level1') {
    const level = level1Of(raw === null ? '' : String(raw));
    return level
      ? { ok: true, value: level }
      : {
          ok: false,
          problem: '应为 产出指标、效益指标 或 满意度指标',
          problemEn: 'should be 产出指标 (output), 效益指标 (outcome) or 满意度指标 (satisfaction)',
        };
  }
  if (field === 'weight' || field === 'score') return parseScore(raw);
  if (field === 'level2') return parseText(raw, 200);
  if (field === 'name' || field === 'target' || field === 'actual' || field === 'deviation') return parseText(raw, 100_000);
  return { ok: false, problem: '不是绩效指标的字段', problemEn: 'is not a field of an indicator' };
}
