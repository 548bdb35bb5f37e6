// The overview's table (AG Grid): a row per county, a subtotal row after each group, the grand
// total pinned at the bottom. A click on a header sorts the counties within their groups (the
// groups keep their order and their subtotals stay under them); a click on a county opens it.
import { PERF_STRINGS } from '../performance/strings';
import { GRADE_EN, type Grade } from '../../../shared/performance';
import { compareScores } from '../../../shared/performance-rules';
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridApi,
  type IRowNode,
  type PostSortRowsParams,
  type RowClassParams,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { compareDecimals, displayDecimal, fenOfDecimal, showRate } from '../../../shared/money';
import { dayOf, STATUSES, type ReviewStatus } from '../../../shared/status';
import type { OverviewRow } from '../../../shared/overview';
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { pushAll } from '../../../shared/arrays';

ModuleRegistry.registerModules([AllCommunityModule]);

/** A row as the grid holds it: the county's figures, or a group's sums with its label. */
export type GridRow = {
  key: string;
  kind: OverviewRow['kind'];
  id?: number;
  label?: string;
  level?: 'province' | 'batch';
  province: string | null;
  prefecture: string | null;
  county: string;
  /** A basic fact is not given. */
  incomplete?: boolean;
  batch: number | null;
  year: number | null;
  items: number;
  planned: string;
  actual: string;
  rate: string | null;
  warnings: number;
  status: ReviewStatus | null;
  statusBy: string | null;
  statusAt: string | null;
  updatedAt: string | null;
  /** The as-of day, when this county's 实际拨付额度 is its typed total (no ledger), not a figure of that day. */
  typed?: string;
  /** 四、绩效自评's 总分 and 等级 (counties that keep one). */
  score?: string | null;
  grade?: string | null;
};

export type OverviewGridHandle = {
  /** The counties in the order shown (for printing and export). */
  shownIds: () => number[];
};

type Props = {
  rows: GridRow[];
  total: GridRow;
  lang: Lang;
  t: Strings;
  comparePinyin: (a: string, b: string) => number;
  onOpen: (id: number) => void;
  /** What the empty table says (no county matches the filters, or the data file holds none). */
  emptyText?: string;
};

const THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  cellHorizontalPadding: 8,
  rowHeight: 30,
  headerHeight: 34,
});

const money = (m: string) => displayDecimal(m).text;
const compareMoney = (a: string | null, b: string | null) => {
  const d = (fenOfDecimal(a ?? '0') ?? 0n) - (fenOfDecimal(b ?? '0') ?? 0n);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};
const rowIdOf = (p: { data: GridRow }) => p.data.key;
const compareScoreText = (a: string | null | undefined, b: string | null | undefined) =>
  a == null ? (b == null ? 0 : -1) : b == null ? 1 : (compareScores(a, b) ?? 0);
/** No rate (nothing planned) sorts after every rate, both ways up. */
const compareRate = (a: string | null, b: string | null, _x?: unknown, _y?: unknown, descending?: boolean) =>
  a === null || b === null ? (a === b ? 0 : (a === null ? 1 : -1) * (descending ? -1 : 1)) : (compareDecimals(a, b) ?? 0);
const statusRank = (s: ReviewStatus | null) => (s === null ? -1 : STATUSES.indexOf(s));

