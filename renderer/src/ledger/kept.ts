// New payments being typed, kept while the record view is away (a look at 总览): the view saves them
// as it goes and takes them back when it shows the same record again, with the ledger tab open.
import type { Draft } from './rows';

/** A new payment with something typed in it. */
export const begun = (d: Draft) => Object.values(d.raw).some((v) => v !== '');
const kept = new Map<number, Draft[]>();

/** Keeps a record's unfinished payments (none begun: nothing kept). */
export function keepDrafts(recordId: number, drafts: readonly Draft[]): void {
  if (drafts.some(begun)) kept.set(recordId, [...drafts]);
  else kept.delete(recordId);
}

/** A record's unfinished payments kept, taken out of the keep (none: undefined). */
export function takeDrafts(recordId: number): Draft[] | undefined {
  const drafts = kept.get(recordId);
  kept.delete(recordId);
  return drafts;
}

/** How many unfinished payments are kept, over every record (to warn before the page is left). */
export const keptCount = (): number => [...kept.values()].reduce((n, d) => n + d.filter(begun).length, 0);
