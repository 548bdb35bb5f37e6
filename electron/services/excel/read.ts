// The read stage of the import: the bytes of a file → an exceljs workbook, bounded before anything
// is loaded. What a file is (by its bytes); its zip entries, read once; each worksheet inflated as a
// stream through the sheet filter, which counts the rows and cells that hold values and refuses the
// sheet the moment it passes a cap; the repairs exceljs needs; and then exceljs reads exactly those
// entries (a stored zip of them), nothing else.
import type ExcelJS from 'exceljs';
import { appError } from '../../../shared/errors';
import {
  attributes,
  date1904AsDigit,
  defineCjkDateFormats,
  quoteEscapedFormatChars,
  unreadableAppXml,
  wrapBareTextBeforeRuns,
} from './repairs';
import { CapExceeded, SheetFilter } from './sheet-filter';
import { keepDrawingTexts } from './drawings';
import { brokenZip, checkFileKind, inflateEntry, LIMITS, listEntries, partName, readAsWorksheet, storeZip, type ZipEntry } from './zip';

export type WorkbookFile = { name: string; bytes: Uint8Array };

/** The worksheet parts of a workbook and their names, from workbook.xml and its relationships. */
function sheetNames(entries: Map<string, Buffer>): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = entries.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (let i = rels.indexOf('<Relationship'); i >= 0; i = rels.indexOf('<Relationship', i + 13)) {
    const end = rels.indexOf('>', i);
    if (end < 0) break;
    const a = attributes(rels.slice(i, end + 1));
    const target = a.get('Target') ?? '';
    targets.set(a.get('Id') ?? '', partName(target.startsWith('/') ? target : `xl/${target}`));
  }
  for (let i = workbook.indexOf('<sheet '); i >= 0; i = workbook.indexOf('<sheet ', i + 7)) {
    const end = workbook.indexOf('>', i);
    if (end < 0) break;
    const a = attributes(workbook.slice(i, end + 1));
    const target = targets.get(a.get('id') ?? '');
    if (target) names.set(target, a.get('name') ?? target);
  }
  return names;
}

/** Every part exceljs reads as a worksheet (found its way: names with a trailing space, nested paths), and every sheet-like part. */
const isWorksheet = (name: string) =>
  readAsWorksheet(name) ||
  (name.startsWith('xl/worksheets/') && name.endsWith('.xml') && !name.slice('xl/worksheets/'.length).includes('/'));

async function inflateAll(
  entries: ZipEntry[],
  budget: { left: number },
  file: string,
  only: (name: string) => boolean,
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => only(e.name))) {
    const chunks: Buffer[] = [];
    await inflateEntry(entry, budget, file, (c) => chunks.push(c));
    out.set(entry.name, Buffer.concat(chunks));
  }
  return out;
}

const SAVE_AS = {
  zh: '请在 Excel、WPS 或 LibreOffice 中打开它,“另存为” Excel 工作簿(.xlsx)后再导入',
  en: 'open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx), then import that',
};
const notXlsx = (file: string, zh: string, en: string) => appError('not_xlsx', `${zh};${SAVE_AS.zh}`, `${en}; ${SAVE_AS.en}`, { file });

/** What a file that is no zip is, by its first bytes: a PDF, a web page, a CSV or other text; else undefined. */
function plainKind(bytes: Uint8Array, file: string): Error | undefined {
  const head = Buffer.from(bytes.subarray(0, 512));
  if (head.subarray(0, 4).toString('latin1') === '%PDF')
    return notXlsx(file, '这是 PDF 文件,不是 Excel 工作簿', 'This is a PDF file, not an Excel workbook');
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|table|meta)/.test(text) || /^<\?xml[^>]*>\s*<(html|workbook)/.test(text))
    return notXlsx(
      file,
      '这是网页(HTML)或 Excel 2003 XML 表格,只是改了扩展名,不是 .xlsx 工作簿',
      'This is a web page (HTML) or Excel 2003 XML table renamed, not an .xlsx workbook',
    );
  // Text with separators on its first line: a CSV or tab-separated export.
  const firstLine = head.toString('utf8').split(/\r?\n/)[0];
  if (!head.includes(0) && /[,，\t;]/.test(firstLine))
    return notXlsx(
      file,
      '这是 CSV 或文本文件(逗号或制表符分隔),不是 Excel 工作簿',
      'This is a CSV or text file (comma or tab separated), not an Excel workbook',
    );
  return undefined;
}

