// A person corrects a reading (issue 27 item 3): which column is 计划 and which 实际, a column's unit,
// rows to leave out or to read after all — the import reads again with those choices; a correction
// confirmed by importing is remembered for the sheet's layout and offered (named) next time.
// And what replacing does to a record's payments (issue 21 item 2): kept, replaced, or removed.
import { describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import type { DB } from '../../../../electron/services/store/database';
import { createRecord, listRecords, readRecord } from '../../../../electron/services/store/records';
import { dispatch } from '../../../../electron/services/api';
import { toInput } from '../../../../shared/record';
import { carriedOverLine, doubtfulWorkbooks, fourRowHeader, swappedColumns, yuanInTextBox } from '../../../fixtures/doubtful';
import { bytesOf, excelOf } from '../../../fixtures/workbooks';
import { referenceFixture } from '../../../helpers/fixtures';
import { newStore } from '../../../helpers/backend';

const ME = { client: 'test', kind: 'cli' as const };
const swapped = async (county = '樟树市') => ({ name: `${county}.xlsx`, bytes: await bytesOf(excelOf([swappedColumns(county)])) });

describe('correcting the reading', () => {
  it('计划 and 实际 typed into each other’s columns: told which is which, it reads right and imports with no doubt', async () => {
    const db = newStore();
    const file = await swapped();
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(first.readings[0].columns.filter((c) => c.field === 'planned' || c.field === 'actual').map((c) => [c.col, c.field])).toEqual([
      ['C', 'planned'],
      ['D', 'actual'],
    ]);
    expect(first.records[0]).toMatchObject({ action: 'held', planned: '1235.96', actual: '1500' });
    const correction = { file: file.name, sheet: '樟树市', planned: 'D', actual: 'C' };
    const again = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true, corrections: [correction] });
    expect(again.records[0]).toMatchObject({ action: 'created', planned: '1500', actual: '1235.96', rate: '82.40', unconfirmed: 0 });
    expect(again.doubts).toEqual([]);
    expect(again.readings[0]).toMatchObject({ source: 'user', correction: { planned: 'D', actual: 'C' } });
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false, corrections: [correction] });
    expect(done.committed).toBe(true);
    expect(readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('a confirmed correction is remembered for the layout and offered, named, for the next workbook of that layout', async () => {
    const db = newStore();
    const file = await swapped();
    await importWorkbooks(db, ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: false,
      corrections: [{ file: file.name, sheet: '樟树市', planned: 'D', actual: 'C' }],
    });
    // Another county's workbook of the same form: read with the remembered correction, nothing to confirm.
    const next = await importWorkbooks(db, ME, ':memory:', [await swapped('南丰县')], { onConflict: 'fail', dryRun: false });
    expect(next.readings[0]).toMatchObject({ source: 'remembered', correction: { planned: 'D', actual: 'C' } });
    expect([next.committed, next.doubts]).toEqual([true, []]);
    expect(listRecords(db, { asOf: undefined }).map((r) => [r.county, r.planned, r.actual])).toEqual(
      expect.arrayContaining([['南丰县', '1500', '1235.96']]),
    );
    // The same form filled in right is read as it stands: a remembered correction is offered only
    // where the reading as it stands has doubts and the correction has fewer.
    const right = await importWorkbooks(
      db,
      ME,
      ':memory:',
      [{ name: 'seed.xlsx', bytes: await exportWorkbook([referenceFixture('hans')]) }],
      { onConflict: 'replace', dryRun: true },
    );
    expect(right.readings[0].source).toBe(null);
    expect(right.records[0]).toMatchObject({ planned: '1500', actual: '1235.96', unconfirmed: 0 });
  });

  it('a preview’s correction not imported is not remembered', async () => {
    const db = newStore();
    const file = await swapped();
    await importWorkbooks(db, ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: true,
      corrections: [{ file: file.name, sheet: '樟树市', planned: 'D', actual: 'C' }],
    });
    const next = await importWorkbooks(db, ME, ':memory:', [await swapped('南丰县')], { onConflict: 'fail', dryRun: true });
    expect(next.readings[0].source).toBe(null);
    expect(next.records[0].action).toBe('held');
  });

  it('amounts in 元 with the unit only in a text box: told the columns are in 元, it reads 1500, not 15,000,000', async () => {
    const db = newStore();
    const file = { name: 'box.xlsx', bytes: await yuanInTextBox().bytes() };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(first.readings[0].columns.find((c) => c.col === 'C')).toMatchObject({
      field: 'planned',
      unit: 'wan',
      unitFrom: { kind: 'default' },
    });
    const corrections = [{ file: file.name, sheet: '樟树市', units: { C: 'yuan' as const, D: 'yuan' as const } }];
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false, corrections });
    expect([done.committed, done.doubts.map((d) => d.code)]).toEqual([true, []]);
    expect(done.readings[0].columns.find((c) => c.col === 'C')).toMatchObject({ unit: 'yuan', unitFrom: { kind: 'header' } });
    expect(readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('a struck-through line the person says is not deleted is read after all (and its sums checked)', async () => {
    const db = newStore();
    const w = doubtfulWorkbooks().find((x) => x.name === 'struck-row')!;
    const file = { name: 's.xlsx', bytes: await w.bytes() };
    const row = Number(w.cell.slice(1));
    const r = await importWorkbooks(db, ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: true,
      corrections: [{ file: file.name, sheet: '樟树市', keepRows: [row] }],
    });
    expect(r.records[0]).toMatchObject({ disbursements: 7, planned: '1600' });
    expect(r.doubts.map((d) => d.code)).toEqual(expect.arrayContaining(['stated_total_mismatch', 'planned_vs_central']));
    expect(r.doubts.map((d) => d.code)).not.toContain('struck_row');
  });

  it('a line the person leaves out (a 其中 line) is not read', async () => {
    const db = newStore();
    const file = { name: 'seed.xlsx', bytes: await bytesOf(excelOf([swappedColumns()])) };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    const last = first.readings[0].lines.at(-1)!;
    const r = await importWorkbooks(db, ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: true,
      corrections: [{ file: file.name, sheet: '樟树市', planned: 'D', actual: 'C', skipRows: [last.row] }],
    });
    expect(r.records[0].disbursements).toBe(5);
    expect(r.readings[0].lines.find((l) => l.row === last.row)).toMatchObject({ leftOut: 'user' });
    expect(r.doubts.map((d) => d.code)).toContain('stated_total_mismatch');
  });

  it('a header of four rows, its row of units read as a line: the person chooses the header rows, and it reads right', async () => {
    const db = newStore();
    const { sheet, header } = fourRowHeader();
    const file = { name: 'four.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(first.records[0].action).toBe('rejected');
    expect(first.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toContain(`C${header + 3}`);
    // The band as read (three rows), and the rows the person may choose from, the row of units among them.
    expect(first.readings[0].header).toEqual({ top: header, bottom: header + 2 });
    expect(first.readings[0].headerRows.map((r) => r.row)).toEqual(expect.arrayContaining([header, header + 3]));
    const corrections = [{ file: file.name, sheet: '樟树市', header: { top: header, bottom: header + 3 } }];
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false, corrections });
    expect([done.committed, done.doubts, done.readings[0].header]).toEqual([true, [], { top: header, bottom: header + 3 }]);
    expect(readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('a chosen header is remembered by what its rows say: the same form of another county, its header lower, is read with it, named', async () => {
    const db = newStore();
    const { sheet, header } = fourRowHeader();
    const file = { name: 'four.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    await importWorkbooks(db, ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: false,
      corrections: [{ file: file.name, sheet: '樟树市', header: { top: header, bottom: header + 3 } }],
    });
    // 南丰县's form has two more lines in table 二: its table 三 header stands two rows lower.
    const other = fourRowHeader('南丰县', 2);
    expect(other.header).toBe(header + 2);
    const next = await importWorkbooks(db, ME, ':memory:', [{ name: 'nf.xlsx', bytes: await bytesOf(excelOf([other.sheet])) }], {
      onConflict: 'fail',
      dryRun: false,
    });
    expect(next.readings[0]).toMatchObject({ source: 'remembered', correction: { header: { top: header + 2, bottom: header + 5 } } });
    expect([next.committed, next.doubts]).toEqual([true, []]);
    expect(listRecords(db, { asOf: undefined }).map((r) => [r.county, r.planned, r.actual])).toEqual(
      expect.arrayContaining([['南丰县', '1500', '1235.96']]),
    );
  });

  it('header rows that hold no table header are refused, naming the rows', async () => {
    const db = newStore();
    const { sheet, header } = fourRowHeader();
    const file = { name: 'four.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    const r = await importWorkbooks(db, ME, ':memory:', [file], {
      onConflict: 'fail',
      dryRun: true,
      corrections: [{ file: file.name, sheet: '樟树市', header: { top: header + 3, bottom: header + 3 } }],
    });
    expect(r.findings.find((f) => f.code === 'header_unread')).toMatchObject({
      cell: `A${header + 3}`,
      params: { top: String(header + 3), bottom: String(header + 3) },
    });
    expect(r.records[0].action).toBe('rejected');
  });

  it('a line left out is remembered by what it says: the same form of another county has it left out, named', async () => {
    const db = newStore();
    const { sheet, row } = carriedOverLine();
    const file = { name: 'carried.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(first.doubts.map((d) => d.code)).toEqual(expect.arrayContaining(['stated_total_mismatch', 'planned_vs_central']));
    const corrections = [{ file: file.name, sheet: '樟树市', skipRows: [row] }];
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false, corrections });
    expect([done.committed, done.doubts, done.readings[0].remember]).toEqual([true, [], { skipTexts: ['B:上年结转资金(不计入本批)'] }]);
    // 南丰县's form of the same layout, the carried-over line one row lower (a longer table 二).
    const other = carriedOverLine('南丰县');
    const items = other.sheet.rows.findIndex((r) => r[0]?.v === '三、中央财政资金拨付情况');
    other.sheet.rows.splice(items, 0, [{ v: 7 }, { v: '补充项目' }, { v: '完成建设' }, { v: '已完成' }, { v: '100%' }]);
    const next = await importWorkbooks(db, ME, ':memory:', [{ name: 'nf.xlsx', bytes: await bytesOf(excelOf([other.sheet])) }], {
      onConflict: 'fail',
      dryRun: false,
    });
    expect(next.readings[0]).toMatchObject({ source: 'remembered', correction: { skipRows: [other.row + 1] } });
    expect(next.readings[0].lines.find((l) => l.row === other.row + 1)).toMatchObject({ leftOut: 'user' });
    expect([next.committed, next.doubts]).toEqual([true, []]);
    expect(listRecords(db, { asOf: undefined }).find((r) => r.county === '南丰县')).toMatchObject({ planned: '1500', actual: '1235.96' });
  });

  it('the contract’s dispatch holds a doubtful record for every caller (app, HTTP, CLI) and takes confirmations by id', async () => {
    const db: DB = newStore();
    const ctx = { db, dbFile: ':memory:' } as Parameters<typeof dispatch>[0];
    const file = await swapped();
    const held = (await dispatch(ctx, 'importWorkbooks', { files: [file], onConflict: 'fail', dryRun: false }, ME)) as {
      ok: true;
      value: { committed: boolean; doubts: { id: string }[] };
    };
    expect(held.value.committed).toBe(false);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
    const done = (await dispatch(
      ctx,
      'importWorkbooks',
      { files: [file], onConflict: 'fail', dryRun: false, confirm: held.value.doubts.map((d) => d.id) },
      ME,
    )) as { ok: true; value: { committed: boolean } };
    expect(done.value.committed).toBe(true);
  });
});

