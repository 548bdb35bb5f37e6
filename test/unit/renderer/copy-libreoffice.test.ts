// A block copied from the grid goes to the clipboard twice: as text (TSV) and as an HTML table.
// A spreadsheet pasting the HTML must take a text that looks like a formula as that text: here the
// HTML is given to LibreOffice's own HTML import (what it does with HTML on the clipboard), and the
// workbook it writes is read back cell by cell.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { copyBlock } from '../../../renderer/src/grid/blocks';
import { tempDir } from '../../helpers/fixtures';

const block = [
  ['=1+1', '=HYPERLINK("http://example.com","点我")', '+1+2', '-2-3', '@SUM(A1)', '\t=3+3'],
  ['樟树市', '-5', '1,234.5', '775', '第一行\n第二行', '=1+1\n=2+2'],
];

let cells: ExcelJS.CellValue[][];
beforeAll(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'copied.html'), copyBlock(block).html);
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--infilter=HTML (StarCalc)',
      '--convert-to',
      'xlsx',
      '--outdir',
      path.join(dir, 'out'),
      path.join(dir, 'copied.html'),
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, 'out', 'copied.xlsx'));
  const sheet = workbook.worksheets[0];
  // A cell LibreOffice wrote in two fonts (Latin and CJK) is rich text: its text is what is seen.
  const seen = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : v);
  cells = block.map((row, r) => row.map((_, c) => seen(sheet.getCell(r + 1, c + 1).value)));
}, 200_000);

describe('the HTML flavour of a copied block, pasted into LibreOffice', () => {
  it('keeps a text that looks like a formula as exactly that text: no =1+1 computed, no live HYPERLINK', () => {
    // HTML folds white space: the leading TAB goes, the cell stays text.
    expect(cells[0]).toEqual(['=1+1', '=HYPERLINK("http://example.com","点我")', '+1+2', '-2-3', '@SUM(A1)', '=3+3']);
  });

  it('keeps numbers numbers, names text and a line break within its cell', () => {
    expect(cells[1]).toEqual(['樟树市', -5, 1234.5, 775, '第一行\n第二行', '=1+1\n=2+2']);
  });
});
