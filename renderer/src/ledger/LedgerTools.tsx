// Above the ledger: sort it by line, day or payee, filter it by line, payee and days, and how many
// payments are shown of how many it holds. Only what is shown changes (arrange.ts).
import type { Lang } from '../../../shared/i18n';
import { AS_STORED, filtering, type Arrangement, type LedgerSortKey } from './arrange';

const WORDS = {
  zh: {
    sort: '排序',
    by: { line: '按序号', date: '按拨付日期', payee: '按收款单位' } as Record<LedgerSortKey, string>,
    asc: '升序',
    desc: '降序',
    line: '序号',
    all: '全部',
    payee: '收款单位',
    from: '从',
    to: '到',
    clear: '清除筛选',
    shown: (n: number, of: number) => `显示 ${n} / ${of} 笔`,
    noneShown: '没有符合筛选条件的拨付。点“清除筛选”显示全部。',
  },
  en: {
    sort: 'Sort',
    by: { line: 'by No.', date: 'by date', payee: 'by payee' } as Record<LedgerSortKey, string>,
    asc: 'Ascending',
    desc: 'Descending',
    line: 'No.',
    all: 'all',
    payee: 'Payee',
    from: 'From',
    to: 'To',
    clear: 'Clear filters',
    shown: (n: number, of: number) => `${n} of ${of} payments shown`,
    noneShown: 'No payment meets the filters. Clear filters to see them all.',
  },
};

/** What the empty ledger says when its filters hide every payment. */
export const noneShown = (lang: Lang): string => WORDS[lang].noneShown;

type Props = {
  lang: Lang;
  value: Arrangement;
  onChange: (next: Arrangement) => void;
  /** The lines (序号) of table 三, to filter by. */
  lines: readonly number[];
  shown: number;
  total: number;
};

export function LedgerTools({ lang, value, onChange, lines, shown, total }: Props) {
  const w = WORDS[lang];
  const set = (part: Partial<Arrangement>) => onChange({ ...value, ...part });
  return (
    <div className="ledger-tools" data-testid="ledger-tools">
      <select aria-label={w.sort} value={value.sort} onChange={(e) => set({ sort: e.target.value as LedgerSortKey })}>
        {(['line', 'date', 'payee'] as const).map((k) => (
          <option key={k} value={k}>
            {w.by[k]}
          </option>
        ))}
      </select>
      <button type="button" aria-pressed={!value.desc} onClick={() => set({ desc: false })}>
        {w.asc}
      </button>
      <button type="button" aria-pressed={value.desc} onClick={() => set({ desc: true })}>
        {w.desc}
      </button>
      <label>
        {w.line}
        <select
          aria-label={w.line}
          value={value.line ?? ''}
          onChange={(e) => set({ line: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{w.all}</option>
          {lines.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        {w.payee}
        <input aria-label={w.payee} value={value.payee} onChange={(e) => set({ payee: e.target.value })} />
      </label>
      <label>
        {w.from}
        <input type="date" aria-label={w.from} value={value.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        {w.to}
        <input type="date" aria-label={w.to} value={value.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <button type="button" disabled={!filtering(value)} onClick={() => onChange({ ...AS_STORED, sort: value.sort, desc: value.desc })}>
        {w.clear}
      </button>
      <span className={filtering(value) ? 'shown filtered' : 'shown'} data-testid="ledger-shown">
        {w.shown(shown, total)}
      </span>
    </div>
  );
}
