// The read stage of the import: the bytes of a file → an exceljs workbook, bounded before anything
// is loaded. What a file is (by its bytes); its zip entries, read once; each worksheet inflated as a
// stream through the sheet filter, which counts the rows and cells that hold values and refuses the
// sheet the moment it passes a cap; the repairs exceljs needs; and then exceljs reads exactly those
// entries (a stored zip of them), nothing else.
import type ExcelJS from 'exceljs';
import { appError } from '../../../shared/errors';
import { attributes, date1904AsDigit, defineCjkDateFormats, quoteEscapedFormatChars, unreadableAppXml, wrapBareTextBeforeRuns } from './repairs';
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
const isWorksheet = (name: string) => readAsWorksheet(name) || (name.startsWith('xl/worksheets/') && name.endsWith('.xml') && !name.slice('xl/worksheets/'.length).includes('/'));

async function inflateAll(entries: ZipEntry[], budget: { left: number }, file: string, only: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => only(e.name))) {
    const chunks: Buffer[] = [];
    await inflateEntry(entry, budget, file, (c) => chunks.push(c));
    out.set(entry.name, Buffer.concat(chunks));
  }
  return out;
}

/** Reads a workbook's entries under the caps, each worksheet filtered as it inflates. */
export async function readEntries(file: WorkbookFile): Promise<Map<string, Buffer>> {
  checkFileKind(file.bytes, file.name);
  const entries = listEntries(file.bytes, file.name);
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw appError('not_xlsx', '压缩包里没有 Excel 工作簿(缺少 xl/workbook.xml)', 'A zip file, but not an Excel workbook (no xl/workbook.xml)', { file: file.name });
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
        ? appError('too_many_rows', `工作表中有数据的行超过 ${e.limit} 行,拒绝读取`, `The sheet has more than ${e.limit} rows with values; refused`, { file: file.name, sheet })
        : appError('too_many_cells', `工作簿中有数据的单元格超过 ${LIMITS.cellsPerWorkbook} 个,拒绝读取`, `The workbook has more than ${LIMITS.cellsPerWorkbook} cells with values; refused`, { file: file.name, sheet });
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
