// Subtotals of the overview, `yanshou summary` and the 汇总 sheet: exact sums, rates half up from the
// sums (never an average of rates), checked against a reference in plain integer arithmetic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { groupTotals, subtotal } from '../../../shared/summary';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { ME, ROOT, seedInput, tempDir } from '../../helpers/fixtures';

/** Reference: 万元 strings → integer 分 by hand, summed; the rate by long division, half up. */
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
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([i, f]) => (f ? `${i}.${String(f).padStart(6, '0').replace(/0+$/, '')}` : String(i)));
const record = fc.record({
  province: fc.constantFrom('江西省', '安徽省', '湖南省'),
  batch: fc.integer({ min: 1, max: 12 }),
  planned: money,
  actual: money,
});

describe('subtotals', () => {
  it('are exact sums, with the rate of the sums half up, for random records', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (records) => {
        for (const g of groupTotals(records, (r) => r.province)) {
          const mine = records.filter((r) => r.province === g.key);
          const planned = mine.reduce((n, r) => n + toFen(r.planned), 0n);
          const actual = mine.reduce((n, r) => n + toFen(r.actual), 0n);
          expect(toFen(g.planned)).toBe(planned);
          expect(toFen(g.actual)).toBe(actual);
          expect(g.rate).toBe(referenceRate(actual, planned));
          expect(g.records).toBe(mine.length);
        }
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('never average the rates: 1/1 and 0/99 make 1.00%, not 50%', () => {
    expect(
      subtotal('x', [
        { planned: '1', actual: '1' },
        { planned: '99', actual: '0' },
      ]).rate,
    ).toBe('1.00');
  });

  it('yanshou summary --json gives the groups and the total of cli.md', { tags: ['another-program'] }, () => {
    const db = path.join(tempDir(), 'sum.sqlite');
    const store = openDatabase(db);
    createRecord(store, ME, seedInput());
    const other = seedInput();
    other.county = { ...other.county, name: '南丰县', batch: 7 };
    other.disbursements = other.disbursements.map((d) => ({ ...d, actual: d.planned }));
    createRecord(store, ME, other);
    store.close();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'summary', '--by', 'batch', '--json', '--db', db], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      groups: [
        { key: '7', records: 1, planned: '1500', actual: '1500', rate: '100.00' },
        { key: '8', records: 1, planned: '1500', actual: '1235.96', rate: '82.40' },
      ],
      total: { records: 2, planned: '3000', actual: '2735.96', rate: '91.20' },
    });
  });
});
