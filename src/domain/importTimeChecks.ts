/**
 * The clock checks of an imported attempt (issue 12 §2). Times are epoch milliseconds as the
 * learner's device wrote them, so each can be anything; messages never format a date that is out
 * of range (they print the raw number instead).
 *
 * - date-out-of-range: any time of the attempt, its responses or grades before 2000-01-01 or from
 *   2100-01-01 on, or not a finite number. The other clock checks are skipped then.
 * - submitted-before-start: submittedAt < startedAt, or an answer saved before the start.
 * - late-response: an answer saved after the deadline (it does not count in the grade either).
 * - late-submit: submitted more than SUBMIT_GRACE_MS after the deadline (an attempt found overdue
 *   is submitted as of its deadline, so an honest device never needs more than a moment).
 * - missing-deadline: a timed blueprint with `deadline: null`, or a deadline later than start +
 *   time limit × the learner's allowance (deadlineFor) + DEADLINE_TOLERANCE_MS.
 * - too-fast: fewer than MIN_MS_PER_ANSWER per answered item between start and submit (or the
 *   last saved answer, for an attempt never submitted). Reading and answering an item takes
 *   longer than 2 s; seven answers in 1 ms is a made-up file.
 */
import { deadlineFor, type Allowance } from './attempt.ts'
import type { Attempt, Blueprint, ManualGrade, SavedResponse } from './types.ts'

export const EARLIEST = Date.UTC(2000, 0, 1)
export const LATEST = Date.UTC(2100, 0, 1)
export const SUBMIT_GRACE_MS = 2 * 60_000
export const DEADLINE_TOLERANCE_MS = 1_000
export const MIN_MS_PER_ANSWER = 2_000

export type TimeFlagCode = 'date-out-of-range' | 'submitted-before-start' | 'late-response' | 'late-submit' | 'missing-deadline' | 'too-fast'

export interface TimeFlag {
  code: TimeFlagCode
  message: string
  itemId?: string
}

const inRange = (t: number): boolean => Number.isFinite(t) && t >= EARLIEST && t < LATEST

/** An instant in words that never throws: ISO 8601 when in range, else the raw number. */
export function safeInstant(t: number | null): string {
  if (t === null) return 'none'
  return inRange(t) ? new Date(t).toISOString().replace('.000Z', 'Z') : `${t} (not a date this app accepts)`
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`
  return `${Math.round(ms / 360_000) / 10} h`
}

export interface TimeCheckInput {
  attempt: Attempt
  responses: readonly SavedResponse[]
  manualGrades: readonly ManualGrade[]
  /** The course's blueprint, when known. */
  blueprint?: Blueprint
  allowance?: Allowance
}

/** The clock flags of one attempt (rules at the top of the file). */
export function timeFlags({ attempt, responses, manualGrades, blueprint, allowance }: TimeCheckInput): TimeFlag[] {
  const own = responses.filter((r) => r.attemptId === attempt.id)
  const times = [attempt.startedAt, attempt.deadline, attempt.submittedAt, ...own.map((r) => r.savedAt), ...manualGrades.map((g) => g.gradedAt)]
  const outside = times.filter((t): t is number => t !== null && !inRange(t))
  if (outside.length > 0) {
    return [{ code: 'date-out-of-range', message: `${outside.length} time(s) in this attempt lie outside 2000–2100 (for example ${safeInstant(outside[0]!)}).` }]
  }
  const flags: TimeFlag[] = []
  const { startedAt, deadline, submittedAt } = attempt
  if (submittedAt !== null && submittedAt < startedAt) {
    flags.push({ code: 'submitted-before-start', message: `Submitted at ${safeInstant(submittedAt)}, ${duration(startedAt - submittedAt)} before it started (${safeInstant(startedAt)}).` })
  }
  const early = own.find((r) => r.savedAt < startedAt)
  if (early !== undefined) {
    flags.push({ code: 'submitted-before-start', itemId: early.itemId, message: `An answer to ${early.itemId} was saved at ${safeInstant(early.savedAt)}, before the attempt started.` })
  }
  if (deadline !== null) {
    const late = own.filter((r) => r.savedAt > deadline)
    if (late.length > 0) {
      flags.push({ code: 'late-response', itemId: late[0]!.itemId, message: `${late.length} answer(s) were saved after the deadline (${safeInstant(deadline)}); they do not count.` })
    }
    if (submittedAt !== null && submittedAt > deadline + SUBMIT_GRACE_MS) {
      flags.push({ code: 'late-submit', message: `Submitted ${duration(submittedAt - deadline)} after the deadline (${safeInstant(deadline)}).` })
    }
  }
  if (blueprint?.timeLimit !== undefined) {
    const allowed = deadlineFor(blueprint, startedAt, allowance)!
    if (deadline === null) {
      flags.push({ code: 'missing-deadline', message: `This assessment has a ${blueprint.timeLimit}-minute time limit, but the attempt has no deadline.` })
    } else if (deadline > allowed + DEADLINE_TOLERANCE_MS) {
      flags.push({ code: 'missing-deadline', message: `The deadline (${safeInstant(deadline)}) is ${duration(deadline - allowed)} later than the time limit allows this learner (${safeInstant(allowed)}).` })
    }
  }
  const answered = new Set(own.filter((r) => r.answer !== null).map((r) => r.itemId)).size
  const end = submittedAt ?? Math.max(startedAt, ...own.map((r) => r.savedAt))
  if (answered > 0 && end >= startedAt && end - startedAt < answered * MIN_MS_PER_ANSWER) {
    flags.push({ code: 'too-fast', message: `${answered} item(s) answered in ${duration(end - startedAt)}; that is less than ${MIN_MS_PER_ANSWER / 1000} s an item.` })
  }
  return flags
}
