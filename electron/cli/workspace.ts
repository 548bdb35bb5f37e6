// yanshou workspace init --pg URL: creates a team workspace in a PostgreSQL database, or brings one
// up to this version (the same migrations as a data file's, in one transaction).
import { initWorkspace } from '../services/store/workspace';
import { redacted } from '../services/store/postgres';
import { EXIT, UsageError } from './output';
import type { CommandContext } from './main';

export function workspaceCommand(ctx: CommandContext): number {
  const { io, positionals, target } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.join(' ') !== 'init')
    throw new UsageError(zh ? '用法:yanshou workspace init --pg 地址' : 'Usage: yanshou workspace init --pg URL');
  if (!('pg' in target)) throw new UsageError(zh ? '请用 --pg 给出 PostgreSQL 数据库的地址' : 'Give the PostgreSQL database with --pg URL');
  const { from, to } = initWorkspace(target.pg);
  const where = redacted(target.pg);
  const said =
    from === to
      ? zh
        ? `工作区 ${where} 已是最新(结构版本 ${to})`
        : `The workspace ${where} is up to date (schema ${to})`
      : from === 0
        ? zh
          ? `已建立工作区 ${where}(结构版本 ${to})`
          : `Created the workspace ${where} (schema ${to})`
        : zh
          ? `已将工作区 ${where} 从结构版本 ${from} 升级到 ${to}`
          : `Upgraded the workspace ${where} from schema ${from} to ${to}`;
  io.out(ctx.values.json ? JSON.stringify({ workspace: where, from, to }) : said);
  return EXIT.ok;
}
