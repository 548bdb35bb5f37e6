import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { computeRecord } from '../../../../shared/record';
import { AppError } from '../../../../shared/errors';
import { bytesOf, expectedRecord, rewrite, typedSeedWorkbook, type TypedOptions } from '../../../fixtures/workbooks';

async function importTyped(options: Partial<TypedOptions>, edit?: Parameters<typeof typedSeedWorkbook>[1]): Promise<ReadRecord[]> {
  return readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(typedSeedWorkbook(options, edit)) });
}

async function onlyRecord(options: Partial<TypedOptions>) {
  const [read, ...rest] = await importTyped(options);
  expect(rest).toEqual([]);
  expect(read.findings).toEqual([]);
  return computeRecord(read.input!);
}

const codesAndCells = (read: ReadRecord[]) => read.flatMap((r) => r.findings.map((f) => [f.code, f.sheet, f.cell ?? null]));

describe('import: the seed document typed into a workbook', () => {
  for (const script of ['hant', 'hans'] as const) {
    it(`in ${script === 'hant' ? 'traditional' : 'simplified'} characters imports to the fixture record exactly`, async () => {
      expect(await onlyRecord({ script })).toEqual(expectedRecord({ script }));
    });
  }

  const variants: [string, Partial<TypedOptions>][] = [
    ['basic facts as a label/value table', { facts: 'table' }],
    ['立项时间 as a date cell', { facts: 'table-date-cell' }],
    ['amounts as numbers', { numbers: 'numbers' }],
    ['amounts in full-width digits', { numbers: 'fullwidth' }],
    ['amounts with a 万元 unit', { numbers: 'units', facts: 'table' }],
    ['amounts as formulas (cached results)', { numbers: 'formulas' }],
    ['rates as shared formulas', { numbers: 'shared-formulas' }],
    ['percents as plain numbers (90)', { percents: 'numbers' }],
    ['percents as fractions formatted as percent (0.9)', { percents: 'fractions' }],
    ['full-width brackets in headers', { headers: 'fullwidth-units' }],
    ['line breaks and spaces inside headers and 合  计', { headers: 'linebreaks' }],
    ['headers without units', { headers: 'no-units' }],
    ['tables spread over three sheets', { layout: 'three-sheets' }],
    ['tables offset, with notes above and below and blank rows', { layout: 'offset', facts: 'table' }],
    ['names in rich text', { richNames: true }],
  ];
  for (const [label, options] of variants) {
    for (const script of ['hant', 'hans'] as const) {
      it(`${label} (${script})`, async () => {
        expect(await onlyRecord({ ...options, script })).toEqual(expectedRecord({ ...options, script }));
      });
    }
  }
});

describe('import: findings pinned to their cells', () => {
  it('a stated 合计 that differs from its rows is kept as a warning with its cell', async () => {
    const read = await importTyped({ script: 'hans' }, (t) => (t.total[2] = '1499'));
    expect(codesAndCells(read)).toEqual([['stated_total_mismatch', '樟树市', 'C21']]);
    expect(read[0].input).not.toBeNull();
  });

  it('a stated rate that disagrees is a warning at the rate cell', async () => {
    const read = await importTyped({ script: 'hans' }, (t) => (t.disbursements[5][4] = '73.52%'));
    expect(codesAndCells(read)).toEqual([['stated_rate_mismatch', '樟树市', 'E20']]);
  });

  it('a non-number where a number belongs is an error at its cell; no record', async () => {
    const read = await importTyped({ script: 'hans' }, (t) => (t.disbursements[2][2] = '一百五十'));
    expect(codesAndCells(read)).toEqual([['not_a_number', '樟树市', 'C17']]);
    expect(read[0].input).toBeNull();
  });

  it('a negative amount is refused at its cell', async () => {
    const read = await importTyped({ script: 'hans', numbers: 'numbers' }, (t) => (t.disbursements[0][3] = -5));
    expect(codesAndCells(read)).toEqual([['negative_amount', '樟树市', 'D15']]);
  });

  it('a row without a name is refused at its name cell', async () => {
    const read = await importTyped({ script: 'hans' }, (t) => (t.items[3][1] = ''));
    expect(codesAndCells(read)).toEqual([['missing_name', '樟树市', 'B9']]);
  });

  it('a duplicate 序号 is refused at the second one', async () => {
    const read = await importTyped({ script: 'hans' }, (t) => (t.disbursements[4][0] = 2));
    expect(codesAndCells(read)).toEqual([['duplicate_seq', '樟树市', 'A19']]);
  });

  it('a formula without a cached result that is not simple arithmetic is refused, saying to recalculate', async () => {
    const read = await importTyped({ script: 'hans' }, (t) => (t.disbursements[1][2] = { formula: 'INDIRECT("C15")' } as never));
    expect(codesAndCells(read)).toEqual([['not_a_number', '樟树市', 'C16']]);
    expect(read[0].findings[0].params.problem).toBe('no_result');
  });

  it('a sheet with neither table is refused', async () => {
    const wb = typedSeedWorkbook({ script: 'hans' });
    const blank = new (await import('exceljs')).default.Workbook();
    blank.addWorksheet('说明').getCell('A1').value = '本表为空';
    void wb;
    const read = await readWorkbook({ name: 'empty.xlsx', bytes: await bytesOf(blank) });
    expect(codesAndCells(read)).toEqual([
      ['no_tables', '说明', null],
      ['sheet_not_read', '说明', 'A1'],
    ]);
  });
});

