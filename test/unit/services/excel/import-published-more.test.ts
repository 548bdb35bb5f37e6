// Import IV, continued: workbooks made from more documents counties and provinces published (the
// stored pages corpus), each page cited; the figures the document's own, sums by hand.
import { describe, expect, it } from 'vitest';
import { importWorkbooks, readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { openDatabase } from '../../../../electron/services/store/database';
import { findingMessage } from '../../../../shared/i18n';
import { bytesOf, excelOf, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

const v = (...xs: (string | number | null)[]): FxCell[] => xs.map((x) => (x === null ? null : { v: x }));
const span = (text: string, n = 5): FxCell[] => [{ v: text, colSpan: n }];
const read = async (sheets: FxSheet[]): Promise<ReadRecord[]> =>
  readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const errors = (r: ReadRecord[]) =>
  r.flatMap((x) => x.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell ?? null]));

describe('a 资金使用情况表 with no 计划 column is refused at its header, naming what it lacks', () => {
  // 福建省商务厅 2022-08-01 (http://swt.fujian.gov.cn/xxgk/jgzn/jgcs/sctxjsc/gzwj/202208/t20220803_5967605.htm):
  // the second batch of provincial demonstration counties (顺昌、柘荣、寿宁、浦城、霞浦、周宁) report their
  // funds in the 电子商务进农村示范资金使用情况表, 项目名称、承办单位与支出金额一一对应 — what was spent,
  // with no amount planned: not an acceptance table, and the person must be told where and why.
  const usage: FxSheet = {
    name: '柘荣县',
    rows: [
      span('电子商务进农村示范资金使用情况表'),
      span('填报单位：柘荣县商务局                单位：元'),
      v('序号', '项目名称', '承办单位', '支出金额', '备注'),
      v(1, '县级电商公共服务中心运营', '柘荣县某电子商务有限公司', 1200000, null),
      v(2, '农村电商服务站点建设', '柘荣县某供销社', 800000, null),
      v('合计', null, null, 2000000, null),
    ],
  };

  it('no_tables at A3, the header row quoted and 计划安排额度 and 实际拨付额度 named as missing; nothing read', async () => {
    const r = await read([usage]);
    expect(errors(r)).toEqual([['no_tables', '柘荣县', 'A3']]);
    const f = r[0].findings.find((x) => x.code === 'no_tables')!;
    expect(f.params).toMatchObject({ row: '3', header: '序号 | 项目名称 | 承办单位 | 支出金额 | 备注', missing: 'planned,actual' });
    expect(findingMessage(f, 'zh')).toContain(
      '第 3 行“序号 | 项目名称 | 承办单位 | 支出金额 | 备注”像表头,但没有计划安排额度(万元)、实际拨付额度(万元)列',
    );
    expect(r[0].input).toBeNull();
  });
});

