// Roles and scopes on every contract method (docs/workspace.md). Every method of the contract is called
// as every role, at the seed record 樟树市 (江西省/宜春市, 草稿): what each role gets is written out here
// by hand from the rules — a county officer edits its own county's drafts and submits; a prefecture
// reviewer reads its prefecture, reviews or sends back; a province reads, accepts and unlocks; an
// administrator manages accounts only. A method the contract gains without a line here fails the test.
// A record outside a caller's scope answers exactly as a record that does not exist.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { newStore } from '../../helpers/backend';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { insertUser } from '../../../electron/services/store/accounts';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { exportWorkbook } from '../../../electron/services/excel/export';
import { METHODS, type Input, type Method } from '../../../shared/contract';
import type { Caller, Role } from '../../../shared/accounts';
import type { Actor } from '../../../electron/services/store/changelog';
import { ME, seedInput } from '../../helpers/fixtures';
import { aCallOfEach, type CallOfEach } from '../../helpers/calls';
import { findingMessage } from '../../../shared/i18n';
import type { Output } from '../../../shared/contract';

type ImportResult = Output<'importWorkbooks'>;

const user = (role: Role, scope: string): Caller => ({
  kind: 'user',
  id: 7,
  name: `${role}-${scope}`,
  role,
  scope: scope ? scope.split('/') : [],
});
const IN_SCOPE = {
  county: user('county', '江西省/宜春市/樟树市'),
  prefecture: user('prefecture', '江西省/宜春市'),
  province: user('province', '江西省'),
  admin: user('admin', '江西省'),
} as const;
/** The same roles a county, a prefecture and a province away. */
const ELSEWHERE = {
  county: user('county', '江西省/宜春市/丰城市'),
  prefecture: user('prefecture', '江西省/赣州市'),
  province: user('province', '湖南省'),
} as const;
const as = (caller: Caller): Actor => ({ client: `test-${caller.kind === 'user' ? caller.name : 'owner'}`, kind: 'web', caller });

type World = { db: DB; ctx: ApiContext; calls: CallOfEach };
let workbook: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  const db = newStore();
  workbook = new Uint8Array(await exportWorkbook([readRecord(db, createRecord(db, ME, seedInput()), { asOf: undefined }).record]));
  db.close();
});

/** A data file of its own for one call: the seed record with one payment, and one account. */
function world(): World {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  editPayments(db, ME, id, [], [{ line: 1, date: '2021-12-01', amount: '10' }]);
  insertUser(db, { name: '甲', role: 'county', scope: '江西省/宜春市/樟树市', passwordHash: 'x' });
  const ctx: ApiContext = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array([1]) };
  return { db, ctx, calls: aCallOfEach(readRecord(db, id, { asOf: undefined }), workbook) };
}

