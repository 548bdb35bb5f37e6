// Reading a workbook into county records (the import's read stage, run on the import worker: see
// isolated.ts): each sheet's grid located, read and checked, counties assembled from their blocks,
// every finding pinned to file, sheet and cell. Nothing here touches the data file: planning and
// writing are import.ts's.
import type ExcelJS from 'exceljs';
import { finding, isDoubt, type Finding } from '../../../shared/findings';
import { countyKey, fold } from '../../../shared/text';
import { colName, gridOf, holdsNumber, statedUnit, unitOf, type Cell, type Grid } from './cells';
import { META_SCHEMA, META_SHEET, type SheetMeta } from './layout';
import { locate, type Block, type SheetLayout } from './locate';
import { account } from './account';
import { assemble, type ReadRecord } from './assemble';
import { readBook, type Book, type BookSheet } from './sheet-reader';
import type { WorkbookFile } from './read';
import {
  notACounty,
  rollupCountiesMissing,
  rollupMismatches,
  rollupShape,
  sheetNotRead,
  summaryOnly,
  tabNamesOther,
  totalsRollup,
  totalsSaid,
  type Rollup,
} from './sheet-kind';
import {
  correctedGrid,
  isEmptyCorrection,
  layoutKey,
  localized,
  portable,
  type LayoutCorrection,
  type SheetCorrection,
} from './corrections';
import { doubtsOf, figuresAt, seenText, sheetReading, type SeenOf } from './doubts';
import { unreadHeader, unreadHeaderAbove } from './header';
import { countiesNamed } from './facts';
import { drawingTexts } from './drawings';
import { bookUnit, type BookUnit } from './book-unit';
import type { SheetReading } from '../../../shared/doubts';
import { maxOf, pushAll } from '../../../shared/arrays';
import { attachPerformance, isPerformanceSheet, readPerformanceSheet, splitPerformance, type PerformanceRead } from './performance';
import type { PerformanceMeta } from './performance-export';

function readMeta(book: Book): Map<string, SheetMeta> {
  const meta = new Map<string, SheetMeta>();
  const sheet = book.sheets.find((s) => s.name === META_SHEET);
  const grid = sheet?.grid();
  const text = (r: number, c: number) => grid?.at(r, c)?.text ?? '';
  if (!grid || text(1, 1) !== META_SCHEMA) return meta;
  for (const r of grid.rows) {
    if (r === 1) continue;
    try {
      meta.set(text(r, 1), JSON.parse(text(r, 2)) as SheetMeta);
    } catch {
      // A damaged metadata row only loses what the visible cells cannot say.
    }
  }
  return meta;
}

/** A person's corrections of sheets, and the corrections remembered for layouts (by layout key). */
export type ReadOptions = { corrections?: SheetCorrection[]; remembered?: Record<string, LayoutCorrection> };

/** Reads every county of one workbook (on the import worker: see isolated.ts). */
export async function readWorkbook(file: WorkbookFile, options: ReadOptions = {}): Promise<ReadRecord[]> {
  // The tests may ask that every workbook they import be read by exceljs too, and the grids compared.
  if (process.env.YANSHOU_CHECK_READER) {
    const { readerDifferences } = await import('./reader-check');
    const differences = await readerDifferences(file);
    if (differences.length) throw new Error(`the two readers differ:\n${differences.join('\n')}`);
  }
  return readBookRecords(await readBook(file), file.name, options);
}

/** Every county of a workbook loaded by exceljs (the reference reader). */
export function readLoadedWorkbook(workbook: ExcelJS.Workbook, file: string, options: ReadOptions = {}): ReadRecord[] {
  const sheets = workbook.worksheets.map((s) => ({ name: s.name, state: s.state, grid: () => gridOf(s) }));
  return readBookRecords({ sheets, drawings: drawingTexts(workbook) }, file, options);
}

const OWN_SUMMARY_SHEETS = new Set(['汇总']);

