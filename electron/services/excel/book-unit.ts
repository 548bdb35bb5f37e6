// A unit a workbook states once for all its tables, on its 填表说明 or 说明 sheet ("1.本表金额单位均为元,保留两位小数。"):
// it governs the county sheets that state none of their own — a county sheet's own header, unit line or cell still
// wins. Two notes naming different units leave the workbook without one (万元, as anywhere nothing is said) and are a
// doubt on each county read, so nobody's figures land on a guess between them.
import { finding, type Finding } from '../../../shared/findings';
import type { AmountUnit } from '../../../shared/money';
import { fold } from '../../../shared/text';
import type { BookSheet } from './sheet-reader';
import { INSTRUCTIONS } from './sheet-kind';

/** The unit a 说明 sheet states, and where: `where` as the preview names a cell (填表说明 › A2). */
export type BookUnit = { unit: AmountUnit; where: string; text: string };

/** "本表金额单位均为元", "金额单位：万元", "单位统一为元", "数据单位为人民币元" (folded, spaces dropped). */
const NOTE_UNIT = /(?:金额|资金|数额|数据)?单位(?:均|都|统一|一律|全部)?(?:为|是|:|采用)?(?:人民币)?(亿元|万元|千元|元)/;
const UNITS: Record<string, AmountUnit> = { 亿元: 'yi', 万元: 'wan', 千元: 'qian', 元: 'yuan' };

/** The unit the workbook's 说明 sheets state (only sheets named so are read, each once), or the doubt when they disagree. */
export function bookUnit(sheets: BookSheet[], file: string): { unit?: BookUnit; conflict?: Finding } {
  const said: (BookUnit & { sheet: string; cell: string })[] = [];
  for (const sheet of sheets) {
    if (!INSTRUCTIONS.test(fold(sheet.name))) continue;
    const grid = sheet.grid();
    for (const r of grid.rows)
      for (const c of grid.row(r)) {
        const m = typeof c.value === 'string' && c.text.length <= 200 ? NOTE_UNIT.exec(fold(c.text).replace(/\s/g, '')) : null;
        if (m)
          said.push({ unit: UNITS[m[1]], where: `${sheet.name} › ${c.address}`, text: c.text.trim(), sheet: sheet.name, cell: c.address });
      }
  }
  const other = said.find((s) => s.unit !== said[0]?.unit);
  if (!other) return said[0] ? { unit: { unit: said[0].unit, where: said[0].where, text: said[0].text } } : {};
  const first = said[0];
  const params = { unit: first.unit, otherUnit: other.unit, other: other.where, value: first.text, otherValue: other.text };
  return { conflict: { ...finding('book_unit_conflict', params), file, sheet: first.sheet, cell: first.cell } };
}
