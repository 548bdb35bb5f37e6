// The demo record: the seed document (樟树市, batch 8) as a canonical record.
import seed from '../../shared/demo/zhangshu-2021.json' with { type: 'json' };
import { type RecordInput } from '../../shared/record';
import { recordInputSchema } from '../../shared/schema';
import { emptyPerformance } from '../../shared/performance';
import { createRecord, sameCountyRecords } from './store/records';
import type { DB } from './store/database';
import type { Actor } from './store/changelog';

export const demoRecord = (): RecordInput => recordInputSchema.parse(seed);

/** Adds the demo record unless it is there already; returns its id and whether it was added. */
export function addDemo(db: DB, actor: Actor): { id: number; added: boolean } {
  const input = demoRecord();
  const existing = sameCountyRecords(db, input.county)[0];
  if (existing) return { id: existing.id, added: false };
  // Its 四、绩效自评 starts with the money, which follows the record: 1500 budgeted, 1235.96 executed.
  return { id: createRecord(db, actor, { ...input, performance: emptyPerformance() }, 'demo'), added: true };
}
