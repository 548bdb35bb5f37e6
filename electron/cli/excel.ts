// import, export and pdf.
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerChoice, OnConflict } from '../services/excel/import';
import { finding, isDoubt, type Finding, type FindingCode } from '../../shared/findings';
import type { Figure, SheetReading } from '../../shared/doubts';
import { findChromium, noChromium } from '../services/print/pdf';
import { writeFileAtomic } from '../services/files';
import { listRecords } from '../services/store/records';
import { call } from './call';
import { printableName } from '../../shared/names';
import { findingMessage, type Lang } from '../../shared/i18n';
import type { Input, Output } from '../../shared/contract';
import { appError } from '../../shared/errors';
import { statusResetWords } from '../../shared/status';
import { EXIT, findingLine, UsageError } from './output';
import { asOfOption, selectRecord } from './records';
import type { CommandContext } from './main';

const ACTION_WORDS = {
  zh: { created: '新建', replaced: '替换', skipped: '跳过', conflict: '冲突', rejected: '未导入', held: '待确认' },
  en: { created: 'create', replaced: 'replace', skipped: 'skip', conflict: 'conflict', rejected: 'rejected', held: 'held' },
};

const LEDGER_WORDS = {
  zh: {
    kept: (n: number) => `保留原有拨付台账 ${n} 笔`,
    replaced: (n: number, f: number) => `原有拨付台账 ${n} 笔由文件中的 ${f} 笔替换`,
    removed: (n: number) => `删除原有拨付台账 ${n} 笔`,
    unchanged: () => '',
  },
  en: {
    kept: (n: number) => `its ${n} stored payment(s) kept`,
    replaced: (n: number, f: number) => `its ${n} stored payment(s) replaced by the file's ${f}`,
    removed: (n: number) => `its ${n} stored payment(s) removed`,
    unchanged: () => '',
  },
};

/** Where a unit came from, in words: 单位来自表头 C3“…”, 单位来自单位行 A2“单位：元”, 单位写在单元格文字中, 未写明单位. */
function unitFromWords(f: Figure, zh: boolean): string {
  const u = f.unitFrom;
  if (!u) return '';
  if (u.kind === 'header') return zh ? `单位来自表头 ${u.cell}“${u.text}”` : `unit from header ${u.cell} “${u.text}”`;
  if (u.kind === 'line') return zh ? `单位来自单位行 ${u.cell}“${u.text}”` : `unit from unit line ${u.cell} “${u.text}”`;
  if (u.kind === 'text') return zh ? '单位写在单元格文字中' : 'unit in the cell’s text';
  return zh ? '未写明单位' : 'no unit stated';
}

/** One figure of a doubt: the cell, what it showed, what was read, the unit and where it came from. */
function figureLine(f: Figure, zh: boolean): string {
  const unit = f.unit ? UNIT_WORDS[zh ? 'zh' : 'en'][f.unit] : '';
  // An amount is read in 万元; a rate as filed (no unit) as the percent it is.
  const read = f.read === null ? (zh ? '未读入' : 'not read') : f.unit ? `${f.read} ${zh ? '万元' : '(10k yuan)'}` : f.read;
  const from = unitFromWords(f, zh);
  return zh
    ? `    ${f.sheet} › ${f.cell}: 显示“${f.seen}”,读作 ${read}${unit ? `(按${unit}读${from ? `,${from}` : ''})` : ''}`
    : `    ${f.sheet} › ${f.cell}: shows “${f.seen}”, read as ${read}${unit ? ` (read in ${unit}${from ? `, ${from}` : ''})` : ''}`;
}

const UNIT_WORDS = {
  zh: { wan: '万元', yuan: '元', qian: '千元', yi: '亿元', mixed: '多种单位' },
  en: { wan: '10k yuan', yuan: 'yuan', qian: 'thousand yuan', yi: '100m yuan', mixed: 'several units' },
};

