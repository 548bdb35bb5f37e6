// yanshou backups, yanshou restore: the data file's backups, and putting one back.
import fs from 'node:fs';
import path from 'node:path';
import { backupOfAnother, backupsFolder, listBackups, restoreBackup, verifyDatabaseFile } from '../services/store/backup';
import { openDatabase } from '../services/store/database';
import { appError } from '../../shared/errors';
import { EXIT, UsageError } from './output';
import type { CommandContext } from './main';

/** Backups are a data file's: a workspace's are PostgreSQL's own (pg_dump, point-in-time recovery). */
function dataFileOnly(ctx: CommandContext): void {
  if ('pg' in ctx.target)
    throw new UsageError(
      ctx.io.lang === 'zh'
        ? '工作区的备份由 PostgreSQL 负责(pg_dump 或时间点恢复),请联系数据库管理员;backups 与 restore 只用于数据文件(--db)'
        : "A workspace's backups are PostgreSQL's (pg_dump or point-in-time recovery): ask its administrator; backups and restore are for data files (--db)",
    );
}

export function backupsCommand(ctx: CommandContext): number {
  dataFileOnly(ctx);
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
  dataFileOnly(ctx);
  const { io, positionals, file } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1)
    throw new UsageError(zh ? '请给出要恢复的备份文件(见 yanshou backups)' : 'Name the backup to restore (see yanshou backups)');
  // A backup named as listed, or by its file name in the backups folder.
  const given = positionals[0];
  const backup = fs.existsSync(given) ? given : path.join(backupsFolder(file), given);
  if (!fs.existsSync(backup)) throw appError('no_backup', `找不到备份 ${given}`, `No backup ${given}`, { file: given });
  const another = backupOfAnother(file, backup);
  const { safetyCopy, accountsKept } = await restoreBackup(file, backup, openDatabase);
  if (another)
    io.err(
      zh
        ? `注意:${backup} 不是 ${path.basename(file)} 的备份(取自另一个数据文件,或不是验收台为它做的备份),数据文件现在是那份备份的内容;如恢复错了,请从这次恢复前自动保存的备份(…-before-restore.sqlite)恢复。`
        : `Note: ${backup} is not a backup of ${path.basename(file)} (it was taken of another data file, or not made by Yanshou for it); the data file now holds that backup's content. If this was a mistake, restore the copy saved just before (…-before-restore.sqlite).`,
    );
  io.out(zh ? `已从 ${backup} 恢复 ${path.resolve(file)}` : `Restored ${path.resolve(file)} from ${backup}`);
  if (safetyCopy) io.out(zh ? `恢复前的数据文件已保存为 ${safetyCopy}` : `The data file as it was is kept as ${safetyCopy}`);
  io.out(
    accountsKept
      ? zh
        ? '恢复的是记录、台账、绩效自评和修改记录;用户账户、登录会话和偏好设置保持恢复前的样子'
        : 'Restored the records, ledgers, performance self-assessments and change log; accounts, sessions and preferences are as they were before the restore'
      : zh
        ? '原数据文件无法读取,用户账户和偏好设置也取自备份,请用 yanshou user list 核对账户'
        : 'The data file could not be read: its accounts and preferences are the backup’s too; check them with yanshou user list',
  );
  return EXIT.ok;
}
