// A guard in front of exceljs: recognises what a file is by its bytes, inflates every zip entry
// under hard caps (zip bombs), and repairs the few valid shapes exceljs 4.4.0 cannot load.
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { appError, type ErrorPlace } from '../../../shared/errors';

export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  uncompressedBytes: 400 * 1024 * 1024,
  entries: 20_000,
  rowsPerSheet: 50_000,
  rowsPerWorkbook: 500_000,
};

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses what is not an xlsx workbook, by its bytes, with a message naming the file. */
export function checkFileKind(bytes: Uint8Array, file: string): void {
  const place: ErrorPlace = { file };
  const head = Buffer.from(bytes.subarray(0, 8));
  if (bytes.length > LIMITS.fileBytes)
    throw appError('file_too_large', `文件过大(${mb(bytes.length)} MB,上限 ${mb(LIMITS.fileBytes)} MB)`, `The file is too large (${mb(bytes.length)} MB, at most ${mb(LIMITS.fileBytes)} MB)`, place);
  if (head.equals(OLE2))
    throw appError('old_format', '这是旧版 .xls 或 WPS .et 文件,请在 Excel 或 WPS 中“另存为” .xlsx 后再导入', 'This is an old .xls or WPS .et file; save it as .xlsx in Excel or WPS, then import that', place);
  if (!head.subarray(0, 4).equals(ZIP))
    throw appError('not_xlsx', '不是 Excel 工作簿(.xlsx)', 'Not an Excel workbook (.xlsx)', place);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

export type ZipEntries = Map<string, Buffer>;

/** Reads the central directory and inflates each entry, never past the caps. */
export function readZip(bytes: Uint8Array, file: string): ZipEntries {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = () => appError('broken_xlsx', '工作簿已损坏或不完整,无法读取', 'The workbook is damaged or incomplete', { file });
  const bomb = () =>
    appError('too_large_uncompressed', `工作簿解压后超过 ${mb(LIMITS.uncompressedBytes)} MB,拒绝读取`, `The workbook expands to more than ${mb(LIMITS.uncompressedBytes)} MB; refused`, { file });
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw bomb(); // zip64: larger than any workbook we accept
  if (count > LIMITS.entries) throw bomb();
  const entries: ZipEntries = new Map();
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw broken();
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw broken();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    const budget = LIMITS.uncompressedBytes - total;
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw bomb();
        throw broken();
      }
    } else throw broken();
    total += content.length;
    if (total > LIMITS.uncompressedBytes) throw bomb();
    entries.set(name, content);
  }
  return entries;
}

/** Built-in number formats that are dates in Chinese locales, which exceljs does not know. */
const CJK_DATE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  34: 'yyyy"年"m"月"', 35: 'm"月"d"日"', 36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: 'yyyy"年"m"月"', 56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Gives the CJK built-in date formats a definition, so exceljs reads those cells as dates. */
function defineCjkDateFormats(styles: string): string | null {
  const used = new Set<number>();
  const xfs = /<cellXfs[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? '';
  for (const m of xfs.matchAll(/numFmtId="(\d+)"/g)) if (CJK_DATE_FORMATS[Number(m[1])]) used.add(Number(m[1]));
  const defined = new Set([...styles.matchAll(/<numFmt [^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const missing = [...used].filter((id) => !defined.has(id));
  if (missing.length === 0) return null;
  const defs = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(CJK_DATE_FORMATS[id])}"/>`).join('');
  if (/<numFmts[^>]*\/>/.test(styles)) return styles.replace(/<numFmts[^>]*\/>/, `<numFmts count="${missing.length}">${defs}</numFmts>`);
  if (/<numFmts[^>]*>/.test(styles)) return styles.replace(/<\/numFmts>/, `${defs}</numFmts>`);
  return styles.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="${missing.length}">${defs}</numFmts>`);
}

/** `<si><t>x</t><r>…</r></si>` is valid, but exceljs (#3079) throws on it: make the bare text a run. */
function wrapBareTextBeforeRuns(xml: string): string | null {
  const fixed = xml.replace(/<(si|is)>(\s*)(<t(?:\s[^>]*)?\/>|<t(?:\s[^>]*)?>[^<]*<\/t>)(?=\s*<r>)/g, (_m, tag: string, ws: string, t: string) => `<${tag}>${ws}<r>${t}</r>`);
  return fixed === xml ? null : fixed;
}

/** Returns the bytes exceljs should load: the original, or a repaired copy when needed. */
export async function prepareForExcelJs(bytes: Uint8Array, entries: ZipEntries): Promise<Uint8Array> {
  const replaced = new Map<string, string | null>();
  const app = entries.get('docProps/app.xml')?.toString('utf8');
  // exceljs reads app.xml only for company/manager, and crashes on prefixed or odd ones.
  if (app !== undefined && !/<Properties[\s>]/.test(app)) replaced.set('docProps/app.xml', null);
  const styles = entries.get('xl/styles.xml')?.toString('utf8');
  const fixedStyles = styles && defineCjkDateFormats(styles);
  if (fixedStyles) replaced.set('xl/styles.xml', fixedStyles);
  for (const [name, content] of entries) {
    if (name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const text = content.toString('utf8');
      if (!text.includes('<r>')) continue;
      const fixed = wrapBareTextBeforeRuns(text);
      if (fixed) replaced.set(name, fixed);
    }
  }
  if (replaced.size === 0) return bytes;
  const zip = new JSZip();
  for (const [name, content] of entries) {
    if (!replaced.has(name)) zip.file(name, content);
    else if (replaced.get(name) !== null) zip.file(name, replaced.get(name)!);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
