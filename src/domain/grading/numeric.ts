/**
 * Grading of numeric items.
 *
 * Rules:
 * - Reading the number: the text is normalised (NFKC, so full-width digits and the minus sign −
 *   work; case kept, so a case-sensitive unit can be checked), then read as an optional sign,
 *   digits with optional thousands commas in groups of three ("1,000"), an optional decimal part
 *   (a point, or a single comma not in groups of three: "3,5"), an optional exponent ("1e3",
 *   "1E3"), then an optional unit. Spaces inside the number ("1 000") are not read.
 * - A leading "0" is never a thousands group: "0,001" and "0,250" are decimals (0.001, 0.25),
 *   since no one writes a thousands number with a leading zero; "0,001,000" is unreadable.
 *   Ambiguity: any other comma followed by exactly three digits is a thousands group, so
 *   "1,250" is one thousand two hundred fifty, though a learner used to decimal commas may have
 *   meant 1.25. Authors who expect such answers should avoid numbers of that form.
 * - The unit is optional; when written it must be one of the item's `units`, compared like short
 *   text (case-insensitive unless the item sets `unitsCaseSensitive`, so "Mm" is not "mm"); an
 *   item without units accepts a bare number only.
 * - Right when |x − answer| ≤ max(absolute, relative × |answer|) + slack: the more generous
 *   tolerance wins, and the slack 1e-9 × max(|x|, |answer|) absorbs floating-point noise so an
 *   answer exactly on the edge is right (0.4 for 0.3 ± 0.1). The slack is relative, with no
 *   absolute floor, so a relative tolerance on a tiny answer (1e-12 ± 1 %) is never widened,
 *   and with no tolerance the answer must match to nine significant digits.
 * - All or nothing. Unreadable, non-finite or out-of-tolerance answers are incorrect with feedback
 *   saying which.
 */
import type { Answer, NumericItem } from '../types.ts'
import { normalizeWith } from '../normalize.ts'
import { wrongType, type Grade } from './grade.ts'

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+(?:,\d+)?|(?=\.\d))(\.\d+)?([eE][+-]?\d+)?(?:\s*([^\d.,\s].*))?$/
const SLACK = 1e-9

export interface ParsedNumber {
  value: number
  unit: string
}

/** Read a typed number and its trailing unit; null when the text does not start with a number. */
export function parseNumber(text: string): ParsedNumber | null {
  const normal = normalizeWith(text.replace(/\.$/u, ''), { caseSensitive: true })
  const match = NUMBER.exec(normal)
  if (match === null) return null
  const [, sign = '', whole = '', fraction = '', exponent = '', unit = ''] = match
  if (whole === '' && fraction === '') return null
  const leadingZero = whole.startsWith('0,')
  if (leadingZero && !/^0,\d{3}$/.test(whole) && /^\d{1,3}(?:,\d{3})+$/.test(whole)) return null
  const grouped = !leadingZero && /^\d{1,3}(?:,\d{3})+$/.test(whole)
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
    const sensitivity = { caseSensitive: item.unitsCaseSensitive === true }
    const units = (item.units ?? []).map((u) => normalizeWith(u, sensitivity))
    if (!units.includes(normalizeWith(parsed.unit, sensitivity))) {
      return incorrect(
        units.length === 0
          ? 'Answer with a number only.'
          : `"${parsed.unit}" is not an accepted unit here (use ${(item.units ?? []).join(', ')}).`,
      )
    }
  }
  const tolerance = Math.max(item.tolerance?.absolute ?? 0, (item.tolerance?.relative ?? 0) * Math.abs(item.answer))
  const slack = SLACK * Math.max(Math.abs(parsed.value), Math.abs(item.answer))
  if (Math.abs(parsed.value - item.answer) > tolerance + slack) {
    return incorrect(`${parsed.value} is not within the accepted range of the answer.`)
  }
  return { score: max, max, state: 'correct', feedback: [] }
}
