// A14: under a Node older than 22.12 the CLI says which Node it needs, in one line each language, and
// exits 2 — checked at its entry before the store (built for Node 22) is loaded, never a segfault.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
// @ts-expect-error — a plain .mjs module of the CLI's entry, without types
import { nodeTooOld } from '../../../electron/cli/node-version.mjs';

describe('the Node version at the CLI’s entry', () => {
  it('20.20.2 and 22.11.0 are too old, named in the message; 22.12.0, 22.20.0 and 24.1.0 will do', () => {
    expect(nodeTooOld('v20.20.2')).toBe(
      '验收台需要 Node.js 22(22.12 或更新),当前是 v20.20.2;请安装 Node.js 22 LTS 后再运行。\n' +
        'Yanshou needs Node.js 22 (22.12 or newer); this is v20.20.2: install Node.js 22 LTS and run it again.\n',
    );
    expect(nodeTooOld('v22.11.0')).toContain('当前是 v22.11.0');
    expect([nodeTooOld('v22.12.0'), nodeTooOld('v22.20.0'), nodeTooOld('v24.1.0')]).toEqual([undefined, undefined, undefined]);
  });

  // The machine's own older Node (Debian's /usr/bin/node), where there is one.
  const system = '/usr/bin/node';
  const version = fs.existsSync(system) ? spawnSync(system, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  it.skipIf(!version || !nodeTooOld(version))(
    `yanshou import under ${version || 'an older Node'}: the message and exit 2, no crash`,
    () => {
      const bin = path.resolve(__dirname, '../../../electron/cli/bin.mjs');
      const run = spawnSync(system, [bin, 'import', 'nothing.xlsx', '--dry-run'], { encoding: 'utf8' });
      expect([run.status, run.signal, run.stdout]).toEqual([2, null, '']);
      expect(run.stderr).toBe(nodeTooOld(version));
    },
  );
});
