// What the print preview is asked to print, as plain rules with no React: the records ticked (in the
// list's order, whatever order they were ticked in), the options, and the same choices as the
// document's options (the preview) and as a request (打印, 另存为 PDF), so the two cannot differ.
// PrintPreview.tsx holds the state; test/unit/renderer/print-choices.test.ts tests these.
import type { PrintOptions } from '../../../shared/print';
import type { Script } from '../../../shared/text';
import type { RecordSummary } from '../Sidebar';

export type PrintChoices = {
  script: Script;
  /** The signature block (验收组成员签字, 日期). */
  signature: boolean;
  /** 四、绩效自评. */
  performance: boolean;
  /** The review status and acceptance date under each title (off: the official form as it is). */
  status: boolean;
  /** The disbursement ledger. */
  ledger: boolean;
};

export const INITIAL_CHOICES: PrintChoices = { script: 'hans', signature: true, performance: false, status: false, ledger: false };

/** The records first chosen: the open one, else the first of the list. */
export const firstChosen = (records: readonly RecordSummary[], current: number | null): number[] =>
  current ? [current] : records.slice(0, 1).map((r) => r.id);

/** The records to print, in the order of the list, whatever order they were ticked in. */
export const inListOrder = (records: readonly RecordSummary[], chosen: readonly number[]): number[] =>
  records.map((r) => r.id).filter((id) => chosen.includes(id));

/** The records chosen after ticking (`on`) or unticking one. */
export const ticked = (chosen: readonly number[], id: number, on: boolean): number[] =>
  on ? [...chosen, id] : chosen.filter((x) => x !== id);

/** The document's options for the preview: the review status of each record printed when asked. */
export function documentOptions(c: PrintChoices, ids: readonly number[], records: readonly RecordSummary[]): PrintOptions {
  const { status, ...rest } = c;
  return { ...rest, ...(status ? { statuses: ids.map((id) => records.find((r) => r.id === id)!.status) } : {}) };
}

/** The request of 打印 and 另存为 PDF: the records, the same choices, the day if one is chosen. */
export const printRequest = (ids: readonly number[], c: PrintChoices, asOf: string | null) => ({
  ids: [...ids],
  ...c,
  ...(asOf ? { asOf } : {}),
});
