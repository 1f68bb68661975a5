/**
 * Grading of numeric items.
 *
 * Reading the number: the text is NFKC-normalised (so full-width digits and the minus sign −
 * work), then read as an optional sign, digits with optional thousands commas in groups of three
 * ("1,000"), an optional decimal part (a point, or a single comma not in groups of three: "3,5"),
 * an optional exponent ("1e3"), then an optional unit. Spaces inside the number ("1 000") are not
 * read. The unit is optional; when written it must be one of the item's `units`
 * (case-insensitive); an item without units accepts a bare number only.
 *
 * Right when |x − answer| ≤ max(absolute, relative × |answer|) (the more generous tolerance wins;
 * with none, a 1e-9 relative margin absorbs floating-point noise). All or nothing. Unreadable,
 * non-finite or out-of-tolerance answers are incorrect with feedback saying which.
 */
import type { Answer, NumericItem } from '../types.ts'
import { normalizeText } from '../normalize.ts'
import { wrongType, type Grade } from './grade.ts'

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+(?:,\d+)?|(?=\.\d))(\.\d+)?(e[+-]?\d+)?(?:\s*([^\d.,\s].*))?$/

export interface ParsedNumber {
  value: number
  unit: string
}

/** Read a typed number and its trailing unit; null when the text does not start with a number. */
export function parseNumber(text: string): ParsedNumber | null {
  const normal = normalizeText(text.replace(/\.$/u, ''))
  const match = NUMBER.exec(normal)
  if (match === null) return null
  const [, sign = '', whole = '', fraction = '', exponent = '', unit = ''] = match
  if (whole === '' && fraction === '') return null
  const grouped = /^\d{1,3}(?:,\d{3})+$/.test(whole)
  const digits = grouped ? whole.replace(/,/g, '') : whole.replace(',', '.')
  if (!grouped && whole.includes(',') && fraction !== '') return null
  const value = Number(`${sign}${digits === '' ? '0' : digits}${fraction}${exponent}`)
  return { value, unit: unit.trim() }
}

export function gradeNumeric(item: NumericItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'numeric' || typeof answer.text !== 'string') return wrongType(max)
  const incorrect = (message: string): Grade => ({
    score: 0,
    max,
    state: 'incorrect',
    feedback: [message, item.wrongFeedback],
  })
  const parsed = parseNumber(answer.text)
  if (parsed === null) return incorrect('This answer could not be read as a number.')
  if (!Number.isFinite(parsed.value)) return incorrect('This number is too large to be a sensible answer.')
  if (parsed.unit !== '') {
    const units = (item.units ?? []).map(normalizeText)
    if (!units.includes(normalizeText(parsed.unit))) {
      return incorrect(
        units.length === 0
          ? 'Answer with a number only.'
          : `"${parsed.unit}" is not an accepted unit here (use ${(item.units ?? []).join(', ')}).`,
      )
    }
  }
  const margin = Math.max(
    item.tolerance?.absolute ?? 0,
    (item.tolerance?.relative ?? 0) * Math.abs(item.answer),
    1e-9 * Math.max(1, Math.abs(item.answer)),
  )
  if (Math.abs(parsed.value - item.answer) > margin) {
    return incorrect(`${parsed.value} is not within the accepted range of the answer.`)
  }
  return { score: max, max, state: 'correct', feedback: [] }
}
