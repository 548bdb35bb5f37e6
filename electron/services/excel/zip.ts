// The zip container of a workbook, read by one reader: what a file is (by its bytes), its entries
// from the central directory checked against their local headers, each inflated as a stream under
// a byte budget (a zip bomb cannot lie about its size), and a plain (stored) zip written back of
// exactly the entries read, which is all exceljs ever sees.
import zlib from 'node:zlib';
import { appError, type ErrorPlace } from '../../../shared/errors';

export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  uncompressedBytes: 400 * 1024 * 1024,
  entries: 20_000,
  /** Rows that hold a value, per sheet; formatting alone does not count. */
  rowsPerSheet: 50_000,
  /** Cells that hold a value, in the whole workbook. */
  cellsPerWorkbook: 1_000_000,
  /** The heap a workbook's reading may use, and how long it may take. */
  memoryMb: 1536,
  seconds: 120,
};

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Refuses what is not an xlsx workbook, by its bytes, with a message naming the file. */
export function checkFileKind(bytes: Uint8Array, file: string): void {
  const place: ErrorPlace = { file };
  const head = Buffer.from(bytes.subarray(0, 8));
  if (bytes.length > LIMITS.fileBytes)
    throw appError(
      'file_too_large',
      `文件过大(${mb(bytes.length)} MB,上限 ${mb(LIMITS.fileBytes)} MB)`,
      `The file is too large (${mb(bytes.length)} MB, at most ${mb(LIMITS.fileBytes)} MB)`,
      place,
    );
  if (head.equals(OLE2))
    throw appError(
      'old_format',
      '这是旧版 .xls 或 WPS .et 文件,请在 Excel 或 WPS 中“另存为” .xlsx 后再导入',
      'This is an old .xls or WPS .et file; save it as .xlsx in Excel or WPS, then import that',
      place,
    );
  if (!head.subarray(0, 4).equals(ZIP)) throw appError('not_xlsx', '不是 Excel 工作簿(.xlsx)', 'Not an Excel workbook (.xlsx)', place);
}

export const brokenZip = (file: string, why: { zh: string; en: string } = { zh: '', en: '' }) =>
  appError(
    'broken_xlsx',
    `工作簿已损坏或不完整,无法读取${why.zh ? `(${why.zh})` : ''}`,
    `The workbook is damaged or incomplete${why.en ? ` (${why.en})` : ''}`,
    { file },
  );

export const tooLargeUncompressed = (file: string) =>
  appError(
    'too_large_uncompressed',
    `工作簿解压后超过 ${mb(LIMITS.uncompressedBytes)} MB,拒绝读取`,
    `The workbook expands to more than ${mb(LIMITS.uncompressedBytes)} MB; refused`,
    { file },
  );

export type ZipEntry = { name: string; method: 0 | 8; data: Buffer };

/**
 * A part's name as exceljs will know it, so that every check finds the parts exceljs finds: JSZip
 * (inside exceljs) resolves `.`, `..` and empty segments of each name, and exceljs drops a leading `/`.
 */
export function partName(raw: string): string {
  const parts = raw.split('/');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) return;
    if (part === '..') out.pop();
    else out.push(part);
  });
  return out.join('/').replace(/^\/+/, '');
}

/**
 * Whether exceljs 4.4 reads a part as a worksheet: its own test (lib/xlsx/xlsx.js), a match anywhere in
 * the name — `xl/worksheets/sheet1.xml ` (a trailing space) and `a/xl/worksheets/sheet1.xml` are worksheets to it.
 */
export const readAsWorksheet = (name: string) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(name);

/** Parts up to this compressed size are inflated in one call, up to the second size. */
const SMALL_PART = 256 * 1024;
const SMALL_PART_INFLATED = 8 * 1024 * 1024;

/**
 * The entries of a zip, from its central directory, each checked against its local header (same
 * name, method and place), so that no other reader could find different entries in the same bytes.
 */
export function listEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (zh: string, en: string) => brokenZip(file, { zh, en });
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw brokenZip(file);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  // zip64 or more entries than any workbook: larger than anything accepted.
  if (count === 0xffff || p === 0xffffffff || count > LIMITS.entries) throw tooLargeUncompressed(file);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw brokenZip(file);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const rawName = buf.subarray(p + 46, p + 46 + nameLength);
    const name = partName(rawName.toString('utf8'));
    p += 46 + nameLength + extraLength + commentLength;
    if (name === '' || name.endsWith('/')) continue;
    if (flags & 1)
      throw appError(
        'encrypted_xlsx',
        '工作簿有密码保护,请先在 Excel 或 WPS 中取消密码后再导入',
        'The workbook is password-protected; remove the password in Excel or WPS, then import it',
        { file },
      );
    if (method !== 0 && method !== 8) throw broken(`不支持的压缩方式 ${method}`, `unsupported compression method ${method}`);
    if (seen.has(name)) throw broken(`有两个名为 ${name} 的部分`, `two parts are named ${name}`);
    seen.add(name);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw brokenZip(file);
    const localNameLength = buf.readUInt16LE(local + 26);
    if (buf.readUInt16LE(local + 8) !== method || !buf.subarray(local + 30, local + 30 + localNameLength).equals(rawName))
      throw broken(`${name} 的目录与内容不一致`, `the directory and the content of ${name} disagree`);
    const start = local + 30 + localNameLength + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw brokenZip(file);
    entries.push({ name, method: method as 0 | 8, data: buf.subarray(start, start + compressed) });
  }
  return entries;
}

/**
 * Inflates one entry as a stream, handing each chunk to `sink` (which may throw to stop early),
 * never past `budget` bytes in all.
 */
export async function inflateEntry(entry: ZipEntry, budget: { left: number }, file: string, sink: (chunk: Buffer) => void): Promise<void> {
  const take = (chunk: Buffer) => {
    budget.left -= chunk.length;
    if (budget.left < 0) throw tooLargeUncompressed(file);
    sink(chunk);
  };
  if (entry.method === 0) return take(entry.data);
  // Most parts are small: inflated at once, but never past a small ceiling; a part that would pass
  // it (large, or a bomb) is inflated as a stream instead, chunk by chunk under the budget.
  if (entry.data.length <= SMALL_PART) {
    let whole: Buffer | null = null;
    try {
      whole = zlib.inflateRawSync(entry.data, { maxOutputLength: SMALL_PART_INFLATED });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw brokenZip(file);
    }
    if (whole) return take(whole);
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    inflate.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (e) {
        inflate.destroy();
        reject(e);
      }
    });
    inflate.on('error', () => reject(brokenZip(file)));
    inflate.on('end', resolve);
    inflate.end(entry.data);
  });
}

/** A zip of `entries`, stored without compression (quick to write and for exceljs to read). */
export function storeZip(entries: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
