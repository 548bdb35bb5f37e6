// The import's own reader of a workbook: just what the import needs — each sheet's values, number
// formats, merges and hidden columns — read from the parts the read stage let through (zip.ts,
// read.ts: the same caps, the same sheet filter, the same repairs), shared strings and styles read
// once, each sheet's XML scanned when its grid is asked for. exceljs builds every cell, style and
// formula of every sheet; this builds the grid and nothing else, several times faster.
//
// exceljs stays the reference: its grid of a workbook (gridOf in cells.ts) and this reader's are the
// same cell for cell (test/unit/services/excel/sheet-reader.test.ts, and every workbook the tests
// read when YANSHOU_CHECK_READER is set). Where this file follows a quirk of exceljs (a value
// decoded twice, `_x000D_` decoded in shared strings but not inline), it is so that both agree.
import { appError } from '../../../shared/errors';
import { GridBuilder, plain, type CellFont, type Grid, type Plain, type Range, type Run } from './cells';
import { sheetDrawingTexts } from './drawings';
import { readEntries, repair, type WorkbookFile } from './read';
import { attr, scanXml, type XmlHandler } from './xml-scan';

/** A sheet of a workbook: its name, whether it is shown, and its grid (read when asked for). */
export type BookSheet = { name: string; state: string; grid: () => Grid };
/** A workbook as the import reads it: its sheets in their order, and the texts of shapes drawn on each (by sheet name). */
export type Book = { sheets: BookSheet[]; drawings?: Map<string, string[]> };

/** The number formats Excel knows by their id, as exceljs names them (xlsx/defaultnumformats.js). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

const NAMED: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };
/** exceljs decodes the text of some values a second time. */
const xmlDecode = (text: string) => text.replace(/&([a-z]*);/g, (c) => NAMED[c] ?? c);
/** Excel's escapes of characters XML cannot hold (`_x000D_`), in shared strings and rich text runs. */
const unescapeX = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A number format that shows a date or time (exceljs's test: then a number is read as a Date). */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const excelToDate = (v: unknown, date1904: boolean) =>
  new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

const parseBoolean = (v: string | undefined) => v === 'true' || v === '1';

/** A shared string: the text it shows, and its runs where a run is struck through or raised (see runMarks in cells.ts). */
type SharedString = { text: string | null; runs?: Run[] };

/** A run's font as far as the import cares: struck through, raised or lowered. */
type RunFont = { strike?: boolean; vertAlign?: string };
/** Reads a run property tag (inside <rPr>) into the run's font; true where it marks the run. */
function runProperty(name: string, raw: string, font: RunFont): boolean {
  if (name === 'strike') {
    const v = attr(raw, 'val');
    font.strike = v === undefined || v === '1' || v === 'true';
    return font.strike;
  }
  if (name === 'vertAlign') {
    font.vertAlign = attr(raw, 'val');
    return font.vertAlign === 'superscript' || font.vertAlign === 'subscript';
  }
  return false;
}

/** The shared strings, each as the text it shows (rich text runs joined, phonetic guides left out). */
function sharedStrings(xml: string): (SharedString | null)[] {
  const out: (SharedString | null)[] = [];
  let inSi = false;
  let phonetic = 0;
  let inRun = false;
  let inT = false;
  let parts: string[] = [];
  let run: Run = {};
  let marked = false;
  let model: string | Run[] | null = null;
  scanXml(xml, {
    open(name, raw) {
      if (name === 'si') {
        inSi = true;
        model = null;
        marked = false;
      } else if (!inSi) return;
      else if (name === 'rPh') phonetic++;
      else if (phonetic) return;
      else if (name === 'r') {
        inRun = true;
        run = { text: '' };
      } else if (name === 't') {
        inT = true;
        parts = [];
      } else if (inRun && runProperty(name, raw, (run.font ??= {}))) marked = true;
    },
    text(t) {
      if (inT) parts.push(t);
    },
    close(name) {
      if (!inSi) return;
      if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (phonetic) return;
      else if (name === 't' && inT) {
        inT = false;
        if (inRun) run.text = unescapeX(parts.join(''));
        else model = unescapeX(parts.join(''));
      } else if (name === 'r' && inRun) {
        inRun = false;
        model = Array.isArray(model) ? [...model, run] : [run];
      } else if (name === 'si') {
        inSi = false;
        const runs = Array.isArray(model) ? (model as Run[]) : undefined;
        const plainText = model as string | null;
        out.push(
          runs
            ? { text: runs.map((r) => r.text ?? '').join(''), ...(marked ? { runs } : {}) }
            : plainText === null
              ? null
              : { text: plainText },
        );
      }
    },
  });
  return out;
}

type Format = { numFmt: string | undefined; code: string | undefined; struck?: boolean };

/** Per cell style (an index into cellXfs), its number format; null where the style does not exist. */
function cellFormats(xml: string): (Format | null)[] {
  const custom = new Map<number, { numFmt: string; code: string }>();
  const ids: number[] = [];
  const fontIds: number[] = [];
  // Fonts struck through, by their index in <fonts>.
  const struckFonts: boolean[] = [];
  let inFonts = false;
  let inXfs = false;
  scanXml(xml, {
    open(name, raw) {
      if (name === 'numFmt') {
        const code = attr(raw, 'formatCode') ?? '';
        custom.set(parseInt(attr(raw, 'numFmtId') ?? '', 10), { numFmt: code.replace(/[\\](.)/g, '$1'), code });
      } else if (name === 'cellXfs') inXfs = true;
      else if (name === 'fonts') inFonts = true;
      else if (name === 'font' && inFonts) struckFonts.push(false);
      else if (name === 'strike' && inFonts) struckFonts[struckFonts.length - 1] = runProperty(name, raw, {});
      else if (name === 'xf' && inXfs) {
        ids.push(parseInt(attr(raw, 'numFmtId') ?? '', 10));
        fontIds.push(parseInt(attr(raw, 'fontId') ?? '', 10));
      }
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
      else if (name === 'fonts') inFonts = false;
    },
    text() {},
  });
  return ids.map((id, i) => {
    const struck = struckFonts[fontIds[i]] === true ? { struck: true } : {};
    if (!id) return { numFmt: undefined, code: undefined, ...struck };
    const own = custom.get(id);
    if (own?.numFmt) return { ...own, ...struck };
    return { numFmt: BUILTIN_FORMATS[id], code: BUILTIN_FORMATS[id], ...struck };
  });
}

/** Column letters → number (A → 1); 0 when the address has none. */
function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i) & ~32;
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (address.charCodeAt(i) !== 36 /* $ */) break;
  }
  return col;
}

function rowOfAddress(address: string): number {
  const m = /\d+$/.exec(address);
  return m ? parseInt(m[0], 10) : 0;
}

function rangeOf(ref: string): Range | null {
  const [a, b = a] = ref.split(':');
  const [c1, r1, c2, r2] = [columnOf(a), rowOfAddress(a), columnOf(b), rowOfAddress(b)];
  if (!c1 || !r1 || !c2 || !r2) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const overlaps = (a: Range, b: Range) => !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);

type RawCell = {
  ref: string | undefined;
  col: number;
  t: string | undefined;
  s: number;
  formula: boolean;
  value: string | undefined;
  runs: Run[] | null;
  /** The formula's text as written, or the master's of a shared formula (see sharedFormula). */
  formulaText?: string;
  shared?: { si: string; master: boolean; ref?: string };
};

type Shared = { strings: (SharedString | null)[]; formats: (Format | null)[]; date1904: boolean };

const unreadable = (file: string, why: string) =>
  appError(
    'broken_xlsx',
    `无法读取该工作簿(${why}),请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
    `Cannot read this workbook (${why}); open it in Excel or WPS, save it as .xlsx and try again`,
    { file },
  );

/** The column of a row's last cell read (0 before the first): a cell without an address follows it. */
function lastKey(row: Map<number, RawCell>): number {
  let last = 0;
  for (const k of row.keys()) last = k;
  return last;
}

/** A column definition of <cols>: the columns it covers and whether they are hidden. */
type ColumnDef = { min: number; max: number; hidden: boolean };

/**
 * What a worksheet's XML holds for its grid, gathered in one scan (the handler of scanXml): its
 * rows of raw cells, merges, cells with a hyperlink, column definitions and hidden rows.
 */
class SheetScan implements XmlHandler {
  readonly rows = new Map<number, Map<number, RawCell>>();
  readonly merges: Range[] = [];
  readonly hyperlinks = new Set<string>();
  readonly cols: ColumnDef[] = [];
  readonly hiddenRows = new Set<number>();
  private inData = false;
  private rowNumber = 0;
  private row: Map<number, RawCell> | null = null;
  private cell: RawCell | null = null;
  /** The part of the cell whose text is being read: its formula, its value or its inline text. */
  private current: 'f' | 'v' | 't' | null = null;
  private inRun = false;
  private runText: string[] = [];
  private runFont: RunFont | undefined;

  constructor(private readonly file: string) {}

  open(tag: string, raw: string): void {
    if (!this.cell) this.openInSheet(tag, raw);
    else if (this.inRun) {
      if (tag === 't') this.runText = [];
      else runProperty(tag, raw, (this.runFont ??= {}));
    } else this.openInCell(this.cell, tag, raw);
  }

  text(t: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.inRun) this.runText.push(t);
    else if (this.current === 'f') {
      cell.formula ||= t !== '';
      cell.formulaText = (cell.formulaText ?? '') + t;
    } else if (this.current === 'v' || this.current === 't') cell.value = cell.value ? cell.value + t : t;
  }

  close(tag: string): void {
    const cell = this.cell;
    if (!cell) {
      if (tag === 'sheetData') this.inData = false;
    } else if (this.inRun) {
      if (tag === 'r') {
        this.inRun = false;
        (cell.runs ??= []).push({ text: unescapeX(this.runText.join('')), ...(this.runFont ? { font: this.runFont } : {}) });
      }
    } else if (tag === 'c') {
      if (cell.col > 0) this.row!.set(cell.col, cell);
      this.cell = null;
    } else if (tag === 'f' || tag === 'v' || tag === 'is' || tag === 't') this.current = null;
  }

  /** A tag inside a cell: its formula (shared or not), its value, its inline text or a rich text run. */
  private openInCell(cell: RawCell, tag: string, raw: string): void {
    if (tag === 'f') {
      this.current = 'f';
      if (attr(raw, 't')) cell.formula = true;
      const si = attr(raw, 't') === 'shared' ? attr(raw, 'si') : undefined;
      if (si !== undefined) cell.shared = { si, master: attr(raw, 'ref') !== undefined, ref: attr(raw, 'ref') };
    } else if (tag === 'v') this.current = 'v';
    else if (tag === 't') this.current = 't';
    else if (tag === 'r') {
      this.inRun = true;
      this.runText = [];
      this.runFont = undefined;
    }
  }

  /** A tag outside the cells: the sheet's data, a row, a cell, a merge, a hyperlink or a column definition. */
  private openInSheet(tag: string, raw: string): void {
    if (tag === 'sheetData') this.inData = true;
    else if (this.inData && tag === 'row') this.openRow(raw);
    else if (this.inData && tag === 'c' && this.row) this.openCell(this.row, raw);
    else if (tag === 'mergeCell') {
      const m = rangeOf(attr(raw, 'ref') ?? '');
      if (m) {
        if (this.merges.some((o) => overlaps(o, m))) throw unreadable(this.file, 'Cannot merge already merged cells');
        this.merges.push(m);
      }
    } else if (tag === 'hyperlink') {
      const ref = attr(raw, 'ref');
      if (ref && attr(raw, 'r:id') !== undefined) this.hyperlinks.add(ref);
    } else if (tag === 'col') {
      this.cols.push({
        min: parseInt(attr(raw, 'min') ?? '', 10),
        max: parseInt(attr(raw, 'max') ?? '', 10),
        hidden: parseBoolean(attr(raw, 'hidden')),
      });
    }
  }

  private openRow(raw: string): void {
    const r = attr(raw, 'r');
    this.rowNumber = r === undefined ? this.rowNumber + 1 : parseInt(r, 10);
    // A row given twice: the later one stands, as in exceljs.
    this.row = new Map();
    this.rows.set(this.rowNumber, this.row);
    if (parseBoolean(attr(raw, 'hidden'))) this.hiddenRows.add(this.rowNumber);
  }

  private openCell(row: Map<number, RawCell>, raw: string): void {
    const ref = attr(raw, 'r');
    const s = attr(raw, 's');
    this.cell = {
      ref,
      col: ref ? columnOf(ref) : lastKey(row) + 1,
      t: attr(raw, 't'),
      s: s ? parseInt(s, 10) : 0,
      formula: false,
      value: undefined,
      runs: null,
    };
    this.current = null;
  }
}

/** A shared formula's dependents hold none of their own: each is given the master's, moved by its distance from it. */
function spreadSharedFormulas(rows: Map<number, Map<number, RawCell>>): void {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const [r, cells] of rows)
    for (const c of cells.values())
      if (c.shared?.master && c.formulaText) masters.set(c.shared.si, { formula: c.formulaText, row: r, col: c.col });
  if (masters.size)
    for (const [r, cells] of rows)
      for (const c of cells.values()) {
        const m = c.shared && !c.formulaText ? masters.get(c.shared.si) : undefined;
        if (m) c.formulaText = sharedFormula(m.formula, r - m.row, c.col - m.col);
      }
}

/** The scanned cells put into the grid row by row in order, each read as exceljs reads it; a merge's covered cells left out. */
function addCells(grid: GridBuilder, scan: SheetScan, shared: Shared, file: string): void {
  const merges = scan.merges;
  // Every cell of a merge but its top-left one shows the merge's value, not its own.
  const merged = (r: number, c: number) =>
    merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  for (const r of [...scan.rows.keys()].sort((a, b) => a - b)) {
    const cells = scan.rows.get(r)!;
    for (const c of [...cells.keys()].sort((a, b) => a - b)) {
      if (merges.length && merged(r, c)) continue;
      const raw = cells.get(c)!;
      const format = raw.s ? shared.formats[raw.s] : undefined;
      const p = plainOf(raw, format, shared, scan.hyperlinks.has(raw.ref ?? ''), file);
      if (p) grid.add(r, c, colLetters(c) + r, p, format?.numFmt, format?.code, fontOf(raw, format, shared));
    }
    if (scan.hiddenRows.has(r)) grid.hideRow(r);
  }
}

/**
 * The hidden columns as exceljs lays the definitions out: in order of their first column, an
 * overlapping one starting where the previous ended.
 */
function hiddenColumns(cols: ColumnDef[]): Set<number> {
  const hidden = new Set<number>();
  let count = 1;
  for (const col of cols.sort((a, b) => a.min - b.min)) {
    if (count < col.min) count = col.min;
    for (; count <= col.max && count <= 16_384; count++) if (col.hidden) hidden.add(count);
  }
  return hidden;
}

/** One worksheet's grid from its XML. */
export function sheetGrid(name: string, xml: string, shared: Shared, file: string): Grid {
  const scan = new SheetScan(file);
  scanXml(xml, scan);
  spreadSharedFormulas(scan.rows);
  const grid = new GridBuilder(name, scan.merges);
  addCells(grid, scan, shared, file);
  const hidden = hiddenColumns(scan.cols);
  return grid.done((c) => hidden.has(c));
}

/** A cell's runs (a rich text value) and whether its font strikes it through, for runMarks in cells.ts. */
function fontOf(raw: RawCell, format: Format | null | undefined, shared: Shared): CellFont | undefined {
  const runs = raw.runs ?? (raw.t === 's' && !raw.formula ? shared.strings[parseInt(raw.value ?? '', 10)]?.runs : undefined);
  if (!runs && !format?.struck) return undefined;
  return { runs: runs ?? undefined, struck: format?.struck === true };
}

/** A formula moved `rows` down and `cols` right: its relative references move with it ($ holds a row or column). */
function sharedFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(/("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Z])/g, (whole, quoted, colFixed, letters, rowFixed, digits) => {
    if (quoted) return whole;
    const col = colFixed ? columnOf(letters) : columnOf(letters) + cols;
    const row = rowFixed ? Number(digits) : Number(digits) + rows;
    return col > 0 && row > 0 ? `${colFixed}${colLetters(col)}${rowFixed}${row}` : whole;
  });
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell's value as exceljs reads it (cell-xform.js), or null for a cell that holds none. */
function plainOf(raw: RawCell, format: Format | null | undefined, shared: Shared, hyperlink: boolean, file: string): Plain | null {
  const value = raw.runs ? undefined : raw.value;
  if (raw.formula) {
    let result: unknown;
    if (value)
      result =
        raw.t === 'str'
          ? xmlDecode(value)
          : raw.t === 'b'
            ? parseInt(value, 10) !== 0
            : raw.t === 'e'
              ? { error: value }
              : parseFloat(value);
    if (result !== undefined && format && isDateFmt(format.numFmt)) result = excelToDate(result, shared.date1904);
    // A formula cell with a hyperlink is read as a link showing the formula's result.
    if (hyperlink) return plain(result);
    if (result === undefined || result === null)
      return { value: null, isFormula: true, noResult: true, ...(raw.formulaText ? { formula: raw.formulaText } : {}) };
    return { ...plain(result), isFormula: true, noResult: false };
  }
  if (raw.value === undefined && !raw.runs) return null;
  let v: unknown;
  switch (raw.t) {
    case 's': {
      const s = shared.strings[parseInt(raw.value ?? '', 10)];
      if (s === undefined) throw unreadable(file, "Cannot read properties of undefined (reading 'richText')");
      v = s === null ? null : s.text;
      break;
    }
    case 'str':
      v = raw.runs ? raw.runs.map((x) => x.text).join('') : xmlDecode(raw.value!);
      break;
    case 'inlineStr':
      v = raw.runs ? raw.runs.map((x) => x.text).join('') : raw.value;
      break;
    case 'b':
      v = parseInt(raw.value ?? '', 10) !== 0;
      break;
    case 'e':
      v = { error: raw.value };
      break;
    default:
      v = raw.runs ? NaN : parseFloat(raw.value!);
      if (format && isDateFmt(format.numFmt)) v = excelToDate(v, shared.date1904);
  }
  return plain(v);
}

/** The worksheets of workbook.xml that exceljs would load, in their order: name, state and part. */
function worksheetsOf(entries: Map<string, Buffer>): { name: string; state: string; part: string }[] {
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = entries.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  scanXml(rels, {
    open(name, raw) {
      if (name === 'Relationship') targets.set(attr(raw, 'Id') ?? '', attr(raw, 'Target') ?? '');
    },
    close() {},
    text() {},
  });
  const sheets: { id: number; name: string; state: string; part: string | undefined }[] = [];
  scanXml(workbook, {
    open(name, raw) {
      if (name !== 'sheet') return;
      const target = targets.get(attr(raw, 'r:id') ?? '');
      sheets.push({
        id: parseInt(attr(raw, 'sheetId') ?? '', 10),
        name: xmlDecode(attr(raw, 'name') ?? ''),
        state: attr(raw, 'state') || 'visible',
        part: target === undefined ? undefined : `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`,
      });
    },
    close() {},
    text() {},
  });
  // exceljs keeps one sheet per sheetId (the later), in the order of the first with that id.
  const firstWithId = new Map<number, number>();
  sheets.forEach((s, i) => firstWithId.has(s.id) || firstWithId.set(s.id, i));
  const byId = new Map<number, { order: number; name: string; state: string; part: string }>();
  sheets.forEach((s) => {
    if (!s.part || !entries.has(s.part) || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(s.part) || !(s.id >= 1)) return;
    byId.set(s.id, { order: firstWithId.get(s.id)!, name: s.name, state: s.state, part: s.part });
  });
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

/** Reads a workbook under the caps of the read stage; each sheet's grid is made when asked for. */
export async function readBook(file: WorkbookFile): Promise<Book> {
  const entries = await readEntries(file);
  repair(entries);
  try {
    const book = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(book);
    const shared: Shared = {
      strings: sharedStrings(entries.get('xl/sharedStrings.xml')?.toString('utf8') ?? ''),
      formats: cellFormats(entries.get('xl/styles.xml')?.toString('utf8') ?? ''),
      date1904: pr ? attr(pr[0].slice(1, -1), 'date1904') === '1' : false,
    };
    const worksheets = worksheetsOf(entries);
    const drawings = new Map<string, string[]>();
    for (const s of worksheets) {
      const texts = sheetDrawingTexts(entries, s.part);
      if (texts.length) drawings.set(s.name, texts);
    }
    return {
      drawings,
      sheets: worksheets.map((s) => ({
        name: s.name,
        state: s.state,
        grid: () => sheetGrid(s.name, entries.get(s.part)!.toString('utf8'), shared, file.name),
      })),
    };
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw unreadable(file.name, (e as Error).message);
  }
}
