// A footnote mark as a web system exports it (640.21<sup>1</sup> in an HTML table), saved as .xlsx by
// LibreOffice: the superscript is lost and the cell holds the number 640.211 — no reader can see the
// mark. The reading's own check catches it: the stated 合计 is not the sum of its lines, a doubt, and
// the record is held until a person looks (issue 27: 521.07¹ → 521.071 must not land unseen).
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { openDatabase } from '../../../../electron/services/store/database';
import { listRecords } from '../../../../electron/services/store/records';
import { referenceFixture, tempDir } from '../../../helpers/fixtures';
import { htmlOf, layoutSheets, PLAIN_LAYOUT } from '../../../fixtures/workbooks';

let xlsx: Uint8Array;
let noTotal: Uint8Array;
beforeAll(() => {
  const dir = tempDir();
  for (const [name, layout] of [
    ['footnote', PLAIN_LAYOUT],
    ['no-total', { ...PLAIN_LAYOUT, total: 'none' as const }],
  ] as const) {
    const html = htmlOf(layoutSheets([referenceFixture('hans')], layout)[0]);
    expect(html).toContain('<td>640.21</td>');
    fs.writeFileSync(path.join(dir, `${name}.html`), html.replace('<td>640.21</td>', '<td>640.21<sup>1</sup></td>'));
  }
  const files = ['footnote', 'no-total'].map((n) => path.join(dir, `${n}.html`));
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--infilter=HTML (StarCalc)',
      '--convert-to',
      'xlsx',
      '--outdir',
      path.join(dir, 'out'),
      ...files,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  xlsx = fs.readFileSync(path.join(dir, 'out', 'footnote.xlsx'));
  noTotal = fs.readFileSync(path.join(dir, 'out', 'no-total.xlsx'));
}, 240_000);

describe('a footnote digit LibreOffice glued onto an amount', () => {
  it('640.21¹ stored by LibreOffice as 640.211: held at the 合计 with both numbers, nothing written', async () => {
    const db = openDatabase(':memory:');
    const r = await importWorkbooks(db, { client: 't', kind: 'cli' }, ':memory:', [{ name: 'footnote.xlsx', bytes: xlsx }], {
      onConflict: 'fail',
      dryRun: false,
    });
    expect([r.committed, r.records[0].action]).toEqual([false, 'held']);
    const total = r.doubts.find((d) => d.code === 'stated_total_mismatch')!;
    expect(total.params).toMatchObject({ column: 'actual', stated: '1235.96', sum: '1235.961' });
    expect(total.figures[0]).toMatchObject({ cell: total.cell, seen: '1235.96', read: '1235.96' });
    // Beside it, the one line written with more decimals than any other: where the digit was glued on.
    expect(total.figures.slice(1)).toMatchObject([{ cell: 'D14', seen: '640.211', read: '640.211' }]);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
  });

  it('with no 合计 row to catch it: the one amount with a third decimal is the doubt, at its cell', async () => {
    const db = openDatabase(':memory:');
    const r = await importWorkbooks(db, { client: 't', kind: 'cli' }, ':memory:', [{ name: 'no-total.xlsx', bytes: noTotal }], {
      onConflict: 'fail',
      dryRun: false,
    });
    expect([r.committed, r.records[0].action]).toEqual([false, 'held']);
    expect(r.doubts.map((d) => [d.code, d.cell])).toEqual([['amount_precision', 'D14']]);
    expect(r.doubts[0].figures[0]).toMatchObject({ seen: '640.211', read: '640.211' });
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
  });
});