/** A record's amounts read in another unit than 万元: 金额单位为元 / 金额为多种单位, converted. */
function unitWords(unit: keyof typeof UNIT_WORDS.zh, zh: boolean): string {
  if (zh) return `${unit === 'mixed' ? '金额为多种单位' : `金额单位为${UNIT_WORDS.zh[unit]}`}(已换算为万元)`;
  return `amounts in ${UNIT_WORDS.en[unit]} (converted to 10k yuan)`;
}

type ImportResult = Output<'importWorkbooks'>;
type Io = CommandContext['io'];

/** The files named and the options of `yanshou import`, checked: a wrong option or an unreadable file is refused by name. */
function importInput({ io, values, positionals }: CommandContext): Input<'importWorkbooks'> {
  const zh = io.lang === 'zh';
  if (positionals.length === 0) throw new UsageError(zh ? '请给出要导入的 .xlsx 文件' : 'Name the .xlsx files to import');
  const onConflict = (values['on-conflict'] as string | undefined) ?? 'fail';
  if (!['fail', 'skip', 'replace'].includes(onConflict))
    throw new UsageError(
      zh ? `--on-conflict 只能是 fail、skip 或 replace:${onConflict}` : `--on-conflict takes fail, skip or replace: ${onConflict}`,
    );
  const files = positionals.map((p) => {
    try {
      return { name: path.basename(p), bytes: fs.readFileSync(p) };
    } catch {
      const shown = printableName(p);
      throw appError('unreadable_file', `无法读取文件 ${shown}`, `Cannot read the file ${shown}`, { file: shown });
    }
  });
  const ledger = (values.payments as string | undefined) ?? 'auto';
  if (!['auto', 'keep', 'file', 'remove'].includes(ledger))
    throw new UsageError(zh ? `--payments 只能是 keep、file 或 remove:${ledger}` : `--payments takes keep, file or remove: ${ledger}`);
  return {
    files,
    onConflict: onConflict as OnConflict,
    dryRun: values['dry-run'] === true,
    confirm: values['accept-warnings'] === true ? 'all' : [],
    ledger: ledger as LedgerChoice,
  };
}

export async function importCommand(ctx: CommandContext): Promise<number> {
  const input = importInput(ctx);
  let result: ImportResult;
  try {
    result = await call(ctx, 'importWorkbooks', input);
  } catch (e) {
    if (input.files.length > 1) return unreadableAmong(ctx, input, e);
    throw e;
  }
  if (ctx.values.json) ctx.io.out(JSON.stringify(importJson(result, input.dryRun === true, ctx.io.lang), null, 2));
  else printImport(ctx.io, result, input.dryRun === true);
  return result.ok ? EXIT.ok : EXIT.input;
}

/**
 * Several files, one of them unreadable (an .xls among .xlsx): as the app does, the others are read and
 * previewed and the unreadable ones named — but nothing is written (exit 2, cli.md). Any other refusal stands.
 */
async function unreadableAmong(ctx: CommandContext, input: Input<'importWorkbooks'>, refusal: unknown): Promise<number> {
  const preview = await call(ctx, 'importWorkbooks', { ...input, dryRun: true, skipUnreadable: true }).catch(() => undefined);
  if (!preview || preview.skippedFiles.length === 0) throw refusal;
  const zh = ctx.io.lang === 'zh';
  if (ctx.values.json) {
    const skipped = preview.skippedFiles.map((f) => ({ file: f.file, code: f.code, message: f.messages[ctx.io.lang] }));
    ctx.io.out(JSON.stringify({ ...importJson(preview, true, ctx.io.lang), ok: false, unreadable: skipped }, null, 2));
  } else {
    for (const f of preview.skippedFiles) ctx.io.err(`${f.file}: ${f.messages[ctx.io.lang]}`);
    printImport(ctx.io, preview, true);
  }
  const names = preview.skippedFiles.map((f) => f.file).join(zh ? '、' : ', ');
  ctx.io.err(
    zh
      ? `${names} 无法读取,未写入任何数据;其余文件的读取结果如上,去掉或另存为 .xlsx 后再导入`
      : `${names} cannot be read: nothing was written; the other files read as above — remove it or save it as .xlsx, then import again`,
  );
  return EXIT.usage;
}

