// The preferences of the person using this data file: the name a status change is signed with,
// set once. Kept beside the records, outside the change log (there is nothing to undo).
import { appError } from '../../../shared/errors';
import type { DB } from './database';
import { writeTransaction } from './busy';
import { DEFAULT_RATE_LINE } from '../../../shared/performance';

/** `rateLine`: the province's line for 四、绩效自评's 执行率 (percent; default 90). */
export type Preferences = { name: string | null; rateLine: string };

export function readPreferences(db: DB): Preferences {
  const name = db.prepare("SELECT value FROM preferences WHERE key = 'name'").pluck().get() as string | undefined;
  const rateLine = db.prepare("SELECT value FROM preferences WHERE key = 'perf.rateLine'").pluck().get() as string | undefined;
  return { name: name ?? null, rateLine: rateLine ?? DEFAULT_RATE_LINE };
}

const put = (db: DB, key: string, value: string) =>
  db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

export function writePreferences(db: DB, next: { name?: string; rateLine?: string }): Preferences {
  if (next.name !== undefined) {
    const name = next.name.trim();
    if (!name) throw appError('who_needed', '姓名不能为空', 'The name cannot be empty', { field: 'name' });
    writeTransaction(db, () => put(db, 'name', name));
  }
  if (next.rateLine !== undefined) writeTransaction(db, () => put(db, 'perf.rateLine', next.rateLine!));
  return readPreferences(db);
}
