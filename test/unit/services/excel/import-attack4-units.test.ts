// The fourth round of the tester's attacks on the import (attack4), units and magnitudes: figures in 元 that a
// reading takes for 万元 are 10,000 times a county's. The seed (樟树市: Σ计划 1500, Σ实际 1235.96, 中央资金 1500,
// 安排使用中央资金 1332.78 万元) laid out plainly; the figures expected by hand.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[]) => readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const codesAt = (read: ReadRecord[], code: string) => read.flatMap((r) => r.findings.filter((f) => f.code === code).map((f) => f.cell));

const seedSheets = () => layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
const headerRow = (s: FxSheet) => s.rows.findIndex((r) => r?.[0]?.v === '序号' && r[1]?.v === '具体项目名称');
const totalRow = (s: FxSheet) => s.rows.findIndex((r) => r?.[0]?.v === '合计');
const factsRow = (s: FxSheet) => s.rows.findIndex((r) => typeof r?.[0]?.v === 'string' && r[0].v.includes('项目总投资'));
const yuan = (wan: unknown) => Math.round(Number(wan) * 10_000);

/** Table 三's amounts (lines and 合计, columns C and D) as 元 figures, typed under the template's (万元) headers. */
function tableInYuan(s: FxSheet): void {
  for (let r = headerRow(s) + 1; r <= totalRow(s); r++)
    for (const col of [2, 3]) {
      const c = s.rows[r][col];
      if (c && typeof c.v === 'number') s.rows[r][col] = { v: yuan(c.v) };
    }
}

describe('C2: amounts no demonstration county can have are held for a person, whatever the unit source', () => {
  it('元 figures under (万元) headers and in the paragraph (all alike, no power of ten between them): a doubt at each sum and fact', async () => {
    const sheets = seedSheets();
    const s = sheets[0];
    tableInYuan(s);
    const f = factsRow(s);
    s.rows[f][0] = { v: String(s.rows[f][0]!.v).replace(/(\d+(?:\.\d+)?)万元/g, (_, n) => `${yuan(n)}万元`) };
    const read = await readSheets(sheets);
    const doubts = read[0].findings.filter((x) => x.code === 'amount_implausible');
    expect(doubts.map((x) => [x.cell, x.params.what, x.params.value, x.params.asYuan])).toEqual([
      [`C${totalRow(s) + 1}`, 'planned', '15000000', '1500'],
      [`A${f + 1}`, 'investment.central', '15000000', '1500'],
      [`D${totalRow(s) + 1}`, 'actual', '12359600', '1235.96'],
      [`A${f + 1}`, 'centralArrangedUse', '13327800', '1332.78'],
    ]);
    expect(doubts.every((x) => x.severity === 'warning')).toBe(true);
  });

  it('the seed as printed (1500 万元) has no such doubt', async () => {
    expect(codesAt(await readSheets(seedSheets()), 'amount_implausible')).toEqual([]);
  });
});
