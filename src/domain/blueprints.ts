/**
 * Rules every feature reads off an assessment blueprint, written once.
 *
 * - Pass: a percent (0..100) passes when it reaches the pass mark (a fraction, 0..1) times 100,
 *   less PASS_TOLERANCE. Grades are sums and means of float scores, so an attempt that earned
 *   exactly the pass mark can land at 69.99999999999999 for a mark of 70 %: a percent within
 *   1e-9 below the mark counts as reaching it. Nothing a person can score sits that close without
 *   being meant as equal. A percent that is not a number never passes.
 * - AssessmentInfo is what grading needs of a blueprint when the course files may be absent (a
 *   result file carries it to an instructor's device; the gradebook grades with it).
 * - An assessment asks as many items as its draws add up to.
 */
import type { Blueprint } from './types.ts'

export const PASS_TOLERANCE = 1e-9

/** Whether a percent (0..100) reaches a pass mark (0..1), with the tolerance above. */
export function passed(percent: number, passMark: number): boolean {
  return Number.isFinite(percent) && percent >= passMark * 100 - PASS_TOLERANCE
}

/**
 * What grading needs of a blueprint: its id, title, pass mark, grading method and marking rules.
 * `certainty` and `passOn` (result file version 5) are present only for a blueprint with certainty.
 */
export type AssessmentInfo = Pick<Blueprint, 'id' | 'title' | 'passMark' | 'gradingMethod'> & { negativeMarking?: boolean; certainty?: true; passOn?: 'accuracy' | 'cbm' }

/**
 * The AssessmentInfo of a blueprint (negative marking spelled out, off unless the blueprint says
 * so; certainty and its pass rule only when the blueprint asks for certainty).
 */
export function assessmentInfo(blueprint: Blueprint): AssessmentInfo {
  const { id, title, passMark, gradingMethod } = blueprint
  const info: AssessmentInfo = { id, title, passMark, gradingMethod, negativeMarking: blueprint.negativeMarking ?? false }
  return blueprint.certainty === true ? { ...info, certainty: true, passOn: blueprint.passOn ?? 'accuracy' } : info
}

/** How many items an assessment draws. */
export function itemCount(blueprint: Pick<Blueprint, 'draws'>): number {
  return blueprint.draws.reduce((sum, d) => sum + d.count, 0)
}
