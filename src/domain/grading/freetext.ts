/**
 * Grading of free text: a provisional rubric score, and the instructor's final word.
 *
 * Provisional score: for each rubric criterion, the fraction of its concepts the answer mentions
 * times the criterion's points; a concept is mentioned when any of its synonyms appears in the
 * normalised text starting at a word (the synonym may be a stem: "ideolog" finds "ideological").
 * The total is scaled to the item's max (see `itemMax`) and is never final: the state is
 * `needs-grading` and `provisional` is true until a ManualGrade is applied. Answers shorter than
 * `minWords` get a note in the feedback but are still scored.
 *
 * A ManualGrade overrides any automatic grade (free text, or an instructor's override of another
 * type): its score, on the item's scale, clamped to 0..max, is final.
 */
import type { Answer, FreeTextItem, ManualGrade } from '../types.ts'
import { containsPhrase, wordCount } from '../normalize.ts'
import { clampScore, stateFor, wrongType, type ConceptsFound, type Grade } from './grade.ts'

export function gradeFreeText(item: FreeTextItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'freetext' || typeof answer.text !== 'string') return wrongType(max)
  const text = answer.text
  const conceptsFound: ConceptsFound[] = []
  let earned = 0
  let total = 0
  for (const criterion of item.rubric) {
    const found = criterion.concepts.filter((synonyms) => synonyms.some((s) => containsPhrase(text, s))).length
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
