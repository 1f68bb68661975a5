/**
 * Correctness marks shown beside options and parts once an answer is graded. Marks are words
 * (with a symbol), never colour alone. The right answer for parts the learner got wrong is only
 * named when the caller may reveal it (`showCorrect`, the review policy's "correct" part).
 * The choice marks are in choiceMarks.ts, the others in partMarks.ts: a page shows only the
 * renderers it needs, and the assessment page's first question is often a choice (90 KB budget).
 */
import type { Grade, GradePart } from '../../domain/grading/grade.ts'

export interface Mark {
  tone: 'right' | 'wrong' | 'partial' | 'info'
  text: string
}

export const YOURS_RIGHT: Mark = { tone: 'right', text: 'Your answer — correct' }
export const YOURS_WRONG: Mark = { tone: 'wrong', text: 'Your answer — incorrect' }

/** The grade's part for one option, prompt, statement, blank or step. */
export function partOf(grade: Grade | undefined, id: string): GradePart | undefined {
  return grade?.parts?.find((p) => p.id === id)
}
