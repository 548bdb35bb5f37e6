// The acceptance document (shared/print.ts) cut into the A4 landscape sheets it prints on, so the
// preview shows real pages with their numbers. It breaks where the printer does: each county on a
// new page, a table between rows with its header repeated, a heading kept with what follows it,
// the signature block whole. Printing the preview prints these same sheets.
import { WORDING } from '../../../shared/document';
import type { Script } from '../../../shared/text';

/** The page of shared/print.ts's @page rule: A4 landscape, margins in mm. */
export const SHEET = { width: 297, height: 210, top: 12, right: 12, bottom: 14, left: 12 };

export const SHEET_CSS = `
@page { size: A4 landscape; margin: 0; }
@media screen { body { background: #e9ecf0; padding: 8px 0; } .sheet { margin: 12px auto; box-shadow: 0 2px 10px rgba(0,0,0,.2); } }
@media print { .sheet { break-after: page; } .sheet:last-child { break-after: auto; } }
.sheet { position: relative; box-sizing: border-box; width: ${SHEET.width}mm; height: ${SHEET.height}mm; background: #fff; overflow: hidden;
  padding: ${SHEET.top}mm ${SHEET.right}mm ${SHEET.bottom}mm ${SHEET.left}mm; }
.sheet-body { height: ${SHEET.height - SHEET.top - SHEET.bottom}mm; }
.sheet-foot { position: absolute; left: 0; right: 0; bottom: ${SHEET.bottom / 2 - 2}mm; text-align: center;
  font-family: "Noto Serif CJK SC", "SimSun", "宋体", serif; font-size: 10pt; }
`;

/** Starts a new sheet at the end of the document and gives its body (the printable area). */
type NewSheet = () => HTMLElement;

/** Cuts the document's sections into sheets, numbered in the document's script; returns how many. */
export function paginate(doc: Document, script: Script): number {
  const style = doc.createElement('style');
  style.textContent = SHEET_CSS;
  doc.head.append(style);
  const sheets: HTMLElement[] = [];
  const newSheet = () => {
    const sheet = doc.createElement('div');
    sheet.className = 'sheet';
    const body = doc.createElement('div');
    body.className = 'sheet-body';
    sheet.append(body);
    doc.body.append(sheet);
    sheets.push(sheet);
    return body;
  };
  for (const section of [...doc.querySelectorAll('section.doc')]) {
    placeSection(section, newSheet);
    section.remove();
  }
  numberSheets(sheets, script);
  return sheets.length;
}

// The body is exactly the printable height (the sheet's CSS): content taller than it would run off.
const overflows = (body: HTMLElement) => body.scrollHeight > body.clientHeight;

/** What the printer keeps with the next block: a heading (with the sentence right under it). */
function keptWithNext(body: HTMLElement): Element[] {
  const last = body.lastElementChild;
  const before = last?.previousElementSibling;
  const carry = last?.tagName === 'H2' ? [last] : last?.tagName === 'P' && before?.tagName === 'H2' ? [before, last] : [];
  return carry.length === body.children.length ? [] : carry;
}

/** One county's blocks, on a new sheet and as many more as they take: a heading goes over with what follows it. */
function placeSection(section: Element, newSheet: NewSheet) {
  let body = newSheet();
  for (const block of [...section.children]) {
    // (The document is the preview frame's: its elements are not this window's HTMLTableElement.)
    if (block.tagName === 'TABLE') {
      body = placeTable(block as HTMLTableElement, body, newSheet);
      continue;
    }
    body.append(block);
    if (overflows(body) && body.children.length > 1) {
      const carry = block.tagName === 'H2' ? [] : keptWithNext(body).filter((e) => e !== block);
      body = newSheet();
      body.append(...carry, block);
    }
  }
}

/** A copy of the table without its rows (its columns and header kept), to carry on with on the next sheet. */
function tableShell(table: HTMLTableElement) {
  const t = table.cloneNode(false) as HTMLTableElement;
  for (const part of table.querySelectorAll(':scope > colgroup, :scope > thead')) t.append(part.cloneNode(true));
  const tbody = table.ownerDocument.createElement('tbody');
  t.append(tbody);
  return { t, tbody };
}

/** A table cut between rows, its header repeated on each sheet it runs on; returns the body it ends on. */
function placeTable(table: HTMLTableElement, start: HTMLElement, newSheet: NewSheet): HTMLElement {
  let body = start;
  const rows = [...(table.tBodies[0]?.rows ?? [])];
  let { t, tbody } = tableShell(table);
  body.append(t);
  for (const row of rows) {
    tbody.append(row);
    if (!overflows(body)) continue;
    row.remove();
    if (tbody.rows.length === 0) {
      // Not one row fits here: the table starts on the next page, with its heading.
      t.remove();
      const carry = keptWithNext(body);
      body = newSheet();
      body.append(...carry);
    } else body = newSheet();
    ({ t, tbody } = tableShell(table));
    body.append(t);
    tbody.append(row);
  }
  return body;
}

/** 第 n 页 共 m 页 at the foot of each sheet. */
function numberSheets(sheets: HTMLElement[], script: Script) {
  const unit = WORDING[script].pageUnit;
  sheets.forEach((sheet, i) => {
    const foot = sheet.ownerDocument.createElement('div');
    foot.className = 'sheet-foot';
    foot.textContent = `第 ${i + 1} ${unit} 共 ${sheets.length} ${unit}`;
    sheet.append(foot);
  });
}
