// 四、绩效自评 in the store: its part and its indicators, read with the record and written only
// through mutate(), so the change log, undo and redo, and the lock of an accepted record cover them.
import type { EditAction } from '../../../shared/steps';
import { appError } from '../../../shared/errors';
import { draftIndicators } from '../../../shared/performance-rules';
import { emptyPerformance, type Indicator, type PerformanceInput } from '../../../shared/performance';
import { parseIndicatorField, parsePerformanceField, performanceFieldLabel } from '../../../shared/performance-fields';
import {
  assertRowsUnchangedSince,
  assertUnchangedSince,
  mutate,
  statement,
  type Actor,
  type Changes,
  type Row,
  type SeenCell,
} from './changelog';
import { fromColumn, toColumn, type Value } from './columns';
import {
  INDICATOR_COLUMNS,
  INDICATOR_FIELDS,
  PERFORMANCE_COLUMNS,
  PERFORMANCE_FIELDS,
  type IndicatorField,
  type PerformanceField,
} from './performance-columns';
import type { DB } from './database';

export type StoredPerformance = { input: PerformanceInput; indicatorIds: number[] };

/** A part's row and its indicators' rows → the input the record computes from. */
export function performanceOf(part: Row | undefined, indicators: Row[]): StoredPerformance | undefined {
  if (!part) return undefined;
  const v = (field: PerformanceField) => fromColumn(PERFORMANCE_COLUMNS[field], part[PERFORMANCE_COLUMNS[field].column]) as string | null;
  const row = (prefix: string) => ({
    initial: v(`${prefix}.initial` as PerformanceField),
    budget: v(`${prefix}.budget` as PerformanceField),
    executed: v(`${prefix}.executed` as PerformanceField),
  });
  const statedRate = v('funds.statedRate');
  const statedScore = v('funds.statedScore');
  const statedTotal = v('statedTotal');
  const input: PerformanceInput = {
    funds: {
      ...row('funds'),
      weight: v('funds.weight')!,
      ...(statedRate !== null ? { statedRate } : {}),
      ...(statedScore !== null ? { statedScore } : {}),
      current: row('funds.current'),
      carryover: row('funds.carryover'),
      other: row('funds.other'),
    },
    goals: { expected: v('goals.expected') ?? '', achieved: v('goals.achieved') ?? '' },
    weights: { output: v('weights.output')!, outcome: v('weights.outcome')!, satisfaction: v('weights.satisfaction')! },
    indicators: indicators.map((r) => Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, r[INDICATOR_COLUMNS[f].column]])) as Indicator),
    ...(statedTotal !== null ? { statedTotal } : {}),
  };
  return { input, indicatorIds: indicators.map((r) => Number(r.id)) };
}

export function readPerformance(db: DB, recordId: number): StoredPerformance | undefined {
  const part = statement(db, 'SELECT * FROM performance WHERE record_id = ?').get(recordId) as Row | undefined;
  const indicators = statement(db, 'SELECT * FROM performance_indicators WHERE record_id = ? ORDER BY position, id').all(recordId) as Row[];
  return performanceOf(part, indicators);
}

/** Every record's part and indicators in two queries (the overview lists a thousand records). */
export function allPerformance(db: DB): Map<number, StoredPerformance> {
  const parts = db.prepare('SELECT * FROM performance').all() as Row[];
  const byRecord = new Map<number, Row[]>();
  for (const r of db.prepare('SELECT * FROM performance_indicators ORDER BY record_id, position, id').all() as Row[]) {
    const list = byRecord.get(Number(r.record_id)) ?? [];
    list.push(r);
    byRecord.set(Number(r.record_id), list);
  }
  return new Map(parts.map((p) => [Number(p.record_id), performanceOf(p, byRecord.get(Number(p.record_id)) ?? [])!]));
}

