// import, export and pdf.
import fs from 'node:fs';
import path from 'node:path';
import { importWorkbooks, type OnConflict } from '../services/excel/import';
import { exportWorkbook } from '../services/excel/export';
import { findChromium, noChromium, renderPdf } from '../services/print/pdf';
import { writeFileAtomic } from '../services/files';
import { cliActor } from '../services/store/changelog';
import { readStatus } from '../services/store/status';
import { printHtml } from '../../shared/print';
import { listRecords, readRecord } from '../services/store/records';
import { findingMessage } from '../../shared/i18n';
import { appError } from '../../shared/errors';
import { EXIT, findingLine, UsageError } from './output';
import { asOfOption, selectRecord } from './records';
import type { CommandContext } from './main';

const ACTION_WORDS = {
  zh: { created: '新建', replaced: '替换', skipped: '跳过', conflict: '冲突', rejected: '未导入' },
  en: { created: 'create', replaced: 'replace', skipped: 'skip', conflict: 'conflict', rejected: 'rejected' },
};

const UNIT_WORDS = {
  zh: { wan: '万元', yuan: '元', qian: '千元', yi: '亿元', mixed: '元和万元' },
  en: { wan: '10k yuan', yuan: 'yuan', qian: 'thousand yuan', yi: '100m yuan', mixed: 'yuan and 10k yuan' },
};

export async function importCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length === 0) throw new UsageError(zh ? '请给出要导入的 .xlsx 文件' : 'Name the .xlsx files to import');
  const onConflict = (values['on-conflict'] as string | undefined) ?? 'fail';
  if (!['fail', 'skip', 'replace'].includes(onConflict)) throw new UsageError(zh ? `--on-conflict 只能是 fail、skip 或 replace:${onConflict}` : `--on-conflict takes fail, skip or replace: ${onConflict}`);
  const files = positionals.map((p) => {
    try {
      return { name: path.basename(p), bytes: fs.readFileSync(p) };
    } catch {
      throw appError('unreadable_file', `无法读取文件 ${p}`, `Cannot read the file ${p}`, { file: p });
    }
  });
  const dryRun = values['dry-run'] === true;
  const db = ctx.open();
  const file = db.name;
  const result = await importWorkbooks(db, cliActor(), file, files, { onConflict: onConflict as OnConflict, dryRun });
  const action = (a: string) => (dryRun && a !== 'rejected' && a !== 'conflict' ? `would-${a === 'created' ? 'create' : a === 'replaced' ? 'replace' : 'skip'}` : a);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          ok: result.ok,
          records: result.records.map((r) => ({
            county: r.county, batch: r.batch, items: r.items, disbursements: r.disbursements, ...(r.payments ? { payments: r.payments } : {}), action: action(r.action), file: r.file, sheet: r.sheet,
            planned: r.planned, actual: r.actual, rate: r.rate, unit: r.unit, ignored: r.ignored, ...(r.changes ? { changes: r.changes } : {}),
          })),
          findings: result.findings.map((f) => ({ severity: f.severity, code: f.code, message: findingMessage(f, io.lang, true), file: f.file, sheet: f.sheet, cell: f.cell ?? null })),
          ...(result.backup ? { backup: result.backup } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    for (const f of result.findings) (f.severity === 'error' ? io.err : io.out)(findingLine(f, io.lang));
    for (const r of result.records) {
      const batch = r.batch === null ? '' : zh ? ` 第${r.batch}批` : ` batch ${r.batch}`;
      const sums = r.planned === null ? '' : zh ? `, 计划 ${r.planned} 万元, 实际 ${r.actual} 万元, 拨付率 ${r.rate ?? '—'}%` : `, planned ${r.planned}, disbursed ${r.actual}, rate ${r.rate ?? '—'}%`;
      const unit = r.unit && r.unit !== 'wan' ? (zh ? `, 金额单位${UNIT_WORDS.zh[r.unit]}(已换算为万元)` : `, amounts in ${UNIT_WORDS.en[r.unit]} (converted)`) : '';
      const ignored = r.ignored ? (zh ? `, ${r.ignored} 个单元格未读入` : `, ${r.ignored} cell(s) not read`) : '';
      io.out(`${ACTION_WORDS[io.lang][r.action]}${dryRun && result.ok ? (zh ? '(试运行)' : ' (dry run)') : ''}: ${r.county}${batch}  ${r.file} › ${r.sheet}  ${zh ? `${r.items} 个项目, ${r.disbursements} 行拨付` : `${r.items} items, ${r.disbursements} disbursements`}${r.payments ? (zh ? `, 拨付台账 ${r.payments} 笔` : `, ${r.payments} ledger payments`) : ''}${sums}${unit}${ignored}`);
    }
    if (!result.ok) io.err(zh ? '有错误或冲突,未写入任何数据' : 'Errors or conflicts: nothing was written');
    else if (dryRun) io.out(zh ? '试运行:未写入任何数据' : 'Dry run: nothing was written');
    if (result.backup) io.out(zh ? `替换前已备份到 ${result.backup}` : `Backed up to ${result.backup} before replacing`);
  }
  return result.ok ? EXIT.ok : EXIT.input;
}

