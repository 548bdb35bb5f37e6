// The overview's rows without a browser (renderer/src/overview/rows.ts, state.ts): group labels in the
// app's language (as of a day: how many counties are of that day), the typed-total mark, the choices
// the filters offer, how the columns compare, and a sort that keeps counties within their groups.
import { describe, expect, it } from 'vitest';
import { overviewRows, type OverviewRecord } from '../../../shared/overview';
import { STRINGS } from '../../../renderer/src/strings';
import {
  choicesOf,
  compareMoney,
  compareRate,
  compareScoreText,
  compareStatus,
  gridRow,
  withinGroups,
} from '../../../renderer/src/overview/rows';
import { invalidOf, INITIAL_OVERVIEW } from '../../../renderer/src/overview/state';
import type { RecordSummary } from '../../../renderer/src/Sidebar';

const record = (id: number, over: Partial<OverviewRecord> = {}): RecordSummary =>
  ({
    id,
    county: `县${id}`,
    province: '江西省',
    prefecture: '宜春市',
    batch: 8,
    year: 2021,
    planned: '100.00',
    actual: '50.00',
    rate: '50.00',
    warnings: 1,
    errors: 2,
    items: 3,
    status: { status: 'draft', by: null, at: null },
    updatedAt: null,
    categories: [],
    ...over,
  }) as unknown as RecordSummary;

describe('the rows of the grid', () => {
  const zh = STRINGS.zh;
  it('a county: its figures, warnings and errors counted together, its 绩效自评', () => {
    const [row] = overviewRows([record(1, { performance: { total: '91.50', grade: '优' } })], 'none');
    expect(gridRow(row, zh, undefined)).toMatchObject({
      key: 'c:1',
      kind: 'county',
      id: 1,
      county: '县1',
      warnings: 3,
      score: '91.50',
      grade: '优',
    });
    expect(gridRow(row, zh, undefined).typed).toBeUndefined();
  });
  it('an acceptance at 01:00 Beijing time carries the reviewer’s day (7 December), not the UTC day of its time (the 6th)', () => {
    const status = { status: 'accepted' as const, by: '赵处长', at: '2026-12-06T17:00:00.000Z', day: '2026-12-07', remark: null };
    const [row] = overviewRows([record(1, { status })], 'none');
    expect(gridRow(row, zh, undefined)).toMatchObject({ status: 'accepted', statusBy: '赵处长', statusDay: '2026-12-07' });
  });
  it('as of a day, a county without a ledger is marked as its typed total; one with a ledger is not', () => {
    const [typed, dated] = overviewRows([record(1), record(2, { asOf: '2022-01-01' })], 'none');
    expect(gridRow(typed, zh, '2022-01-01').typed).toBe('2022-01-01');
    expect(gridRow(dated, zh, '2022-01-01').typed).toBeUndefined();
  });
  it('a subtotal and the total say their group and how many counties; as of a day, how many are of that day', () => {
    const rows = overviewRows([record(1), record(2, { asOf: '2022-01-01' }), record(3, { province: null, batch: 9 })], 'province-batch');
    const labels = rows.filter((r) => r.kind !== 'county').map((r) => gridRow(r, zh, undefined).label);
    expect(labels).toEqual([
      '江西省 第8批 小计(2 个县)',
      '江西省 小计(2 个县)',
      '(未填省份) 第9批 小计(1 个县)',
      '(未填省份) 小计(1 个县)',
      '总计(3 个县)',
    ]);
    const total = gridRow(rows[rows.length - 1], zh, '2022-01-01');
    expect(total).toMatchObject({
      kind: 'total',
      label: '总计(3 个县,其中 1 个截至该日)',
      planned: '300',
      actual: '150',
      warnings: 9,
    });
    expect(gridRow(rows[0 + 2], STRINGS.en, undefined).label).toBe('江西省 batch 8 subtotal (2 counties)');
  });
});

describe('what the filters offer', () => {
  it('provinces as the list has them, batches and years in number order, each once', () => {
    const list = [
      record(1, { province: '福建省', batch: 10, year: 2022 }),
      record(2, { batch: 8 }),
      record(3, { province: null, batch: 9 }),
      record(4),
    ];
    expect(choicesOf(list)).toEqual({ provinces: ['福建省', '江西省', ''], batches: [8, 9, 10], years: [2021, 2022] });
  });
  it('a bound or a day typed that is not one is said; an empty one is not', () => {
    expect(invalidOf(INITIAL_OVERVIEW)).toEqual({ below: false, asOf: false });
    expect(invalidOf({ ...INITIAL_OVERVIEW, below: '八十', asOf: '2022-02-30' })).toEqual({ below: true, asOf: true });
    expect(invalidOf({ ...INITIAL_OVERVIEW, below: '８０%', asOf: ' 2022-02-28 ' })).toEqual({ below: false, asOf: false });
  });
});

describe('how the columns compare', () => {
  it('amounts exactly, by 分 (none as 0)', () => {
    expect(compareMoney('0.10', '0.09')).toBe(1);
    expect(compareMoney('1234567890123456.01', '1234567890123456.02')).toBe(-1);
    expect(compareMoney(null, '0.00')).toBe(0);
  });
  it('no rate after every rate, both ways up', () => {
    expect(compareRate('9.5', '10.25')).toBeLessThan(0);
    expect(compareRate(null, '10.00')).toBeGreaterThan(0);
    expect(compareRate(null, '10.00', null, null, true)).toBeLessThan(0);
    expect(compareRate(null, null)).toBe(0);
  });
  it('no score before every score; statuses in their order', () => {
    expect(compareScoreText(null, '0.00')).toBe(-1);
    expect(compareScoreText('90.5', '100')).toBeLessThan(0);
    expect(compareStatus('accepted', 'submitted')).toBeGreaterThan(0);
    expect(compareStatus(null, 'draft')).toBeLessThan(0);
  });
});

describe('a sort of the overview', () => {
  const structure = [
    { key: 'c:1', kind: 'county' },
    { key: 'c:2', kind: 'county' },
    { key: 'p:江西省', kind: 'subtotal' },
    { key: 'c:3', kind: 'county' },
    { key: 'c:4', kind: 'county' },
    { key: 'p:福建省', kind: 'subtotal' },
  ];
  const id = (k: string) => k;
  it('reorders the counties only within their group; the subtotals stay under them', () => {
    const sorted = ['c:4', 'p:福建省', 'c:2', 'c:3', 'p:江西省', 'c:1'];
    expect(withinGroups(structure, sorted, id)).toEqual(['c:2', 'c:1', 'p:江西省', 'c:4', 'c:3', 'p:福建省']);
  });
  it('leaves out what the grid does not show', () => {
    expect(withinGroups(structure, ['c:4', 'p:福建省', 'c:1', 'p:江西省'], id)).toEqual(['c:1', 'p:江西省', 'c:4', 'p:福建省']);
  });
});
