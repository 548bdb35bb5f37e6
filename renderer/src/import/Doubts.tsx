// Each doubt of the import: its figures beside what the cells showed, the doubt in words, a box to
// confirm it (and one button to confirm them all).
import { finding, type FindingCode } from '../../../shared/findings';
import { findingMessage, type Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { openDoubts, unitFromText, type Doubt, type Units } from './preview';
import { cellStyle, HeadRow, numberStyle } from './table';

type Toggle = (ids: string[], on: boolean) => void;

/** A doubt's rows: one per figure (or one without), the box and the reason spanning them. */
function DoubtRows({ x, confirmed, onToggle, t, lang }: { x: Doubt; confirmed: boolean; onToggle: Toggle; t: Strings; lang: Lang }) {
  const d = t.importDoubts;
  const figures = x.figures.length ? x.figures : [null];
  const why = findingMessage(finding(x.code as FindingCode, x.params), lang);
  return figures.map((f, i) => (
    <tr
      key={`${x.id}-${i}`}
      data-testid={i === 0 ? 'doubt-row' : undefined}
      data-code={x.code}
      style={{ background: confirmed ? '#f1f8e9' : undefined }}
    >
      {i === 0 && (
        <td rowSpan={figures.length} style={{ ...cellStyle, verticalAlign: 'top' }}>
          <input
            type="checkbox"
            aria-label={`${d.confirm} ${x.cell ?? ''} ${why}`}
            checked={confirmed}
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
      <td style={{ ...numberStyle, fontWeight: 600 }} data-testid="doubt-read">
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
}

export function Doubts(props: { doubts: Doubt[]; confirmed: ReadonlySet<string>; onToggle: Toggle; t: Strings; lang: Lang }) {
  const { doubts, confirmed, onToggle, t, lang } = props;
  const d = t.importDoubts;
  const open = openDoubts(doubts, confirmed);
  return (
    <section
      className="doubts"
      data-testid="doubts"
      style={{ border: '1px solid #f0b429', background: '#fffbea', borderRadius: 4, padding: '8px 10px', margin: '8px 0' }}
    >
      <h3 style={{ margin: '0 0 4px', fontSize: 15 }}>{d.title}</h3>
      <p style={{ margin: '0 0 6px', fontSize: 13 }}>{d.intro}</p>
      <table className="preview" style={{ fontSize: 13 }}>
        <HeadRow titles={[d.confirm, d.cell, d.seen, d.read, d.unit, d.why]} />
        <tbody>
          {doubts.map((x) => (
            <DoubtRows key={x.id} x={x} confirmed={confirmed.has(x.id)} onToggle={onToggle} t={t} lang={lang} />
          ))}
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
