/**
 * What a learner may see of their submitted attempts at a blueprint (its review policy).
 *
 * Rules:
 * - Nothing shows before submission; the `afterSubmit` parts show once the attempt is submitted.
 * - The `afterLastAttempt` parts join them when the learner has no attempts left and is not
 *   still taking the last one (so the final's keys cannot be read in another tab during the
 *   last attempt), or, with
 *   `fullReviewWhen`, as soon as the learner has passed (`passed: true`) or has submitted at
 *   least `attempts` attempts, whichever comes first. Without `fullReviewWhen` an unlimited
 *   blueprint never shows them.
 * - "Passed" means some submitted attempt's own grade reached the pass mark (`AttemptGrade.passed`
 *   is true), not the grade that counts under the grading method: once a pass has shown the right
 *   answers, a later lower grade (method `last` or `average`) cannot take back what was seen. An
 *   attempt with free text still waiting for an instructor (`passed` null) is not a pass.
 * - The parts are the learner's, not an attempt's: when they open, they open on every attempt.
 */
import { attemptsLeft } from './attempt.ts'
import type { Attempt, Blueprint, ReviewPart, ReviewPolicy } from './types.ts'

export interface ReviewContext {
  /** Whether the attempt under review has been submitted. */
  submitted: boolean
  /** Attempts still allowed at the blueprint; null when unlimited. */
  attemptsLeft: number | null
  /** Attempts at the blueprint the learner has submitted so far. */
  attemptsSubmitted: number
  /** Whether any submitted attempt at the blueprint has passed. */
  passedEver: boolean
  /** Whether an attempt at the blueprint has been started and not yet submitted. */
  attemptOpen: boolean
}

const ORDER: ReviewPart[] = ['score', 'responses', 'feedback', 'correct']

/** Whether the `afterLastAttempt` parts are open now (rules at the top of the file). */
export function fullReviewOpen(policy: ReviewPolicy, context: Omit<ReviewContext, 'submitted'>): boolean {
  if (context.attemptsLeft === 0 && !context.attemptOpen) return true
  const when = policy.fullReviewWhen
  if (when === undefined) return false
  if (when.passed === true && context.passedEver) return true
  return when.attempts !== undefined && context.attemptsSubmitted >= when.attempts
}

/** Which parts of a submitted attempt the learner may see now, in display order. */
export function reviewVisibility(policy: ReviewPolicy, context: ReviewContext): ReviewPart[] {
  if (!context.submitted) return []
  const parts = new Set<ReviewPart>(policy.afterSubmit)
  if (fullReviewOpen(policy, context)) for (const part of policy.afterLastAttempt) parts.add(part)
  return ORDER.filter((part) => parts.has(part))
}

/**
 * What `reviewVisibility` needs to know of a learner's attempts at a blueprint: attempts left,
 * attempts submitted, whether one passed and whether one is open (other blueprints' attempts
 * and practice are ignored).
 */
export function reviewStanding(
  blueprint: Blueprint,
  attempts: readonly Attempt[],
  grades: ReadonlyMap<string, { passed: boolean | null }>,
): Omit<ReviewContext, 'submitted'> {
  const own = attempts.filter((a) => a.mode === 'assessment' && a.sourceId === blueprint.id)
  const submitted = own.filter((a) => a.submittedAt !== null)
  return {
    attemptsLeft: attemptsLeft(blueprint, own),
    attemptsSubmitted: submitted.length,
    passedEver: submitted.some((a) => grades.get(a.id)?.passed === true),
    attemptOpen: submitted.length < own.length,
  }
}
