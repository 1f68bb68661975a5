/** Assessment facts in words, shared by the course home and the progress page. */
import type { Blueprint, GradingMethod } from '../../domain/types.ts'

/** Which attempt's grade counts. */
export const METHOD_WORDS: Record<GradingMethod, string> = {
  highest: 'your highest grade counts',
  last: 'your last attempt counts',
  first: 'your first attempt counts',
  average: 'the average of your attempts counts',
}

/** "1 of 2 attempts used", "3 attempts used" (no limit). */
export function attemptsUsed(blueprint: Blueprint, used: number): string {
  if (blueprint.maxAttempts === undefined) return `${used} ${used === 1 ? 'attempt' : 'attempts'} used`
  return `${used} of ${blueprint.maxAttempts} ${blueprint.maxAttempts === 1 ? 'attempt' : 'attempts'} used`
}

/** How many items an assessment draws. */
export function itemCount(blueprint: Blueprint): number {
  return blueprint.draws.reduce((sum, d) => sum + d.count, 0)
}

/** "10 minutes" or "No time limit". */
export function timeWords(blueprint: Blueprint): string {
  return blueprint.timeLimit === undefined ? 'No time limit' : `${blueprint.timeLimit} minutes`
}
