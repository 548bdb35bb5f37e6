// 四、绩效自评 in the printed acceptance document (after table 三, optional like the signature block):
// the money, the goals, the indicators with the rules' 得分 (a stated one that differs beside it), 总分
// and 等级, in the document's script.
import type { Performance } from './performance';
import { level1Label } from './performance';
import { displayDecimal } from './money';
import { toTraditional, type Script } from './text';
import { compareScores } from './performance-rules';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (s: string) => escape(s).replace(/\n/g, '<br>');
const money = (m: string | null) => (m === null ? '' : displayDecimal(m).text);

export function performanceSection(p: Performance, script: Script): string {
  const w = (s: string) => (script === 'hant' ? toTraditional(s) : s);
  const f = p.funds;
  const stated = (computed: string | null, statedValue: string | undefined, suffix = '') =>
    statedValue !== undefined && (computed === null || compareScores(statedValue, computed) !== 0)
      ? `<br><span class="stated-note">${w('填报')} ${escape(statedValue)}${suffix}</span>`
      : '';
  const partRow = (label: string, r: Performance['funds']['current']) =>
    `<tr><td>${w(label)}</td><td class="num">${money(r.initial)}</td><td class="num">${money(r.budget)}</td><td class="num">${money(r.executed)}</td><td class="num">—</td><td class="num">—</td><td class="num">—</td></tr>`;
  const indicators = p.indicators
    .map(
      (i) =>
        `<tr><td>${escape(w(level1Label(i.level1)))}</td><td>${text(i.level2)}</td><td>${text(i.name)}</td><td>${text(i.target)}</td><td>${text(i.actual)}</td><td class="num">${i.weight ?? ''}</td><td class="num">${i.finalScore ?? ''}${i.computedScore !== null ? stated(i.computedScore, i.score ?? undefined) : ''}</td><td>${text(i.deviation)}</td></tr>`,
    )
    .join('');
  return `<h2 class="performance">${w('四、绩效自评')}</h2>
<table class="perf-funds"><colgroup><col style="width:22%"><col><col><col><col><col><col></colgroup>
<thead><tr><th>${w('项目资金(万元)')}</th><th>${w('年初预算数')}</th><th>${w('全年预算数')}</th><th>${w('全年执行数')}</th><th>${w('分值')}</th><th>${w('执行率')}</th><th>${w('得分')}</th></tr></thead>
<tbody><tr><td>${w('年度资金总额')}</td><td class="num">${money(f.initial)}</td><td class="num">${money(f.budget)}</td><td class="num">${money(f.executed)}</td><td class="num">${f.weight}</td><td class="num">${f.rate === null ? '—' : `${f.rate}%`}${stated(f.rate, f.statedRate, '%')}</td><td class="num">${f.score ?? '—'}${stated(f.score, f.statedScore)}</td></tr>
${partRow('其中:本年财政拨款', f.current)}${partRow('上年结转资金', f.carryover)}${partRow('其他资金', f.other)}</tbody></table>
<table class="perf-goals"><thead><tr><th>${w('年度总体目标:预期目标')}</th><th>${w('实际完成情况')}</th></tr></thead><tbody><tr><td>${text(p.goals.expected)}</td><td>${text(p.goals.achieved)}</td></tr></tbody></table>
<table class="perf-indicators"><colgroup><col style="width:9%"><col style="width:10%"><col style="width:18%"><col style="width:12%"><col style="width:12%"><col style="width:6%"><col style="width:9%"><col style="width:24%"></colgroup>
<thead><tr><th>${w('一级指标')}</th><th>${w('二级指标')}</th><th>${w('三级指标')}</th><th>${w('年度指标值')}</th><th>${w('实际完成值')}</th><th>${w('分值')}</th><th>${w('得分')}</th><th>${w('偏差原因分析及改进措施')}</th></tr></thead>
<tbody>${indicators}<tr class="total"><td colspan="5">${w('总分')}</td><td class="num"></td><td class="num">${p.total === null ? '—' : p.total + stated(p.total, p.statedTotal)}</td><td>${w('等级')}:${p.grade === null ? w('—(分值之和与权重不符,不计总分)') : w(p.grade)}</td></tr></tbody></table>
<p class="note">${w('得分按规则计算:资金得分 = 分值 × min(执行率, 1);≥ X 的指标 = 分值 × min(实际/X, 1),≤ X 的指标 = 分值 × min(X/实际, 1);定性指标为人工评分;四舍五入到两位小数。与填报值不同处并列“填报”值。')}</p>`;
}
