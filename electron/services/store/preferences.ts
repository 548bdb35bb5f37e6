// The preferences of the person using this data file: the name a status change is signed with,
// set once, and the province's 执行率 line. Kept beside the records, outside the change log (there is
// nothing to undo). In a team workspace a signed-in user signs with their account's name, and a
// province's reviewer sets the line of their own province only.
import { appError } from '../../../shared/errors';
import { fold } from '../../../shared/text';
import type { Caller } from '../../../shared/accounts';
import type { DB } from './database';
import { writeTransaction } from './busy';
import { DEFAULT_RATE_LINE } from '../../../shared/performance';

/** `rateLine`: the province's line for 四、绩效自评's 执行率 (percent; default 90). */
export type Preferences = { name: string | null; rateLine: string };

const LINE = 'perf.rateLine';
/** The key of one province's line ("perf.rateLine@江西省", folded); the data file's own line has none. */
const lineKey = (province: string | null | undefined) => (province ? `${LINE}@${fold(province)}` : LINE);
const get = (db: DB, key: string) => db.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(key) as string | undefined;

/** The 执行率 line a record of this province is checked against: its province's, else the data file's, else 90. */
export function rateLineFor(db: DB, province: string | null | undefined): string {
  return (province ? get(db, lineKey(province)) : undefined) ?? get(db, LINE) ?? DEFAULT_RATE_LINE;
}

/** The province a caller's settings are of: a signed-in user's scope's first part (none for the owner or a user of everywhere). */
const provinceOf = (caller: Caller) => (caller.kind === 'user' ? caller.scope[0] : undefined);

export function readPreferences(db: DB, caller: Caller = { kind: 'owner' }): Preferences {
  const name = caller.kind === 'user' ? caller.name : (get(db, 'name') ?? null);
  return { name, rateLine: rateLineFor(db, provinceOf(caller)) };
}

const put = (db: DB, key: string, value: string) =>
  db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

export function writePreferences(db: DB, next: { name?: string; rateLine?: string }, caller: Caller = { kind: 'owner' }): Preferences {
  if (next.name !== undefined) {
    if (caller.kind === 'user')
      throw appError(
        'forbidden',
        `在工作区中,状态的更改以您的账号名“${caller.name}”签名,不能另设姓名`,
        `In a workspace a status change is signed with your account's name "${caller.name}"; it cannot be set here`,
        { field: 'name' },
      );
    const name = next.name.trim();
    if (!name) throw appError('who_needed', '姓名不能为空', 'The name cannot be empty', { field: 'name' });
    writeTransaction(db, () => put(db, 'name', name));
  }
  if (next.rateLine !== undefined) writeTransaction(db, () => put(db, lineKey(provinceOf(caller)), next.rateLine!));
  return readPreferences(db, caller);
}
