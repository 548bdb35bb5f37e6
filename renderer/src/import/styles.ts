// The import preview's table cells: one look for the records' table and the doubts' table.
export const cellStyle = { padding: '4px 8px', borderBottom: '1px solid #eee', whiteSpace: 'nowrap' as const };
export const headStyle = { ...cellStyle, textAlign: 'left' as const, borderBottom: '1px solid #ccc', fontWeight: 600 };
export const numberStyle = { ...cellStyle, textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };
