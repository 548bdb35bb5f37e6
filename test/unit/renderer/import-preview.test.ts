// The import preview's rules (renderer/src/import/preview.ts) without a browser: what holds the
// commit back, the ledger choice shown, which doubts stay confirmed after a re-read, which sheets are
// offered for correction, and the changes and corrections in words.
import { describe, expect, it } from 'vitest';
import type { SheetReading } from '../../../shared/doubts';
import { STRINGS } from '../../../renderer/src/strings';
import {
  changeWords,
  correctionWords,
  findingsBesideDoubts,
  ledgerShown,
  previewState,
  scaledColumns,
  sheetsToCorrect,
  stillConfirmed,
  toggled,
  unitFromText,
  withDrafts,
  withoutRemembered,
  type Doubt,
  type ImportFinding,
  type ImportResult,
  type Planned,
} from '../../../renderer/src/import/preview';

const t = STRINGS.zh;
const record = (over: Partial<Planned> = {}) => ({ action: 'create', county: '樟树市', file: 'a.xlsx', sheet: '表1', ...over }) as Planned;
const doubt = (id: string, over: Partial<Doubt> = {}) =>
  ({ id, code: 'unit_guess', params: {}, county: null, batch: null, file: 'a.xlsx', sheet: '表1', figures: [], ...over }) as Doubt;
const reading = (sheet: string, over: Partial<SheetReading> = {}) =>
  ({ file: 'a.xlsx', sheet, correction: null, source: null, headerRows: [], columns: [], lines: [], ...over }) as unknown as SheetReading;
const preview = (over: Partial<ImportResult> = {}) =>
  ({ records: [record()], doubts: [], findings: [], readings: [], skippedFiles: [], ...over }) as unknown as ImportResult;
const error = (over: Partial<ImportFinding> = {}) => ({ code: 'bad_amount', severity: 'error', ...over }) as ImportFinding;

describe('what holds the import back', () => {
  it('a doubt not confirmed holds it; once each is confirmed it may write', () => {
    const p = preview({ doubts: [doubt('d1'), doubt('d2')] });
    expect(previewState(p, new Set(['d1']))).toMatchObject({ open: 1, writable: false });
    expect(previewState(p, new Set(['d1', 'd2']))).toMatchObject({ open: 0, writable: true });
  });
  it('an error, a rejected or conflicting record, or no record at all holds it whatever is confirmed', () => {
    expect(previewState(preview({ findings: [error()] }), new Set())).toMatchObject({ hasErrors: true, writable: false });
    expect(previewState(preview({ records: [record({ action: 'rejected' })] }), new Set()).writable).toBe(false);
    expect(previewState(preview({ records: [record({ action: 'conflict' })] }), new Set()).writable).toBe(false);
    expect(previewState(preview({ records: [] }), new Set()).writable).toBe(false);
    expect(previewState(null, new Set()).writable).toBe(false);
    expect(previewState(preview({ findings: [{ ...error(), severity: 'warning' } as ImportFinding] }), new Set()).writable).toBe(true);
  });
  it('offers skip/replace only when a record exists, the ledger choice only when payments are at stake', () => {
    expect(previewState(preview(), new Set())).toMatchObject({ hasConflicts: false, withPayments: false });
    const existing = record({ existingId: 7, ledger: { stored: 3, file: 0, result: 'unchanged' } } as Partial<Planned>);
    expect(previewState(preview({ records: [existing] }), new Set())).toMatchObject({ hasConflicts: true, withPayments: true });
    const none = record({ existingId: 7, ledger: { stored: 0, file: 0, result: 'unchanged' } } as Partial<Planned>);
    expect(previewState(preview({ records: [none] }), new Set()).withPayments).toBe(false);
  });
});

