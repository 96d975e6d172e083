/** Plain-text tables for the scripts' and the bench's reports. */

/** A titled table: the first column left-aligned, the others right-aligned. */
export function formatSection(title: string, header: readonly string[], rows: readonly string[][]) {
  const table = [[title, ...header], ...rows];
  const widths = table[0]?.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length)),
  );
  return table
    .map((row) =>
      row
        .map((cell, column) => {
          const width = widths?.[column] ?? 0;
          return column === 0 ? cell.padEnd(width) : cell.padStart(width);
        })
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}
