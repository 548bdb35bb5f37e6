// Backups before anything destructive, into backups/ beside the data file. A backup is written to a
// temporary name, checked (integrity, and the same records as the data file), and only then given
// its name; a backup that fails leaves nothing behind and deletes nothing. Pruning looks only at
// this data file's own automatic backups (by their exact name pattern), keeping the 20 most recently made (by the
// change log's position they hold, not by the clock) and the newest of each of the last 30 days; a backup someone asked for (manual) is never pruned. A backup
// taken for an operation that is then refused is removed again (withBackup): refusals leave no trace.
// A `.partial` left by a backup that was killed is removed at the next start (removeStalePartials). A backup is restored
// row by row in one write transaction of the data file, so an app that has the file open sees the restored data, not a
// file swapped under it, and no write of it lands in the middle of the restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appError } from '../../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { schemaProblem } from './columns';
import type { Db } from './db';
import { isPostgres } from './postgres';
import { writeTransaction } from './busy';

export const BACKUPS_KEPT = 20;
export const DAILY_BACKUPS_DAYS = 30;

export function backupsFolder(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/**
 * What a data file's backups are named after: its name without `.sqlite` (yanshou.sqlite → yanshou-…), any other name
 * whole (验收.db → 验收.db-…), so that 验收.sqlite and 验收.db in one folder never share a backup.
 */
/** The backups folder is there as a folder (a file of that name beside the data file holds no backups). */
const isFolder = (folder: string) => fs.existsSync(folder) && fs.statSync(folder).isDirectory();

const baseName = (dbFile: string) => path.basename(dbFile).replace(/\.sqlite$/, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `yanshou-2026-11-29T08-30-00-123Z-delete.sqlite` (with `-2`… when two fall in one millisecond). */
const backupPattern = (dbFile: string) =>
  new RegExp(
    `^${escapeRegExp(baseName(dbFile))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2}-\\d{2}-\\d{2}-\\d{3})Z-([A-Za-z0-9_-]+?)(?:-(\\d+))?\\.sqlite$`,
  );

/**
 * Which data file a backup was taken of, kept in the backup's SQLite header (its application_id, bytes 68–71): a hash of
 * the data file's name, never 0. Names alone cannot tell the backups of `验收` from those of `验收.sqlite` (both
 * `验收-…`, so that yanshou.sqlite's backups keep their names); a backup made before this was recorded reads 0.
 */
export function takenOfId(dbFile: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(path.basename(dbFile))) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 1;
}

/** The data file a backup says it was taken of (takenOfId), 0 when it does not say or cannot be read. */
function takenOf(backup: string): number {
  const header = Buffer.alloc(4);
  try {
    const fd = fs.openSync(backup, 'r');
    try {
      if (fs.readSync(fd, header, 0, 4, 68) < 4) return 0;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 0;
  }
  return header.readInt32BE(0);
}

/** A backup of another data file than `dbFile` (as it records, or else as it is named), or no backup of a data file at all. */
export function backupOfAnother(dbFile: string, backup: string): boolean {
  const of = takenOf(backup);
  return of !== 0 ? of !== takenOfId(dbFile) : !backupPattern(dbFile).test(path.basename(backup));
}

export type BackupInfo = { file: string; at: string; reason: string; bytes: number };

/**
 * This data file's backups (by their names, and by the file they say they were taken of), the most recently made first: by
 * the change log's position each holds (it never goes back, whatever the clock says — a backup made while the clock was
 * set back is still the newest), then by the time in their names.
 */
export function listBackups(dbFile: string): BackupInfo[] {
  const folder = backupsFolder(dbFile);
  if (!isFolder(folder)) return [];
  const pattern = backupPattern(dbFile);
  const out: (BackupInfo & { key: string; pos: number })[] = [];
  for (const name of fs.readdirSync(folder)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const file = path.join(folder, name);
    if (![0, takenOfId(dbFile)].includes(takenOf(file))) continue;
    out.push({
      file,
      at: `${m[1]}T${m[2].replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})$/, '$1:$2:$3.$4')}Z`,
      reason: m[3],
      bytes: fs.statSync(file).size,
      key: `${m[1]}T${m[2]}-${(m[4] ?? '1').padStart(4, '0')}`,
      pos: countersOf(file).pos,
    });
  }
  const order = (a: (typeof out)[number], b: (typeof out)[number]) => b.pos - a.pos || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
  return out.sort(order).map(({ key: _key, pos: _pos, ...b }) => b);
}

const recordCount = (db: Database.Database) =>
  db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'records'").pluck().get()
    ? (db.prepare('SELECT count(*) FROM records').pluck().get() as number)
    : 0;

/**
 * What is wrong with a database's tables for its schema version (null if nothing): at the current
 * version, the tables themselves; at an older one, the tables its migrations would make, tried on a
 * copy in memory (the file is not touched).
 */
export function schemaProblemAt(db: Database.Database, version: number): string | null {
  if (version === SCHEMA_VERSION) return schemaProblem(db);
  const copy = new Database(db.serialize());
  try {
    for (let v = version; v < SCHEMA_VERSION; v++) copy.exec(MIGRATIONS[v]);
    return schemaProblem(copy);
  } catch (e) {
    return `schema version ${version}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    copy.close();
  }
}

/** Checks that a file is a sound Yanshou database; its record count, or the reason it is not. */
export function verifyDatabaseFile(file: string): { ok: true; records: number; version: number } | { ok: false; reason: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, reason: String(check) };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > SCHEMA_VERSION) return { ok: false, reason: `schema version ${version}` };
    const problem = schemaProblemAt(db, version);
    if (problem) return { ok: false, reason: problem };
    return { ok: true, records: recordCount(db), version };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}

export const backupFailed = (reason: string) =>
  appError(
    'backup_failed',
    `无法备份数据文件(${reason}),为免丢失数据,这次操作没有进行。请检查磁盘空间和文件夹权限。`,
    `The data file could not be backed up (${reason}); to keep your data safe, nothing was done. Check the disk space and folder permissions.`,
  );

/**
 * Copies the database into backups/ and returns the copy's path (null for an in-memory store, and for
 * a PostgreSQL workspace: its backups are PostgreSQL's, pg_dump and point-in-time recovery).
 * Throws `backup_failed` (and leaves no file) when the copy cannot be made and checked.
 */
export function backupDatabase(store: Db, dbFile: string, reason: string, options: { prune?: boolean } = {}): string | null {
  if (dbFile === ':memory:' || isPostgres(store)) return null;
  const db = store as Database.Database;
  const folder = backupsFolder(dbFile);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = path.join(folder, `${baseName(dbFile)}-${stamp}-${reason.replace(/[^A-Za-z0-9_-]/g, '_')}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) target = target.replace(/(-\d+)?\.sqlite$/, `-${n}.sqlite`);
  const partial = `${target}.partial`;
  if (fs.existsSync(folder) && !isFolder(folder))
    throw appError(
      'backup_failed',
      `无法备份数据文件:${folder} 是一个文件,不是存放备份的文件夹。为免丢失数据,这次操作没有进行;请把这个文件改名或移走后再试。`,
      `The data file could not be backed up: ${folder} is a file, not the folder backups go into. To keep your data safe, nothing was done; rename or move that file and try again.`,
      { file: folder },
    );
  try {
    fs.mkdirSync(folder, { recursive: true });
    const before = recordCount(db);
    // VACUUM INTO is SQLite's consistent copy; it runs synchronously, so no write of this
    // connection slips in between it and the destructive change that follows.
    db.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial);
    try {
      copy.pragma(`application_id = ${takenOfId(dbFile)}`);
    } finally {
      copy.close();
    }
    const check = verifyDatabaseFile(partial);
    if (!check.ok) throw new Error(check.reason);
    if (check.records !== before && check.records !== recordCount(db))
      throw new Error(`the copy holds ${check.records} records, the data file ${before}`);
    fs.renameSync(partial, target);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    const code = (e as { code?: string }).code ?? '';
    throw backupFailed(/FULL|ENOSPC/.test(code) ? 'disk full' : e instanceof Error ? e.message : String(e));
  }
  if (options.prune !== false) pruneBackups(dbFile);
  return target;
}

/**
 * Backs the data file up, then runs the destructive `op`: when `op` is refused (throws), its backup is
 * removed and nothing is pruned — a refused operation takes no backup and costs no older one.
 */
export function withBackup<T>(db: Db, dbFile: string, reason: string, op: (backup: string | null) => T): T {
  const backup = backupDatabase(db, dbFile, reason, { prune: false });
  let result: T;
  try {
    result = op(backup);
  } catch (e) {
    if (backup) fs.rmSync(backup, { force: true });
    throw e;
  }
  if (backup) pruneBackups(dbFile);
  return result;
}

/** Backups someone asked for (the menu, `yanshou backup`): kept until they delete them. */
export const MANUAL_REASON = 'manual';

/** A partial copy this old is not being written by anyone (a copy in progress touches its file all the time). */
export const STALE_PARTIAL_MS = 60_000;

/** Removes this data file's `.partial` backups left by a backup that was killed (at start). */
export function removeStalePartials(dbFile: string, now = Date.now()): string[] {
  const folder = backupsFolder(dbFile);
  if (dbFile === ':memory:' || !isFolder(folder)) return [];
  const pattern = backupPattern(dbFile);
  const removed: string[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith('.partial') || !pattern.test(name.slice(0, -'.partial'.length))) continue;
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs < STALE_PARTIAL_MS) continue;
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Gone already, or not ours to remove: left alone.
    }
  }
  return removed;
}

