/**
 * Grading of single choice, true/false and multiple response items.
 *
 * - Single choice and true/false: all or nothing. Negative marking computes a penalty
 *   (see `negativeMarking.ts`) but the item is clamped at 0, so a wrong answer scores 0 either way.
 * - Multiple response: each option has a weight, a fraction of the item's points earned when it
 *   is ticked. By default the R right options share the points equally (+1/R each) and the W wrong
 *   options share one full deduction (−1/W each), so ticking every option scores exactly 0 and
 *   ticking only the right ones scores full marks. An author's `weight` on an option overrides
 *   its default. The total is clamped to 0..max. Unknown and repeated option ids are ignored.
 */
import type { Answer, MultipleResponseItem, SingleChoiceItem, TrueFalseItem } from '../types.ts'
import { clampScore, partsGrade, stateFor, wrongType, type Grade, type GradePart } from './grade.ts'

export function gradeSingle(item: SingleChoiceItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'single') return wrongType(max)
  const chosen = item.options.find((o) => o.id === answer.optionId)
  if (chosen === undefined) {
    return { score: 0, max, state: 'incorrect', feedback: ['That choice is not one of the options.'] }
  }
  const right = chosen.id === item.answer
  const score = right ? max : 0
  return {
    score,
    max,
    state: stateFor(score, max),
    feedback: chosen.feedback !== undefined ? [chosen.feedback] : [],
  }
}

export function gradeTrueFalse(item: TrueFalseItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'truefalse' || typeof answer.value !== 'boolean') return wrongType(max)
  const right = answer.value === item.answer
  const score = right ? max : 0
  return { score, max, state: stateFor(score, max), feedback: right ? [] : [item.wrongFeedback] }
}

/** The weight each option carries when ticked, after applying the default rule. */
export function optionWeights(item: MultipleResponseItem): Map<string, number> {
  const right = new Set(item.answers)
  const rightCount = item.options.filter((o) => right.has(o.id)).length
  const wrongCount = item.options.length - rightCount
  const weights = new Map<string, number>()
  for (const option of item.options) {
    const fallback = right.has(option.id)
      ? 1 / Math.max(1, rightCount)
      : -1 / Math.max(1, wrongCount)
    weights.set(option.id, option.weight ?? fallback)
  }
  return weights
}

export function gradeMultiple(item: MultipleResponseItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'multiple' || !Array.isArray(answer.optionIds)) return wrongType(max)
  const weights = optionWeights(item)
  const ticked = new Set(answer.optionIds.filter((id) => weights.has(id)))
  const right = new Set(item.answers)
  let fraction = 0
  const feedback: string[] = []
  const parts: GradePart[] = []
  for (const option of item.options) {
    const isTicked = ticked.has(option.id)
    if (isTicked) {
      fraction += weights.get(option.id) ?? 0
      if (option.feedback !== undefined) feedback.push(option.feedback)
    }
    parts.push({
      id: option.id,
      correct: isTicked === right.has(option.id),
      expected: right.has(option.id) ? 'ticked' : 'not ticked',
      given: isTicked ? 'ticked' : 'not ticked',
    })
  }
  return partsGrade(clampScore(fraction * max, max), max, parts, feedback, 'options')
}
