// 四、绩效自评 in the store: one step per action through mutate(), undone and redone, refused on an
// accepted record, read back with the record and in the overview. In-process, so that mutation testing
// runs it (test/vitest.mutation*.config.ts); the command line's part is test/unit/cli/performance.test.ts.
import { describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { createRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { writePreferences } from '../../../electron/services/store/preferences';
import {
  deleteIndicators,
  draftPerformance,
  editIndicators,
  editPerformance,
  insertIndicators,
} from '../../../electron/services/store/performance';
import { setStatus } from '../../../electron/services/store/status';
import { editCells } from '../../../electron/services/store/edits';
import { dispatch } from '../../../electron/services/api';
import { toInput } from '../../../shared/record';
import { emptyPerformance } from '../../../shared/performance';
import { stepLabel } from '../../../shared/steps';
import { ME, seedInput } from '../../helpers/fixtures';
import { redo, refusal, undo } from '../../helpers/store';
import { newStore } from '../../helpers/backend';

const seedDb = (): { db: DB; id: number } => {
  const db = newStore();
  return { db, id: createRecord(db, ME, seedInput()) };
};
const perf = (db: DB, id: number) => readRecord(db, id, { asOf: undefined }).record.performance;

describe('the performance part in the store', () => {
  it('a first edit makes the part, its money following the record; one undo removes it again', () => {
    const { db, id } = seedDb();
    expect(perf(db, id)).toBeUndefined();
    editPerformance(db, ME, id, [{ field: 'goals.expected', value: '建成县级电商服务中心' }]);
    expect(perf(db, id)).toMatchObject({
      funds: { budget: '1500', executed: '1235.96', rate: '82.40', score: '8.24' },
      goals: { expected: '建成县级电商服务中心' },
    });
    undo(db);
    expect(perf(db, id)).toBeUndefined();
    redo(db);
    expect(perf(db, id)?.goals.expected).toBe('建成县级电商服务中心');
  });

  it('the money follows table 三 as it is typed, until a 全年执行数 is typed over it', () => {
    const { db, id } = seedDb();
    draftPerformance(db, ME, id, { draft: false });
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '775' }],
      [],
    );
    // 1235.96 − 640.21 + 775 = 1370.75; 1370.75 / 1500 = 91.38%
    expect(perf(db, id)?.funds).toMatchObject({ executed: '1370.75', rate: '91.38', score: '9.14', from: { executed: 'record' } });
    editPerformance(db, ME, id, [{ field: 'funds.executed', value: '1,500.00' }]);
    expect(perf(db, id)?.funds).toMatchObject({ executed: '1500', rate: '100.00', score: '10.00', from: { executed: 'typed' } });
  });

  it('refuses a bad value naming the field, writing nothing', () => {
    const { db, id } = seedDb();
    const e = refusal(() => editPerformance(db, ME, id, [{ field: 'funds.weight', value: '十分' }]));
    expect(e.messages.zh).toContain('资金分值');
    expect(perf(db, id)).toBeUndefined();
    const row = refusal(() => editIndicators(db, ME, id, [], [{ level1: '产出指标' }, { level1: '收入指标' }]));
    expect(row.messages.zh).toMatch(/绩效指标第 2 行 一级指标“收入指标”/);
    expect(perf(db, id)).toBeUndefined();
  });

  it('indicators typed, pasted, inserted and deleted are each one step, named in the history', () => {
    const { db, id } = seedDb();
    const [a, b] = editIndicators(
      db,
      ME,
      id,
      [],
      [
        { level1: '产 出 指 标', level2: '数量指标', name: '培训人次', target: '≥500人次', actual: '620人次', weight: '50' },
        { level1: '滿意度指標', level2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '95%', weight: '10' },
      ],
    );
    expect(perf(db, id)?.indicators.map((i) => [i.level1, i.finalScore])).toEqual([
      ['output', '50.00'],
      ['satisfaction', '10.00'],
    ]);
    expect(perf(db, id)?.total).toBe('68.24');
    editIndicators(db, ME, id, [{ rowId: a, field: 'actual', value: '250人次' }], []);
    expect(perf(db, id)?.indicators[0].finalScore).toBe('25.00');
    const step = undo(db)!;
    expect(stepLabel(step, 'zh')).toBe('编辑 樟树市 绩效自评 第1行 实际完成值');
    expect(perf(db, id)?.indicators[0].finalScore).toBe('50.00');
    insertIndicators(db, ME, id, 1, 1);
    expect(perf(db, id)?.indicators.map((i) => i.level1)).toEqual(['output', 'output', 'satisfaction']);
    deleteIndicators(db, ME, id, [b]);
    expect(perf(db, id)?.indicators).toHaveLength(2);
    undo(db);
    expect(perf(db, id)?.indicators).toHaveLength(3);
  });

  it('the draft from table 二 is one step, and what it could not read it leaves blank', () => {
    const { db, id } = seedDb();
    const rows = draftPerformance(db, ME, id, { draft: true });
    const p = perf(db, id)!;
    expect(rows.length).toBe(p.indicators.length);
    expect(p.indicators[0]).toMatchObject({ level1: 'output', level2: '数量指标', target: '≥3000平方米' });
    expect(p.indicators.filter((i) => i.actual === '').every((i) => i.finalScore === null)).toBe(true);
    undo(db);
    expect(perf(db, id)).toBeUndefined();
  });

  it('drafting again (a second window, a double click) is refused: the indicators are not listed twice', () => {
    const { db, id } = seedDb();
    const drafted = draftPerformance(db, ME, id, { draft: true }).length;
    const e = refusal(() => draftPerformance(db, { client: 'another-window', kind: 'web' }, id, { draft: true }));
    expect([e.code, e.messages.zh]).toEqual([
      'conflict',
      `樟树市 的绩效自评已有 ${drafted} 项指标(也许是另一个窗口刚起草的),没有再起草一遍。请在表中修改或添加指标。`,
    ]);
    expect(perf(db, id)!.indicators).toHaveLength(drafted);
  });

  it('an accepted record is locked: no edit of its performance part', () => {
    const { db, id } = seedDb();
    draftPerformance(db, ME, id, { draft: false });
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    expect(refusal(() => editPerformance(db, ME, id, [{ field: 'funds.weight', value: '20' }])).code).toBe('locked');
    expect(refusal(() => editIndicators(db, ME, id, [], [{ name: 'x' }])).code).toBe('locked');
    expect(perf(db, id)?.funds.weight).toBe('10');
  });

  it('a record written with its part reads back identically (create, duplicate, import go this way)', () => {
    const db = newStore();
    const input = { ...seedInput(), performance: { ...emptyPerformance(), statedTotal: '100' } };
    input.performance.funds.current = { initial: '1500', budget: '1500', executed: '1235.96' };
    input.performance.indicators = [
      {
        level1: 'outcome' as const,
        level2: '社会效益指标',
        name: '带动就业',
        target: '效果明显',
        actual: '达成预期指标',
        weight: '30',
        score: '27',
        deviation: '',
      },
    ];
    const id = createRecord(db, ME, input);
    expect(toInput(readRecord(db, id, { asOf: undefined }).record)).toEqual(input);
  });

  it('the rate line is a setting: getRecord flags 执行率 below it', async () => {
    const { db, id } = seedDb();
    draftPerformance(db, ME, id, { draft: false });
    const ctx = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const codes = async () =>
      ((await dispatch(ctx, 'getRecord', { id }, ME)) as { value: { findings: { code: string }[] } }).value.findings.map((f) => f.code);
    expect(await codes()).toContain('perf_rate_below_line');
    await dispatch(ctx, 'setPreferences', { rateLine: '80' }, ME);
    expect(await codes()).not.toContain('perf_rate_below_line');
  });
});

