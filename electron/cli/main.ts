// The `yanshou` command line (../shared/spec/cli.md) over the same services as the app.
// Each command's module loads only when that command runs, so `yanshou list` never loads exceljs
// and `yanshou --version` loads nothing at all.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DB } from '../services/store/database';
import { storeTargetOf, type StoreTarget } from '../services/store/target';
import { defaultDatabaseFile } from '../services/paths';
import { langFromEnv, type Lang } from '../../shared/i18n';
import { EXIT, reportFailure, UsageError, type Io } from './output';
import pkg from '../../package.json' with { type: 'json' };

type Options = NonNullable<ParseArgsConfig['options']>;
export type CommandContext = {
  io: Io;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** The data file (--db, or the default one); '' when the command names a workspace (--pg). */
  file: string;
  target: StoreTarget;
  open: () => DB;
};
type Run = (ctx: CommandContext) => Promise<number> | number;
type Command = { options: Options; positionals?: boolean; run: () => Promise<Run> };

const COMMON: Options = {
  db: { type: 'string' },
  pg: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const records = () => import('./records');
const excel = () => import('./excel');

const COMMANDS: Record<string, Command> = {
  demo: { options: {}, run: async () => (await records()).demoCommand },
  show: {
    options: { county: { type: 'string' }, batch: { type: 'string' }, 'as-of': { type: 'string' } },
    run: async () => (await records()).showCommand,
  },
  list: { options: {}, run: async () => (await records()).listCommand },
  check: { options: { county: { type: 'string' }, batch: { type: 'string' } }, run: async () => (await records()).checkCommand },
  import: {
    options: {
      'on-conflict': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'accept-warnings': { type: 'boolean' },
      payments: { type: 'string' },
    },
    positionals: true,
    run: async () => (await excel()).importCommand,
  },
  export: {
    options: { county: { type: 'string' }, batch: { type: 'string' }, script: { type: 'string' }, 'as-of': { type: 'string' } },
    positionals: true,
    run: async () => (await excel()).exportCommand,
  },
  pdf: {
    options: {
      county: { type: 'string' },
      batch: { type: 'string' },
      script: { type: 'string' },
      'no-signature': { type: 'boolean' },
      status: { type: 'boolean' },
      performance: { type: 'boolean' },
      ledger: { type: 'boolean' },
      'as-of': { type: 'string' },
    },
    positionals: true,
    run: async () => (await excel()).pdfCommand,
  },
  template: { options: { script: { type: 'string' } }, positionals: true, run: async () => (await excel()).templateCommand },
  ledger: {
    options: {
      county: { type: 'string' },
      batch: { type: 'string' },
      line: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      payee: { type: 'string' },
      voucher: { type: 'string' },
      stage: { type: 'string' },
      note: { type: 'string' },
    },
    positionals: true,
    run: async () => (await import('./ledger')).ledgerCommand,
  },
  web: { options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } }, run: async () => (await import('./web')).webCommand },
  summary: { options: { by: { type: 'string' } }, run: async () => (await import('./summary')).summaryCommand },
  status: {
    options: {
      county: { type: 'string' },
      batch: { type: 'string' },
      set: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
    },
    run: async () => (await import('./summary')).statusCommand,
  },
  backups: { options: {}, run: async () => (await import('./backups')).backupsCommand },
  restore: { options: {}, positionals: true, run: async () => (await import('./backups')).restoreCommand },
  workspace: { options: {}, positionals: true, run: async () => (await import('./workspace')).workspaceCommand },
  user: {
    options: { name: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    positionals: true,
    run: async () => (await import('./users')).userCommand,
  },
  serve: {
    options: { port: { type: 'string' }, host: { type: 'string' } },
    run: async () => (await import('./serve')).serveCommand,
  },
};

