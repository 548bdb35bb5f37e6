// demo, show, list, check.
import { listRecords, storedCounties, type StoredCounty } from '../services/store/records';
import { namesPlace, placeName } from '../../shared/place-match';
import { findingMessage } from '../../shared/i18n';
import { basicParagraph, documentTitle, WORDING } from '../../shared/document';
import { recordScript, type CountyRecord } from '../../shared/record';
import { showRate } from '../../shared/money';
import { hasErrors, type Finding } from '../../shared/findings';
import { appError } from '../../shared/errors';
import { parseDateText } from '../../shared/fields';
import { isDay } from '../../shared/ledger';
import { EXIT, findingLine, UsageError } from './output';
import type { CommandContext } from './main';
import type { DB } from '../services/store/database';

export async function demoCommand({ io, open }: CommandContext): Promise<number> {
  const [{ addDemo }, { cliActor }] = await Promise.all([import('../services/demo'), import('../services/store/changelog')]);
  const { added } = addDemo(open(), cliActor());
  io.out(
    added
      ? io.lang === 'zh'
        ? '已添加示例记录:樟树市 第8批'
        : 'Added the demo record: 樟树市, batch 8'
      : io.lang === 'zh'
        ? '示例记录已存在(樟树市 第8批),未改动'
        : 'The demo record (樟树市, batch 8) is already there; nothing changed',
  );
  return EXIT.ok;
}

export function parseBatch(value: unknown, lang: CommandContext['io']['lang']): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(String(value).normalize('NFKC'));
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(lang === 'zh' ? `--batch 应为正整数:${value}` : `--batch takes a whole number: ${value}`);
  return n;
}

/** The records --county names: by the county's name, or by its name with its place (浙江省宁波市江北区). */
function recordsNamed(db: DB, county: string, batch: number | undefined): StoredCounty[] {
  const byName = storedCounties(db, county, batch);
  if (byName.length > 0) return byName;
  const all = db.prepare('SELECT id, batch, county_name AS name, province, prefecture FROM records ORDER BY batch').all() as StoredCounty[];
  return all.filter((r) => (batch === undefined || r.batch === batch) && namesPlace(county, { ...r, county: r.name }));
}

/** The one record named by --county/--batch (or the only record, when there is just one). */
export function selectRecord(db: DB, ctx: CommandContext): number {
  const { io, values } = ctx;
  const batch = parseBatch(values.batch, io.lang);
  const county = values.county as string | undefined;
  if (!county) {
    const all = listRecords(db, { asOf: undefined });
    if (all.length === 1) return all[0].id;
    throw new UsageError(io.lang === 'zh' ? '请用 --county 指定县名' : 'Name the county with --county');
  }
  const found = recordsNamed(db, county, batch);
  if (found.length === 0)
    throw appError(
      'no_record',
      `没有找到 ${county}${batch ? ` 第${batch}批` : ''} 的记录`,
      `No record for ${county}${batch ? `, batch ${batch}` : ''}`,
    );
  const places = found.map((f) => placeName({ ...f, county: f.name }));
  // 江北区 of 重庆市 and of 宁波市, one batch: the place tells them apart.
  if (new Set(found.map((f) => f.batch)).size < found.length)
    throw new UsageError(
      io.lang === 'zh'
        ? `${county} 有几个地方的记录(${places.join('、')}),请在 --county 中写明省、市(如 --county ${places[0]})`
        : `${county} has records of several places (${places.join(', ')}); name the province and prefecture in --county (e.g. --county ${places[0]})`,
    );
  if (found.length > 1)
    throw new UsageError(
      io.lang === 'zh'
        ? `${county} 有多批记录(${found.map((f) => f.batch).join('、')}),请用 --batch 指定`
        : `${county} has several batches (${found.map((f) => f.batch).join(', ')}); choose one with --batch`,
    );
  return found[0].id;
}

/** --as-of: the day the figures are as of (a record with a ledger), YYYY-MM-DD or 2022年6月30日. */
export function asOfOption({ io, values }: CommandContext): string | undefined {
  const given = values['as-of'] as string | undefined;
  if (given === undefined) return undefined;
  const day = parseDateText(given);
  if (!day || !isDay(day))
    throw new UsageError(
      io.lang === 'zh' ? `--as-of 应为具体到日的日期(如 2022-06-30):${given}` : `--as-of takes a day (e.g. 2022-06-30): ${given}`,
    );
  return day;
}

