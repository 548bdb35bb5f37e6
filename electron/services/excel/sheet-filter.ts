// A worksheet's XML as it inflates, chunk by chunk: counts the rows and cells that hold a value
// and refuses the sheet as soon as it passes a cap, before anything is loaded; drops cells and rows
// that hold nothing (borders or fills down to row 65536 are formatting, not rows), so exceljs
// builds no objects for them. One forward pass over the bytes, no regular expressions; what is
// kept is passed on as whole runs of the input, not tag by tag.

export type SheetCaps = { rows: number; cells: number };
export type SheetCounts = { rows: number; cells: number };

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
/** Beyond this, a tag is not a spreadsheet's, and a cell is decided without waiting for its end. */
const MAX_TAG = 1 << 20;
const MAX_HELD_CELL = 1 << 16;

export class CapExceeded extends Error {
  constructor(
    readonly what: 'rows' | 'cells' | 'tag',
    readonly limit: number,
  ) {
    super(`more than ${limit} ${what}`);
  }
}

/** Local tag names the filter cares about, by their bytes (a namespace prefix is ignored). */
const enum Name {
  Other,
  Row,
  Cell,
  Value, // v, f, is: a cell with one of these holds something
}

function nameOf(buf: Buffer, start: number, end: number): Name {
  const length = end - start;
  if (length === 1) {
    const b = buf[start];
    return b === 0x63 /* c */ ? Name.Cell : b === 0x76 /* v */ || b === 0x66 /* f */ ? Name.Value : Name.Other;
  }
  if (length === 2 && buf[start] === 0x69 /* i */ && buf[start + 1] === 0x73 /* s */) return Name.Value;
  if (length === 3 && buf[start] === 0x72 /* r */ && buf[start + 1] === 0x6f /* o */ && buf[start + 2] === 0x77 /* w */) return Name.Row;
  return Name.Other;
}

type Tag = { name: Name; closing: boolean; selfClosing: boolean; end: number };

/**
 * The tag starting at `lt`; null when the buffer ends before its '>'; 'text' when another '<'
 * comes first (not a tag: XML allows '<' neither in names nor in attribute values), so no byte is
 * ever scanned twice.
 */
function readTag(buf: Buffer, lt: number): Tag | null | 'text' {
  let i = lt + 1;
  const closing = buf[i] === SLASH;
  if (closing) i++;
  let local = i;
  for (; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH) break;
    if (b === COLON) local = i + 1;
    else if (b === LT) return 'text';
  }
  if (i >= buf.length) return null;
  const name = nameOf(buf, local, i);
  // The end of the tag: the first '>' outside quotes (attribute values may hold '>').
  let quote = 0;
  for (; i < buf.length; i++) {
    const b = buf[i];
    if (b === LT) return 'text';
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOS) quote = b;
    else if (b === GT) return { name, closing, selfClosing: buf[i - 1] === SLASH, end: i + 1 };
  }
  return null;
}

/** The end of a comment, processing instruction, declaration or CDATA at `lt`; -1 if incomplete, null if none. */
function specialEnd(buf: Buffer, lt: number): number | null {
  const next = buf[lt + 1];
  let close: string;
  if (next === 0x3f /* ? */) close = '?>';
  else if (next !== 0x21 /* ! */) return null;
  else if (buf.toString('latin1', lt, lt + 4) === '<!--') close = '-->';
  else if (buf.toString('latin1', lt, lt + 9) === '<![CDATA[') close = ']]>';
  else close = '>';
  const end = buf.indexOf(close, lt + 2);
  return end < 0 ? -1 : end + close.length;
}

type Piece = Buffer | [number, number];

/**
 * Filters one worksheet's XML. A cell is kept if it holds a value, a formula or an inline string;
 * a row's start tag is held until its first kept cell, and a row with none is dropped whole.
 */
export class SheetFilter {
  readonly counts: SheetCounts = { rows: 0, cells: 0 };
  private readonly out: Buffer[] = [];
  private carry: Buffer | null = null;
  /** The open row's start tag (a copy), while none of its cells was kept. */
  private heldRow: Buffer | null = null;
  private rowHasValue = false;
  /** The open cell: where it starts in this chunk's buffer, whether it was kept, and how deep we are in it. */
  private cell: { start: number; kept: boolean; depth: number } | null = null;
  /** What this chunk passes on: ranges of its buffer (adjacent ones merged) and held row tags. */
  private pieces: Piece[] = [];

