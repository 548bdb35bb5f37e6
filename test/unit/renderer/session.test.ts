// The grid's edit session (renderer/src/grid/session.ts) without a browser: what a key does to the
// selection, whether a cell takes what is typed, what committing the editor writes, where the
// selection goes when rows move or go, and the notes on each cell.
import { describe, expect, it } from 'vitest';
import {
  cellNotesOf,
  commitOutcome,
  listHighlight,
  navigate,
  selectionAfterRows,
  tabTo,
  typedWhereNot,
  whyNotEditable,
} from '../../../renderer/src/grid/session';
import { tableCheck } from '../../../renderer/src/grid/blocks';
import { single, type Selection } from '../../../renderer/src/grid/selection';
import type { Finding } from '../../../shared/findings';
import type { Lang } from '../../../shared/i18n';
import { STRINGS } from '../../../renderer/src/strings';

const d = { rows: 6, cols: 5 };
const at = (row: number, col: number): Selection => single({ row, col });

describe('keys that move', () => {
  it('arrows move, Shift extends, Ctrl goes to the edge, Home/End to the row ends (Ctrl: the table ends), Enter down or up', () => {
    expect(navigate(at(2, 1), { kind: 'move', dRow: 1, dCol: 0, extend: false }, d)).toEqual(at(3, 1));
    expect(navigate(at(2, 1), { kind: 'move', dRow: 1, dCol: 0, extend: true }, d)).toEqual({
      anchor: { row: 2, col: 1 },
      active: { row: 3, col: 1 },
    });
    expect(navigate(at(0, 0), { kind: 'move', dRow: -1, dCol: 0, extend: false }, d)).toEqual(at(0, 0));
    expect(navigate(at(2, 1), { kind: 'edge', dRow: 1, dCol: 0, extend: false }, d)).toEqual(at(5, 1));
    expect(navigate(at(2, 1), { kind: 'page', dRow: 10, extend: false }, d)).toEqual(at(5, 1));
    expect(navigate(at(2, 3), { kind: 'home', extend: false, toFirstRow: false }, d)).toEqual(at(2, 0));
    expect(navigate(at(2, 3), { kind: 'home', extend: false, toFirstRow: true }, d)).toEqual(at(0, 0));
    expect(navigate(at(2, 1), { kind: 'end', extend: false, toLastRow: false }, d)).toEqual(at(2, 4));
    expect(navigate(at(2, 1), { kind: 'end', extend: false, toLastRow: true }, d)).toEqual(at(5, 4));
    // Enter leaves a block for the cell under its active cell.
    expect(navigate({ anchor: { row: 0, col: 0 }, active: { row: 2, col: 1 } }, { kind: 'enter', back: false }, d)).toEqual(at(3, 1));
    expect(navigate(at(2, 1), { kind: 'enter', back: true }, d)).toEqual(at(1, 1));
  });

  it('Tab skips computed columns and asks for a new row past the last cell, landing in its first editable column', () => {
    const editable = [false, true, true, false, true];
    expect(tabTo(at(1, 1), editable, d, false)).toEqual({ cell: { row: 1, col: 2 } });
    expect(tabTo(at(1, 2), editable, d, false)).toEqual({ cell: { row: 1, col: 4 } });
    expect(tabTo(at(1, 4), editable, d, false)).toEqual({ cell: { row: 2, col: 1 } });
    expect(tabTo(at(5, 4), editable, d, false)).toEqual({ append: { row: 6, col: 1 } });
    expect(tabTo(at(2, 1), editable, d, true)).toEqual({ cell: { row: 1, col: 4 } });
  });

  it('↑ ↓ in an open list go round its ends; none highlighted starts at the first (↓) or the last (↑)', () => {
    expect([
      listHighlight(-1, 4, 1),
      listHighlight(-1, 4, -1),
      listHighlight(3, 4, 1),
      listHighlight(0, 4, -1),
      listHighlight(1, 4, 1),
    ]).toEqual([0, 3, 0, 3, 2]);
    expect(listHighlight(-1, 0, 1)).toBe(-1);
  });
});

describe('typing where nothing can be written', () => {
  const place = (lang: Lang) => (lang === 'zh' ? '三 第 2 行 资金拨付率' : 'Table 3, row 2, rate');
  it('says why: the lock of a computed line first, then a computed column, then below the last row', () => {
    const lock = () => '由台账计算';
    expect(whyNotEditable({ row: 1, col: 3 }, { field: 'actual', editable: true }, 6, { message: lock }, place)).toBe(lock);
    const computed = whyNotEditable({ row: 1, col: 5 }, { field: 'rate', editable: false }, 6, null, place)!;
    expect(computed('zh')).toBe(`三 第 2 行 资金拨付率: ${STRINGS.zh.computedCell}`);
    expect(computed('en')).toBe(`Table 3, row 2, rate: ${STRINGS.en.computedCell}`);
    expect(whyNotEditable({ row: 6, col: 3 }, { field: 'actual', editable: true }, 6, null, place)!('zh')).toBe(
      `三 第 2 行 资金拨付率: ${STRINGS.zh.noRowHere}`,
    );
    expect(whyNotEditable({ row: 1, col: 3 }, { field: 'actual', editable: true }, 6, null, place)).toBeNull();
  });

  it('quotes every key typed on that cell since the selection came there, and starts again on another cell', () => {
    const first = typedWhereNot(null, { row: 1, col: 5 }, '7');
    const second = typedWhereNot(first, { row: 1, col: 5 }, '00');
    expect(second.text).toBe('700');
    expect(typedWhereNot(second, { row: 2, col: 5 }, '1').text).toBe('1');
  });
});