/** Of the automatic backups, keeps the BACKUPS_KEPT most recently made (listBackups) and the newest of each of the last DAILY_BACKUPS_DAYS days. */
export function pruneBackups(dbFile: string, now = new Date()): void {
  const all = listBackups(dbFile).filter((b) => b.reason !== MANUAL_REASON);
  const keep = new Set(all.slice(0, BACKUPS_KEPT).map((b) => b.file));
  const oldest = new Date(now.getTime() - DAILY_BACKUPS_DAYS * 86_400_000).toISOString().slice(0, 10);
  const days = new Set<string>();
  for (const b of all) {
    const day = b.at.slice(0, 10);
    if (day >= oldest && !days.has(day)) {
      days.add(day);
      keep.add(b.file);
    }
  }
  for (const b of all) if (!keep.has(b.file)) fs.rmSync(b.file, { force: true });
}

/** The newest backup that is sound, to point to when the data file is damaged. */
export function newestGoodBackup(dbFile: string): string | null {
  for (const b of listBackups(dbFile)) if (verifyDatabaseFile(b.file).ok) return b.file;
  return null;
}

/** What openDatabase says of a file that is not a sound data file (database.ts). */
const UNSOUND = new Set(['damaged_database', 'unreadable_database']);

/**
 * Restores a backup into the data file: the backup is checked, the data file (if it can be read)
 * is backed up first, then the backup's DATA (records, their rows and the change log, RESTORED_TABLES; brought up to this
 * version on a copy) replace the data file's in one write transaction that also logs the restore — accounts, sessions and
 * settings stay the data file's (KEPT_TABLES) — a write of another window or process lands wholly before it (and is
 * replaced) or after it (and, planned on what the file held before, is refused naming the restore). A
 * data file found damaged is moved aside (kept, never deleted) and replaced; one that cannot be opened for
 * any other reason (locked by another program, read-only) is left as it is and the restore refused. `accountsKept`:
 * false when there was no data file to keep them from (damaged, or gone) — the backup's accounts are the file's now.
 */
