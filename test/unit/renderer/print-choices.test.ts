// What the print preview prints (renderer/src/print/choices.ts) without a browser: the records in the
// list's order whatever order they were ticked in, the status of each only when asked, and the same
// choices in the preview's document and in the request of 打印 / 另存为 PDF.
import { describe, expect, it } from 'vitest';
import { documentOptions, firstChosen, INITIAL_CHOICES, inListOrder, printRequest, ticked } from '../../../renderer/src/print/choices';
import type { RecordSummary } from '../../../renderer/src/Sidebar';

const status = (s: string) => ({ status: s, by: null, at: null });
const records = [
  { id: 5, county: '樟树市', status: status('accepted') },
  { id: 2, county: '于都县', status: status('draft') },
  { id: 9, county: '乐清市', status: status('submitted') },
] as unknown as RecordSummary[];

describe('the records printed', () => {
  it('first the open one, else the first of the list, else none', () => {
    expect(firstChosen(records, 9)).toEqual([9]);
    expect(firstChosen(records, null)).toEqual([5]);
    expect(firstChosen([], null)).toEqual([]);
  });
  it('in the order of the list, whatever order they were ticked in; unticked ones go', () => {
    const chosen = ticked(ticked(ticked([], 9, true), 5, true), 2, true);
    expect(chosen).toEqual([9, 5, 2]);
    expect(inListOrder(records, chosen)).toEqual([5, 2, 9]);
    expect(inListOrder(records, ticked(chosen, 5, false))).toEqual([2, 9]);
    // A record no longer in the list is not printed.
    expect(inListOrder(records, [9, 77])).toEqual([9]);
  });
});

describe('the choices', () => {
  it('by default: simplified, with the signature block, no 绩效自评, no status, no ledger', () => {
    expect(INITIAL_CHOICES).toEqual({ script: 'hans', signature: true, performance: false, status: false, ledger: false });
  });
  it("the preview's document: each record's status, in the order printed, only when asked", () => {
    expect(documentOptions(INITIAL_CHOICES, [5, 9], records)).toEqual({
      script: 'hans',
      signature: true,
      performance: false,
      ledger: false,
    });
    const asked = documentOptions({ ...INITIAL_CHOICES, status: true, script: 'hant', ledger: true }, [9, 5], records);
    expect(asked).toEqual({
      script: 'hant',
      signature: true,
      performance: false,
      ledger: true,
      statuses: [status('submitted'), status('accepted')],
    });
  });
  it('the request of 打印 and 另存为 PDF: the same choices, the day when one is chosen', () => {
    const c = { ...INITIAL_CHOICES, performance: true, status: true };
    expect(printRequest([5], c, null)).toEqual({
      ids: [5],
      script: 'hans',
      signature: true,
      performance: true,
      status: true,
      ledger: false,
    });
    expect(printRequest([5, 9], c, '2022-01-01')).toMatchObject({ ids: [5, 9], asOf: '2022-01-01' });
  });
});
