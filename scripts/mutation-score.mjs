#!/usr/bin/env node
// The mutation score of a Stryker report, file by file and in total: `node scripts/mutation-score.mjs
// [report.json]` (default reports/stryker-incremental-wide.json). Works on a partial report too — the
// one Stryker saves when a run is stopped (Ctrl+C) — and says how many mutants it holds of how many
// were instrumented (`--of N`, from the run's log: "Instrumented … with N mutant(s)", less the static
// ones it ignores). Score: detected (killed, timed out) over detected + undetected (survived, no
// coverage); compile and runtime errors and ignored mutants are left out, as Stryker does. A timed-out
// mutant counts as detected (an endless loop), but on a starved machine a slow test times out too.
import fs from 'node:fs';

const args = process.argv.slice(2);
const ofAt = args.indexOf('--of');
const of = ofAt >= 0 ? Number(args.splice(ofAt, 2)[1]) : undefined;
const file = args[0] ?? 'reports/stryker-incremental-wide.json';
const report = JSON.parse(fs.readFileSync(file, 'utf8'));

const DETECTED = new Set(['Killed', 'Timeout']);
const count = (mutants) => {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
  for (const m of mutants) {
    if (m.status === 'Timeout') c.timeout++;
    if (DETECTED.has(m.status)) c.killed++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else c.other++;
  }
  return c;
};
const score = (c) => {
  const valid = c.killed + c.survived + c.noCoverage;
  return valid === 0 ? '—' : `${((100 * c.killed) / valid).toFixed(2)}%`;
};

const rows = Object.entries(report.files)
  .map(([name, f]) => [name, count(f.mutants)])
  .sort(([a], [b]) => a.localeCompare(b));
const total = count(Object.values(report.files).flatMap((f) => f.mutants));
console.log('| file | score | killed (timed out) | survived | no coverage |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, c] of rows) console.log(`| ${name} | ${score(c)} | ${c.killed} (${c.timeout}) | ${c.survived} | ${c.noCoverage} |`);
const held = total.killed + total.survived + total.noCoverage + total.other;
console.log(`| total | **${score(total)}** | ${total.killed} (${total.timeout}) | ${total.survived} | ${total.noCoverage} |`);
console.log(`\n${held} mutants in ${rows.length} files${of ? ` of ${of} (${((100 * held) / of).toFixed(1)}%)` : ''}.`);
// Of the undetected mutants, those that no test reached (no coverage) against those a test ran and missed.
const tested = total.killed + total.survived;
console.log(`Run against tests: ${tested} (${total.killed} killed, ${total.survived} survived: ${score({ ...total, noCoverage: 0 })}).`);
