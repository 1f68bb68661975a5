/**
 * Grading entry point: one function for every item type. Each type's rule is documented at the
 * top of its own file (choice.ts, parts.ts, ordering.ts, text.ts, numeric.ts, freetext.ts,
 * negativeMarking.ts). Scores always lie in 0..max; no input makes this throw.
 */
import type { Answer, Item } from '../types.ts'
import { gradeMultiple, gradeSingle, gradeTrueFalse } from './choice.ts'
import { gradeFreeText } from './freetext.ts'
import { isEmptyAnswer, itemMax, unanswered, wrongType, type Grade, type GradeOptions } from './grade.ts'
import { gradeNumeric } from './numeric.ts'
import { gradeOrdering } from './ordering.ts'
import { gradeCategorize, gradeCloze, gradeMatching } from './parts.ts'
import { gradeShort } from './text.ts'

export type { ConceptsFound, Grade, GradeOptions, GradePart, GradeState } from './grade.ts'
export { isEmptyAnswer, itemMax } from './grade.ts'
export { applyManualGrade } from './freetext.ts'
export { optionWeights } from './choice.ts'
export { parseNumber } from './numeric.ts'
export { guessPenalty } from './negativeMarking.ts'

/**
 * Grade one response. An empty or missing answer is `unanswered` (0, never penalised); an answer
 * of another item type is `incorrect`. Free text comes back `needs-grading` with a provisional
 * score; apply the instructor's ManualGrade with `applyManualGrade`.
 */
export function gradeResponse(item: Item, answer: Answer | null, options: GradeOptions = {}): Grade {
  const max = itemMax(item)
  if (isEmptyAnswer(answer) || answer === null) return unanswered(max)
  if (answer.type !== item.type) return wrongType(max)
  try {
    switch (item.type) {
      case 'single':
        return gradeSingle(item, answer, max)
      case 'multiple':
        return gradeMultiple(item, answer, max)
      case 'truefalse':
        return gradeTrueFalse(item, answer, max)
      case 'matching':
        return gradeMatching(item, answer, max, options)
      case 'ordering':
        return gradeOrdering(item, answer, max)
      case 'categorize':
        return gradeCategorize(item, answer, max, options)
      case 'cloze':
        return gradeCloze(item, answer, max, options)
      case 'short':
        return gradeShort(item, answer, max)
      case 'numeric':
        return gradeNumeric(item, answer, max)
      case 'freetext':
        return gradeFreeText(item, answer, max)
    }
  } catch {
    // A malformed answer from an old or tampered record must not break a whole attempt's grading.
    return wrongType(max)
  }
}
