// Where the desktop app keeps its data (the CLI and the web mode default to the same file), and
// where the built renderer is.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project (or the packaged app): the sources and dist/ alike sit two folders below it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(PROJECT_ROOT, 'dist/renderer');

export const APP_FOLDER = 'Yanshou';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER);
}

export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.YANSHOU_DB || path.join(userDataDir(env), 'yanshou.sqlite');
}
