/** Marks for the parts of multi-part items and for typed answers (rules in marks.ts). */
import type { Grade } from '../../domain/grading/grade.ts'
import { partOf, YOURS_RIGHT, YOURS_WRONG, type Mark } from './marks.ts'

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
