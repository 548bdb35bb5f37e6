// The import preview: per county what would happen, its sums, the unit its amounts were read
// in and the cells not read; for a record that would be replaced, what changes (and what becomes
// of its payments); every finding pinned to its file, sheet and cell. A file that cannot be read is
// skipped and named. Doubts: each doubtful figure beside what its cell showed, to confirm, or to
// correct the reading of its sheet (columns, units, rows), which reads the files again.
import { useCallback, useEffect, useState } from 'react';
import type { SheetCorrection, SheetReading } from '../../shared/doubts';
import { finding, type FindingCode } from '../../shared/findings';
import type { Output } from '../../shared/contract';
import { findingMessage, findingPlace, severityLabel, type Lang } from '../../shared/i18n';
import type { Strings } from './strings';
import { api } from './api';
import { message } from './useRecord';
import type { PickedFile } from './files';

type ImportResult = Output<'importWorkbooks'>;
type Planned = ImportResult['records'][number];
type Doubt = ImportResult['doubts'][number];
type LedgerChoice = 'auto' | 'keep' | 'file' | 'remove';
type Units = keyof Strings['importDoubts']['units'];

const cellStyle = { padding: '4px 8px', borderBottom: '1px solid #eee', whiteSpace: 'nowrap' as const };
const headStyle = { ...cellStyle, textAlign: 'left' as const, borderBottom: '1px solid #ccc', fontWeight: 600 };
const number = { ...cellStyle, textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };

function Changes({ r, t }: { r: Planned; t: Strings }) {
  const c = r.changes;
  if (!c) return null;
  const rows = (x: { added: number; removed: number }) => t.importChanges.rows(x.added, x.removed);
  const amounts: string[] = [];
  if (c.totals.planned[0] !== c.totals.planned[1])
    amounts.push(`${t.importColumns.planned} ${c.totals.planned[0]} → ${c.totals.planned[1]}`);
  if (c.totals.actual[0] !== c.totals.actual[1]) amounts.push(`${t.importColumns.actual} ${c.totals.actual[0]} → ${c.totals.actual[1]}`);
  if (c.totals.rate[0] !== c.totals.rate[1])
    amounts.push(`${t.importColumns.rate} ${c.totals.rate[0] ?? '—'} → ${c.totals.rate[1] ?? '—'}`);
  const same =
    amounts.length === 0 &&
    c.lines.length === 0 &&
    !c.items.added &&
    !c.items.removed &&
    !c.disbursements.added &&
    !c.disbursements.removed;
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

function unitFromText(f: Doubt['figures'][number], t: Strings): string {
  const u = f.unitFrom;
  if (!u) return '';
  const from = t.importDoubts.from;
  return u.kind === 'header'
    ? from.header(u.cell ?? '', u.text ?? '')
    : u.kind === 'line'
      ? from.line(u.cell ?? '', u.text ?? '')
      : u.kind === 'text'
        ? from.text()
        : from.default();
}

/** Each doubt: its figures beside what the cells showed, the doubt in words, a box to confirm it. */
function Doubts({
  doubts,
  confirmed,
  onToggle,
  t,
  lang,
}: {
  doubts: Doubt[];
  confirmed: Set<string>;
  onToggle: (ids: string[], on: boolean) => void;
  t: Strings;
  lang: Lang;
}) {
  const d = t.importDoubts;
  const open = doubts.filter((x) => !confirmed.has(x.id)).length;
  return (
    <section
      className="doubts"
      data-testid="doubts"
      style={{ border: '1px solid #f0b429', background: '#fffbea', borderRadius: 4, padding: '8px 10px', margin: '8px 0' }}
    >
      <h3 style={{ margin: '0 0 4px', fontSize: 15 }}>{d.title}</h3>
      <p style={{ margin: '0 0 6px', fontSize: 13 }}>{d.intro}</p>
      <table className="preview" style={{ fontSize: 13 }}>
        <thead>
          <tr>
            {[d.confirm, d.cell, d.seen, d.read, d.unit, d.why].map((h) => (
              <th key={h} scope="col" style={headStyle}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doubts.map((x) => {
            const figures = x.figures.length ? x.figures : [null];
            const why = findingMessage(finding(x.code as FindingCode, x.params), lang);
            return figures.map((f, i) => (
              <tr
                key={`${x.id}-${i}`}
                data-testid={i === 0 ? 'doubt-row' : undefined}
                data-code={x.code}
                style={{ background: confirmed.has(x.id) ? '#f1f8e9' : undefined }}
              >
                {i === 0 && (
                  <td rowSpan={figures.length} style={{ ...cellStyle, verticalAlign: 'top' }}>
                    <input
                      type="checkbox"
                      aria-label={`${d.confirm} ${x.cell ?? ''} ${why}`}
                      checked={confirmed.has(x.id)}
                      onChange={(e) => onToggle([x.id], e.target.checked)}
                    />
                  </td>
                )}
                <td style={cellStyle}>
                  <code>{f ? `${f.sheet} › ${f.cell}` : [x.sheet, x.cell].filter(Boolean).join(' › ')}</code>
                </td>
                <td style={{ ...cellStyle, whiteSpace: 'normal', maxWidth: 260, fontFamily: 'monospace' }} data-testid="doubt-seen">
                  {f?.seen ?? ''}
                </td>
                <td style={{ ...number, fontWeight: 600 }} data-testid="doubt-read">
                  {f?.read ?? '—'}
                </td>
                <td style={{ ...cellStyle, whiteSpace: 'normal' }}>
                  {f?.unit ? `${d.units[f.unit as Units]}${f.unitFrom ? `(${unitFromText(f, t)})` : ''}` : ''}
                </td>
                {i === 0 && (
                  <td rowSpan={figures.length} style={{ ...cellStyle, whiteSpace: 'normal', verticalAlign: 'top', color: '#8a4b00' }}>
                    {x.county ? <b>{x.county} </b> : null}
                    {why}
                  </td>
                )}
              </tr>
            ));
          })}
        </tbody>
      </table>
      <p style={{ margin: '4px 0 0', fontSize: 13 }}>
        {open > 0 && (
          <span className="error" data-testid="doubts-open">
            {d.held(open)}{' '}
          </span>
        )}
        <button
          type="button"
          disabled={open === 0}
          onClick={() =>
            onToggle(
              doubts.map((x) => x.id),
              true,
            )
          }
        >
          {d.confirmAll}
        </button>
      </p>
    </section>
  );
}

/** A sheet's correction in words: 计划安排额度在 D 列;C 列单位为元. */
function correctionWords(c: SheetReading['correction'], t: Strings): string {
  if (!c) return '';
  const w = t.importDoubts.words;
  const parts: string[] = [];
  if (c.planned) parts.push(w.planned(c.planned));
  if (c.actual) parts.push(w.actual(c.actual));
  for (const [col, u] of Object.entries(c.units ?? {})) parts.push(w.unit(col, t.importDoubts.units[u as Units]));
  if (c.header) parts.push(w.header(c.header.top, c.header.bottom));
  for (const col of c.stored ?? []) parts.push(w.stored(col));
  if (c.skipRows?.length) parts.push(w.skip(c.skipRows.length));
  if (c.keepRows?.length) parts.push(w.keep(c.keepRows.length));
  return parts.join(';');
}

/** How a sheet's table 三 was read, for the person to correct: columns, units, rows. */
function Correction({
  reading,
  scaled,
  draft,
  onChange,
  onDrop,
  t,
}: {
  reading: SheetReading;
  /** Columns whose format shows their numbers scaled (a scaled_format doubt): each may be read as stored. */
  scaled: string[];
  draft: SheetCorrection;
  onChange: (c: SheetCorrection) => void;
  onDrop: () => void;
  t: Strings;
}) {
  const d = t.importDoubts;
  const amountCols = reading.columns.filter((c) => c.field !== 'seq' && c.field !== 'name');
  const field = (f: 'planned' | 'actual') => draft[f] ?? reading.columns.find((c) => c.field === f)?.col ?? '';
  const unitOf = (col: string) => draft.units?.[col] ?? reading.columns.find((c) => c.col === col)?.unit ?? 'wan';
  const readRow = (row: number, leftOut: string | null) =>
    draft.skipRows?.includes(row) ? false : draft.keepRows?.includes(row) ? true : leftOut === null;
  const setRow = (row: number, leftOut: string | null, on: boolean) => {
    const skip = new Set(draft.skipRows ?? []);
    const keep = new Set(draft.keepRows ?? []);
    skip.delete(row);
    keep.delete(row);
    if (on && leftOut !== null && leftOut !== 'user') keep.add(row);
    if (!on && leftOut === null) skip.add(row);
    onChange({ ...draft, skipRows: [...skip], keepRows: [...keep] });
  };
  const label = (col: string) => `${col} ${reading.columns.find((c) => c.col === col)?.text.replace(/\s+/g, ' ') ?? ''}`;
  // Table 三 not found (a header misread): the person starts from the first row that could be a header.
  const first = reading.headerRows[0]?.row;
  const band = draft.header ?? reading.header ?? (first !== undefined ? { top: first, bottom: first } : null);
  const setBand = (top: number, bottom: number) =>
    onChange({ ...draft, header: { top, bottom: Math.min(Math.max(bottom, top), top + 5) } });
  const bandRows = (from: number, to: number) => reading.headerRows.filter((r) => r.row >= from && r.row <= to);
  return (
    <details
      open
      className="correction"
      data-testid={`correction-${reading.sheet}`}
      style={{ fontSize: 13, margin: '6px 0', border: '1px solid #ddd', borderRadius: 4, padding: '6px 10px' }}
    >
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
        {d.correct}: {d.correctSheet(reading.file, reading.sheet)}
      </summary>
      {reading.source === 'remembered' && (
        <p data-testid="remembered" style={{ color: '#1b5e20' }}>
          {d.remembered(correctionWords(reading.correction, t))}{' '}
          <button type="button" onClick={onDrop}>
            {d.dropRemembered}
          </button>
        </p>
      )}
      {reading.source === 'user' && <p style={{ color: '#1b5e20' }}>{d.userCorrection(correctionWords(reading.correction, t))}</p>}
      {reading.columns.length === 0 && (
        <p data-testid="no-table" style={{ margin: '4px 0' }}>
          {d.noTable}
        </p>
      )}
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}>
        {amountCols.length > 0 &&
          (['planned', 'actual'] as const).map((f) => (
            <label key={f}>
              {f === 'planned' ? d.plannedColumn : d.actualColumn}{' '}
              <select value={field(f)} onChange={(e) => onChange({ ...draft, [f]: e.target.value })}>
                {amountCols.map((c) => (
                  <option key={c.col} value={c.col}>
                    {label(c.col)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        {[field('planned'), field('actual')].filter(Boolean).map((col) => (
          <label key={`u-${col}`}>
            {col} {d.columnUnit}{' '}
            <select
              aria-label={`${col} ${d.columnUnit}`}
              value={unitOf(col)}
              onChange={(e) => onChange({ ...draft, units: { ...draft.units, [col]: e.target.value as Units } })}
            >
              {(Object.keys(d.units) as Units[]).map((u) => (
                <option key={u} value={u}>
                  {d.units[u]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {scaled.map((col) => (
        <label key={`stored-${col}`} style={{ display: 'block', marginTop: 4 }}>
          <input
            type="checkbox"
            checked={draft.stored?.includes(col) ?? false}
            onChange={(e) =>
              onChange({
                ...draft,
                stored: e.target.checked ? [...(draft.stored ?? []), col] : (draft.stored ?? []).filter((x) => x !== col),
              })
            }
          />{' '}
          {d.asStored(col)}
        </label>
      ))}
      {band && (
        <div style={{ marginTop: 4 }} data-testid="header-rows">
          {d.headerRows}{' '}
          <select aria-label={d.headerRows} value={band.top} onChange={(e) => setBand(Number(e.target.value), band.bottom)}>
            {bandRows(0, Infinity).map((r) => (
              <option key={r.row} value={r.row}>
                {r.row}: {r.text}
              </option>
            ))}
          </select>{' '}
          {d.headerTo}{' '}
          <select aria-label={d.headerTo} value={band.bottom} onChange={(e) => setBand(band.top, Number(e.target.value))}>
            {Array.from({ length: 6 }, (_, i) => band.top + i).map((row) => (
              <option key={row} value={row}>
                {row}
                {bandRows(row, row)[0] ? `: ${bandRows(row, row)[0].text}` : ''}
              </option>
            ))}
          </select>{' '}
          {d.headerEnd}
        </div>
      )}
      <div style={{ marginTop: 4 }}>
        {d.lines}:
        <ul style={{ margin: '2px 0', paddingLeft: 18, columns: 2 }}>
          {reading.lines.map((l) => (
            <li key={l.row} style={{ listStyle: 'none' }}>
              <label style={{ textDecoration: l.leftOut === 'struck' ? 'line-through' : undefined, color: l.leftOut ? '#777' : undefined }}>
                <input type="checkbox" checked={readRow(l.row, l.leftOut)} onChange={(e) => setRow(l.row, l.leftOut, e.target.checked)} />{' '}
                {l.row}: {l.text}
                {l.leftOut && <i> ({d.leftOut[l.leftOut]})</i>}
              </label>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

export function ImportDialog({
  files,
  t,
  lang,
  onClose,
  onDone,
}: {
  files: PickedFile[];
  t: Strings;
  lang: Lang;
  onClose: () => void;
  onDone: (r: ImportResult) => void;
}) {
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [onConflict, setOnConflict] = useState<'skip' | 'replace'>('skip');
  const [ledger, setLedger] = useState<LedgerChoice>('auto');
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  /** Corrections sent with each reading, and those being edited (per file › sheet). */
  const [corrections, setCorrections] = useState<SheetCorrection[]>([]);
  const [drafts, setDrafts] = useState<Record<string, SheetCorrection>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** While the counties are written: how many. */
  const [writing, setWriting] = useState<number | null>(null);
  const run = useCallback(
    async (
      dryRun: boolean,
      choice: 'skip' | 'replace',
      options: { ledger: LedgerChoice; corrections: SheetCorrection[]; confirm: string[] },
    ) => {
      setBusy(true);
      if (!dryRun) setWriting(preview?.records.filter((r) => r.action === 'created' || r.action === 'replaced').length ?? 0);
      try {
        // A file that cannot be read does not block the others: it is skipped and named. The commit says which
        // preview it confirms: a county someone changed after it is not replaced.
        const seen = dryRun ? undefined : preview?.seen;
        const r = await api.importWorkbooks({ files, onConflict: choice, dryRun, skipUnreadable: true, ...options, seen });
        if (!dryRun && r.committed) onDone(r);
        else {
          setPreview(r);
          // A confirmation stands for the doubt as shown: one that is gone after a re-read goes with it.
          setConfirmed((old) => new Set(r.doubts.filter((d) => old.has(d.id)).map((d) => d.id)));
          setDrafts({});
        }
        setError(null);
      } catch (e) {
        setError(message(e, lang));
      } finally {
        setBusy(false);
        setWriting(null);
      }
    },
    [files, lang, onDone, preview],
  );
  const current = (over: Partial<{ ledger: LedgerChoice; corrections: SheetCorrection[] }> = {}) => ({
    ledger,
    corrections,
    confirm: [...confirmed],
    ...over,
  });
  useEffect(() => {
    // The files picked decide the first preview; a conflict choice previews again.
    void run(true, 'skip', { ledger: 'auto', corrections: [], confirm: [] });
  }, [files]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const choose = (choice: 'skip' | 'replace') => {
    setOnConflict(choice);
    void run(true, choice, current());
  };
  const chooseLedger = (choice: LedgerChoice) => {
    setLedger(choice);
    void run(true, onConflict, current({ ledger: choice }));
  };
  const key = (r: { file: string; sheet: string }) => `${r.file}\u0000${r.sheet}`;
  const reread = (next: SheetCorrection[]) => {
    setCorrections(next);
    void run(true, onConflict, current({ corrections: next }));
  };
  const applyDrafts = () => reread([...corrections.filter((c) => !drafts[key(c)]), ...Object.values(drafts)]);
  const toggle = (ids: string[], on: boolean) =>
    setConfirmed((old) => {
      const next = new Set(old);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const hasErrors = preview?.findings.some((f) => f.severity === 'error');
  const hasConflicts = preview?.records.some((r) => r.existingId !== undefined);
  const withPayments = preview?.records.some((r) => r.ledger && (r.ledger.stored > 0 || r.ledger.file > 0));
  const derivedLedger = preview?.records.find((r) => r.ledger && r.ledger.result !== 'unchanged')?.ledger?.result;
  const ledgerShown: LedgerChoice =
    ledger !== 'auto' ? ledger : derivedLedger === 'replaced' ? 'file' : derivedLedger === 'removed' ? 'remove' : 'keep';
  const doubts = preview?.doubts ?? [];
  const open = doubts.filter((d) => !confirmed.has(d.id)).length;
  // Only doubts hold it: once each is confirmed, the import may write.
  const blocked =
    !preview ||
    preview.records.length === 0 ||
    hasErrors ||
    preview.records.some((r) => r.action === 'rejected' || r.action === 'conflict');
  const canCommit = !busy && !blocked && open === 0;
  // Sheets to correct: those with a doubt or an error (a header misread shows as one), or read with a correction.
  const errors = (preview?.findings ?? []).filter((f) => f.severity === 'error' && f.file && f.sheet);
  const doubtful = new Set([...doubts.map(key), ...errors.map((f) => key({ file: f.file!, sheet: f.sheet! }))]);
  const readings = (preview?.readings ?? []).filter((r) => doubtful.has(key(r)) || r.source);
  const scaledColumns = (r: SheetReading) => [
    ...new Set([
      ...doubts.filter((x) => x.code === 'scaled_format' && key(x) === key(r) && x.cell).map((x) => /^[A-Z]+/.exec(x.cell!)![0]),
      ...(r.correction?.stored ?? []),
    ]),
  ];
  const c = t.importColumns;
  return (
    <div className="modal-back" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={t.importTitle} style={{ maxWidth: 1100 }}>
        <h2>{t.importTitle}</h2>
        <p className="files">{files.map((f) => f.name).join('、')}</p>
        {error && <p className="error">{error}</p>}
        {busy && !preview && <p role="status">{t.importReading}</p>}
        {writing !== null && (
          <p className="working" role="status" data-testid="import-writing">
            {t.importWriting(writing)}
          </p>
        )}
        {preview && (
          <>
            {preview.skippedFiles.length > 0 && (
              <div className="error" data-testid="skipped-files">
                {t.importSkippedFiles}
                <ul>
                  {preview.skippedFiles.map((s) => (
                    <li key={s.file}>
                      <b>{s.file}</b>: {s.messages[lang]}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.records.length === 0 && <p className="error">{t.importNoCounty}</p>}
            {preview.records.length > 0 && (
              <table className="preview" style={{ fontSize: 13 }}>
                <thead>
                  <tr>
                    {[c.action, c.county, c.batch, c.source, c.rows, c.planned, c.actual, c.rate, c.unit, c.ignored].map((h) => (
                      <th key={h} scope="col" style={headStyle}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.records.map((r, i) => (
                    <tr key={i} className={`action-${r.action}`}>
                      <td style={cellStyle}>{t.actions[r.action]}</td>
                      <td style={{ ...cellStyle, whiteSpace: 'normal' }}>
                        {r.county}
                        <Changes r={r} t={t} />
                        {r.ledger && r.ledger.result !== 'unchanged' && (
                          <div
                            data-testid="import-ledger"
                            style={{ fontSize: 13, color: r.ledger.result === 'removed' ? '#c62828' : '#444' }}
                          >
                            {t.importLedger.result[r.ledger.result](r.ledger.stored, r.ledger.file)}
                          </div>
                        )}
                      </td>
                      <td style={cellStyle}>{r.batch ?? '—'}</td>
                      <td style={{ ...cellStyle, whiteSpace: 'normal' }}>
                        {r.file} › {r.sheet}
                      </td>
                      <td style={number}>
                        {r.items} / {r.disbursements} / {r.payments}
                      </td>
                      <td style={number}>{r.planned ?? '—'}</td>
                      <td style={number}>{r.actual ?? '—'}</td>
                      <td style={number}>{r.rate ?? '—'}</td>
                      <td style={cellStyle}>{r.unit ? t.importUnits[r.unit] : '—'}</td>
                      <td style={number}>{r.ignored}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {doubts.length > 0 && <Doubts doubts={doubts} confirmed={confirmed} onToggle={toggle} t={t} lang={lang} />}
            {readings.map((r) => (
              <Correction
                key={key(r)}
                reading={r}
                scaled={scaledColumns(r)}
                draft={drafts[key(r)] ?? { file: r.file, sheet: r.sheet, ...r.correction }}
                onChange={(next) => setDrafts((old) => ({ ...old, [key(r)]: next }))}
                onDrop={() => reread([...corrections.filter((x) => key(x) !== key(r)), { file: r.file, sheet: r.sheet }])}
                t={t}
              />
            ))}
            {Object.keys(drafts).length > 0 && (
              <p>
                <button type="button" data-testid="reread" disabled={busy} onClick={applyDrafts}>
                  {t.importDoubts.reread}
                </button>
              </p>
            )}
            {preview.findings.length > 0 && (
              <ul className="findings">
                {preview.findings
                  .filter((f) => !doubts.some((d) => d.code === f.code && d.cell === f.cell && d.sheet === f.sheet && d.file === f.file))
                  .map((f, i) => (
                    <li key={i} className={f.severity}>
                      <b>{severityLabel(f.severity, lang)}</b> <code>{findingPlace(f)}</code> {findingMessage(f, lang)}
                    </li>
                  ))}
              </ul>
            )}
            {hasConflicts && (
              <p className="choice">
                {t.onConflict}:
                <label>
                  <input type="radio" name="conflict" checked={onConflict === 'skip'} onChange={() => choose('skip')} /> {t.skip}
                </label>
                <label>
                  <input type="radio" name="conflict" checked={onConflict === 'replace'} onChange={() => choose('replace')} /> {t.replace}
                </label>
              </p>
            )}
            {withPayments && (
              <p className="choice" data-testid="ledger-choice">
                {t.importLedger.choice}:
                {(['keep', 'file', 'remove'] as const).map((x) => (
                  <label key={x}>
                    <input type="radio" name="ledger" checked={ledgerShown === x} onChange={() => chooseLedger(x)} /> {t.importLedger[x]}
                  </label>
                ))}
              </p>
            )}
            {hasErrors && <p className="error">{t.nothingWritten}</p>}
          </>
        )}
        <div className="buttons">
          <button onClick={onClose}>{t.cancel}</button>
          <button className="primary" disabled={!canCommit} onClick={() => void run(false, onConflict, current())}>
            {t.commit}
          </button>
        </div>
      </div>
    </div>
  );
}
