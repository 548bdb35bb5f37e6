// The import's own reader against exceljs, the reference: the same grid, cell for cell, on
// workbooks as Excel, WPS and other programs write them, on random sheets, and under the same caps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { readBook } from '../../../../electron/services/excel/sheet-reader';
import { readerDifferences } from '../../../../electron/services/excel/reader-check';
import { LIMITS } from '../../../../electron/services/excel/zip';
import { AppError } from '../../../../shared/errors';
import { bytesOf, excelOf, typedSeedWorkbook, type FxCell } from '../../../fixtures/workbooks';

const SHEET = (rows: string, tail = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<cols><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" hidden="true"/></cols><sheetData>${rows}</sheetData>${tail}</worksheet>`;

/** A workbook written by hand, part by part, with what Excel and WPS write and exceljs never does. */
async function handWritten(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<workbookPr date1904="false"/><sheets><sheet name="樟树市 &amp; 表二" sheetId="1" r:id="rId1"/><sheet name="藏" sheetId="2" state="hidden" r:id="rId2"/>' +
      '<sheet name="图表" sheetId="3" r:id="rId9"/><sheet name="很藏" sheetId="4" state="veryHidden" r:id="rId3"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId3" Target="worksheets/sheet3.xml"/><Relationship Id="rId9" Target="chartsheets/sheet1.xml"/></Relationships>',
  );
  zip.file(
    'xl/styles.xml',
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="0.00\\%"/>' +
      '<numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>计划安排额度</t></si>' +
      '<si><r><rPr><b/></rPr><t>实际</t></r><r><t xml:space="preserve">拨付 </t></r><rPh sb="0" eb="2"><t>シツ</t></rPh></si>' +
      '<si><t>第一行_x000D_\r\n第二行</t></si><si><t/></si><si><t>  </t></si><si><t>A&amp;B &lt;c&gt;</t></si></sst>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    SHEET(
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>73.53</v></c><c r="D1" t="s"><v>1</v></c><c r="F1" t="s"><v>5</v></c></row>' +
        '<row r="2"><c r="A2" s="2"><v>44561</v></c><c r="B2" t="str"><f>A1&amp;""</f><v>&amp;lt;x&amp;gt;</v></c><c r="C2"><f>SUM(B1)</f></c>' +
        '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" s="3"><f>B1/100</f><v>0.7353</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>内联_x000D_文本</t></is></c><c r="B3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>' +
        '<c r="C3" t="s"><v>2</v></c><c r="D3" t="s"><v>3</v></c><c r="E3" t="s"><v>4</v></c><c r="F3" s="4"><f>DATE(2021,1,1)</f><v>44197</v></c></row>' +
        '<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5"><v>1</v></c><c r="C5"><v>2</v></c><c r="D5" s="5"><v>1234.5</v></c><c r="E5" s="9"><v>3</v></c></row>' +
        '<row r="6"><c r="A6"><v>5</v></c><c r="B6"><f>B5</f><v>1</v></c><c><v>7</v></c></row>' +
        '<row r="8"><c r="B8"><v>not a merge</v></c></row>' +
        '<row r="4"><c r="A4"><v>1E+3</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="A5:A6"/><mergeCell ref="B5:C5"/></mergeCells>' +
        '<hyperlinks><hyperlink ref="B6" r:id="rId1"/><hyperlink ref="A1" location="图表!A1"/></hyperlinks>',
    ),
  );
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="https://example.cn" TargetMode="External"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet2.xml', SHEET('<row r="1"><c r="A1"><v>42</v></c></row>'));
  zip.file('xl/worksheets/sheet3.xml', SHEET('<row r="2"><c r="C2" t="s"><v>0</v></c></row>'));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('the import reader (sheet-reader.ts) against exceljs', () => {
  it('reads a hand-written workbook to the grid exceljs gives, and keeps the number format as written', async () => {
    const file = { name: 'hand.xlsx', bytes: await handWritten() };
    expect(await readerDifferences(file)).toEqual([]);
    const book = await readBook(file);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['樟树市 & 表二', 'visible'],
      ['藏', 'hidden'],
      ['很藏', 'veryHidden'],
    ]);
    const grid = book.sheets[0].grid();
    const at = (a: string) => grid.row(Number(a.slice(1))).find((c) => c.address === a);
    // 0.00\% shows 73.53 as "73.53%": a literal sign, not a percentage. exceljs drops the backslash, so the
    // read stage quotes the sign for both readers (repairs.ts): 0.00"%" means the same to Excel.
    expect(at('B1')).toMatchObject({ value: 73.53, numFmt: '0.00"%"', numFmtCode: '0.00"%"' });
    expect(at('D1')?.value).toBe('实际拨付 ');
    expect(at('A2')?.value).toEqual(new Date('2021-12-31T00:00:00Z'));
    // SUM(B1) with no cached result (a script wrote it): computed, by both readers alike.
    expect(at('C2')).toMatchObject({ isFormula: true, noResult: false, value: 73.53, computed: true });
    expect(at('F2')).toMatchObject({ value: 0.7353, isFormula: true, numFmt: '0.00%' });
    expect(at('C3')?.value).toBe('第一行\r\n第二行');
    expect(at('B5')).toMatchObject({ span: 2, rowSpan: 1 });
    expect(grid.cover(6, 1)?.address).toBe('A5');
    expect(grid.cover(5, 3)?.address).toBe('B5');
    expect([...grid.hiddenColumns]).toEqual([2, 3, 5]);
    expect(grid.rows).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });

  it('reads the seed workbook and our own export to the grids exceljs gives', async () => {
    for (const script of ['hans', 'hant'] as const) {
      const bytes = await bytesOf(typedSeedWorkbook({ script, richNames: true, numbers: 'numbers', percents: 'numbers' }));
      expect(await readerDifferences({ name: `${script}.xlsx`, bytes })).toEqual([]);
    }
  });

  it('reads random sheets (texts, numbers, formulas, formats, merges) to the grids exceljs gives', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('计划安排额度', ' 合计 ', 'A&B<"c">', '_x000D_', '第一行\n第二行', '', '   '),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: 1, max: 60_000 }).map((d) => new Date(Date.UTC(1900, 0, d))),
      fc.record({ formula: fc.constant('1+1'), result: fc.oneof(fc.integer(), fc.constant('文字')) }),
    );
    const cell: fc.Arbitrary<FxCell> = fc.option(
      fc.record({
        v: value,
        numFmt: fc.option(fc.constantFrom('0.00%', '0.00\\%', '#,##0.00', 'yyyy-mm-dd', '@', '0"."0000'), { nil: undefined }),
      }),
      { nil: null, freq: 3 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.boolean(), async (rows, merge) => {
        if (merge && rows[0][0]) rows[0][0] = { ...rows[0][0], colSpan: 2, rowSpan: 2 };
        if (merge)
          for (const [r, c] of [
            [0, 1],
            [1, 0],
            [1, 1],
          ])
            if (rows[r]) rows[r][c] = null;
        const bytes = await bytesOf(
          excelOf([{ name: '表', rows: rows.map((r) => r.map((c) => (c && typeof c.v === 'string' && c.v === '' ? null : c))) }]),
        );
        expect(await readerDifferences({ name: 'random.xlsx', bytes })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses what the read stage refuses, under the same caps (rows per sheet here)', async () => {
    const saved = LIMITS.rowsPerSheet;
    LIMITS.rowsPerSheet = 10;
    try {
      const bytes = await bytesOf(excelOf([{ name: '长', rows: Array.from({ length: 20 }, (_, i) => [{ v: i }]) }]));
      const refused = await readBook({ name: 'long.xlsx', bytes }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'too_many_rows', place: { file: 'long.xlsx', sheet: '长' } });
    } finally {
      LIMITS.rowsPerSheet = saved;
    }
  });

  it('refuses merges that overlap, as exceljs does', async () => {
    const wb = excelOf([{ name: 's', rows: [[{ v: 1 }, { v: 2 }]] }]);
    const bytes = await bytesOf(wb);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file(
      'xl/worksheets/sheet1.xml',
      xml.replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'),
    );
    const file = { name: 'overlap.xlsx', bytes: await zip.generateAsync({ type: 'uint8array' }) };
    expect(await readerDifferences(file)).toEqual([]);
    const sheet = (await readBook(file)).sheets[0];
    let refused: unknown = null;
    try {
      sheet.grid();
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'broken_xlsx', place: { file: 'overlap.xlsx' } });
  });
});
