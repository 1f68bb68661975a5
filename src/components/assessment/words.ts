/** How the app puts assessment numbers and rules into words, in one place so every page agrees. */
import type { Blueprint, GradingMethod, ReviewPart } from '../../domain/types.ts'

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`
}

export function points(n: number): string {
  return String(Math.round(n * 100) / 100)
}

export function minutes(n: number): string {
  return `${n} ${n === 1 ? 'minute' : 'minutes'}`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

export const GRADING_METHOD: Record<GradingMethod, string> = {
  highest: 'Your highest grade counts.',
  first: 'Your first attempt’s grade counts.',
  last: 'Your last attempt’s grade counts.',
  average: 'The average of your grades counts.',
}

/** The same rule inside a sentence: "your highest grade counts". */
export function gradingMethodPhrase(method: GradingMethod): string {
  const sentence = GRADING_METHOD[method]
  return sentence.charAt(0).toLowerCase() + sentence.slice(1, -1)
}

const PART: Record<ReviewPart, string> = {
  score: 'your score',
  responses: 'your answers',
  feedback: 'feedback with the evidence from the brief',
  correct: 'the right answers',
}

/** "your score, your answers and the right answers" */
export function reviewParts(parts: readonly ReviewPart[]): string {
  const words = parts.map((p) => PART[p])
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/** What the learner will see after submitting, and what joins it once no attempts are left. */
export function reviewPolicyText(afterSubmit: readonly ReviewPart[], afterLast: readonly ReviewPart[], limited: boolean): string {
  const now = afterSubmit.length > 0 ? `After you submit, you see ${reviewParts(afterSubmit)}.` : 'Results are not shown right after you submit.'
  const later = afterLast.filter((p) => !afterSubmit.includes(p))
  if (!limited || later.length === 0) return now
  return `${now} Once you have no attempts left, you also see ${reviewParts(later)}.`
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function when(epochMs: number): string {
  return DATE.format(epochMs)
}

/** "1 of 2 attempts used", "3 attempts used" (no limit). */
export function attemptsUsed(blueprint: Blueprint, used: number): string {
  const limit = blueprint.maxAttempts
  return limit === undefined ? `${plural(used, 'attempt')} used` : `${used} of ${plural(limit, 'attempt')} used`
}

/** How many items an assessment draws. */
export function itemCount(blueprint: Blueprint): number {
  return blueprint.draws.reduce((sum, d) => sum + d.count, 0)
}

/** "10 minutes" or "No time limit". */
export function timeWords(blueprint: Blueprint): string {
  return blueprint.timeLimit === undefined ? 'No time limit' : minutes(blueprint.timeLimit)
}
