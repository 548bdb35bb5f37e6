// 一、基本情况's fields as plain rules, with no React: the stored value of a field as shown, what is
// typed read as the field's value (or why not), the findings that are a field's own, and which keys
// in a locked field are an attempt to change it. CountyForm.tsx shows them;
// test/unit/renderer/county-field.test.ts tests them.
import { parseCountyField, type CountyField, type FieldValue } from '../../shared/fields';
import type { Finding } from '../../shared/findings';
import { findingMessage } from '../../shared/i18n';
import type { CountyRecord } from '../../shared/record';
import type { Said } from './said';

/** A field's stored value as shown in its box ('' when empty). */
export function valueOf(record: CountyRecord, field: CountyField): string {
  const c = record.county as unknown as Record<string, unknown>;
  const v = field.startsWith('investment.') ? (c.investment as Record<string, string>)[field.slice(11)] : c[field];
  return v === null || v === undefined ? '' : String(v);
}

/** What is typed, read as the field's value (shown as the store will keep it: 第七批 → 7), or why it cannot be (said in the language shown). */
export function readField(field: CountyField, typed: string): { ok: true; shown: string } | { ok: false; why: Said } {
  const parsed = parseCountyField(field, typed);
  if (parsed.ok) return { ok: true, shown: shown(parsed.value) };
  const params = { field: `county.${field}`, value: typed, ...(parsed.problem ? { problem: parsed.problem } : {}) };
  return { ok: false, why: (lang) => findingMessage({ severity: 'error', code: parsed.code, params }, lang) };
}
const shown = (v: FieldValue) => (v === null ? '' : String(v));

/** The findings about a field (投资 fields are named with or without their `investment.`). */
export const findingsOf = (findings: readonly Finding[], field: CountyField): Finding[] =>
  findings.filter(
    (f) =>
      f.target?.table === 'county' &&
      (f.target.field === field || `investment.${f.target.field}` === field || f.target.field === `investment.${field}`),
  );

/** Keys that only move, select or copy: allowed in a locked field. */
const READ_KEYS = new Set([
  'Tab',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Shift',
  'Control',
  'Alt',
  'Meta',
  'CapsLock',
]);

/** A key pressed in a locked field that would change it (not moving, selecting or copying): the field says why it cannot. */
export const triesToChange = (e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean =>
  !READ_KEYS.has(e.key) && !((e.ctrlKey || e.metaKey) && ['c', 'a'].includes(e.key.toLowerCase()));
