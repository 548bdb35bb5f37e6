// The import preview's tables (the records, the doubts): one look for their cells and header row.
export const cellStyle = { padding: '4px 8px', borderBottom: '1px solid #eee', whiteSpace: 'nowrap' as const };
export const headStyle = { ...cellStyle, textAlign: 'left' as const, borderBottom: '1px solid #ccc', fontWeight: 600 };
export const numberStyle = { ...cellStyle, textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };

/** A table's header row: its column titles. */
export function HeadRow({ titles }: { titles: string[] }) {
  return (
    <thead>
      <tr>
        {titles.map((h) => (
          <th key={h} scope="col" style={headStyle}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
