// Issue 21 #11: a workbook inside every cap never dies of "Maximum call stack size exceeded" — no
// array a file (or a paste) decides the length of is spread into a call — and a block of cells not
// read is one finding for its region, not one per cell.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../../electron/services/store/database';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { findingMessage } from '../../../../shared/i18n';
import { maxOf, pushAll } from '../../../../shared/arrays';
import { ME, ROOT } from '../../../helpers/fixtures';
import { bytesOf, typedSeedWorkbook } from '../../../fixtures/workbooks';

describe('unbounded arrays', () => {
  it("10,000 × 20 numbers beside a county's tables: the import plan reads, with one ignored_cell finding for the block", async () => {
    const workbook = typedSeedWorkbook({ script: 'hans' });
    const sheet = workbook.worksheets[0];
    for (let r = 1; r <= 10_000; r++) {
      const row = sheet.getRow(r);
      for (let c = 0; c < 20; c++) row.getCell(40 + c).value = r * 100 + c;
    }
    const db = openDatabase(':memory:');
    try {
      const plan = await importWorkbooks(db, ME, ':memory:', [{ name: 'beside.xlsx', bytes: await bytesOf(workbook) }], {
        onConflict: 'skip',
        dryRun: true,
      });
      const block = plan.findings.filter((f) => f.code === 'ignored_cell' && f.params.range);
      expect(block).toHaveLength(1);
      expect(block[0]).toMatchObject({ cell: 'AN1', params: { range: 'AN1:BG10000', cells: '200000', reason: 'number' } });
      expect(findingMessage(block[0], 'zh')).toBe('未读入 AN1:BG10000 的 200000 个单元格(首个“100”):表格和基本情况之外的数字');
      expect(plan.findings.filter((f) => f.code === 'ignored_cell')).toHaveLength(1);
      expect(plan.records[0]).toMatchObject({ county: '樟树市', ignored: 200_000 });
    } finally {
      db.close();
    }
  }, 120_000);

  it('pushAll and maxOf take a million items', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(pushAll([-1], many)).toHaveLength(1_000_001);
    expect(maxOf(many, 0)).toBe(999_999);
    expect(maxOf([], 0)).toBe(0);
  });

  it('no source file spreads an array into push(), Math.max() or Math.min()', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(entry.name))
          fs.readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (!/^\s*(\/\/|\*|\/\*)/.test(line) && /\.push\(\s*\.\.\.|Math\.(max|min)\([^)]*\.\.\./.test(line))
                offenders.push(`${path.relative(ROOT, file)}:${i + 1}`);
            });
      }
    };
    for (const dir of ['shared', 'electron', 'renderer/src']) walk(path.join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
