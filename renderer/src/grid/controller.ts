// The grid's edit session: the selection, the cell being edited, what a key, a click or a paste does
// — in plain TypeScript, with no React and no DOM of its own. TableGrid.tsx renders the table and
// forwards its events here; what the session needs of the screen (the text area that takes the
// keys, AG Grid's redraws, the component's state) it asks of a `GridScreen`, so
// test/unit/renderer/grid-controller.test.ts drives it without a browser.
//
// The state lives in fields, not in React state: keys come faster than frames.
import type { EditTable } from '../../../shared/fields';
import type { CellEdit } from '../useRecord';
import { commandFor, type EditMode, type GridCommand, type KeyInput } from './keymap';
import { bounds, cellClasses, moveTo, rowsToRedraw, selectAll, single, type Cell, type Selection } from './selection';
import { copyBlock, tableCheck, type CellCheck, type GridColumn } from './blocks';
import { commitOutcome, listHighlight, navigate, selectionAfterRows, tabTo, typedWhereNot, whyNotEditable, type NotTyped } from './session';
import { clearCells, copyCells, fillCells, pasteText, rowOperation, type GridCore } from './actions';
import { LONG_TEXT, gridColumns, rawText } from './columns';
import { cellPlace } from './refusal';
import { saying, type Said } from '../said';
import { LIST_FIELDS, listFor, type ListState } from './CategoryList';
import type { GridProps } from './TableGrid';
import type { RowData } from './gridOptions';

export type Editing = { mode: EditMode; cell: Cell; original: string };
export type Notice = { text: Said; at: 'cell' | 'tools' };
type RowOpKind = Parameters<typeof rowOperation>[1];

/** The text area that holds the keyboard, as the session uses it. */
export type Sink = {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  setSelectionRange: (start: number, end: number) => void;
  setRangeText: (text: string, start: number, end: number, mode: 'end') => void;
  classList: { add: (...c: string[]) => void; remove: (...c: string[]) => void; toggle: (c: string, on: boolean) => void };
};

/** What the session needs of the screen. */
export type GridScreen = {
  sink: () => Sink | null;
  focus: () => void;
  /** Draws these rows again (their selection classes), or every row. */
  redraw: (rows: number[] | 'all') => void;
  /** Scrolls a cell into view. */
  reveal: (cell: Cell) => void;
  /** Puts the text area over the active cell. */
  place: () => void;
  setEditing: (edit: Editing | null) => void;
  setEditError: (message: Said | null) => void;
  setNotice: (notice: Notice | null) => void;
  setList: (list: ListState | null) => void;
  setPasteMarks: (update: (marks: ReadonlyMap<string, Said>) => ReadonlyMap<string, Said>) => void;
  nextFrame: () => Promise<void>;
  mac: boolean;
};

const NO_LOCK = () => null;

/** The session's view of the component: its latest props and the rows as the grid has them (refs: keys come faster than renders). */
export type GridLive = { props: { current: GridProps }; rows: { current: readonly RowData[] } };

const columnsByTable = new Map<string, readonly GridColumn[]>();
const columnsOf = (table: GridProps['table']) => {
  let columns = columnsByTable.get(table);
  if (!columns) columnsByTable.set(table, (columns = gridColumns(table)));
  return columns;
};

export class GridSession {
  selection: Selection | null = null;
  editing: Editing | null = null;
  list: ListState | null = null;
  /** A row Tab is adding: Enter and the arrows may go to it already. */
  private appending: Promise<unknown> | null = null;
  /** Keys typed on a cell that cannot take them, since the selection came there (quoted whole in the message). */
  private notTyped: NotTyped | null = null;
  /** The rows the selection is on, by id: where they went when the rows were put in another order. */
  private on: { anchor: number | null; active: number | null } = { anchor: null, active: null };

  constructor(
    private readonly live: GridLive,
    private readonly screen: GridScreen,
  ) {}

  get props(): GridProps {
    return this.live.props.current;
  }
  get rows(): readonly RowData[] {
    return this.live.rows.current;
  }
  get columns(): readonly GridColumn[] {
    return columnsOf(this.props.table);
  }

