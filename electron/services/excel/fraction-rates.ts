// A rate column typed as fractions in General cells (0.9 and 1 for 90 % and 100 %). One cell cannot
// tell 0.9 % from 90 %, its column can: a person who types percents without the sign writes 90, and
// a column whose General numbers all lie within 0…1 (one above 0) is fractions. It is read so, and
// the clerk is told at its first fraction; a column with a number above 1 is percents, as before.
// The same rule for 实施目标完成率 (table 二) and the stated 资金拨付率 (table 三, its 合计 included).
import { canonicalPercent } from '../../../shared/money';
import type { Cell, Grid } from './cells';
import type { TableRead } from './rows';
import { generalPercent, generalText, showsGeneral, type CellReader } from './values';

type Rate = { cell: Cell; set: (percent: string) => void };

const rowOf = (address: string | undefined) => Number(/\d+$/.exec(address ?? '')?.[0] ?? 0);

/** Re-reads a table's rate column as fractions when its General numbers say so. */
export function readFractionRates(grid: Grid, table: TableRead, reader: CellReader): void {
  const field = table.kind === 'items' ? 'completionRate' : table.kind === 'disbursements' ? 'rate' : undefined;
  const col = field && table.header.columns[field];
  if (!field || col === undefined) return;
  const general = (address: string | undefined) => {
    const cell = grid.at(rowOf(address), col);
    return cell && !cell.isFormula && showsGeneral(cell) ? cell : undefined;
  };
  const rates: Rate[] = [];
  const add = (address: string | undefined, set: Rate['set']) => {
    const cell = general(address);
    if (cell) rates.push({ cell, set });
  };
  if (table.kind === 'items')
    table.items.forEach((item, i) => add(table.cells[i]?.completionRate, (p) => (item.completionRate = canonicalPercent(p))));
  else {
    table.disbursements.forEach((line, i) => {
      if (line.statedRate !== undefined) add(table.cells[i]?.statedRate, (p) => (line.statedRate = p));
    });
    for (const total of table.totals) if (total.statedRate !== undefined) add(total.rateCell, (p) => (total.statedRate = p));
  }
  const values = rates.map((r) => r.cell.value as number);
  if (values.length === 0 || !values.some((v) => v > 0)) return;
  if (values.some((v) => v < 0 || v > 1)) return doubtFractionsAmongPercents(rates, table, reader);
  for (const r of rates) r.set(generalPercent(r.cell.value as number, true));
  // Told at the first fraction above 0: the cell the example is, shown as typed beside the percent read.
  const first = rates.find((r) => (r.cell.value as number) > 0)!.cell;
  const example = first.value as number;
  reader.problem('percent_fractions', first, {
    field,
    example: generalText(example),
    percent: generalPercent(example, true),
    count: String(rates.length),
  });
}

/**
 * A column of percents (a General number above 1) with a fraction in it (0.9 beside 100): the cell
 * is read as typed (0.9 %), and it is a doubt at its cell with both readings — 90 % is as likely.
 * An integer (1) is a percent as typed. Table 三's stated rates need none: each is checked against
 * the rate its amounts give (stated_rate_mismatch), which a fraction fails.
 */
function doubtFractionsAmongPercents(rates: Rate[], table: TableRead, reader: CellReader): void {
  if (table.kind !== 'items') return;
  const other = rates.map((r) => r.cell.value as number).find((v) => v > 1)!;
  for (const { cell } of rates) {
    const v = cell.value as number;
    if (v > 0 && v < 1)
      reader.problem('fraction_among_percents', cell, {
        field: 'completionRate',
        value: generalText(v),
        percent: generalPercent(v, true),
        other: generalText(other),
      });
  }
}
