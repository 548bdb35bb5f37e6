// The printed acceptance document as HTML, in-process (its PDF through Chromium: pdf.test.ts): table
// 三 with two decimals and finer amounts marked, the status line, the signature block, several
// records in one document, the page footer in either script, and 四、绩效自评 with the rules' scores
// and a differing stated one beside them. Figures from the source document (樟树市) and by hand.
import { describe, expect, it } from 'vitest';
import { printCss, printHtml, statusLine } from '../../../shared/print';
import { computeRecord, type RecordInput } from '../../../shared/record';
import type { PerformanceInput } from '../../../shared/performance';
import type { StatusInfo } from '../../../shared/status';
import { seedInput } from '../../helpers/fixtures';

const seed = (change: (input: RecordInput) => void = () => {}) => {
  const input = seedInput();
  change(input);
  return computeRecord(input, { today: '2026-12-07' });
};
/** The rows of the table of `cls`, each as its cells' HTML. */
const table = (html: string, cls: string) =>
  [...html.match(new RegExp(`<table class="${cls}">.*?<tbody>(.*?)</tbody>`, 's'))![1].matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]),
  );
// Accepted at 01:30 Beijing time on 29 November: the UTC time is still the 28th, the day printed is the person's.
const ACCEPTED: StatusInfo = { status: 'accepted', by: '赵处长', at: '2026-11-28T17:30:00Z', day: '2026-11-29', remark: null };

describe('the acceptance document', () => {
  it('gives table 三 its lines in 万元 with two decimals, their rates and the total', () => {
    const html = printHtml([seed()], { script: 'hans', signature: false });
    expect(html).toContain('<title>樟树市电子商务进农村综合示范县项目验收情况表</title>');
    const rows = table(html, 'disbursements');
    expect(rows[0]).toEqual(['1', '县乡村物流快递配送体系建设', '775.00', '640.21', '82.61%']);
    expect(rows[1]).toEqual(['2', '农产品上行服务体系建设', '335.00', '285.40', '85.19%']);
    expect(rows[6]).toEqual(['合计', '1500.00', '1235.96', '82.40%']);
    expect(html).not.toContain('class="finer"');
    expect(html).not.toContain('class="signature"');
  });

  it('shows an amount finer than 分 in full, marked, with a note; a line with nothing planned has no rate, one with nothing disbursed is blank', () => {
    const html = printHtml(
      [
        seed((input) => {
          input.disbursements[0].actual = '640.215';
          input.disbursements[5].planned = '0';
          input.disbursements[2].actual = null;
        }),
      ],
      { script: 'hans', signature: false },
    );
    const rows = table(html, 'disbursements');
    expect(rows[0][3]).toBe('640.215<span class="finer">*</span>');
    expect(rows[5][4]).toBe('—');
    expect(rows[2][3]).toBe('');
    expect(html).toContain('<p class="note">* 带 * 的金额精确到小数点后两位以上,按实际数字显示。</p>');
  });

  it('writes each item’s completion rate as a percentage, none where there is none', () => {
    const html = printHtml(
      [
        seed((input) => {
          input.items[0].completionRate = '95';
          input.items[1].completionRate = null;
          input.items[1].name = '<b>培训</b>';
        }),
      ],
      { script: 'hans', signature: false },
    );
    const rows = table(html, 'items');
    expect(rows[0][4]).toBe('95%');
    expect(rows[1][4]).toBe('');
    expect(rows[1][1]).toBe('&lt;b&gt;培训&lt;/b&gt;');
  });

  it('ends with the signature block when asked for', () => {
    const html = printHtml([seed()], { script: 'hans', signature: true });
    expect(html).toContain('<div class="signature"><div>验收组成员签字: <span></span></div><div>日期: <span></span></div></div>');
  });

  it('holds several records, each with its status line, under a title that counts them', () => {
    const html = printHtml([seed(), seed((input) => (input.county.name = '万载县'))], {
      script: 'hans',
      signature: false,
      statuses: [ACCEPTED, { status: 'draft', by: null, at: null, day: null, remark: null }],
    });
    expect(html).toContain('<title>电子商务进农村综合示范县项目验收情况表(2)</title>');
    expect(html.match(/<section class="doc">/g)).toHaveLength(2);
    expect([...html.matchAll(/<p class="status-line">(.*?)<\/p>/g)].map((m) => m[1])).toEqual([
      '审核状态:已验收(赵处长,2026年11月29日)',
      '审核状态:草稿',
    ]);
    expect(html).toContain('<h1>万载县电子商务进农村综合示范县项目验收情况表</h1>');
  });

  it('in traditional characters: its title (the county as written), words and page footer', () => {
    const html = printHtml([seed()], { script: 'hant', signature: true });
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain('<title>樟树市電子商務進農村綜合示范縣項目驗收情況表</title>');
    expect(html).toContain('驗收組成員簽字:');
    expect(printCss('hant')).toContain('content: "第 " counter(page) " 頁 共 " counter(pages) " 頁";');
    expect(printCss('hans')).toContain('content: "第 " counter(page) " 页 共 " counter(pages) " 页";');
  });
});

describe('the status line', () => {
  it('names the status, who set it and when, and the acceptance date', () => {
    expect(statusLine(ACCEPTED, '2023-05-20', 'hans')).toBe('审核状态:已验收(赵处长,2026年11月29日) 验收日期:2023年5月20日');
    expect(statusLine({ ...ACCEPTED, by: null }, null, 'hans')).toBe('审核状态:已验收(2026年11月29日)');
    expect(statusLine({ ...ACCEPTED, at: null, day: null }, null, 'hans')).toBe('审核状态:已验收(赵处长)');
  });

  it('in traditional characters, the name as the person wrote it', () => {
    expect(statusLine(ACCEPTED, '2023-05-20', 'hant')).toBe('審核狀態:已驗收(赵处长,2026年11月29日) 驗收日期:2023年5月20日');
  });
});

describe('四、绩效自评 in the document', () => {
  // 执行率 900 / 1000 = 90.00%, 得分 10 × 0.9 = 9.00; 培训人次 1200 of ≥1000: 50 (stated 45);
  // 带动销售额 1500 of ≥2000 万元: 30 × 0.75 = 22.50; 满意度 95% of ≥90%: 10. 总分 91.50, 优.
  const performance = (): PerformanceInput => ({
    funds: {
      initial: '2000',
      budget: '1000',
      executed: '900',
      weight: '10',
      statedRate: '90',
      statedScore: '8',
      current: { initial: '1500', budget: '800', executed: '700' },
      carryover: { initial: '500', budget: '200', executed: '200' },
      other: { initial: null, budget: null, executed: null },
    },
    goals: { expected: '建成县级服务中心\n培训 1000 人次', achieved: '已建成 & 培训 <1200> 人次' },
    weights: { output: '50', outcome: '30', satisfaction: '10' },
    indicators: [
      {
        level1: 'output',
        level2: '数量指标',
        name: '培训人次',
        target: '≥1000人次',
        actual: '1200人次',
        weight: '50',
        score: '45',
        deviation: '',
      },
      {
        level1: 'outcome',
        level2: '经济效益指标',
        name: '带动销售额',
        target: '≥2000万元',
        actual: '1500万元',
        weight: '30',
        score: null,
        deviation: '疫情\n影响',
      },
      {
        level1: 'satisfaction',
        level2: '服务对象满意度指标',
        name: '满意度',
        target: '≥90%',
        actual: '95%',
        weight: '10',
        score: null,
        deviation: '',
      },
    ],
    statedTotal: '91.5',
  });
  const withPerformance = (change: (p: PerformanceInput) => void = () => {}) =>
    seed((input) => {
      input.performance = performance();
      change(input.performance);
    });
  const note = (s: string) => `<br><span class="stated-note">填报 ${s}</span>`;

  it('comes only when asked for, and only for a record that keeps one', () => {
    expect(printHtml([withPerformance()], { script: 'hans', signature: false })).not.toContain('四、绩效自评');
    expect(printHtml([seed()], { script: 'hans', signature: false, performance: true })).not.toContain('四、绩效自评');
    expect(printHtml([withPerformance()], { script: 'hans', signature: false, performance: true })).toContain(
      '<h2 class="performance">四、绩效自评</h2>',
    );
  });

  it('gives the money with 执行率 and 得分, a stated 得分 that differs beside it', () => {
    const html = printHtml([withPerformance()], { script: 'hans', signature: false, performance: true });
    expect(table(html, 'perf-funds')).toEqual([
      ['年度资金总额', '2000.00', '1000.00', '900.00', '10', '90.00%', `9.00${note('8')}`],
      ['其中:本年财政拨款', '1500.00', '800.00', '700.00', '—', '—', '—'],
      ['上年结转资金', '500.00', '200.00', '200.00', '—', '—', '—'],
      ['其他资金', '', '', '', '—', '—', '—'],
    ]);
    expect(table(html, 'perf-goals')).toEqual([['建成县级服务中心<br>培训 1000 人次', '已建成 &amp; 培训 &lt;1200&gt; 人次']]);
  });

  it('gives each indicator the rules’ 得分, a differing stated one beside it, then 总分 and 等级', () => {
    const html = printHtml([withPerformance()], { script: 'hans', signature: false, performance: true });
    expect(table(html, 'perf-indicators')).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥1000人次', '1200人次', '50', `50.00${note('45')}`, ''],
      ['效益指标', '经济效益指标', '带动销售额', '≥2000万元', '1500万元', '30', '22.50', '疫情<br>影响'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '95%', '10', '10.00', ''],
      ['总分', '', '91.50', '等级:优'],
    ]);
  });

  it('says a stated 执行率 and 总分 that differ, and gives no 总分 while the weights do not add up', () => {
    const html = printHtml(
      [
        withPerformance((p) => {
          p.funds.statedRate = '85';
          p.statedTotal = '95';
        }),
      ],
      { script: 'hans', signature: false, performance: true },
    );
    expect(table(html, 'perf-funds')[0][5]).toBe(`90.00%${note('85%')}`);
    expect(table(html, 'perf-indicators')[3]).toEqual(['总分', '', `91.50${note('95')}`, '等级:优']);
    const unweighted = printHtml([withPerformance((p) => (p.weights.output = '40'))], {
      script: 'hans',
      signature: false,
      performance: true,
    });
    expect(table(unweighted, 'perf-indicators')[3]).toEqual(['总分', '', '—', '等级:—(分值之和与权重不符,不计总分)']);
  });

  it('in traditional characters', () => {
    const html = printHtml([withPerformance()], { script: 'hant', signature: false, performance: true });
    expect(html).toContain('<h2 class="performance">四、績效自評</h2>');
    expect(table(html, 'perf-indicators')[0][0]).toBe('產出指標');
    expect(table(html, 'perf-indicators')[3][3]).toBe('等級:優');
    expect(table(html, 'perf-funds')[0][6]).toBe('9.00<br><span class="stated-note">填報 8</span>');
  });
});
