// Records grouped by province and batch, with search in either script.
import { useMemo, useState } from 'react';
import type { Output } from '../../shared/contract';
import { fold } from '../../shared/text';
import { showRate } from '../../shared/money';
import type { Strings } from './strings';

export type RecordSummary = Output<'listRecords'>[number];

type Props = { records: RecordSummary[]; selected: number | null; t: Strings; onSelect: (id: number) => void; onAdd: () => void; onDuplicate: () => void; onDelete: () => void };

export function Sidebar({ records, selected, t, onSelect, onAdd, onDuplicate, onDelete }: Props) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = fold(query);
    const shown = records.filter((r) => !q || fold(`${r.province ?? ''}${r.prefecture ?? ''}${r.county}`).includes(q));
    const byGroup = new Map<string, RecordSummary[]>();
    for (const r of shown) {
      const key = `${r.province ?? '—'} · ${t.batchOf} ${r.batch}`;
      byGroup.set(key, [...(byGroup.get(key) ?? []), r]);
    }
    return [...byGroup];
  }, [records, query, t]);
  return (
    <aside className="sidebar">
      <input className="search" type="search" placeholder={t.search} value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="record-tools">
        <button onClick={onAdd}>{t.add}</button>
        <button disabled={selected === null} onClick={onDuplicate}>{t.duplicate}</button>
        <button disabled={selected === null} onClick={onDelete}>{t.delete}</button>
      </div>
      <nav>
        {groups.map(([group, list]) => (
          <div key={group} className="group">
            <h3>{group}</h3>
            {list.map((r) => (
              <button key={r.id} className={`record${r.id === selected ? ' selected' : ''}`} onClick={() => onSelect(r.id)} data-county={r.county}>
                <span className="name">{r.county}</span>
                <span className="rate">{showRate(r.rate)}%</span>
                {r.errors + r.warnings > 0 && <span className={r.errors ? 'badge error' : 'badge warning'}>{r.errors + r.warnings}</span>}
              </button>
            ))}
          </div>
        ))}
      </nav>
    </aside>
  );
}
