// Replace within a record: every text cell, one step of the change log that one undo takes back,
// refused whole on an accepted record or where a text would become one its cell cannot hold.
import { describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { newStore } from '../../helpers/backend';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { history, replay } from '../../../electron/services/store/changelog';
import { replaceInRecord } from '../../../electron/services/store/replace';
import { setStatus } from '../../../electron/services/store/status';
import { AppError } from '../../../shared/errors';
import { stepLabel } from '../../../shared/steps';
import { ME, seedInput } from '../../helpers/fixtures';

function setup() {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  editPayments(db, ME, id, [], [{ line: 1, date: '2021-12-01', amount: '300', payee: '樟樹市上行服務公司' }]);
  return { db, id };
}
const texts = (db: DB, id: number) => {
  const { record } = readRecord(db, id, { asOf: undefined });
  return { item: record.items[3].name, line: record.disbursements[1].name, payee: record.payments![0].payee };
};

describe('replace within a record', () => {
  it('replaces in table 二, table 三 and the ledger (traditional 樹 too), as one step named with its count; one undo takes it all back', () => {
    const { db, id } = setup();
    const before = texts(db, id);
    // 上行服务 is in two names of the seed (grep -o counts 2) and in the payee, typed as 上行服務.
    expect(before).toEqual({ item: '樟树市农产品上行服务体系建设', line: '农产品上行服务体系建设', payee: '樟樹市上行服務公司' });
    expect(replaceInRecord(db, ME, id, '上行服务', '上行')).toEqual({ count: 3 });
    expect(texts(db, id)).toEqual({ item: '樟树市农产品上行体系建设', line: '农产品上行体系建设', payee: '樟樹市上行公司' });
    expect(stepLabel(history(db, ME).steps[0], 'zh')).toBe('替换 樟树市 “上行服务”→“上行”(3 处)');
    replay(db, ':memory:', ME, 'undo');
    expect(texts(db, id)).toEqual(before);
  });

  it('finds 樹 by 树: the payee typed in traditional characters is replaced', () => {
    const { db, id } = setup();
    replaceInRecord(db, ME, id, '樟树市', '樟树');
    expect(texts(db, id).payee).toBe('樟树上行服務公司');
  });

  it('an accepted record refuses it with the usual message, and nothing changes', () => {
    const { db, id } = setup();
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    const before = texts(db, id);
    let error: unknown;
    try {
      replaceInRecord(db, ME, id, '上行服务', '上行');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messages.zh).toContain('已验收');
    expect(texts(db, id)).toEqual(before);
  });
});
