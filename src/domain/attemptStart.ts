/**
 * Starting an assessment attempt: checking the attempt limit, drawing its items from the seed
 * (assembly) and fixing its deadline. The rest of the life cycle is `attempt.ts`.
 */
import { assembleAttempt } from './assembly.ts'
import { AttemptLimitError, attemptsLeft, deadlineFor, type Allowance } from './attempt.ts'
import type { Attempt, Bank, Blueprint } from './types.ts'

export interface StartAttemptInput {
  blueprint: Blueprint
  banks: readonly Bank[]
  learnerId: string
  courseId: string
  attemptId: string
  seed: number
  now: number
  allowance?: Allowance
  /** The learner's earlier attempts (any blueprint; only this blueprint's count). */
  previousAttempts: readonly Attempt[]
}

/**
 * Start an assessment attempt: draw its items from the seed and fix its deadline. Throws
 * AttemptLimitError when the limit is used up, and BlueprintError when the banks fall short.
 */
export function startAttempt(input: StartAttemptInput): Attempt {
  const { blueprint, learnerId } = input
  if (attemptsLeft(blueprint, input.previousAttempts, learnerId) === 0) {
    throw new AttemptLimitError(blueprint.id, blueprint.maxAttempts ?? 0)
  }
  const { slots, snapshots } = assembleAttempt(blueprint, input.banks, input.seed)
  return {
    id: input.attemptId,
    courseId: input.courseId,
    learnerId,
    mode: 'assessment',
    sourceId: blueprint.id,
    seed: input.seed,
    startedAt: input.now,
    deadline: deadlineFor(blueprint, input.now, input.allowance),
    submittedAt: null,
    submitReason: null,
    slots,
    snapshots,
  }
}