describe('several counties in one workbook with their province’s 匯總 sheet, in traditional characters', () => {
  // 四川 (https://www.saolv.com.cn/html/xw/dzyw/22331.html, 2017): 小金、蒼溪、雷波等20個縣(市)今年入圍國家級
  // 電商進農村綜合示範縣 … 每個示範縣將獲國家財政2000萬元的資金支持. A workbook of three of them, each on its
  // sheet, and the 匯總 the province keeps; the lines under each 2000 萬元 are the county's own.
  const T3 = v('序號', '具體項目名稱', '計劃安排額度（萬元）', '實際撥付額度（萬元）', '資金撥付率(%)');
  const county = (name: string, actual: number[], total = true): FxSheet => ({
    name,
    rows: [
      span(`四川省${name}電子商務進農村綜合示範縣項目驗收情況表`),
      span(`${name}是第四批全國電子商務進農村綜合示範縣（2017年），中央資金2000萬元，安排使用中央資金2000萬元。`),
      v('三、中央財政資金撥付情況'),
      T3,
      ...['縣級電子商務公共服務中心', '縣鄉村三級物流配送體系', '鄉村電子商務服務站點', '電子商務培訓', '農產品品牌和質量保障體系'].map(
        (line, i) => v(i + 1, line, [600, 600, 400, 200, 200][i], actual[i], null),
      ),
      ...(total
        ? [
            v(
              '合計',
              null,
              2000,
              actual.reduce((a, b) => a + b, 0),
              null,
            ),
          ]
        : []),
    ],
  });
  const rollup: FxSheet = {
    name: '匯總',
    rows: [
      span('2017年四川省電子商務進農村綜合示範縣中央財政資金匯總表', 4),
      v('序號', '縣（市）', '中央財政資金（萬元）', '實際撥付（萬元）'),
      v(1, '小金縣', 2000, 1800),
      v(2, '蒼溪縣', 2000, 1950),
      v(3, '雷波縣', 2000, 1700),
    ],
  };
  const book = (xiaojin: number[], total = true) => [
    rollup,
    county('小金縣', xiaojin, total),
    county('蒼溪縣', [600, 600, 400, 200, 150]),
    county('雷波縣', [500, 500, 350, 200, 150]),
  ];
  const importOf = async (sheets: FxSheet[]) =>
    importWorkbooks(
      openDatabase(':memory:'),
      { client: 'test', kind: 'cli' },
      ':memory:',
      [{ name: 'sc.xlsx', bytes: await bytesOf(excelOf(sheets)) }],
      {
        onConflict: 'fail',
        dryRun: true,
      },
    );

  it('as published: three records, each as its sheet and its roll-up row say (by hand: 1800, 1950, 1700 of 2000)', async () => {
    const r = await importOf(book([600, 500, 400, 150, 150]));
    expect(r.doubts).toEqual([]);
    expect(r.records.map((x) => [x.county, x.action, x.planned, x.actual, x.rate])).toEqual([
      ['小金縣', 'created', '2000', '1800', '90.00'],
      ['蒼溪縣', 'created', '2000', '1950', '97.50'],
      ['雷波縣', 'created', '2000', '1700', '85.00'],
    ]);
  });

  it('a county sheet that disagrees with the 匯總 (a line typed 200 for 150, no 合計 to catch it) is held, the two cells shown', async () => {
    const r = await importOf(book([600, 500, 400, 200, 150], false));
    expect(r.doubts.map((d) => [d.code, d.county, d.sheet, d.cell])).toEqual([['rollup_mismatch', '小金縣', '匯總', 'D3']]);
    expect(r.doubts[0].figures.map((f) => [f.sheet, f.cell, f.seen, f.read])).toEqual([
      ['匯總', 'D3', '1800', '1800'],
      ['小金縣', 'D5', '600', '600'],
    ]);
    expect(r.records.map((x) => x.action)).toEqual(['held', 'created', 'created']);
  });
});

describe('a county that sends its payments and no table 三', () => {
  // 平远县 (梅州市) (http://cnmyjj.cn/bwyc/2016/0613/291835.html, 2016-06-13): 已投入各类建设资金555万元 …
  // 分别在签订协议、完成分类项目建设内容和分类项目全部实施结束三个阶段拨付建设资金 — one row per payment,
  // in 元, each with its stage; what was planned per line is nowhere in it.
  const ledger: FxSheet = {
    name: '拨付台账',
    rows: [
      span('平远县电子商务进农村专项资金拨付台账', 6),
      v('序号', '项目名称', '拨付日期', '拨付金额（元）', '收款单位', '阶段'),
      v(1, '县级电子商务公共服务中心', '2016.1.15', 1500000, '平远县某电商公司', '签订协议'),
      v(1, '县级电子商务公共服务中心', '2016年4月20日', 1500000, '平远县某电商公司', '完成分类项目建设内容'),
      v(2, '县乡村物流配送体系', '2016-3-8', 1800000, '平远县某物流公司', '签订协议'),
      v(3, '电子商务人才培训', '2016/5/30', 750000, '平远县某培训学校', '全部实施结束'),
    ],
  };
  const facts: FxSheet = {
    name: '平远县',
    rows: [
      span('广东省梅州市平远县电子商务进农村综合示范项目验收情况表'),
      span('平远县是第二批全国电子商务进农村综合示范县（2015年），中央资金1850万元。'),
    ],
  };

  it('is refused at the cell where its facts stand, not at the sheet alone; nothing read', async () => {
    const r = await read([facts, ledger]);
    expect(errors(r)).toEqual([['no_tables', '平远县', 'A2']]);
    expect(r[0].input).toBeNull();
  });
});
