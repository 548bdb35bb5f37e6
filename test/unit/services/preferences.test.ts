// The preferences kept beside the records: the name a status change is signed with (set once,
// trimmed, never blank; in a workspace it is the account's), and 四、绩效自评's 执行率 line — 90 until
// set, the data file's for every province, a province reviewer's for their own province only
// (its name matched in either script).
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { rateLineFor, readPreferences, writePreferences } from '../../../electron/services/store/preferences';
import type { Caller } from '../../../shared/accounts';
import { refusal } from '../../helpers/store';

const REVIEWER: Caller = { kind: 'user', id: 7, name: '李审核', role: 'province', scope: ['广东省'] };

let db: DB;
beforeEach(() => {
  db = openDatabase(':memory:');
});

describe('the name a status change is signed with', () => {
  it('is none until set, then kept without the spaces typed around it', () => {
    expect(readPreferences(db)).toEqual({ name: null, rateLine: '90' });
    expect(writePreferences(db, { name: '  赵处长 ' })).toEqual({ name: '赵处长', rateLine: '90' });
    expect(readPreferences(db).name).toBe('赵处长');
  });

  it('is never blank: spaces are refused in words, the name kept', () => {
    writePreferences(db, { name: '赵处长' });
    const e = refusal(() => writePreferences(db, { name: '   ' }));
    expect([e.code, e.messages.zh, e.messages.en, e.place]).toEqual([
      'who_needed',
      '姓名不能为空',
      'The name cannot be empty',
      { field: 'name' },
    ]);
    expect(readPreferences(db).name).toBe('赵处长');
  });

  it('in a workspace is the account’s, and cannot be set otherwise', () => {
    writePreferences(db, { name: '赵处长' });
    expect(readPreferences(db, REVIEWER).name).toBe('李审核');
    const e = refusal(() => writePreferences(db, { name: '别人' }, REVIEWER));
    expect(e.code).toBe('forbidden');
    expect(e.messages.zh).toBe('在工作区中,状态的更改以您的账号名“李审核”签名,不能另设姓名');
    expect(readPreferences(db).name).toBe('赵处长');
  });
});

describe('the 执行率 line', () => {
  it('is 90 until set; the data file’s line holds for every province', () => {
    expect(rateLineFor(db, '江西省')).toBe('90');
    writePreferences(db, { rateLine: '85' });
    expect([rateLineFor(db, '江西省'), rateLineFor(db, null), readPreferences(db).rateLine]).toEqual(['85', '85', '85']);
  });

  it('set by a province’s reviewer holds for that province only, its name in either script', () => {
    writePreferences(db, { rateLine: '85' });
    expect(writePreferences(db, { rateLine: '95' }, REVIEWER)).toEqual({ name: '李审核', rateLine: '95' });
    expect([rateLineFor(db, '广东省'), rateLineFor(db, '廣東省'), rateLineFor(db, '江西省'), rateLineFor(db, undefined)]).toEqual([
      '95',
      '95',
      '85',
      '85',
    ]);
    expect(readPreferences(db).rateLine).toBe('85');
  });
});