export const OverviewGrid = forwardRef<OverviewGridHandle, Props>(function OverviewGrid(
  { rows, total, lang, t, comparePinyin, onOpen, emptyText },
  ref,
) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  // The rows in their groups, as given: sorting reorders counties only inside the run between two subtotals.
  const structure = useRef(rows);
  structure.current = rows;

  useImperativeHandle(ref, () => ({
    shownIds: () => {
      const ids: number[] = [];
      apiRef.current?.forEachNodeAfterFilterAndSort((n) => n.data?.kind === 'county' && ids.push(n.data.id!));
      return ids;
    },
  }));

  const postSortRows = useCallback((params: PostSortRowsParams<GridRow>) => {
    const nodes = params.nodes;
    const at = new Map<string, number>();
    const byKey = new Map<string, IRowNode<GridRow>>();
    nodes.forEach((n, i) => {
      at.set(n.data!.key, i);
      byKey.set(n.data!.key, n);
    });
    const out: IRowNode<GridRow>[] = [];
    let run: IRowNode<GridRow>[] = [];
    const flush = () => {
      run.sort((a, b) => at.get(a.data!.key)! - at.get(b.data!.key)!);
      pushAll(out, run);
      run = [];
    };
    for (const row of structure.current) {
      const node = byKey.get(row.key);
      if (!node) continue;
      if (row.kind === 'county') run.push(node);
      else {
        flush();
        out.push(node);
      }
    }
    flush();
    if (out.length === nodes.length) nodes.splice(0, nodes.length, ...out);
  }, []);

  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const c = t.overviewColumns;
    const text = (field: 'province' | 'prefecture' | 'county'): ColDef<GridRow> => ({
      field,
      headerName: c[field],
      comparator: (a: string | null, b: string | null) => comparePinyin(a ?? '', b ?? ''),
    });
    return [
      {
        ...text('province'),
        width: 100,
        // A group's row: its label across 省 … 年度.
        colSpan: (p) => (p.data && p.data.kind !== 'county' ? 5 : 1),
        valueGetter: (p) => (p.data?.kind === 'county' ? (p.data.province ?? '') : (p.data?.label ?? '')),
      },
      { ...text('prefecture'), width: 96 },
      {
        ...text('county'),
        width: 120,
        cellClass: 'county-link',
        tooltipValueGetter: (p) => (p.data?.kind === 'county' ? (p.data.incomplete ? t.incompleteHint : t.openCounty) : undefined),
        valueFormatter: (p) => (p.data?.incomplete ? `${p.value}(${t.incomplete})` : (p.value ?? '')),
      },
      { field: 'batch', headerName: c.batch, width: 70, type: 'numericColumn' },
      { field: 'year', headerName: c.year, width: 74, type: 'numericColumn' },
      { field: 'items', headerName: c.items, width: 76, type: 'numericColumn' },
      {
        field: 'planned',
        headerName: c.planned,
        width: 136,
        type: 'numericColumn',
        comparator: compareMoney,
        valueFormatter: (p) => money(p.value),
      },
      {
        field: 'actual',
        headerName: c.actual,
        width: 150,
        type: 'numericColumn',
        comparator: compareMoney,
        valueFormatter: (p) => `${p.data?.typed ? `${t.typedFigure} ` : ''}${money(p.value)}`,
        cellClass: (p) => (p.data?.typed ? 'typed-figure' : undefined),
        tooltipValueGetter: (p) => (p.data?.typed ? t.typedFigureTip(p.data.typed) : undefined),
      },
      {
        field: 'rate',
        headerName: c.rate,
        width: 96,
        type: 'numericColumn',
        comparator: compareRate,
        valueFormatter: (p) => showRate(p.value),
        cellClass: 'rate-cell',
      },
      {
        field: 'score',
        headerName: PERF_STRINGS[lang].overviewScore,
        width: 92,
        type: 'numericColumn',
        comparator: compareScoreText,
        valueFormatter: (p) => p.value ?? '',
      },
      {
        field: 'grade',
        headerName: PERF_STRINGS[lang].overviewGrade,
        width: 70,
        valueFormatter: (p) => (p.value ? (lang === 'zh' ? p.value : GRADE_EN[p.value as Grade]) : ''),
      },
      {
        field: 'warnings',
        headerName: c.warnings,
        width: 88,
        type: 'numericColumn',
        valueFormatter: (p) => (p.value ? String(p.value) : ''),
        cellClass: (p) => (p.value ? 'warn-cell' : undefined),
      },
      {
        field: 'status',
        headerName: c.status,
        width: 150,
        comparator: (a, b) => statusRank(a) - statusRank(b),
        valueFormatter: (p) =>
          p.value
            ? `${t.statuses[p.value as ReviewStatus]}${p.data?.status === 'accepted' && p.data.statusAt ? ` ${dayOf(p.data.statusAt)}` : ''}`
            : '',
        cellClass: (p) => (p.value ? `status-cell ${p.value}` : undefined),
        tooltipValueGetter: (p) => (p.data?.statusBy ? t.statusBy(p.data.statusBy, dayOf(p.data.statusAt)) : undefined),
      },
      {
        field: 'updatedAt',
        headerName: c.updatedAt,
        // (A flex column is squeezed to its minimum when the others fill the row: "Last change" then wrapped.)
        minWidth: 150,
        flex: 1,
        valueFormatter: (p) =>
          p.value ? new Date(p.value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) : '',
      },
    ];
  }, [t, lang, comparePinyin]);

  const rowClass = useCallback(
    (p: RowClassParams<GridRow>) =>
      p.data?.kind === 'county' ? 'county-row' : p.data?.kind === 'subtotal' ? `subtotal-row ${p.data.level}` : 'total-row',
    [],
  );

  return (
    <div className="overview-grid" data-testid="overview-grid">
      <AgGridReact<GridRow>
        theme={THEME}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL}
        getRowId={rowIdOf}
        pinnedBottomRowData={[total]}
        postSortRows={postSortRows}
        getRowClass={rowClass}
        suppressCellFocus
        tooltipShowDelay={400}
        localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
        overlayNoRowsTemplate={`<span>${emptyText ?? t.overviewEmpty}</span>`}
        onGridReady={(e) => (apiRef.current = e.api)}
        onRowClicked={(e) => e.data?.kind === 'county' && e.data.id !== undefined && onOpen(e.data.id)}
      />
    </div>
  );
});

const DEFAULT_COL: ColDef<GridRow> = {
  sortable: true,
  resizable: true,
  suppressMovable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
