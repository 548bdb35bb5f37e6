// Indicator edits not yet written, applied to the record on screen so 得分, 总分 and 等级 change in the
// frame the value is typed (the store recomputes the same from the same rules).
import { computePerformance, performanceInputOf, type Indicator } from '../../../shared/performance';
import type { CountyRecord } from '../../../shared/record';
import type { CellEdit } from '../useRecord';

export function applyIndicatorEdits(record: CountyRecord, indicatorIds: readonly number[], edits: readonly CellEdit[]): CountyRecord {
  if (!record.performance || edits.length === 0) return record;
  const input = performanceInputOf(record.performance);
  for (const e of edits) {
    const i = indicatorIds.indexOf(e.rowId);
    if (i < 0 || !(e.field in input.indicators[i])) continue;
    input.indicators[i] = { ...input.indicators[i], [e.field]: e.value } as Indicator;
  }
  return {
    ...record,
    performance: computePerformance(input, { central: record.county.investment.central, disbursed: record.totals.actual }),
  };
}
