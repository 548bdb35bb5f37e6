import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatDecimals, gridOf, unitOf } from '../../../../electron/services/excel/cells';
import { gridFrom } from '../../../helpers/grid';

describe('grid: what each cell shows', () => {
  it('a formula whose cached result is 0 holds 0 (exceljs drops it from cell.value)', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('s');
    s.getCell('A1').value = '1,500';
    s.getCell('A2').value = { formula: 'SUM(A1)', result: 0 };
    s.getCell('A3').value = { formula: 'A1&""' } as ExcelJS.CellFormulaValue;
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(await wb.xlsx.writeBuffer());
    const grid = gridOf(loaded.worksheets[0]);
    expect(grid.at(2, 1)).toMatchObject({ value: 0, text: '0', isFormula: true, noResult: false });
    expect(grid.at(3, 1)).toMatchObject({ value: null, isFormula: true, noResult: true });
  });

  it('knows merged cells by their top-left cell, across rows and columns', () => {
    const grid = gridFrom([
      [
        { v: '序号', rowSpan: 2 },
        { v: '中央财政资金', colSpan: 3 },
      ],
      [null, '计划', '实际', '拨付率'],
    ]);
    expect(grid.cover(2, 1)?.address).toBe('A1');
    expect(grid.cover(1, 4)?.address).toBe('B1');
    expect(grid.at(1, 2)).toMatchObject({ span: 3, rowSpan: 1 });
    expect(grid.cover(2, 2)?.text).toBe('计划');
  });

  it('counts only rows with values: formatting down the sheet is not rows', () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('s');
    s.getCell('A1').value = '合计';
    for (let r = 2; r <= 5000; r++) s.getCell(r, 1).border = { top: { style: 'thin' } };
    s.getCell('B3').value = '   ';
    expect(s.rowCount).toBe(5000);
    const grid = gridOf(s);
    expect([grid.rowCount, grid.rows]).toEqual([1, [1]]);
  });
});

describe('units and number formats', () => {
  it('reads the unit a header or a note names', () => {
    const cases: [string, string | undefined][] = [
      ['计划安排额度(万元)', 'wan'],
      ['计划安排额度\n（元）', 'yuan'],
      ['单位：元', 'yuan'],
      ['单位:万元', 'wan'],
      ['金额单位为元', 'yuan'],
      ['中央财政资金（萬元）', 'wan'],
      ['实际拨付额度元', 'yuan'],
      ['资金拨付率(%)', undefined],
      ['项目总投资（亿元）', 'yi'],
      ['元旦前完成', undefined],
    ];
    for (const [text, unit] of cases) expect([text, unitOf(text)]).toEqual([text, unit]);
  });

  it('counts the decimals a format shows', () => {
    expect(['0.00%', '0.0%', '0%', '#,##0.00', '0.00_);[Red](0.00)', 'General', '@', undefined].map(formatDecimals)).toEqual([
      2,
      1,
      0,
      2,
      2,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
