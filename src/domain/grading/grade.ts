/**
 * The result of grading one response, and helpers every type's grader shares.
 *
 * States: `correct` (full marks), `partial` (between 0 and max), `incorrect` (0, or an answer
 * that does not fit the item), `unanswered` (no answer: always 0, never penalised) and
 * `needs-grading` (free text: a provisional score waiting for an instructor).
 */
import type { Item } from '../types.ts'

export { isEmptyAnswer } from '../attempt.ts'

export type GradeState = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'needs-grading'

/** Detail for one part of a multi-part item (an option, pair, step, statement or blank). */
export interface GradePart {
  id: string
  correct: boolean
  /** What the right answer for this part is, in words or ids the UI can show. */
  expected: string
  /** What the learner gave for this part (null when left empty). */
  given?: string | null
}

/** How many of a rubric criterion's concepts the free-text answer mentions. */
export interface ConceptsFound {
  criterion: string
  found: number
  total: number
  points: number
}

export interface Grade {
  score: number
  max: number
  state: GradeState
  /** Feedback to show: for what the learner chose, then which parts were wrong. */
  feedback: string[]
  parts?: GradePart[]
  /** True while the score is an automatic estimate an instructor has yet to confirm. */
  provisional?: boolean
  conceptsFound?: ConceptsFound[]
}

export interface GradeOptions {
  /** Per-assessment option; see `negativeMarking.ts` for what it does. */
  negativeMarking?: boolean
}

/**
 * The most an item is worth. Free text defaults to the rubric's total points (so an instructor
 * awarding criterion points awards item points); every other type defaults to 1.
 */
export function itemMax(item: Item): number {
  if (item.points !== undefined) return item.points
  if (item.type === 'freetext') {
    const total = item.rubric.reduce((sum, c) => sum + c.points, 0)
    return total > 0 ? total : 1
  }
  return 1
}

/** Clamp into 0..max and snap tiny floating-point dust so exact scores stay exact. */
export function clampScore(score: number, max: number): number {
  if (!Number.isFinite(score)) return 0
  const rounded = Math.round(score * 1e9) / 1e9
  return Math.min(max, Math.max(0, rounded))
}

/** The state a plain automatic score implies. */
export function stateFor(score: number, max: number): GradeState {
  if (score >= max && max > 0) return 'correct'
  if (score > 0) return 'partial'
  return 'incorrect'
}

export function unanswered(max: number): Grade {
  return { score: 0, max, state: 'unanswered', feedback: [] }
}

/** An answer whose type does not match the item's: graded wrong, never thrown on. */
export function wrongType(max: number): Grade {
  return {
    score: 0,
    max,
    state: 'incorrect',
    feedback: ['This answer does not fit this kind of question, so it scored nothing.'],
  }
}

/** Finish a multi-part grade: summary feedback naming the wrong parts, then the state. */
export function partsGrade(
  score: number,
  max: number,
  parts: GradePart[],
  feedback: string[],
  noun: string,
): Grade {
  const clamped = clampScore(score, max)
  const wrong = parts.filter((p) => !p.correct)
  const all = [...feedback]
  if (wrong.length > 0) {
    all.push(`${wrong.length} of ${parts.length} ${noun} ${wrong.length === 1 ? 'is' : 'are'} not right.`)
  }
  return { score: clamped, max, state: stateFor(clamped, max), feedback: all, parts }
}