/** What the sheets of a workbook yield, gathered sheet by sheet before the counties are put together. */
type SheetsRead = {
  /** The visible sheets read as a county's (each grid made, read and let go: a thousand sheets are never all held). */
  sheets: BookSheet[];
  blocks: Block[];
  blockFindings: Map<Block, Finding[]>;
  /** Every sheet read as a county's, as the person sees it read (to correct it). */
  readings: Map<string, SheetReading>;
  /** Findings of a sheet as a whole (what its drawings say), given to the county the sheet is part of. */
  sheetFindings: Finding[];
  /** Sheets not read, each told once: hidden, no county's, or yielding nothing but holding numbers. */
  ignoredSheets: Finding[];
  /** Sheets that add counties up (a roll-up), checked against the counties' own figures. */
  rollups: { sheet: string; shape: Rollup }[];
  /** 四、绩效自评: a 绩效自评表 sheet is a county's performance part, read by its own reader (performance.ts). */
  performanceReads: PerformanceRead[];
  /** Tables no county's name claims: where their title or sheet says they add others up (合计, 总表). */
  totalsWords: Map<Block, string | undefined>;
  /**
   * What each 实际 cell of a table 三 showed (by sheet and cell), kept from the sheet's one read: every
   * county's figures carry them (actuals), and making each grid again for them cost a sixth of the reading.
   */
  seen: Map<string, string>;
};

/** The workbook being read: its file, its hidden metadata (our export's), the person's corrections and its drawings. */
type BookContext = {
  file: string;
  meta: Map<string, SheetMeta>;
  options: ReadOptions;
  drawings: Map<string, string[]> | undefined;
  /** The unit the workbook's 说明 sheet states, for the county sheets that state none. */
  unit?: BookUnit;
};

/** Every county of a workbook; each finding pinned to file, sheet and cell. */
export function readBookRecords(book: Book, file: string, options: ReadOptions = {}): ReadRecord[] {
  const meta = readMeta(book);
  // Yanshou's own 汇总 sheet (an export of several counties) repeats what the county sheets say.
  const own = (name: string) => meta.size > 0 && OWN_SUMMARY_SHEETS.has(fold(name));
  const readable = book.sheets.filter((s) => s.name !== META_SHEET && !own(s.name));
  const visible = readable.filter((s) => s.state === 'visible');
  const read: SheetsRead = {
    sheets: [],
    blocks: [],
    blockFindings: new Map(),
    readings: new Map(),
    sheetFindings: [],
    ignoredSheets: [],
    rollups: [],
    performanceReads: [],
    totalsWords: new Map(),
    seen: new Map(),
  };
  for (const sheet of readable) if (sheet.state !== 'visible') tellHiddenSheet(sheet, file, read);
  const noted = bookUnit(visible, file);
  const context: BookContext = { file, meta, options, drawings: book.drawings, unit: noted.unit };
  for (const sheet of visible) readVisibleSheet(sheet, context, read);
  const counties = countiesOf(read.blocks);
  const { refused, strays, nameless } = placeBlocks(file, read, counties);
  // What the clerk saw in the cells a doubt is about: kept from the first read, else the sheet's grid made again.
  const seen = seenAgain(visible, read.seen);
  const { records, partsOf } = countyRecords(context, read, counties, seen);
  for (const r of records) r.findings = r.findings.map((f) => (f.code === 'missing_table' ? withHeaderAbove(f, visible) : f));
  const out = [...refused, ...records];
  checkRollups(file, read, out, partsOf, seen);
  const unnamed = checkTotals(file, nameless, out, read, partsOf, seen);
  const all = finished(file, [...unnamed, ...out], read, strays);
  // A 绩效自评表 whose money is several times its county's (a province's, or 元 read as 万元) holds the county as a doubt.
  for (const r of all) {
    const far = r.findings.filter((f) => f.code === 'perf_funds_differs' && isDoubt(f));
    if (far.length) pushAll((r.doubts ??= []), doubtsOf(seen, far, partsOf.get(r) ?? [], r.input, r.county));
    // 说明 sheets naming two units: every county read is held until a person has looked.
    if (noted.conflict && r.input) {
      r.findings.push(noted.conflict);
      pushAll((r.doubts ??= []), doubtsOf(seen, [noted.conflict], partsOf.get(r) ?? [], r.input, r.county));
    }
  }
  return all;
}

