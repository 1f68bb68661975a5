/** Marks for the options of single-choice, true/false and multiple-response items (rules in marks.ts). */
import type { Grade } from '../../domain/grading/grade.ts'
import { partOf, YOURS_RIGHT, YOURS_WRONG, type Mark } from './marks.ts'

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
