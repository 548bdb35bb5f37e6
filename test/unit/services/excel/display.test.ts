// What the clerk saw: a number with its cell's format applied, as Excel shows it — the preview puts
// it beside the value read (issue 27: 3,000,000 read as 3,000,000 万元 must be seen at a glance).
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../../electron/services/excel/display';

describe('a number as its format shows it', () => {
  it.each([
    [3000000, '#,##0', '3,000,000'],
    [6402100, '0\\.0000', '640.2100'],
    [6402100, '#,##0.0,', '6,402.1'],
    // A literal point after grouped digits: only the digits before it are grouped.
    [6000000, '#,##0\\.0000', '600.0000'],
    [64021000000, '#,##0\\.0000', '6,402,100.0000'],
    [0.826, '0.0%', '82.6%'],
    [82.6, '0.00%', '8260.00%'],
    [1235.96, '#,##0.00', '1,235.96'],
    [1.005, '0.00', '1.01'],
    [-12.5, '#,##0.00;[Red]-#,##0.00', '-12.50'],
    [1500, '0.00"万元"', '1500.00万元'],
    [640.21, 'General', '640.21'],
    [2 / 3, undefined, '0.666666667'],
  ])('%s under %s shows %s', (v, fmt, shown) => {
    expect(formatNumber(v, fmt)).toBe(shown);
  });
});