type Outcome = 'ok' | 'forbidden' | 'desktop_only' | string;
const F = 'forbidden';
const D = 'desktop_only';
/** By hand, from the rules: [county officer, prefecture reviewer, province, administrator]. */
const EXPECTED: { [M in Method]: [Outcome, Outcome, Outcome, Outcome] } = {
  info: ['ok', 'ok', 'ok', 'ok'],
  listRecords: ['ok', 'ok', 'ok', 'ok'],
  getRecord: ['ok', 'ok', 'ok', F],
  // 草稿 → 已提交 is the county's step only.
  setStatus: ['ok', F, F, F],
  editPayments: ['ok', F, F, F],
  deletePayments: ['ok', F, F, F],
  createRecord: ['ok', F, F, F],
  addDemo: [F, F, F, F],
  duplicateRecord: ['ok', F, F, F],
  deleteRecord: ['ok', F, F, F],
  deletedRecords: ['ok', 'ok', 'ok', F],
  // Nothing deleted in this world: the officer is let through to be told so.
  restoreRecord: ['no_step', F, F, F],
  updateCounty: ['ok', F, F, F],
  editCells: ['ok', F, F, F],
  replaceText: ['ok', F, F, F],
  insertRows: ['ok', F, F, F],
  deleteRows: ['ok', F, F, F],
  moveRow: ['ok', F, F, F],
  undo: ['ok', 'ok', 'ok', F],
  redo: ['ok', 'ok', 'ok', F],
  history: ['ok', 'ok', 'ok', F],
  importWorkbooks: ['ok', F, F, F],
  exportWorkbook: ['ok', 'ok', 'ok', F],
  saveExport: [D, D, D, F],
  exportPdf: ['ok', 'ok', 'ok', F],
  printDocument: [D, D, D, F],
  exportOverview: ['ok', 'ok', 'ok', F],
  saveOverview: [D, D, D, F],
  printOverview: [D, D, D, F],
  exportTemplate: ['ok', 'ok', 'ok', F],
  saveTemplate: [D, D, D, F],
  getPreferences: ['ok', 'ok', 'ok', 'ok'],
  setPreferences: [F, F, 'ok', F],
  editPerformance: ['ok', F, F, F],
  editIndicators: ['ok', F, F, F],
  insertIndicators: ['ok', F, F, F],
  deleteIndicators: ['ok', F, F, F],
  draftPerformance: ['ok', F, F, F],
  backupNow: [F, F, F, F],
  reopenDataFile: [F, F, F, F],
  waitForCommand: ['ok', 'ok', 'ok', 'ok'],
  listUsers: [F, F, F, 'ok'],
  addUser: [F, F, F, 'ok'],
  updateUser: [F, F, F, 'ok'],
  // Which store a desktop window works on is its owner's choice, not a user's of the workspace.
  openWorkspace: [F, F, F, F],
  closeWorkspace: [F, F, F, F],
};
const ROLE_ORDER = ['county', 'prefecture', 'province', 'admin'] as const;

async function outcome(method: Method, caller: Caller): Promise<{ outcome: Outcome; value?: unknown; error?: unknown }> {
  const { ctx, calls } = world();
  // deleteIndicators needs an indicator to delete: the part is drafted first (as the owner).
  if (method === 'deleteIndicators') {
    const drafted = await dispatch(ctx, 'draftPerformance', { recordId: 1 }, ME);
    calls.deleteIndicators = { recordId: 1, rowIds: [(drafted as { value: { rowIds: number[] } }).value.rowIds[0]] };
  }
  const result = await dispatch(ctx, method, calls[method], as(caller));
  ctx.db.close();
  return result.ok ? { outcome: 'ok', value: result.value } : { outcome: result.error.code, error: result };
}

describe('every contract method as every role', () => {
  it('has a line for every method of the contract', () => {
    for (const method of METHODS) expect(EXPECTED[method], method).toBeDefined();
  });

  it.each(ROLE_ORDER)('in scope: a %s gets what the rules give it, method by method', async (role) => {
    const got: Record<string, Outcome> = {};
    const want: Record<string, Outcome> = {};
    for (const method of METHODS) {
      got[method] = (await outcome(method, IN_SCOPE[role])).outcome;
      want[method] = EXPECTED[method][ROLE_ORDER.indexOf(role)];
    }
    expect(got).toEqual(want);
  });

  it.each(Object.keys(ELSEWHERE) as (keyof typeof ELSEWHERE)[])(
    'out of scope: a %s elsewhere is answered as if the record did not exist, and lists nothing',
    async (role) => {
      for (const method of METHODS) {
        const { calls } = world();
        const ids = recordIdsOf(calls[method]);
        // Where the role may call it (the desktop's save and print dialogs aside: no browser has them).
        const allowed = EXPECTED[method][ROLE_ORDER.indexOf(role)] === 'ok';
        if (!allowed || ids.length === 0) continue;
        const got = await outcome(method, ELSEWHERE[role]);
        // The same call by the owner of a data file without that record.
        const empty = newStore();
        const missing = await dispatch(
          { db: empty, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array([1]) },
          method,
          calls[method],
          ME,
        );
        expect(missing.ok, method).toBe(false);
        expect(got.error, method).toEqual(missing);
      }
      expect((await outcome('listRecords', ELSEWHERE[role])).value).toEqual([]);
    },
  );
});

/** The record ids a call names (id, recordId, ids). */
function recordIdsOf(input: object): number[] {
  const i = input as { id?: number; recordId?: number; ids?: number[] };
  return [...(i.id !== undefined ? [i.id] : []), ...(i.recordId !== undefined ? [i.recordId] : []), ...(i.ids ?? [])];
}

