// 一、基本情况: every county field, saved when it loses focus or on Enter, findings beside it.
import { useEffect, useState } from 'react';
import { COUNTY_FIELDS, parseCountyField, type CountyField } from '../../shared/fields';
import { basicParagraph } from '../../shared/document';
import { findingMessage, type Lang } from '../../shared/i18n';
import { recordScript, type CountyRecord } from '../../shared/record';
import type { Finding } from '../../shared/findings';
import type { Strings } from './strings';

type Props = { record: CountyRecord; findings: Finding[]; lang: Lang; t: Strings; onSave: (field: CountyField, value: string) => Promise<boolean> };

export function valueOf(record: CountyRecord, field: CountyField): string {
  const c = record.county as unknown as Record<string, unknown>;
  const v = field.startsWith('investment.') ? (c.investment as Record<string, string>)[field.slice(11)] : c[field];
  return v === null || v === undefined ? '' : String(v);
}

function Field({ field, record, findings, lang, t, onSave }: Props & { field: CountyField }) {
  const stored = valueOf(record, field);
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(stored), [stored]);
  const commit = async () => {
    if (value === stored) return;
    const parsed = parseCountyField(field, value);
    if (!parsed.ok) {
      setError(findingMessage({ severity: 'error', code: parsed.code, params: { field: `county.${field}`, value, ...(parsed.problem ? { problem: parsed.problem } : {}) } }, lang));
      return;
    }
    setError(null);
    if (!(await onSave(field, value))) setValue(stored);
  };
  const mine = findings.filter((f) => f.target?.table === 'county' && (f.target.field === field || `investment.${f.target.field}` === field || f.target.field === `investment.${field}`));
  const long = field === 'statusNote';
  const props = {
    id: `county-${field}`,
    'data-field': field,
    value,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => void commit(),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && !long) (e.target as HTMLElement).blur();
      if (e.key === 'Escape') setValue(stored);
    },
    className: error ? 'invalid' : mine.length ? 'warned' : undefined,
    title: [error, ...mine.map((f) => findingMessage(f, lang))].filter(Boolean).join('\n') || undefined,
  };
  return (
    <label className={`field field-${field.replace('.', '-')}${long ? ' wide' : ''}`}>
      <span>{t.fields[field]}</span>
      {long ? <textarea rows={2} {...props} /> : <input {...props} />}
      {error ? <em className="field-error">{error}</em> : mine.map((f, i) => <em key={i} className={`field-${f.severity}`}>{findingMessage(f, lang)}</em>)}
    </label>
  );
}

export function CountyForm(props: Props) {
  return (
    <section className="county">
      <div className="fields">
        {COUNTY_FIELDS.map((field) => (
          <Field key={field} field={field} {...props} />
        ))}
      </div>
      <p className="paragraph">{basicParagraph(props.record.county, recordScript(props.record))}</p>
    </section>
  );
}