  dims = () => ({ rows: this.rows.length + (this.appending ? 1 : 0), cols: this.columns.length });
  fieldAt = (cell: Cell) => this.columns[cell.col].field;
  private valueAt = (cell: Cell) => this.rows[cell.row]?.[this.fieldAt(cell)];
  private textAt = (cell: Cell) => rawText(this.fieldAt(cell), this.valueAt(cell), this.props.lang);
  check: CellCheck = (row, field, raw) => (this.props.check ?? tableCheck(this.props.table as EditTable))(row, field, raw);
  lockAt = (row: number, field: string) => (row < this.rows.length ? (this.props.locked ?? NO_LOCK)(row, field) : null);
  /** Whether a cell is drawn with a selection class. */
  selected = (row: number, col: number, name: string) => cellClasses(this.selection, row, col).includes(name);

  /** True (and said where) when the record is locked. */
  refuseLocked(at: Notice['at']): boolean {
    const why = this.props.recordLocked;
    if (!why) return false;
    this.screen.setNotice({ text: why, at });
    this.props.onMessage(why, 'error');
    return true;
  }

  private noteActiveRow() {
    const s = this.selection;
    const ids = this.props.rowIds;
    const active = s ? (ids[s.active.row] ?? null) : null;
    const changed = active !== this.on.active;
    this.on = { anchor: s ? (ids[s.anchor.row] ?? null) : null, active };
    if (changed) this.props.onActiveRow?.(active);
  }

  select = (next: Selection | null, show = true) => {
    const before = this.selection;
    this.selection = next;
    this.notTyped = null;
    this.noteActiveRow();
    if (before && next && (before.active.row !== next.active.row || before.active.col !== next.active.col)) this.screen.setNotice(null);
    const rowList = rowsToRedraw(before, next);
    this.screen.redraw(rowList.length > 200 ? 'all' : rowList);
    if (next && show) this.screen.reveal(next.active);
    this.screen.place();
  };

  /** A new record: nothing selected, nothing edited. */
  reset() {
    this.endEdit();
    this.screen.setPasteMarks(() => new Map());
    this.select(null, false);
  }

  /** The rows changed: the selection stays on its rows (followRows) or inside the table. */
  rowsChanged() {
    const options = { followRows: !!this.props.followRows, editing: !!this.editing, appending: !!this.appending, dims: this.dims() };
    const next = selectionAfterRows(this.selection, this.props.rowIds, this.on, options);
    if (next) this.select(next, false);
    else this.noteActiveRow();
  }

  /** Why the active cell takes nothing typed, said with the keys typed there; false when it takes them. */
  private refuseTyping(cell: Cell, sink: Sink): boolean {
    const { table } = this.props;
    const column = this.columns[cell.col];
    if (column.editable && this.refuseLocked('cell')) {
      sink.value = '';
      return true;
    }
    const lock = column.editable ? this.lockAt(cell.row, this.fieldAt(cell)) : null;
    const field = this.fieldAt(cell);
    const why = whyNotEditable(cell, column, this.dims().rows, lock, (lang) => cellPlace(cell.row, field, lang, table));
    if (!why) return false;
    // Typed where nothing can be written: the message says why (and where to go), quoting every key typed there.
    this.notTyped = typedWhereNot(this.notTyped, cell, sink.value);
    const typed = this.notTyped.text;
    sink.value = '';
    this.props.onMessage(
      saying((t, lang) => `${why(lang)}${typed ? ` (${t.notTyped(typed)})` : ''}`),
      'error',
    );
    return true;
  }

  beginEdit(mode: EditMode, text: string | null): boolean {
    const s = this.selection;
    const sink = this.screen.sink();
    if (!s || !sink) return false;
    const cell = s.active;
    if (this.refuseTyping(cell, sink)) return false;
    // A block collapses to its active cell, as in Excel.
    if (s.anchor.row !== cell.row || s.anchor.col !== cell.col) this.select(single(cell), false);
    if (text !== null) {
      sink.value = text;
      sink.setSelectionRange(text.length, text.length);
    }
    const field = this.fieldAt(cell);
    this.editing = { mode, cell, original: this.textAt(cell) };
    sink.classList.add('editing');
    sink.classList.toggle('multiline', LONG_TEXT.has(field));
    this.screen.setEditing(this.editing);
    this.screen.setEditError(null);
    // 类别 opens its whole list to choose from; 阶段 offers the usual stages matching what is typed.
    if (LIST_FIELDS.has(field)) this.openList(field, mode === 'edit' ? '' : sink.value, this.valueAt(cell));
    this.screen.place();
    return true;
  }