/** `--json`: the records, the findings, the doubts and corrections when there are any, the backup (cli.md). */
function importJson(result: ImportResult, dryRun: boolean, lang: Lang) {
  // What a dry run would do: would-create, would-replace, would-skip.
  const action = (a: string) =>
    dryRun && a !== 'rejected' && a !== 'conflict' ? `would-${a === 'created' ? 'create' : a === 'replaced' ? 'replace' : 'skip'}` : a;
  return {
    ok: result.ok,
    records: result.records.map((r) => ({
      county: r.county,
      batch: r.batch,
      items: r.items,
      disbursements: r.disbursements,
      ...(r.payments ? { payments: r.payments } : {}),
      action: action(r.action),
      file: r.file,
      sheet: r.sheet,
      planned: r.planned,
      actual: r.actual,
      rate: r.rate,
      unit: r.unit,
      ignored: r.ignored,
      ...(r.changes ? { changes: r.changes } : {}),
      ...(r.ledger ? { ledger: r.ledger } : {}),
      ...(r.unconfirmed ? { unconfirmed: r.unconfirmed } : {}),
      ...(r.statusReset ? { statusReset: r.statusReset } : {}),
    })),
    findings: result.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: findingMessage(f, lang, true),
      file: f.file,
      sheet: f.sheet,
      cell: f.cell ?? null,
      ...(isDoubt(f) ? { doubt: true } : {}),
    })),
    // Only when there are any: a clean workbook prints the JSON of cli.md as before.
    ...(result.doubts.length ? { doubts: result.doubts.map((d) => doubtJson(d, lang)) } : {}),
    ...(result.readings.some((r) => r.source)
      ? {
          corrections: result.readings
            .filter((r) => r.source)
            .map((r) => ({ file: r.file, sheet: r.sheet, source: r.source, correction: r.correction })),
        }
      : {}),
    ...(result.backup ? { backup: result.backup } : {}),
  };
}

/** A doubt in `--json`: where, whether confirmed, its message, and each figure as seen and as read. */
function doubtJson(d: ImportResult['doubts'][number], lang: Lang) {
  return {
    code: d.code,
    county: d.county,
    batch: d.batch,
    file: d.file,
    sheet: d.sheet,
    cell: d.cell ?? null,
    confirmed: d.confirmed,
    message: findingMessage({ ...finding(d.code as FindingCode, d.params), cell: d.cell }, lang),
    figures: d.figures.map((f) => ({ sheet: f.sheet, cell: f.cell, seen: f.seen, read: f.read, unit: f.unit, unitFrom: f.unitFrom })),
  };
}

/** The import in words: findings (errors on stderr), doubts with their figures, corrections reused, a line per record, and what was written. */
function printImport(io: Io, result: ImportResult, dryRun: boolean) {
  const zh = io.lang === 'zh';
  const doubtIds = new Set(result.doubts.map((d) => `${d.file}\u0000${d.sheet}\u0000${d.cell ?? ''}\u0000${d.code}`));
  const isShownDoubt = (f: Finding) => isDoubt(f) && doubtIds.has(`${f.file}\u0000${f.sheet}\u0000${f.cell ?? ''}\u0000${f.code}`);
  for (const f of result.findings) if (!isShownDoubt(f)) (f.severity === 'error' ? io.err : io.out)(findingLine(f, io.lang));
  // Each doubt: where, what was seen, what was read, why — on stderr while it holds the import.
  for (const d of result.doubts) {
    const say = d.confirmed ? io.out : io.err;
    const place = [d.file, d.sheet, d.cell].filter(Boolean).join(' › ');
    const label = d.confirmed ? (zh ? '疑点(已确认)' : 'doubt (confirmed)') : zh ? '疑点' : 'doubt';
    say(
      `${label} [${d.code}] ${place}: ${d.county ? `${d.county}: ` : ''}${findingMessage(finding(d.code as FindingCode, d.params), io.lang)}`,
    );
    for (const f of d.figures) say(figureLine(f, zh));
  }
  for (const r of result.readings.filter((x) => x.source === 'remembered'))
    io.out(
      zh
        ? `${r.file} › ${r.sheet}: 套用了以前确认过的同样式表格的更正(${correctionWords(r.correction, zh)})`
        : `${r.file} › ${r.sheet}: applied the correction confirmed before for this layout (${correctionWords(r.correction, zh)})`,
    );
  // An import refused as a whole writes nothing: a county it would create or replace says so (not 新建 beside a refusal).
  for (const r of result.records) io.out(recordLine(r, io.lang, result.ok ? (dryRun ? 'dry' : null) : 'unwritten'));
  printOutcome(io, result, dryRun);
}

