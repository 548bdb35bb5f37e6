// What the grid does to its table besides typing in a cell: row operations on the rows of the
// selection, clearing a block, copying it, pasting into it. Each acts through the app's
// callbacks (so undo covers it) and says what it did, or why not.
import type { RawValue } from '../../../shared/fields';
import { fieldLabel, unitName, type Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { inLang, saying, type Said, type Say } from '../said';
import type { CellEdit, EditOptions } from '../useRecord';
import { bounds, clampSelection, rowsOf, single, type Dims, type Selection } from './selection';
import { planPaste, type CellCheck, type GridColumn, type PastePlan } from './blocks';
import { HEADER_RULES, PASTE_TITLES, REQUIRED, rawText, type GridTable } from './columns';
import type { RowData } from './gridOptions';

export type RowOp =
  | { kind: 'insert'; index: number; count: number }
  | { kind: 'delete'; rowIds: number[] }
  | { kind: 'move'; rowId: number; toIndex: number };

/** What the actions need of the grid: its current state and a few of its moves. */
export type GridCore = {
  table: GridTable;
  columns: readonly GridColumn[];
  t: Strings;
  lang: Lang;
  /** How a typed or pasted value of a cell is read, or why not. */
  check: CellCheck;
  /** Why a cell cannot take a value in its row (a line with payments), or null. */
  locked: (row: number, field: string) => Said | null;
  /** What else goes with these rows when they are deleted (a line's payments), said in the question; '' if nothing. */
  goesWith: (rows: number[]) => string;
  rowIds: () => readonly number[];
  rows: () => readonly RowData[];
  selection: () => Selection | null;
  dims: () => Dims;
  select: (s: Selection | null, show?: boolean) => void;
  /** Stores a value being edited; false (and the edit stays) if it is refused. */
  commitEdit: () => boolean;
  focus: () => void;
  /** Marks the bad cells of a refused paste (by `${row}:${field}`). */
  markPaste: (marks: ReadonlyMap<string, Said>) => void;
  onEdit: (edits: CellEdit[], options?: EditOptions) => void;
  onPaste: (edits: { rowId: number; field: string; value: RawValue }[], append: Record<string, RawValue>[]) => Promise<boolean>;
  onRows: (op: RowOp) => Promise<boolean>;
  onMessage: Say;
  confirm: (question: string, ok: string) => Promise<boolean>;
};

const joinNotes = (lang: Lang, notes: string[]) => notes.filter(Boolean).join(lang === 'zh' ? ';' : '; ');
/** Names listed: "序号、金额" / "No., amount". */
const listed = (lang: Lang, names: string[]) => names.join(lang === 'zh' ? '、' : ', ');
/** The first few messages, joined, in a language. */
const firstNotes = (lang: Lang, notes: readonly Said[]) =>
  joinNotes(
    lang,
    notes.slice(0, 3).map((n) => n(lang)),
  );
/** A column's name: the ledger's own, else the field's. */
const columnLabel = (table: GridTable, field: string, t: Strings, lang: Lang) =>
  table === 'payments' ? t.ledgerColumns[field] : fieldLabel(field, lang);

/** "三 第5行(序号 5“农村电子商务人员培训”)" or "三 第2–4行(共 3 行)": the rows as they are now, said in either language. */
export function describeRows(core: GridCore, rowList: number[]): Said {
  const { table } = core;
  const first = rowList[0] + 1;
  if (rowList.length > 1) return saying((t) => t.describeRows(t.tableNames[table], first, rowList[rowList.length - 1] + 1, rowList.length));
  const r = core.rows()[rowList[0]];
  const [line, date, amount, seq, name] = [r?.line, r?.date, r?.amount, r?.seq, r?.name].map((v) => String(v ?? ''));
  return saying((t) =>
    table === 'payments' ? t.describePayment(first, line, date, amount) : t.describeRow(t.tableNames[table], first, seq, name),
  );
}

/** 插入行 / 添加行 / 删除行 / 上移 / 下移, on the rows of the selection (never a stale click). */
export async function rowOperation(core: GridCore, kind: 'insert' | 'append' | 'delete' | 'up' | 'down'): Promise<void> {
  if (!core.commitEdit()) return;
  const { t } = core;
  const s = core.selection();
  const n = core.rows().length;
  const ids = core.rowIds();
  // The ledger lists payments by line and day: a new one is added at the end, wherever the selection is.
  if (kind === 'append' || (kind === 'insert' && (!s || core.table === 'payments'))) {
    if (await core.onRows({ kind: 'insert', index: n, count: 1 })) core.select(single({ row: n, col: 0 }));
    return core.focus();
  }
  if (!s || n === 0)
    return core.onMessage(
      saying((w) => w.selectRowsFirst),
      'error',
    );
  const b = bounds(s);
  const rowList = rowsOf(s);
  if (kind === 'insert') {
    // As many rows as are selected, above them; the new rows are selected.
    if (await core.onRows({ kind: 'insert', index: b.top, count: rowList.length }))
      core.select({ anchor: { row: b.top, col: b.left }, active: { row: b.bottom, col: b.right } });
  } else if (kind === 'delete') {
    const what = describeRows(core, rowList);
    if (!(await core.confirm(t.confirmDeleteRows(`${inLang(what, core.lang)}${core.goesWith(rowList)}`), t.deleteRows)))
      return core.focus();
    if (await core.onRows({ kind: 'delete', rowIds: rowList.map((r) => ids[r]) })) {
      core.onMessage(saying((w, lang) => w.rowsDeleted(what(lang))));
      core.select(
        clampSelection(single({ row: b.top, col: s.active.col }), { rows: Math.max(1, n - rowList.length), cols: core.columns.length }),
      );
    }
  } else {
    // A block moves by moving its neighbour to its other side: one step to undo.
    const up = kind === 'up';
    if (up ? b.top === 0 : b.bottom === n - 1) return core.focus();
    const neighbour = up ? b.top - 1 : b.bottom + 1;
    if (await core.onRows({ kind: 'move', rowId: ids[neighbour], toIndex: up ? b.bottom : b.top })) {
      const d = up ? -1 : 1;
      core.select({ anchor: { row: s.anchor.row + d, col: s.anchor.col }, active: { row: s.active.row + d, col: s.active.col } });
    }
  }
  core.focus();
}

/** Delete / Backspace: the block's cells, as one step. An amount becomes "not entered"; what
 * cannot be empty (序号, 类别, 项目名称) stays, and the status says so. */
export function clearCells(core: GridCore): void {
  const s = core.selection();
  if (!s) return;
  const { table, columns } = core;
  const b = bounds(s);
  const rows = core.rows();
  const ids = core.rowIds();
  const edits: CellEdit[] = [];
  const kept = new Set<string>();
  const locks: Said[] = [];
  for (let row = b.top; row <= b.bottom; row++)
    for (let col = b.left; col <= b.right; col++) {
      const field = columns[col].field;
      if (!columns[col].editable || ids[row] === undefined) continue;
      if (REQUIRED[table].has(field)) {
        kept.add(table === 'payments' ? `payment.${field}` : field);
        continue;
      }
      const lock = core.locked(row, field);
      if (lock !== null) {
        locks.push(lock);
        continue;
      }
      const value = rows[row]?.[field] ?? null;
      if (value === null || value === '') continue;
      const parsed = core.check(row, field, '');
      if (parsed.ok) edits.push({ table, rowId: ids[row], field, raw: '', value: parsed.value });
    }
  if (edits.length) core.onEdit(edits, { clear: true });
  if (edits.length || kept.size || locks.length)
    core.onMessage(
      saying((t, lang) =>
        joinNotes(lang, [
          edits.length ? t.cleared(edits.length) : '',
          kept.size
            ? t.requiredKept(
                listed(
                  lang,
                  [...kept].map((f) => fieldLabel(f, lang)),
                ),
              )
            : '',
          ...new Set(locks.map((l) => l(lang))),
        ]),
      ),
      edits.length ? 'info' : 'error',
    );
}

/**
 * Ctrl+D / Ctrl+R, as in Excel: the block's top row copied down over it (its left column copied right);
 * a block of one row (one column) takes the row above (the column to the left). Computed and locked
 * cells are left alone; one step; a value its target cannot take writes nothing and says why.
 */
export function fillCells(core: GridCore, right: boolean): void {
  const s = core.selection();
  if (!s) return;
  const { table, columns, lang } = core;
  const b = bounds(s);
  const rows = core.rows();
  const ids = core.rowIds();
  // One row (column) selected: fill it from the one before it.
  const from = right ? (b.left === b.right ? b.left - 1 : b.left) : b.top === b.bottom ? b.top - 1 : b.top;
  if (from < 0)
    return core.onMessage(
      saying((t) => t.nothingToFill),
      'error',
    );
  const edits: CellEdit[] = [];
  const problems: Said[] = [];
  for (let row = b.top; row <= b.bottom; row++)
    for (let col = b.left; col <= b.right; col++) {
      if (right ? col === from : row === from) continue;
      const column = columns[col];
      if (!column.editable || ids[row] === undefined || core.locked(row, column.field) !== null) continue;
      const source = right ? rows[row]?.[columns[from].field] : rows[from]?.[column.field];
      const sourceField = right ? columns[from].field : column.field;
      const raw = rawText(sourceField, source, lang);
      if (raw === rawText(column.field, rows[row]?.[column.field], lang)) continue;
      const parsed = core.check(row, column.field, raw);
      if (!parsed.ok) problems.push(parsed.message);
      else edits.push({ table, rowId: ids[row], field: column.field, raw, value: parsed.value });
    }
  if (problems.length)
    return core.onMessage(
      saying((t, l) => t.pasteRefusedUnmarked(problems.length, firstNotes(l, problems))),
      'error',
    );
  if (edits.length) {
    core.onEdit(edits, { fill: right ? 'right' : 'down' });
    core.onMessage(saying((s) => s.filled(edits.length)));
  }
}

/** The selected block as the clipboard takes it (categories by name, amounts as stored). */
export function copyCells(core: GridCore): string[][] | null {
  const s = core.selection();
  if (!s) return null;
  const b = bounds(s);
  const rows = core.rows();
  const out: string[][] = [];
  for (let row = b.top; row <= b.bottom; row++) {
    const line: string[] = [];
    for (let col = b.left; col <= b.right; col++)
      line.push(rawText(core.columns[col].field, rows[row]?.[core.columns[col].field], core.lang));
    out.push(line);
  }
  return out;
}

/** Ctrl+V: checked cell by cell first (blocks.ts); a block with a bad cell writes nothing, marks
 * each bad cell and keeps the error on screen; else one step, and the pasted block selected. */
export async function pasteText(core: GridCore, text: string): Promise<void> {
  const { table, columns } = core;
  const firstEditable = columns.findIndex((c) => c.editable);
  const s = core.selection() ?? single({ row: 0, col: firstEditable });
  const ids = core.rowIds();
  const rows = core.rows();
  const plan = planPaste({
    text,
    table,
    columns,
    rowIds: ids,
    selection: bounds(s),
    titles: PASTE_TITLES,
    check: core.check,
    locked: core.locked,
    current: (row, field) => rows[row]?.[field] ?? null,
    header: HEADER_RULES[table],
    // A new payment is stored only whole: a pasted row lacking its 序号, 日期 or 金额 would be left half-made.
    ...(table === 'payments'
      ? {
          required: {
            fields: ['line', 'date', 'amount'],
            message: (row: number, lacking: string[]) =>
              saying((t, lang) =>
                t.pasteRowIncomplete(
                  t.tableNames.payments,
                  row + 1,
                  listed(
                    lang,
                    lacking.map((f) => columnLabel(table, f, t, lang)),
                  ),
                ),
              ),
          },
        }
      : {}),
  });
  if (plan.rows === 0)
    return core.onMessage(
      saying((t) => (plan.skippedHeader ? t.onlyHeader : t.nothingToPaste)),
      'error',
    );
  if (plan.problems.length) {
    const marked = plan.problems.filter((p) => p.row < ids.length);
    core.markPaste(new Map(marked.map((p) => [`${p.row}:${p.field}`, p.message])));
    const messages = plan.problems.map((p) => p.message);
    return core.onMessage(
      saying((t, lang) => (marked.length ? t.pasteRefused : t.pasteRefusedUnmarked)(plan.problems.length, firstNotes(lang, messages))),
      'error',
    );
  }
  core.markPaste(new Map());
  if (!(await core.onPaste(plan.edits, plan.append))) return;
  core.onMessage(pastedMessage(table, plan));
  // The pasted block stays selected, as in Excel.
  const total = Math.max(core.rowIds().length, plan.top + plan.rows);
  core.select(
    clampSelection(
      { anchor: { row: plan.top, col: plan.left }, active: { row: plan.top + plan.rows - 1, col: plan.right } },
      { rows: total, cols: columns.length },
    ),
    false,
  );
}

/** What a paste wrote, and what it left out (a header line, computed columns, other tables' columns, 合计 lines, columns past the end). */
function pastedMessage(table: GridTable, plan: PastePlan): Said {
  const written = [...new Set([...plan.edits.map((e) => e.field), ...plan.append.flatMap((a) => Object.keys(a))])];
  return saying((t, lang) => {
    const labels = (fields: string[]) =>
      listed(
        lang,
        fields.map((f) => columnLabel(table, f, t, lang)),
      );
    return joinNotes(lang, [
      plan.asWholeRows
        ? t.pastedWholeRows(plan.rows)
        : plan.byHeader
          ? t.pastedByHeader(plan.rows, labels(written))
          : t.pasted(plan.rows, plan.cols),
      plan.converted.length
        ? t.pastedConverted(
            listed(
              lang,
              plan.converted.map((c) => `${columnLabel(table, c.field, t, lang)} ← ${unitName(c.unit, lang)}`),
            ),
          )
        : '',
      plan.skippedHeader && !plan.byHeader ? t.headerSkipped : '',
      plan.skippedComputed.length ? t.computedSkipped(labels(plan.skippedComputed)) : '',
      plan.unknownColumns.length ? t.unknownColumns(listed(lang, plan.unknownColumns)) : '',
      plan.skippedTotals ? t.totalsSkipped(plan.skippedTotals) : '',
      plan.columnsOutside ? t.columnsOutside(plan.columnsOutside) : '',
    ]);
  });
}
