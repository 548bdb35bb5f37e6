// better-sqlite3 is compiled for one ABI. npm's build in node_modules serves Node (tests, CLI,
// web mode); Electron gets its own copy, built by scripts/native-electron.mjs into
// dist/native/electron-<version>/ (or resources/native/ when packaged), passed as nativeBinding.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function nativeBinding(versions: NodeJS.ProcessVersions = process.versions): string | undefined {
  const electron = (versions as NodeJS.ProcessVersions & { electron?: string }).electron;
  if (!electron) return undefined;
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.YANSHOU_NATIVE_BINDING,
    resources && path.join(resources, 'native', 'better_sqlite3.node'),
    path.join(ROOT, 'dist', 'native', `electron-${electron}`, 'better_sqlite3.node'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[candidates.length - 1];
}
