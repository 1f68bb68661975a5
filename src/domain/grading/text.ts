/**
 * Grading of short text items, and of typed cloze blanks (through `textCredit`).
 *
 * Rules:
 * - The answer, every key and every `reject` entry are compared after `normalizeText` with the
 *   item's `caseSensitive` and `accentSensitive` (both default false: case and Latin diacritics
 *   ignored; see `normalize.ts` for the other rules).
 * - A `reject` entry equal to the answer makes it wrong, whatever else matches: it guards against
 *   a pattern or a forgiven typo accepting a known wrong answer ("portal" one typo from "mortal").
 * - An accepted answer: full marks.
 * - A `patterns` regular expression: full marks when it matches the WHOLE normalised answer (it is
 *   anchored as `^(?:pattern)$`, so "knowledge" does not accept "no knowledge"). Its source is read
 *   with the same character rules as the answer (`normalizeChars`: curly quotes, dashes, Latin
 *   diacritics) and matched case-insensitively unless the item is `caseSensitive`. A pattern that
 *   does not compile is skipped, never thrown.
 * - A `partial` answer: its fraction of the points (clamped to 0..1).
 * - With `allowTypo`: one typo (insertion, deletion, substitution or swap of two neighbours)
 *   against an accepted or partial answer of at least 5 characters earns that answer's credit.
 *   Shorter keys need an exact match, since one edit changes a short word into another word.
 * The best of these earns the score; an exact match is preferred to a typo of equal credit.
 */
import type { Answer, ShortTextItem } from '../types.ts'
import { editDistance, normalizeChars, normalizeWith, type TextSensitivity } from '../normalize.ts'
import { clampScore, stateFor, wrongType, type Grade } from './grade.ts'

const TYPO_MIN_LENGTH = 5

/** What `textCredit` reads: a short-text item or a cloze blank. */
export interface TextKeys extends TextSensitivity {
  accept: readonly string[]
  patterns?: readonly string[]
  partial?: readonly { answer: string; fraction: number }[]
  reject?: readonly string[]
  allowTypo?: boolean
}

export interface TextCredit {
  /** 0..1 of the points. */
  fraction: number
  /** The credit came from a forgiven typo. */
  typo: boolean
  /** The answer is one of the `reject` list. */
  rejected: boolean
}

/**
 * Whether a pattern matches the whole of `text` (already normalised): anchored, read with the
 * same character rules as the answer; a pattern that does not compile counts as not matching.
 */
export function safePatternMatch(pattern: string, text: string, sensitivity: TextSensitivity = {}): boolean {
  const source = `^(?:${normalizeChars(pattern, sensitivity)})$`
  const flags = sensitivity.caseSensitive === true ? '' : 'i'
  try {
    return new RegExp(source, `${flags}u`).test(text)
  } catch {
    try {
      return new RegExp(source, flags).test(text)
    } catch {
      return false
    }
  }
}

function creditFor(typed: string, key: string, keys: TextKeys): 'exact' | 'typo' | null {
  const k = normalizeWith(key, keys)
  if (k === typed) return 'exact'
  if (keys.allowTypo === true && Array.from(k).length >= TYPO_MIN_LENGTH && editDistance(typed, k, 1) <= 1) return 'typo'
  return null
}

/** The credit a typed text earns against accepted answers, patterns, partials and rejects (rules at the top). */
export function textCredit(keys: TextKeys, text: string): TextCredit {
  const typed = normalizeWith(text, keys)
  if ((keys.reject ?? []).some((r) => normalizeWith(r, keys) === typed)) return { fraction: 0, typo: false, rejected: true }
  let best = 0
  let typo = false
  for (const key of keys.accept) {
    const credit = creditFor(typed, key, keys)
    if (credit !== null && (best < 1 || (typo && credit === 'exact'))) {
      best = 1
      typo = credit === 'typo'
    }
  }
  if ((best < 1 || typo) && (keys.patterns ?? []).some((p) => safePatternMatch(p, typed, keys))) {
    best = 1
    typo = false
  }
  if (best < 1) {
    for (const partial of keys.partial ?? []) {
      const fraction = Math.min(1, Math.max(0, partial.fraction))
      const credit = creditFor(typed, partial.answer, keys)
      if (credit !== null && fraction > best) {
        best = fraction
        typo = credit === 'typo'
      }
    }
  }
  return { fraction: best, typo, rejected: false }
}

export function gradeShort(item: ShortTextItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'short' || typeof answer.text !== 'string') return wrongType(max)
  const credit = textCredit(item, answer.text)
  const score = clampScore(credit.fraction * max, max)
  const feedback: string[] = []
  if (credit.typo) feedback.push('Accepted, though the spelling is slightly off.')
  if (score < max) feedback.push(item.wrongFeedback)
  return { score, max, state: stateFor(score, max), feedback }
}
