// A sheet's reading as the person corrects it (renderer/src/import/correction.ts): the draft over
// what the reader found, only the differences kept.
import { describe, expect, it } from 'vitest';
import type { SheetReading } from '../../../shared/doubts';
import {
  amountColumns,
  columnLabel,
  columnOf,
  headerBand,
  rowRead,
  unitOf,
  withBand,
  withRowRead,
  withStored,
} from '../../../renderer/src/import/correction';

const reading = {
  file: 'a.xlsx',
  sheet: '表1',
  header: { top: 4, bottom: 5 },
  headerRows: [
    { row: 2, text: '三、资金' },
    { row: 4, text: '序号 项目' },
  ],
  columns: [
    { col: 'A', text: '序号', field: 'seq', unit: null },
    { col: 'B', text: '项目\n名称', field: 'name', unit: null },
    { col: 'C', text: '计划安排\n额度', field: 'planned', unit: 'yuan' },
    { col: 'D', text: '实际拨付', field: 'actual', unit: null },
  ],
  lines: [],
} as unknown as SheetReading;
const draft = { file: 'a.xlsx', sheet: '表1' };

describe('columns', () => {
  it('amounts are offered from every column but 序号 and the name', () => {
    expect(amountColumns(reading).map((c) => c.col)).toEqual(['C', 'D']);
  });
  it("计划 and 实际 are the draft's column, else the reader's", () => {
    expect(columnOf(reading, draft, 'planned')).toBe('C');
    expect(columnOf(reading, { ...draft, planned: 'D' }, 'planned')).toBe('D');
    expect(columnOf({ ...reading, columns: [] }, draft, 'actual')).toBe('');
  });
  it("a column's unit is the draft's, else the one read, else 万元", () => {
    expect(unitOf(reading, draft, 'C')).toBe('yuan');
    expect(unitOf(reading, { ...draft, units: { C: 'qian' } }, 'C')).toBe('qian');
    expect(unitOf(reading, draft, 'D')).toBe('wan');
  });
  it('a column is listed with its header on one line', () => {
    expect(columnLabel(reading, 'C')).toBe('C 计划安排 额度');
  });
  it('read as stored: ticked adds the column, unticked takes it away', () => {
    const on = withStored(draft, 'E', true);
    expect(on.stored).toEqual(['E']);
    expect(withStored({ ...on, stored: ['E', 'F'] }, 'E', false).stored).toEqual(['F']);
  });
});

describe('rows read', () => {
  it('a row is read as the draft says, else unless the reader left it out', () => {
    expect(rowRead(draft, 7, null)).toBe(true);
    expect(rowRead(draft, 7, 'struck')).toBe(false);
    expect(rowRead({ ...draft, skipRows: [7] }, 7, null)).toBe(false);
    expect(rowRead({ ...draft, keepRows: [7] }, 7, 'hidden')).toBe(true);
  });
  it('unticking a row read skips it; ticking a row left out keeps it; undoing either keeps nothing', () => {
    const skipped = withRowRead(draft, 7, null, false);
    expect(skipped).toMatchObject({ skipRows: [7], keepRows: [] });
    expect(withRowRead(skipped, 7, null, true)).toMatchObject({ skipRows: [], keepRows: [] });
    const kept = withRowRead(draft, 8, 'struck', true);
    expect(kept).toMatchObject({ skipRows: [], keepRows: [8] });
    expect(withRowRead(kept, 8, 'struck', false)).toMatchObject({ skipRows: [], keepRows: [] });
  });
  it('a row the person left out before is read again by ticking it, with nothing to keep', () => {
    expect(withRowRead({ ...draft, skipRows: [9] }, 9, 'user', true)).toMatchObject({ skipRows: [], keepRows: [] });
  });
});

describe('header rows', () => {
  it("are the draft's, else the reader's, else the first row that could be a header", () => {
    expect(headerBand(reading, draft)).toEqual({ top: 4, bottom: 5 });
    expect(headerBand(reading, { ...draft, header: { top: 2, bottom: 3 } })).toEqual({ top: 2, bottom: 3 });
    expect(headerBand({ ...reading, header: null }, draft)).toEqual({ top: 2, bottom: 2 });
    expect(headerBand({ ...reading, header: null, headerRows: [] }, draft)).toBeNull();
  });
  it('end at or below their top, six rows at most', () => {
    expect(withBand(draft, 4, 6).header).toEqual({ top: 4, bottom: 6 });
    expect(withBand(draft, 4, 2).header).toEqual({ top: 4, bottom: 4 });
    expect(withBand(draft, 4, 20).header).toEqual({ top: 4, bottom: 9 });
  });
});
