// Issue 21 #10: the caps apply to every part exceljs will read as a worksheet, found the way exceljs
// finds them — a renamed part (a trailing space, a nested or dotted path) is capped like sheet1.xml.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LIMITS, partName, readAsWorksheet } from '../../../../electron/services/excel/zip';
import { loadWorkbook } from '../../../../electron/services/excel/read';
import { AppError } from '../../../../shared/errors';
import { bytesOf } from '../../../fixtures/workbooks';

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

/** A workbook whose one sheet (1,001 rows of numbers) is stored under `partPath`, its relationship pointing there. */
async function renamedSheet(partPath: string, target: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('大表');
  for (let r = 1; r <= 1001; r++) sheet.getRow(r).values = [r, r * 2, r * 3];
  const zip = await JSZip.loadAsync(await bytesOf(workbook));
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    let text = await zip.files[name].async('string');
    if (name === 'xl/_rels/workbook.xml.rels') text = text.replace('worksheets/sheet1.xml', target);
    out.file(name === 'xl/worksheets/sheet1.xml' ? partPath : name, text);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const saved = LIMITS.rowsPerSheet;
afterEach(() => {
  LIMITS.rowsPerSheet = saved;
});

describe('a worksheet under another name is capped all the same', () => {
  const renames: [string, string, string][] = [
    ['a trailing space', 'xl/worksheets/sheet1.xml ', 'worksheets/sheet1.xml '],
    ['a nested path', 'xl/worksheets/deep/xl/worksheets/sheet1.xml', 'worksheets/deep/xl/worksheets/sheet1.xml'],
    ['a path through ..', 'xl/worksheets/x/../sheet1.xml', 'worksheets/x/../sheet1.xml'],
    ['a path through ./ and //', 'xl/./worksheets//sheet1.xml', 'worksheets/sheet1.xml'],
  ];
  for (const [what, part, target] of renames)
    it(`${what} (${JSON.stringify(part)}): refused at the row cap before exceljs reads it, or exceljs reads no more than the cap`, async () => {
      LIMITS.rowsPerSheet = 1000;
      const bytes = await renamedSheet(part, target);
      let refused: AppError | null = null;
      let rows = 0;
      try {
        const workbook = await loadWorkbook({ name: 'renamed.xlsx', bytes });
        rows = Math.max(0, ...workbook.worksheets.map((s) => s.actualRowCount));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refused = e;
      }
      // Whatever exceljs makes of the name, it never holds more rows than the cap.
      expect(rows).toBeLessThanOrEqual(1000);
      if (refused) expect(['too_many_rows', 'broken_xlsx']).toContain(refused.code);
    });

  it('the trailing-space part exceljs reads as sheet 1 is refused as too many rows, naming the sheet', async () => {
    LIMITS.rowsPerSheet = 1000;
    const bytes = await renamedSheet('xl/worksheets/sheet1.xml ', 'worksheets/sheet1.xml ');
    const e = await refusal(() => loadWorkbook({ name: 'renamed.xlsx', bytes }));
    expect(e.code).toBe('too_many_rows');
    expect(e.place).toEqual({ file: 'renamed.xlsx', sheet: '大表' });
  });

  it('names are taken as exceljs takes them: JSZip resolves . and .., exceljs matches sheetN.xml anywhere in the name', () => {
    expect(partName('/xl/./worksheets//a/../sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(readAsWorksheet('xl/worksheets/sheet1.xml ')).toBe(true);
    expect(readAsWorksheet('custom/xl/worksheets/sheet12.xml.bak')).toBe(true);
    expect(readAsWorksheet('xl/worksheets/_rels/sheet1.xml.rels')).toBe(false);
  });
});