/**
 * A sheet that is no county's (a roll-up, a cover, 填表说明, a 拨付明细表): told once, never read;
 * a roll-up's figures are kept, to be checked against the counties'.
 */
function notCounty(sheet: { name: string }, layout: SheetLayout, file: string, read: SheetsRead): boolean {
  const kind = notACounty(sheet.name, layout);
  if (!kind) return false;
  read.ignoredSheets.push(sheetNotRead(file, sheet.name, kind.kind, kind.cell));
  const shape = kind.shape ?? (kind.kind === 'rollup' ? rollupShape(layout.grid) : undefined);
  if (shape) read.rollups.push({ sheet: sheet.name, shape });
  return true;
}

/**
 * A hidden sheet is not read, never quietly: one holding a table or a ledger is refused (which is
 * meant, it or its visible twin, no reader can tell); one holding other numbers is told.
 */
function tellHiddenSheet(sheet: BookSheet, file: string, read: SheetsRead): void {
  const layout = locate(sheet.grid(), file);
  if (notCounty(sheet, layout, file, read)) return;
  const table = layout.blocks.flatMap((b) => b.tables)[0];
  const first = firstNumber(layout.grid);
  if (table) read.ignoredSheets.push({ ...finding('hidden_table', {}), file, sheet: sheet.name, cell: table.header.nameCell.address });
  else if (first)
    read.ignoredSheets.push({
      ...finding('ignored_cell', { value: first.text, reason: 'hidden' }),
      file,
      sheet: sheet.name,
      cell: first.address,
    });
}

/** A visible sheet: a county's performance part, a sheet that is no county's, or a county's sheet read into its blocks. */
function readVisibleSheet(sheet: BookSheet, context: BookContext, read: SheetsRead): void {
  const { file, meta } = context;
  const whole = sheet.grid();
  if (isPerformanceSheet(sheet.name, whole)) {
    read.performanceReads.push(
      readPerformanceSheet(whole, file, (meta.get(sheet.name) as Partial<PerformanceMeta> | undefined)?.performance),
    );
    return;
  }
  // A 绩效自评表 under the county's tables (a 公示 page) is read as its performance part.
  const { county: raw, performance } = splitPerformance(whole);
  if (performance) read.performanceReads.push(readPerformanceSheet(performance, file, undefined));
  read.sheets.push(sheet);
  const firstRead = locate(raw, file, undefined, context.unit);
  if (notCounty(sheet, firstRead, file, read)) return;
  const { key, applied, corrected, layout } = correctedLayout(sheet.name, raw, firstRead, context);
  // Every sheet read as a county's gets its reading — one where no table was found too, so the
  // person can point at the header rows the reader did not make out.
  read.readings.set(sheet.name, sheetReading(raw, file, key, layout.tables, applied, leftOutRows(raw, corrected)));
  keepSeenActuals(raw, sheet.name, layout, read.seen);
  pushAll(read.sheetFindings, drawingFindings(context.drawings?.get(sheet.name) ?? [], layout, file, sheet.name));
  pushAll(layout.findings, corrected.findings);
  pushAll(layout.findings, hiddenColumnFindings(raw, layout, file, sheet.name));
  // Our own export keeps the stored name; it stands in only where the visible cells name none.
  const metaName = meta.get(sheet.name)?.name;
  const only = layout.blocks.length === 1 ? layout.blocks[0] : undefined;
  if (metaName && only && only.facts.values.name === undefined) only.facts.set('name', metaName, only.factsCell ?? 'A1');
  distribute(layout, [...layout.findings, ...account(layout, file, summaryOnly(sheet.name, layout))], read.blockFindings);
  pushAll(read.blocks, layout.blocks);
  layout.blocks.forEach((b, i) => {
    if (b.tables.length && !b.facts.values.name)
      read.totalsWords.set(b, totalsSaid(sheet.name, layout.grid, b, layout.blocks[i - 1]?.last ?? 0));
  });
  if (layout.blocks.length) return;
  const unread = unreadSheet(sheet.name, layout.grid, file);
  if (unread) read.ignoredSheets.push(unread);
}

