// The grid's edit session (renderer/src/grid/controller.ts) without a browser: the keys typed into
// the text area, Enter, Tab, Esc, a click, a copy — and what reaches the app (the edits, the row
// operations, the messages). A fake screen stands for the text area and AG Grid.
import { describe, expect, it, vi } from 'vitest';
import { GridSession, type GridScreen, type Sink } from '../../../renderer/src/grid/controller';
import type { GridProps } from '../../../renderer/src/grid/TableGrid';
import type { RowData } from '../../../renderer/src/grid/gridOptions';
import { STRINGS } from '../../../renderer/src/strings';
import type { KeyInput } from '../../../renderer/src/grid/keymap';

const rows: RowData[] = [
  { id: 11, seq: 1, category: 'logistics', name: '物流', planned: '100.00', actual: '50.00', rate: '50.00' },
  { id: 12, seq: 2, category: 'training', name: '培训', planned: '40.00', actual: '29.41', rate: '73.53' },
];
const COL = { seq: 0, category: 1, name: 2, planned: 3, actual: 4, rate: 5, statedRate: 6 };

function fakeSink(): Sink & { classes: Set<string> } {
  const classes = new Set<string>();
  return {
    value: '',
    selectionStart: 0,
    selectionEnd: 0,
    setSelectionRange() {},
    setRangeText(text) {
      this.value += text;
    },
    classes,
    classList: {
      add: (...c) => c.forEach((x) => classes.add(x)),
      remove: (...c) => c.forEach((x) => classes.delete(x)),
      toggle: (c, on) => (on ? classes.add(c) : classes.delete(c)),
    },
  };
}

function grid(over: Partial<GridProps> = {}) {
  const sink = fakeSink();
  const props = {
    table: 'disbursements',
    recordId: 1,
    rows,
    rowIds: rows.map((r) => r.id),
    findings: [],
    marks: new Map(),
    lang: 'zh',
    t: STRINGS.zh,
    onEdit: vi.fn(),
    onPaste: vi.fn(async () => true),
    onRows: vi.fn(async () => true),
    onMessage: vi.fn(),
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    confirm: vi.fn(async () => true),
    ...over,
  } satisfies GridProps;
  const screen: GridScreen = {
    sink: () => sink,
    focus: () => {},
    redraw: () => {},
    reveal: () => {},
    place: () => {},
    setEditing: () => {},
    setEditError: vi.fn(),
    setNotice: vi.fn(),
    setList: () => {},
    setPasteMarks: () => {},
    nextFrame: () => Promise.resolve(),
    mac: false,
  };
  const session = new GridSession({ props: { current: props }, rows: { current: rows } }, screen);
  /** Keys typed on the selected cell, as the text area takes them. */
  const type = (text: string) => {
    for (const ch of text) {
      sink.value += ch;
      session.input();
    }
  };
  const press = (key: string, mods: Partial<KeyInput> = {}) =>
    session.key({ key, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, keyCode: 0, ...mods });
  const at = (row: number, col: number) => session.press({ row, col }, { button: 0, shift: false, onBadge: false });
  /** The last message, said in a language (a message is kept as how to say it), and its kind. */
  const said = (lang: 'zh' | 'en' = 'zh') => {
    const [text, kind] = vi.mocked(props.onMessage).mock.lastCall ?? [];
    return [text?.(lang), kind];
  };
  return { session, props, screen, sink, type, press, at, said };
}

