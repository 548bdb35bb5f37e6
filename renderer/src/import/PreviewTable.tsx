// The import preview's records: per county what would happen, its sums, the unit its amounts were
// read in and the cells not read; for a record that would be replaced, what changes (and what
// becomes of its payments). And the files that could not be read, each named.
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { changeWords, type ImportResult, type Planned } from './preview';
import { cellStyle, HeadRow, numberStyle } from './table';

function Changes({ r, t }: { r: Planned; t: Strings }) {
  const c = r.changes;
  if (!c) return null;
  const rows = (x: { added: number; removed: number }) => t.importChanges.rows(x.added, x.removed);
  const { amounts, same } = changeWords(c, t);
  return (
    <div className="changes" data-testid="import-changes" style={{ fontSize: 13, color: '#444' }}>
      {same ? (
        t.importChanges.none
      ) : (
        <>
          {t.importChanges.items}: {rows(c.items)}; {t.importChanges.disbursements}: {rows(c.disbursements)}
          {amounts.length > 0 && <>; {amounts.join('; ')}</>}
          {c.lines.length > 0 && (
            <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>
              {c.lines.map((l, i) => (
                <li key={i}>
                  {l.name}: {l.field === 'planned' ? t.importColumns.planned : t.importColumns.actual} {l.before ?? '—'} → {l.after ?? '—'}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function RecordRow({ r, t }: { r: Planned; t: Strings }) {
  return (
    <tr className={`action-${r.action}`}>
      <td style={cellStyle}>{t.actions[r.action]}</td>
      <td style={{ ...cellStyle, whiteSpace: 'normal' }}>
        {r.county}
        <Changes r={r} t={t} />
        {r.ledger && r.ledger.result !== 'unchanged' && (
          <div data-testid="import-ledger" style={{ fontSize: 13, color: r.ledger.result === 'removed' ? '#c62828' : '#444' }}>
            {t.importLedger.result[r.ledger.result](r.ledger.stored, r.ledger.file)}
          </div>
        )}
        {r.statusReset && (
          <div data-testid="import-status-reset" style={{ fontSize: 13, color: '#c62828' }}>
            {t.importStatusReset(r.statusReset.status, r.statusReset.by)}
          </div>
        )}
      </td>
      <td style={cellStyle}>{r.batch ?? '—'}</td>
      <td style={{ ...cellStyle, whiteSpace: 'normal' }}>
        {r.file} › {r.sheet}
      </td>
      <td style={numberStyle}>
        {r.items} / {r.disbursements} / {r.payments}
      </td>
      <td style={numberStyle}>{r.planned ?? '—'}</td>
      <td style={numberStyle}>{r.actual ?? '—'}</td>
      <td style={numberStyle}>{r.rate ?? '—'}</td>
      <td style={cellStyle}>{r.unit ? t.importUnits[r.unit] : '—'}</td>
      <td style={numberStyle}>{r.ignored}</td>
    </tr>
  );
}

export function PreviewTable({ records, t }: { records: Planned[]; t: Strings }) {
  const c = t.importColumns;
  if (records.length === 0) return <p className="error">{t.importNoCounty}</p>;
  return (
    <table className="preview" style={{ fontSize: 13 }}>
      <HeadRow titles={[c.action, c.county, c.batch, c.source, c.rows, c.planned, c.actual, c.rate, c.unit, c.ignored]} />
      <tbody>
        {records.map((r, i) => (
          <RecordRow key={i} r={r} t={t} />
        ))}
      </tbody>
    </table>
  );
}

export function SkippedFiles({ skipped, t, lang }: { skipped: ImportResult['skippedFiles']; t: Strings; lang: Lang }) {
  if (skipped.length === 0) return null;
  return (
    <div className="error" data-testid="skipped-files">
      {t.importSkippedFiles}
      <ul>
        {skipped.map((s) => (
          <li key={s.file}>
            <b>{s.file}</b>: {s.messages[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
