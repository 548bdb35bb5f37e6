// The app's own rules (renderer/src/appState.ts) without a browser: what a menu command opens, the
// sidebar's line for the open record as on screen, whose undo the menu's 撤销 is, and what an import
// says and opens.
import { describe, expect, it } from 'vitest';
import { dialogOf, fieldUndo, importedRecord, importedSaying, shownRecords } from '../../../renderer/src/appState';
import type { RecordSummary } from '../../../renderer/src/Sidebar';
import type { View } from '../../../renderer/src/useRecord';
import type { Output } from '../../../shared/contract';

const summary = (id: number, county: string, batch = 8) =>
  ({
    id,
    county,
    batch,
    planned: '100.00',
    actual: '50.00',
    rate: '50.00%',
    warnings: 0,
    errors: 0,
    incomplete: false,
  }) as unknown as RecordSummary;

describe('a menu command', () => {
  it('opens its dialog (打开工作区… the workspace one); undo, language and the like open none', () => {
    expect(dialogOf({ kind: 'export' })).toEqual({ kind: 'export' });
    expect(dialogOf({ kind: 'print' })).toEqual({ kind: 'print' });
    expect(dialogOf({ kind: 'template' })).toEqual({ kind: 'template' });
    expect(dialogOf({ kind: 'openWorkspace' })).toEqual({ kind: 'workspace' });
    const files = [{ name: '樟树市.xlsx', bytes: new Uint8Array([1]) }];
    expect(dialogOf({ kind: 'import', files })).toEqual({ kind: 'import', files });
    for (const kind of ['undo', 'redo', 'reload'] as const) expect(dialogOf({ kind })).toBeUndefined();
    expect(dialogOf({ kind: 'lang', lang: 'en' })).toBeUndefined();
    expect(dialogOf({ kind: 'message', messages: { zh: '已保存', en: 'Saved' } })).toBeUndefined();
  });
});

describe('the sidebar’s line for the open record', () => {
  const view = {
    record: { county: { name: '樟树市(改)' }, totals: { planned: '200.00', actual: '150.00', rate: '75.00%' } },
    findings: [
      { severity: 'warning', code: 'over_disbursed' },
      { severity: 'warning', code: 'missing_fact' },
      { severity: 'error', code: 'bad_rate' },
    ],
  } as unknown as View;

  it('follows the screen: its name, sums, rate and counts of warnings and errors; the others are the store’s', () => {
    const lines = shownRecords([summary(1, '樟树市'), summary(2, '丰城市')], view, 1);
    expect(lines[0]).toMatchObject({
      id: 1,
      county: '樟树市(改)',
      planned: '200.00',
      actual: '150.00',
      rate: '75.00%',
      warnings: 2,
      errors: 1,
      incomplete: true,
    });
    expect(lines[1]).toEqual(summary(2, '丰城市'));
  });

  it('with no record on screen, the store’s lines as they are', () => {
    const records = [summary(1, '樟树市')];
    expect(shownRecords(records, null, 1)).toBe(records);
  });
});

describe('the menu’s 撤销 / 重做', () => {
  it('is the text field’s own in a field or a cell being edited; the record’s in the idle grid or elsewhere', () => {
    expect(fieldUndo({ field: true, gridSink: false, editing: false })).toBe(true);
    expect(fieldUndo({ field: true, gridSink: true, editing: true })).toBe(true);
    expect(fieldUndo({ field: true, gridSink: true, editing: false })).toBe(false);
    expect(fieldUndo({ field: false, gridSink: false, editing: false })).toBe(false);
    expect(fieldUndo(null)).toBe(false);
  });
});

describe('after an import', () => {
  const result = {
    records: [
      { county: '丰城市', batch: 7, action: 'skipped' },
      { county: '樟树市', batch: 8, action: 'replaced' },
      { county: '高安市', batch: 8, action: 'created' },
    ],
  } as unknown as Output<'importWorkbooks'>;

  it('says what was done to each county', () => {
    expect(importedSaying(result)('zh')).toBe('导入: 丰城市(跳过)、樟树市(替换)、高安市(新建)');
  });

  it('opens the first county created or replaced, of its batch', () => {
    const list = [summary(1, '樟树市', 7), summary(2, '樟树市', 8), summary(3, '高安市', 8)];
    expect(importedRecord(result, list)?.id).toBe(2);
    expect(importedRecord({ records: [result.records[0]] } as Output<'importWorkbooks'>, list)).toBeUndefined();
  });
});