export async function restoreBackup(
  dbFile: string,
  backup: string,
  open: (file: string) => Database.Database,
): Promise<{ safetyCopy: string | null; accountsKept: boolean }> {
  const check = verifyDatabaseFile(backup);
  if (!check.ok)
    throw appError(
      'bad_backup',
      `${backup} 不是完好的验收台备份(${check.reason}),未做任何改动`,
      `${backup} is not a sound Yanshou backup (${check.reason}); nothing was changed`,
      { file: backup },
    );
  if (path.resolve(backup) === path.resolve(dbFile))
    throw appError('bad_backup', '不能用数据文件自己来恢复', 'A data file cannot be restored from itself', { file: backup });
  let live: Database.Database | null = null;
  try {
    live = fs.existsSync(dbFile) ? open(dbFile) : null;
  } catch (e) {
    // Only a file found damaged (or not a data file at all) is moved aside: a locked one, a read-only one, a newer
    // one is sound as far as anyone knows, and putting an older backup in its place would lose what it holds.
    if (!UNSOUND.has((e as { code?: string }).code ?? '')) throw e;
  }
  if (live)
    try {
      return { safetyCopy: restoreInto(live, dbFile, backup, open), accountsKept: true };
    } finally {
      live.close();
    }
  const before = countersOf(dbFile);
  let safetyCopy: string | null = null;
  if (fs.existsSync(dbFile)) {
    safetyCopy = `${dbFile}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dbFile, safetyCopy);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, safetyCopy + suffix);
  }
  fs.copyFileSync(backup, dbFile);
  // Bring an older backup up to this version (openDatabase migrates, backing up first), and log the restore.
  const restored = open(dbFile);
  try {
    restored.transaction(() => logRestore(restored, before, path.basename(backup))).immediate();
  } finally {
    restored.close();
  }
  return { safetyCopy, accountsKept: false };
}

/** How long a restore waits for a write in progress (an import of a large file, say) to end before it is refused. */
export const RESTORE_WAIT_MS = 300_000;

/** A write that lands between the safety copy and the restore's transaction: the copy is taken again, this many times at most. */
const SAFETY_COPY_TRIES = 5;

/**
 * Restores into a sound data file open as `live`: a safety copy of it, then — in one write transaction, the file's log
 * still where the copy found it — the backup's rows in place of its own, and the restore logged. Returns the safety copy.
 */
function restoreInto(live: Database.Database, dbFile: string, backup: string, open: (file: string) => Database.Database): string | null {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yanshou-restore-'));
  try {
    const copy = path.join(folder, 'backup.sqlite');
    fs.copyFileSync(backup, copy);
    open(copy).close(); // migrated to this version, on the copy
    live.prepare('ATTACH DATABASE ? AS restored').run(copy);
    live.pragma('foreign_keys = OFF');
    try {
      for (let tries = 1; ; tries++) {
        const safetyCopy = backupDatabase(live, dbFile, 'before-restore');
        const done = writeTransaction(
          live,
          () => {
            const before = {
              pos: Number(live.prepare('SELECT pos FROM main.log_position').pluck().get()),
              version: Number(live.prepare('SELECT coalesce(max(version), 0) FROM main.records').pluck().get()),
            };
            if (safetyCopy && countersOf(safetyCopy).pos !== before.pos) return false;
            replaceRows(live);
            logRestore(live, before, path.basename(backup));
            return true;
          },
          RESTORE_WAIT_MS,
        );
        if (done) return safetyCopy;
        if (safetyCopy) fs.rmSync(safetyCopy, { force: true });
        if (tries === SAFETY_COPY_TRIES) throw backupFailed('the data file kept changing while it was copied');
      }
    } finally {
      live.pragma('foreign_keys = ON');
      live.exec('DETACH DATABASE restored');
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * What a restore brings back from the backup, table by table: the DATA — the records and everything that hangs on them,
 * and the change log that undoes, redoes and dates them (log_position goes on above both files', logRestore).
 */
const RESTORED_TABLES = new Set([
  'records',
  'items',
  'disbursements',
  'payments',
  'performance',
  'performance_indicators',
  // The change log: steps and their changes (undo, redo, history, a record deleted and brought back), the replays of
  // them, and the position every screen reads from.
  'steps',
  'changes',
  'replays',
  'log_position',
]);

/**
 * What a restore leaves as the live file has it. Accounts, sessions and failed logins are who may do what NOW: a
 * backup taken before an account was disabled or its password changed must not bring the account, its old password or
 * its ended sessions back. The restores log is this file's history (the restore is appended to it, logRestore). A
 * retried request answered before the restore is answered as it was, not applied again over the restored data
 * (requests.ts). Preferences (the name a status is signed with, the rate line) and a clerk's saved import layouts are
 * settings of the people using the file, not data of a record.
 */
const KEPT_TABLES = new Set(['users', 'sessions', 'login_failures', 'restores', 'requests', 'preferences', 'import_layouts']);

/**
 * The data's rows replaced by the attached backup's (`restored`, at the same version), each table as RESTORED_TABLES
 * and KEPT_TABLES decide; a table in neither (a migration that adds one) is refused until it is decided. Ids are never
 * given twice: each table's AUTOINCREMENT counter stays at the higher of the two files'.
 */
function replaceRows(db: Database.Database): void {
  const tables = db
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  const undecided = tables.filter((t) => !RESTORED_TABLES.has(t) && !KEPT_TABLES.has(t));
  if (undecided.length)
    throw new Error(`restore: no rule for the table(s) ${undecided.join(', ')} (backup.ts RESTORED_TABLES / KEPT_TABLES)`);
  const counters = new Map(
    (db.prepare('SELECT name, seq FROM main.sqlite_sequence').all() as { name: string; seq: number }[]).map((r) => [r.name, r.seq]),
  );
  for (const table of tables.filter((t) => RESTORED_TABLES.has(t))) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])
      .map((c) => `"${c.replace(/"/g, '""')}"`)
      .join(', ');
    db.exec(`DELETE FROM main.${quoted}`);
    db.exec(`INSERT INTO main.${quoted} (${columns}) SELECT ${columns} FROM restored.${quoted}`);
  }
  for (const [name, seq] of counters) db.prepare('UPDATE main.sqlite_sequence SET seq = max(seq, ?) WHERE name = ?').run(seq, name);
}