/**
 * The sheet as the person corrected it (or a correction remembered for its layout), deleted lines
 * and hidden data left out: read again only where that changes the grid.
 */
function correctedLayout(sheet: string, raw: Grid, firstRead: SheetLayout, { file, options, unit }: BookContext) {
  const key = layoutKey(firstRead);
  const own = options.corrections?.find((c) => c.file === file && c.sheet === sheet);
  const remembered = !own && key ? options.remembered?.[key] : undefined;
  // A remembered correction finds its rows (left out, kept, the header band) by what they say.
  const local = remembered ? localized(remembered, raw) : undefined;
  const applied =
    own && !isEmptyCorrection(own)
      ? { correction: own, source: 'user' as const, remember: portable(own, raw) }
      : local && !isEmptyCorrection(local)
        ? { correction: local, source: 'remembered' as const, remember: null }
        : undefined;
  const corrected = correctedGrid(raw, file, applied?.correction, firstRead);
  const header = applied?.correction.header;
  const layout = corrected.grid === raw && !header ? firstRead : locate(corrected.grid, file, header, unit);
  return { key, applied, corrected, layout };
}

/** The rows the corrected grid left out, each with what it says and why: struck through, hidden, or the person's choice. */
function leftOutRows(raw: Grid, corrected: ReturnType<typeof correctedGrid>) {
  const marks = new Map(
    corrected.findings
      .filter((f) => f.code === 'struck_row' || f.code === 'hidden_row')
      .map((f) => [
        Number(f.params.row),
        { text: f.params.value, why: f.code === 'struck_row' ? ('struck' as const) : ('hidden' as const) },
      ]),
  );
  return corrected.leftOut.map((row) => ({
    row,
    text:
      marks.get(row)?.text ??
      raw
        .row(row)
        .map((c) => c.text)
        .join(' ')
        .slice(0, 40),
    why: marks.get(row)?.why ?? ('user' as const),
  }));
}

/** A text box or shape on the sheet: a unit it names is checked against the amounts read; any other text is told. */
function drawingFindings(texts: string[], layout: SheetLayout, file: string, sheet: string): Finding[] {
  const findings: Finding[] = [];
  for (const text of texts) {
    const unit = statedUnit(text) ?? unitOf(text);
    const read = [...new Set(layout.tables.flatMap((t) => [...t.units]))];
    const cell = layout.tables.find((t) => t.kind === 'disbursements')?.header.nameCell.address;
    if (unit && read.length > 0 && read.some((u) => u !== unit))
      findings.push({
        ...finding('drawing_unit', { value: text.slice(0, 60), unit, read: read.find((u) => u !== unit)! }),
        file,
        sheet,
        ...(cell ? { cell } : {}),
      });
    else if (text.trim()) findings.push({ ...finding('drawing_note', { value: text.slice(0, 60) }), file, sheet });
  }
  return findings;
}

/** A figure read from a hidden column is hidden data: never silently part of a figure. */
function hiddenColumnFindings(raw: Grid, layout: SheetLayout, file: string, sheet: string): Finding[] {
  const findings: Finding[] = [];
  for (const t of layout.tables)
    for (const field of ['planned', 'actual', 'amount'] as const) {
      const col = t.header.columns[field];
      if (col === undefined || !raw.hiddenColumns.has(col)) continue;
      const head = layout.grid.cover(t.header.bottom, col);
      const at = head?.address ?? t.header.nameCell.address;
      findings.push({ ...finding('hidden_column', { field, column: colName(col), value: head?.text ?? '' }), file, sheet, cell: at });
    }
  return findings;
}

/** A sheet that yields no block but holds numbers is named, so nothing is dropped unseen; a ledger this reader could not make out is refused, never dropped with its payments. */
function unreadSheet(sheet: string, grid: Grid, file: string): Finding | undefined {
  const first = firstNumber(grid);
  if (!first) return undefined;
  if (looksLikeLedger(sheet, grid)) return { ...finding('ledger_unread', { value: first.text }), file, sheet, cell: first.address };
  return { ...finding('ignored_cell', { value: first.text, reason: 'sheet' }), file, sheet, cell: first.address };
}

