#!/usr/bin/env node
// The `yanshou` command: runs the CLI that `npm ci` built into dist/node (npm's prepare). Node
// keeps the compiled code in its compile cache, so a command starts in a few tens of milliseconds.
import module from 'node:module';
import fs from 'node:fs';
import { nodeTooOld } from './node-version.mjs';

const tooOld = nodeTooOld(process.version);
if (tooOld) {
  process.stderr.write(tooOld);
  process.exit(2);
}

const cli = new URL('../../dist/node/cli.mjs', import.meta.url);
if (!fs.existsSync(cli)) {
  process.stderr.write(
    '验收台尚未构建:请在项目中运行 npm run build(npm ci 会自动构建)。\nYanshou is not built yet: run `npm run build` in the project (npm ci builds it).\n',
  );
  process.exit(2);
}
module.enableCompileCache?.();
if (process.env.YANSHOU_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