function scriptOption({ io, values }: CommandContext): 'hans' | 'hant' {
  const script = (values.script as string | undefined) ?? 'hans';
  if (script !== 'hans' && script !== 'hant') throw new UsageError(io.lang === 'zh' ? `--script 只能是 hans 或 hant:${script}` : `--script takes hans or hant: ${script}`);
  return script;
}

export async function exportCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1 || !/\.xlsx$/i.test(positionals[0])) throw new UsageError(zh ? '请给出一个输出文件名,以 .xlsx 结尾' : 'Name one output file ending in .xlsx');
  const script = scriptOption(ctx);
  const db = ctx.open();
  const ids = values.county ? [selectRecord(db, ctx)] : listRecords(db).map((r) => r.id);
  if (ids.length === 0) throw appError('no_record', '没有可导出的记录', 'There are no records to export');
  const asOf = asOfOption(ctx);
  const bytes = await exportWorkbook(ids.map((id) => readRecord(db, id, { asOf }).record), script);
  const out = positionals[0];
  writeFileAtomic(out, bytes);
  io.out(zh ? `已导出 ${ids.length} 条记录到 ${out}` : `Exported ${ids.length} record(s) to ${out}`);
  return EXIT.ok;
}

export async function pdfCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1 || !/\.pdf$/i.test(positionals[0])) throw new UsageError(zh ? '请给出一个输出文件名,以 .pdf 结尾' : 'Name one output file ending in .pdf');
  const script = scriptOption(ctx);
  // Say what to install before opening anything.
  if (!findChromium()) throw noChromium();
  const db = ctx.open();
  const ids = values.county ? [selectRecord(db, ctx)] : listRecords(db).map((r) => r.id);
  if (ids.length === 0) throw appError('no_record', '没有可打印的记录', 'There are no records to print');
  const asOf = asOfOption(ctx);
  const statuses = values.status === true ? { statuses: ids.map((id) => readStatus(db, id)) } : {};
  const html = printHtml(ids.map((id) => readRecord(db, id, { asOf }).record), { script, signature: values['no-signature'] !== true, performance: values.performance === true, ...statuses });
  const bytes = await renderPdf(html);
  const out = positionals[0];
  writeFileAtomic(out, bytes);
  io.out(zh ? `已生成 ${out}(${ids.length} 条记录)` : `Wrote ${out} (${ids.length} record(s))`);
  return EXIT.ok;
}

export async function templateCommand(ctx: CommandContext): Promise<number> {
  const { io, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1 || !/\.xlsx$/i.test(positionals[0])) throw new UsageError(zh ? '请给出一个输出文件名,以 .xlsx 结尾' : 'Name one output file ending in .xlsx');
  const { templateWorkbook } = await import('../services/excel/template');
  writeFileAtomic(positionals[0], await templateWorkbook(scriptOption(ctx)));
  io.out(zh ? `已生成空白验收表 ${positionals[0]}` : `Wrote the blank acceptance workbook ${positionals[0]}`);
  return EXIT.ok;
}
