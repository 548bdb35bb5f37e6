import { describe, expect, it } from 'vitest';
import { parseBlock, formatBlock } from '../../../shared/clipboard';
import { parseCell, parseCountyField } from '../../../shared/fields';

describe('paste blocks from Excel and WPS', () => {
  it('reads tab-separated rows with CRLF and a trailing newline', () => {
    expect(parseBlock('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
  it('reads quoted cells holding newlines, tabs and doubled quotes', () => {
    expect(parseBlock('"a\nb"\t"say ""hi"""\n"x\ty"\tz\n')).toEqual([
      ['a\nb', 'say "hi"'],
      ['x\ty', 'z'],
    ]);
  });
  it('keeps empty cells and a single value', () => {
    expect(parseBlock('\t\t5\n')).toEqual([['', '', '5']]);
    expect(parseBlock('640.21')).toEqual([['640.21']]);
  });
  it('writes what it reads', () => {
    const rows = [
      ['樟树市', 'a\nb', 'say "hi"'],
      ['1', '', '2'],
    ];
    expect(parseBlock(formatBlock(rows))).toEqual(rows);
  });
});

describe('number entry in a cell', () => {
  it('takes amounts as people type them, and refuses what is not one', () => {
    expect(parseCell('disbursements', 'actual', '1,234.56')).toEqual({ ok: true, value: '1234.56' });
    expect(parseCell('disbursements', 'actual', '６４０．２１')).toEqual({ ok: true, value: '640.21' });
    expect(parseCell('disbursements', 'planned', '29.41万元')).toEqual({ ok: true, value: '29.41' });
    expect(parseCell('disbursements', 'planned', 'abc')).toMatchObject({ ok: false, code: 'not_a_number' });
    expect(parseCell('disbursements', 'planned', '-1')).toMatchObject({ ok: false, code: 'negative_amount' });
  });

  it('takes a cleared amount as not entered (null), a cleared basic fact as not given (the record incomplete), a cleared name never', () => {
    expect(parseCell('disbursements', 'planned', '')).toEqual({ ok: true, value: null });
    expect(parseCell('disbursements', 'actual', null)).toEqual({ ok: true, value: null });
    expect(parseCountyField('investment.central', '')).toEqual({ ok: true, value: null });
    expect(parseCountyField('centralArrangedUse', null)).toEqual({ ok: true, value: null });
    expect(parseCountyField('name', '')).toMatchObject({ ok: false, code: 'missing_fact' });
  });
  it('takes percents, categories in Chinese, and refuses a blank name', () => {
    expect(parseCell('items', 'completionRate', '90%')).toEqual({ ok: true, value: '90' });
    expect(parseCell('items', 'completionRate', '')).toEqual({ ok: true, value: null });
    expect(parseCell('disbursements', 'statedRate', '91.40%')).toEqual({ ok: true, value: '91.40' });
    expect(parseCell('items', 'category', '人员培训')).toEqual({ ok: true, value: 'training' });
    expect(parseCell('items', 'category', '人員培訓')).toEqual({ ok: true, value: 'training' });
    expect(parseCell('items', 'name', '  ')).toMatchObject({ ok: false, code: 'missing_name' });
    expect(parseCell('disbursements', 'rate', '50')).toMatchObject({ ok: false });
  });
  it('reads county facts: 第八批, 2021年9月', () => {
    expect(parseCountyField('batch', '第八批')).toEqual({ ok: true, value: 8 });
    expect(parseCountyField('approvedOn', '2021年9月')).toEqual({ ok: true, value: '2021-09' });
    expect(parseCountyField('approvedOn', '九月')).toMatchObject({ ok: false, code: 'not_a_date' });
  });
});

describe('copied cells bound for Excel', () => {
  it('guard a text that Excel would run as a formula, and read it back as the same text', async () => {
    const { formatBlock, parseBlock } = await import('../../../shared/clipboard');
    const cells = ['=HYPERLINK("http://x","点我")', '+1+2', '-2-3', '@SUM(A1)', '-5', '1,234.5', '樟树市', '-'];
    const text = formatBlock([cells]);
    expect(text.split('\t').map((c) => c.trim())).toEqual(
      ['\'=HYPERLINK("http://x","点我")', "'+1+2", "'-2-3", "'@SUM(A1)", '-5', '1,234.5', '樟树市', "'-"].map((c) =>
        c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c,
      ),
    );
    expect(parseBlock(text)).toEqual([cells]);
  });
});

describe('a cell that starts with a TAB or a carriage return', () => {
  it('is guarded like = + - @ (OWASP: a spreadsheet may drop the white space and run the rest), and reads back as the same text', async () => {
    const { formatBlock, guardFormula, parseBlock } = await import('../../../shared/clipboard');
    expect(guardFormula('\t=1+1')).toBe("'\t=1+1");
    expect(guardFormula('\r=1+1')).toBe("'\r=1+1");
    expect(guardFormula('\t樟树市')).toBe("'\t樟树市");
    const cells = ['\t=HYPERLINK("http://x","点我")', '\r=1+1', '樟树市'];
    // Every CR of a block reads as a line break (Windows' CRLF), a guarded one too.
    expect(parseBlock(formatBlock([cells]))).toEqual([['\t=HYPERLINK("http://x","点我")', '\n=1+1', '樟树市']]);
  });
});
