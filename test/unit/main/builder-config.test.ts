import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import Ajv from 'ajv';
import { ROOT } from '../../helpers/fixtures';

const require = createRequire(import.meta.url);
const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

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
    // The password hashes' Node-API binary (@node-rs/argon2 and its per-platform package), likewise.
    expect(config.asarUnpack).toContain('node_modules/@node-rs/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toBeUndefined();
    expect(fs.existsSync(path.join(ROOT, config.icon))).toBe(true);
  });

  it('packages the built app for the Electron the project installs, a supported line (≥ 43)', () => {
    expect(config.electronVersion).toBe(pkg.optionalDependencies.electron);
    expect(Number(config.electronVersion.split('.')[0])).toBeGreaterThanOrEqual(43);
    expect(pkg.main).toBe('dist/node/desktop.mjs');
    for (const built of [pkg.main, 'dist/preload/index.cjs', 'dist/renderer/index.html']) {
      expect(
        config.files.some((glob: string) => built.startsWith(glob.replace('/**', '/'))),
        built,
      ).toBe(true);
      expect(fs.existsSync(path.join(ROOT, built)), `${built} is built by npm ci`).toBe(true);
    }
  });
});

describe('the built renderer', () => {
  it("is React's production build, however the build was started (vitest runs it with NODE_ENV=test)", () => {
    const assets = path.join(ROOT, 'dist/renderer/assets');
    const scripts = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(assets, f), 'utf8'));
    expect(scripts.some((js) => js.includes('Minified React error'))).toBe(true);
    expect(scripts.some((js) => js.includes('jsxDEV'))).toBe(false);
  });
});

describe('better-sqlite3: one binary for Node and Electron', () => {
  // A Node-API addon registers through napi_register_module_v1 and links against no V8 or Node
  // ABI, so the same file loads in Node and in every Electron whose Node-API version it needs.
  // An ABI-bound (NAN) build would export node_register_module_v<ABI> instead.
  const prebuilds = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'prebuilds');
  const binaries = fs.readdirSync(prebuilds).filter((f) => f.endsWith('.node'));

  it('ships a prebuilt binary for Windows, macOS and Linux inside the npm package (no compiler, no download)', () => {
    for (const target of ['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64']) expect(binaries).toContain(`${target}.node`);
  });

  it('every one of them is a Node-API module, bound to no Node or Electron ABI', () => {
    for (const file of binaries) {
      const bytes = fs.readFileSync(path.join(prebuilds, file));
      expect(bytes.includes('napi_register_module_v1'), file).toBe(true);
      expect(/node_register_module_v\d+/.test(bytes.toString('latin1')), file).toBe(false);
    }
  });
});