function partRow(input: PerformanceInput): Row {
  const f = input.funds;
  const values: Record<PerformanceField, Value> = {
    'funds.initial': f.initial,
    'funds.budget': f.budget,
    'funds.executed': f.executed,
    'funds.weight': f.weight,
    'funds.statedRate': f.statedRate ?? null,
    'funds.statedScore': f.statedScore ?? null,
    'funds.current.initial': f.current.initial,
    'funds.current.budget': f.current.budget,
    'funds.current.executed': f.current.executed,
    'funds.carryover.initial': f.carryover.initial,
    'funds.carryover.budget': f.carryover.budget,
    'funds.carryover.executed': f.carryover.executed,
    'funds.other.initial': f.other.initial,
    'funds.other.budget': f.other.budget,
    'funds.other.executed': f.other.executed,
    'goals.expected': input.goals.expected,
    'goals.achieved': input.goals.achieved,
    'weights.output': input.weights.output,
    'weights.outcome': input.weights.outcome,
    'weights.satisfaction': input.weights.satisfaction,
    statedTotal: input.statedTotal ?? null,
  };
  const row: Row = {};
  for (const field of PERFORMANCE_FIELDS) row[PERFORMANCE_COLUMNS[field].column] = toColumn(PERFORMANCE_COLUMNS[field], values[field]);
  return row;
}
const indicatorRow = (i: Indicator): Row => Object.fromEntries(INDICATOR_FIELDS.map((f) => [INDICATOR_COLUMNS[f].column, i[f]]));

/** Writes a whole performance part inside a step (create, import, the demo). */
export function insertPerformance(changes: Changes, recordId: number, input: PerformanceInput): void {
  changes.insert('performance', { ...partRow(input), record_id: recordId });
  input.indicators.forEach((ind, i) =>
    changes.insert('performance_indicators', { ...indicatorRow(ind), record_id: recordId, position: i + 1 }),
  );
}

/** Removes a record's performance part inside a step (indicators first, so undo restores the part first). */
export function removePerformance(db: DB, changes: Changes, recordId: number): void {
  for (const id of db.prepare('SELECT id FROM performance_indicators WHERE record_id = ?').pluck().all(recordId) as number[])
    changes.remove('performance_indicators', id);
  const part = db.prepare('SELECT id FROM performance WHERE record_id = ?').pluck().get(recordId) as number | undefined;
  if (part !== undefined) changes.remove('performance', part);
}

function countyOf(db: DB, recordId: number): string {
  const name = db.prepare('SELECT county_name FROM records WHERE id = ?').pluck().get(recordId) as string | undefined;
  if (name === undefined) throw appError('no_record', `记录 #${recordId} 不存在`, `Record #${recordId} does not exist`);
  return name;
}

function refused(field: string, value: unknown, problem: { problem: string; problemEn: string }, row?: number) {
  const where = row === undefined ? ['绩效自评 ', 'performance: '] : [`绩效指标第 ${row} 行 `, `indicator row ${row}, `];
  const shown = value === null || value === undefined ? '' : String(value).slice(0, 60);
  return appError(
    'invalid_input',
    `${where[0]}${performanceFieldLabel(field, 'zh')}“${shown}”${problem.problem}`,
    `${where[1]}${performanceFieldLabel(field, 'en')} “${shown}” ${problem.problemEn}`,
    { field: `performance.${field}` },
    { table: 'performance', ...(row !== undefined ? { row } : {}), field },
  );
}

/** The part's row id, made (default weights, money following the record) inside this step when there is none. */
function ensurePart(db: DB, changes: Changes, recordId: number): number {
  const id = db.prepare('SELECT id FROM performance WHERE record_id = ?').pluck().get(recordId) as number | undefined;
  if (id !== undefined) return id;
  return changes.insert('performance', { ...partRow(emptyPerformance()), record_id: recordId });
}

/** A field of the part as the page names it: "绩效自评 全年执行数". */
const seenLabel = (field: string) => ({
  zh: `绩效自评 ${performanceFieldLabel(field, 'zh')}`,
  en: `Performance, ${performanceFieldLabel(field, 'en')}`,
});

/** An indicator's cell (or, with no field, the whole row) as the grid shows it: "绩效指标第 2 行 实际完成值". */
function seenIndicator(ids: number[], rowId: number, field: IndicatorField | null): SeenCell {
  const row = ids.indexOf(rowId) + 1;
  const where = row === 0 ? { zh: '该绩效指标', en: 'That indicator' } : { zh: `绩效指标第 ${row} 行`, en: `Indicator row ${row}` };
  if (field === null) return { table: 'performance_indicators', rowId, column: null, label: where };
  const label = { zh: `${where.zh} ${performanceFieldLabel(field, 'zh')}`, en: `${where.en}, ${performanceFieldLabel(field, 'en')}` };
  return { table: 'performance_indicators', rowId, column: INDICATOR_COLUMNS[field].column, label };
}

