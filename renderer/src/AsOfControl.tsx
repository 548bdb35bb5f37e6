// 数字截至: the day the record's figures are as of. Typed as a day (2022-01-01, 2022年1月1日, 2022/1/1)
// and kept on Enter or when the field is left; 验收日 and 今天 set it at once. A record without a
// ledger has the same figures whatever the day: the field says so and is not editable.
import { useEffect, useState } from 'react';
import { parseDateText } from '../../shared/fields';
import { defaultAsOf, isDay, lastDayOf, today } from '../../shared/ledger';
import type { CountyRecord } from '../../shared/record';
import type { Strings } from './strings';

type Props = {
  record: CountyRecord;
  /** The day chosen here; null: the record's own (its 验收日期, else today). */
  asOf: string | null;
  t: Strings;
  onChange: (day: string | null) => void;
};

export function AsOfControl({ record, asOf, t, onChange }: Props) {
  const accepted = record.county.acceptedOn ? lastDayOf(record.county.acceptedOn) : null;
  const day = record.asOf ?? asOf ?? defaultAsOf(record.county.acceptedOn);
  const ledger = !!record.payments?.length;
  const [text, setText] = useState(day);
  // What was typed that is not a day (said in the language shown), or null.
  const [notDay, setNotDay] = useState<string | null>(null);
  useEffect(() => {
    setText(day);
    setNotDay(null);
  }, [day]);

  const commit = () => {
    const typed = text.trim();
    const parsed = parseDateText(typed);
    if (!parsed || !isDay(parsed)) return setNotDay(typed);
    setNotDay(null);
    setText(parsed);
    if (parsed !== day) onChange(parsed);
  };
  const note = day === accepted ? t.asOfIsAccepted : !accepted && day === today() ? t.asOfIsToday : '';

  return (
    <div className={`as-of${ledger ? '' : ' no-ledger'}`} title={ledger ? t.asOfTitle : t.asOfNoLedger}>
      <label>
        <span>{t.asOf}</span>
        <input
          data-testid="as-of"
          value={text}
          disabled={!ledger}
          aria-invalid={notDay !== null ? true : undefined}
          className={notDay !== null ? 'invalid' : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(day);
              setNotDay(null);
            }
          }}
        />
      </label>
      {ledger && <span className="as-of-note">{note}</span>}
      {ledger && accepted && day !== accepted && <button onClick={() => onChange(null)}>{t.asOfAccepted}</button>}
      {ledger && day !== today() && <button onClick={() => onChange(today())}>{t.asOfToday}</button>}
      {!ledger && <span className="as-of-note">{t.asOfNoLedger}</span>}
      {notDay !== null && (
        <em className="field-error" role="alert">
          {t.asOfInvalid(notDay)}
        </em>
      )}
    </div>
  );
}
