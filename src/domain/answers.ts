/** Facts about a learner's answer that need no grading. */
import type { Answer } from './types.ts'

/**
 * Whether an answer carries nothing the learner chose or typed. Such answers are `unanswered`
 * rather than wrong: leaving a question blank is never penalised, even with negative marking.
 */
export function isEmptyAnswer(answer: Answer | null | undefined): boolean {
  if (answer === null || answer === undefined || typeof answer !== 'object') return true
  switch (answer.type) {
    case 'single':
      return typeof answer.optionId !== 'string' || answer.optionId === ''
    case 'multiple':
      return !Array.isArray(answer.optionIds) || answer.optionIds.length === 0
    case 'truefalse':
      return typeof answer.value !== 'boolean'
    case 'matching':
      return isEmptyRecord(answer.matches)
    case 'ordering':
      return !Array.isArray(answer.order) || answer.order.length === 0
    case 'categorize':
      return isEmptyRecord(answer.assignments)
    case 'cloze':
      return isEmptyRecord(answer.blanks)
    case 'short':
    case 'numeric':
    case 'freetext':
      return typeof answer.text !== 'string' || answer.text.trim() === ''
    default:
      return false
  }
}

function isEmptyRecord(record: unknown): boolean {
  if (record === null || typeof record !== 'object') return true
  return Object.values(record).every((v) => typeof v !== 'string' || v.trim() === '')
}
