// yanshou web: the app in a browser, on 127.0.0.1 only.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { lowDiskWarning, openDatabase } from '../services/store/database';
import { RENDERER_DIST } from '../services/paths';
import { addDemo } from '../services/demo';
import { cliActor } from '../services/store/changelog';
import { startWebServer } from '../web/server';
import { databaseLabel } from '../services/api';
import { renderPdf } from '../services/print/pdf';
import { EXIT, UsageError } from './output';
import { appError } from '../../shared/errors';
import type { CommandContext } from './main';
import pkg from '../../package.json' with { type: 'json' };

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open: the printed address is enough.
  }
}

export async function webCommand(ctx: CommandContext): Promise<number> {
  const { io, values } = ctx;
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(io.lang === 'zh' ? `--port 应为 0–65535 的整数:${values.port}` : `--port takes 0–65535: ${values.port}`);
  if ('pg' in ctx.target)
    throw new UsageError(
      io.lang === 'zh'
        ? 'web 打开本机的数据文件;工作区请用 yanshou serve --pg 地址'
        : 'web opens a data file on this machine; for a workspace use yanshou serve --pg URL',
    );
  const { file } = ctx;
  const isDefault = values.db === undefined && !process.env.YANSHOU_DB;
  const isNew = !fs.existsSync(file);
  if (!fs.existsSync(`${RENDERER_DIST}/index.html`))
    throw appError(
      'not_built',
      '界面尚未构建:请先在项目中运行 npm run build(npm ci 会自动构建)',
      'The app is not built yet: run `npm run build` in the project (npm ci builds it)',
    );
  const db = openDatabase(file);
  const low = lowDiskWarning(file);
  if (low) io.err(low[io.lang]);
  // A newcomer's first start shows real content: the demo record in a new default database.
  if (isDefault && isNew) addDemo(db, cliActor());
  const server = await startWebServer(
    { db, dbFile: databaseLabel(file), version: pkg.version, renderPdf },
    { port, rendererDir: RENDERER_DIST, heavyOffThread: true },
  );
  io.out(server.url);
  if (!values['no-open']) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  db.close();
  return EXIT.ok;
}