  private openList(field: string, text: string, current?: unknown) {
    this.setList(listFor(field, text, current, this.props.lang));
  }
  setList(list: ListState | null) {
    this.list = list;
    this.screen.setList(list);
  }

  endEdit() {
    const sink = this.screen.sink();
    this.editing = null;
    if (sink) {
      sink.value = '';
      sink.classList.remove('editing', 'multiline', 'invalid');
    }
    this.screen.setEditing(null);
    this.screen.setEditError(null);
    this.setList(null);
    this.screen.place();
  }

  /** Stores the value being edited; false (and the edit stays open, with the reason) if it is refused. */
  commit = (): boolean => {
    const edit = this.editing;
    const sink = this.screen.sink();
    if (!edit || !sink) return true;
    const field = this.fieldAt(edit.cell);
    const outcome = commitOutcome(edit, field, sink.value, this.list, this.check);
    if (outcome.kind === 'unchanged') {
      this.endEdit();
      return true;
    }
    if (outcome.kind === 'invalid') {
      sink.classList.add('invalid');
      this.screen.setEditError(outcome.message);
      this.props.onMessage(outcome.message, 'error');
      return false;
    }
    this.write(edit.cell.row, field, outcome.text, outcome.value);
    this.screen.setPasteMarks((m) => (m.size ? new Map() : m));
    this.endEdit();
    return true;
  };

  private write(row: number, field: string, text: string, value: unknown) {
    const { table } = this.props;
    const write = () => {
      const rowId = this.props.rowIds[row];
      if (value === (this.rows[row]?.[field] ?? null)) return;
      this.props.onEdit([{ table, rowId, field, raw: text, value: value as CellEdit['value'] }]);
    };
    // A row Tab is still adding: the value waits until the row is on screen; nothing typed is dropped.
    if (row >= this.props.rowIds.length)
      void this.whenRowExists(row).then((ok) =>
        ok
          ? write()
          : this.props.onMessage(
              saying((t, lang) => `${cellPlace(row, field, lang, table)}: ${t.notTyped(text)}`),
              'error',
            ),
      );
    else write();
  }

  private async whenRowExists(row: number): Promise<boolean> {
    await this.appending?.catch(() => {});
    for (let frame = 0; frame < 120 && row >= this.props.rowIds.length; frame++) await this.screen.nextFrame();
    return row < this.props.rowIds.length;
  }

  /** What the row and block actions (actions.ts) need of the grid. */
  core(): GridCore {
    const { table, t, lang } = this.props;
    return {
      table,
      columns: this.columns,
      t,
      lang,
      check: this.check,
      locked: (row, field) => this.lockAt(row, field)?.message ?? null,
      goesWith: (rowList) => this.props.goesWith?.(rowList) ?? '',
      rowIds: () => this.props.rowIds,
      rows: () => this.rows,
      selection: () => this.selection,
      dims: this.dims,
      select: this.select,
      commitEdit: this.commit,
      focus: this.screen.focus,
      markPaste: (marks) => this.screen.setPasteMarks(() => marks),
      onEdit: (edits, options) => {
        if (!this.refuseLocked('cell')) this.props.onEdit(edits, options);
      },
      onPaste: (edits, append) => (this.refuseLocked('cell') ? Promise.resolve(false) : this.props.onPaste(edits, append)),
      onRows: (op) => (this.refuseLocked('tools') ? Promise.resolve(false) : this.props.onRows(op)),
      onMessage: (text, kind) => this.props.onMessage(text, kind),
      confirm: (question, ok) => this.props.confirm(question, ok),
    };
  }

  /** A row operation; an accepted record refuses at once: no question about deleting rows it will not delete. */
  rowOp = (kind: RowOpKind): Promise<void> => (this.refuseLocked('tools') ? Promise.resolve() : rowOperation(this.core(), kind));

  /** A key on the text area: true when the grid took it (the browser must not). */
  key(e: KeyInput): boolean {
    const edit = this.editing;
    const context = {
      mode: edit?.mode ?? ('none' as const),
      multiline: !!edit && LONG_TEXT.has(this.fieldAt(edit.cell)),
      list: !!edit && !!this.list,
      mac: this.screen.mac,
    };
    const cmd = commandFor(e, context);
    return !!cmd && this.run(cmd);
  }

