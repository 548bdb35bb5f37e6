// Import IV, continued: workbooks made from more documents counties and provinces published (the
// stored pages corpus), each page cited; the figures the document's own, sums by hand.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
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
