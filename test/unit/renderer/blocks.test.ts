// Copy and paste of blocks: what a block from Excel or WPS writes where, checked before anything is.
import { describe, expect, it } from 'vitest';
import { copyBlock, isHeaderLine, planPaste, titleKey } from '../../../renderer/src/grid/blocks';
import { parseBlock } from '../../../shared/clipboard';

const columns = ['seq', 'category', 'name', 'planned', 'actual', 'rate', 'statedRate'].map((field) => ({
  field,
  editable: field !== 'rate',
}));
const titles = new Set(
  ['序号', '类别', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)', 'Planned (10k yuan)'].map(titleKey),
);
const rowIds = [11, 12, 13, 14, 15, 16];
const at = (row: number, col: number, rows = 1, cols = 1) => ({ top: row, bottom: row + rows - 1, left: col, right: col + cols - 1 });
const plan = (text: string, selection = at(3, 3)) => planPaste({ text, table: 'disbursements', columns, rowIds, selection, titles });

describe('paste', () => {
  it('writes a block from the focused cell on, adding rows past the end', () => {
    const p = plan('200\t150.5\r\n90\t88\r\n1,000\t500\r\n');
    expect(p.problems).toEqual([]);
    expect(p.edits).toEqual([
      { rowId: 14, field: 'planned', value: '200' },
      { rowId: 14, field: 'actual', value: '150.5' },
      { rowId: 15, field: 'planned', value: '90' },
      { rowId: 15, field: 'actual', value: '88' },
      { rowId: 16, field: 'planned', value: '1,000' },
      { rowId: 16, field: 'actual', value: '500' },
    ]);
    expect(plan('1\t2\n3\t4\n5\t6\n7\t8\n').append).toEqual([{ planned: '7', actual: '8' }]);
  });

  it('skips a first line that is the header row, in either script or language, and says so', () => {
    const p = plan('计划安排额度(万元)\t實際撥付額度（萬元）\n200\t150\n');
    expect(p.skippedHeader).toBe(true);
    expect(p.rows).toBe(1);
    expect(p.edits).toHaveLength(2);
    expect(plan('Planned (10k yuan)\n5\n').skippedHeader).toBe(true);
    // A name that happens to be a word is data, not a header.
    expect(plan('200\t150\n').skippedHeader).toBe(false);
  });

  it('names every bad cell and its place, so nothing is written', () => {
    const p = plan('2O0\t150\n90\t-5\n');
    expect(p.problems.map((x) => [x.row, x.field, x.message('zh')])).toEqual([
      [3, 'planned', '第 4 行 计划安排额度(万元): 计划安排额度(万元)“2O0”不是数字'],
      [4, 'actual', '第 5 行 实际拨付额度(万元): 实际拨付额度(万元)不能为负数:-5'],
    ]);
    // Kept as how to say it: after switching to English the same problem is said in English.
    expect(p.problems[0].message('en')).toMatch(/^Row 4, .*“2O0”/);
  });

  it('an empty cell is an amount not entered, not an error', () => {
    expect(plan('\t150\n').problems).toEqual([]);
  });

  it('one value fills the whole selection; a block that fits it is repeated, as in Excel', () => {
    const filled = plan('0\n', at(1, 3, 3, 2));
    expect(filled.edits.map((e) => [e.rowId, e.field, e.value])).toEqual([
      [12, 'planned', '0'],
      [12, 'actual', '0'],
      [13, 'planned', '0'],
      [13, 'actual', '0'],
      [14, 'planned', '0'],
      [14, 'actual', '0'],
    ]);
    expect(plan('1\n2\n', at(0, 3, 4, 1)).edits.map((e) => e.value)).toEqual(['1', '2', '1', '2']);
    // A block that does not fit is pasted once, from the top-left cell.
    expect(plan('1\n2\n', at(0, 3, 3, 1)).edits.map((e) => e.value)).toEqual(['1', '2']);
  });

  it('leaves the computed rate alone and says so; counts columns past the table', () => {
    const p = plan('10\t5\t99\t50\t7\n', at(0, 3));
    expect(p.skippedComputed).toEqual(['rate']);
    expect(p.edits.map((e) => e.field)).toEqual(['planned', 'actual', 'statedRate']);
    expect(p.columnsOutside).toBe(1);
  });

  it('into an empty table: every row is added', () => {
    const p = planPaste({
      text: '新建项目\t10\t5\n',
      table: 'disbursements',
      columns,
      rowIds: [],
      selection: at(0, 2),
      titles,
    });
    expect(p.append).toEqual([{ name: '新建项目', planned: '10', actual: '5' }]);
  });
});

describe('copy', () => {
  it('gives tab-separated text Excel reads back, and an HTML table', () => {
    const { text, html } = copyBlock([
      ['1', '物流\n配送', '640.21'],
      ['2', 'a<b', ''],
    ]);
    expect(parseBlock(text)).toEqual([
      ['1', '物流\n配送', '640.21'],
      ['2', 'a<b', ''],
    ]);
    expect(html).toContain('<td>a&lt;b</td>');
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });

  it('recognises header lines', () => {
    expect(isHeaderLine(['序号', '', '具体项目名称'], titles)).toBe(true);
    expect(isHeaderLine(['', ''], titles)).toBe(false);
  });
});
