// 一、基本情况: every county field, saved when it loses focus or on Enter, findings beside it.
// After a save the field shows the value as stored (第七批 → 7, ２，０００ → 2000); Escape puts the
// stored value back and drops the error; a value refused or not saved stays in its field with the
// reason, and the app asks before it is dropped (switching county).
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { COUNTY_FIELDS, type CountyField } from '../../shared/fields';
import { basicParagraph } from '../../shared/document';
import { findingMessage, type Lang } from '../../shared/i18n';
import { recordScript, type CountyRecord } from '../../shared/record';
import type { Finding } from '../../shared/findings';
import type { Strings } from './strings';
import { findingsOf, readField, triesToChange, valueOf } from './countyField';
import type { Said } from './said';

/** A save: null when stored, else why not. */
export type SaveCounty = (field: CountyField, value: string) => Promise<Said | null>;
type Props = {
  record: CountyRecord;
  findings: Finding[];
  lang: Lang;
  t: Strings;
  onSave: SaveCounty;
  /** Why the record cannot be changed (it is accepted): the fields are read-only and say so when typed in. */
  locked?: string | null;
};

export type CountyFormHandle = { unsaved: () => string[]; discard: () => void };

type Unsaved = Map<CountyField, string>;

/** Under a field: why it cannot be changed (typed in while locked), else why its value was refused, else its findings. */
function FieldNote({ locked, error, findings, lang }: { locked: string | null; error: Said | null; findings: Finding[]; lang: Lang }) {
  if (locked)
    return (
      <em className="field-error" role="alert">
        {locked}
      </em>
    );
  if (error) return <em className="field-error">{error(lang)}</em>;
  return (
    <>
      {findings.map((f, i) => (
        <em key={i} className={`field-${f.severity}`}>
          {findingMessage(f, lang)}
        </em>
      ))}
    </>
  );
}

function Field({
  field,
  record,
  findings,
  lang,
  t,
  onSave,
  unsaved,
  resetKey,
  locked,
}: Props & { field: CountyField; unsaved: Unsaved; resetKey: number }) {
  const stored = valueOf(record, field);
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<Said | null>(null);
  const [lockedNote, setLockedNote] = useState(false);
  useEffect(() => setLockedNote(false), [locked]);
  const tried = () => locked && setLockedNote(true);
  const place = t.basicPlace(t.fields[field]);
  const settle = (next: string, why: Said | null) => {
    setValue(next);
    setError(() => why);
    if (why) unsaved.set(field, `${place}“${next}”`);
    else unsaved.delete(field);
  };
  useEffect(() => settle(stored, null), [stored, resetKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = async () => {
    if (value === stored && !error) return;
    const read = readField(field, value);
    if (!read.ok) return settle(value, read.why);
    const typed = value;
    const why = await onSave(field, typed);
    settle(why ? typed : read.shown, why);
  };
  const mine = findingsOf(findings, field);
  const long = field === 'statusNote';
  const props = {
    id: `county-${field}`,
    'data-field': field,
    value,
    readOnly: !!locked,
    'aria-invalid': error ? true : undefined,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => {
      setLockedNote(false);
      if (!locked) void commit();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (locked && triesToChange(e)) tried();
      if (e.key === 'Enter' && !long) (e.target as HTMLElement).blur();
      if (e.key === 'Escape') settle(stored, null);
    },
    onPaste: tried,
    onDrop: (e: React.DragEvent) => {
      if (locked) {
        e.preventDefault();
        tried();
      }
    },
    className: error ? 'invalid' : mine.length ? 'warned' : undefined,
    title: [error?.(lang), ...mine.map((f) => findingMessage(f, lang))].filter(Boolean).join('\n') || undefined,
  };
  return (
    <label className={`field field-${field.replace('.', '-')}${long ? ' wide' : ''}`}>
      <span>{t.fields[field]}</span>
      {long ? <textarea rows={2} {...props} /> : <input {...props} />}
      <FieldNote locked={lockedNote ? (locked ?? null) : null} error={error} findings={mine} lang={lang} />
    </label>
  );
}

export const CountyForm = forwardRef<CountyFormHandle, Props>(function CountyForm(props, ref) {
  // What is typed and not stored, by field, kept as it changes (read when the user switches county).
  const unsaved = useRef<Unsaved>(new Map()).current;
  const [resetKey, setResetKey] = useState(0);
  useImperativeHandle(ref, () => ({
    unsaved: () => [...unsaved.values()],
    discard: () => {
      unsaved.clear();
      setResetKey((k) => k + 1);
    },
  }));
  return (
    <section className="county">
      <div className="fields">
        {COUNTY_FIELDS.map((field) => (
          <Field key={field} field={field} {...props} unsaved={unsaved} resetKey={resetKey} />
        ))}
      </div>
      <p className="paragraph">{basicParagraph(props.record.county, recordScript(props.record))}</p>
    </section>
  );
});