describe('a correction set on screen but not read again', () => {
  // 苍溪县's table 三 read in 万元 (C 计划, D 实际), rows 9–10; the doubt says the amounts look like 元.
  const columns = [
    { col: 'A', text: '序号', field: 'seq', unit: null, unitFrom: null },
    { col: 'C', text: '计划安排额度', field: 'planned', unit: 'wan', unitFrom: null },
    { col: 'D', text: '实际拨付额度', field: 'actual', unit: 'wan', unitFrom: null },
  ];
  const lines = [
    { row: 9, text: '1 县级公共服务中心', leftOut: null },
    { row: 10, text: '2 物流配送', leftOut: null },
  ];
  const p = preview({ readings: [reading('苍溪县', { columns, lines } as Partial<SheetReading>)] });
  const key = 'a.xlsx\u0000苍溪县';
  it('holds the import (each doubt confirmed) while the panel shows another unit or another row read than the preview', () => {
    const yuan = { [key]: { file: 'a.xlsx', sheet: '苍溪县', units: { C: 'yuan' as const, D: 'yuan' as const } } };
    expect(previewState(p, new Set(), yuan)).toMatchObject({ unapplied: ['苍溪县'], writable: false });
    const unticked = { [key]: { file: 'a.xlsx', sheet: '苍溪县', skipRows: [10] } };
    expect(previewState(p, new Set(), unticked)).toMatchObject({ unapplied: ['苍溪县'], writable: false });
    expect(previewState(p, new Set(), {})).toMatchObject({ unapplied: [], writable: true });
  });
  it('a panel set back to what was read (万元 chosen again, a row ticked again) holds nothing', () => {
    const back = { [key]: { file: 'a.xlsx', sheet: '苍溪县', units: { C: 'wan' as const }, skipRows: [], keepRows: [] } };
    expect(previewState(p, new Set(), back)).toMatchObject({ unapplied: [], writable: true });
  });
  it('a ledger’s unit set to 元 on the panel holds the import until read again; set back to what was read, nothing', () => {
    const ledger = { col: 'D', text: '金额', unit: 'wan' as const, unitFrom: null };
    const q = preview({ readings: [reading('拨付台账', { ledger } as Partial<SheetReading>)] });
    const at = 'a.xlsx\u0000拨付台账';
    expect(previewState(q, new Set(), { [at]: { file: 'a.xlsx', sheet: '拨付台账', ledgerUnit: 'yuan' } })).toMatchObject({
      unapplied: ['拨付台账'],
      writable: false,
    });
    expect(previewState(q, new Set(), { [at]: { file: 'a.xlsx', sheet: '拨付台账', ledgerUnit: 'wan' } }).unapplied).toEqual([]);
    expect(correctionWords({ ledgerUnit: 'yuan' }, t)).toBe('拨付台账金额单位为元');
  });
  it('says which sheet, and what to do', () => {
    expect(t.importDoubts.unapplied('苍溪县')).toContain('苍溪县 的更正尚未应用');
  });
});

describe('the ledger choice shown', () => {
  const withResult = (result: string) => record({ ledger: { stored: 2, file: 1, result } } as Partial<Planned>);
  it('is the one made; before one is made, what the import does by itself', () => {
    expect(ledgerShown('remove', [withResult('replaced')])).toBe('remove');
    expect(ledgerShown('auto', [withResult('unchanged'), withResult('replaced')])).toBe('file');
    expect(ledgerShown('auto', [withResult('removed')])).toBe('remove');
    expect(ledgerShown('auto', [withResult('unchanged')])).toBe('keep');
    expect(ledgerShown('auto', [])).toBe('keep');
  });
});

describe('confirmed doubts', () => {
  it('tick and untick by id; confirm all ticks every one', () => {
    const one = toggled(new Set(), ['d1'], true);
    expect([...one]).toEqual(['d1']);
    expect([...toggled(one, ['d1'], false)]).toEqual([]);
    expect([...toggled(one, ['d1', 'd2', 'd3'], true)].sort()).toEqual(['d1', 'd2', 'd3']);
  });
  it('a confirmation goes with its doubt when a re-read no longer finds it', () => {
    expect([...stillConfirmed(new Set(['d1', 'd2']), [doubt('d2'), doubt('d3')])]).toEqual(['d2']);
  });
});

describe('sheets offered for correction', () => {
  it('those with a doubt, an error pinned to them, or read with a correction', () => {
    const p = preview({
      readings: [reading('表1'), reading('表2'), reading('表3', { source: 'remembered' }), reading('表4')],
      doubts: [doubt('d1', { sheet: '表1' })],
      findings: [
        error({ file: 'a.xlsx', sheet: '表2' }),
        { ...error({ file: 'a.xlsx', sheet: '表4' }), severity: 'warning' } as ImportFinding,
      ],
    });
    expect(sheetsToCorrect(p).map((r) => r.sheet)).toEqual(['表1', '表2', '表3']);
    expect(sheetsToCorrect(null)).toEqual([]);
  });
  it('a sheet with a doubt in another file of the same sheet name is not this one', () => {
    const p = preview({ readings: [reading('表1')], doubts: [doubt('d1', { file: 'b.xlsx', sheet: '表1' })] });
    expect(sheetsToCorrect(p)).toEqual([]);
  });
  it('columns that may be read as stored: those of its scaled_format doubts and those already read so, once each', () => {
    const r = reading('表1', { correction: { stored: ['E'] } });
    const doubts = [
      doubt('d1', { code: 'scaled_format', cell: 'D12' }),
      doubt('d2', { code: 'scaled_format', cell: 'D13' }),
      doubt('d3', { code: 'scaled_format', cell: 'AB7' }),
      doubt('d4', { code: 'unit_guess', cell: 'F7' }),
      doubt('d5', { code: 'scaled_format', cell: 'G7', sheet: '表2' }),
    ];
    expect(scaledColumns(r, doubts)).toEqual(['D', 'AB', 'E']);
  });
});