describe('the 执行率 line in a team workspace', () => {
  const reviewer = (name: string, province: string) =>
    ({ client: `w-${name}`, kind: 'web', caller: { kind: 'user', id: 1, name, role: 'province', scope: [province] } }) as const;

  it("is each province's own: another province's reviewer setting 10 leaves 江西's line and 樟树市's warning as they are", async () => {
    const { db, id } = seedDb();
    draftPerformance(db, ME, id, { draft: false });
    const ctx = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const jx = reviewer('江西审核', '江西省');
    const fj = reviewer('福建审核', '福建省');
    await dispatch(ctx, 'setPreferences', { rateLine: '95' }, jx);
    await dispatch(ctx, 'setPreferences', { rateLine: '10' }, fj);
    expect((await dispatch(ctx, 'getPreferences', {}, jx)) as unknown).toMatchObject({ value: { rateLine: '95' } });
    const codes = async () =>
      ((await dispatch(ctx, 'getRecord', { id }, ME)) as { value: { findings: { code: string }[] } }).value.findings.map((f) => f.code);
    expect(await codes()).toContain('perf_rate_below_line');
    // The overview's list checks each record against its own province's line too.
    const listed = (await dispatch(ctx, 'listRecords', {}, jx)) as { value: { warnings: number }[] };
    const fjListed = (await dispatch(ctx, 'listRecords', {}, ME)) as { value: { warnings: number }[] };
    expect(listed.value[0].warnings).toBe(fjListed.value[0].warnings);
  });

  it("signs with the account's own name: one account cannot set the name another signs with", async () => {
    const { db } = seedDb();
    const ctx = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const refused = (await dispatch(ctx, 'setPreferences', { name: '福建验收员' }, reviewer('福建审核', '福建省'))) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect((await dispatch(ctx, 'getPreferences', {}, reviewer('江西审核', '江西省'))) as unknown).toMatchObject({
      value: { name: '江西审核' },
    });
  });
});

describe('the overview’s figures', () => {
  it('count 执行率 below the rate line as a warning, by the line set (82.40% is below 90 and 82.5, not below 80)', () => {
    const { db, id } = seedDb();
    draftPerformance(db, ME, id, { draft: false });
    const warnings = () => listRecords(db, { asOf: undefined })[0].warnings;
    const atDefault = warnings();
    writePreferences(db, { rateLine: '80' });
    expect(warnings()).toBe(atDefault - 1);
    writePreferences(db, { rateLine: '82.5' });
    expect(warnings()).toBe(atDefault);
  });
});

describe('the overview’s workbook', () => {
  it('has 绩效得分 and 等级 columns, and says the 等级 filter it covers', async () => {
    const { db, id } = seedDb();
    draftPerformance(db, ME, id, { draft: false });
    const { overviewWorkbook } = await import('../../../electron/services/excel/overview');
    const ExcelJS = (await import('exceljs')).default;
    const records = listRecords(db, { asOf: undefined });
    expect(records[0].performance).toEqual({ total: '8.24', grade: '差' });
    const bytes = await overviewWorkbook(records, { script: 'hans', grouping: 'none', filters: { grade: '差' }, printedOn: '2026-12-07' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect([sheet.getCell('M3').value, sheet.getCell('N3').value]).toEqual(['绩效得分', '等级']);
    expect([sheet.getCell('M4').value, sheet.getCell('N4').value]).toEqual([8.24, '差']);
    expect(String(sheet.getCell('A2').value)).toContain('绩效等级 差');
  });
});
