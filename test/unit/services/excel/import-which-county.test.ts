// Which county and which year a sheet is: a county a 汇总 lists with no sheet of its own is told (it is not imported),
// naming the 汇总's cell.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';
import { findingMessage } from '../../../../shared/i18n';

const readSheets = async (sheets: FxSheet[], name = 'county.xlsx') => readWorkbook({ name, bytes: await bytesOf(excelOf(sheets)) });
const all = (read: ReadRecord[]) => read.flatMap((r) => r.findings);
const seed = () => referenceFixture('hans');

describe('a roll-up listing a county the workbook has no sheet for', () => {
  it('the county is told at its name in the 汇总, with its figures; the counties with sheets and the total row are not', async () => {
    const summary: FxSheet = {
      name: '汇总',
      rows: [
        ['序号', '县(市、区)', '计划安排额度(万元)', '实际拨付额度(万元)'].map((v) => ({ v })),
        [1, '樟树市', 1500, 1235.96].map((v) => ({ v })),
        [2, '旌德县', 2000, 1770].map((v) => ({ v })),
        ['', '合计', 3500, 3005.96].map((v) => ({ v })),
      ],
    };
    const read = await readSheets([summary, ...layoutSheets([seed()], PLAIN_LAYOUT)]);
    const missing = all(read).filter((f) => f.code === 'rollup_county_missing');
    expect(missing.map((f) => [f.sheet, f.cell, f.severity])).toEqual([['汇总', 'B3', 'warning']]);
    expect(findingMessage(missing[0], 'zh')).toBe('汇总表列有 旌德县(计划 2000,实际 1770),但工作簿中没有它的验收表,旌德县 未导入');
    expect(read.map((r) => r.input?.county.name)).toEqual(['樟树市']);
  });
});
