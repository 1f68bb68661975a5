/**
 * Correctness marks shown beside options and parts once an answer is graded. Marks are words
 * (with a symbol), never colour alone. The right answer for parts the learner got wrong is only
 * named when the caller may reveal it (`showCorrect`, the review policy's "correct" part).
 */
import type { Grade, GradePart } from '../../domain/grading/grade.ts'

export interface Mark {
  tone: 'right' | 'wrong' | 'partial' | 'info'
  text: string
}

const YOURS_RIGHT: Mark = { tone: 'right', text: 'Your answer — correct' }
const YOURS_WRONG: Mark = { tone: 'wrong', text: 'Your answer — incorrect' }

/** Mark for one option of a single-choice or true/false item. */
export function choiceMark(grade: Grade | undefined, chosen: boolean, isRight: boolean, showCorrect: boolean): Mark | null {
  if (grade === undefined) return null
  if (chosen) return grade.state === 'correct' ? YOURS_RIGHT : YOURS_WRONG
  return showCorrect && isRight ? { tone: 'info', text: 'Correct answer' } : null
}

/** Mark for one option of a multiple-response item, from the grade's per-option parts. */
export function multipleMark(grade: Grade | undefined, optionId: string, ticked: boolean, showCorrect: boolean): Mark | null {
  const part = partOf(grade, optionId)
  if (part === undefined) return null
  if (ticked) return part.correct ? YOURS_RIGHT : YOURS_WRONG
  return showCorrect && !part.correct ? { tone: 'info', text: 'Missed — this one is correct' } : null
}

/** Mark for one part (matching prompt, statement, blank) of a multi-part item. */
export function partMark(grade: Grade | undefined, partId: string, showCorrect: boolean): Mark | null {
  const part = partOf(grade, partId)
  if (part === undefined) return null
  if (part.correct) return { tone: 'right', text: 'Correct' }
  const reveal = showCorrect && part.expected !== '' ? ` — correct answer: ${part.expected}` : ''
  if (part.given === null || part.given === undefined) return { tone: 'wrong', text: `Not answered${reveal}` }
  return { tone: 'wrong', text: `Your answer — incorrect${reveal}` }
}

/** Mark for one step of an ordering item. */
export function stepMark(grade: Grade | undefined, stepId: string, showCorrect: boolean): Mark | null {
  const part = partOf(grade, stepId)
  if (part === undefined) return null
  if (part.correct) return { tone: 'right', text: 'In the right order' }
  return { tone: 'wrong', text: showCorrect ? `Out of order — belongs at position ${part.expected}` : 'Out of order' }
}

/** Mark for a typed answer (short, numeric, free text), from the grade's state. */
export function textMark(grade: Grade | undefined): Mark | null {
  switch (grade?.state) {
    case 'correct':
      return YOURS_RIGHT
    case 'partial':
      return { tone: 'partial', text: 'Your answer — partly right' }
    case 'incorrect':
      return YOURS_WRONG
    case 'unanswered':
      return { tone: 'wrong', text: 'Not answered' }
    default:
      return null
  }
}

function partOf(grade: Grade | undefined, id: string): GradePart | undefined {
  return grade?.parts?.find((p) => p.id === id)
}
