// Backups before anything destructive, into backups/ beside the database; the last 20 are kept.
// VACUUM INTO is SQLite's online, consistent copy and runs synchronously, so no other write can
// slip in between the backup and the destructive change that follows it.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUPS_KEPT = 20;

export function backupsFolder(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/** Copies the database into backups/ and returns the copy's path (null for an in-memory store). */
export function backupDatabase(db: Database.Database, dbFile: string, reason: string): string | null {
  if (dbFile === ':memory:') return null;
  const folder = backupsFolder(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.basename(dbFile).replace(/\.[^.]*$/, '');
  let target = path.join(folder, `${base}-${stamp}-${reason.replace(/[^\w-]/g, '_')}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) target = target.replace(/(-\d+)?\.sqlite$/, `-${n}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  pruneBackups(folder, base);
  return target;
}

function pruneBackups(folder: string, base: string): void {
  const mine = fs
    .readdirSync(folder)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.sqlite'))
    .map((f) => ({ f, t: fs.statSync(path.join(folder, f)).mtimeMs }))
    .sort((a, b) => a.t - b.t || a.f.localeCompare(b.f));
  for (const { f } of mine.slice(0, Math.max(0, mine.length - BACKUPS_KEPT))) fs.rmSync(path.join(folder, f));
}
