// Before any test: bring dist/ up to date with the sources (the CLI, the web mode and the
// renderer that the end-to-end tests drive are the built ones, as users run them).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
