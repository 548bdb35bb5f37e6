// yanshou user add|list|disable|enable|passwd: the accounts of a team workspace, through the contract
// as the local owner. A password is read from standard input (--password-stdin), never from the
// command line, where other users of the machine and the shell's history would see it.
import { call } from './call';
import { EXIT, UsageError } from './output';
import { roleLabel, ROLES, type Role } from '../../shared/accounts';
import type { CommandContext } from './main';

const ACTIONS = ['add', 'list', 'disable', 'enable', 'passwd'] as const;

async function readPassword(ctx: CommandContext): Promise<string> {
  const zh = ctx.io.lang === 'zh';
  if (!ctx.values['password-stdin'])
    throw new UsageError(
      zh
        ? '密码请从标准输入给出:--password-stdin(不要写在命令行上)'
        : 'Give the password on standard input: --password-stdin (never on the command line)',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the line break a shell's echo or a here-string adds is not part of it.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function nameOption({ io, values }: CommandContext): string {
  const name = values.name as string | undefined;
  if (!name) throw new UsageError(io.lang === 'zh' ? '请用 --name 指定用户名' : 'Name the user with --name');
  return name;
}

function roleOption({ io, values }: CommandContext): Role {
  const role = values.role as string | undefined;
  if (!role || !(ROLES as readonly string[]).includes(role))
    throw new UsageError(
      io.lang === 'zh' ? `--role 应为 ${ROLES.join('|')}:${role ?? '(未给出)'}` : `--role takes ${ROLES.join('|')}: ${role ?? '(none)'}`,
    );
  return role as Role;
}

export async function userCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  const [action] = positionals;
  if (!(ACTIONS as readonly string[]).includes(action ?? '') || positionals.length > 1)
    throw new UsageError(
      zh ? `user 之后应为 ${ACTIONS.join('|')}:${positionals.join(' ')}` : `user takes ${ACTIONS.join('|')}: ${positionals.join(' ')}`,
    );
  if (action === 'list') {
    const users = await call(ctx, 'listUsers', {});
    if (values.json) io.out(JSON.stringify(users, null, 2));
    else if (users.length === 0) io.out(zh ? '还没有用户。用 yanshou user add 添加。' : 'No users yet. Add one with yanshou user add.');
    for (const u of users)
      if (!values.json)
        io.out(
          `${u.name}  ${roleLabel(u.role, io.lang)}  ${u.scope || (zh ? '(全部)' : '(all)')}${u.disabled ? (zh ? '  已停用' : '  disabled') : ''}`,
        );
    return EXIT.ok;
  }
  const name = nameOption(ctx);
  if (action === 'add') {
    const role = roleOption(ctx);
    const scope = (values.scope as string | undefined) ?? '';
    const user = await call(ctx, 'addUser', { name, role, scope, password: await readPassword(ctx) });
    io.out(
      zh
        ? `已添加用户 ${user.name}(${roleLabel(user.role, 'zh')} ${user.scope})`
        : `Added ${user.name} (${roleLabel(user.role, 'en')} ${user.scope})`,
    );
    return EXIT.ok;
  }
  if (action === 'passwd') {
    await call(ctx, 'updateUser', { name, password: await readPassword(ctx) });
    io.out(zh ? `已更改 ${name} 的密码(其登录会话均已结束)` : `Changed the password of ${name} (their sessions have ended)`);
    return EXIT.ok;
  }
  const disabled = action === 'disable';
  await call(ctx, 'updateUser', { name, disabled });
  io.out(
    disabled
      ? zh
        ? `已停用 ${name}(其登录会话均已结束)`
        : `Disabled ${name} (their sessions have ended)`
      : zh
        ? `已启用 ${name}`
        : `Enabled ${name}`,
  );
  return EXIT.ok;
}
