// yanshou serve: the team workspace — the app and its contract for a province's network, every call
// authorised from the session of the person logged in (../web/serve.ts, docs/workspace.md).
import fs from 'node:fs';
import path from 'node:path';
import { lowDiskWarning } from '../services/store/database';
import { RENDERER_DIST } from '../services/paths';
import { databaseLabel } from '../services/api';
import { renderPdf } from '../services/print/pdf';
import { startServeServer } from '../web/serve';
import { EXIT, UsageError } from './output';
import { appError } from '../../shared/errors';
import type { CommandContext } from './main';
import pkg from '../../package.json' with { type: 'json' };

/** A workspace's name as users see it: its database's, never the address with its password. */
function workspaceName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'PostgreSQL';
  } catch {
    return 'PostgreSQL';
  }
}

export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { io, values } = ctx;
  const zh = io.lang === 'zh';
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(zh ? `--port 应为 0–65535 的整数:${values.port}` : `--port takes 0–65535: ${values.port}`);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  if (!fs.existsSync(`${RENDERER_DIST}/index.html`))
    throw appError(
      'not_built',
      '界面尚未构建:请先在项目中运行 npm run build(npm ci 会自动构建)',
      'The app is not built yet: run `npm run build` in the project (npm ci builds it)',
    );
  const db = ctx.open();
  // A workspace's disk is PostgreSQL's; a data file's is checked here.
  const low = 'file' in ctx.target ? lowDiskWarning(ctx.file) : null;
  if (low) io.err(low[io.lang]);
  const server = await startServeServer(
    // Users see the workspace's name, never a path on the server; a data file's backups are made beside it.
    {
      db,
      ...('pg' in ctx.target
        ? { dbFile: workspaceName(ctx.target.pg) }
        : { dbFile: ctx.file, dbLabel: path.basename(databaseLabel(ctx.file)) }),
      version: pkg.version,
      renderPdf,
    },
    { port, host, rendererDir: RENDERER_DIST },
  );
  io.out(server.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