describe('accounts', () => {
  it('a name that reads as an existing one (full-width, upper case, an invisible character, traditional, a radical look-alike) is refused naming it', async () => {
    const { ctx } = world();
    const add = async (name: string) => {
      const r = await dispatch(ctx, 'addUser', { name, role: 'province', scope: '江西省', password: 'correct horse battery' }, ME);
      return r.ok ? 'ok' : r.error.messages?.zh;
    };
    expect(await add('jx')).toBe('ok');
    expect(await add('赵处长')).toBe('ok');
    expect(await add('马处长')).toBe('ok');
    expect(await add('黄处长')).toBe('ok');
    for (const [name, existing] of [
      ['ｊｘ', 'jx'],
      ['JX', 'jx'],
      ['j\u200bx', 'jx'],
      ['jx\u3164', 'jx'],
      ['j\u034fx', 'jx'],
      ['jx\u2800', 'jx'],
      ['趙處長', '赵处长'],
      // CJK Radicals Supplement look-alikes (⻢ U+2EE2, ⻩ U+2EE9), as copied out of a PDF.
      ['\u2ee2处长', '马处长'],
      ['\u2ee9处长', '黄处长'],
    ])
      expect(await add(name)).toBe(
        `用户名 ${name} 与已有的用户 ${existing} 读起来相同(只差全角半角、大小写、繁简、部首写法或看不见的字符),请另取一个名字`,
      );
    expect(await add('jx ')).toBe('用户 jx 已存在');
  });

  it('a scope naming a prefecture or a province in another part’s place (赣州市 as a county of 宜春市, the parts out of order) is refused naming it', async () => {
    const { ctx } = world();
    const admin: Caller = { kind: 'user', id: 9, name: '宜春管理员', role: 'admin', scope: ['江西省', '宜春市'] };
    const add = async (name: string, role: Role, scope: string) => {
      const r = await dispatch(ctx, 'addUser', { name, role, scope, password: 'correct horse battery' }, as(admin));
      return r.ok ? 'ok' : [r.error.messages?.zh, (r.error.details as { place?: { field?: string } }).place?.field];
    };
    expect(await add('县甲', 'county', '江西省/宜春市/赣州市')).toEqual([
      '范围 江西省/宜春市/赣州市 的县(市、区)“赣州市”是市(地级)的名称,不是县(市、区):请按 省/市/县 的次序写,如 江西省/宜春市/樟树市',
      'scope',
    ]);
    // Traditional characters read the same; a province's name is no county either.
    expect((await add('县乙', 'county', '江西省/宜春市/贛州市'))[0]).toMatch(
      /^范围 江西省\/宜春市\/贛州市 的县\(市、区\)“贛州市”是市\(地级\)的名称/,
    );
    expect((await add('县丙', 'county', '江西省/宜春市/江西省'))[0]).toMatch(/“江西省”是省的名称,不是县/);
    const owner = async (scope: string) => {
      const r = await dispatch(ctx, 'addUser', { name: `审${scope}`, role: 'prefecture', scope, password: 'correct horse battery' }, ME);
      return r.ok ? 'ok' : r.error.messages?.zh;
    };
    expect(await owner('宜春市/江西省')).toMatch(/^范围 宜春市\/江西省 的省“宜春市”是市\(地级\)的名称,不是省/);
    // A county's own name, and a municipality's prefecture repeating its name, are taken.
    expect(await add('县丁', 'county', '江西省/宜春市/樟树市')).toBe('ok');
    expect(await owner('重庆市/重庆市')).toBe('ok');
  });

  it('an administrator cannot disable its own account (its session would end mid-work); another administrator can', async () => {
    const { ctx, db } = world();
    const admin = insertUser(db, { name: '管理员甲', role: 'admin', scope: '江西省', passwordHash: 'x' });
    const caller: Caller = { kind: 'user', id: admin.id, name: admin.name, role: 'admin', scope: ['江西省'] };
    const own = await dispatch(ctx, 'updateUser', { name: '管理员甲', disabled: true }, as(caller));
    expect(own.ok ? 'disabled' : own.error.messages?.zh).toBe('不能停用自己的账户(请由另一位管理员停用)');
    expect((await dispatch(ctx, 'updateUser', { name: '甲', disabled: true }, as(caller))).ok).toBe(true);
  });
});

