/**
 * What an LMS is told about an assessment once attempts are submitted: the score and the status
 * (docs/lms-runtime.md), from the same grade the result page shows.
 *
 * Rules:
 * - The percent is `finalGrade` over the graded attempts by the blueprint's grading method
 *   (highest, first, last, average). Attempts that cannot be graded here (sealed, awaiting the
 *   release code) are left out; when none can be graded there is no score.
 * - Passed when that percent reaches the pass mark (blueprints.ts `passed`); failed otherwise,
 *   unless an attempt still waits for an instructor (free text) and could change it: then unknown.
 * - No pass mark (0) or no score: no success status (1.2 says "completed", 2004 "unknown").
 * - Completion: completed once one attempt at the blueprint is submitted.
 * - SCORM 1.2: score.raw = the percent (2 decimals), min 0, max 100; lesson_status passed /
 *   failed / completed. SCORM 2004: scaled = percent / 100, raw/min/max as in 1.2 (Moodle grades
 *   from raw), completion_status, success_status.
 */
import { finalGrade, gradeAttempt, gradingOptions, type AttemptGrade } from '../attemptGrading.ts'
import { assessmentInfo, passed } from '../blueprints.ts'
import { reviewStanding, reviewVisibility } from '../review.ts'
import { isStub } from '../sealedStub.ts'
import type { Attempt, Blueprint, GradingMethod, ManualGrade, SavedResponse } from '../types.ts'
import type { ScormVersion } from './scormInteractions.ts'

export interface GradedSummary {
  startedAt: number
  percent: number
  /** Items still waiting for an instructor in this attempt. */
  pending: number
}

export interface OutcomeInput {
  passMark: number
  gradingMethod: GradingMethod
  /** The blueprint's submitted attempts that can be graded here. */
  graded: readonly GradedSummary[]
  /** How many attempts at the blueprint are submitted (graded or not). */
  submitted: number
}

export type Success = 'passed' | 'failed' | 'unknown'

export interface Outcome {
  /** The grade that counts, 0..100, rounded to 2 decimals; null when nothing can be graded here. */
  percent: number | null
  success: Success
  completed: boolean
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

/** The score and status of a blueprint (rules at the top of the file). */
export function assessmentOutcome(input: OutcomeInput): Outcome {
  const completed = input.submitted > 0
  const grade = finalGrade(input.graded, input.gradingMethod)
  if (grade === null) return { percent: null, success: 'unknown', completed }
  const percent = round2(grade)
  if (input.passMark <= 0) return { percent, success: 'unknown', completed }
  if (passed(grade, input.passMark)) return { percent, success: 'passed', completed }
  const pending = input.graded.some((g) => g.pending > 0)
  return { percent, success: pending ? 'unknown' : 'failed', completed }
}

/** The CMI values an outcome sets, in the order to set them. */
export function outcomeValues(outcome: Outcome, version: ScormVersion, progress?: number): [string, string][] {
  const score: [string, string][] = []
  if (outcome.percent !== null) {
    const raw = String(Math.min(100, Math.max(0, outcome.percent)))
    const prefix = version === 'scorm12' ? 'cmi.core.score' : 'cmi.score'
    if (version === 'scorm2004') score.push(['cmi.score.scaled', String(round4(Number(raw) / 100))])
    score.push([`${prefix}.raw`, raw], [`${prefix}.min`, '0'], [`${prefix}.max`, '100'])
  }
  if (version === 'scorm12') {
    const status = outcome.success === 'unknown' ? (outcome.completed ? 'completed' : 'incomplete') : outcome.success
    return [...score, ['cmi.core.lesson_status', status]]
  }
  const out: [string, string][] = [...score, ['cmi.completion_status', outcome.completed ? 'completed' : 'incomplete'], ['cmi.success_status', outcome.success]]
  if (progress !== undefined) out.push(['cmi.progress_measure', String(round4(Math.min(1, Math.max(0, progress))))])
  return out
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000
}

export interface BlueprintReport {
  outcome: Outcome
  /** Each submitted attempt's grade, for those that can be graded here. */
  grades: Map<string, AttemptGrade>
  /** Whether the review policy shows the right answers now (then interactions carry correct_responses). */
  showsCorrect: boolean
}

/**
 * A learner's standing at one blueprint from their attempts (any blueprint; others are ignored):
 * each submitted attempt graded as the result page grades it (snapshots, instructors' grades, the
 * blueprint's marking rules), sealed attempts left ungraded, the outcome, and the review policy.
 */
export function blueprintReport(
  blueprint: Blueprint,
  attempts: readonly Attempt[],
  responses: ReadonlyMap<string, readonly SavedResponse[]>,
  manualGrades: ReadonlyMap<string, readonly ManualGrade[]>,
): BlueprintReport {
  const own = attempts.filter((a) => a.mode === 'assessment' && a.sourceId === blueprint.id)
  const submitted = own.filter((a) => a.submittedAt !== null)
  const options = gradingOptions(assessmentInfo(blueprint))
  const grades = new Map<string, AttemptGrade>()
  for (const attempt of submitted) {
    if (Object.values(attempt.snapshots).some(isStub)) continue
    grades.set(attempt.id, gradeAttempt(attempt, responses.get(attempt.id) ?? [], manualGrades.get(attempt.id) ?? [], options))
  }
  const graded = submitted.filter((a) => grades.has(a.id)).map((a) => ({ startedAt: a.startedAt, percent: grades.get(a.id)!.percent, pending: grades.get(a.id)!.pending }))
  const outcome = assessmentOutcome({ passMark: blueprint.passMark, gradingMethod: blueprint.gradingMethod, graded, submitted: submitted.length })
  const showsCorrect = reviewVisibility(blueprint.review, { submitted: true, ...reviewStanding(blueprint, own, grades) }).includes('correct')
  return { outcome, grades, showsCorrect }
}