describe('typing into a cell', () => {
  it('typed over a cell and Enter: the value is written (as the column reads it) and the selection goes down', () => {
    const g = grid();
    g.at(0, COL.actual);
    g.type('1,234.5');
    expect(g.session.editing?.cell).toEqual({ row: 0, col: COL.actual });
    expect(g.press('Enter')).toBe(true);
    expect(g.props.onEdit).toHaveBeenCalledWith([{ table: 'disbursements', rowId: 11, field: 'actual', raw: '1,234.5', value: '1234.5' }]);
    expect(g.session.editing).toBeNull();
    expect(g.session.selection?.active).toEqual({ row: 1, col: COL.actual });
    expect(g.sink.value).toBe('');
  });

  it('a value that cannot be read stays in its cell with the reason, and nothing is written', () => {
    const g = grid();
    g.at(1, COL.planned);
    g.type('abc');
    g.press('Enter');
    expect(g.props.onEdit).not.toHaveBeenCalled();
    expect(g.session.editing?.cell).toEqual({ row: 1, col: COL.planned });
    expect(g.sink.classes.has('invalid')).toBe(true);
    expect(g.said()).toEqual([expect.stringContaining('abc'), 'error']);
    // Esc drops it: nothing written still, the cell as it was.
    g.press('Escape');
    expect(g.session.editing).toBeNull();
    expect(g.props.onEdit).not.toHaveBeenCalled();
  });

  it('F2 and Enter without a change writes nothing', () => {
    const g = grid();
    g.at(0, COL.name);
    g.press('F2');
    expect(g.sink.value).toBe('物流');
    g.press('Enter');
    expect(g.props.onEdit).not.toHaveBeenCalled();
  });

  it('keys typed on a computed cell are not written, and the message quotes all of them', () => {
    const g = grid();
    g.at(0, COL.rate);
    g.type('9');
    g.type('0');
    expect(g.props.onEdit).not.toHaveBeenCalled();
    expect(g.said()).toEqual([`第 1 行 资金拨付率(%): ${STRINGS.zh.computedCell} (“90”未写入)`, 'error']);
    // Said again in English once the user switched.
    expect(g.said('en')).toEqual([`Row 1, disbursement rate (%): ${STRINGS.en.computedCell} (${STRINGS.en.notTyped('90')})`, 'error']);
  });

  it('an accepted record refuses typing at the cell, with its reason', () => {
    const locked = () => '樟树市 第8批 已验收';
    const g = grid({ recordLocked: locked });
    g.at(0, COL.actual);
    g.type('9');
    expect(g.session.editing).toBeNull();
    expect(g.screen.setNotice).toHaveBeenCalledWith({ text: locked, at: 'cell' });
    expect(g.said()).toEqual(['樟树市 第8批 已验收', 'error']);
    // Nor does Tab past its last cell add a row to it.
    g.at(1, COL.statedRate);
    g.press('Tab');
    expect(g.props.onRows).not.toHaveBeenCalled();
  });
});

describe('keys that act on the table', () => {
  it('Tab past the last cell of the last row adds a row and goes to its first editable cell', () => {
    const g = grid();
    g.at(1, COL.statedRate);
    g.press('Tab');
    expect(g.props.onRows).toHaveBeenCalledWith({ kind: 'insert', index: 2, count: 1 });
    expect(g.session.selection?.active).toEqual({ row: 2, col: COL.seq });
  });

  it('Esc collapses a block to its active cell; Ctrl+Z and Ctrl+Y are the app’s undo and redo', () => {
    const g = grid();
    g.at(0, COL.name);
    g.press('ArrowDown', { shiftKey: true });
    expect(g.session.selection).toEqual({ anchor: { row: 0, col: COL.name }, active: { row: 1, col: COL.name } });
    g.press('Escape');
    expect(g.session.selection).toEqual({ anchor: { row: 1, col: COL.name }, active: { row: 1, col: COL.name } });
    g.press('z', { ctrlKey: true });
    g.press('y', { ctrlKey: true });
    expect(g.props.onUndo).toHaveBeenCalledTimes(1);
    expect(g.props.onRedo).toHaveBeenCalledTimes(1);
  });

  it('copy gives the block as text and says what was copied; a cell being edited copies its own text', () => {
    const g = grid();
    g.at(0, COL.planned);
    g.press('ArrowRight', { shiftKey: true });
    expect(g.session.copy(false)?.text).toBe('100.00\t50.00\n');
    expect(g.said()).toEqual(['已复制 1 行 × 2 列', undefined]);
    expect(g.said('en')[0]).toBe(STRINGS.en.copied(1, 2));
    g.type('7');
    expect(g.session.copy(false)).toBeNull();
  });
});
