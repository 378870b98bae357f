/** The cells of one Markdown table row, trimmed. */
export function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split('|')
    .map(cell => cell.trim())
}

/**
 * The body rows, as cells, of the first Markdown table whose header row starts with the cell
 * `first` (an empty `first` finds a table whose first header cell is blank); none when absent.
 */
export function tableRows(markdown: string, first: string): string[][] {
  const lines = markdown.split('\n')
  const header = first === '' ? '| |' : `| ${first} |`
  const start = lines.findIndex(line => line.startsWith(header))
  if (start === -1) return []
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(cells(line))
  }
  return rows
}