describe('the review workflow, role by role, decided in the store', () => {
  const call = async <M extends Method>(ctx: ApiContext, caller: Caller, method: M, input: Input<M>) => {
    const r = await dispatch(ctx, method, input, as(caller));
    return r.ok ? 'ok' : r.error.code;
  };

  it('officer edits and submits; then only reviewers act; province accepts and the record is locked for the officer; unlocking needs a reason', async () => {
    const { ctx, calls, db } = world();
    const { county, prefecture, province } = IN_SCOPE;
    const edit = calls.editCells;
    expect(await call(ctx, county, 'editCells', edit)).toBe('ok');
    expect(await call(ctx, county, 'setStatus', { id: 1, status: 'submitted', by: '随便写' })).toBe('ok');
    // Submitted: the officer's figures are the reviewers' now.
    expect(await call(ctx, county, 'editCells', edit)).toBe('locked');
    expect(await call(ctx, county, 'setStatus', { id: 1, status: 'draft', by: 'x' })).toBe(F);
    expect(await call(ctx, prefecture, 'setStatus', { id: 1, status: 'draft', by: 'x' })).toBe('reason_needed');
    expect(await call(ctx, prefecture, 'setStatus', { id: 1, status: 'reviewed', by: 'x', remark: '数字已核' })).toBe('ok');
    expect(await call(ctx, prefecture, 'setStatus', { id: 1, status: 'accepted', by: 'x' })).toBe(F);
    expect(await call(ctx, province, 'setStatus', { id: 1, status: 'accepted', by: 'x' })).toBe('ok');
    expect(await call(ctx, county, 'editCells', edit)).toBe('locked');
    expect(await call(ctx, county, 'updateCounty', { id: 1, field: 'statusNote', value: '再改' })).toBe('locked');
    // A status change is not undone by a user: the reviewer sends back or unlocks with a reason instead.
    expect(await call(ctx, province, 'undo', {})).toBe(F);
    expect(await call(ctx, province, 'setStatus', { id: 1, status: 'draft', by: 'x' })).toBe('reason_needed');
    expect(await call(ctx, province, 'setStatus', { id: 1, status: 'draft', by: 'x', reason: '补录凭证' })).toBe('ok');
    expect(await call(ctx, county, 'editCells', { ...edit, edits: [{ ...edit.edits[0], value: '2' }] })).toBe('ok');
    // Each step is signed by the user, whatever name the window sent.
    const steps = db.prepare('SELECT label, user_name, detail FROM steps ORDER BY id').all() as {
      label: string;
      user_name: string | null;
      detail: string;
    }[];
    expect(
      steps.filter((s) => s.label === 'status').map((s) => [s.user_name, JSON.parse(s.detail).by, JSON.parse(s.detail).status]),
    ).toEqual([
      [county.kind === 'user' && county.name, county.kind === 'user' && county.name, 'submitted'],
      [prefecture.kind === 'user' && prefecture.name, prefecture.kind === 'user' && prefecture.name, 'reviewed'],
      [province.kind === 'user' && province.name, province.kind === 'user' && province.name, 'accepted'],
      [province.kind === 'user' && province.name, province.kind === 'user' && province.name, 'draft'],
    ]);
    const history = await dispatch(ctx, 'history', {}, as(county));
    expect(history.ok && (history.value as { steps: { user: string | null }[] }).steps.map((s) => s.user)).toEqual(
      Array(3).fill(county.kind === 'user' && county.name),
    );
    expect(steps[0].user_name).toBeNull(); // the seed, made by the local owner
  });

  it('an officer cannot move a record out of its county, nor make one elsewhere, nor write another county by import: nothing is written', async () => {
    const { ctx, calls, db } = world();
    const before = readRecord(db, 1, { asOf: undefined }).record;
    expect(await call(ctx, IN_SCOPE.county, 'updateCounty', { id: 1, field: 'name', value: '丰城市' })).toBe('out_of_scope');
    expect(await call(ctx, IN_SCOPE.county, 'updateCounty', { id: 1, field: 'prefecture', value: '赣州市' })).toBe('out_of_scope');
    expect(await call(ctx, IN_SCOPE.county, 'createRecord', { county: { ...calls.createRecord.county, name: '丰城市' } })).toBe(
      'out_of_scope',
    );
    // Another county's workbook: refused by what the file says, neither naming nor counting the stored record (a preview included).
    for (const dryRun of [true, false]) {
      const imported = await dispatch(ctx, 'importWorkbooks', { ...calls.importWorkbooks, dryRun }, as(ELSEWHERE.county));
      const result = imported.ok ? (imported.value as ImportResult) : undefined;
      expect(result?.committed).toBe(false);
      expect(result?.records.map((r) => [r.county, r.action, r.existingId, r.changes])).toEqual([
        ['樟树市', 'rejected', undefined, undefined],
      ]);
      expect(result?.findings.filter((f) => f.severity === 'error').map((f) => [f.code, findingMessage(f, 'zh')])).toEqual([
        ['out_of_scope', '樟树市 第8批 不在您的范围(江西省/宜春市/丰城市)内,不能导入'],
      ]);
    }
    expect(readRecord(db, 1, { asOf: undefined }).record).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1);
  });

  it('the status dialog is offered only what the role may set (getRecord’s statusChoices), as the store decides it', async () => {
    const { ctx, db } = world();
    const choices = async (caller: Caller) => {
      const r = await dispatch(ctx, 'getRecord', { id: 1 }, as(caller));
      return r.ok ? (r.value as { statusChoices: string[] }).statusChoices : r.error.code;
    };
    const at = (status: string) => db.prepare('UPDATE records SET status = ? WHERE id = 1').run(status);
    // A county officer submits its draft and does nothing else: not 已审核, not 已验收.
    expect(await choices(IN_SCOPE.county)).toEqual(['submitted']);
    expect(await choices(IN_SCOPE.prefecture)).toEqual([]);
    expect(await choices(IN_SCOPE.province)).toEqual(['accepted']);
    expect(await choices({ kind: 'owner' })).toEqual(['draft', 'submitted', 'reviewed', 'accepted']);
    at('submitted');
    expect(await choices(IN_SCOPE.county)).toEqual([]);
    expect(await choices(IN_SCOPE.prefecture)).toEqual(['draft', 'reviewed']);
    at('accepted');
    expect(await choices(IN_SCOPE.province)).toEqual(['draft', 'submitted', 'reviewed']);
    expect(await choices({ kind: 'owner' })).toEqual(['draft', 'submitted', 'reviewed']);
  });

  it('a refusal for leaving the scope names the place that is outside it, not the county that is the scope’s own', async () => {
    const { ctx, db } = world();
    const before = readRecord(db, 1, { asOf: undefined }).record;
    const refusal = async (method: Method, input: Record<string, unknown>) => {
      const r = await dispatch(ctx, method, input, as(IN_SCOPE.county));
      return r.ok ? null : [r.error.code, r.error.messages?.zh, (r.error.details as { place?: { field?: string } }).place?.field];
    };
    const outside = (place: string, field: string) => ['out_of_scope', `${place} 不在您的范围(江西省/宜春市/樟树市)内,未做任何改动`, field];
    expect(await refusal('updateCounty', { id: 1, field: 'prefecture', value: '赣州市' })).toEqual(outside('赣州市', 'county.prefecture'));
    expect(await refusal('updateCounty', { id: 1, field: 'province', value: '湖南省' })).toEqual(outside('湖南省', 'county.province'));
    expect(await refusal('updateCounty', { id: 1, field: 'name', value: '丰城市' })).toEqual(outside('丰城市', 'county.name'));
    // Replacing the prefecture's name everywhere in the record: the same refusal, not "记录 #1 不存在".
    expect(await refusal('replaceText', { recordId: 1, find: '宜春市', replace: '赣州市' })).toEqual(
      outside('赣州市', 'county.prefecture'),
    );
    expect(readRecord(db, 1, { asOf: undefined }).record).toEqual(before);
  });

  it('a scope names places in either script: 樟樹市 is 樟树市', async () => {
    const { ctx } = world();
    const traditional = user('county', '江西省/宜春市/樟樹市');
    expect(await call(ctx, traditional, 'getRecord', { id: 1 })).toBe('ok');
  });
});