  run(cmd: GridCommand): boolean {
    switch (cmd.kind) {
      case 'move':
      case 'edge':
      case 'page':
      case 'home':
      case 'end':
      case 'enter':
        if (!this.selection) return false;
        if (!this.editing || this.commit()) this.select(navigate(this.selection, cmd, this.dims()));
        return true;
      case 'tab':
        return this.tab(cmd.back);
      case 'edit':
        return this.f2();
      case 'openList':
        return this.openListKey();
      case 'listMove':
        if (this.list?.items.length)
          this.setList({ ...this.list, highlight: listHighlight(this.list.highlight, this.list.items.length, cmd.d) });
        return true;
      case 'cancel':
        this.cancel();
        return true;
      case 'commitStay':
        if (this.editing) this.commit();
        return true;
      default:
        return this.runAction(cmd);
    }
  }

  /** Commands that act on the table: clear, fill, select all, undo, rows. */
  private runAction(cmd: GridCommand): boolean {
    switch (cmd.kind) {
      case 'newline': {
        const sink = this.screen.sink()!;
        sink.setRangeText('\n', sink.selectionStart, sink.selectionEnd, 'end');
        return true;
      }
      case 'clear':
        // (Refused before anything is counted: the note never says cells were cleared that were not.)
        if (!this.refuseLocked('cell')) clearCells(this.core());
        return true;
      case 'selectAll':
        if (this.dims().rows) this.select(selectAll(this.dims()), false);
        return true;
      case 'fill':
        if (!this.refuseLocked('cell')) fillCells(this.core(), cmd.right);
        return true;
      case 'undo':
        this.props.onUndo();
        return true;
      case 'redo':
        this.props.onRedo();
        return true;
      case 'insertRows':
        void this.rowOp('insert');
        return true;
      case 'deleteRows':
        void this.rowOp('delete');
        return true;
      default:
        return false;
    }
  }

  /** Tab: the next editable cell; past the last cell of the last row, a new row, and the keys typed meanwhile go into it. */
  private tab(back: boolean): boolean {
    const s = this.selection;
    if (!s) return false;
    if (this.editing && !this.commit()) return true;
    const d = this.dims();
    const target = tabTo(
      s,
      this.columns.map((c) => c.editable),
      d,
      back,
    );
    if ('cell' in target) {
      this.select(single(target.cell));
      return true;
    }
    if (this.refuseLocked('cell')) return true;
    const adding = this.props.onRows({ kind: 'insert', index: target.append.row, count: 1 }).finally(() => {
      if (this.appending === adding) this.appending = null;
      void this.screen.nextFrame().then(this.screen.place);
    });
    this.appending = adding;
    this.select(single(target.append), false);
    return true;
  }

  /** F2: edits the cell (a locked one opens where its value comes from); while editing, switches how the arrows act. */
  private f2(): boolean {
    const s = this.selection;
    if (!s) return false;
    const edit = this.editing;
    if (!edit && this.openLocked(s.active)) return true;
    if (edit) {
      this.editing = { ...edit, mode: edit.mode === 'edit' ? 'enter' : 'edit' };
      this.screen.setEditing(this.editing);
    } else this.beginEdit('edit', this.textAt(s.active));
    return true;
  }

  /** Alt+↓ on 类别 or 阶段: the list. 类别 is chosen from it; 阶段 keeps its text, the list beside it. */
  private openListKey(): boolean {
    const s = this.selection;
    if (!s || !LIST_FIELDS.has(this.fieldAt(s.active))) return false;
    if (!this.editing) this.beginEdit('edit', this.fieldAt(s.active) === 'category' ? '' : this.textAt(s.active));
    return true;
  }

  /** Esc: the edit goes; otherwise the marks of a refused paste go and a block collapses to its active cell. */
  private cancel() {
    this.screen.setNotice(null);
    if (this.editing) return this.endEdit();
    this.screen.setPasteMarks(() => new Map());
    if (this.selection) this.select(single(this.selection.active), false);
  }

