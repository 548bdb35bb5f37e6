// The printed overview (总览) as HTML, in-process: what it covers in words, the table's county,
// subtotal and total rows (sums and rates by hand), a county typed rather than as of the day marked
// ※ with its note, a county name that looks like markup printed as text, and the traditional script.
// (The PDF of it, through the CLI and pdftotext: services/overview.test.ts.)
import { describe, expect, it } from 'vitest';
import { overviewCharts, overviewHtml, rowLabel, scopeText, statusCell, sumCount } from '../../../shared/overview-document';
import type { OverviewRecord, Summed } from '../../../shared/overview';
import type { ChartOption } from '../../../shared/overview-charts';

const record = (over: Partial<OverviewRecord>): OverviewRecord => ({
  id: 1,
  county: '某县',
  province: null,
  prefecture: null,
  batch: 8,
  year: 2021,
  planned: '0',
  actual: '0',
  rate: null,
  warnings: 0,
  errors: 0,
  items: 1,
  status: { status: 'draft', by: null, at: null, day: null, remark: null },
  updatedAt: null,
  categories: [],
  ...over,
});

const RECORDS = [
  record({
    id: 1,
    county: '<i>樟树市</i>&',
    province: '江西省',
    prefecture: '宜春市',
    items: 5,
    planned: '500',
    actual: '400.5',
    rate: '80.10',
    warnings: 1,
    errors: 1,
    // Accepted at 02:00 Beijing time on 1 March: its day is 2022-03-01, not the UTC day (28 February).
    status: { status: 'accepted', by: '赵处长', at: '2022-02-28T18:00:00Z', day: '2022-03-01', remark: null },
    updatedAt: '2022-03-02T10:00:00Z',
    asOf: '2022-01-01',
    performance: { total: '92.5', grade: '优' },
  }),
  record({
    id: 2,
    county: '万载县',
    province: '江西省',
    prefecture: '宜春市',
    batch: 9,
    year: 2022,
    items: 2,
    planned: '300',
    actual: '90',
    rate: '30.00',
  }),
  record({ id: 3, status: { status: 'reviewed', by: null, at: null, day: null, remark: null } }),
];
const CHARTS = { rates: '<svg id="r"></svg>', categories: '<svg id="c"></svg>', statuses: '<svg id="s"></svg>' };

/** The table's rows, each as its cells' HTML. */
const rows = (html: string) =>
  [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]));
const meta = (html: string) => html.match(/<p class="meta">(.*?)<\/p>/)![1];

describe('the printed overview', () => {
  const asOf = overviewHtml(
    RECORDS,
    { script: 'hans', grouping: 'province', filters: {}, asOf: '2022-01-01', printedOn: '2026-12-07' },
    CHARTS,
  );

  it('has the title, the headers and a row for each county, its name that looks like markup printed as text', () => {
    expect(asOf).toContain('<title>电子商务进农村综合示范县验收汇总表</title>');
    expect(asOf).toContain('<h1>电子商务进农村综合示范县验收汇总表</h1>');
    const [headers, first, second] = rows(asOf);
    expect(headers).toEqual([
      '省',
      '市',
      '县(市、区)',
      '批次',
      '年度',
      '项目数',
      '计划安排额度(万元)',
      '实际拨付额度(万元)',
      '资金拨付率(%)',
      '警告',
      '状态',
      '最近修改',
      '绩效得分',
      '等级',
    ]);
    expect(first).toEqual([
      '江西省',
      '宜春市',
      '&lt;i&gt;樟树市&lt;/i&gt;&amp;',
      '8',
      '2021',
      '5',
      '500.00',
      '400.50',
      '80.10',
      '2',
      '已验收 2022-03-01',
      '2022-03-02',
      '92.5',
      '优',
    ]);
    expect(asOf).not.toContain('<i>樟树市');
    expect(second).toEqual(['江西省', '宜春市', '万载县', '9', '2022', '2', '300.00', '90.00※', '30.00', '', '草稿', '', '', '']);
  });

  it('follows each province with its subtotal and ends with the total, counting the counties as of the day', () => {
    expect(rows(asOf).slice(3)).toEqual([
      ['江西省 小计(2个县,其中1个截至该日)', '7', '800.00', '490.50', '61.31', '2', '', '', '', ''],
      ['', '', '某县', '8', '2021', '1', '0.00', '0.00※', '—', '', '已审核', '', '', ''],
      ['(未填省份) 小计(1个县,其中0个截至该日)', '1', '0.00', '0.00', '—', '', '', '', '', ''],
      ['总计(3个县,其中1个截至该日)', '8', '800.00', '490.50', '61.31', '2', '', '', '', ''],
    ]);
    expect(asOf).toContain('<tr class="subtotal"><td colspan="5">江西省 小计');
    expect(asOf).toContain('<tr class="total"><td colspan="5">总计');
  });

  it('says what it covers and as of which day, and notes the counties whose 实际 is as typed', () => {
    expect(meta(asOf)).toBe('全部记录 · 3个县 · 金额截至2022年1月1日 · 打印日期:2026年12月7日');
    expect(asOf).toContain('<p class="meta note">※ 没有拨付台账的县:实际拨付额度是表中填报的数,不是截至2022年1月1日的数。</p>');
  });

  it('without an as-of day marks nothing and notes nothing', () => {
    const html = overviewHtml(
      RECORDS,
      { script: 'hans', grouping: 'province', filters: { province: '江西省' }, printedOn: '2026-12-07' },
      CHARTS,
    );
    expect(meta(html)).toBe('江西省 · 3个县 · 打印日期:2026年12月7日');
    expect(rows(html)[2][7]).toBe('90.00');
    expect(rows(html)[3][0]).toBe('江西省 小计(2个县)');
    expect(html).not.toContain('※');
  });

  it('with an as-of day and every county as of it, notes nothing', () => {
    const dated = RECORDS.map((r) => ({ ...r, asOf: '2022-01-01' }));
    const html = overviewHtml(
      dated,
      { script: 'hans', grouping: 'none', filters: {}, asOf: '2022-01-01', printedOn: '2026-12-07' },
      CHARTS,
    );
    expect(html).not.toContain('※');
  });

  it('holds the three charts at their sizes on the page, rates first', () => {
    expect(asOf).toContain(
      '<div class="charts"><div class="chart" data-chart="rates" style="width:1030px;height:300px"><svg id="r"></svg></div>' +
        '<div class="chart" data-chart="categories" style="width:620px;height:260px"><svg id="c"></svg></div>' +
        '<div class="chart" data-chart="statuses" style="width:400px;height:260px"><svg id="s"></svg></div></div>',
    );
    expect(asOf).toContain('<html lang="zh-CN">');
  });

  it('in traditional characters', () => {
    const html = overviewHtml(
      RECORDS,
      { script: 'hant', grouping: 'province', filters: {}, asOf: '2022-01-01', printedOn: '2026-12-07' },
      CHARTS,
    );
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain('<h1>電子商務進農村綜合示範縣驗收匯總表</h1>');
    const table = rows(html);
    expect(table[0][2]).toBe('縣(市、區)');
    expect(table[1].slice(10)).toEqual(['已驗收 2022-03-01', '2022-03-02', '92.5', '優']);
    expect(table[3][0]).toBe('江西省 小計(2個縣,其中1個截至該日)');
    expect(table[5][0]).toBe('(未填省份) 小計(1個縣,其中0個截至該日)');
    expect(table[6][0]).toBe('總計(3個縣,其中1個截至該日)');
    expect(meta(html)).toBe('全部記錄 · 3個縣 · 金額截至2022年1月1日 · 打印日期:2026年12月7日');
    expect(html).toContain('※ 沒有撥付臺賬的縣');
  });
});

