// The read stage: the zip read once and checked, worksheets filtered and capped as they inflate,
// repairs that stay linear on hostile input, and exceljs reading exactly the entries read.
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CapExceeded, SheetFilter } from '../../../../electron/services/excel/sheet-filter';
import { inflateEntry, LIMITS, listEntries, storeZip } from '../../../../electron/services/excel/zip';
import { defineCjkDateFormats, wrapBareTextBeforeRuns } from '../../../../electron/services/excel/repairs';
import { loadWorkbook, readEntries } from '../../../../electron/services/excel/read';
import { readWorkbooksIsolated } from '../../../../electron/services/excel/isolated';
import { AppError } from '../../../../shared/errors';
import { bytesOf, typedSeedWorkbook } from '../../../fixtures/workbooks';

const filter = (xml: string, caps = { rows: 1e9, cells: 1e9 }, chunks: number[] = []) => {
  const f = new SheetFilter(caps);
  const bytes = Buffer.from(xml);
  let at = 0;
  for (const size of chunks) {
    f.push(bytes.subarray(at, at + size));
    at += size;
  }
  f.push(bytes.subarray(at));
  return { xml: f.end().toString(), counts: f.counts };
};

const SHEET = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the sheet filter', () => {
  it('keeps cells with a value, a formula or an inline string, and drops formatting-only cells and rows', () => {
    const xml = SHEET(
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/><c r="C1" s="4"></c></row>' +
        '<row r="2" s="5" customFormat="1"/>' +
        '<row r="3"><c r="A3" s="2"/><c r="B3" s="2"/></row>' +
        '<row r="4"><c r="A4"><f>SUM(A1:A3)</f></c><c r="B4" t="inlineStr"><is><t>合计</t></is></c></row>',
    );
    const { xml: out, counts } = filter(xml);
    expect(out).toBe(
      SHEET(
        '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row><row r="4"><c r="A4"><f>SUM(A1:A3)</f></c><c r="B4" t="inlineStr"><is><t>合计</t></is></c></row>',
      ),
    );
    expect(counts).toEqual({ rows: 2, cells: 3 });
  });

  it('reads prefixed tags and attributes holding ">"', () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="str" foo="a>b"><x:v>1</x:v></x:c><x:c r="B1" s="1"/></x:row></x:sheetData></x:worksheet>';
    expect(filter(xml).xml).toBe(
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="str" foo="a>b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('gives the same result however the XML is cut into chunks', () => {
    const rows = Array.from(
      { length: 30 },
      (_, r) =>
        `<row r="${r + 1}">${Array.from({ length: 6 }, (_, c) => (c % 3 === 0 ? `<c r="${'ABCDEF'[c]}${r + 1}" s="1"/>` : `<c r="${'ABCDEF'[c]}${r + 1}" t="s"><v>${r * 6 + c}</v></c>`)).join('')}</row>`,
    ).join('');
    const xml = SHEET(rows + '<row r="99"><c r="A99" s="1"></c></row><!-- a > comment -->');
    const whole = filter(xml);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 200 }), (cuts) => {
        expect(filter(xml, undefined, cuts)).toEqual(whole);
      }),
      { seed: 20261129, numRuns: 300 },
    );
    expect(whole.counts).toEqual({ rows: 30, cells: 120 });
  });

  it('stops as soon as a sheet passes the cap on rows or cells with values', () => {
    const row = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" s="1"/></row>`;
    const xml = SHEET(Array.from({ length: 100 }, (_, r) => row(r + 1)).join(''));
    expect(() => filter(xml, { rows: 99, cells: 1e9 })).toThrow(CapExceeded);
    expect(filter(xml, { rows: 100, cells: 100 }).counts).toEqual({ rows: 100, cells: 100 });
    try {
      filter(xml, { rows: 1e9, cells: 10 });
    } catch (e) {
      expect(e).toMatchObject({ what: 'cells', limit: 10 });
    }
  });

  it('filters a 1 MB adversarial entry (no tag ever closes) in well under a second', () => {
    for (const body of [
      '<c r="A1" s="1">'.repeat(65_536),
      '<row '.repeat(200_000),
      '<'.repeat(1 << 20),
      '<c><x>'.repeat(170_000),
      '<!'.repeat(500_000),
      '<a b="'.repeat(170_000),
    ]) {
      const started = performance.now();
      try {
        filter(
          body,
          undefined,
          Array.from({ length: 64 }, () => 16_384),
        );
      } catch (e) {
        expect(e).toBeInstanceOf(CapExceeded);
      }
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('repairs on hostile input', () => {
  const adversarial = [
    '<styleSheet><numFmts>' +
      '<numFmt '.repeat(130_000) +
      '></numFmts><cellXfs>' +
      '<xf numFmtId="27" '.repeat(50_000) +
      '/></cellXfs></styleSheet>',
    '<styleSheet><cellXfs><xf numFmtId="57"/></cellXfs>' + '<numFmt numFmtId="1"'.repeat(50_000) + '</styleSheet>',
  ];
  it('defining CJK date formats stays linear on a 1 MB crafted styles part (< 1 s)', () => {
    for (const styles of adversarial) {
      const started = performance.now();
      defineCjkDateFormats(styles);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect(
      defineCjkDateFormats(
        '<styleSheet><numFmts count="0"/><cellXfs count="1"><xf numFmtId="57" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    ).toBe(
      '<styleSheet><numFmts count="1"><numFmt numFmtId="57" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="1"><xf numFmtId="57" applyNumberFormat="1"/></cellXfs></styleSheet>',
    );
  });

  it('wrapping bare text before rich runs stays linear on 1 MB of unclosed strings (< 1 s)', () => {
    for (const xml of [
      '<sst>' + '<si><t>'.repeat(150_000) + '</sst>',
      '<sst>' + '<si><t>x</t> '.repeat(80_000) + '<r>',
      '<is>'.repeat(250_000),
    ]) {
      const started = performance.now();
      wrapBareTextBeforeRuns(xml);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect(wrapBareTextBeforeRuns('<sst><si><t>a</t><r><t>b</t></r></si><si><t>c</t></si></sst>')).toBe(
      '<sst><si><r><t>a</t></r><r><t>b</t></r></si><si><t>c</t></si></sst>',
    );
  });
});

describe('one reader of the zip', () => {
  it('refuses a zip whose directory and local headers name different parts', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
    const local = bytes.indexOf('xl/workbook.xml');
    bytes.write('xl/workbooq.xml', local);
    expect(() => listEntries(bytes, 'x.xlsx')).toThrow(/disagree|不一致/);
  });

  it('refuses two parts of the same name (another reader might take either)', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/workbooK.xml', '<other/>');
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
    let from = 0;
    for (let n = 0; n < 2; n++) {
      const at = bytes.indexOf('xl/workbooK.xml', from);
      bytes.write('xl/workbook.xml', at);
      from = at + 1;
    }
    expect(() => listEntries(bytes, 'x.xlsx')).toThrow(/two parts|两个名为/);
  });

  it('inflates under the byte budget, whatever sizes the headers claim', async () => {
    const data = zlib.deflateRawSync(Buffer.alloc(5_000_000));
    const entry = { name: 'x', method: 8 as const, data };
    await expect(inflateEntry(entry, { left: 1_000_000 }, 'bomb.xlsx', () => {})).rejects.toMatchObject({ code: 'too_large_uncompressed' });
    let got = 0;
    await inflateEntry(entry, { left: 10_000_000 }, 'ok.xlsx', (c) => (got += c.length));
    expect(got).toBe(5_000_000);
  });

  it('writes a stored zip that exceljs and JSZip read back entry for entry', async () => {
    const entries = await readEntries({ name: 'seed.xlsx', bytes: await bytesOf(typedSeedWorkbook({ script: 'hans' })) });
    const zip = await JSZip.loadAsync(storeZip(entries), { checkCRC32: true });
    for (const [name, data] of entries) expect(Buffer.from(await zip.file(name)!.async('uint8array')).equals(data)).toBe(true);
    const workbook = await loadWorkbook({ name: 'seed.xlsx', bytes: await bytesOf(typedSeedWorkbook({ script: 'hans' })) });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['樟树市']);
  });
});

describe('caps counted before loading', () => {
  /** A sheet of `rows` × `cols` numbers, plus formatting down to row 65536. */
  async function bigWorkbook(rows: number, cols: number, formattedTo = 0): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('大表');
    for (let r = 1; r <= rows; r++) sheet.getRow(r).values = Array.from({ length: cols }, (_, c) => r * cols + c);
    for (let r = rows + 1; r <= formattedTo; r++) sheet.getCell(r, 1).border = { top: { style: 'thin' } };
    return bytesOf(workbook);
  }

  it('formatting down to row 65536 is not rows: the sheet reads as its rows with values', async () => {
    const bytes = await bigWorkbook(3, 2, 65_536);
    const entries = await readEntries({ name: 'f.xlsx', bytes });
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet.match(/<row /g)).toHaveLength(3);
    const workbook = await loadWorkbook({ name: 'f.xlsx', bytes });
    expect(workbook.worksheets[0].rowCount).toBe(3);
  });

  it('a sheet over the row cap is refused before exceljs loads it, naming the sheet', async () => {
    const saved = LIMITS.rowsPerSheet;
    LIMITS.rowsPerSheet = 1000;
    try {
      const bytes = await bigWorkbook(1001, 3);
      const e = await refusal(() => readEntries({ name: 'big.xlsx', bytes }));
      expect(e.code).toBe('too_many_rows');
      expect(e.place).toEqual({ file: 'big.xlsx', sheet: '大表' });
      expect(e.messages.zh).toContain('1000');
    } finally {
      LIMITS.rowsPerSheet = saved;
    }
  });

  it('a workbook over the cell cap is refused, naming the sheet where it passed', async () => {
    const saved = LIMITS.cellsPerWorkbook;
    LIMITS.cellsPerWorkbook = 2000;
    try {
      const bytes = await bigWorkbook(100, 30);
      const e = await refusal(() => readEntries({ name: 'wide.xlsx', bytes }));
      expect(e.code).toBe('too_many_cells');
      expect(e.place.sheet).toBe('大表');
    } finally {
      LIMITS.cellsPerWorkbook = saved;
    }
  });

  it('a workbook that needs more memory than the budget is refused in words, and the files after it are still read', async () => {
    const saved = { ...LIMITS };
    const seed = { name: 'seed.xlsx', bytes: await bytesOf(typedSeedWorkbook({ script: 'hans' })) };
    // A small budget and generous caps: exceljs runs out of heap on the worker, not here.
    LIMITS.memoryMb = 32;
    let results;
    try {
      results = await readWorkbooksIsolated([{ name: 'heavy.xlsx', bytes: await bigWorkbook(20_000, 12) }, seed]);
    } finally {
      Object.assign(LIMITS, saved);
    }
    const [heavy, next] = results;
    if (!(heavy instanceof AppError)) throw new Error('the heavy workbook was read');
    expect(heavy.code).toBe('out_of_memory');
    expect(heavy.place.file).toBe('heavy.xlsx');
    expect(heavy.messages.zh).toContain('32 MB');
    if (next instanceof AppError) throw next;
    expect(next[0].input?.county.name).toBe('樟树市');
  }, 60_000);
});

describe('the zip layer under random input (fuzz)', () => {
  const entryArb = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}(\/[a-z][a-z0-9_-]{0,8}){0,2}\.(xml|bin)$/),
    size: fc.integer({ min: 0, max: 8_000 }),
    compressible: fc.boolean(),
    deflate: fc.boolean(),
  });

  async function zipOf(entries: { name: string; size: number; compressible: boolean; deflate: boolean }[]) {
    const zip = new JSZip();
    const contents = new Map<string, Buffer>();
    for (const e of entries) {
      if (contents.has(e.name)) continue;
      const data = e.compressible
        ? Buffer.alloc(e.size, 0x41)
        : Buffer.from(Array.from({ length: e.size }, (_, i) => (i * 2654435761) & 0xff));
      contents.set(e.name, data);
      zip.file(e.name, data, { compression: e.deflate ? 'DEFLATE' : 'STORE' });
    }
    return { bytes: Buffer.from(await zip.generateAsync({ type: 'uint8array' })), contents };
  }

  it('reads back exactly the entries written, whatever their number, sizes and compression', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 12 }), async (entries) => {
        const { bytes, contents } = await zipOf(entries);
        const read = new Map<string, Buffer>();
        for (const e of listEntries(bytes, 'f.xlsx')) {
          const chunks: Buffer[] = [];
          await inflateEntry(e, { left: 1e9 }, 'f.xlsx', (c) => chunks.push(c));
          read.set(e.name, Buffer.concat(chunks));
        }
        expect(read).toEqual(contents);
        // And the stored copy handed to exceljs holds the same.
        const again = await JSZip.loadAsync(storeZip(read), { checkCRC32: true });
        for (const [name, data] of contents) expect(Buffer.from(await again.file(name)!.async('uint8array')).equals(data)).toBe(true);
      }),
      { seed: 20261129, numRuns: 30 },
    );
  });

  it('damaged bytes anywhere end in a refusal in words or in entries read, never a crash or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (entries, flips) => {
          const { bytes } = await zipOf(entries);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const started = performance.now();
          try {
            for (const e of listEntries(bytes, 'f.xlsx')) await inflateEntry(e, { left: 5_000_000 }, 'f.xlsx', () => {});
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).place.file).toBe('f.xlsx');
          }
          expect(performance.now() - started).toBeLessThan(2000);
        },
      ),
      { seed: 20261129, numRuns: 200 },
    );
  });
});
