// Opening a store from either kind of address: a data file (SQLite, the embedded default) or a team
// workspace (PostgreSQL). The CLI's --db FILE / --pg URL, the app and the server all open through here.
import type { Db } from './db';
import { openDatabase } from './database';
import { openWorkspace } from './workspace';
import type { StoreTarget } from './target';

/** Opens the store at `target`: a data file is created or migrated as needed; a workspace must have been set up (workspace init). */
export function openStore(target: StoreTarget): Db {
  return 'pg' in target ? openWorkspace(target.pg) : openDatabase(target.file);
}
