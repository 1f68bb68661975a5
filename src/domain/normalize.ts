/**
 * Text normalisation shared by short-text, cloze and free-text grading.
 *
 * Learners type on phones, paste from the brief and use whatever keyboard they have, so two
 * answers that a reader would call "the same" must compare equal.
 *
 * Rules:
 * - Unicode NFKC, so full-width letters (ＵＳＡ) and ligatures become plain letters;
 * - curly quotes become straight quotes, and every dash variant (hyphen, en, em, minus…) '-';
 * - Latin-script diacritics are folded (NFD, then the combining marks that follow a Latin letter
 *   are removed), so "Kyïv" equals "Kyiv"; unless the item is `accentSensitive`;
 * - marks on letters of other scripts are kept: there they are often letters of their own
 *   (Japanese voicing marks: は ≠ ば; Devanagari vowel signs: कम ≠ काम; Cyrillic й ≠ и), so
 *   folding them would merge different words;
 * - case folded, unless the item is `caseSensitive`;
 * - spaces trimmed and collapsed; one trailing full stop removed ("South Korea." equals
 *   "South Korea");
 * - one pair of quotes around the whole answer removed, since learners quote the brief's word
 *   ("“reportedly”" equals "reportedly"); quotes inside the answer are kept.
 `normalizeText` is the insensitive default; `normalizeWith` takes an item's sensitivity.
 * `normalizeChars` applies only the character rules (NFKC, quotes, dashes, diacritics), so that a
 * regular expression's source can be read the same way as the answer without touching its syntax.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u00B4\u0060]/g
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g
/** The whole text in one pair of double or single quotes, with no such quote inside. */
const QUOTED = /^(?:"([^"]*)"|'([^']*)')$/u
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu

/** How strictly an item compares text; both default to false (insensitive). */
export interface TextSensitivity {
  caseSensitive?: boolean
  accentSensitive?: boolean
}

/** The character rules only: NFKC, quotes, dashes and (unless accent-sensitive) Latin diacritics. */
export function normalizeChars(text: string, sensitivity: TextSensitivity = {}): string {
  const mapped = text.normalize('NFKC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-')
  if (sensitivity.accentSensitive === true) return mapped
  return mapped.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC')
}

/** Normalise a typed answer so that equivalent spellings compare equal (rules at the top of the file). */
export function normalizeText(text: string): string {
  return normalizeWith(text, {})
}

/** `normalizeText` with an item's case and accent sensitivity. */
export function normalizeWith(text: string, sensitivity: TextSensitivity): string {
  const chars = normalizeChars(text, sensitivity)
  return (sensitivity.caseSensitive === true ? chars : chars.toLowerCase())
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\.$/u, '')
    .trim()
    .replace(QUOTED, '$1$2')
    .trim()
    .replace(/\.$/u, '')
    .trim()
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one
 * substring): a swapped pair of neighbouring letters is one typo, as a reader would count it.
 * Stops early once the distance exceeds `limit`, since grading only asks "is it at most 1?".
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a)
  const t = Array.from(b)
  if (Math.abs(s.length - t.length) > limit) return limit + 1
  let prevPrev: number[] = []
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1)
      }
      row.push(d)
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > limit) return limit + 1
    prevPrev = prev
    prev = row
  }
  return prev[t.length] ?? 0
}

/** Split normalised text into words (letters and digits), for concept matching. */
export function words(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/**
 * Whether `phrase` occurs in `text` starting at a word boundary. The last word of the phrase may
 * be a prefix ("ideolog" finds "ideological"), so rubric authors can write stems instead of
 * listing every inflection; earlier words must match whole.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = words(phrase).join(' ')
  if (needle === '') return false
  return ` ${words(text).join(' ')}`.includes(` ${needle}`)
}

/** Count words the way a reader would (for free text `minWords`). */
export function wordCount(text: string): number {
  return words(text).length
}