export async function showCommand(ctx: CommandContext): Promise<number> {
  const { call } = await import('./call');
  const { record } = await call(ctx, 'getRecord', { id: selectRecord(ctx.open(), ctx), asOf: asOfOption(ctx) });
  if (ctx.values.json) ctx.io.out(JSON.stringify(record, null, 2));
  else ctx.io.out(recordText(record));
  return EXIT.ok;
}

function recordText(record: CountyRecord): string {
  const script = recordScript(record);
  const w = WORDING[script];
  const lines = [documentTitle(record.county.name, script), '', w.basic, basicParagraph(record.county, script), '', w.items];
  lines.push(w.itemHeaders.join(' | '));
  for (const i of record.items) lines.push([i.seq, i.name, i.target, i.completion, i.completionRate ?? ''].join(' | '));
  lines.push('', w.disbursements, record.disbursementSummary, w.disbursementHeaders.join(' | '));
  for (const d of record.disbursements) lines.push([d.seq, d.name, d.planned, d.actual, showRate(d.rate)].join(' | '));
  lines.push([w.total, '', record.totals.planned, record.totals.actual, showRate(record.totals.rate)].join(' | '));
  return lines.join('\n');
}

export function listCommand(ctx: CommandContext): number {
  const rows = listRecords(ctx.open(), { asOf: undefined });
  if (ctx.values.json) {
    // cli.md: name, province, batch, year, Σplanned, Σactual, rate, warnings.
    ctx.io.out(
      JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          name: r.county,
          province: r.province,
          prefecture: r.prefecture,
          batch: r.batch,
          year: r.year,
          planned: r.planned,
          actual: r.actual,
          rate: r.rate,
          warnings: r.warnings,
        })),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const zh = ctx.io.lang === 'zh';
  if (rows.length === 0)
    ctx.io.out(
      zh
        ? '没有记录。用 yanshou demo 添加示例,或 yanshou import 导入。'
        : 'No records. Add the demo with `yanshou demo` or import with `yanshou import`.',
    );
  for (const r of rows)
    ctx.io.out(
      zh
        ? `${r.province ?? ''}${r.prefecture ?? ''} ${r.county} 第${r.batch}批 ${r.year}年  计划 ${r.planned} 万元  实际 ${r.actual} 万元  拨付率 ${showRate(r.rate)}%  警告 ${r.warnings}`
        : `${r.county} (${[r.prefecture, r.province].filter(Boolean).join(', ')}) batch ${r.batch} ${r.year}  planned ${r.planned}  disbursed ${r.actual}  rate ${showRate(r.rate)}%  warnings ${r.warnings}`,
    );
  return EXIT.ok;
}

export async function checkCommand(ctx: CommandContext): Promise<number> {
  const { call } = await import('./call');
  const db = ctx.open();
  const ids = ctx.values.county ? [selectRecord(db, ctx)] : listRecords(db, { asOf: undefined }).map((r) => r.id);
  const results: { record: CountyRecord; findings: Finding[] }[] = [];
  for (const id of ids) results.push(await call(ctx, 'getRecord', { id, asOf: undefined }));
  const all = results.flatMap((r) => r.findings);
  if (ctx.values.json) {
    ctx.io.out(
      JSON.stringify(
        {
          ok: !hasErrors(all),
          findings: results.flatMap(({ record, findings }) =>
            findings.map((f) => ({
              county: record.county.name,
              batch: record.county.batch,
              severity: f.severity,
              code: f.code,
              message: findingMessage(f, ctx.io.lang),
              ...(f.target ? { target: f.target } : {}),
            })),
          ),
        },
        null,
        2,
      ),
    );
  } else {
    for (const { record, findings } of results)
      for (const f of findings) ctx.io.out(findingLine(f, ctx.io.lang, `${record.county.name} 第${record.county.batch}批`));
    if (all.length === 0)
      ctx.io.out(
        ctx.io.lang === 'zh' ? `检查了 ${results.length} 条记录,没有发现问题` : `Checked ${results.length} record(s): no findings`,
      );
  }
  return hasErrors(all) ? EXIT.input : EXIT.ok;
}