describe('replacing a record: what becomes of its payments (拨付台账)', () => {
  const withPayments = (db: DB) => {
    const input = toInput(referenceFixture('hans'));
    input.payments = [
      { line: 1, date: '2021-10-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-01', stage: '签订协议', note: '' },
      { line: 2, date: '2021-11-01', amount: '200', payee: '樟树市供销社', voucher: '记-02', stage: '进度款', note: '' },
    ];
    return createRecord(db, ME, input);
  };
  const seed = async () => ({ name: 'seed.xlsx', bytes: await exportWorkbook([referenceFixture('hans')]) });

  it('a file without a ledger keeps the stored payments, and the preview and the result say so', async () => {
    const db = newStore();
    withPayments(db);
    const preview = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: true });
    expect(preview.records[0]).toMatchObject({ ledger: { stored: 2, file: 0, result: 'kept' }, payments: 2 });
    const done = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: false, confirm: 'all' });
    expect(done.records[0].ledger).toEqual({ stored: 2, file: 0, result: 'kept' });
    const stored = readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record.payments!;
    expect(stored.map((p) => [p.line, p.amount, p.payee])).toEqual([
      [1, '300', '樟树市邮政分公司'],
      [2, '200', '樟树市供销社'],
    ]);
  });

  it('the file’s 实际 that the kept payments would overrule: held, a doubt per line naming both figures, never silently replaced (B17)', async () => {
    const db = newStore();
    const id = withPayments(db);
    // The file says 640.21 and 285.4 for lines 1 and 2; the stored payments add up to 300 and 200 (the seed's own figures).
    const preview = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: false });
    expect([preview.committed, preview.records[0].action]).toEqual([false, 'held']);
    const doubts = preview.doubts.filter((d) => d.code === 'ledger_kept_mismatch');
    expect(doubts.map((d) => [d.params.seq, d.params.stated, d.params.sum, d.figures[0]?.seen])).toEqual([
      ['1', '640.21', '300', '640.21'],
      ['2', '285.4', '200', '285.40'],
    ]);
    expect(doubts.every((d) => d.sheet === '樟树市' && /^[A-Z]+\d+$/.test(d.cell ?? ''))).toBe(true);
    // Nothing written: the stored record still sums its payments 300 + 200 and lines 3–6 as typed (100 + 107.82 + 73.12 + 29.41).
    expect(readRecord(db, id, { asOf: undefined }).record.totals.actual).toBe('810.35');
    // Removing the stored payments lets the file's figures stand, with nothing to confirm.
    const removed = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: false, ledger: 'remove' });
    expect(removed.committed).toBe(true);
    expect(readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record.totals.actual).toBe('1235.96');
  });

  it('kept payments that agree with the file’s 实际 line by line: replaced with no doubt', async () => {
    const db = newStore();
    const input = toInput(referenceFixture('hans'));
    input.payments = [
      { line: 1, date: '2021-10-01', amount: '640.21', payee: '樟树市邮政分公司', voucher: '记-01', stage: '签订协议', note: '' },
      { line: 2, date: '2021-11-01', amount: '285.4', payee: '樟树市供销社', voucher: '记-02', stage: '进度款', note: '' },
    ];
    createRecord(db, ME, input);
    const done = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: false });
    expect([done.committed, done.doubts]).toEqual([true, []]);
  });

  it('the person may choose to remove them: said before, done after', async () => {
    const db = newStore();
    withPayments(db);
    const preview = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: true, ledger: 'remove' });
    expect(preview.records[0].ledger).toEqual({ stored: 2, file: 0, result: 'removed' });
    const done = await importWorkbooks(db, ME, ':memory:', [await seed()], { onConflict: 'replace', dryRun: false, ledger: 'remove' });
    expect(done.records[0].ledger!.result).toBe('removed');
    expect(readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record.payments).toBeUndefined();
  });

  it('payments whose line the file no longer has cannot be kept: refused, naming them, nothing written', async () => {
    const db = newStore();
    const id = withPayments(db);
    const fewer = structuredClone(referenceFixture('hans'));
    fewer.disbursements = fewer.disbursements.slice(2);
    const { computeRecord } = await import('../../../../shared/record');
    const file = { name: 'fewer.xlsx', bytes: await exportWorkbook([computeRecord(toInput(fewer))]) };
    const r = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'replace', dryRun: false, ledger: 'keep', confirm: 'all' });
    expect(r.committed).toBe(false);
    expect(r.findings.find((f) => f.code === 'ledger_not_kept')!.params).toMatchObject({
      count: '2',
      lines: '1“县乡村物流快递配送体系建设”、2“农产品上行服务体系建设”',
    });
    expect(readRecord(db, id, { asOf: undefined }).record.payments).toHaveLength(2);
  });

  const fileWith = async (edit: (lines: ReturnType<typeof referenceFixture>['disbursements']) => void) => {
    const changed = structuredClone(referenceFixture('hans'));
    edit(changed.disbursements);
    const { computeRecord } = await import('../../../../shared/record');
    return { name: 'county.xlsx', bytes: await exportWorkbook([computeRecord(toInput(changed))]) };
  };
  const paidPerLine = (db: DB, id: number) => {
    const { record } = readRecord(db, id, { asOf: undefined });
    return record.payments!.map((p) => [p.line, record.disbursements.find((d) => d.seq === p.line)!.name, p.amount]);
  };

  it('the county’s sheet lists the lines in another order: each kept payment stays on its line (by name), not on the 序号', async () => {
    const db = newStore();
    withPayments(db);
    // The file's 序号 1 is 农产品上行服务体系建设, 序号 2 县乡村物流快递配送体系建设 (stored the other way round).
    const file = await fileWith((lines) => {
      const [first, second] = lines;
      lines[0] = { ...second, seq: 1 };
      lines[1] = { ...first, seq: 2 };
    });
    const r = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'replace', dryRun: false, ledger: 'keep', confirm: 'all' });
    expect(r.committed).toBe(true);
    expect(paidPerLine(db, listRecords(db, { asOf: undefined })[0].id)).toEqual([
      [1, '农产品上行服务体系建设', '200'],
      [2, '县乡村物流快递配送体系建设', '300'],
    ]);
  });

  it('a line listed twice in the file (the same name): which one its payment belongs to is not guessed; refused naming the line', async () => {
    const db = newStore();
    withPayments(db);
    const file = await fileWith((lines) => {
      lines[5] = { ...lines[5], name: lines[0].name };
    });
    const r = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'replace', dryRun: true, ledger: 'keep', confirm: 'all' });
    expect(r.findings.find((f) => f.code === 'ledger_not_kept')!.params).toMatchObject({
      count: '1',
      lines: '1“县乡村物流快递配送体系建设”',
    });
  });

  it('a line renamed in the file: its payment is not re-homed on the line now at its 序号; refused naming the line', async () => {
    const db = newStore();
    const id = withPayments(db);
    const file = await fileWith((lines) => {
      lines[0] = { ...lines[0], name: '县级物流配送中心建设' };
    });
    const r = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'replace', dryRun: false, ledger: 'keep', confirm: 'all' });
    expect(r.committed).toBe(false);
    expect(r.findings.find((f) => f.code === 'ledger_not_kept')!.params).toMatchObject({
      count: '1',
      lines: '1“县乡村物流快递配送体系建设”',
    });
    expect(paidPerLine(db, id)).toEqual([
      [1, '县乡村物流快递配送体系建设', '300'],
      [2, '农产品上行服务体系建设', '200'],
    ]);
  });
});

