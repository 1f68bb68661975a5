/**
 * The small pieces every package manifest shares (imsmanifest.xml for SCORM 1.2 and 2004, cmi5.xml):
 * XML escaping, length-limited text, file hrefs and the pass mark in each standard's number form.
 */

/** Characters XML 1.0 cannot hold at all (controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/** Text or an attribute value, escaped for XML: `& < > " '` become entities; characters XML cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * At most `max` characters (code points, so an emoji is never cut in half), ending in "…" when cut.
 * SCORM 1.2 allows 200 characters in a title.
 */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/**
 * A file of the package as a relative URL: `/` separators, each segment percent-encoded (so a
 * space or `#` in a name still points at the file). Refuses absolute paths and `..`, which a
 * package must never hold.
 */
export function fileHref(path: string): string {
  const segments = path.replace(/\\/g, '/').split('/')
  if (path === '' || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`"${path}" is not a relative path inside the package.`)
  }
  return segments.map(encodeURIComponent).join('/')
}

/** An XML ID (NCName) for the manifest's identifiers; package ids are built from content ids, so a bad one is a bug. */
export function checkIdentifier(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(identifier)) throw new Error(`"${identifier}" cannot be a manifest identifier (an XML ID: a letter, then letters, digits, "-", "_" or ".").`)
  return identifier
}

function checkFraction(passMark: number): void {
  if (!Number.isFinite(passMark) || passMark < 0 || passMark > 1) throw new RangeError(`A pass mark is a fraction 0..1, not ${passMark}.`)
}

/**
 * SCORM 1.2's `adlcp:masteryscore`: a whole percent 0..100. A pass mark that is not a whole percent
 * is rounded up, so the LMS never passes a learner below the mark the app applies.
 */
export function masteryPercent(passMark: number): number {
  checkFraction(passMark)
  return Math.min(100, Math.ceil(passMark * 100 - 1e-9))
}

/** SCORM 2004's `minNormalizedMeasure` and cmi5's `masteryScore`: a decimal 0..1 with at most 4 places. */
export function masteryDecimal(passMark: number): string {
  checkFraction(passMark)
  return String(Number(passMark.toFixed(4)))
}

/** The files of a resource, sorted, as `<file href>` lines at the given indent. */
export function fileElements(files: readonly string[], indent: string): string[] {
  return [...files].sort().map((f) => `${indent}<file href="${escapeXml(fileHref(f))}"/>`)
}