/** What a zip that holds no workbook.xml is: an OpenDocument spreadsheet, an .xlsb, a Word document. */
function zipKind(entries: ZipEntry[], file: string): Error {
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype');
  const mime = mimetype && mimetype.method === 0 ? mimetype.data.toString('latin1') : '';
  if (mime.includes('opendocument.spreadsheet') || (names.has('content.xml') && names.has('META-INF/manifest.xml')))
    return notXlsx(
      file,
      '这是 OpenDocument 表格(.ods,LibreOffice 或 WPS 的格式),不是 .xlsx 工作簿',
      'This is an OpenDocument spreadsheet (.ods, from LibreOffice or WPS), not an .xlsx workbook',
    );
  if (names.has('xl/workbook.bin'))
    return notXlsx(
      file,
      '这是 Excel 二进制工作簿(.xlsb),不是 .xlsx 工作簿',
      'This is an Excel binary workbook (.xlsb), not an .xlsx workbook',
    );
  if (names.has('word/document.xml'))
    return notXlsx(
      file,
      '这是 Word 文档(.docx),不是 Excel 工作簿;请把其中的表格复制到 Excel 或 WPS 表格中',
      'This is a Word document (.docx), not an Excel workbook; copy its tables into Excel or WPS',
    );
  return appError(
    'not_xlsx',
    '压缩包里没有 Excel 工作簿(缺少 xl/workbook.xml)',
    'A zip file, but not an Excel workbook (no xl/workbook.xml)',
    { file },
  );
}

/** Reads a workbook's entries under the caps, each worksheet filtered as it inflates. */
export async function readEntries(file: WorkbookFile): Promise<Map<string, Buffer>> {
  const head = Buffer.from(file.bytes.subarray(0, 4));
  const isZip = head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head.length === 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  const plain = !isZip && !isOle && file.bytes.length <= LIMITS.fileBytes ? plainKind(file.bytes, file.name) : undefined;
  if (plain) throw plain;
  checkFileKind(file.bytes, file.name);
  const entries = listEntries(file.bytes, file.name);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw zipKind(entries, file.name);
  const budget = { left: LIMITS.uncompressedBytes };
  // Everything but the worksheets first: the sheets' names come from workbook.xml and its rels.
  const out = await inflateAll(entries, budget, file.name, (name) => !isWorksheet(name));
  const names = sheetNames(out);
  let cells = 0;
  for (const entry of entries.filter((e) => isWorksheet(e.name))) {
    const sheet = names.get(entry.name) ?? entry.name;
    const filter = new SheetFilter({ rows: LIMITS.rowsPerSheet, cells: LIMITS.cellsPerWorkbook - cells });
    try {
      await inflateEntry(entry, budget, file.name, (chunk) => filter.push(chunk));
    } catch (e) {
      if (!(e instanceof CapExceeded)) throw e;
      throw e.what === 'rows'
        ? appError(
            'too_many_rows',
            `工作表中有数据的行超过 ${e.limit} 行,拒绝读取`,
            `The sheet has more than ${e.limit} rows with values; refused`,
            { file: file.name, sheet },
          )
        : appError(
            'too_many_cells',
            `工作簿中有数据的单元格超过 ${LIMITS.cellsPerWorkbook} 个,拒绝读取`,
            `The workbook has more than ${LIMITS.cellsPerWorkbook} cells with values; refused`,
            { file: file.name, sheet },
          );
    }
    out.set(entry.name, filter.end());
    cells += filter.counts.cells;
  }
  return out;
}

/** Repairs in place the valid shapes exceljs 4.4.0 cannot load. */
export function repair(entries: Map<string, Buffer>): void {
  const app = entries.get('docProps/app.xml');
  if (app && unreadableAppXml(app.toString('utf8'))) entries.delete('docProps/app.xml');
  const book = entries.get('xl/workbook.xml');
  const fixedBook = book && date1904AsDigit(book.toString('utf8'));
  if (fixedBook) entries.set('xl/workbook.xml', Buffer.from(fixedBook, 'utf8'));
  const styles = entries.get('xl/styles.xml');
  const quoted = styles && quoteEscapedFormatChars(styles.toString('utf8'));
  const fixedStyles = styles && defineCjkDateFormats(quoted || styles.toString('utf8'));
  if (fixedStyles || quoted) entries.set('xl/styles.xml', Buffer.from((fixedStyles || quoted)!, 'utf8'));
  for (const [name, content] of entries) {
    if (name !== 'xl/sharedStrings.xml' && !isWorksheet(name)) continue;
    if (!content.includes('<r>')) continue;
    const fixed = wrapBareTextBeforeRuns(content.toString('utf8'));
    if (fixed) entries.set(name, Buffer.from(fixed, 'utf8'));
  }
}

/** The workbook as exceljs reads it: exactly the entries read above, repaired. */
export async function loadWorkbook(file: WorkbookFile): Promise<ExcelJS.Workbook> {
  const entries = await readEntries(file);
  repair(entries);
  const names = sheetNames(entries);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(storeZip(entries) as unknown as ArrayBuffer);
    keepDrawingTexts(workbook, entries, names);
  } catch (e) {
    if (e instanceof Error && /zip|central directory|signature/i.test(e.message)) throw brokenZip(file.name);
    throw appError(
      'broken_xlsx',
      `无法读取该工作簿(${(e as Error).message}),请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
      `Cannot read this workbook (${(e as Error).message}); open it in Excel or WPS, save it as .xlsx and try again`,
      { file: file.name },
    );
  }
  return workbook;
}
