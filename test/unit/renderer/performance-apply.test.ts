// An indicator typed and not yet written already moves its 得分 and 总分 on screen (the same rules).
import { describe, expect, it } from 'vitest';
import { applyIndicatorEdits } from '../../../renderer/src/performance/apply';
import { computeRecord } from '../../../shared/record';
import { emptyPerformance } from '../../../shared/performance';
import { seedInput } from '../../helpers/fixtures';

describe('indicator edits on screen before the store answers', () => {
  it('400 of ≥500人次 typed over 620: 得分 50.00 → 40.00, 总分 58.24 → 48.24', () => {
    const performance = emptyPerformance();
    performance.indicators = [
      {
        level1: 'output',
        level2: '数量指标',
        name: '培训',
        target: '≥500人次',
        actual: '620人次',
        weight: '50',
        score: null,
        deviation: '',
      },
    ];
    const record = computeRecord({ ...seedInput(), performance });
    expect(record.performance?.total).toBe('58.24');
    const next = applyIndicatorEdits(record, [7], [{ table: 'indicators', rowId: 7, field: 'actual', raw: '400人次', value: '400人次' }]);
    expect(next.performance?.indicators[0].computedScore).toBe('40.00');
    expect(next.performance?.total).toBe('48.24');
  });
});
