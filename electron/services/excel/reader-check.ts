// The two readers of a workbook side by side: the import's own (sheet-reader.ts) and exceljs's,
// the reference. Used by the tests — on chosen workbooks, and on every workbook any test imports
// when YANSHOU_CHECK_READER=1 — never by the app itself.
import { AppError } from '../../../shared/errors';
import { gridOf, type Cell, type Grid } from './cells';
import { loadWorkbook, type WorkbookFile } from './read';
import { readBook, type Book } from './sheet-reader';

const FIELDS = ['address', 'row', 'col', 'text', 'numFmt', 'isFormula', 'noResult', 'error', 'span', 'rowSpan', 'index'] as const;

function sameValue(a: Cell['value'], b: Cell['value']): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  return Object.is(a, b);
}

/** Where two grids of the same sheet differ, in words (empty when they are the same). */
export function gridDifferences(ours: Grid, reference: Grid): string[] {
  const out: string[] = [];
  const where = `sheet ${reference.sheet}`;
  for (const k of ['sheet', 'rowCount', 'colCount', 'cellCount'] as const)
    if (ours[k] !== reference[k]) out.push(`${where}: ${k} ${ours[k]} ≠ ${reference[k]}`);
  if (ours.rows.join() !== reference.rows.join()) out.push(`${where}: rows ${ours.rows.join()} ≠ ${reference.rows.join()}`);
  if ([...ours.hiddenColumns].sort((a, b) => a - b).join() !== [...reference.hiddenColumns].sort((a, b) => a - b).join())
    out.push(`${where}: hidden columns differ`);
  for (const r of reference.rows) {
    const [a, b] = [ours.row(r), reference.row(r)];
    if (a.length !== b.length) out.push(`${where} row ${r}: ${a.length} cells ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      for (const f of FIELDS)
        if (!Object.is(a[i][f], b[i][f]))
          out.push(`${where} ${b[i].address}: ${f} ${JSON.stringify(a[i][f])} ≠ ${JSON.stringify(b[i][f])}`);
      if (!sameValue(a[i].value, b[i].value)) out.push(`${where} ${b[i].address}: value ${String(a[i].value)} ≠ ${String(b[i].value)}`);
      // The format as written, escapes dropped, is the format exceljs gives.
      if (a[i].numFmtCode !== undefined && a[i].numFmtCode!.replace(/[\\](.)/g, '$1') !== b[i].numFmt)
        out.push(`${where} ${b[i].address}: numFmtCode ${a[i].numFmtCode}`);
    }
  }
  for (let r = 1; r <= reference.rowCount + 1; r++)
    for (let c = 1; c <= reference.colCount + 1; c++)
      if (ours.cover(r, c)?.address !== reference.cover(r, c)?.address) out.push(`${where}: cover(${r}, ${c}) differs`);
  return out.slice(0, 20);
}

/** The workbook as exceljs reads it, in the shape of a Book. */
export async function referenceBook(file: WorkbookFile): Promise<Book> {
  const workbook = await loadWorkbook(file);
  return { sheets: workbook.worksheets.map((s) => ({ name: s.name, state: s.state, grid: () => gridOf(s) })) };
}

type Outcome = { sheets: { name: string; state: string; grid: Grid }[] } | { error: unknown };

/** A workbook read through, every sheet's grid made; or why it was refused (at the workbook or at a sheet). */
async function outcome(read: () => Promise<Book>): Promise<Outcome> {
  try {
    const book = await read();
    return { sheets: book.sheets.map((s) => ({ name: s.name, state: s.state, grid: s.grid() })) };
  } catch (error) {
    return { error };
  }
}

/** Where the two readers differ on `file`: sheets, states, grids, or one refusing what the other reads. */
export async function readerDifferences(file: WorkbookFile): Promise<string[]> {
  const [ours, reference] = [await outcome(() => readBook(file)), await outcome(() => referenceBook(file))];
  const code = (o: Outcome) => ('error' in o ? (o.error instanceof AppError ? o.error.code : (o.error as Error).name) : 'read');
  if ('error' in ours || 'error' in reference)
    return code(ours) === code(reference) ? [] : [`${file.name}: ours ${code(ours)}, exceljs ${code(reference)}`];
  const names = (o: typeof ours) => o.sheets.map((x) => `${x.name}(${x.state})`).join(', ');
  if (names(ours) !== names(reference)) return [`${file.name}: sheets ${names(ours)} ≠ ${names(reference)}`];
  return ours.sheets.flatMap((s, i) => gridDifferences(s.grid, reference.sheets[i].grid).map((d) => `${file.name}: ${d}`));
}
