/**
 * An answer as one line of plain text, for exports and instructor views: ids rather than option
 * texts, so the line is short and stable when an option is reworded.
 */
import type { Answer } from './types.ts'

function pairs(record: Record<string, string> | undefined): string {
  return Object.entries(record ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')
}

/** '' for no answer; otherwise a compact rendering of the learner's choice or text. */
export function answerText(answer: Answer | null | undefined): string {
  if (answer === null || answer === undefined) return ''
  switch (answer.type) {
    case 'single':
      return answer.optionId
    case 'multiple':
      return answer.optionIds.join('; ')
    case 'truefalse':
      return String(answer.value)
    case 'matching':
      return pairs(answer.matches)
    case 'ordering':
      return answer.order.join(' > ')
    case 'categorize':
      return pairs(answer.assignments)
    case 'cloze':
      return pairs(answer.blanks)
    default:
      return answer.text
  }
}
