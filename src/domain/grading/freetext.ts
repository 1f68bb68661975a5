/**
 * Grading of free text: a provisional rubric score, and the instructor's final word.
 *
 * Rules of the provisional score (a suggestion only: the instructor's grade decides):
 * - The answer and the stem are normalised as for all typed answers (`normalizeText`), "n't" is
 *   read as " not" ("isn't" → "is not"), and both are split into words (runs of letters and
 *   digits). A clause ends at . , ; : ! ? ( ) [ ] " or a spaced dash, and a new clause begins at
 *   "but", "however", "although", "though" and "whereas".
 * - A synonym occurs where its words follow one another in the answer, the last of them possibly
 *   as a prefix ("ideolog" finds "ideological"); punctuation between them does not matter.
 * - Stem words: an occurrence made only of words that are also words of the stem does not count
 *   (so pasting the stem back earns nothing). One word of its own is enough: "ideological" counts
 *   when the stem says "ideology".
 * - Negation: an occurrence does not count when a negator is among the 3 words just before its
 *   first word, in the same clause ("not small", "no limit", "never careful", "isn't managed",
 *   "not a small one"). Negators: not, no, never, nor, neither, none, nothing, without, cannot,
 *   and the forms written without an apostrophe (isnt, dont, cant…). "not only" and "not just"
 *   do not negate. A negator inside the synonym itself ("not confirmed") is part of the match.
 * - A concept is found when any of its synonyms has an occurrence that counts. For each rubric
 *   criterion, the fraction of its concepts found times the criterion's points; the total is
 *   scaled to the item's max (see `itemMax`).
 * - The grade is never final: the state is `needs-grading` and `provisional` is true until a
 *   ManualGrade is applied. Answers shorter than `minWords` get a note but are still scored.
 *
 * A ManualGrade overrides any automatic grade (free text, or an instructor's override of another
 * type): its score, on the item's scale, clamped to 0..max, is final.
 */
import type { Answer, FreeTextItem, ManualGrade } from '../types.ts'
import { normalizeText, wordCount } from '../normalize.ts'
import { clampScore, stateFor, wrongType, type ConceptsFound, type Grade } from './grade.ts'

/** How many words before a match are searched for a negator. */
export const NEGATION_WINDOW = 3

const NEGATORS = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'without', 'cannot',
  'isnt', 'arent', 'wasnt', 'werent', 'dont', 'doesnt', 'didnt', 'cant', 'couldnt', 'wont',
  'wouldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt', 'mustnt',
])
/** "not only", "not just": the words after them are affirmed, not denied. */
const NOT_NEGATING_AFTER_NOT = new Set(['only', 'just'])
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas'])
const TOKEN = /[\p{L}\p{N}]+|[.,;:!?()[\]"]|(?<=\s)-(?=\s)/gu
const WORD = /^[\p{L}\p{N}]/u

interface Tokens {
  words: string[]
  /** The clause number of each word. */
  clause: number[]
}

/** Words and their clauses, by the rules at the top of the file. */
export function tokenize(text: string): Tokens {
  const normalised = normalizeText(text).replace(/n't(?![\p{L}\p{N}])/gu, ' not')
  const result: Tokens = { words: [], clause: [] }
  let clause = 0
  for (const [token] of normalised.matchAll(TOKEN)) {
    if (!WORD.test(token)) {
      clause++
      continue
    }
    if (CLAUSE_WORDS.has(token)) clause++
    result.words.push(token)
    result.clause.push(clause)
  }
  return result
}

function isNegated(answer: Tokens, start: number): boolean {
  for (let m = Math.max(0, start - NEGATION_WINDOW); m < start; m++) {
    const word = answer.words[m] ?? ''
    if (answer.clause[m] !== answer.clause[start] || !NEGATORS.has(word)) continue
    if (word === 'not' && NOT_NEGATING_AFTER_NOT.has(answer.words[m + 1] ?? '')) continue
    return true
  }
  return false
}

/** Whether `synonym` has an occurrence in `answer` that counts: not only stem words, not negated. */
export function synonymCounts(answer: Tokens, stemWords: ReadonlySet<string>, synonym: string): boolean {
  const needle = tokenize(synonym).words
  const k = needle.length
  if (k === 0) return false
  for (let i = 0; i + k <= answer.words.length; i++) {
    const span = answer.words.slice(i, i + k)
    const matches = span.every((w, j) => (j < k - 1 ? w === needle[j] : w.startsWith(needle[j] ?? '')))
    if (!matches) continue
    if (span.every((w) => stemWords.has(w))) continue
    if (isNegated(answer, i)) continue
    return true
  }
  return false
}

/** A provisional rubric score for a free-text answer (rules at the top of the file). */
export function gradeFreeText(item: FreeTextItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'freetext' || typeof answer.text !== 'string') return wrongType(max)
  const text = answer.text
  const tokens = tokenize(text)
  const stemWords = new Set(tokenize(item.stem).words)
  const conceptsFound: ConceptsFound[] = []
  let earned = 0
  let total = 0
  for (const criterion of item.rubric) {
    const found = criterion.concepts.filter((synonyms) => synonyms.some((s) => synonymCounts(tokens, stemWords, s))).length
    const count = criterion.concepts.length
    conceptsFound.push({ criterion: criterion.id, found, total: count, points: criterion.points })
    earned += count > 0 ? (found / count) * criterion.points : 0
    total += criterion.points
  }
  const score = total > 0 ? clampScore((earned / total) * max, max) : 0
  const feedback = ['An instructor will grade this answer; the score shown is an estimate.']
  if (item.minWords !== undefined && wordCount(text) < item.minWords) {
    feedback.push(`This answer is shorter than the ${item.minWords} words asked for.`)
  }
  return { score, max, state: 'needs-grading', feedback, provisional: true, conceptsFound }
}

/** Replace an automatic grade by an instructor's: final, clamped, with the comment as feedback. */
export function applyManualGrade(grade: Grade, manual: ManualGrade): Grade {
  const score = clampScore(manual.score, grade.max)
  const feedback = manual.comment.trim() !== '' ? [manual.comment] : []
  const result: Grade = { score, max: grade.max, state: stateFor(score, grade.max), feedback, provisional: false }
  if (grade.parts !== undefined) result.parts = grade.parts
  if (grade.conceptsFound !== undefined) result.conceptsFound = grade.conceptsFound
  return result
}
