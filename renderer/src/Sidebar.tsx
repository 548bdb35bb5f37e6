// Records grouped by province and batch (in the list's order: provinces and counties in pinyin,
// batches by number), each with its rate, findings and review status; search in either script or
// in pinyin.
import { useMemo, useState } from 'react';
import { fold } from '../../shared/text';
import { showRate } from '../../shared/money';
import { statusDay } from '../../shared/status';
import type { Strings } from './strings';
import type { Pinyin, RecordSummary } from './useRecordList';

export type { RecordSummary };

type Props = {
  records: RecordSummary[];
  selected: number | null;
  t: Strings;
  pinyin: Pinyin | null;
  /** A refusal of what was asked here (deleting an accepted county), shown under the buttons. */
  notice: string | null;
  onSelect: (id: number) => void;
  onAdd: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  /** 已删除的县: the deleted counties, to bring one back. */
  onDeleted: () => void;
};

/** Whether a record matches the search: its names in either script, or in pinyin once the dictionary is in. */
export function searchMatches(query: string, r: Pick<RecordSummary, 'province' | 'prefecture' | 'county'>, pinyin: Pinyin | null): boolean {
  if (!query.trim()) return true;
  if (pinyin) return [r.county, r.prefecture, r.province].some((name) => pinyin.matchesName(query, name));
  return fold(`${r.province ?? ''}${r.prefecture ?? ''}${r.county}`).includes(fold(query));
}

export function StatusChip({ status, t }: { status: RecordSummary['status']; t: Strings }) {
  const who = status.by ? t.statusBy(status.by, statusDay(status)) : '';
  return (
    <span
      className={`status-chip ${status.status}`}
      data-status={status.status}
      title={`${t.statusLabel}: ${t.statuses[status.status]}${who ? ` (${who})` : ''}${status.remark ? ` — ${status.remark}` : ''}`}
    >
      {t.statuses[status.status]}
    </span>
  );
}

export function Sidebar({ records, selected, t, pinyin, notice, onSelect, onAdd, onDuplicate, onDelete, onDeleted }: Props) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const shown = records.filter((r) => searchMatches(query, r, pinyin));
    const byGroup = new Map<string, RecordSummary[]>();
    for (const r of shown) {
      const key = `${r.province ?? t.noProvince} · ${t.batchLabel(r.batch)}`;
      const list = byGroup.get(key);
      if (list) list.push(r);
      else byGroup.set(key, [r]);
    }
    return [...byGroup];
  }, [records, query, t, pinyin]);
  return (
    <aside className="sidebar">
      <input className="search" type="search" placeholder={t.search} value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="record-tools">
        <button onClick={onAdd}>{t.add}</button>
        <button disabled={selected === null} onClick={onDuplicate}>
          {t.duplicate}
        </button>
        <button disabled={selected === null} onClick={onDelete}>
          {t.delete}
        </button>
      </div>
      {notice && (
        <p className="sidebar-notice" role="alert">
          {notice}
        </p>
      )}
      <nav>
        {groups.map(([group, list]) => (
          <div key={group} className="group">
            <h3>{group}</h3>
            {list.map((r) => (
              <button
                key={r.id}
                className={`record${r.id === selected ? ' selected' : ''}`}
                onClick={() => onSelect(r.id)}
                data-county={r.county}
              >
                <span className="name">{r.county}</span>
                <span className="rate">{showRate(r.rate)}%</span>
                {r.errors + r.warnings > 0 && <span className={r.errors ? 'badge error' : 'badge warning'}>{r.errors + r.warnings}</span>}
                {r.incomplete && (
                  <span className="badge incomplete" title={t.incompleteHint}>
                    {t.incomplete}
                  </span>
                )}
                <StatusChip status={r.status} t={t} />
              </button>
            ))}
          </div>
        ))}
      </nav>
      <div className="sidebar-foot">
        <button className="link" onClick={onDeleted}>
          {t.deletedOpen}
        </button>
      </div>
    </aside>
  );
}
