// Two people on one record, beyond the cells of 二 and 三: a basic fact, a payment, deleting a payment or a
// line of 三 (with its payments), a field of 绩效自评, an indicator, deleting an indicator, the review status.
// Each change a screen sends with the log's position it read the record at (`seen`) is refused when someone
// else changed what it acts on since — naming the field, who and when — and writes nothing; the same change
// sent without `seen` (the command line) goes through, as before. Through the contract, on the backend under test.
import { describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Actor } from '../../../electron/services/store/changelog';
import { createRecord, findRecordIds, readRecord } from '../../../electron/services/store/records';
import { exportWorkbook } from '../../../electron/services/excel/export';
import { referenceFixture, seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const ANNA: Actor = {
  client: 'tab-anna',
  kind: 'web',
  caller: { kind: 'user', id: 1, name: '安娜', role: 'county', scope: ['江西省', '宜春市', '樟树市'] },
};
const BO: Actor = { client: 'tab-bo', kind: 'web' };

type Shown = {
  seen: number;
  record: {
    county: { investment: { central: string } };
    payments?: { amount: string; line: number }[];
    performance?: unknown;
    disbursements: { name: string }[];
  };
  disbursementIds: number[];
  paymentIds: number[];
  indicatorIds: number[];
  status: { status: string };
};

async function setUp() {
  const db = newStore();
  const ctx: ApiContext = { db, dbFile: 'test', version: 'test', renderPdf: async () => new Uint8Array() };
  const id = createRecord(db, BO, seedInput());
  const call = async (actor: Actor, method: string, input: Record<string, unknown>) => dispatch(ctx, method, input, actor);
  const must = async (actor: Actor, method: string, input: Record<string, unknown>) => {
    const r = await call(actor, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const shown = async () => (await must(BO, 'getRecord', { id })) as Shown;
  // A payment under line 1 of 三, and 绩效自评 with one indicator: what the two act on.
  const lines = (await shown()).disbursementIds;
  await must(BO, 'editPayments', {
    recordId: id,
    edits: [],
    append: [{ line: 1, date: '2021-03-01', amount: '10', payee: '樟树市商务局' }],
  });
  await must(BO, 'editIndicators', { recordId: id, edits: [], append: [{ name: '培训人次', target: '≥ 1000人次', actual: '1200人次' }] });
  return { id, lines, call, must, shown };
}

type Case = {
  what: string;
  /** Anna's change, made after Bo's screen read the record. */
  anna: (s: Awaited<ReturnType<typeof setUp>>, at: Shown) => Record<string, unknown> & { method: string };
  /** Bo's change over it, from what his screen showed. */
  bo: (s: Awaited<ReturnType<typeof setUp>>, at: Shown) => Record<string, unknown> & { method: string };
  /** What the refusal names: the field. */
  field: string;
  /** What the record shows: Anna's change kept after the refusal, Bo's once sent without `seen`. */
  state: (r: Shown) => unknown;
  kept: unknown;
  overwritten: unknown;
};

const CASES: Case[] = [
  {
    what: 'a basic fact',
    anna: ({ id }) => ({ method: 'updateCounty', id, field: 'investment.central', value: '3000' }),
    bo: ({ id }) => ({ method: 'updateCounty', id, field: 'investment.central', value: '2800' }),
    field: '一、基本情况 中央资金',
    state: (r) => r.record.county.investment.central,
    kept: '3000',
    overwritten: '2800',
  },
  {
    what: 'a payment’s amount',
    anna: ({ id }, at) => ({
      method: 'editPayments',
      recordId: id,
      edits: [{ paymentId: at.paymentIds[0], field: 'amount', value: '12' }],
    }),
    bo: ({ id }, at) => ({ method: 'editPayments', recordId: id, edits: [{ paymentId: at.paymentIds[0], field: 'amount', value: '11' }] }),
    field: '拨付台账第 1 笔 金额(万元)',
    state: (r) => r.record.payments?.map((p) => p.amount),
    kept: ['12'],
    overwritten: ['11'],
  },
  {
    what: 'deleting a payment',
    anna: ({ id }, at) => ({
      method: 'editPayments',
      recordId: id,
      edits: [{ paymentId: at.paymentIds[0], field: 'amount', value: '12' }],
    }),
    bo: ({ id }, at) => ({ method: 'deletePayments', recordId: id, paymentIds: [at.paymentIds[0]] }),
    field: '拨付台账第 1 笔',
    state: (r) => r.record.payments?.map((p) => p.amount) ?? [],
    kept: ['12'],
    overwritten: [],
  },
  {
    what: 'deleting a line of 三 someone added a payment under',
    anna: ({ id }) => ({ method: 'editPayments', recordId: id, edits: [], append: [{ line: 1, date: '2021-04-01', amount: '5' }] }),
    bo: ({ id, lines }) => ({ method: 'deleteRows', recordId: id, table: 'disbursements', rowIds: [lines[0]] }),
    field: '第 1 行的拨付台账',
    state: (r) => r.record.payments?.length ?? 0,
    kept: 2,
    overwritten: 0,
  },
  {
    what: 'a payment typed under a 序号 that another window’s deletion of a line of 三 gave to the next project',
    anna: ({ id, lines }) => ({ method: 'deleteRows', recordId: id, table: 'disbursements', rowIds: [lines[2]] }),
    bo: ({ id }) => ({ method: 'editPayments', recordId: id, edits: [], append: [{ line: 3, date: '2022-01-05', amount: '12.5' }] }),
    field: '三 序号 3 的行',
    state: (r) => r.record.payments?.map((p) => p.amount),
    kept: ['10'],
    overwritten: ['10', '12.5'],
  },
  {
    what: 'a payment moved to a 序号 that a row inserted above it by another window renumbered',
    anna: ({ id }) => ({ method: 'insertRows', recordId: id, table: 'disbursements', index: 0, count: 1 }),
    bo: ({ id }, at) => ({ method: 'editPayments', recordId: id, edits: [{ paymentId: at.paymentIds[0], field: 'line', value: '3' }] }),
    field: '三 序号 3 的行',
    state: (r) => r.record.payments?.map((p) => p.line),
    kept: [2],
    overwritten: [3],
  },
  {
    what: 'moving a line of 三 to the top after another window inserted a row there',
    anna: ({ id }) => ({ method: 'insertRows', recordId: id, table: 'disbursements', index: 0, count: 1 }),
    bo: ({ id, lines }) => ({ method: 'moveRow', recordId: id, table: 'disbursements', rowId: lines[3], toIndex: 0 }),
    field: '表三的行(行数、次序或序号)',
    state: (r) => r.record.disbursements.map((d) => d.name),
    kept: [
      '',
      '县乡村物流快递配送体系建设',
      '农产品上行服务体系建设',
      '乡镇商贸中心示范建设',
      '樟树市电子商务公共服务中心建设',
      '农村电子商务人员培训',
      '农村电商宣传和规划',
    ],
    overwritten: [
      '樟树市电子商务公共服务中心建设',
      '',
      '县乡村物流快递配送体系建设',
      '农产品上行服务体系建设',
      '乡镇商贸中心示范建设',
      '农村电子商务人员培训',
      '农村电商宣传和规划',
    ],
  },
  {
    what: 'inserting a row below line 2 of 三 after another window moved a line to the top',
    anna: ({ id, lines }) => ({ method: 'moveRow', recordId: id, table: 'disbursements', rowId: lines[5], toIndex: 0 }),
    bo: ({ id }) => ({ method: 'insertRows', recordId: id, table: 'disbursements', index: 2, count: 1 }),
    field: '表三的行(行数、次序或序号)',
    state: (r) => r.record.disbursements.map((d) => d.name),
    kept: [
      '农村电商宣传和规划',
      '县乡村物流快递配送体系建设',
      '农产品上行服务体系建设',
      '乡镇商贸中心示范建设',
      '樟树市电子商务公共服务中心建设',
      '农村电子商务人员培训',
    ],
    overwritten: [
      '农村电商宣传和规划',
      '县乡村物流快递配送体系建设',
      '',
      '农产品上行服务体系建设',
      '乡镇商贸中心示范建设',
      '樟树市电子商务公共服务中心建设',
      '农村电子商务人员培训',
    ],
  },
  {
    what: 'moving a line of 三 after another window deleted a line',
    anna: ({ id, lines }) => ({ method: 'deleteRows', recordId: id, table: 'disbursements', rowIds: [lines[1]] }),
    bo: ({ id, lines }) => ({ method: 'moveRow', recordId: id, table: 'disbursements', rowId: lines[0], toIndex: 2 }),
    field: '表三的行(行数、次序或序号)',
    state: (r) => r.record.disbursements.map((d) => d.name),
    kept: [
      '县乡村物流快递配送体系建设',
      '乡镇商贸中心示范建设',
      '樟树市电子商务公共服务中心建设',
      '农村电子商务人员培训',
      '农村电商宣传和规划',
    ],
    overwritten: [
      '乡镇商贸中心示范建设',
      '樟树市电子商务公共服务中心建设',
      '县乡村物流快递配送体系建设',
      '农村电子商务人员培训',
      '农村电商宣传和规划',
    ],
  },
  {
    what: 'a field of 绩效自评',
    anna: ({ id }) => ({ method: 'editPerformance', recordId: id, edits: [{ field: 'funds.budget', value: '2000' }] }),
    bo: ({ id }) => ({ method: 'editPerformance', recordId: id, edits: [{ field: 'funds.budget', value: '1900' }] }),
    field: '绩效自评 全年预算数',
    state: (r) => (r.record.performance as { funds: { budget: string } }).funds.budget,
    kept: '2000',
    overwritten: '1900',
  },
  {
    what: 'an indicator',
    anna: ({ id }, at) => ({
      method: 'editIndicators',
      recordId: id,
      edits: [{ rowId: at.indicatorIds[0], field: 'actual', value: '1300人次' }],
    }),
    bo: ({ id }, at) => ({
      method: 'editIndicators',
      recordId: id,
      edits: [{ rowId: at.indicatorIds[0], field: 'actual', value: '1250人次' }],
    }),
    field: '绩效指标第 1 行 实际完成值',
    state: (r) => (r.record.performance as { indicators: { actual: string }[] }).indicators.map((i) => i.actual),
    kept: ['1300人次'],
    overwritten: ['1250人次'],
  },
  {
    what: 'deleting an indicator',
    anna: ({ id }, at) => ({
      method: 'editIndicators',
      recordId: id,
      edits: [{ rowId: at.indicatorIds[0], field: 'actual', value: '1300人次' }],
    }),
    bo: ({ id }, at) => ({ method: 'deleteIndicators', recordId: id, rowIds: [at.indicatorIds[0]] }),
    field: '绩效指标第 1 行',
    state: (r) => (r.record.performance as { indicators: { actual: string }[] }).indicators.map((i) => i.actual),
    kept: ['1300人次'],
    overwritten: [],
  },
  {
    what: 'inserting an indicator below the first after another window inserted one above it',
    anna: ({ id }) => ({ method: 'insertIndicators', recordId: id, index: 0, count: 1 }),
    bo: ({ id }) => ({ method: 'insertIndicators', recordId: id, index: 1, count: 1 }),
    field: '绩效指标的行(行数或次序)',
    state: (r) => (r.record.performance as { indicators: { name: string }[] }).indicators.map((i) => i.name),
    kept: ['', '培训人次'],
    overwritten: ['', '', '培训人次'],
  },
  {
    what: 'the review status',
    anna: ({ id }) => ({ method: 'setStatus', id, status: 'submitted', by: '安娜' }),
    bo: ({ id }) => ({ method: 'setStatus', id, status: 'reviewed', by: '柏' }),
    field: '樟树市 第8批 的审核状态',
    state: (r) => r.status.status,
    kept: 'submitted',
    overwritten: 'reviewed',
  },
];

const escaped = (text: string) => text.replace(/[()]/g, '\\$&');

describe('a change over what someone else changed since the screen read it', () => {
  for (const c of CASES)
    it(`${c.what}: refused naming the field, who and when, nothing written; without seen it goes through`, async () => {
      const s = await setUp();
      const bosView = await s.shown();
      const { method: annaMethod, ...annaInput } = c.anna(s, bosView);
      await s.must(ANNA, annaMethod, annaInput);
      const { method, ...input } = c.bo(s, bosView);
      const refused = await s.call(BO, method, { ...input, seen: bosView.seen });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('edit_conflict');
      expect(refused.error.messages?.zh).toMatch(
        new RegExp(`^${escaped(c.field)} 已由安娜\\(浏览器窗口\\)在 \\d{4}/\\d{1,2}/\\d{1,2} \\d\\d:\\d\\d:\\d\\d 修改`),
      );
      expect(c.state(await s.shown())).toEqual(c.kept);
      // The command line sends no position: it changes what is there, as before.
      await s.must(BO, method, input);
      expect(c.state(await s.shown())).toEqual(c.overwritten);
    });

  it('moving or inserting rows of 三 goes through when another window changed only a cell of them since', async () => {
    const s = await setUp();
    const bosView = await s.shown();
    await s.must(ANNA, 'editCells', {
      recordId: s.id,
      table: 'disbursements',
      edits: [{ rowId: s.lines[0], field: 'planned', value: '600' }],
    });
    await s.must(BO, 'moveRow', { recordId: s.id, table: 'disbursements', rowId: s.lines[0], toIndex: 1, seen: bosView.seen });
    await s.must(BO, 'insertRows', { recordId: s.id, table: 'items', index: 0, count: 1, seen: bosView.seen });
    expect((await s.shown()).record.disbursements.map((d) => d.name).slice(0, 2)).toEqual([
      '农产品上行服务体系建设',
      '县乡村物流快递配送体系建设',
    ]);
  });

  it('moving a line of 三 after another window undid its insert is refused, naming the undo', async () => {
    const s = await setUp();
    await s.must(ANNA, 'insertRows', { recordId: s.id, table: 'disbursements', index: 0, count: 1 });
    const bosView = await s.shown();
    await s.must(ANNA, 'undo', {});
    const refused = await s.call(BO, 'moveRow', {
      recordId: s.id,
      table: 'disbursements',
      rowId: s.lines[3],
      toIndex: 0,
      seen: bosView.seen,
    });
    expect(refused.ok ? 'ok' : refused.error.messages?.zh).toMatch(/^表三的行\(行数、次序或序号\) 已由安娜\(浏览器窗口\)在 .* 撤销修改/);
    expect((await s.shown()).record.disbursements.map((d) => d.name)[0]).toBe('县乡村物流快递配送体系建设');
  });

  it('a change from a screen that read the record after someone else’s goes through', async () => {
    const s = await setUp();
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.central', value: '3000' });
    const fresh = await s.shown();
    await s.must(BO, 'updateCounty', { id: s.id, field: 'investment.central', value: '2800', seen: fresh.seen });
    await s.must(BO, 'deletePayments', { recordId: s.id, paymentIds: fresh.paymentIds, seen: fresh.seen });
    expect((await s.shown()).record.county.investment.central).toBe('2800');
  });
});

describe('an undo or redo by another window counts as a change', () => {
  const central = async (s: Awaited<ReturnType<typeof setUp>>) => (await s.shown()).record.county.investment.central;
  const refusal = (r: Awaited<ReturnType<Awaited<ReturnType<typeof setUp>>['call']>>) => (r.ok ? null : r.error);
  const byAnna = (verb: string) =>
    new RegExp(`^一、基本情况 中央资金 已由安娜\\(浏览器窗口\\)在 \\d{4}/\\d{1,2}/\\d{1,2} \\d\\d:\\d\\d:\\d\\d ${verb}`);

  it('a screen read before Anna’s undo is refused, naming who undid it and when; the undone-to value stays', async () => {
    const s = await setUp();
    const before = await central(s);
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.central', value: '3000' });
    const bosView = await s.shown();
    await s.must(ANNA, 'undo', {});
    const refused = refusal(await s.call(BO, 'updateCounty', { id: s.id, field: 'investment.central', value: '2800', seen: bosView.seen }));
    expect(refused?.code).toBe('edit_conflict');
    expect(refused?.messages?.zh).toMatch(byAnna('撤销修改'));
    expect(await central(s)).toBe(before);
  });

  it('so is one read before Anna’s redo', async () => {
    const s = await setUp();
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.central', value: '3000' });
    await s.must(ANNA, 'undo', {});
    const bosView = await s.shown();
    await s.must(ANNA, 'redo', {});
    const refused = refusal(await s.call(BO, 'updateCounty', { id: s.id, field: 'investment.central', value: '2800', seen: bosView.seen }));
    expect(refused?.messages?.zh).toMatch(byAnna('重做修改'));
    expect(await central(s)).toBe('3000');
  });

  it('a change Anna made and undid after the screen read the record leaves it as read: the screen’s change goes through', async () => {
    const s = await setUp();
    const bosView = await s.shown();
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.central', value: '3000' });
    await s.must(ANNA, 'undo', {});
    await s.must(BO, 'updateCounty', { id: s.id, field: 'investment.central', value: '2800', seen: bosView.seen });
    expect(await central(s)).toBe('2800');
  });

  it('a step made after an undone one was discarded is after the position a screen read', async () => {
    const s = await setUp();
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.localGov', value: '500' });
    await s.must(ANNA, 'undo', {});
    const bosView = await s.shown();
    // Anna's new step discards her undone one: it must not take a position Bo's screen already counts as seen.
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.central', value: '3000' });
    const refused = refusal(await s.call(BO, 'updateCounty', { id: s.id, field: 'investment.central', value: '2800', seen: bosView.seen }));
    expect(refused?.messages?.zh).toMatch(byAnna('修改'));
    expect(await central(s)).toBe('3000');
  });

  it('redoing one’s own step over another window’s undo is refused, naming who undid and when', async () => {
    const s = await setUp();
    const before = await central(s);
    await s.must(BO, 'updateCounty', { id: s.id, field: 'investment.central', value: '2800' });
    await s.must(ANNA, 'updateCounty', { id: s.id, field: 'investment.central', value: '3000' });
    await s.must(ANNA, 'undo', {});
    await s.must(BO, 'undo', {});
    const refused = refusal(await s.call(ANNA, 'redo', {}));
    expect(refused?.code).toBe('undo_conflict');
    expect(refused?.messages?.zh).toMatch(/已由浏览器窗口在 \d{4}\/\d{1,2}\/\d{1,2} \d\d:\d\d:\d\d 再次修改/);
    expect(await central(s)).toBe(before);
  });
});

describe('an import replacing a county someone changed after its preview', () => {
  it('is refused at its commit, naming who changed it and when; nothing imported; previewed again, it replaces', async () => {
    const db = newStore();
    const ctx: ApiContext = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const id = createRecord(db, BO, seedInput());
    const file = { name: 'zhangshu.xlsx', bytes: await exportWorkbook([referenceFixture('hans')]) };
    // confirm: the kept payment (10) differs from the file's 实际 of its line, a doubt Bo confirms.
    const importing = (seen?: number) =>
      dispatch(
        ctx,
        'importWorkbooks',
        { files: [file], onConflict: 'replace', dryRun: seen === undefined, ledger: 'keep', seen, confirm: 'all' },
        BO,
      );
    const preview = await importing();
    if (!preview.ok) throw new Error(preview.error.message);
    const { seen } = preview.value as { seen: number };
    // Meanwhile Anna adds a payment: the preview Bo confirms knew nothing of it.
    await dispatch(ctx, 'editPayments', { recordId: id, edits: [], append: [{ line: 1, date: '2021-03-01', amount: '10' }] }, ANNA);
    const refused = await importing(seen);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('record_changed');
    if (refused.ok) return;
    expect(refused.error.messages?.zh).toMatch(/^樟树市 第8批 在导入预览之后已被修改:安娜\(浏览器窗口\)在 .*未导入任何内容/);
    expect(readRecord(db, id, { asOf: undefined }).paymentIds).toHaveLength(1);
    // Previewed again (Anna's payment in the preview), the import replaces the county, keeping the payment.
    const again = await importing();
    if (!again.ok) throw new Error(again.error.message);
    const done = await importing((again.value as { seen: number }).seen);
    expect(done.ok).toBe(true);
    const [replaced] = findRecordIds(db, '樟树市', 8);
    expect(replaced.id).not.toBe(id);
    expect(readRecord(db, replaced.id, { asOf: undefined }).paymentIds).toHaveLength(1);
  });

  it('is refused when the county was submitted after the preview: the submitted record stays', async () => {
    const db = newStore();
    const ctx: ApiContext = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const id = createRecord(db, BO, seedInput());
    const file = { name: 'zhangshu.xlsx', bytes: await exportWorkbook([referenceFixture('hans')]) };
    // confirm: the kept payment (10) differs from the file's 实际 of its line, a doubt Bo confirms.
    const importing = (seen?: number) =>
      dispatch(
        ctx,
        'importWorkbooks',
        { files: [file], onConflict: 'replace', dryRun: seen === undefined, ledger: 'keep', seen, confirm: 'all' },
        BO,
      );
    const preview = await importing();
    if (!preview.ok) throw new Error(preview.error.message);
    await dispatch(ctx, 'setStatus', { id, status: 'submitted', by: '安娜' }, ANNA);
    const refused = await importing((preview.value as { seen: number }).seen);
    expect(refused.ok ? 'ok' : refused.error.messages?.zh).toMatch(/^樟树市 第8批 在导入预览之后已被修改:安娜\(浏览器窗口\)在 .*已提交/);
    expect(findRecordIds(db, '樟树市', 8).map((r) => r.id)).toEqual([id]);
  });
});
