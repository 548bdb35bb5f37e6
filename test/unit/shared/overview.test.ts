// The overview's rows: every county once, in its group, each group followed by its subtotal and a
// grand total last — sums exact and rates half up from the sums, checked on random records against
// a reference in plain integer arithmetic; the filters; the app's order and search in pinyin.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { overviewRows, passes, type Grouping, type OverviewRecord } from '../../../shared/overview';
import { compareRecords, comparePinyin, matchesName } from '../../../shared/pinyin';
import { compareDecimals } from '../../../shared/money';

/** Reference: 万元 strings → integer 分 by hand; the rate by long division, half up. */
const toFen = (money: string) => {
  const [int, frac = ''] = money.split('.');
  return BigInt(int) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
};
const referenceRate = (actual: bigint, planned: bigint) => {
  if (planned === 0n) return null;
  const scaled = actual * 10_000n;
  let q = scaled / planned;
  if (2n * (scaled % planned) >= planned) q += 1n;
  return `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
};

const money = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([i, f]) => (f ? `${i}.${String(f).padStart(6, '0').replace(/0+$/, '')}` : String(i)));
const record = (id: number): fc.Arbitrary<OverviewRecord> =>
  fc
    .record({
      province: fc.constantFrom('江西省', '安徽省', '湖南省', null),
      batch: fc.integer({ min: 4, max: 9 }),
      planned: money,
      actual: money,
      warnings: fc.nat(3),
      items: fc.nat(12),
    })
    .map((r) => ({
      id,
      county: `县${id}`,
      prefecture: null,
      year: 2021,
      errors: 0,
      status: { status: 'draft', by: null, at: null, day: null, remark: null },
      updatedAt: null,
      categories: [],
      rate: referenceRate(toFen(r.actual), toFen(r.planned)),
      ...r,
    }));
const records = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(i + 1))));

describe('overview rows', () => {
  for (const grouping of ['province', 'batch', 'province-batch', 'none'] as Grouping[])
    it(`${grouping}: each subtotal and the total are the exact sums of their counties, rates half up from the sums`, () => {
      fc.assert(
        fc.property(records, (list) => {
          const rows = overviewRows(list, grouping);
          // Every county once, and the total last.
          expect(
            rows
              .filter((r) => r.kind === 'county')
              .map((r) => r.kind === 'county' && r.record.id)
              .sort((a, b) => Number(a) - Number(b)),
          ).toEqual(list.map((r) => r.id));
          expect(rows.at(-1)!.kind).toBe('total');
          let open: OverviewRecord[] = [];
          let province: OverviewRecord[] = [];
          for (const row of rows) {
            if (row.kind === 'county') {
              open.push(row.record);
              province.push(row.record);
              continue;
            }
            const members = row.kind === 'total' ? list : row.level === 'province' ? province : open;
            // The members of a group are what its key says they are.
            if (row.kind === 'subtotal' && row.province !== undefined) for (const m of members) expect(m.province ?? '').toBe(row.province);
            if (row.kind === 'subtotal' && row.level === 'batch') for (const m of members) expect(m.batch).toBe(row.batch);
            const planned = members.reduce((n, r) => n + toFen(r.planned), 0n);
            const actual = members.reduce((n, r) => n + toFen(r.actual), 0n);
            expect([toFen(row.sum.planned), toFen(row.sum.actual), row.sum.rate, row.sum.records]).toEqual([
              planned,
              actual,
              referenceRate(actual, planned),
              members.length,
            ]);
            expect(row.sum.items).toBe(members.reduce((n, r) => n + r.items, 0));
            open = [];
            if (row.kind === 'total' || row.level === 'province') province = [];
          }
        }),
        { seed: 20261130, numRuns: 120 },
      );
    });

  it('keeps the order given within a group; provinces in the order given, batches by number', () => {
    const r = (id: number, province: string, batch: number) => ({
      id,
      county: `县${id}`,
      province,
      prefecture: null,
      batch,
      year: 2021,
      planned: '10',
      actual: '5',
      rate: '50.00',
      warnings: 0,
      errors: 0,
      items: 1,
      status: { status: 'draft' as const, by: null, at: null, day: null, remark: null },
      updatedAt: null,
      categories: [],
    });
    const rows = overviewRows([r(1, '江西省', 8), r(2, '安徽省', 7), r(3, '江西省', 6), r(4, '江西省', 8)], 'province-batch');
    expect(rows.map((x) => x.key)).toEqual([
      'c:3',
      'b:江西省|6',
      'c:1',
      'c:4',
      'b:江西省|8',
      'p:江西省',
      'c:2',
      'b:安徽省|7',
      'p:安徽省',
      'total',
    ]);
    const byBatch = overviewRows([r(1, '江西省', 8), r(2, '安徽省', 7)], 'batch');
    expect(byBatch.map((x) => x.key)).toEqual(['c:2', 'b:7', 'c:1', 'b:8', 'total']);
  });

  it('never averages rates: 1/1 and 0/99 make 1.00%', () => {
    const r = (id: number, planned: string, actual: string): OverviewRecord => ({
      id,
      county: `县${id}`,
      province: '江西省',
      prefecture: null,
      batch: 8,
      year: 2021,
      planned,
      actual,
      rate: null,
      warnings: 0,
      errors: 0,
      items: 1,
      status: { status: 'draft', by: null, at: null, day: null, remark: null },
      updatedAt: null,
      categories: [],
    });
    expect(overviewRows([r(1, '1', '1'), r(2, '99', '0')], 'province')[2]).toMatchObject({
      kind: 'subtotal',
      sum: { planned: '100', actual: '1', rate: '1.00' },
    });
  });
});

describe('overview filters', () => {
  const r = (rate: string | null, extra: Partial<OverviewRecord> = {}): OverviewRecord => ({
    id: 1,
    county: '樟树市',
    province: '江西省',
    prefecture: '宜春市',
    batch: 8,
    year: 2021,
    planned: '100',
    actual: '1',
    rate,
    warnings: 0,
    errors: 0,
    items: 1,
    status: { status: 'draft', by: null, at: null, day: null, remark: null },
    updatedAt: null,
    categories: [],
    ...extra,
  });
  it('"below 80%" is exact: 79.99 passes, 80.00 does not, no rate never does', () => {
    expect(passes(r('79.99'), { below: '80' })).toBe(true);
    expect(passes(r('80.00'), { below: '80' })).toBe(false);
    expect(passes(r('80.01'), { below: '80.005' })).toBe(false);
    expect(passes(r(null), { below: '80' })).toBe(false);
    expect(compareDecimals('79.995', '80')).toBe(-1);
  });
  it('province, batch, year, status and "has warnings"', () => {
    expect(passes(r('50'), { province: '江西省', batch: 8, year: 2021, status: 'draft' })).toBe(true);
    expect(passes(r('50'), { province: '安徽省' })).toBe(false);
    expect(passes(r('50', { province: null }), { province: '' })).toBe(true);
    expect(passes(r('50'), { batch: 7 })).toBe(false);
    expect(passes(r('50'), { status: 'accepted' })).toBe(false);
    expect(passes(r('50'), { warnings: true })).toBe(false);
    expect(passes(r('50', { errors: 1 }), { warnings: true })).toBe(true);
  });
});

describe('pinyin', () => {
  it('orders provinces and counties by pinyin (重庆 chóng, 长沙 cháng), batches by number, no province last', () => {
    expect(['浙江省', '重庆市', '江西省', '安徽省', '湖南省'].sort(comparePinyin)).toEqual([
      '安徽省',
      '重庆市',
      '湖南省',
      '江西省',
      '浙江省',
    ]);
    expect(['长沙县', '樟树市', '安远县', '赣县区'].sort(comparePinyin)).toEqual(['安远县', '长沙县', '赣县区', '樟树市']);
    const recs = [
      { province: '江西省', batch: 8, county: '樟树市' },
      { province: null, batch: 1, county: '阿县' },
      { province: '江西省', batch: 10, county: '安远县' },
      { province: '江西省', batch: 8, county: '安远县' },
      { province: '安徽省', batch: 9, county: '金寨县' },
    ];
    expect(recs.sort(compareRecords).map((r) => `${r.province}${r.batch}${r.county}`)).toEqual([
      '安徽省9金寨县',
      '江西省8安远县',
      '江西省8樟树市',
      '江西省10安远县',
      'null1阿县',
    ]);
  });

  it('finds names by characters in either script, by full pinyin from a syllable, by initials', () => {
    for (const q of ['赣州', '贛州', 'ganzhou', 'GanZhou', 'gz', 'zhou', 'gan zhou', "gan'zhou"])
      expect([q, matchesName(q, '赣州市')]).toEqual([q, true]);
    for (const q of ['anz', 'hz', 'nanchang', '南昌']) expect([q, matchesName(q, '赣州市')]).toEqual([q, false]);
    expect(matchesName('zss', '樟樹市')).toBe(true);
    expect(matchesName('lvliang', '吕梁市')).toBe(true);
    expect(matchesName('x', null)).toBe(false);
  });
});
