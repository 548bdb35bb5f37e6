// What AG Grid is told when a table's rows change (renderer/src/grid/gridRows.ts): typing in a table
// of 2,000 lines hands it the one changed row; rows that came, went or moved, all of them, the
// unchanged ones as the objects it has.
import { describe, expect, it } from 'vitest';
import { nextRows, rowsWithNewNotes } from '../../../renderer/src/grid/gridRows';

const lines = Array.from({ length: 2000 }, (_, i) => ({ seq: i + 1, actual: '50.00' }));
const ids = lines.map((_, i) => 1000 + i);

describe('rows handed to the grid', () => {
  it('an edit in place: only the edited row is handed over, every other row keeps its object', () => {
    const first = nextRows(null, lines, ids);
    expect(first.changed).toBeNull();
    expect(first.rows.rows[1999]).toEqual({ seq: 2000, actual: '50.00', id: 2999 });
    const edited = lines.slice();
    edited[7] = { seq: 8, actual: '91.00' };
    const second = nextRows(first.rows, edited, ids);
    expect(second.changed).toEqual([{ seq: 8, actual: '91.00', id: 1007 }]);
    expect(second.rows.rows.filter((r, i) => r !== first.rows.rows[i])).toEqual([{ seq: 8, actual: '91.00', id: 1007 }]);
  });

  it('the store’s copy after a write (new objects, the same values): nothing to hand over', () => {
    const first = nextRows(null, lines, ids);
    const reloaded = nextRows(
      first.rows,
      lines.map((l) => ({ ...l })),
      [...ids],
    );
    expect(reloaded.changed).toEqual([]);
    expect(reloaded.rows.rows.every((r, i) => r === first.rows.rows[i])).toBe(true);
    // A field gone counts as a change (a stated rate cleared).
    const cleared = nextRows(first.rows, [{ seq: 1 }, ...lines.slice(1)], ids);
    expect(cleared.changed).toEqual([{ seq: 1, id: 1000 }]);
  });

  it('a row inserted: all rows are handed over, those that only moved as the objects the grid has', () => {
    const first = nextRows(null, lines.slice(0, 3), ids.slice(0, 3));
    const inserted = nextRows(first.rows, [lines[0], { seq: 9, actual: '1.00' }, lines[1], lines[2]], [1000, 5, 1001, 1002]);
    expect(inserted.changed).toBeNull();
    expect(inserted.rows.rows.map((r) => r.id)).toEqual([1000, 5, 1001, 1002]);
    expect(inserted.rows.rows[2]).toBe(first.rows.rows[1]);
    expect(inserted.rows.rows[3]).toBe(first.rows.rows[2]);
  });
});

describe('rows whose notes changed', () => {
  it('are those with a note added, changed or gone; a note equal to the one before is no change', () => {
    const before = new Map([
      ['1:actual', [{ severity: 'warning' as const, text: '超拨' }]],
      ['4:name', [{ severity: 'error' as const, text: '名称为空' }]],
      ['6:planned', [{ severity: 'draft' as const, text: '草稿' }]],
    ]);
    const after = new Map([
      ['1:actual', [{ severity: 'warning' as const, text: '超拨' }]],
      ['6:planned', [{ severity: 'error' as const, text: '草稿' }]],
      ['9:actual', [{ severity: 'warning' as const, text: '超拨' }]],
    ]);
    expect(rowsWithNewNotes(before, after)).toEqual([4, 6, 9]);
    expect(rowsWithNewNotes(before, new Map(before))).toEqual([]);
  });
});