export type PerformanceEdit = { field: PerformanceField; value: string | number | null };
export type IndicatorEdit = { rowId: number; field: IndicatorField; value: string | number | null };

/** Fields of the part (money, goals, weights, stated values), as one step; the part is made if needed. */
export function editPerformance(db: DB, actor: Actor, recordId: number, edits: PerformanceEdit[], seen?: number): void {
  const county = countyOf(db, recordId);
  const single = edits.length === 1 ? edits[0] : null;
  mutate(
    db,
    actor,
    {
      action: 'edit',
      recordId,
      detail: { county, table: 'performance', ...(single ? { field: `performance.${single.field}` } : { columns: edits.length }) },
    },
    (changes) => {
      const part = db.prepare('SELECT id FROM performance WHERE record_id = ?').pluck().get(recordId) as number | undefined;
      if (part !== undefined)
        assertUnchangedSince(
          db,
          actor,
          seen,
          edits.map((e) => ({ table: 'performance', rowId: part, column: PERFORMANCE_COLUMNS[e.field].column, label: seenLabel(e.field) })),
        );
      const fields: Row = {};
      for (const e of edits) {
        const parsed = parsePerformanceField(e.field, e.value);
        if (!parsed.ok) throw refused(e.field, e.value, parsed);
        const mapping = PERFORMANCE_COLUMNS[e.field];
        fields[mapping.column] = toColumn(mapping, parsed.value);
      }
      changes.update('performance', ensurePart(db, changes, recordId), fields);
    },
  );
}

const indicatorIdsOf = (db: DB, recordId: number) =>
  db.prepare('SELECT id FROM performance_indicators WHERE record_id = ? ORDER BY position, id').pluck().all(recordId) as number[];

function parsedIndicator(values: Partial<Record<IndicatorField, string | number | null>>, row: number, base: Row): Row {
  const out: Row = { ...base };
  for (const [field, raw] of Object.entries(values) as [IndicatorField, string | number | null][]) {
    if (!INDICATOR_FIELDS.includes(field)) continue;
    const parsed = parseIndicatorField(field, raw);
    if (!parsed.ok) throw refused(field, raw, parsed, row);
    out[INDICATOR_COLUMNS[field].column] = parsed.value;
  }
  return out;
}

const BLANK_INDICATOR: Indicator = {
  level1: 'output',
  level2: '',
  name: '',
  target: '',
  actual: '',
  weight: null,
  score: null,
  deviation: '',
};

/** Indicator cells typed or pasted, and rows added, as one step (the part is made if needed). */
export function editIndicators(
  db: DB,
  actor: Actor,
  recordId: number,
  edits: IndicatorEdit[],
  append: Partial<Record<IndicatorField, string | number | null>>[],
  action: EditAction = 'edit',
  seen?: number,
): number[] {
  const county = countyOf(db, recordId);
  const single = edits.length === 1 && append.length === 0 ? edits[0] : null;
  return mutate(
    db,
    actor,
    { action, recordId, detail: { county, table: 'performance', rows: new Set(edits.map((e) => e.rowId)).size + append.length } },
    (changes) => {
      ensurePart(db, changes, recordId);
      const ids = indicatorIdsOf(db, recordId);
      assertUnchangedSince(
        db,
        actor,
        seen,
        edits.map((e) => seenIndicator(ids, e.rowId, e.field)),
      );
      const updates = new Map<number, Row>();
      for (const e of edits) {
        const row = ids.indexOf(e.rowId) + 1;
        if (row === 0) throw appError('no_row', `该行已不存在(#${e.rowId})`, `That row no longer exists (#${e.rowId})`);
        updates.set(e.rowId, parsedIndicator({ [e.field]: e.value }, row, updates.get(e.rowId) ?? {}));
      }
      if (single)
        changes.describe({ county, table: 'performance', row: ids.indexOf(single.rowId) + 1, field: `performance.${single.field}` });
      for (const [id, fields] of updates) changes.update('performance_indicators', id, fields);
      let position = Number(
        db.prepare('SELECT coalesce(max(position), 0) FROM performance_indicators WHERE record_id = ?').pluck().get(recordId),
      );
      return append.map((values, n) => {
        const base = { ...indicatorRow(BLANK_INDICATOR), record_id: recordId, position: ++position };
        return changes.insert('performance_indicators', parsedIndicator(values, ids.length + n + 1, base));
      });
    },
  );
}

