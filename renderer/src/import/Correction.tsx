// How a sheet's table 三 was read, for the person to correct: the columns of the amounts and their
// units, the columns to read as stored, the header rows, the rows read. The rules are correction.ts.
import type { SheetCorrection, SheetReading } from '../../../shared/doubts';
import type { Strings } from '../strings';
import {
  amountColumns,
  columnLabel,
  columnOf,
  HEADER_SPAN,
  headerBand,
  rowRead,
  unitOf,
  withBand,
  withRowRead,
  withStored,
} from './correction';
import { correctionWords, type Units } from './preview';

type Part = { reading: SheetReading; draft: SheetCorrection; onChange: (c: SheetCorrection) => void; t: Strings };

/** 计划 and 实际: which column each is in, and the unit of each. */
function Columns({ reading, draft, onChange, t }: Part) {
  const d = t.importDoubts;
  const chosen = [columnOf(reading, draft, 'planned'), columnOf(reading, draft, 'actual')].filter(Boolean);
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}>
      {amountColumns(reading).length > 0 &&
        (['planned', 'actual'] as const).map((f) => (
          <label key={f}>
            {f === 'planned' ? d.plannedColumn : d.actualColumn}{' '}
            <select value={columnOf(reading, draft, f)} onChange={(e) => onChange({ ...draft, [f]: e.target.value })}>
              {/* Columns of a header the reader could not read: none is 计划 or 实际 until the person says so. */}
              {!columnOf(reading, draft, f) && <option value="">—</option>}
              {amountColumns(reading).map((c) => (
                <option key={c.col} value={c.col}>
                  {columnLabel(reading, c.col)}
                </option>
              ))}
            </select>
          </label>
        ))}
      {chosen.map((col) => (
        <UnitChoice
          key={`u-${col}`}
          label={`${col} ${d.columnUnit}`}
          value={unitOf(reading, draft, col)}
          onChange={(u) => onChange({ ...draft, units: { ...draft.units, [col]: u } })}
          t={t}
        />
      ))}
    </div>
  );
}

/** A 拨付台账 on the sheet: the unit of its 金额 column (a finance system's export in 元 under a bare 金额). */
function LedgerUnit({ reading, draft, onChange, t }: Part) {
  const d = t.importDoubts;
  if (!reading.ledger) return null;
  return (
    <div style={{ marginTop: 4 }}>
      <UnitChoice
        label={d.ledgerUnit(reading.ledger.col)}
        value={(draft.ledgerUnit ?? reading.ledger.unit) as Units}
        onChange={(u) => onChange({ ...draft, ledgerUnit: u })}
        t={t}
      />
    </div>
  );
}

/** A unit to read amounts in: 万元, 元, 千元, 亿元. */
function UnitChoice({ label, value, onChange, t }: { label: string; value: Units; onChange: (u: Units) => void; t: Strings }) {
  const d = t.importDoubts;
  return (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Units)}>
        {(Object.keys(d.units) as Units[]).map((u) => (
          <option key={u} value={u}>
            {d.units[u]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The header rows: from one row to another (at most HEADER_SPAN). */
function HeaderRows({ reading, draft, onChange, t }: Part) {
  const d = t.importDoubts;
  const band = headerBand(reading, draft);
  if (!band) return null;
  const textOf = (row: number) => reading.headerRows.find((r) => r.row === row)?.text;
  return (
    <div style={{ marginTop: 4 }} data-testid="header-rows">
      {d.headerRows}{' '}
      <select aria-label={d.headerRows} value={band.top} onChange={(e) => onChange(withBand(draft, Number(e.target.value), band.bottom))}>
        {reading.headerRows.map((r) => (
          <option key={r.row} value={r.row}>
            {r.row}: {r.text}
          </option>
        ))}
      </select>{' '}
      {d.headerTo}{' '}
      <select aria-label={d.headerTo} value={band.bottom} onChange={(e) => onChange(withBand(draft, band.top, Number(e.target.value)))}>
        {Array.from({ length: HEADER_SPAN }, (_, i) => band.top + i).map((row) => (
          <option key={row} value={row}>
            {row}
            {textOf(row) !== undefined ? `: ${textOf(row)}` : ''}
          </option>
        ))}
      </select>{' '}
      {d.headerEnd}
    </div>
  );
}

/** The rows of table 三, each ticked when read. */
function Lines({ reading, draft, onChange, t }: Part) {
  const d = t.importDoubts;
  return (
    <div style={{ marginTop: 4 }}>
      {d.lines}:
      <ul style={{ margin: '2px 0', paddingLeft: 18, columns: 2 }}>
        {reading.lines.map((l) => (
          <li key={l.row} style={{ listStyle: 'none' }}>
            <label style={{ textDecoration: l.leftOut === 'struck' ? 'line-through' : undefined, color: l.leftOut ? '#777' : undefined }}>
              <input
                type="checkbox"
                checked={rowRead(draft, l.row, l.leftOut)}
                onChange={(e) => onChange(withRowRead(draft, l.row, l.leftOut, e.target.checked))}
              />{' '}
              {l.row}: {l.text}
              {l.leftOut && <i> ({d.leftOut[l.leftOut]})</i>}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Correction(props: Part & { scaled: string[]; onDrop: () => void }) {
  const { reading, scaled, draft, onChange, onDrop, t } = props;
  const d = t.importDoubts;
  // A sheet holding only a ledger: its unit is what there is to correct (no table 三 to point at).
  const ledgerOnly = !!reading.ledger && reading.columns.length === 0;
  return (
    <details
      open
      className="correction"
      data-testid={`correction-${reading.sheet}`}
      style={{ fontSize: 13, margin: '6px 0', border: '1px solid #ddd', borderRadius: 4, padding: '6px 10px' }}
    >
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
        {d.correct}: {(ledgerOnly ? d.correctLedger : d.correctSheet)(reading.file, reading.sheet)}
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
      {ledgerOnly
        ? null
        : reading.columns.length === 0 && (
            <p data-testid="no-table" style={{ margin: '4px 0' }}>
              {d.noTable}
            </p>
          )}
      <LedgerUnit {...props} />
      <Columns {...props} />
      {scaled.map((col) => (
        <label key={`stored-${col}`} style={{ display: 'block', marginTop: 4 }}>
          <input
            type="checkbox"
            checked={draft.stored?.includes(col) ?? false}
            onChange={(e) => onChange(withStored(draft, col, e.target.checked))}
          />{' '}
          {d.asStored(col)}
        </label>
      ))}
      {!ledgerOnly && <HeaderRows {...props} />}
      {!ledgerOnly && <Lines {...props} />}
    </details>
  );
}
