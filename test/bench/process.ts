// Whole-process figures: what a user waits for from pressing Enter to the prompt coming back —
// start, list, import and export — each beside a bare baseline run in the same way (node -e 0,
// a bare require of better-sqlite3, a bare exceljs read of the same workbook), and printed as a
// ratio against it. Each pair runs interleaved (ours, then the yardstick, again and again), and each
// figure is the median of the pairs' ratios, so a machine whose speed drifts hits both sides alike.
// Every run goes through /usr/bin/time where there is one (Linux): its wall time, its CPU time
// (user + system, steadier on a busy machine) and its peak memory all come from the same runs.
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
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const node = (...args: string[]) => [process.execPath, ...args];
type Argv = string[] | (() => string[]);
/** One run: wall and CPU milliseconds, peak resident memory in MiB (CPU and memory null without /usr/bin/time). */
type Run = { wall: number; cpu: number | null; peak: number | null };

function runOnce(command: Argv): Run {
  const argv = typeof command === 'function' ? command() : command;
  const report = path.join(tempDir(), 'time.txt');
  const [file, ...args] = TIME ? [TIME, '-f', '%U %S %M', '-o', report, ...argv] : argv;
  const t = performance.now();
  const r = spawnSync(file, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  if (!TIME) return { wall, cpu: null, peak: null };
  const [user, sys, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000, peak: kb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Figure = { ours: number; bare: number; ratio: number };
type Paired = { wall: Figure; cpu: Figure | null; peak: Figure | null };

/** Commands run in turn, round after round, after one run each not counted: each command's runs, by round. */
function rounds(commands: Argv[], runs: number): Run[][] {
  commands.forEach((c) => runOnce(c));
  const out: Run[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => out[k].push(runOnce(c)));
  return out;
}

/** A command's runs beside the yardstick's of the same rounds: each figure's medians, and the median of the rounds' ratios. */
function paired(ours: Run[], bare: Run[]): Paired {
  const figure = (of: (r: Run) => number | null): Figure | null =>
    ours.every((o, i) => of(o) !== null && of(bare[i]) !== null)
      ? {
          ours: median(ours.map((o) => of(o)!)),
          bare: median(bare.map((b) => of(b)!)),
          ratio: median(ours.map((o, i) => of(o)! / of(bare[i])!)),
        }
      : null;
  return { wall: figure((r) => r.wall)!, cpu: figure((r) => r.cpu), peak: figure((r) => r.peak) };
}

/** Two commands run alternately: each figure's medians, and the median of the pairs' ratios. */
function pair(bare: Argv, ours: Argv, runs = RUNS): Paired {
  const [o, b] = rounds([ours, bare], runs);
  return paired(o, b);
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
const mib = (n: number) => `${n.toFixed(0).padStart(4)} MiB`;

/** A row: ours and the yardstick's wall time, CPU time and peak memory, and each ratio; `aim` the bound the ratios should keep. */
function line(label: string, baseLabel: string, p: Paired, aim?: number): void {
  const side = (which: 'ours' | 'bare') =>
    `${ms(p.wall[which])}${p.cpu ? ` (CPU ${ms(p.cpu[which]).trim()})` : ''}${p.peak ? ` ${mib(p.peak[which])}` : ''}`;
  const ratios = [
    `${p.wall.ratio.toFixed(2)}× time`,
    p.cpu && `${p.cpu.ratio.toFixed(2)}× CPU`,
    p.peak && `${p.peak.ratio.toFixed(2)}× memory`,
  ];
  console.log(`  ${label.padEnd(36)} ${side('ours')}   ${baseLabel.padEnd(34)} ${side('bare')}`);
  console.log(`  ${''.padEnd(36)} ${ratios.filter(Boolean).join(', ')}${aim ? `  (aim ≤ ${aim}×)` : ''}`);
}

/** The write: an import less its dry run of the same round (median); what it costs a county should not grow with the workbook. */
function writeCost(imports: Run[], dryRuns: Run[], counties: number): void {
  const per = (of: (r: Run) => number | null) => {
    if (imports.some((r, i) => of(r) === null || of(dryRuns[i]) === null)) return '—';
    const write = median(imports.map((r, i) => of(r)! - of(dryRuns[i])!));
    return `${write.toFixed(0)} ms (${(write / counties).toFixed(2)} ms a county)`;
  };
  console.log(`  ${'the write (import − dry run)'.padEnd(36)} time ${per((r) => r.wall)}, CPU ${per((r) => r.cpu)}`);
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

  console.log(
    `Whole process (${RUNS} pairs unless said, interleaved; time = wall, CPU = user + system; each ratio the median of the pairs' ratios against the yardstick run beside it)`,
  );
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
    console.log(`  — ${count} counties: workbook ${(fs.statSync(book).size / 1024).toFixed(0)} KiB (${runs} rounds)`);
    // Each round: the import, its dry run and the bare read, so both share the yardstick's runs and the write is paired too.
    const dryRun = node(BIN, 'import', book, '--dry-run', '--db', path.join(dir, 'empty.sqlite'));
    const [imports, dryRuns, bares] = rounds([importNew(book), dryRun, node(bareRead, book)], runs);
    line('yanshou import into a new data file', 'bare exceljs read', paired(imports, bares), 1.5);
    line('yanshou import --dry-run', 'bare exceljs read', paired(dryRuns, bares), 1.5);
    writeCost(imports, dryRuns, count);
    line(
      'yanshou export',
      'bare exceljs read + write',
      pair(node(bareRoundTrip, book, path.join(dir, 'bare.xlsx')), node(BIN, 'export', path.join(dir, 'out.xlsx'), '--db', big), runs),
    );
  }
}
