// yanshou user add|list|disable|enable|passwd: accounts of a team workspace, the password from
// standard input, hashed with argon2id (checked with the hashing package itself, not our code).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verify } from '@node-rs/argon2';
import { ROOT, tempDir } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
function yanshou(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, YANSHOU_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const PASSWORD = '樟树 correct horse 2026';
const hashOf = (db: string, name: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT password_hash FROM users WHERE name = ?').pluck().get(name) as string | undefined;
  } finally {
    conn.close();
  }
};

describe('yanshou user', () => {
  it('adds an account with its role and scope, lists it, and keeps only an argon2id hash of the password', async () => {
    const db = path.join(tempDir(), 'w.sqlite');
    const added = yanshou(
      ['user', 'add', '--db', db, '--name', '樟树填报员', '--role', 'county', '--scope', '江西省/宜春市/樟树市', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('已添加用户 樟树填报员(县级填报员 江西省/宜春市/樟树市)');
    expect(
      yanshou(['user', 'add', '--db', db, '--name', '省厅', '--role', 'province', '--scope', '江西省', '--password-stdin'], PASSWORD).code,
    ).toBe(0);
    expect(yanshou(['user', 'list', '--db', db]).stdout.trim().split('\n')).toEqual([
      '樟树填报员  县级填报员  江西省/宜春市/樟树市',
      '省厅  省级验收员  江西省',
    ]);
    const [first] = JSON.parse(yanshou(['user', 'list', '--db', db, '--json']).stdout);
    expect(first).toMatchObject({ name: '樟树填报员', role: 'county', scope: '江西省/宜春市/樟树市', disabled: false });
    const hash = hashOf(db, '樟树填报员')!;
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).not.toContain(PASSWORD);
    // The line break after the password is not part of it.
    expect(await verify(hash, PASSWORD)).toBe(true);
  });

  it('refuses, writing nothing: no --password-stdin, a name taken, a role or scope that does not fit, a short password', () => {
    const db = path.join(tempDir(), 'w.sqlite');
    const add = (args: string[], input = PASSWORD) => yanshou(['user', 'add', '--db', db, ...args], input);
    const noStdin = yanshou(['user', 'add', '--db', db, '--name', '甲', '--role', 'province', '--scope', '江西省']);
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin');
    expect(add(['--name', '甲', '--role', 'province', '--scope', '江西省', '--password-stdin']).code).toBe(0);
    const twice = add(['--name', '甲', '--role', 'province', '--scope', '江西省', '--password-stdin']);
    expect([twice.code, twice.stderr.trim()]).toEqual([1, '用户 甲 已存在']);
    const role = add(['--name', '乙', '--role', 'boss', '--password-stdin']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role 应为 county|prefecture|province|admin');
    const scope = add(['--name', '乙', '--role', 'county', '--scope', '江西省', '--password-stdin']);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toContain('县级填报员的范围应写作 省/市/县');
    const short = add(['--name', '乙', '--role', 'county', '--scope', '江西省/宜春市/樟树市', '--password-stdin'], 'short');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password 至少 10 个字');
    expect(JSON.parse(yanshou(['user', 'list', '--db', db, '--json']).stdout).map((u: { name: string }) => u.name)).toEqual(['甲']);
  });

  it('disables and enables an account, and changes its password', async () => {
    const db = path.join(tempDir(), 'w.sqlite');
    yanshou(['user', 'add', '--db', db, '--name', '甲', '--role', 'prefecture', '--scope', '江西省/宜春市', '--password-stdin'], PASSWORD);
    expect(yanshou(['user', 'disable', '--db', db, '--name', '甲']).code).toBe(0);
    expect(yanshou(['user', 'list', '--db', db]).stdout).toContain('甲  市级审核员  江西省/宜春市  已停用');
    expect(yanshou(['user', 'enable', '--db', db, '--name', '甲']).code).toBe(0);
    expect(yanshou(['user', 'list', '--db', db]).stdout).not.toContain('已停用');
    expect(yanshou(['user', 'passwd', '--db', db, '--name', '甲', '--password-stdin'], 'a new pass phrase').code).toBe(0);
    expect(await verify(hashOf(db, '甲')!, 'a new pass phrase')).toBe(true);
    expect(await verify(hashOf(db, '甲')!, PASSWORD)).toBe(false);
    const nobody = yanshou(['user', 'disable', '--db', db, '--name', '乙']);
    expect([nobody.code, nobody.stderr.trim()]).toEqual([2, '没有用户 乙']);
  });
});