describe('the words around the table', () => {
  it('name every filter set, in order; the search as typed', () => {
    const all = {
      province: '江西省',
      batch: 8,
      year: 2021,
      status: 'accepted',
      warnings: true,
      below: '80',
      search: '樟樹',
      grade: '良',
    } as const;
    expect(scopeText(all, 'hans')).toBe('江西省 · 第8批 · 2021年度 · 已验收 · 有警告 · 拨付率低于80% · 搜索“樟樹” · 绩效等级 良');
    expect(scopeText({ ...all, search: '樟树' }, 'hant')).toBe(
      '江西省 · 第8批 · 2021年度 · 已驗收 · 有警告 · 撥付率低於80% · 搜索“樟树” · 績效等級 良',
    );
    expect(scopeText({ province: '' }, 'hans')).toBe('未填省份');
    expect(scopeText({ warnings: false, search: '' }, 'hans')).toBe('全部记录');
    expect(scopeText({}, 'hant')).toBe('全部記錄');
  });

  it('name a subtotal by its province and batch', () => {
    const sum = {} as Summed;
    expect(rowLabel({ kind: 'subtotal', key: 'b:江西省|8', level: 'batch', province: '江西省', batch: 8, sum }, 'hans')).toBe(
      '江西省 第8批 小计',
    );
    expect(rowLabel({ kind: 'subtotal', key: 'b:8', level: 'batch', batch: 8, sum }, 'hans')).toBe('第8批 小计');
    expect(rowLabel({ kind: 'subtotal', key: 'p:', level: 'province', province: '', sum }, 'hant')).toBe('(未填省份) 小計');
    expect(rowLabel({ kind: 'total', key: 'total', sum }, 'hant')).toBe('總計');
  });

  it('count a subtotal’s counties, and with an as-of day those as of it', () => {
    expect(sumCount({ records: 3, dated: 1 }, undefined, 'hans')).toBe('3个县');
    expect(sumCount({ records: 3, dated: 1 }, '2022-01-01', 'hans')).toBe('3个县,其中1个截至该日');
    expect(sumCount({ records: 3, dated: 1 }, undefined, 'hant')).toBe('3個縣');
  });

  it('give an acceptance its day when it has one', () => {
    expect(statusCell(RECORDS[0], 'hans')).toBe('已验收 2022-03-01');
    expect(statusCell({ ...RECORDS[0], status: { status: 'accepted', by: null, at: null, day: null, remark: null } }, 'hans')).toBe(
      '已验收',
    );
    expect(
      statusCell(
        { ...RECORDS[0], status: { status: 'reviewed', by: null, at: '2022-03-01T08:00:00Z', day: '2022-03-01', remark: null } },
        'hant',
      ),
    ).toBe('已審核');
  });
});

it('the charts are drawn each at its size, in the document’s script', () => {
  const draw = (o: ChartOption, width: number, height: number) => `${(o.title as { text: string }).text} ${width}×${height}`;
  expect(overviewCharts(RECORDS, 'hans', draw)).toEqual({
    rates: '各县资金拨付率(%) 1030×300',
    categories: '分类别 计划安排与实际拨付(万元) 620×260',
    statuses: '审核状态(县数) 400×260',
  });
  expect(overviewCharts(RECORDS, 'hant', draw).statuses).toBe('審核狀態(縣數) 400×260');
});
