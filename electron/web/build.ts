// The renderer is built by Vite into dist/renderer; rebuilt only when its sources are newer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(PROJECT_ROOT, 'dist/renderer');

function newest(dir: string): number {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export function rendererIsStale(): boolean {
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = ['renderer', 'shared'].map((d) => path.join(PROJECT_ROOT, d)).filter((d) => fs.existsSync(d));
  return Math.max(...sources.map(newest), fs.statSync(path.join(PROJECT_ROOT, 'renderer/vite.config.ts')).mtimeMs) > fs.statSync(index).mtimeMs;
}

export async function buildRenderer(log: (line: string) => void = () => {}): Promise<void> {
  if (!rendererIsStale()) return;
  log('正在构建界面… / Building the app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(PROJECT_ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
