/**
 * CSV writing for exports (gradebook, statistics, responses), shared by the app and the CLI.
 *
 * Rules: UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding), CRLF line
 * ends (RFC 4180), a cell quoted when it holds a comma, a quote, CR or LF (quotes doubled).
 * Text cells starting with = + - @, a tab or a CR get a leading apostrophe, so a spreadsheet
 * never runs a learner's answer as a formula (OWASP "CSV injection"). Numbers are written as
 * numbers (a negative number is not text and is left alone); null/undefined are empty cells,
 * booleans are "true"/"false", non-finite numbers are empty.
 */

export type CsvCell = string | number | boolean | null | undefined

const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell, escaped and neutralised (rules at the top of the file). */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole CSV document: BOM, header row, then the rows, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** Round for display in exports: at most `digits` decimals, without trailing zeros. */
export function roundTo(value: number | null, digits = 4): number | null {
  if (value === null || !Number.isFinite(value)) return null
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