describe('import: files that are not workbooks, and hostile ones', () => {
  const refusal = async (bytes: Uint8Array, name = 'x.xlsx') => {
    try {
      await readWorkbook({ name, bytes });
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    }
    throw new Error('not refused');
  };

  it('an .xls or .et file (OLE2 bytes) is told to save as .xlsx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const e = await refusal(ole, '樟树.xls');
    expect(e.code).toBe('old_format');
    expect(e.text('zh')).toBe('樟树.xls: 这是旧版 .xls 或 WPS .et 文件,请在 Excel 或 WPS 中“另存为” .xlsx 后再导入');
  });

  it('a text file named .xlsx is refused as not a workbook', async () => {
    expect((await refusal(new TextEncoder().encode('序号,名称\n1,a\n'))).code).toBe('not_xlsx');
  });

  it('a zip that is not a workbook is refused', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect((await refusal(await zip.generateAsync({ type: 'uint8array' }))).code).toBe('not_xlsx');
  });

  it('a zip bomb is refused by what it inflates to, not what it claims', async () => {
    const zlib = await import('node:zlib');
    const bytes = await rewrite(await bytesOf(typedSeedWorkbook()), () => {});
    // Declare a harmless size but carry 450 MB of zeros in one entry.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file('xl/media/padding.bin', zlib.deflateRawSync(Buffer.alloc(450 * 1024 * 1024)), { binary: true, compression: 'STORE' });
    const raw = await zip.generateAsync({ type: 'nodebuffer' });
    // Re-label the stored deflate stream as deflated, so the bytes expand only when read.
    const name = Buffer.from('xl/media/padding.bin');
    for (let i = raw.indexOf(name) - 1; i > 0; i--) {
      if (raw.readUInt32LE(i) === 0x04034b50) {
        raw.writeUInt16LE(8, i + 8);
        break;
      }
    }
    const cd = raw.lastIndexOf(name);
    raw.writeUInt16LE(8, cd - 46 + 10);
    const e = await refusal(new Uint8Array(raw));
    expect(e.code).toBe('too_large_uncompressed');
    expect(e.messages.zh).toContain('解压后超过');
  });

  it('a workbook over the row cap is refused with the sheet named', async () => {
    const { LIMITS } = await import('../../../../electron/services/excel/zip');
    const saved = LIMITS.rowsPerSheet;
    LIMITS.rowsPerSheet = 20;
    try {
      const e = await refusal(await bytesOf(typedSeedWorkbook({ script: 'hans' })));
      expect(e.code).toBe('too_many_rows');
      expect(e.place.sheet).toBe('樟树市');
    } finally {
      LIMITS.rowsPerSheet = saved;
    }
  });

  it('an oversized file is refused before it is read', async () => {
    const e = await refusal(new Uint8Array(51 * 1024 * 1024));
    expect(e.code).toBe('file_too_large');
  });
});

describe('import: workbooks from other tools that exceljs 4.4.0 chokes on', () => {
  it('reads one whose app.xml uses prefixed tags', async () => {
    const bytes = await rewrite(await bytesOf(typedSeedWorkbook({ script: 'hans' })), (files) => {
      files.set(
        'docProps/app.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><properties:Properties xmlns:properties="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><properties:Application>Other</properties:Application></properties:Properties>',
      );
    });
    const [read] = await readWorkbook({ name: 'other.xlsx', bytes });
    expect(computeRecord(read.input!)).toEqual(expectedRecord({ script: 'hans' }));
  });

  it('reads one without docProps/app.xml', async () => {
    const bytes = await rewrite(await bytesOf(typedSeedWorkbook({ script: 'hans' })), (files) => {
      files.delete('docProps/app.xml');
      files.set('[Content_Types].xml', files.get('[Content_Types].xml')!.replace(/<Override PartName="\/docProps\/app.xml"[^>]*\/>/, ''));
      files.set('_rels/.rels', files.get('_rels/.rels')!.replace(/<Relationship [^>]*Target="docProps\/app.xml"[^>]*\/>/, ''));
    });
    const [read] = await readWorkbook({ name: 'noapp.xlsx', bytes });
    expect(computeRecord(read.input!)).toEqual(expectedRecord({ script: 'hans' }));
  });

  it('reads shared strings that put an empty text run before rich runs (exceljs #3079)', async () => {
    const bytes = await rewrite(await bytesOf(typedSeedWorkbook({ script: 'hans', richNames: true })), (files) => {
      const ss = files.get('xl/sharedStrings.xml')!;
      files.set('xl/sharedStrings.xml', ss.replace(/<si><r>/g, '<si><t></t><r>'));
    });
    const [read] = await readWorkbook({ name: 'lark.xlsx', bytes });
    expect(computeRecord(read.input!)).toEqual(expectedRecord({ script: 'hans' }));
  });

  it('reads 立项时间 stored with a CJK built-in date format (numFmtId 57)', async () => {
    const bytes = await rewrite(await bytesOf(typedSeedWorkbook({ script: 'hans', facts: 'table-date-cell' })), (files) => {
      const styles = files.get('xl/styles.xml')!;
      const id = /<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"\/>/.exec(styles)![1];
      files.set(
        'xl/styles.xml',
        styles
          .replace(/<numFmt numFmtId="\d+" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"\/>/, '')
          .replace(new RegExp(`numFmtId="${id}"`, 'g'), 'numFmtId="57"'),
      );
    });
    const [read] = await readWorkbook({ name: 'wps.xlsx', bytes });
    expect(read.findings).toEqual([]);
    expect(read.input!.county.approvedOn).toBe('2021-09');
  });
});
