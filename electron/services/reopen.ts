// The way out of file_replaced (finding #13): the data file was replaced under the running app (a sync
// folder putting a colleague's copy in place), every write is refused and what the app held is kept as
// `<name>.replaced-<time>.sqlite` (store/file-identity.ts). The person may open the file now at that path.
// The order matters: the WAL and shared-memory files go by the path, so the old handle and a new one would
// share them — the old handle's WAL is emptied into its old file (and kept beside) and the handle closed
// before the new file is opened; the new file is checked first (read-only), so a damaged or newer file
// there is refused in words while the app still holds what it had.
import fs from 'node:fs';
import { appError } from '../../shared/errors';
import { inspectExisting, openDatabase } from './store/database';
import { setAsideIfReplaced } from './store/file-identity';
import { isPostgres } from './store/postgres';
import type { ApiContext } from './api';

/** Opens the file now at the data file's path in place of the open one; `letGo` first ends what else holds the old one (the long calls' thread). */
export async function reopenDataFile(ctx: ApiContext, letGo: () => Promise<void>): Promise<void> {
  const file = ctx.db.name;
  if (isPostgres(ctx.db) || file === ':memory:')
    throw appError('not_a_file', '这里打开的不是数据文件,无需重新打开', 'What is open here is not a data file: there is nothing to reopen');
  if (!fs.existsSync(file))
    throw appError(
      'no_file',
      `${file} 处已没有数据文件(被移走或删除了):请把数据文件放回原处,或打开另一个数据文件`,
      `There is no data file at ${file} any more (moved or deleted): put it back, or open another data file`,
      { file },
    );
  await letGo();
  setAsideIfReplaced(ctx.db);
  inspectExisting(file);
  ctx.db.close();
  ctx.db = openDatabase(file);
}