const USAGE = {
  zh: `验收台 yanshou — 电子商务进农村综合示范县验收表

用法: yanshou <命令> [选项]
  demo                                  添加示例记录(樟树市 第8批)
  show --county 县名 [--batch N] [--as-of 日期] [--json] 显示一条记录
  list [--json]                          列出全部记录
  check [--county 县名] [--json]          检查记录
  import 文件… [--on-conflict fail|skip|replace] [--payments keep|file|remove] [--accept-warnings] [--dry-run] [--json]
                                         有疑点的记录不写入(退出码 1);--accept-warnings 核对后照样写入
  export 输出.xlsx [--county 县名 [--batch N]] [--script hans|hant] [--as-of 日期]
  pdf 输出.pdf [--county 县名 [--batch N]] [--script hans|hant] [--no-signature] [--status] [--performance] [--ledger] [--as-of 日期]
                                         --ledger:附拨付台账(截至该日;之后的拨付标明不计入)
  template 输出.xlsx [--script hans|hant]   空白验收表模板(供各县填写)
  ledger --county 县名 [--batch N] [--json]  拨付台账
  ledger add --county 县名 [--batch N] --line 序号 --date 日期 --amount 万元 [--payee 收款单位] [--voucher 凭证号] [--stage 阶段] [--note 备注]
  web [--port N] [--no-open]             在浏览器中打开应用
  summary [--by province|batch|year] [--json]  汇总:各组记录数、计划、实际、拨付率
  status --county 县名 [--batch N] [--set draft|submitted|reviewed|accepted] [--by 姓名] [--reason 理由] [--json]
                                         查看或设置审核状态(已验收的记录被锁定;未给 --by 时用应用设置中的姓名)
  backups [--json]                       列出数据文件的备份
  restore 备份文件                         恢复一个备份(先备份当前数据文件)
  workspace init --pg 地址                 在 PostgreSQL 数据库中建立或升级团队工作区
  user add --name 用户名 --role county|prefecture|province|admin [--scope 江西省/宜春市/樟树市] --password-stdin
  user list [--json] | user disable --name 用户名 | user enable --name 用户名 | user passwd --name 用户名 --password-stdin
                                         团队工作区的账户(密码从标准输入读取)
  serve [--port N] [--host 地址]          团队工作区:登录后使用,每次调用按角色与范围授权
通用选项: --db 数据文件(默认 $YANSHOU_DB 或应用的数据文件)  --pg 工作区地址(postgres://…,代替 --db)  --lang zh|en  --version`,
  en: `Yanshou — acceptance tables of e-commerce demonstration counties

Usage: yanshou <command> [options]
  demo                                  add the demo record (樟树市, batch 8)
  show --county NAME [--batch N] [--as-of DATE] [--json] show one record
  list [--json]                          list every record
  check [--county NAME] [--json]          check records
  import FILE… [--on-conflict fail|skip|replace] [--payments keep|file|remove] [--accept-warnings] [--dry-run] [--json]
                                         a record with a doubt is not written (exit 1); --accept-warnings writes it anyway
  export OUT.xlsx [--county NAME [--batch N]] [--script hans|hant] [--as-of DATE]
  pdf OUT.pdf [--county NAME [--batch N]] [--script hans|hant] [--no-signature] [--status] [--performance] [--ledger] [--as-of DATE]
                                         --ledger: the ledger of payments as an appendix (as of the day; later ones marked not counted)
  template OUT.xlsx [--script hans|hant]   a blank acceptance workbook for counties to fill in
  ledger --county NAME [--batch N] [--json]  the ledger of payments
  ledger add --county NAME [--batch N] --line SEQ --date DATE --amount WAN [--payee TEXT] [--voucher TEXT] [--stage TEXT] [--note TEXT]
  web [--port N] [--no-open]             the app in a browser
  summary [--by province|batch|year] [--json]  totals per group: records, planned, disbursed, rate
  status --county NAME [--batch N] [--set draft|submitted|reviewed|accepted] [--by NAME] [--reason TEXT] [--json]
                                         show or set the review status (an accepted record is locked; --by defaults to the name set in the app)
  backups [--json]                       list the data file's backups
  restore BACKUP                         restore a backup (backing up the current file first)
  workspace init --pg URL                create or upgrade a team workspace in a PostgreSQL database
  user add --name NAME --role county|prefecture|province|admin [--scope 江西省/宜春市/樟树市] --password-stdin
  user list [--json] | user disable --name NAME | user enable --name NAME | user passwd --name NAME --password-stdin
                                         accounts of a team workspace (the password read from standard input)
  serve [--port N] [--host ADDR]         the team workspace: log in, every call authorised by role and scope
Common options: --db PATH (default $YANSHOU_DB or the app's data file)  --pg URL (a workspace, postgres://…, instead of --db)  --lang zh|en  --version`,
};

export async function main(argv: string[], io?: Partial<Io>): Promise<number> {
  const langArg = argv.find((_, i) => argv[i - 1] === '--lang') ?? argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const lang: Lang = langArg ? langFromEnv(langArg) : langFromEnv(process.env.YANSHOU_LANG);
  const full: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), lang, ...io };
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    full.out(pkg.version);
    return EXIT.ok;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    full.out(USAGE[lang]);
    return name ? EXIT.ok : EXIT.usage;
  }
  let db: DB | undefined;
  try {
    const command = COMMANDS[name];
    if (!command) throw new UsageError(lang === 'zh' ? `未知命令:${name}` : `Unknown command: ${name}`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...COMMON, ...command.options }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message.split('\n')[0]);
    }
    if (parsed.values.help) {
      full.out(USAGE[lang]);
      return EXIT.ok;
    }
    if (!command.positionals && parsed.positionals.length > 0)
      throw new UsageError(
        lang === 'zh' ? `多余的参数:${parsed.positionals.join(' ')}` : `Unexpected argument: ${parsed.positionals.join(' ')}`,
      );
    const target = storeTargetOf(parsed.values, defaultDatabaseFile);
    const file = 'file' in target ? target.file : '';
    const [run, { openStore }] = await Promise.all([command.run(), import('../services/store/open')]);
    const open = () => (db ??= openStore(target));
    return await run({ io: full, values: parsed.values as CommandContext['values'], positionals: parsed.positionals, file, target, open });
  } catch (e) {
    return reportFailure(e, full);
  } finally {
    db?.close();
  }
}