/** A record's line: what was done to it, where it was read, its counts and sums, its unit, cells not read, its ledger. */
function recordLine(r: ImportResult['records'][number], lang: Lang, note: 'dry' | 'unwritten' | null): string {
  const zh = lang === 'zh';
  const batch = r.batch === null ? '' : zh ? ` 第${r.batch}批` : ` batch ${r.batch}`;
  const sums =
    r.planned === null
      ? ''
      : zh
        ? `, 计划 ${r.planned} 万元, 实际 ${r.actual} 万元, 拨付率 ${r.rate ?? '—'}%`
        : `, planned ${r.planned}, disbursed ${r.actual}, rate ${r.rate ?? '—'}%`;
  const unit = r.unit && r.unit !== 'wan' ? `, ${unitWords(r.unit, zh)}` : '';
  const ignored = r.ignored ? (zh ? `, ${r.ignored} 个单元格未读入` : `, ${r.ignored} cell(s) not read`) : '';
  const ledgerWords =
    r.ledger && r.ledger.result !== 'unchanged' ? `, ${LEDGER_WORDS[lang][r.ledger.result](r.ledger.stored, r.ledger.file)}` : '';
  const counts = zh ? `${r.items} 个项目, ${r.disbursements} 行拨付` : `${r.items} items, ${r.disbursements} disbursements`;
  const payments = r.payments ? (zh ? `, 拨付台账 ${r.payments} 笔` : `, ${r.payments} ledger payments`) : '';
  const status = r.statusReset ? `, ${statusResetWords(r.statusReset.status, r.statusReset.by, lang)}` : '';
  const at = r.changes?.place;
  const place = at
    ? zh
      ? `, 地点:已有的是 ${at.before},文件中是 ${at.after}`
      : `, place: stored ${at.before}, in the file ${at.after}`
    : '';
  const unwritten = note === 'unwritten' && (r.action === 'created' || r.action === 'replaced');
  const said =
    note === 'dry'
      ? zh
        ? '(试运行)'
        : ' (dry run)'
      : unwritten
        ? zh
          ? '(未写入:本次导入有错误)'
          : ' (not written: the import has errors)'
        : '';
  return `${ACTION_WORDS[lang][r.action]}${said}: ${r.county}${batch}  ${r.file} › ${r.sheet}  ${counts}${payments}${sums}${unit}${ignored}${ledgerWords}${status}${place}`;
}

/** Whether anything was written, and why not: doubts not confirmed, errors or conflicts, a dry run; doubts written; the backup. */
function printOutcome(io: Io, result: ImportResult, dryRun: boolean) {
  const zh = io.lang === 'zh';
  const held = result.doubts.filter((d) => !d.confirmed);
  if (held.length > 0)
    io.err(
      zh
        ? `有 ${held.length} 个疑点未经确认,未写入任何数据;请核对上面的单元格,确认读得没错后加 --accept-warnings 再导入`
        : `${held.length} doubt(s) not confirmed: nothing was written; check the cells above and, if they were read right, import again with --accept-warnings`,
    );
  else if (!result.ok) io.err(zh ? '有错误或冲突,未写入任何数据' : 'Errors or conflicts: nothing was written');
  if (result.committed && result.doubts.length > 0)
    io.err(
      zh
        ? `已按 --accept-warnings 写入 ${result.doubts.length} 个疑点(已记入修改历史)`
        : `Wrote ${result.doubts.length} doubt(s) as --accept-warnings asked (logged in the history)`,
    );
  else if (dryRun) io.out(zh ? '试运行:未写入任何数据' : 'Dry run: nothing was written');
  if (result.backup) io.out(zh ? `替换前已备份到 ${result.backup}` : `Backed up to ${result.backup} before replacing`);
}