describe('B24 (attack 3): a header the reader cannot read — the person names its columns', () => {
  it('header rows chosen offer their columns; 计划 and 实际 picked among them read the table: 1500 / 1235.96', async () => {
    const { layoutSheets, PLAIN_LAYOUT } = await import('../../../fixtures/workbooks');
    const [sheet, ...rest] = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
    // Table 三's header in words no reader knows: 第一栏 for 计划, 第二栏 for 实际.
    const index = sheet.rows.findIndex((r) => r.some((c) => c?.v === '计划安排额度(万元)'));
    const header = sheet.rows[index];
    const plannedAt = header.findIndex((c) => c?.v === '计划安排额度(万元)');
    const actualAt = header.findIndex((c) => c?.v === '实际拨付额度(万元)');
    sheet.rows[index] = header.map((c, i) => (i === plannedAt ? { v: '第一栏(万元)' } : i === actualAt ? { v: '第二栏(万元)' } : c));
    const file = { name: 'odd.xlsx', bytes: await bytesOf(excelOf([sheet, ...rest])) };
    const db = newStore();
    const row = index + 1;
    const letter = (i: number) => String.fromCharCode(65 + i);
    const base = { file: file.name, sheet: sheet.name, header: { top: row, bottom: row } };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true, corrections: [base] });
    expect(first.records[0]?.action).toBe('rejected');
    const offered = first.readings.find((x) => x.sheet === sheet.name)!.columns.map((c) => [c.col, c.text]);
    expect(offered).toEqual(
      expect.arrayContaining([
        [letter(plannedAt), '第一栏(万元)'],
        [letter(actualAt), '第二栏(万元)'],
      ]),
    );
    const picked = { ...base, planned: letter(plannedAt), actual: letter(actualAt) };
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true, corrections: [picked] });
    expect(done.records[0]).toMatchObject({ action: 'created', planned: '1500', actual: '1235.96' });
  });
});
