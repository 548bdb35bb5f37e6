// Other requests while a long export runs: the thread that answers the window (the desktop's main
// process, the web server) lists the records again and again while a 1,000-county workbook is made
// on the long calls' own thread (electron/services/heavy.ts), as both the app and the web mode do.
// Each list is timed from its ask to its answer (waiting included), against the bound of
// 100 ms, and beside the same list asked with no export running.
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { maxOf, pushAll } from '../../shared/arrays';
import { dispatch, type ApiContext } from '../../electron/services/api';
import { heavyCalls } from '../../electron/services/heavy';
import { renderPdf } from '../../electron/services/print/pdf';
import { openDatabase } from '../../electron/services/store/database';
import { createRecord } from '../../electron/services/store/records';
import { writeTransaction } from '../../electron/services/store/busy';
import { cliActor } from '../../electron/services/store/changelog';
import { ME, tempDir } from '../helpers/fixtures';
import { benchCounties } from './excel';

const COUNTIES = 1000;
const BOUND_MS = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchResponsive(): Promise<void> {
  const db = openDatabase(path.join(tempDir(), 'responsive.sqlite'));
  const ids = writeTransaction(db, () =>
    benchCounties(COUNTIES).map((r) => createRecord(db, ME, { county: r.county, items: r.items, disbursements: r.disbursements })),
  );
  const ctx: ApiContext = { db, dbFile: db.name, version: 'bench', renderPdf };
  const actor = cliActor();
  // Each list asked as a request arrives: after what else is waiting (the export's answer among it).
  // Each list's wall time, and how much of it this thread ran (the rest it waited for a processor or a lock).
  const ran = new Map<number, number>();
  const listOnce = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const t = performance.now();
    const cpu = process.threadCpuUsage();
    const r = await dispatch(ctx, 'listRecords', {}, actor);
    if (!r.ok) throw new Error(r.error.message);
    const wall = performance.now() - t;
    const used = process.threadCpuUsage(cpu);
    ran.set(wall, (used.user + used.system) / 1000);
    return wall;
  };
  // This thread's garbage collections while the export runs: a pause of its own, not the machine's.
  const pauses: number[] = [];
  const collections = new PerformanceObserver((l) =>
    pushAll(
      pauses,
      l.getEntries().map((e) => e.duration),
    ),
  );
  const alone: number[] = [];
  for (let i = 0; i < 5; i++) alone.push(await listOnce());
  const heavy = heavyCalls(ctx, 'thread');
  try {
    // The thread started and warm, as after the first export of a session.
    await heavy.run(ctx, 'exportWorkbook', { ids: ids.slice(0, 1), script: 'hans' }, actor);
    let done = false;
    const t = performance.now();
    const exporting = heavy.run(ctx, 'exportWorkbook', { ids, script: 'hans' }, actor).then((r) => {
      done = true;
      if (!r.ok) throw new Error(r.error.message);
    });
    const during: number[] = [];
    collections.observe({ entryTypes: ['gc'] });
    while (!done) during.push(await listOnce());
    await exporting;
    collections.disconnect();
    const exportMs = performance.now() - t;
    const worst = Math.max(...during);
    console.log(`Other requests while an export of ${COUNTIES} counties runs (${(exportMs / 1000).toFixed(1)} s on its own thread)`);
    console.log(
      `  listRecords meanwhile: ${during.length} answered, median ${median(during).toFixed(0)} ms, slowest ${worst.toFixed(0)} ms` +
        `   alone: median ${median(alone).toFixed(0)} ms   slowest / ${BOUND_MS} ms = ${(worst / BOUND_MS).toFixed(2)}×  (aim ≤ 1×)`,
    );
    console.log(
      `  the slowest: this thread ran ${ran.get(worst)!.toFixed(0)} ms of its ${worst.toFixed(0)} ms` +
        `   this thread's collections meanwhile: ${pauses.length}, longest ${maxOf(pauses, 0).toFixed(0)} ms` +
        `   load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} processors`,
    );
  } finally {
    await heavy.close();
    db.close();
  }
}
