import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import Ajv from 'ajv';
import { ROOT } from '../../helpers/fixtures';

const require = createRequire(import.meta.url);
const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('electron-builder.yml', () => {
  it('is valid against the options electron-builder accepts (its own JSON schema)', () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema itself rejects what electron-builder would reject.
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('packages what users need: NSIS in Chinese first, dmg, AppImage and deb; better-sqlite3 outside the asar', () => {
    expect(config.appId).toBe('cn.yanshou.app');
    expect(config.productName).toBe('验收台');
    expect(config.win.target[0].target).toBe('nsis');
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(fs.existsSync(path.join(ROOT, config.icon))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(config.electronVersion).toBe(pkg.optionalDependencies.electron);
    expect(config.extraResources[0].from).toBe(`dist/native/electron-${config.electronVersion}/better_sqlite3.node`);
    expect(pkg.main).toBe('dist/main/index.mjs');
  });
});
