// Blocks copied from Excel or WPS: tab-separated, quoted cells may hold tabs, newlines and "".

/** Parses tab-separated text into rows of cells; a trailing newline adds no row. */
export function parseBlock(text: string): string[][] {
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

/** Writes rows of cells as Excel does: quotes around cells with tabs, newlines or quotes. */
export function formatBlock(rows: string[][]): string {
  const quote = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join('\t')).join('\n') + '\n';
}