  /** F2, a double-click or a click on its badge, on a locked cell: where its value comes from. */
  openLocked(cell: Cell): boolean {
    if (!this.props.onOpen || !this.lockAt(cell.row, this.fieldAt(cell))) return false;
    this.props.onOpen(cell.row, this.fieldAt(cell));
    return true;
  }

  /** The first key typed on a cell (or the start of a composition) begins the edit; it is already in the text area. */
  input() {
    const sink = this.screen.sink()!;
    if (!this.editing) {
      if (sink.value !== '') this.startTyping();
      return;
    }
    sink.classList.remove('invalid');
    this.screen.setEditError(null);
    const field = this.fieldAt(this.editing.cell);
    if (LIST_FIELDS.has(field)) this.openList(field, sink.value);
  }
  startTyping() {
    if (this.editing) return;
    if (!this.selection) this.select(single({ row: 0, col: this.columns.findIndex((c) => c.editable) }));
    this.beginEdit('enter', null);
  }

  /** Copy (or cut): the block as text and HTML, or null when there is nothing to copy (a cell is being edited). */
  copy(cut: boolean): { text: string; html: string } | null {
    if (this.editing) return null;
    const block = copyCells(this.core());
    if (!block) return null;
    // A cut on a locked record copies, and says the cells were not cleared (why), never 已清除.
    if (cut) {
      if (!this.refuseLocked('cell')) clearCells(this.core());
    } else this.props.onMessage(saying((t) => t.copied(block.length, block[0]?.length ?? 0)));
    return copyBlock(block);
  }

  /** A paste, unless a cell is being edited (then the text goes into it). */
  paste(text: string): Promise<void> | null {
    return this.editing ? null : pasteText(this.core(), text);
  }

  /** The table lost the keyboard: no row is worked on; clicking elsewhere stores the edit (another window keeps it open, as Excel does). */
  blur(windowHasFocus: boolean) {
    this.props.onActiveRow?.(null);
    if (this.editing && windowHasFocus) this.commit();
  }
  focusIn() {
    if (this.on.active !== null) this.props.onActiveRow?.(this.on.active);
    if (!this.selection && this.rows.length) this.select(single({ row: 0, col: 0 }));
  }

  /**
   * A mouse button down on a cell: selects it (Shift: the block to it). A right click inside the block
   * keeps it (for the browser's menu); a click on a locked cell's badge opens it. False when an edit
   * that could not be stored keeps the keyboard.
   */
  press(cell: Cell, how: { button: number; shift: boolean; onBadge: boolean }): 'drag' | 'done' {
    if (this.editing && !this.commit()) return 'done';
    if (how.button === 0 && !how.shift && how.onBadge) {
      this.select(single(cell), false);
      this.openLocked(cell);
      return 'done';
    }
    const s = this.selection;
    if (how.button !== 0 && s) {
      const b = bounds(s);
      if (cell.row >= b.top && cell.row <= b.bottom && cell.col >= b.left && cell.col <= b.right) return 'done';
    }
    this.select(moveTo(this.selection, cell, this.dims(), how.shift), false);
    return how.button === 0 ? 'drag' : 'done';
  }
  /** The mouse moved over a cell while dragging: the block reaches it. */
  drag(over: Cell) {
    const s = this.selection;
    if (s && (over.row !== s.active.row || over.col !== s.active.col)) this.select(moveTo(s, over, this.dims(), true), false);
  }
  doubleClick(cell: Cell) {
    if (this.editing) return;
    this.select(single(cell), false);
    if (!this.openLocked(cell)) this.beginEdit('edit', this.textAt(cell));
  }
  /** A choice clicked in the list. */
  pick(label: string) {
    this.screen.sink()!.value = label;
    this.setList(null);
    this.commit();
  }

  /** Selects a cell (a finding's place, say). */
  focusCell(row: number, field: string) {
    if (this.editing && !this.commit()) return;
    const col = this.columns.findIndex((c) => c.field === field);
    this.select(single({ row: Math.max(0, Math.min(row, this.rows.length - 1)), col: Math.max(0, col) }));
  }

  /** The value typed into a cell and not stored, described; null when there is none. */
  unsaved(): string | null {
    const edit = this.editing;
    const sink = this.screen.sink();
    if (!edit || !sink) return null;
    return `${cellPlace(edit.cell.row, this.fieldAt(edit.cell), this.props.lang, this.props.table)}“${sink.value}”`;
  }
}
