// Blocks copied from Excel or WPS: tab-separated, quoted cells may hold tabs, newlines and "".

/**
 * Parses tab-separated text into rows of cells; a trailing newline adds no row. A guarded formula ('=…) reads back as its
 * text (a guarded carriage return as the line break every CR becomes).
 */
export function parseBlock(text: string): string[][] {
  return parseCells(text).map((row) => row.map((cell) => (/^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell)));
}

function parseCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const input = text.replace(/\r\n?/g, '\n');
  let atCellStart = true;
  while (i < input.length) {
    const ch = input[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote; "" is a quote.
      let j = i + 1;
      let value = '';
      for (; j < input.length; j++) {
        if (input[j] === '"') {
          if (input[j + 1] === '"') {
            value += '"';
            j++;
          } else break;
        } else value += input[j];
      }
      if (j < input.length && (input[j + 1] === '\t' || input[j + 1] === '\n' || j + 1 === input.length)) {
        cell = value;
        i = j + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * A text cell that a spreadsheet would take for a formula (= + - @, or a tab or carriage return
 * first) gets a leading apostrophe, as OWASP advises for data bound for Excel: "=1+1" pastes as
 * the text =1+1, never as a formula. Plain numbers ("-5", "1,234.5") stay numbers.
 */
export function guardFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell)) return cell;
  return /^[+-]?\d[\d,]*(\.\d+)?%?$/.test(cell) ? cell : `'${cell}`;
}

/** Writes rows of cells as Excel does: quotes around cells with tabs, line breaks or quotes. */
export function formatBlock(rows: string[][]): string {
  const quote = (c: string) => (/[\t\r\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map((c) => quote(guardFormula(c))).join('\t')).join('\n') + '\n';
}

/**
 * A text cell in text format, in the words of LibreOffice (sdnum …;@) and of Excel
 * (mso-number-format:"\@"): a spreadsheet pasting the HTML table keeps `=1+1` as that text.
 */
const TEXT_CELL = ` sdnum="2052;0;@" style="mso-number-format:'\\@'"`;

/**
 * The same rows as the HTML table Excel puts beside the text. A cell the text flavour guards
 * (guardFormula) is marked as text rather than given an apostrophe, so it pastes as exactly what
 * was copied; a line break within a cell stays within it.
 */
export function formatHtmlBlock(rows: string[][]): string {
  const esc = (s: string) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\r\n?|\n/g, '<br style="mso-data-placement:same-cell">');
  const cell = (c: string) => `<td${guardFormula(c) === c ? '' : TEXT_CELL}>${esc(c)}</td>`;
  return `<meta charset="utf-8"><table>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`;
}
