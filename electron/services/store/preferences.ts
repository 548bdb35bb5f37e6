// The preferences of the person using this data file: the name a status change is signed with,
// set once. Kept beside the records, outside the change log (there is nothing to undo).
import { appError } from '../../../shared/errors';
import type { DB } from './database';
import { writeTransaction } from './busy';

export type Preferences = { name: string | null };

export function readPreferences(db: DB): Preferences {
  const name = db.prepare("SELECT value FROM preferences WHERE key = 'name'").pluck().get() as string | undefined;
  return { name: name ?? null };
}

export function writePreferences(db: DB, next: { name: string }): Preferences {
  const name = next.name.trim();
  if (!name) throw appError('who_needed', '姓名不能为空', 'The name cannot be empty', { field: 'name' });
  writeTransaction(db, () => db.prepare("INSERT INTO preferences (key, value) VALUES ('name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(name));
  return readPreferences(db);
}
