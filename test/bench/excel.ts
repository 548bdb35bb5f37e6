// Import and export of a 300-county workbook, next to a bare exceljs read and write of the same
// file. Each pair runs interleaved, best of 7, so drift on a busy machine hits both sides alike.
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../electron/services/excel/export';
import { readWorkbook } from '../../electron/services/excel/import';
import { computeRecord, toInput, type CountyRecord } from '../../shared/record';
import { referenceFixture } from '../helpers/fixtures';

const COUNTIES = 300;
const RUNS = 7;

export function benchCounties(count = COUNTIES): CountyRecord[] {
  const seed = referenceFixture('hans');
  return Array.from({ length: count }, (_, i) => {
    const input = toInput(seed);
    input.county = { ...input.county, name: `示范${i + 1}县`, batch: 1 + (i % 12) };
    return computeRecord(input);
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Best times of two tasks run alternately. */
async function pair(bare: () => Promise<unknown>, ours: () => Promise<unknown>): Promise<[number, number]> {
  let [b, o] = [Infinity, Infinity];
  for (let i = 0; i < RUNS; i++) {
    b = Math.min(b, await time(bare));
    o = Math.min(o, await time(ours));
  }
  return [b, o];
}

const row = (label: string, ms: number) => console.log(`  ${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms`);

export async function benchExcel(): Promise<void> {
  const records = benchCounties();
  const bytes = await exportWorkbook(records);
  console.log(`Excel: ${COUNTIES} counties, ${(bytes.length / 1024).toFixed(0)} KiB (interleaved, best of ${RUNS})`);
  // The bare write: the same workbook, loaded once, written again.
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
  const [bareWrite, exportTime] = await pair(
    () => loaded.xlsx.writeBuffer(),
    () => exportWorkbook(records),
  );
  const [bareRead, importTime] = await pair(
    () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer),
    () => readWorkbook({ name: 'bench.xlsx', bytes }),
  );
  row('bare exceljs write', bareWrite);
  row('yanshou export', exportTime);
  row('bare exceljs read', bareRead);
  row('yanshou import (read + check)', importTime);
  console.log(`  import / bare read   = ${(importTime / bareRead).toFixed(2)}×  (aim ≤ 1.5×)`);
  console.log(`  export / bare write  = ${(exportTime / bareWrite).toFixed(2)}×  (aim ≤ 1.5×)`);
}