/**
 * Where a data file's counters stand, as far as they can be read (0 when they cannot: damaged, or older than them):
 * the change log's position and the highest version of a record.
 */
function countersOf(file: string): { pos: number; version: number } {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const pos = Number(db.prepare('SELECT pos FROM log_position').pluck().get() ?? 0);
      return { pos, version: Number(db.prepare('SELECT coalesce(max(version), 0) FROM records').pluck().get()) };
    } finally {
      db.close();
    }
  } catch {
    return { pos: 0, version: 0 };
  }
}

/**
 * The log of a restored file goes on above the position the file had before the restore — no position is given
 * twice, so a screen that read the file before cannot take a later change for one it saw — and the restore is logged
 * at it: every screen that read the file before it is stale (changelog.ts, assertUnchangedSince). Records' versions
 * go on above every version the file had before in the same way, so an acceptance naming a version read before the
 * restore is refused as a change (status.ts), never matched by a version counted again from the backup's.
 */
function logRestore(db: Database.Database, before: { pos: number; version: number }, backup: string): void {
  const pos = Math.max(Number(db.prepare('SELECT pos FROM log_position').pluck().get()), before.pos) + 1;
  db.prepare('UPDATE log_position SET pos = ?').run(pos);
  db.prepare('INSERT INTO restores (pos, at, backup) VALUES (?, ?, ?)').run(pos, new Date().toISOString(), backup);
  db.prepare('UPDATE records SET version = version + ?').run(before.version + 1);
}
