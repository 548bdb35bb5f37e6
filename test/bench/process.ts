// Whole-process figures: what a user waits for from pressing Enter to the prompt coming back —
// start, list, import and export — each beside a bare baseline run in the same way (node -e 0,
// a bare require of better-sqlite3, a bare exceljs read of the same workbook). Each pair runs
// interleaved; the figure is the median, and the ratio is of the medians.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exportWorkbook } from '../../electron/services/excel/export';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord } from '../../electron/services/store/records';
import { addDemo } from '../../electron/services/demo';
import { ROOT, tempDir, ME } from '../helpers/fixtures';
import { benchCounties } from './excel';

const RUNS = 11;
const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const node = (...args: string[]) => [process.execPath, ...args];

function timeOnce(argv: string[]): number {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of two commands run alternately. */
function pair(bare: string[], ours: string[], runs = RUNS): [number, number] {
  timeOnce(bare);
  timeOnce(ours);
  const [b, o]: number[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    b.push(timeOnce(bare));
    o.push(timeOnce(ours));
  }
  return [median(b), median(o)];
}

function line(label: string, baseLabel: string, [base, ours]: [number, number], aim?: number): void {
  const ratio = ours / base;
  console.log(`  ${label.padEnd(40)} ${ours.toFixed(0).padStart(6)} ms   ${baseLabel.padEnd(34)} ${base.toFixed(0).padStart(6)} ms   ${ratio.toFixed(2)}×${aim ? `  (aim ≤ ${aim}×)` : ''}`);
}

export async function benchProcess(): Promise<void> {
  const dir = tempDir();
  const small = path.join(dir, 'small.sqlite');
  const db = openDatabase(small);
  addDemo(db, ME);
  db.close();
  const records = benchCounties();
  const book = path.join(dir, 'counties.xlsx');
  fs.writeFileSync(book, await exportWorkbook(records));
  const big = path.join(dir, 'big.sqlite');
  const bigDb = openDatabase(big);
  for (const r of records) createRecord(bigDb, ME, { county: r.county, items: r.items, disbursements: r.disbursements });
  bigDb.close();
  const bareRead = path.join(dir, 'bare-read.mjs');
  fs.writeFileSync(bareRead, `import fs from 'node:fs';\nimport ExcelJS from ${JSON.stringify(import.meta.resolve('exceljs'))};\nawait new ExcelJS.Workbook().xlsx.load(fs.readFileSync(process.argv[2]));\n`);
  const bareRoundTrip = path.join(dir, 'bare-write.mjs');
  fs.writeFileSync(bareRoundTrip, `import fs from 'node:fs';\nimport ExcelJS from ${JSON.stringify(import.meta.resolve('exceljs'))};\nconst wb = new ExcelJS.Workbook();\nawait wb.xlsx.load(fs.readFileSync(process.argv[2]));\nfs.writeFileSync(process.argv[3], Buffer.from(await wb.xlsx.writeBuffer()));\n`);

  console.log(`Whole process (median of ${RUNS}, interleaved; ${records.length}-county workbook ${(fs.statSync(book).size / 1024).toFixed(0)} KiB)`);
  const sqlite = node('-e', "require('better-sqlite3')");
  line('node -e 0', 'node -e 0', pair(node('-e', '0'), node('-e', '0')));
  line('yanshou --version', "node -e require('better-sqlite3')", pair(sqlite, node(BIN, '--version')), 2.5);
  line('yanshou list (1 record)', "node -e require('better-sqlite3')", pair(sqlite, node(BIN, 'list', '--db', small)), 2.5);
  line('yanshou import --dry-run (300 counties)', 'bare exceljs read', pair(node(bareRead, book), node(BIN, 'import', book, '--dry-run', '--db', path.join(dir, 'empty.sqlite')), 7), 1.5);
  line('yanshou export (300 counties)', 'bare exceljs read + write', pair(node(bareRoundTrip, book, path.join(dir, 'bare.xlsx')), node(BIN, 'export', path.join(dir, 'out.xlsx'), '--db', big), 7));
}
