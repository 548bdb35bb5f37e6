// A record's line (the sidebar and the overview list): one function makes it from the record and its
// findings, for the store's list and for the open record as on screen. Expected values are hand
// arithmetic on the seed (table 三: Σ计划 1500, Σ实际 1235.96, 1235.96 / 1500 = 82.40%).
import { describe, expect, it } from 'vitest';
import { checkRecord, lineFigures } from '../../../shared/checks';
import { computeRecord } from '../../../shared/record';
import { seedInput } from '../../helpers/fixtures';

describe('a record’s line', () => {
  it('the seed: 樟树市, its sums and rate, nothing found, complete', () => {
    const record = computeRecord(seedInput());
    expect(lineFigures(record, checkRecord(record))).toEqual({
      county: '樟树市',
      planned: '1500',
      actual: '1235.96',
      rate: '82.40',
      warnings: 0,
      errors: 0,
      incomplete: false,
    });
  });

  it('counts warnings and errors apart (an info counts as neither), and a basic fact not given makes it incomplete', () => {
    const input = seedInput();
    input.county.centralArrangedUse = null; // missing_fact, a warning
    input.county.investment.total = '2311'; // investment_sum, a warning
    input.items[2].name = '  '; // missing_name, an error
    input.items[0].category = 'other'; // uncategorised, an info
    const record = computeRecord(input);
    expect(lineFigures(record, checkRecord(record))).toMatchObject({ warnings: 2, errors: 1, incomplete: true });
  });
});
