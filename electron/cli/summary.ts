// yanshou summary, yanshou status: the overview's figures, and a record's review status.
import { call } from './call';
import { groupTotals, meanScore, subtotal, type GroupBy } from '../../shared/summary';
import { STATUSES, statusDay, statusLabel, type ReviewStatus } from '../../shared/status';
import { showRate } from '../../shared/money';
import { EXIT, UsageError } from './output';
import { selectRecord } from './records';
import type { CommandContext } from './main';

const GROUPS: GroupBy[] = ['province', 'batch', 'year'];

export async function summaryCommand(ctx: CommandContext): Promise<number> {
  const { io, values } = ctx;
  const zh = io.lang === 'zh';
  const by = (values.by as string | undefined) ?? 'province';
  if (!GROUPS.includes(by as GroupBy))
    throw new UsageError(zh ? `--by 只能是 province、batch 或 year:${by}` : `--by takes province, batch or year: ${by}`);
  const records = await call(ctx, 'listRecords', { asOf: undefined });
  const keyOf = (r: (typeof records)[number]) => (by === 'province' ? (r.province ?? '') : String(by === 'batch' ? r.batch : r.year));
  const numeric = by !== 'province';
  const groups = groupTotals(
    records,
    keyOf,
    numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b, 'zh-Hans-CN-u-co-pinyin'),
  );
  const total = subtotal('', records);
  // 四、绩效自评: the mean 总分 of each group's records that keep one.
  const scoreOf = (key: string | null) => meanScore(key === null ? records : records.filter((r) => keyOf(r) === key));
  if (values.json) {
    // Only where some record keeps one, so the shape of cli.md is unchanged without.
    const perf = (key: string | null) => (scoreOf(key).scored ? { performance: scoreOf(key) } : {});
    io.out(
      JSON.stringify(
        {
          groups: groups.map((g) => ({ ...g, ...perf(g.key) })),
          total: { records: total.records, planned: total.planned, actual: total.actual, rate: total.rate, ...perf(null) },
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const name = (key: string) =>
    by === 'batch'
      ? zh
        ? `第${key}批`
        : `batch ${key}`
      : by === 'year'
        ? zh
          ? `${key}年`
          : key
        : key || (zh ? '(未填省份)' : '(no province)');
  const score = (key: string | null) => {
    const s = scoreOf(key);
    return s.mean === null ? '' : `  ${zh ? `绩效平均分 ${s.mean}(${s.scored} 县)` : `mean performance score ${s.mean} (${s.scored})`}`;
  };
  const line = (label: string, g: typeof total, key: string | null) =>
    io.out(
      `${label.padEnd(12)} ${String(g.records).padStart(4)} ${zh ? '条' : 'records'}  ${zh ? '计划' : 'planned'} ${g.planned}  ${zh ? '实际' : 'disbursed'} ${g.actual}  ${zh ? '拨付率' : 'rate'} ${showRate(g.rate)}%${score(key)}`,
    );
  for (const g of groups) line(name(g.key), g, g.key);
  line(zh ? '合计' : 'Total', total, null);
  return EXIT.ok;
}

export async function statusCommand(ctx: CommandContext): Promise<number> {
  const { io, values } = ctx;
  const zh = io.lang === 'zh';
  const id = selectRecord(ctx.open(), ctx);
  const set = values.set as string | undefined;
  if (set !== undefined && !STATUSES.includes(set as ReviewStatus))
    throw new UsageError(zh ? `--set 只能是 ${STATUSES.join('、')}:${set}` : `--set takes ${STATUSES.join(', ')}: ${set}`);
  // Signed with --by, else the name set once in the app's preferences.
  const by = set ? ((values.by as string | undefined) ?? (await call(ctx, 'getPreferences', {})).name ?? '') : '';
  const info = set
    ? await call(ctx, 'setStatus', { id, status: set as ReviewStatus, by, reason: values.reason as string | undefined })
    : (await call(ctx, 'getRecord', { id, asOf: undefined })).status;
  if (values.json) io.out(JSON.stringify(info, null, 2));
  else
    io.out(
      `${statusLabel(info.status, io.lang)}${info.by ? `  ${info.by}` : ''}${info.at ? `  ${statusDay(info)}` : ''}${info.remark ? `  ${info.remark}` : ''}`,
    );
  return EXIT.ok;
}
