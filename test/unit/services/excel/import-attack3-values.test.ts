// The third round of the tester's attacks on the import (attack3): how printed tables and pasted text write
// figures — a dash for "nothing yet", a zero-width space copied from a web page. The seed (樟树市) laid out
// plainly; the figures expected by hand.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[]) => readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const errors = (read: ReadRecord[]) => read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'));

/** 樟树市 with table 三's 实际拨付额度 (column D) of lines 1–6 as given. */
function withActuals(actuals: (string | number)[]): FxSheet[] {
  const sheets = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
  const header = sheets[0].rows.findIndex((r) => r?.[0]?.v === '序号' && r[1]?.v === '具体项目名称');
  actuals.forEach((actual, i) => (sheets[0].rows[header + 1 + i][3] = { v: actual }));
  return sheets;
}

describe('B2: a line not paid yet, written as a printed table writes "none"', () => {
  it('—, -, / and 无 in 实际拨付额度 are not entered: the county is read, those lines told as missing, the others kept', async () => {
    const read = await readSheets(withActuals([640.21, '—', '-', '/', '无', 29.41]));
    expect(errors(read)).toEqual([]);
    expect(read[0].input!.disbursements.map((d) => d.actual)).toEqual(['640.21', null, null, null, null, '29.41']);
    expect(read[0].findings.filter((f) => f.code === 'amount_missing').map((f) => f.cell)).toEqual(['D15', 'D16', 'D17', 'D18']);
  });

  it('(20) and -20 are still refused: a bracketed or negative figure is no "none"', async () => {
    const read = await readSheets(withActuals([640.21, '(20)', -20]));
    expect(errors(read).map((f) => [f.code, f.cell])).toEqual([
      ['not_a_number', 'D15'],
      ['negative_amount', 'D16'],
    ]);
  });
});

describe('B9: a figure pasted from a web page with a zero-width character', () => {
  it('640.21 followed by a zero-width space, 285.4 after a word joiner and 1, BOM, 00 are the figures they show', async () => {
    const read = await readSheets(withActuals(['640.21\u200b', '\u2060285.4', '1\ufeff00']));
    expect(errors(read)).toEqual([]);
    expect(read[0].input!.disbursements.slice(0, 3).map((d) => d.actual)).toEqual(['640.21', '285.4', '100']);
  });
});

describe('B8: table 三 numbered as an outline, 1 over 1.1 and 1.2 (or 1-1, 1-2)', () => {
  /** The seed's six lines under outline numbers; groups 1 and 3 state their lines' sums (775 + 335, 120 + 80). */
  function outlined(dot: string): FxSheet[] {
    const sheets = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
    const rows = sheets[0].rows;
    const header = rows.findIndex((r) => r?.[0]?.v === '序号' && r[1]?.v === '具体项目名称');
    const lines = rows.slice(header + 1, header + 7);
    const group = (seq: string, name: string, planned: number, actual: number) => [
      { v: seq },
      { v: name },
      { v: planned },
      { v: actual },
      null,
    ];
    const numbered = (seq: string, line: (typeof lines)[number]) => [{ v: seq }, ...line.slice(1)];
    rows.splice(
      header + 1,
      6,
      group('1', '物流与农产品上行', 1110, 925.61),
      numbered(`1${dot}1`, lines[0]),
      numbered(`1${dot}2`, lines[1]),
      numbered('2', lines[2]),
      group('3', '公共服务与培训', 200, 180.94),
      numbered(`3${dot}1`, lines[3]),
      numbered(`3${dot}2`, lines[4]),
      numbered('4', lines[5]),
    );
    return sheets;
  }

  for (const dot of ['.', '-'])
    it(`1${dot}1 and 1${dot}2 are the lines of group 1, whose sums are checked, not counted: the seed's six lines, 1500 and 1235.96`, async () => {
      const read = await readSheets(outlined(dot));
      expect(errors(read)).toEqual([]);
      const lines = read[0].input!.disbursements;
      expect(lines.map((d) => [d.seq, d.planned, d.actual])).toEqual(
        referenceFixture('hans').disbursements.map((d, i) => [i + 1, d.planned, d.actual]),
      );
      expect(read[0].findings.filter((f) => f.code === 'stated_total_mismatch')).toEqual([]);
    });

  it('a group whose stated sum is not its lines’ (1111 over 775 + 335) is told at its cell', async () => {
    const sheets = outlined('.');
    const group = sheets[0].rows.findIndex((r) => r?.[1]?.v === '物流与农产品上行');
    sheets[0].rows[group][2] = { v: 1111 };
    const read = await readSheets(sheets);
    const told = read[0].findings.filter((f) => f.code === 'stated_total_mismatch');
    expect(told.map((f) => [f.cell, f.params.stated, f.params.sum])).toEqual([[`C${group + 1}`, '1111', '1110']]);
  });
});
