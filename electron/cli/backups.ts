// yanshou backups, yanshou restore: the data file's backups, and putting one back.
import fs from 'node:fs';
import path from 'node:path';
import { backupsFolder, listBackups, restoreBackup, verifyDatabaseFile } from '../services/store/backup';
import { openDatabase } from '../services/store/database';
import { appError } from '../../shared/errors';
import { EXIT, UsageError } from './output';
import type { CommandContext } from './main';

export function backupsCommand(ctx: CommandContext): number {
  const { io, values, file } = ctx;
  const zh = io.lang === 'zh';
  const list = listBackups(file).map((b) => {
    const check = verifyDatabaseFile(b.file);
    return { ...b, sound: check.ok, records: check.ok ? check.records : null };
  });
  if (values.json) {
    io.out(JSON.stringify({ dataFile: path.resolve(file), folder: backupsFolder(file), backups: list }, null, 2));
    return EXIT.ok;
  }
  if (list.length === 0)
    io.out(
      zh
        ? `${path.resolve(file)} 还没有备份(在 ${backupsFolder(file)})`
        : `No backups of ${path.resolve(file)} yet (in ${backupsFolder(file)})`,
    );
  for (const b of list)
    io.out(
      `${new Date(b.at).toLocaleString(zh ? 'zh-CN' : 'en-GB')}  ${b.reason.padEnd(16)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KiB  ${
        b.sound ? (zh ? `${b.records} 条记录` : `${b.records} records`) : zh ? '已损坏' : 'damaged'
      }  ${b.file}`,
    );
  return EXIT.ok;
}

export async function restoreCommand(ctx: CommandContext): Promise<number> {
  const { io, positionals, file } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1)
    throw new UsageError(zh ? '请给出要恢复的备份文件(见 yanshou backups)' : 'Name the backup to restore (see yanshou backups)');
  // A backup named as listed, or by its file name in the backups folder.
  const given = positionals[0];
  const backup = fs.existsSync(given) ? given : path.join(backupsFolder(file), given);
  if (!fs.existsSync(backup)) throw appError('no_backup', `找不到备份 ${given}`, `No backup ${given}`, { file: given });
  const { safetyCopy } = await restoreBackup(file, backup, openDatabase);
  io.out(zh ? `已从 ${backup} 恢复 ${path.resolve(file)}` : `Restored ${path.resolve(file)} from ${backup}`);
  if (safetyCopy) io.out(zh ? `恢复前的数据文件已保存为 ${safetyCopy}` : `The data file as it was is kept as ${safetyCopy}`);
  return EXIT.ok;
}
