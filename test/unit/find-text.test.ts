// Find and replace within a record: simplified and traditional alike, every text cell in reading order.
import { describe, expect, it } from 'vitest';
import { countIn, findInRecord, replaceText } from '../../shared/find-text';
import { referenceFixture } from '../helpers/fixtures';
import type { CountyRecord } from '../../shared/record';

describe('matching text', () => {
  it('finds simplified and traditional forms alike, full- and half-width alike, any case', () => {
    expect(countIn('樟樹市物流配送體系', '体系')).toBe(1);
    expect(countIn('县乡村物流(縣鄉村)', '县乡')).toBe(2);
    expect(countIn('ＡＢＣ abc', 'abc')).toBe(2);
    expect(countIn('物流', '')).toBe(0);
  });

  it('counts occurrences that do not overlap', () => {
    expect(countIn('aaaa', 'aa')).toBe(2);
  });

  it('replaces each occurrence and keeps every other character as typed', () => {
    expect(replaceText('建設縣級物流中心,县级中心', '县级', '市级')).toEqual({ text: '建設市级物流中心,市级中心', count: 2 });
    expect(replaceText('无此词', '物流', '快递')).toEqual({ text: '无此词', count: 0 });
    // A character outside the basic plane (𫄨) counts as one character.
    expect(replaceText('𫄨麻𫄨', '麻', '布')).toEqual({ text: '𫄨布𫄨', count: 1 });
  });
});

describe('finding within a record', () => {
  it('lists the cells of the facts, both tables and the ledger holding it, in reading order', () => {
    const record = referenceFixture('hans') as CountyRecord;
    record.payments = [{ line: 1, date: '2021-12-01', amount: '300', payee: '樟树市物流公司', voucher: '', stage: '', note: '物流款' }];
    const hits = findInRecord(record, '物流').map((h) => `${h.table}:${h.row}:${h.field}×${h.count}`);
    // The seed: table 二 row 1 names 县乡村物流快递配送体系 … ; table 三 line 1 likewise; the payment twice.
    expect(hits[0]).toMatch(/^items:/);
    expect(hits).toContain('disbursements:0:name×1');
    expect(hits.slice(-2)).toEqual(['payments:0:payee×1', 'payments:0:note×1']);
  });
});
