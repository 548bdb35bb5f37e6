// An amount finer than 1 分 once converted to 万元 (a ledger kept in 元: 500000.005) is no figure the
// store can hold: rounding it to store it is told at its cell — the figure as written and as it would
// be stored — as a doubt a person confirms, never done quietly (attack finding #8i). A float's tail past
// Excel's 15 digits (1234.5600000000001 from a formula) is no figure anyone wrote: no doubt.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { gridOf } from '../../../../electron/services/excel/cells';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { readPerformanceSheet } from '../../../../electron/services/excel/performance';
import { openDatabase } from '../../../../electron/services/store/database';
import { listRecords } from '../../../../electron/services/store/records';
import { findingMessage } from '../../../../shared/i18n';
import { subFenFigure } from '../../../../shared/money';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';

const ME = { client: 'test', kind: 'cli' as const };

/** The seed county with a ledger in 元 for line 1 (县乡村物流, 640.21 万元 = 6402100 元). */
function ledgerInYuan(amounts: number[]): Uint8Array | Promise<Uint8Array> {
  const county = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT)[0];
  const ledger: FxSheet = {
    name: '拨付台账',
    rows: [
      [{ v: '序号' }, { v: '项目名称' }, { v: '拨付日期' }, { v: '金额(元)' }, { v: '收款单位' }],
      ...amounts.map((v, i) => [
        { v: 1 },
        { v: '县乡村物流快递配送体系建设' },
        { v: `2021-0${i + 1}-01` },
        { v },
        { v: '樟树市邮政分公司' },
      ]),
    ],
  };
  return bytesOf(excelOf([county, ledger]));
}

describe('an amount finer than 1 分 after its unit is converted', () => {
  it('the attack’s ledger in 元: 500000.005 and 700000.0049 are held, each at its cell with the figure as written and as stored', async () => {
    const db = openDatabase(':memory:');
    // 500000.005 + 700000.0049 + 5202099.9951 = 6402100 元 = 640.21 万元 exactly, the line's 实际: only the rounding is doubted.
    const file = { name: 'yuan.xlsx', bytes: await ledgerInYuan([500000.005, 700000.0049, 5202099.9951]) };
    const held = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false });
    const subFen = held.doubts.filter((d) => d.code === 'amount_sub_fen');
    expect(subFen.map((d) => [d.sheet, d.cell, d.params.value, d.params.read])).toEqual([
      ['拨付台账', 'D2', '500000.005', '50.000001'],
      ['拨付台账', 'D3', '700000.0049', '70'],
      ['拨付台账', 'D4', '5202099.9951', '520.21'],
    ]);
    const words = findingMessage(
      held.findings.find((f) => f.code === 'amount_sub_fen')!,
      'zh',
    );
    expect(words).toContain('这一格写的是 500000.005 元,不是整分');
    expect(words).toContain('将存为 50.000001 万元');
    expect([held.committed, held.records[0].action]).toEqual([false, 'held']);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
  });

  it('whole 分 in 元 (500000.01) and a float’s tail past 15 digits are no doubt: the record imports at once', async () => {
    const db = openDatabase(':memory:');
    // 5202099.99 as a formula's result may be stored: a binary tail in the 16th digit.
    const tail = 5202099.990000001;
    const file = { name: 'yuan.xlsx', bytes: await ledgerInYuan([500000.01, 700000, tail]) };
    const r = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false });
    expect(r.doubts.map((d) => d.code)).toEqual([]);
    expect(r.committed).toBe(true);
  });

  it('table 三 in 元: a 实际 of 6402100.004 元 is held at its cell (it would be stored as 640.21)', async () => {
    const db = openDatabase(':memory:');
    const sheet = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unit: 'yuan' })[0];
    const row = sheet.rows.findIndex((r) => r[3]?.v === 6402100);
    sheet.rows[row][3] = { v: 6402100.004 };
    const file = { name: 'sanyuan.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    const held = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(held.doubts.filter((d) => d.code === 'amount_sub_fen').map((d) => [d.cell, d.params.value, d.params.read])).toEqual([
      [`D${row + 1}`, '6402100.004', '640.21'],
    ]);
  });

  it('绩效自评 money in 元: 全年执行数 12359600.005 元 is told at its cell', async () => {
    const { templateWorkbook } = await import('../../../../electron/services/excel/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook('hans')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('绩效自评表')!;
    let total: ExcelJS.Cell | undefined;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('项目资金')) cell.value = cell.value.replace('万元', '元');
        if (cell.value === '年度资金总额') total = cell;
      }),
    );
    sheet.getCell(Number(total!.row), 4).value = 15000000;
    sheet.getCell(Number(total!.row), 5).value = 12359600.005;
    const read = readPerformanceSheet(gridOf(sheet), 't.xlsx', undefined);
    const told = read.findings.filter((f) => f.code === 'amount_sub_fen');
    expect(told.map((f) => [f.cell, f.params.value, f.params.unit])).toEqual([[`E${total!.row}`, '12359600.005', 'yuan']]);
  });

  it('subFenFigure: the figure as written when finer than 1 分 in its unit, else null', () => {
    expect(subFenFigure(500000.005, 'yuan')).toBe('500000.005');
    expect(subFenFigure(500000.01, 'yuan')).toBeNull();
    expect(subFenFigure(1234.5600000000002, 'yuan')).toBeNull();
    expect(subFenFigure(50.0000005, 'wan')).toBe('50.0000005');
    expect(subFenFigure(5e-7, 'wan')).toBe('0.0000005');
    expect(subFenFigure(640.21, 'wan')).toBeNull();
    expect(subFenFigure(1.234567, 'qian')).toBe('1.234567');
    expect(subFenFigure(1.23456, 'qian')).toBeNull();
  });
});
