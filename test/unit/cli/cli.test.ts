import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { ROOT, referenceFixtureText, tempDir } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
export function yanshou(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, YANSHOU_LANG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('yanshou CLI', () => {
  const db = path.join(tempDir(), 'cli.sqlite');

  it('demo, then show --json prints the fixture record exactly, found by either script', () => {
    expect(yanshou(['demo', '--db', db]).code).toBe(0);
    const simplified = yanshou(['show', '--db', db, '--county', '樟树市', '--batch', '8', '--json']);
    expect(simplified.code).toBe(0);
    expect(simplified.stdout).toBe(referenceFixtureText('hans'));
    const traditional = yanshou(['show', '--db', db, '--county', '樟樹市', '--batch', '8', '--json']);
    expect(traditional.stdout).toBe(referenceFixtureText('hans'));
  });

  it('demo a second time changes nothing', () => {
    const again = yanshou(['demo', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已存在');
    expect(JSON.parse(yanshou(['list', '--db', db, '--json']).stdout)).toHaveLength(1);
  });

  it('check finds nothing on the seed', () => {
    const r = yanshou(['check', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, findings: [] });
    expect(yanshou(['check', '--db', db]).stdout).toContain('没有发现问题');
  });

  it('list --json gives totals and rate per record', () => {
    const [row] = JSON.parse(yanshou(['list', '--db', db, '--json']).stdout);
    expect(row).toMatchObject({ county: '樟树市', province: '江西省', batch: 8, year: 2021, planned: '1500', actual: '1235.96', rate: '82.40', warnings: 0 });
  });

  it('answers bad usage with exit 2 and one clear line, never a stack trace', () => {
    for (const args of [['frobnicate'], ['show', '--db', db, '--bogus'], ['show', '--db', db, '--county', '樟树市', '--batch', 'x']]) {
      const r = yanshou(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    const missing = yanshou(['show', '--db', db, '--county', '南昌县']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有找到 南昌县');
  });

  it('speaks English when asked', () => {
    const r = yanshou(['show', '--db', db, '--county', 'Nowhere', '--lang', 'en']);
    expect(r.stderr).toContain('No record for Nowhere');
  });

  it('refuses a database from a newer Yanshou, exit 2, bytes unchanged', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(db, file);
    const raw = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('journal_mode=DELETE');d.pragma('user_version=99');d.close()`], { cwd: ROOT });
    expect(raw.status).toBe(0);
    const before = fs.readFileSync(file);
    const r = yanshou(['list', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('更新版本');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