/**
 * The counties of a workbook: each block naming one (an anchor) with the blocks that are its parts.
 * Facts of a county on a sheet of their own join the tables of the same county elsewhere.
 */
type Counties = { anchors: Block[]; joins: Map<Block, Block>; groups: Map<Block, Block[]> };

function countiesOf(blocks: Block[]): Counties {
  const named = blocks.filter((b) => b.facts.values.name);
  const joins = new Map<Block, Block>();
  for (const facts of named.filter((b) => b.tables.length === 0)) {
    const same = named.filter(
      (b) =>
        b.tables.length > 0 &&
        countyKey(b.facts.values.name!) === countyKey(facts.facts.values.name!) &&
        (b.facts.values.batch ?? facts.facts.values.batch) === (facts.facts.values.batch ?? b.facts.values.batch),
    );
    // The county's tables on the facts' own sheet before another sheet's (a book of its two years, one a sheet).
    const here = same.filter((b) => b.sheet === facts.sheet);
    if (same.length === 1 || here.length === 1) joins.set(facts, same.length === 1 ? same[0] : here[0]);
  }
  const anchors = named.filter((b) => !joins.has(b));
  const groups = new Map<Block, Block[]>(anchors.map((a) => [a, [a]]));
  for (const [facts, home] of joins) groups.get(home)!.push(facts);
  return { anchors, joins, groups };
}

/**
 * Each block no county names given to the county it is part of; a ledger no county claims is
 * refused; tables no county claims are kept apart (nameless: the counties' roll-up, or a county
 * without its name); findings of facts no county claims are shown with the first county (strays),
 * never dropped.
 */
function placeBlocks(
  file: string,
  read: SheetsRead,
  { anchors, joins, groups }: Counties,
): { refused: ReadRecord[]; strays: Finding[]; nameless: Block[] } {
  const refused: ReadRecord[] = [];
  const strays: Finding[] = [];
  const nameless: Block[] = [];
  for (const block of read.blocks) {
    if (groups.has(block) || joins.has(block)) continue;
    const ledgerOnly = block.tables.length > 0 && block.tables.every((t) => t.kind === 'payments');
    // A sheet of its own that says it adds counties up (合计, 总表) is no county's part, even beside one county.
    const totals = read.totalsWords.get(block) !== undefined && !anchors.some((a) => a.sheet === block.sheet);
    const home = ledgerOnly
      ? ledgerHome(block, anchors)
      : totals
        ? undefined
        : anchors.length === 1
          ? anchors[0]
          : (anchors.find((a) => countyKey(a.facts.values.name!) === countyKey(block.sheet)) ?? headedHome(block, anchors));
    const findings = read.blockFindings.get(block) ?? [];
    if (home) groups.get(home)!.push(block);
    else if (!block.tables.length) pushAll(strays, findings);
    else if (ledgerOnly) {
      // A ledger no county claims is refused, never dropped and never given to a guess.
      const counties = anchors.map((a) => a.facts.values.name!).join('、') || '—';
      const cell = block.tables[0].header.nameCell.address;
      // In a workbook of no county's tables, a ledger naming one county is that county's, sent alone.
      const county = anchors.length === 0 ? onlyCounty([block.sheet, ...block.ledgerTitles.map((c) => c.text)]) : undefined;
      const told = county ? finding('part_only', { county, part: 'ledger' }) : finding('ledger_unclaimed', { counties });
      const unclaimed = { ...told, file, sheet: block.sheet, cell };
      refused.push({ file, sheet: block.sheet, input: null, unit: null, findings: [...findings, unclaimed] });
    } else nameless.push(block);
  }
  return { refused, strays, nameless };
}

/**
 * The county a nameless block's heading names (楚雄市中央财政资金拨付情况 right above its table, on a sheet
 * of tables shared by the counties): the only county of the workbook the heading names, else none.
 */
function headedHome(block: Block, anchors: Block[]): Block | undefined {
  if (!block.heading) return undefined;
  const heading = fold(block.heading);
  const named = anchors.filter((a) => heading.includes(fold(a.facts.values.name!)));
  return named.length === 1 ? named[0] : undefined;
}

