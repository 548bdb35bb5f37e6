// Import and export of a 300-county workbook, next to a bare exceljs read and write of the same file.
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../electron/services/excel/export';
import { readWorkbook } from '../../electron/services/excel/import';
import { computeRecord, toInput, type CountyRecord } from '../../shared/record';
import { referenceFixture } from '../helpers/fixtures';

const COUNTIES = 300;

function counties(): CountyRecord[] {
  const seed = referenceFixture('hans');
  return Array.from({ length: COUNTIES }, (_, i) => {
    const input = toInput(seed);
    input.county = { ...input.county, name: `示范${i + 1}县`, batch: 1 + (i % 12) };
    return computeRecord(input);
  });
}

async function best(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  console.log(`  ${label.padEnd(34)} ${min.toFixed(0).padStart(7)} ms`);
  return min;
}

export async function benchExcel(): Promise<void> {
  const records = counties();
  const bytes = await exportWorkbook(records);
  console.log(`Excel: ${COUNTIES} counties, ${(bytes.length / 1024).toFixed(0)} KiB (best of 3)`);
  // The bare write: the same workbook, loaded once, written again.
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
  const bareWrite = await best('bare exceljs write', 3, () => loaded.xlsx.writeBuffer());
  const exportTime = await best('yanshou export', 3, () => exportWorkbook(records));
  const bareRead = await best('bare exceljs read', 3, async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
  const importTime = await best('yanshou import (read + check)', 3, () => readWorkbook({ name: 'bench.xlsx', bytes }));
  console.log(`  import / bare read   = ${(importTime / bareRead).toFixed(2)}×  (aim ≤ 1.5×)`);
  console.log(`  export / bare write  = ${(exportTime / bareWrite).toFixed(2)}×  (aim ≤ 1.5×)`);
}
