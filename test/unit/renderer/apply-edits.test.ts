// The record on screen while edits are being written: recomputed only where they touch, it must
// be exactly what computeRecord() gives for the edited record — for any edits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, type RowEdit } from '../../../renderer/src/applyEdits';
import { computeRecord, toInput } from '../../../shared/record';
import { parseCell } from '../../../shared/fields';
import { CATEGORIES } from '../../../shared/text';
import { seedInput } from '../../helpers/fixtures';

const seed = computeRecord(seedInput());
const ids = { itemIds: seed.items.map((_, i) => 100 + i), disbursementIds: seed.disbursements.map((_, i) => 200 + i) };

/** The slow way: edit the input, compute everything. */
function recompute(edits: RowEdit[]) {
  const input = structuredClone(toInput(seed));
  for (const e of edits) {
    const rows = (e.table === 'items' ? input.items : input.disbursements) as unknown as Record<string, unknown>[];
    const row = rows[(e.table === 'items' ? ids.itemIds : ids.disbursementIds).indexOf(e.rowId)];
    if (e.field === 'statedRate' && e.value === null) delete row.statedRate;
    else row[e.field] = e.value;
  }
  return computeRecord(input);
}

const amount = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.nat(99_999), fc.nat(999_999)).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`),
  fc.nat(5000).map(String),
);
const edit = fc
  .oneof(
    fc.record({ table: fc.constant('disbursements' as const), row: fc.nat(5), field: fc.constantFrom('planned', 'actual'), raw: amount }),
    fc.record({
      table: fc.constant('disbursements' as const),
      row: fc.nat(5),
      field: fc.constant('statedRate'),
      raw: fc.oneof(
        fc.constant(''),
        fc.nat(10_000).map((n) => `${n / 100}%`),
      ),
    }),
    fc.record({
      table: fc.constant('disbursements' as const),
      row: fc.nat(5),
      field: fc.constant('name'),
      raw: fc.constantFrom('物流', '培訓項目', 'x'),
    }),
    fc.record({
      table: fc.constant('items' as const),
      row: fc.nat(5),
      field: fc.constant('completionRate'),
      raw: fc.oneof(fc.constant(''), fc.nat(200).map(String)),
    }),
    fc.record({
      table: fc.constantFrom('items' as const, 'disbursements' as const),
      row: fc.nat(5),
      field: fc.constant('category'),
      raw: fc.constantFrom(...CATEGORIES),
    }),
  )
  .map(({ table, row, field, raw }): RowEdit => {
    const parsed = parseCell(table, field, raw);
    if (!parsed.ok) throw new Error(`${field} ${raw}`);
    return { table, rowId: (table === 'items' ? ids.itemIds : ids.disbursementIds)[row], field, value: parsed.value };
  });

describe('applyEdits', () => {
  it('equals computeRecord of the edited record, for any edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        expect(applyEdits(seed, ids, edits)).toEqual(recompute(edits));
      }),
      { numRuns: 300 },
    );
  });
  it('a renamed record in traditional characters writes its sentence in them', () => {
    const edits = seed.disbursements.map((_, i): RowEdit => ({
      table: 'disbursements',
      rowId: ids.disbursementIds[i],
      field: 'name',
      value: '縣鄉村物流快遞配送體系建設',
    }));
    expect(applyEdits(seed, ids, edits).disbursementSummary).toBe(recompute(edits).disbursementSummary);
  });
  it('leaves the rows it does not touch as they were (the grid redraws only changed rows)', () => {
    const next = applyEdits(seed, ids, [{ table: 'disbursements', rowId: ids.disbursementIds[2], field: 'actual', value: '120' }]);
    expect(next.disbursements.filter((d, i) => d !== seed.disbursements[i])).toHaveLength(1);
    expect(next.items).toEqual(seed.items);
    expect(next.totals).toMatchObject({ actual: '1255.96', rate: '83.73' });
  });
});