/** Tables no county title or facts claim: no cell says which county they are; named at the facts it has, else at its first table. */
function namelessRecord(file: string, block: Block, findings: Finding[]): ReadRecord {
  const cell = block.factsCell ?? block.tables[0].header.nameCell.address;
  const missing = {
    ...finding('missing_fact', { field: 'county.name', key: 'true' }),
    severity: 'error' as const,
    file,
    sheet: block.sheet,
    cell,
  };
  return { file, sheet: block.sheet, input: null, unit: null, findings: [...findings, missing] };
}

/** Each county assembled from its parts, with its doubts and its sheets' readings; the parts kept by record. */
function countyRecords(context: BookContext, read: SheetsRead, { groups }: Counties, seen: SeenOf) {
  const records: ReadRecord[] = [];
  const partsOf = new Map<ReadRecord, Block[]>();
  // How many blocks of each sheet name a county: counted once, not for each county again.
  const namedOn = new Map<string, number>();
  for (const b of read.blocks) if (b.facts.values.name) namedOn.set(b.sheet, (namedOn.get(b.sheet) ?? 0) + 1);
  for (const [anchor, parts] of groups) {
    // Our export's hidden facts are the county's it was written for: a sheet reused as another
    // county's form (its title changed) gets none of them (not 樟树市's province for 寻乌县).
    const own = context.meta.get(anchor.sheet);
    const fits = own && (!own.name || countyKey(own.name) === countyKey(anchor.facts.values.name!));
    const names = new Set(parts.map((p) => p.sheet));
    const partFindings = [
      ...parts.flatMap((p) => read.blockFindings.get(p) ?? []),
      ...read.sheetFindings.filter((f) => names.has(f.sheet!)),
    ];
    const record = assemble(context.file, anchor, parts, fits ? own : undefined, partFindings);
    const county = record.input?.county;
    const tab = county && tabNamesOther(context.file, anchor, county.name, county.prefecture, namedOn.get(anchor.sheet) ?? 0);
    if (tab) record.findings.push(tab);
    record.doubts = doubtsOf(seen, record.findings, parts, record.input, record.county);
    if (record.actuals) record.actuals.figures = figuresAt(seen, parts, record.actuals.at);
    record.readings = [...names].flatMap((n) => (read.readings.has(n) ? [read.readings.get(n)!] : []));
    partsOf.set(record, parts);
    records.push(record);
  }
  return { records, partsOf };
}

/**
 * A roll-up's figures against the counties' own: a warning with the county, never a record. One of
 * the two figures was misread, or the roll-up is stale: no reader can tell which — a doubt.
 */
function checkRollups(file: string, sheets: SheetsRead, out: ReadRecord[], partsOf: Map<ReadRecord, Block[]>, seen: SeenOf): void {
  const read = out
    .filter((r) => r.input && r.totalsAt)
    .map((r) => ({ name: r.input!.county.name, input: r.input!, sheet: r.totalsAt!.sheet, cells: r.totalsAt! }));
  // A county the roll-up lists that no sheet holds is told (it is not imported): every county read counts, refused too.
  const known = out.flatMap((r) => [r.county?.name, r.input?.county.name].filter((n): n is string => !!n));
  for (const { sheet, shape } of sheets.rollups) {
    for (const m of rollupMismatches(file, sheet, shape, read)) {
      const record = out.find((r) => r.input?.county.name === m.county)!;
      addDoubtful(record, [m.finding], partsOf, seen);
    }
    // A roll-up alone (no county read) is told once, as no county found.
    if (known.length > 0) pushAll(sheets.ignoredSheets, rollupCountiesMissing(file, sheet, shape, known));
  }
}

/**
 * A table no county claims that adds the counties up (合计, 总表) is checked against them, never a
 * county and never blocking them; any other is a county without its name: no cell says which —
 * those records are returned.
 */
