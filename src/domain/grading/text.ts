/**
 * Grading of short text items.
 *
 * The answer and every key are compared after `normalizeText` (NFKC, case fold, quotes, dashes,
 * diacritics, spaces, one trailing full stop). The best of these earns the score:
 * - an accepted answer, or a `patterns` regular expression matching the normalised answer
 *   (case-insensitive; an invalid pattern is skipped, never thrown): full marks;
 * - a `partial` answer: its fraction of the points (clamped to 0..1);
 * - with `allowTypo`: one typo (insertion, deletion, substitution or swap of two neighbours)
 *   against an accepted or partial answer of at least 5 characters earns that answer's credit.
 *   Shorter keys need an exact match, since one edit changes a short word into another word.
 */
import type { Answer, ShortTextItem } from '../types.ts'
import { editDistance, normalizeText } from '../normalize.ts'
import { clampScore, stateFor, wrongType, type Grade } from './grade.ts'

const TYPO_MIN_LENGTH = 5

/** Whether a pattern matches; a pattern that does not compile counts as not matching. */
export function safePatternMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'iu').test(text)
  } catch {
    try {
      return new RegExp(pattern, 'i').test(text)
    } catch {
      return false
    }
  }
}

function creditFor(typed: string, key: string, allowTypo: boolean): 'exact' | 'typo' | null {
  const k = normalizeText(key)
  if (k === typed) return 'exact'
  if (allowTypo && Array.from(k).length >= TYPO_MIN_LENGTH && editDistance(typed, k, 1) <= 1) return 'typo'
  return null
}

export function gradeShort(item: ShortTextItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'short' || typeof answer.text !== 'string') return wrongType(max)
  const typed = normalizeText(answer.text)
  const allowTypo = item.allowTypo === true
  let best = 0
  let typo = false
  for (const key of item.accept) {
    const credit = creditFor(typed, key, allowTypo)
    if (credit !== null && (best < 1 || (typo && credit === 'exact'))) {
      best = 1
      typo = credit === 'typo'
    }
  }
  if (best < 1 && (item.patterns ?? []).some((p) => safePatternMatch(p, typed))) {
    best = 1
    typo = false
  }
  if (best < 1) {
    for (const partial of item.partial ?? []) {
      const fraction = Math.min(1, Math.max(0, partial.fraction))
      const credit = creditFor(typed, partial.answer, allowTypo)
      if (credit !== null && fraction > best) {
        best = fraction
        typo = credit === 'typo'
      }
    }
  }
  const score = clampScore(best * max, max)
  const feedback: string[] = []
  if (typo) feedback.push('Accepted, though the spelling is slightly off.')
  if (score < max) feedback.push(item.wrongFeedback)
  return { score, max, state: stateFor(score, max), feedback }
}
