// The overview's table (AG Grid): a row per county, a subtotal row after each group, the grand
// total pinned at the bottom. A click on a header sorts the counties within their groups (the
// groups keep their order and their subtotals stay under them); a click on a county opens it.
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
import type { Lang } from '../../../shared/i18n';
import type { Strings } from '../strings';
import { overviewColumns } from './columns';
import { withinGroups, type GridRow } from './rows';

export type { GridRow } from './rows';

ModuleRegistry.registerModules([AllCommunityModule]);

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

const rowIdOf = (p: { data: GridRow }) => p.data.key;
const keyOf = (n: IRowNode<GridRow>) => n.data!.key;

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
    const out = withinGroups(structure.current, params.nodes, keyOf);
    if (out.length === params.nodes.length) params.nodes.splice(0, params.nodes.length, ...out);
  }, []);

  const columnDefs = useMemo(() => overviewColumns(t, lang, comparePinyin), [t, lang, comparePinyin]);

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