function checkTotals(
  file: string,
  nameless: Block[],
  out: ReadRecord[],
  read: SheetsRead,
  partsOf: Map<ReadRecord, Block[]>,
  seen: SeenOf,
): ReadRecord[] {
  const unnamed: ReadRecord[] = [];
  const counties = out.filter((r) => r.input).map((r) => ({ name: r.input!.county.name, input: r.input!, sheet: r.sheet, cells: {} }));
  for (const block of nameless) {
    const rollup = totalsRollup(file, block, read.totalsWords.get(block), counties);
    if (!rollup) {
      unnamed.push(namelessRecord(file, block, read.blockFindings.get(block) ?? []));
      continue;
    }
    read.ignoredSheets.push(rollup.told);
    const record = out.find((r) => r.input?.county.name === counties[0].name)!;
    addDoubtful(record, rollup.mismatches, partsOf, seen);
  }
  return unnamed;
}

/** Findings about an assembled record's figures, found against another sheet: each also a doubt on the record. */
function addDoubtful(record: ReadRecord, findings: Finding[], partsOf: Map<ReadRecord, Block[]>, seen: SeenOf): void {
  pushAll(record.findings, findings);
  pushAll((record.doubts ??= []), doubtsOf(seen, findings, partsOf.get(record)!, record.input, record.county));
}

/**
 * The records with what belongs to the workbook as a whole: the sheets not read and the stray
 * findings go with the first record, as do the readings of sheets no record took (to be corrected
 * there), and the performance parts with their counties; with no record, one saying no table was found.
 */
function finished(file: string, out: ReadRecord[], read: SheetsRead, strays: Finding[]): ReadRecord[] {
  const { sheets, ignoredSheets } = read;
  const taken = new Set(out.flatMap((r) => (r.readings ?? []).map((x) => x.sheet)));
  const untaken = [...read.readings.values()].filter((x) => !taken.has(x.sheet));
  if (out.length === 0) {
    // A book of one county's 绩效自评表 alone is told as that, not as tables not found.
    const alone = performanceAlone(read.performanceReads);
    const none: ReadRecord[] = [
      {
        file,
        sheet: alone?.sheet ?? sheets[0]?.name ?? '',
        input: null,
        unit: null,
        findings: [alone ?? noTables(file, sheets), ...strays, ...ignoredSheets],
        ...(untaken.length ? { readings: untaken } : {}),
      },
    ];
    if (!alone) attachPerformance(none, read.performanceReads);
    return none;
  }
  pushAll(pushAll(out[0].findings, strays), ignoredSheets);
  if (untaken.length) out[0].readings = [...(out[0].readings ?? []), ...untaken];
  attachPerformance(out, read.performanceReads);
  // A ledger sheet left unread could hold any county's payments: the first record is not landed without them.
  if (ignoredSheets.some((f) => f.severity === 'error')) out[0] = { ...out[0], input: null };
  return out;
}

const seenKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** What each 实际 cell of the sheet's tables 三 showed, while its grid is at hand. */
function keepSeenActuals(raw: Grid, sheet: string, layout: SheetLayout, into: Map<string, string>): void {
  for (const t of layout.tables)
    if (t.kind === 'disbursements') for (const { actual } of t.cells) if (actual) into.set(seenKey(sheet, actual), seenText(raw, actual));
}

/** The one county the texts name (a sheet name, a title, 项目名称, 实施单位), or undefined. */
function onlyCounty(texts: string[]): string | undefined {
  const names = new Set(countiesNamed(texts));
  return names.size === 1 ? [...names][0] : undefined;
}

/** The 绩效自评表 read, in a workbook of no county's tables, where it is the only one and names one county: refused saying so. */
function performanceAlone(reads: PerformanceRead[]): Finding | undefined {
  const read = reads.length === 1 && reads[0].performance ? reads[0] : undefined;
  // 主管部门 is often the prefecture's bureau (宜春市商务局 over 樟树市): not the county's name.
  const county = read && onlyCounty([read.sheet, ...read.said.filter((x) => x.label !== '主管部门').map((x) => x.text)]);
  if (!read || !county) return undefined;
  return { ...finding('part_only', { county, part: 'performance' }), file: read.file, sheet: read.sheet, cell: read.said[0]?.cell ?? 'A1' };
}

