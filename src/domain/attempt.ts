/**
 * The attempt life cycle as pure functions over `Attempt` and `SavedResponse` (types.ts).
 *
 * Rules:
 * - The deadline is absolute and fixed at start: startedAt + timeLimit × multiplier + extra
 *   minutes (the learner's allowance); null when the blueprint is untimed. Reloading or changing
 *   the device clock later never moves it.
 * - An attempt counts against `maxAttempts` from the moment it starts (submitted or not).
 * - An answer saved at or before the deadline counts; a save after it, or after submission, is
 *   refused. Grading ignores any stored response saved after the deadline.
 * - An attempt found overdue is submitted as of its deadline with reason 'deadline', keeping the
 *   answers saved in time. A learner's late submit is also recorded at the deadline.
 * - What the learner may see of a submitted attempt is the review policy's business: review.ts.
 */
import type { Answer, Attempt, Blueprint, SavedResponse } from './types.ts'

// Types only: this module stays light (no grading, no assembly) so the page that takes an
// assessment loads neither; `attemptStart.ts` starts attempts, `attemptGrading.ts` grades them.
export type { AttemptGrade, AttemptGradeOptions, ItemResult, ObjectiveResult, GradedAttemptSummary } from './attemptGrading.ts'

const MINUTE = 60_000

export interface Allowance {
  /** Time-limit multiplier for extra-time arrangements, e.g. 1.25. Defaults to 1. */
  multiplier?: number
  /** Minutes added after the multiplier. Defaults to 0. */
  extraMinutes?: number
}


/** Starting would exceed the blueprint's attempt limit. */
export class AttemptLimitError extends Error {
  override readonly name = 'AttemptLimitError'
  constructor(readonly blueprintId: string, readonly maxAttempts: number) {
    super(`All ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'} at "${blueprintId}" have been used.`)
  }
}

function attemptsAt(blueprint: Blueprint, attempts: readonly Attempt[], learnerId?: string): number {
  return attempts.filter(
    (a) => a.mode === 'assessment' && a.sourceId === blueprint.id && (learnerId === undefined || a.learnerId === learnerId),
  ).length
}

/** Attempts still allowed at a blueprint; null when unlimited. */
export function attemptsLeft(blueprint: Blueprint, previousAttempts: readonly Attempt[], learnerId?: string): number | null {
  if (blueprint.maxAttempts === undefined) return null
  return Math.max(0, blueprint.maxAttempts - attemptsAt(blueprint, previousAttempts, learnerId))
}

/** The absolute deadline for a start time and allowance (rule at the top of the file). */
export function deadlineFor(blueprint: Blueprint, now: number, allowance: Allowance = {}): number | null {
  if (blueprint.timeLimit === undefined) return null
  const multiplier = allowance.multiplier !== undefined && allowance.multiplier > 0 ? allowance.multiplier : 1
  const extra = Math.max(0, allowance.extraMinutes ?? 0)
  return now + Math.round((blueprint.timeLimit * multiplier + extra) * MINUTE)
}


export type SaveRefusal = 'submitted' | 'overdue' | 'unknown-item'
export type SaveResult = { ok: true; response: SavedResponse } | { ok: false; reason: SaveRefusal; message: string }

/** Whether the deadline has passed (an unsubmitted attempt only). */
export function isOverdue(attempt: Attempt, now: number): boolean {
  return attempt.submittedAt === null && attempt.deadline !== null && now > attempt.deadline
}

function refuseWrite(attempt: Attempt, now: number, itemId: string | undefined): SaveResult | null {
  if (attempt.submittedAt !== null) {
    return { ok: false, reason: 'submitted', message: 'This attempt has been submitted; answers can no longer change.' }
  }
  if (isOverdue(attempt, now)) {
    return { ok: false, reason: 'overdue', message: 'Time is up for this attempt; this answer was not saved.' }
  }
  if (itemId === undefined || !attempt.slots.some((s) => s.itemId === itemId)) {
    return { ok: false, reason: 'unknown-item', message: 'This question is not part of the attempt.' }
  }
  return null
}

/** The next version of a slot's response, or the refusal when the attempt takes no more writes. */
function nextResponse(
  previous: SavedResponse | undefined,
  attempt: Attempt,
  now: number,
  itemId: string | undefined,
  change: Pick<SavedResponse, 'answer' | 'flagged' | 'savedAt'>,
): SaveResult {
  const refusal = refuseWrite(attempt, now, itemId)
  if (refusal !== null || itemId === undefined) return refusal ?? { ok: false, reason: 'unknown-item', message: '' }
  return { ok: true, response: { attemptId: attempt.id, itemId, ...change, seq: (previous?.seq ?? 0) + 1 } }
}

/**
 * The response after saving an answer, with the next sequence number (the store refuses a
 * write whose sequence is not newer than the stored one, so a second tab cannot overwrite).
 * `itemId` is needed only for the first save, when there is no previous response.
 */
export function saveAnswer(
  previous: SavedResponse | undefined,
  answer: Answer | null,
  now: number,
  attempt: Attempt,
  itemId: string | undefined = previous?.itemId,
): SaveResult {
  return nextResponse(previous, attempt, now, itemId, { answer, flagged: previous?.flagged ?? false, savedAt: now })
}

/** Flag or unflag a slot for the learner's own review; refused like an answer once time is up. */
export function toggleFlag(
  previous: SavedResponse | undefined,
  now: number,
  attempt: Attempt,
  itemId: string | undefined = previous?.itemId,
): SaveResult {
  return nextResponse(previous, attempt, now, itemId, {
    answer: previous?.answer ?? null,
    flagged: !(previous?.flagged ?? false),
    // Flagging is not answering: keep the answer's save time, so a late flag cannot make a
    // timely answer look late (grading ignores responses saved after the deadline).
    savedAt: previous?.savedAt ?? now,
  })
}

/** Submit; idempotent. Submitting after the deadline is recorded at the deadline, reason 'deadline'. */
export function submitAttempt(attempt: Attempt, now: number, reason: 'learner' | 'deadline'): Attempt {
  if (attempt.submittedAt !== null) return attempt
  if (attempt.deadline !== null && now > attempt.deadline) {
    return { ...attempt, submittedAt: attempt.deadline, submitReason: 'deadline' }
  }
  return { ...attempt, submittedAt: now, submitReason: reason }
}

/** The attempt submitted as of its deadline when it ran out while the app was closed; else unchanged. */
export function autoSubmitIfOverdue(attempt: Attempt, now: number): Attempt {
  return isOverdue(attempt, now) ? submitAttempt(attempt, now, 'deadline') : attempt
}

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
