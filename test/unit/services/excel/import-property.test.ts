// Property: a record re-laid by a clerk — random header splits, 元 or 万元 (said in a header, a
// group header or a line above), 合计 at the top, the bottom or nowhere, any 序号 style, other
// wordings of the basic facts — imports to the same record.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readWorkbook } from '../../../../electron/services/excel/import';
import { computeRecord, type RecordInput } from '../../../../shared/record';
import { inferCategory } from '../../../../shared/text';
import { bytesOf, excelOf, layoutExpected, layoutSheets, PLACES, type Layout } from '../../../fixtures/workbooks';

const decimal = (maxInt: number, maxDecimals = 6) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: maxDecimals }), fc.integer({ min: 0, max: 999_999 }))
    .map(([i, d, f]) => {
      const frac = String(f).padStart(6, '0').slice(0, d).replace(/0+$/, '');
      return frac ? `${i}.${frac}` : String(i);
    });
const text = fc
  .array(
    fc.constantFrom('建设', '项目', '"引号"', '“中文引号”', "'", '\n', ',', '万元', 'A&B<>', '%', '——', '電商', '完成', '1,500', ' '),
    { minLength: 1, maxLength: 10 },
  )
  .map((parts) => parts.join('').trim())
  .filter((s) => s.length > 0);

const county = fc.record({
  name: fc.constantFrom('樟树市', '南丰县', '寻乌县', '瑞金市', '新建区', '阿荣旗', '江永县', '凯里市', '多伦县'),
  batch: fc.integer({ min: 1, max: 12 }),
  year: fc.integer({ min: 2014, max: 2025 }),
  approvedOn: fc.constantFrom(null, '2021', '2021-09', '2020-12-31'),
  amounts: fc.array(decimal(100_000_000), { minLength: 5, maxLength: 5 }),
  statusNote: fc.oneof(fc.constant(''), text),
  items: fc.array(
    fc.record({
      name: text,
      target: fc.oneof(fc.constant(''), text),
      completion: fc.oneof(fc.constant(''), text),
      completionRate: fc.oneof(fc.constant(null), decimal(100)),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  disbursements: fc.array(
    fc.record({
      name: text,
      planned: decimal(100_000_000),
      actual: decimal(100_000_000),
      statedRate: fc.option(decimal(200), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  totalRate: fc.option(decimal(200, 2), { nil: undefined }),
});

const layout: fc.Arbitrary<Layout> = fc
  .record({
    script: fc.constant('hans' as const),
    title: fc.constantFrom('county', 'full', 'none'),
    facts: fc.constantFrom('paragraph', 'wording-1', 'wording-2', 'table'),
    factsSheet: fc.constant('same' as const),
    header: fc.constantFrom('one-row', 'group', 'group-two', 'group-plain'),
    unit: fc.constantFrom('wan', 'yuan'),
    unitAt: fc.constantFrom('header', 'group', 'line', 'none'),
    total: fc.constantFrom('bottom', 'top', 'none'),
    totalLabel: fc.constantFrom('合计', '合  计', '合\n计', '总计'),
    totalMerged: fc.boolean(),
    seq: fc.constantFrom('arabic', 'chinese', 'bracketed', 'decimal', 'padded', 'comma'),
    amounts: fc.constantFrom('numbers', 'text'),
    rates: fc.constantFrom('text', 'fraction'),
  })
  // 元 is always said somewhere; "nowhere" means 万元.
  .map((l) => ({ ...l, unitAt: l.unit === 'yuan' && l.unitAt === 'none' ? 'line' : l.unitAt }) as Layout);

describe('a record re-laid by a clerk imports to the same record', () => {
  it('for random records, header splits, units, 合计 positions, 序号 styles and fact wordings (one or two counties a sheet)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(county, { minLength: 1, maxLength: 2 }), layout, async (counties, l) => {
        const records = counties.map((c, k) => {
          const [province, prefecture] = PLACES[c.name];
          const input: RecordInput = {
            county: {
              name: c.name,
              province,
              prefecture,
              batch: c.batch + k * 20,
              year: c.year,
              approvedOn: c.approvedOn,
              acceptedOn: null,
              investment: { total: c.amounts[0], central: c.amounts[1], localGov: c.amounts[2], social: c.amounts[3] },
              centralArrangedUse: c.amounts[4],
              statusNote: c.statusNote,
            },
            items: c.items.map((x, i) => ({ ...x, seq: i + 1, category: inferCategory(x.name) })),
            disbursements: c.disbursements.map((x, i) => ({
              ...x,
              seq: i + 1,
              category: inferCategory(x.name),
              ...(x.statedRate === undefined ? {} : { statedRate: x.statedRate }),
            })),
            ...(c.totalRate === undefined ? {} : { totals: { statedRate: c.totalRate } }),
          };
          return computeRecord(input);
        });
        const read = await readWorkbook({ name: 'relaid.xlsx', bytes: await bytesOf(excelOf(layoutSheets(records, l, '验收表'))) });
        // Random amounts break the record's own checks (warnings); nothing is refused or left unread.
        expect(read.flatMap((r) => r.findings.filter((f) => f.severity === 'error' || f.code === 'ignored_cell'))).toEqual([]);
        expect(read.map((r) => computeRecord(r.input!))).toEqual(records.map((r) => layoutExpected(r, l)));
      }),
      { numRuns: 80, seed: Number(process.env.FC_SEED ?? 20261129) },
    );
  }, 120_000);
});
