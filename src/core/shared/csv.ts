/**
 * The one CSV writer (and line splitter) of the product. Every export goes through `toCsv`, so no
 * cell a resident or staff member typed can run as a spreadsheet formula.
 */

/** A plain number, possibly signed or a percentage: a spreadsheet should still read it as one. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/

/**
 * One cell: a text starting with = + - @ or a tab/CR (what spreadsheets evaluate) gets a leading
 * apostrophe, and a cell with a comma, quote or line break is quoted.
 */
export function csvCell(v: string | number): string {
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows as CSV with CRLF line ends and a BOM, so Excel reads the Chinese as UTF-8. */
export const toCsv = (rows: (string | number)[][]) => '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'

/** One line of a CSV file into trimmed cells ("" inside quotes is a quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (c === ',' && !quoted) {
      out.push(cur)
      cur = ''
    } else {
      cur += c
    }
  }
  out.push(cur)
  return out.map((s) => s.trim())
}