  constructor(private readonly caps: SheetCaps) {}

  push(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let pos = 0;
    let hold = -1;
    while (pos < buf.length) {
      const lt = buf.indexOf(LT, pos);
      const textEnd = lt < 0 ? buf.length : lt;
      if (textEnd > pos) this.text(pos, textEnd);
      if (lt < 0) break;
      const special = specialEnd(buf, lt);
      const tag = special === null ? readTag(buf, lt) : null;
      if (tag === 'text') {
        // A stray '<': text up to the next one.
        const next = buf.indexOf(LT, lt + 1);
        this.text(lt, next);
        pos = next;
        continue;
      }
      if (special === -1 || (special === null && !tag)) {
        if (buf.length - lt > MAX_TAG) throw new CapExceeded('tag', MAX_TAG);
        hold = lt;
        break;
      }
      if (special !== null) {
        this.text(lt, special);
        pos = special;
      } else {
        this.tag(buf, lt, tag!);
        pos = tag!.end;
      }
    }
    // What is not decided yet goes with the next chunk and is read again there: an incomplete tag,
    // or a cell not known yet to hold anything.
    if (this.cell && !this.cell.kept) {
      hold = hold < 0 ? this.cell.start : Math.min(hold, this.cell.start);
      this.cell = null;
    }
    if (hold >= 0) this.carry = Buffer.from(buf.subarray(hold));
    for (const piece of this.pieces) this.out.push(Buffer.isBuffer(piece) ? piece : buf.subarray(piece[0], piece[1]));
    this.pieces = [];
  }

  /** The filtered XML. */
  end(): Buffer {
    if (this.carry) this.out.push(this.carry);
    this.carry = null;
    return Buffer.concat(this.out);
  }

  private keep(start: number, end: number): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && !Buffer.isBuffer(last) && last[1] === start) last[1] = end;
    else this.pieces.push([start, end]);
  }

  private releaseRow(): void {
    if (!this.heldRow) return;
    this.pieces.push(this.heldRow);
    this.heldRow = null;
  }

  private text(start: number, end: number): void {
    if (this.cell) {
      if (this.cell.kept) this.keep(start, end);
      else if (end - this.cell.start > MAX_HELD_CELL) this.keepCell(end); // long before any value: kept
    } else if (!this.heldRow) this.keep(start, end); // white space in a row not kept yet goes with it
  }

  private tag(buf: Buffer, lt: number, tag: Tag): void {
    const cell = this.cell;
    if (cell) {
      if (tag.name === Name.Cell && tag.closing) {
        if (cell.kept) this.keep(lt, tag.end);
        this.cell = null;
        return;
      }
      if (!cell.kept && !tag.closing && tag.name === Name.Value && cell.depth === 0) this.keepCell(lt);
      // Long before any value: decided (kept) rather than held, so nothing is read twice.
      else if (!cell.kept && tag.end - cell.start > MAX_HELD_CELL) this.keepCell(lt);
      if (cell.kept) this.keep(lt, tag.end);
      if (tag.closing) cell.depth--;
      else if (!tag.selfClosing) cell.depth++;
      return;
    }
    if (tag.name === Name.Row) {
      if (tag.closing) {
        if (this.heldRow)
          this.heldRow = null; // none of its cells kept: the row goes
        else this.keep(lt, tag.end);
        if (this.rowHasValue && ++this.counts.rows > this.caps.rows) throw new CapExceeded('rows', this.caps.rows);
      } else if (!tag.selfClosing) {
        // (A self-closing row is formatting only.)
        this.rowHasValue = false;
        this.heldRow = Buffer.from(buf.subarray(lt, tag.end));
      }
      return;
    }
    if (tag.name === Name.Cell && !tag.closing) {
      if (!tag.selfClosing) this.cell = { start: lt, kept: false, depth: 0 }; // (a self-closing cell is formatting only)
      return;
    }
    this.releaseRow();
    this.keep(lt, tag.end);
  }

  /** The open cell holds something: count it, and pass on its row's start tag and the cell so far. */
  private keepCell(upTo: number): void {
    if (++this.counts.cells > this.caps.cells) throw new CapExceeded('cells', this.caps.cells);
    this.rowHasValue = true;
    this.releaseRow();
    this.keep(this.cell!.start, upTo);
    this.cell!.kept = true;
  }
}
