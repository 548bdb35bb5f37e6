// The data file a handle has open, by its identity on disk (device and inode): a sync folder (网盘) or a
// copy that puts another file in its place by rename leaves the app writing into the old, unlinked file
// while its WAL (kept by path) would be applied to the new one — SQLite's documented way to damage a file.
// Every write first checks that the path still is the file opened. When it is not, the handle's own WAL is
// emptied into its old file (so nothing of it reaches the new one), that old file is kept beside as
// `<name>.replaced-<time>.sqlite` (the changes made before are not lost), and the write is refused, saying so.
//
// A data file must also have one name only: SQLite keeps its WAL by name, so the same file opened under two names
// (a hard link) has two WALs, and one name's changes are lost when the other's are applied.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { appError } from '../../../shared/errors';
import type { Db } from './db';

/** More than one name (hard link) for the file: refused at open and at every write, saying how to go on. */
function linked(file: string, names: number) {
  return appError(
    'linked_database',
    `数据文件 ${file} 在磁盘上有 ${names} 个名字(硬链接),未做任何改动:同一个文件用两个名字打开时,一边的修改会在下次打开时丢失。请把它复制成一个独立的文件(复制,不是链接),只打开那个副本。`,
    `The data file ${file} has ${names} names on disk (hard links); nothing was changed: the same file opened under two names loses one side's changes the next time it is opened. Copy it to a file of its own (a copy, not a link) and open only that copy.`,
    { file },
  );
}

/** Refuses a data file that has more than one name (hard links). */
export function assertOneName(file: string): void {
  const names = fs.existsSync(file) ? fs.statSync(file).nlink : 1;
  if (names > 1) throw linked(file, names);
}

type Opened = { file: string; dev: number; ino: number; keptAs?: string };
const opened = new WeakMap<Db, Opened>();

/** Called when a data file is opened: what its path is now. */
export function rememberFile(db: Database.Database, file: string): void {
  if (file === ':memory:') return;
  const { dev, ino } = fs.statSync(file);
  opened.set(db, { file, dev, ino });
}

const statOf = (file: string) => {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
};

/** Its WAL emptied into the old file, and that file kept beside the data file's path; where. */
function keepAside(db: Database.Database, known: Opened): string {
  if (known.keptAs) return known.keptAs;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const aside = `${known.file}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
  db.prepare('VACUUM INTO ?').run(aside);
  return (known.keptAs = aside);
}

/**
/** The file at the data file's path now, when it still is the one this handle has open (null when replaced or removed). */
function stillOpened(known: Opened) {
  const now = statOf(known.file);
  return now && now.dev === known.dev && now.ino === known.ino ? now : null;
}

/**
 * When the file at the data file's path is no longer the one this handle has open (replaced or removed): its WAL
 * emptied into the old file, that file kept beside, and where; null while it still is the same file.
 */
export function setAsideIfReplaced(db: Db): { file: string; aside: string } | null {
  const known = opened.get(db);
  if (!known || stillOpened(known)) return null;
  return { file: known.file, aside: keepAside(db as Database.Database, known) };
}

/**
 * Refuses a write when the file at the data file's path is no longer the one this handle has open (replaced or
 * removed), or when it has been given a second name since it was opened.
 */
export function assertSameFile(db: Db): void {
  const known = opened.get(db);
  const now = known && stillOpened(known);
  if (now && now.nlink > 1) throw linked(known!.file, now.nlink);
  const replaced = now ? null : setAsideIfReplaced(db);
  if (!replaced) return;
  const { file, aside } = replaced;
  throw appError(
    'file_replaced',
    `数据文件 ${file} 已被另一个程序替换或移走(例如同步盘放入了别的副本),本次修改未保存,也不会再写入它。此前的内容已另存为 ${aside}。重新打开这个位置上现在的文件即可继续(验收台会询问);不要把数据文件放在同步文件夹里。`,
    `The data file ${file} was replaced or moved by another program (a sync folder putting another copy in place, say); this change was not saved, and nothing more is written to it. What it held before is kept as ${aside}. Open the file now at that path to go on (Yanshou offers to); do not keep the data file in a sync folder.`,
    { file },
    { keptAs: aside },
  );
}
