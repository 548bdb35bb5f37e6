// One field of 四、绩效自评 around the grid: shows the stored value, saves what is typed on Enter or
// when it loses focus, keeps a refused value in the field with its reason. The rules are part.ts.
import { useEffect, useState } from 'react';
import type { Lang } from '../../../shared/i18n';
import type { Finding } from '../../../shared/findings';
import { performanceFieldLabel } from '../../../shared/performance-fields';
import type { PerformanceField } from '../useRecordActions';
import type { Said } from '../said';
import { fieldNotes, fieldSays, toSave } from './part';

export type SaveField = (field: PerformanceField, value: string) => Promise<Said | null>;

export function PartField(props: {
  field: PerformanceField;
  stored: string;
  shown?: string;
  lang: Lang;
  onSave: SaveField;
  locked: string | null;
  /** The fields typed and not saved (value by field), shared by the part's fields. */
  unsaved: Map<string, string>;
  wide?: boolean;
  findings: Finding[];
}) {
  const { field, stored, lang, onSave, locked, unsaved } = props;
  const [value, setValue] = useState(props.shown ?? stored);
  const [error, setError] = useState<Said | null>(null);
  useEffect(() => {
    if (!unsaved.has(field)) setValue(props.shown ?? stored);
  }, [stored, props.shown]); // eslint-disable-line react-hooks/exhaustive-deps
  const commit = async () => {
    if (!toSave(value, stored, props.shown)) {
      unsaved.delete(field);
      return;
    }
    unsaved.set(field, value);
    const why = await onSave(field, value);
    setError(() => why);
    if (why === null) unsaved.delete(field);
  };
  const common = {
    'aria-label': performanceFieldLabel(field, lang),
    'data-field': field,
    value,
    readOnly: !!locked,
    ...fieldSays(locked, error?.(lang) ?? null, fieldNotes(props.findings, field), lang),
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => void commit(),
  };
  return props.wide ? (
    <textarea {...common} rows={3} />
  ) : (
    <input {...common} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
  );
}
