// Whole-process figures: what a user waits for from pressing Enter to the prompt coming back —
// start, list, import and export — each beside a bare baseline run in the same way (node -e 0,
// a bare require of better-sqlite3, a bare exceljs read of the same workbook), and printed as a
// ratio against it. Each pair runs interleaved; the figure is the median, and the ratio is of the
// medians. Peak memory (Linux, /usr/bin/time) of one run of each, beside the bare read's.
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
type Argv = string[] | (() => string[]);

function timeOnce(command: Argv): number {
  const argv = typeof command === 'function' ? command() : command;
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of two commands run alternately. */
function pair(bare: Argv, ours: Argv, runs = RUNS): [number, number] {
  timeOnce(bare);
  timeOnce(ours);
  const [b, o]: number[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    b.push(timeOnce(bare));
    o.push(timeOnce(ours));
  }
  return [median(b), median(o)];
}

/** Peak resident memory of one run in MiB, where /usr/bin/time can tell it (else null). */
function peakMiB(command: Argv): number | null {
  if (!fs.existsSync('/usr/bin/time')) return null;
  const argv = typeof command === 'function' ? command() : command;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(/(\d+)\s*$/.exec(String(r.stderr))?.[1]);
  return r.status === 0 && kb ? kb / 1024 : null;
}

function line(label: string, baseLabel: string, [base, ours]: [number, number], aim?: number): void {
  const ratio = ours / base;
  console.log(
    `  ${label.padEnd(44)} ${ours.toFixed(0).padStart(6)} ms   ${baseLabel.padEnd(34)} ${base.toFixed(0).padStart(6)} ms   ${ratio.toFixed(2)}×${aim ? `  (aim ≤ ${aim}×)` : ''}`,
  );
}

function memoryLine(label: string, bare: Argv, ours: Argv, aim?: number): void {
  const [b, o] = [peakMiB(bare), peakMiB(ours)];
  if (b === null || o === null) return;
  console.log(
    `  ${label.padEnd(44)} ${o.toFixed(0).padStart(6)} MiB  ${'bare exceljs read'.padEnd(34)} ${b.toFixed(0).padStart(6)} MiB  ${(o / b).toFixed(2)}×${aim ? `  (aim ≤ ${aim}×)` : ''}`,
  );
}

export async function benchProcess(): Promise<void> {
  const dir = tempDir();
  const small = path.join(dir, 'small.sqlite');
  const db = openDatabase(small);
  addDemo(db, ME);
  db.close();
  const bareRead = path.join(dir, 'bare-read.mjs');
  fs.writeFileSync(
    bareRead,
    `import fs from 'node:fs';\nimport ExcelJS from ${JSON.stringify(import.meta.resolve('exceljs'))};\nawait new ExcelJS.Workbook().xlsx.load(fs.readFileSync(process.argv[2]));\n`,
  );
  const bareRoundTrip = path.join(dir, 'bare-write.mjs');
  fs.writeFileSync(
    bareRoundTrip,
    `import fs from 'node:fs';\nimport ExcelJS from ${JSON.stringify(import.meta.resolve('exceljs'))};\nconst wb = new ExcelJS.Workbook();\nawait wb.xlsx.load(fs.readFileSync(process.argv[2]));\nfs.writeFileSync(process.argv[3], Buffer.from(await wb.xlsx.writeBuffer()));\n`,
  );
  let fresh = 0;
  /** An import into a data file that does not exist yet, each run its own. */
  const importNew = (book: string) => () => node(BIN, 'import', book, '--db', path.join(dir, `new-${fresh++}.sqlite`));

  console.log(`Whole process (median of ${RUNS} unless said, interleaved; ratios against the yardstick measured in the same run)`);
  const sqlite = node('-e', "require('better-sqlite3')");
  line('node -e 0', 'node -e 0', pair(node('-e', '0'), node('-e', '0')));
  line('yanshou --version', "node -e require('better-sqlite3')", pair(sqlite, node(BIN, '--version')), 2.5);
  line('yanshou list (1 record)', "node -e require('better-sqlite3')", pair(sqlite, node(BIN, 'list', '--db', small)), 2.5);
  for (const count of [300, 1000]) {
    const records = benchCounties(count);
    const book = path.join(dir, `counties-${count}.xlsx`);
    fs.writeFileSync(book, await exportWorkbook(records));
    const big = path.join(dir, `big-${count}.sqlite`);
    const bigDb = openDatabase(big);
    for (const r of records) createRecord(bigDb, ME, { county: r.county, items: r.items, disbursements: r.disbursements });
    bigDb.close();
    const runs = count > 300 ? 5 : 7;
    console.log(`  — ${count} counties: workbook ${(fs.statSync(book).size / 1024).toFixed(0)} KiB (median of ${runs})`);
    line(`yanshou import into a new data file`, 'bare exceljs read', pair(node(bareRead, book), importNew(book), runs), 1.5);
    line(
      `yanshou import --dry-run`,
      'bare exceljs read',
      pair(node(bareRead, book), node(BIN, 'import', book, '--dry-run', '--db', path.join(dir, 'empty.sqlite')), runs),
      1.5,
    );
    memoryLine('  peak memory, import into a new data file', node(bareRead, book), importNew(book), 1.5);
    line(
      `yanshou export`,
      'bare exceljs read + write',
      pair(node(bareRoundTrip, book, path.join(dir, 'bare.xlsx')), node(BIN, 'export', path.join(dir, 'out.xlsx'), '--db', big), runs),
    );
  }
}