/**
 * What a cell showed: kept from the first read, else from the sheet's grid made again (the last one
 * kept: a county's doubts are mostly on one sheet).
 */
function seenAgain(sheets: BookSheet[], kept: Map<string, string>): SeenOf {
  let last: { name: string; grid: Grid | undefined } | undefined;
  return (name, cell) => {
    const known = kept.get(seenKey(name, cell));
    if (known !== undefined) return known;
    if (last?.name !== name) last = { name, grid: sheets.find((s) => s.name === name)?.grid() };
    return seenText(last.grid, cell);
  };
}

/**
 * The county a ledger on a sheet of its own belongs to: the workbook's only county, else the one
 * its sheet name or title names (the longest name, so 南丰县 is not taken for 丰县); else none.
 */
function ledgerHome(block: Block, anchors: Block[]): Block | undefined {
  const where = [block.sheet, ...block.ledgerTitles.map((c) => c.text)].map(fold);
  // A ledger that names a county none of the workbook's is belongs to none of them.
  const mentioned = countiesNamed(where);
  const known = (name: string) => anchors.some((a) => name.endsWith(fold(a.facts.values.name!)));
  if (mentioned.length > 0 && !mentioned.some(known)) return undefined;
  if (anchors.length === 1) return anchors[0];
  const named = anchors.filter((a) => where.some((w) => w.includes(fold(a.facts.values.name!))));
  const longest = maxOf(
    named.map((a) => fold(a.facts.values.name!).length),
    0,
  );
  const best = named.filter((a) => fold(a.facts.values.name!).length === longest);
  return best.length === 1 ? best[0] : undefined;
}

/** A sheet meant as a ledger: its name or its first rows say 台账 or 拨付明细. */
function looksLikeLedger(name: string, grid: Grid): boolean {
  const words = /台[账賬帐]|拨付明细|付款明细|支付明细/;
  if (words.test(fold(name))) return true;
  return grid.rows.slice(0, 3).some((r) => grid.row(r).some((c) => typeof c.value === 'string' && words.test(fold(c.text))));
}

function firstNumber(grid: Grid): Cell | undefined {
  for (const r of grid.rows) for (const c of grid.row(r)) if (holdsNumber(c)) return c;
  return undefined;
}

/** Gives each finding of a sheet to the county block its cell stands in. */
function distribute(layout: SheetLayout, findings: Finding[], into: Map<Block, Finding[]>): void {
  if (layout.blocks.length === 0) return;
  for (const f of findings) {
    const row = f.cell ? Number(/\d+$/.exec(f.cell)?.[0] ?? 0) : 0;
    const block = layout.blocks.find((b) => row >= b.first && row <= b.last) ?? layout.blocks[0];
    const list = into.get(block) ?? [];
    list.push(f);
    into.set(block, list);
  }
}

/**
 * A table missing where numbers stand: the row right above them that reads like its header, quoted
 * with the columns it lacks (完成投资 is no 实际拨付额度), so the clerk sees which header word was not understood.
 */
function withHeaderAbove(f: Finding, sheets: BookSheet[]): Finding {
  const grid = f.sheet ? sheets.find((s) => s.name === f.sheet)?.grid() : undefined;
  const near = grid && f.cell ? unreadHeaderAbove(grid, Number(/\d+$/.exec(f.cell)?.[0] ?? 0)) : undefined;
  if (!near) return f;
  const header = { row: String(near.cell.row), header: near.text.slice(0, 80), missing: near.missing.join(',') };
  return { ...f, params: { ...f.params, ...header } };
}

/** No table on any sheet: named at the first row that reads like a header, with the columns it lacks. */
function noTables(file: string, sheets: BookSheet[]): Finding {
  for (const sheet of sheets) {
    const near = unreadHeader(sheet.grid());
    if (!near) continue;
    const params = { row: String(near.cell.row), header: near.text.slice(0, 60), missing: near.missing.join(',') };
    return { ...finding('no_tables', params), file, sheet: sheet.name, cell: near.cell.address };
  }
  return { ...finding('no_tables', {}), file, sheet: sheets[0]?.name ?? '' };
}
