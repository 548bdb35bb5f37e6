// The overview's category names as axis labels: short level lines, so neighbours never run into each other.
import { describe, expect, it } from 'vitest';
import { axisName } from '../../../shared/overview-charts';

describe('category names under the chart', () => {
  it('English a word a line, Chinese at most three characters a line, short names as they are', () => {
    expect(axisName('Township commerce')).toBe('Township\ncommerce');
    expect(axisName('Training')).toBe('Training');
    expect(axisName('公共服务中心')).toBe('公共服\n务中心');
    expect(axisName('农产品上行')).toBe('农产品\n上行');
    expect(axisName('物流配送')).toBe('物流配送');
  });
});
