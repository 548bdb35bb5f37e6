// A PostgreSQL workspace as users rely on it: money exact as BIGINT; PostgreSQL restarted in the
// middle of editing — every acknowledged edit kept, the client told `reconnecting` and served after;
// two processes writing at once — no update lost (writers take the workspace's lock). Each test
// file's own throw-away cluster (test/helpers/postgres.ts): restarting it disturbs no other test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { startCluster, type Cluster } from '../../helpers/postgres';
import { newWorkspaceUrl } from '../../helpers/backend';
import { openWorkspace } from '../../../electron/services/store/workspace';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { updateCounty } from '../../../electron/services/store/edits';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { ME, ROOT, seedInput } from '../../helpers/fixtures';
import { yanshou } from '../../helpers/cli';

let cluster: Cluster;
beforeAll(() => {
  cluster = startCluster();
});
afterAll(() => cluster?.remove());

const workspace = () => {
  const url = newWorkspaceUrl(cluster.url());
  return { url, db: openWorkspace(url) };
};

describe('a PostgreSQL workspace', () => {
  it('keeps money as integer 分 (BIGINT) read back as exact numbers, and refuses one beyond 2^53 rather than rounding it', () => {
    const { db } = workspace();
    const id = createRecord(db, ME, seedInput());
    // The largest amount the app takes: 999 999 999.999999 万元 = 10^15 − 1 分 (far beyond 32 bits, below 2^53).
    updateCounty(db, ME, id, 'investment.total', '999999999.999999');
    expect(db.prepare('SELECT investment_total_fen FROM records WHERE id = ?').pluck().get(id)).toBe(999_999_999_999_999);
    expect(readRecord(db, id, { asOf: undefined }).record.county.investment.total).toBe('999999999.999999');
    db.prepare('UPDATE records SET investment_total_fen = 9007199254740993 WHERE id = ?').run(id);
    expect(() => db.prepare('SELECT investment_total_fen FROM records WHERE id = ?').pluck().get(id)).toThrow(/beyond 2\^53/);
    db.close();
  });

  it('loses no acknowledged edit when PostgreSQL restarts in the middle of editing: the client is told `reconnecting`, and its retry succeeds', async () => {
    const { db } = workspace();
    const ctx: ApiContext = { db, dbFile: db.name, version: 'test', renderPdf: async () => new Uint8Array() };
    const id = createRecord(db, ME, seedInput());
    const line = readRecord(db, id, { asOf: undefined }).disbursementIds[0];
    const acknowledged: number[] = [];
    const refusals = new Set<string>();
    // One edit as a window's queue sends it: a refused one is sent again, as the client does. Between
    // two calls the event loop turns (as between two HTTP requests), so the restart's end is seen.
    const edit = async (value: number) => {
      for (;;) {
        const cells = { recordId: id, table: 'disbursements', edits: [{ rowId: line, field: 'actual', value: String(value) }] };
        const r = await dispatch(ctx, 'editCells', cells, ME);
        await new Promise((resolve) => setImmediate(resolve));
        if (r.ok) return void acknowledged.push(value);
        refusals.add(r.error.code);
      }
    };
    let value = 0;
    while (acknowledged.length < 5) await edit(++value);
    const restart = cluster.restartInBackground();
    let restarted = false;
    restart.on('exit', () => (restarted = true));
    while (!restarted) await edit(++value);
    for (let more = 0; more < 5; more++) await edit(++value);
    expect(restart.exitCode).toBe(0);
    expect([...refusals]).toEqual(['reconnecting']);
    // Every acknowledged edit is in the change log, in order, and the cell holds the last one.
    const logged = (
      db
        .prepare("SELECT after FROM changes WHERE table_name = 'disbursements' AND field = 'actual_fen' ORDER BY id")
        .pluck()
        .all() as string[]
    ).map((a) => Number(JSON.parse(a)) / 1_000_000);
    expect(logged.filter((v, k) => v !== logged[k - 1])).toEqual(acknowledged);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe(String(acknowledged.at(-1)));
    db.close();
  });

  it('loses no update when two processes write at once (each read-modify-write in its own write transaction)', async () => {
    const { url, db } = workspace();
    const id = createRecord(db, ME, seedInput());
    const line = readRecord(db, id, { asOf: undefined }).disbursementIds[0];
    db.prepare('UPDATE disbursements SET actual_fen = 0 WHERE id = ?').run(line);
    const times = 60;
    const script = `
      import { openWorkspace } from './electron/services/store/workspace.ts';
      import { mutate } from './electron/services/store/changelog.ts';
      const db = openWorkspace(${JSON.stringify(url)});
      const actor = { client: 'writer-' + process.pid, kind: 'cli' };
      for (let n = 0; n < ${times}; n++)
        mutate(db, actor, { action: 'edit', recordId: ${id} }, (changes) => {
          const now = db.prepare('SELECT actual_fen FROM disbursements WHERE id = ?').pluck().get(${line});
          changes.update('disbursements', ${line}, { actual_fen: now + 1 });
        });
      db.close();
    `;
    const writer = () =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          cwd: ROOT,
          stdio: ['ignore', 'inherit', 'inherit'],
        }).on('exit', resolve),
      );
    expect(await Promise.all([writer(), writer()])).toEqual([0, 0]);
    expect(db.prepare('SELECT actual_fen FROM disbursements WHERE id = ?').pluck().get(line)).toBe(2 * times);
    db.close();
  });

  it('serves the command line with --pg: workspace init (once, then up to date), demo, list, ledger add; a database not set up is refused, pointing to workspace init', () => {
    const url = newWorkspaceUrl(cluster.url());
    const bare = new URL(url);
    bare.searchParams.set('options', '-c search_path=nowhere');
    const refused = yanshou(['list', '--pg', bare.toString()]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('yanshou workspace init --pg');
    expect(yanshou(['workspace', 'init', '--pg', url]).stdout).toContain('已是最新');
    expect(yanshou(['demo', '--pg', url]).code).toBe(0);
    const add = ['ledger', 'add', '--pg', url, '--county', '樟树市', '--line', '1', '--date', '2021-12-01', '--amount', '300'];
    expect(yanshou(add).code).toBe(0);
    // 樟树市 batch 8: line 1 now 300 by its ledger; the other lines as the seed has them — 300 + 595.75 = 895.75 of 1500.
    expect(yanshou(['list', '--pg', url]).stdout).toContain('实际 895.75 万元');
    expect(yanshou(['backups', '--pg', url]).stderr).toContain('pg_dump');
  });
});