describe('the findings listed below the doubts', () => {
  it('leave out the findings the doubts already show', () => {
    const shown = {
      code: 'unit_guess',
      params: {},
      severity: 'warning',
      file: 'a.xlsx',
      sheet: '表1',
      cell: 'D5',
    } as unknown as ImportFinding;
    const other = { ...shown, cell: 'D6' } as ImportFinding;
    expect(findingsBesideDoubts([shown, other], [doubt('d1', { cell: 'D5' })])).toEqual([other]);
  });
});

describe('corrections sent with a re-read', () => {
  const c1 = { file: 'a.xlsx', sheet: '表1', planned: 'C' };
  const c2 = { file: 'a.xlsx', sheet: '表2', planned: 'D' };
  it('the drafts replace the corrections of their sheets and keep the others', () => {
    const d1 = { file: 'a.xlsx', sheet: '表1', planned: 'E' };
    expect(withDrafts([c1, c2], { ['a.xlsx\u0000表1']: d1 })).toEqual([c2, d1]);
  });
  it('dropping a remembered correction sends an empty one for its sheet', () => {
    expect(withoutRemembered([c1, c2], { file: 'a.xlsx', sheet: '表1' })).toEqual([c2, { file: 'a.xlsx', sheet: '表1' }]);
  });
});

describe('in words', () => {
  const changes = (over: object = {}) =>
    ({
      totals: { planned: ['10.00', '10.00'], actual: ['5.00', '5.00'], rate: ['50.00%', '50.00%'] },
      lines: [],
      items: { added: 0, removed: 0 },
      disbursements: { added: 0, removed: 0 },
      ...over,
    }) as unknown as NonNullable<Planned['changes']>;
  it('a replaced record: the sums that change, or that nothing does', () => {
    expect(changeWords(changes(), t)).toEqual({ amounts: [], same: true });
    const more = changeWords(changes({ totals: { planned: ['10.00', '12.00'], actual: ['5.00', '5.00'], rate: ['50.00%', null] } }), t);
    expect(more).toEqual({ amounts: [`${t.importColumns.planned} 10.00 → 12.00`, `${t.importColumns.rate} 50.00% → —`], same: false });
    expect(changeWords(changes({ items: { added: 1, removed: 0 } }), t).same).toBe(false);
    expect(changeWords(changes({ disbursements: { added: 0, removed: 2 } }), t).same).toBe(false);
    // Another statement of the place (重庆市江北区 → 江北区): said first, never "与已有记录相同".
    expect(changeWords(changes({ place: { before: '重庆市江北区', after: '江北区' } }), t)).toEqual({
      amounts: ['地点:已有的是 重庆市江北区,文件中是 江北区'],
      same: false,
    });
  });
  it('where a unit was read from', () => {
    expect(unitFromText({ unitFrom: { kind: 'header', cell: 'D4', text: '金额(元)' } } as Doubt['figures'][number], t)).toBe(
      '表头 D4“金额(元)”',
    );
    expect(unitFromText({ unitFrom: { kind: 'line', cell: 'A3', text: '单位:元' } } as Doubt['figures'][number], t)).toBe(
      '单位行 A3“单位:元”',
    );
    expect(unitFromText({ unitFrom: { kind: 'text' } } as Doubt['figures'][number], t)).toBe('单元格文字中写明');
    expect(unitFromText({ unitFrom: { kind: 'default' } } as Doubt['figures'][number], t)).toBe('未写明单位');
    expect(unitFromText({ unitFrom: null } as Doubt['figures'][number], t)).toBe('');
  });
  it("a sheet's correction: 计划安排额度在 D 列;C 列单位为元", () => {
    expect(correctionWords({ planned: 'D', units: { C: 'yuan' } }, t)).toBe('计划安排额度在 D 列;C 列单位为元');
    expect(correctionWords({ header: { top: 4, bottom: 5 }, stored: ['E'], skipRows: [7, 8], keepRows: [9] }, t)).toBe(
      '表头为第 4–5 行;E 列按存的数读;2 行不读入;1 行照样读入',
    );
    expect(correctionWords(null, t)).toBe('');
  });
});