describe('committing the editor', () => {
  const check = tableCheck('disbursements');
  const typed = { mode: 'enter' as const, cell: { row: 0, col: 3 }, original: '640.21' };
  it('reads the text as its column does, or refuses with the reason naming the cell', () => {
    expect(commitOutcome(typed, 'actual', '1,234.5', null, check)).toEqual({ kind: 'write', text: '1,234.5', value: '1234.5' });
    const refused = commitOutcome(typed, 'actual', '2O0', null, check);
    expect(refused.kind).toBe('invalid');
    expect(refused.kind === 'invalid' && refused.message('zh')).toContain('第 1 行');
  });

  it('an F2 edit that changed nothing writes nothing; a highlighted list item is what is written', () => {
    expect(commitOutcome({ ...typed, mode: 'edit' }, 'actual', '640.21', null, check)).toEqual({ kind: 'unchanged' });
    const list = { items: ['人员培训', '县乡村物流配送体系'], highlight: 1 };
    expect(commitOutcome({ mode: 'edit', cell: { row: 0, col: 2 }, original: '其他' }, 'category', '', list, check)).toEqual({
      kind: 'write',
      text: '县乡村物流配送体系',
      value: 'logistics',
    });
    // Typed over with nothing typed: the list's highlight does not count.
    expect(commitOutcome({ mode: 'enter', cell: { row: 0, col: 2 }, original: '其他' }, 'category', ' ', list, check).kind).toBe('invalid');
  });
});

describe('the selection when the rows change', () => {
  const options = { followRows: true, editing: false, appending: false, dims: { rows: 4, cols: 3 } };
  it('follows its rows when they are put in another order (the ledger), the anchor with its own row', () => {
    const s: Selection = { anchor: { row: 0, col: 1 }, active: { row: 1, col: 2 } };
    expect(selectionAfterRows(s, [30, 10, 20, 40], { anchor: 10, active: 20 }, options)).toEqual({
      anchor: { row: 1, col: 1 },
      active: { row: 2, col: 2 },
    });
    expect(selectionAfterRows(s, [10, 20, 30, 40], { anchor: 10, active: 20 }, options)).toBeNull();
    expect(selectionAfterRows(s, [30, 10, 20, 40], { anchor: 10, active: 20 }, { ...options, followRows: false })).toBeNull();
    expect(selectionAfterRows(s, [30, 10, 20, 40], { anchor: 10, active: 20 }, { ...options, editing: true })).toBeNull();
  });

  it('stays inside the table when rows went (not while Tab is adding one)', () => {
    const s: Selection = { anchor: { row: 5, col: 0 }, active: { row: 5, col: 0 } };
    expect(selectionAfterRows(s, [1, 2, 3, 4], { anchor: 9, active: 9 }, options)).toEqual(at(3, 0));
    expect(selectionAfterRows(s, [1, 2, 3, 4], { anchor: 9, active: 9 }, { ...options, appending: true })).toBeNull();
    expect(selectionAfterRows(null, [1, 2], { anchor: null, active: null }, options)).toBeNull();
  });
});

describe('what a cell carries', () => {
  it('its findings, the marks on its row (by id, wherever the row is now) and the bad cells of a refused paste', () => {
    const findings: Finding[] = [
      { severity: 'warning', code: 'over_disbursed', params: {}, target: { table: 'disbursements', row: 1, field: 'actual' } },
      { severity: 'warning', code: 'over_disbursed', params: {}, target: { table: 'items', row: 0, field: 'name' } },
    ];
    const marks = new Map([
      ['20:planned', { kind: 'draft' as const, message: '草稿' }],
      ['99:name', { kind: 'error' as const, message: 'gone' }],
    ]);
    const notes = cellNotesOf('disbursements', findings, marks, new Map([['0:name', () => '“”不能为空']]), [10, 20], 'zh');
    expect([...notes.keys()].sort()).toEqual(['0:name', '1:actual', '1:planned']);
    expect(notes.get('1:planned')).toEqual([{ severity: 'draft', text: '草稿' }]);
    expect(notes.get('0:name')).toEqual([{ severity: 'error', text: '“”不能为空' }]);
    expect(notes.get('1:actual')![0].severity).toBe('warning');
  });
});
