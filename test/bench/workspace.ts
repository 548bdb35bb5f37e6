// A cell edit as the contract writes it (editCells: one step, its change log, the record's version),
// on a data file (SQLite, WAL) and on a PostgreSQL workspace of a throw-away cluster on this machine
// (127.0.0.1, fsync off as in the tests: the figure is the store's round trips, not the disk's).
// Edits alternate between the two; the figure is each one's median and 90th percentile.
import path from 'node:path';
import { dispatch, type ApiContext } from '../../electron/services/api';
import { openDatabase, type DB } from '../../electron/services/store/database';
import { initWorkspace, openWorkspace } from '../../electron/services/store/workspace';
import { createRecord, readRecord } from '../../electron/services/store/records';
import { startCluster } from '../helpers/postgres';
import { ME, seedInput, tempDir } from '../helpers/fixtures';

const EDITS = 300;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)];

function editor(db: DB) {
  const ctx: ApiContext = { db, dbFile: db.name, version: 'bench', renderPdf: async () => new Uint8Array() };
  const id = createRecord(db, ME, seedInput());
  const line = readRecord(db, id, { asOf: undefined }).disbursementIds[0];
  const times: number[] = [];
  return {
    times,
    edit: async (n: number) => {
      const t = performance.now();
      const r = await dispatch(
        ctx,
        'editCells',
        { recordId: id, table: 'disbursements', edits: [{ rowId: line, field: 'actual', value: String(n) }] },
        ME,
      );
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
    },
  };
}

export async function benchWorkspace(): Promise<void> {
  const cluster = startCluster();
  try {
    initWorkspace(cluster.url());
    const engines = {
      SQLite: editor(openDatabase(path.join(tempDir(), 'bench.sqlite'))),
      PostgreSQL: editor(openWorkspace(cluster.url())),
    };
    for (let n = 1; n <= EDITS; n++) for (const e of Object.values(engines)) await e.edit(n);
    console.log(`\n一次单元格修改(editCells,${EDITS} 次交替) / a cell edit (${EDITS} alternating)`);
    for (const [name, { times }] of Object.entries(engines))
      console.log(`  ${name.padEnd(11)} median ${percentile(times, 0.5).toFixed(2)} ms   p90 ${percentile(times, 0.9).toFixed(2)} ms`);
  } finally {
    cluster.remove();
  }
}