/** Blank indicator rows inserted before `index` (of the 一级指标 of the row above, else 产出指标). */
export function insertIndicators(db: DB, actor: Actor, recordId: number, index: number, count: number, seen?: number): number[] {
  const county = countyOf(db, recordId);
  return mutate(
    db,
    actor,
    { action: 'insert rows', recordId, detail: { county, table: 'performance', ...(count === 1 ? { row: index + 1 } : { rows: count }) } },
    (changes) => {
      assertRowsUnchangedSince(db, actor, seen, recordId, 'performance_indicators', {
        zh: '绩效指标的行(行数或次序)',
        en: 'The rows of the indicators (their number or order)',
      });
      ensurePart(db, changes, recordId);
      const rows = db
        .prepare('SELECT id, position, level1 FROM performance_indicators WHERE record_id = ? ORDER BY position, id')
        .all(recordId) as { id: number; position: number; level1: string }[];
      const before = rows[index - 1]?.position ?? 0;
      const after = rows[index]?.position ?? before + count + 1;
      const step = (after - before) / (count + 1);
      const level1 = rows[index - 1]?.level1 ?? rows[index]?.level1 ?? 'output';
      return Array.from({ length: count }, (_, k) =>
        changes.insert('performance_indicators', {
          ...indicatorRow({ ...BLANK_INDICATOR, level1: level1 as Indicator['level1'] }),
          record_id: recordId,
          position: before + step * (k + 1),
        }),
      );
    },
  );
}

export function deleteIndicators(db: DB, actor: Actor, recordId: number, rowIds: number[], seen?: number): void {
  const county = countyOf(db, recordId);
  const unique = [...new Set(rowIds)];
  mutate(db, actor, { action: 'delete rows', recordId, detail: { county, table: 'performance', rows: unique.length } }, (changes) => {
    const mine = indicatorIdsOf(db, recordId);
    assertUnchangedSince(
      db,
      actor,
      seen,
      unique.map((id) => seenIndicator(mine, id, null)),
    );
    for (const id of unique) {
      if (!mine.includes(id)) throw appError('no_row', `该行已不存在(#${id})`, `That row no longer exists (#${id})`);
      changes.remove('performance_indicators', id);
    }
  });
}

/**
 * Starts (or adds to) a record's performance part: the money follows the record, the weights are the
 * defaults, and with `draft` every quantity table 二 states becomes a 产出指标 / 数量指标 row for the
 * person to confirm. One step; returns the ids of the rows added.
 */
/** Drafting the indicators once more (a second window, a double click) would list each of them twice: refused. */
function assertNotDrafted(db: DB, recordId: number, county: string): void {
  const count = Number(db.prepare('SELECT count(*) FROM performance_indicators WHERE record_id = ?').pluck().get(recordId));
  if (count === 0) return;
  throw appError(
    'conflict',
    `${county} 的绩效自评已有 ${count} 项指标(也许是另一个窗口刚起草的),没有再起草一遍。请在表中修改或添加指标。`,
    `The performance evaluation of ${county} has ${count} indicators already (another window may just have drafted them); they were not drafted again. Edit or add indicators in the table.`,
    { field: 'performance' },
  );
}

export function draftPerformance(db: DB, actor: Actor, recordId: number, options: { draft: boolean }): number[] {
  const county = countyOf(db, recordId);
  return mutate(db, actor, { action: 'draft performance', recordId, detail: { county, table: 'performance' } }, (changes) => {
    const partId = ensurePart(db, changes, recordId);
    if (!options.draft) return [];
    assertNotDrafted(db, recordId, county);
    const items = db.prepare('SELECT name, target, completion FROM items WHERE record_id = ? ORDER BY position, id').all(recordId) as {
      name: string;
      target: string;
      completion: string;
    }[];
    const outputWeight = String(db.prepare('SELECT weight_output FROM performance WHERE id = ?').pluck().get(partId));
    let position = Number(
      db.prepare('SELECT coalesce(max(position), 0) FROM performance_indicators WHERE record_id = ?').pluck().get(recordId),
    );
    return draftIndicators(items, outputWeight).map((d) =>
      changes.insert('performance_indicators', { ...indicatorRow(d), record_id: recordId, position: ++position }),
    );
  });
}