function correctionWords(c: SheetReading['correction'], zh: boolean): string {
  if (!c) return '';
  const parts: string[] = [];
  if (c.planned) parts.push(zh ? `计划安排额度在 ${c.planned} 列` : `planned in column ${c.planned}`);
  if (c.actual) parts.push(zh ? `实际拨付额度在 ${c.actual} 列` : `disbursed in column ${c.actual}`);
  for (const [col, u] of Object.entries(c.units ?? {}))
    parts.push(zh ? `${col} 列单位为${UNIT_WORDS.zh[u]}` : `column ${col} in ${UNIT_WORDS.en[u]}`);
  return parts.join(zh ? ';' : '; ');
}

function scriptOption({ io, values }: CommandContext): 'hans' | 'hant' {
  const script = (values.script as string | undefined) ?? 'hans';
  if (script !== 'hans' && script !== 'hant')
    throw new UsageError(io.lang === 'zh' ? `--script 只能是 hans 或 hant:${script}` : `--script takes hans or hant: ${script}`);
  return script;
}

export async function exportCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1 || !/\.xlsx$/i.test(positionals[0]))
    throw new UsageError(zh ? '请给出一个输出文件名,以 .xlsx 结尾' : 'Name one output file ending in .xlsx');
  const script = scriptOption(ctx);
  const db = ctx.open();
  const ids = values.county ? [selectRecord(db, ctx)] : listRecords(db, { asOf: undefined }).map((r) => r.id);
  if (ids.length === 0) throw appError('no_record', '没有可导出的记录', 'There are no records to export');
  const { bytes } = await call(ctx, 'exportWorkbook', { ids, script, asOf: asOfOption(ctx) });
  const out = positionals[0];
  writeFileAtomic(out, bytes);
  io.out(zh ? `已导出 ${ids.length} 条记录到 ${out}` : `Exported ${ids.length} record(s) to ${out}`);
  return EXIT.ok;
}

export async function pdfCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1 || !/\.pdf$/i.test(positionals[0]))
    throw new UsageError(zh ? '请给出一个输出文件名,以 .pdf 结尾' : 'Name one output file ending in .pdf');
  const script = scriptOption(ctx);
  // Say what to install before opening anything.
  if (!findChromium()) throw noChromium();
  const db = ctx.open();
  const ids = values.county ? [selectRecord(db, ctx)] : listRecords(db, { asOf: undefined }).map((r) => r.id);
  if (ids.length === 0) throw appError('no_record', '没有可打印的记录', 'There are no records to print');
  const choice = {
    script,
    signature: values['no-signature'] !== true,
    status: values.status === true,
    performance: values.performance === true,
    ledger: values.ledger === true,
  };
  const { bytes } = await call(ctx, 'exportPdf', { ids, ...choice, asOf: asOfOption(ctx) });
  const out = positionals[0];
  writeFileAtomic(out, bytes);
  io.out(zh ? `已生成 ${out}(${ids.length} 条记录)` : `Wrote ${out} (${ids.length} record(s))`);
  return EXIT.ok;
}

export async function templateCommand(ctx: CommandContext): Promise<number> {
  const { io, positionals } = ctx;
  const zh = io.lang === 'zh';
  if (positionals.length !== 1 || !/\.xlsx$/i.test(positionals[0]))
    throw new UsageError(zh ? '请给出一个输出文件名,以 .xlsx 结尾' : 'Name one output file ending in .xlsx');
  // No data file is involved: the blank workbook is made without opening one.
  const { templateWorkbook } = await import('../services/excel/template');
  writeFileAtomic(positionals[0], await templateWorkbook(scriptOption(ctx)));
  io.out(zh ? `已生成空白验收表 ${positionals[0]}` : `Wrote the blank acceptance workbook ${positionals[0]}`);
  return EXIT.ok;
}
