// The team workspace under load: `yanshou serve --pg` over a throw-away PostgreSQL cluster on this
// machine, 50 county officers' sessions editing one record's cells at once over HTTP (127.0.0.1),
// 20 edits each. Run twice: steady, then with PostgreSQL crashed and restarted in the middle. A
// client does what the app does with a 503 `reconnecting` (正在重新连接): waits a moment and sends
// the edit again. Printed: edits acknowledged, retried and refused, latency, and how many
// acknowledged edits the change log lacks (must be 0).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startCluster, type Cluster } from '../helpers/postgres';
import { yanshou } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { openWorkspace } from '../../electron/services/store/workspace';

const CLIENTS = 50;
const EDITS = 20;
const NAME = '樟树财务';
const PASSWORD = 'bench-password-1';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)];

function must(r: { code: number | null; stderr: string }) {
  if (r.code !== 0) throw new Error(r.stderr);
}

async function serve(url: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'serve', '--pg', url, '--port', '0'], { cwd: ROOT });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /http:\/\/[^\s]+/.exec(d.toString());
      if (m) resolve(m[0].replace(/\/$/, ''));
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
  });
  return { base, child };
}

async function round(base: string, cluster: Cluster | null) {
  let retried = 0;
  let refused = 0;
  const times: number[] = [];
  const acknowledged: string[] = [];
  const post = async (route: string, body: unknown, token?: string) => {
    for (;;) {
      const r = await fetch(`${base}/api/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const answer = (await r.json()) as Record<string, unknown>;
      if (r.status === 503 && answer.code === 'reconnecting') {
        retried++;
        await new Promise((ok) => setTimeout(ok, 250));
        continue;
      }
      return { status: r.status, answer };
    }
  };
  const login = async () => (await post('login', { name: NAME, password: PASSWORD })).answer.token as string;
  const first = await login();
  const record = (await post('getRecord', { id: 1 }, first)).answer as { itemIds: number[] };
  const tag = Date.now().toString(36);
  const restart = cluster ? setTimeout(() => cluster.restartInBackground(), 1500) : undefined;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const token = await login();
      const row = record.itemIds[c % record.itemIds.length];
      const field = ['name', 'target', 'completion'][Math.floor(c / record.itemIds.length) % 3];
      for (let n = 0; n < EDITS; n++) {
        const value = `${tag}-${c}-${n}`;
        const t = performance.now();
        const r = await post('editCells', { recordId: 1, table: 'items', edits: [{ rowId: row, field, value }] }, token);
        times.push(performance.now() - t);
        if (r.status === 200) acknowledged.push(value);
        else refused++;
      }
    }),
  );
  clearTimeout(restart);
  return { retried, refused, times, acknowledged, tag };
}

export async function benchTeam(): Promise<void> {
  const cluster = startCluster();
  let server: ChildProcess | undefined;
  try {
    const url = cluster.url();
    must(yanshou(['workspace', 'init', '--pg', url]));
    must(yanshou(['demo', '--pg', url]));
    const added = await new Promise<number | null>((resolve) => {
      const p = spawn(
        process.execPath,
        [
          path.join(ROOT, 'electron/cli/bin.mjs'),
          'user',
          'add',
          '--pg',
          url,
          '--name',
          NAME,
          '--role',
          'county',
          '--scope',
          '江西省/宜春市/樟树市',
          '--password-stdin',
        ],
        { cwd: ROOT },
      );
      p.stdin.end(`${PASSWORD}\n`);
      p.on('exit', resolve);
    });
    if (added !== 0) throw new Error('user add failed');
    const started = await serve(url);
    server = started.child;
    const db = openWorkspace(url);
    console.log(
      `\n团队工作区:${CLIENTS} 个会话同时修改,每个 ${EDITS} 次 / team workspace: ${CLIENTS} sessions editing at once, ${EDITS} edits each`,
    );
    for (const [label, crash] of [
      ['steady', null],
      ['PostgreSQL crashed and restarted mid-run', cluster],
    ] as const) {
      const r = await round(started.base, crash);
      const logged = new Set(
        (db.prepare('SELECT after FROM changes WHERE after LIKE ?').pluck().all(`"${r.tag}-%`) as string[]).map(
          (a) => JSON.parse(a) as string,
        ),
      );
      const lost = r.acknowledged.filter((v) => !logged.has(v)).length;
      console.log(
        `  ${label}: acknowledged ${r.acknowledged.length}, retried (reconnecting) ${r.retried}, refused ${r.refused}, ` +
          `acknowledged but not in the change log ${lost}; latency median ${percentile(r.times, 0.5).toFixed(0)} ms, ` +
          `p90 ${percentile(r.times, 0.9).toFixed(0)} ms, p99 ${percentile(r.times, 0.99).toFixed(0)} ms`,
      );
    }
    db.close();
  } finally {
    server?.kill();
    cluster.remove();
  }
}
