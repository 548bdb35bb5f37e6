// A throw-away PostgreSQL for the tests: a cluster of its own (initdb + pg_ctl, Debian's postgresql
// package) in a temp folder, on a free port, owned by the `postgres` user when the tests run as
// root (PostgreSQL refuses to run as root), stopped and removed afterwards. No mock database.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder of initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<newest>/bin. */
export function postgresBin(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')))
      return path.dirname(fs.realpathSync(path.join(dir, 'pg_ctl')));
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('PostgreSQL is not installed (initdb, pg_ctl): apt-get install postgresql');
  return path.join(root, versions[0], 'bin');
}

export type Cluster = {
  /** The superuser's connection URL of a database of the cluster. */
  url: (database?: string) => string;
  /** Stops the server: `fast` as an administrator does, `immediate` as a crash. */
  stop: (mode?: 'fast' | 'immediate') => void;
  start: () => void;
  /** Stops the server `immediate`ly (as a crash) and starts it again, in a process of its own: the caller goes on meanwhile. */
  restartInBackground: () => ChildProcess;
  /** Stops the server and removes its folder. */
  remove: () => void;
};

const asRoot = process.getuid?.() === 0;

/** A PostgreSQL program's command line, as the `postgres` user when we are root. */
const pgCommand = (bin: string, program: string, args: string[]): [string, string[]] =>
  asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];

function pgRun(bin: string, program: string, args: string[]): string {
  const [file, argv] = pgCommand(bin, program, args);
  return execFileSync(file, argv, { encoding: 'utf8' });
}

/** A port nobody listens on now (a random one in the dynamic range, tried by PostgreSQL itself). */
const randomPort = () => 20_000 + Math.floor(Math.random() * 40_000);

/** Starts a new cluster in a temp folder (a few seconds). */
export function startCluster(): Cluster {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanshou-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  pgRun(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
  let port = 0;
  const startArgs = () => [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-t',
    '60',
    'start',
  ];
  const start = () => void pgRun(bin, 'pg_ctl', startArgs());
  for (let attempt = 0; ; attempt++) {
    port = randomPort();
    try {
      start();
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
  const stop = (mode: 'fast' | 'immediate' = 'fast') => pgRun(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  const remove = () => {
    process.off('exit', remove);
    try {
      stop('immediate');
    } catch {
      // Stopped already.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A run that ends without its clean-up (a failed hook, an exception) leaves no server behind.
  process.once('exit', remove);
  return {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    restartInBackground: () => {
      const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
      const line = (args: string[]) => pgCommand(bin, 'pg_ctl', args).flat().map(quote).join(' ');
      return spawn('sh', ['-c', `${line(['-D', data, '-m', 'immediate', '-w', 'stop'])} && ${line(startArgs())}`], { stdio: 'ignore' });
    },
    remove,
  };
}
