/**
 * Grading a whole attempt, and combining a learner's attempts into one grade.
 *
 * Rules:
 * - Each slot is graded against the snapshot it showed (never the current bank). The latest
 *   response per item counts (highest `seq`), unless it was saved after the deadline: late
 *   responses are ignored, as if never given.
 * - An instructor's ManualGrade replaces the automatic grade of its item and is final.
 * - Free text without a ManualGrade is pending: its provisional score is reported separately and
 *   does not count in `score`. `passed` is true as soon as the counted score reaches the pass
 *   mark (grading pending items can only add), false when nothing is pending and it does not,
 *   and null while pending items could still decide it.
 * - percent = 100 × score / max (0 when max is 0).
 * - Certainty (only with `certainty: true`; rules in cbm.ts): each item carries its certainty and CBM
 *   mark, and the grade a `cbm` summary (accuracy, CBM score, bonus); pending items are left out
 *   of it. `passOn: 'cbm'` (with certainty) makes `passed` follow accuracy + bonus instead of
 *   `percent`, null while anything is pending. Without certainty none of these fields exist.
 * - finalGrade over submitted attempts: highest, first or last (by start time) percent, or the
 *   average of all percents; null when there are none.
 */
import { passed, type AssessmentInfo } from './blueprints.ts'
import { cbmItemMark, cbmSummary, type CbmSummary, type Certainty, type PassOn } from './cbm.ts'
import { applyManualGrade, gradeResponse, itemMax, type Grade } from './grading/index.ts'
import type { Attempt, GradingMethod, ManualGrade, SavedResponse } from './types.ts'
import { snapshotOf } from './own.ts'

export interface AttemptGradeOptions {
  /** Fraction of the maximum score needed to pass (Blueprint.passMark); defaults to 0.5. */
  passMark?: number
  negativeMarking?: boolean
  /** Certainty-based marking (Blueprint.certainty). */
  certainty?: boolean
  /** Blueprint.passOn; 'cbm' counts only with `certainty`. */
  passOn?: PassOn
}

/** gradeAttempt's options for an assessment (defaults when it is unknown: pass mark 0.5, no rules). */
export function gradingOptions(info: Partial<AssessmentInfo> | undefined): AttemptGradeOptions & { passMark: number; negativeMarking: boolean } {
  const options = { passMark: info?.passMark ?? 0.5, negativeMarking: info?.negativeMarking ?? false }
  return info?.certainty === true ? { ...options, certainty: true, passOn: info.passOn ?? 'accuracy' } : options
}

export interface ItemResult {
  itemId: string
  version: string
  objective: string
  grade: Grade
  /** True when an instructor's grade decided this item. */
  manual: boolean
  /** True while this item waits for an instructor. */
  pending: boolean
  response: SavedResponse | null
  /** With certainty only: the level given (null: none, counted as 1). */
  certainty?: Certainty | null
  /** With certainty only: the CBM marks earned, null while pending (cbm.ts). */
  cbmMark?: number | null
}

export interface ObjectiveResult {
  objective: string
  score: number
  max: number
}

export interface AttemptGrade {
  score: number
  max: number
  percent: number
  /** The score if every pending item kept its provisional score. */
  provisionalScore: number
  passed: boolean | null
  /** Number of items waiting for an instructor. */
  pending: number
  perItem: ItemResult[]
  perObjective: ObjectiveResult[]
  /** With certainty only: accuracy, CBM score and bonus (cbm.ts). */
  cbm?: CbmSummary
}

/** The response that counts for each item: the newest saved in time. */
export function countedResponses(attempt: Attempt, responses: readonly SavedResponse[]): Map<string, SavedResponse> {
  const counted = new Map<string, SavedResponse>()
  for (const response of responses) {
    if (response.attemptId !== attempt.id) continue
    if (attempt.deadline !== null && response.savedAt > attempt.deadline) continue
    const current = counted.get(response.itemId)
    if (current === undefined || response.seq > current.seq) counted.set(response.itemId, response)
  }
  return counted
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9
}

/** Grade every slot of an attempt (rules at the top of the file). */
export function gradeAttempt(
  attempt: Attempt,
  responses: readonly SavedResponse[],
  manualGrades: readonly ManualGrade[] = [],
  options: AttemptGradeOptions = {},
): AttemptGrade {
  const counted = countedResponses(attempt, responses)
  const manualByItem = new Map<string, ManualGrade>()
  for (const manual of manualGrades) {
    if (manual.attemptId !== attempt.id) continue
    const current = manualByItem.get(manual.itemId)
    if (current === undefined || manual.gradedAt >= current.gradedAt) manualByItem.set(manual.itemId, manual)
  }
  const perItem: ItemResult[] = []
  const objectives = new Map<string, ObjectiveResult>()
  let score = 0
  let max = 0
  let provisionalScore = 0
  let pending = 0
  for (const slot of attempt.slots) {
    const item = snapshotOf(attempt, slot.version)
    if (item === undefined) continue
    const response = counted.get(slot.itemId) ?? null
    const automatic = gradeResponse(item, response?.answer ?? null, { negativeMarking: options.negativeMarking ?? false })
    const manual = manualByItem.get(slot.itemId)
    const grade = manual !== undefined ? applyManualGrade(automatic, manual) : automatic
    const isPending = grade.state === 'needs-grading'
    const itemScore = isPending ? 0 : grade.score
    score += itemScore
    provisionalScore += grade.score
    max += itemMax(item)
    if (isPending) pending++
    const objective = objectives.get(item.objective) ?? { objective: item.objective, score: 0, max: 0 }
    objective.score = round(objective.score + itemScore)
    objective.max = round(objective.max + itemMax(item))
    objectives.set(item.objective, objective)
    const result: ItemResult = { itemId: slot.itemId, version: slot.version, objective: item.objective, grade, manual: manual !== undefined, pending: isPending, response }
    if (options.certainty === true) {
      result.certainty = response?.certainty ?? null
      result.cbmMark = cbmItemMark(cbmInput(result)).mark
    }
    perItem.push(result)
  }
  score = round(score)
  max = round(max)
  const passMark = options.passMark ?? 0.5
  const reached = max > 0 && passed((100 * score) / max, passMark)
  const base = {
    score,
    max,
    percent: max > 0 ? round((100 * score) / max) : 0,
    provisionalScore: round(provisionalScore),
    passed: reached ? true : pending > 0 ? null : false,
    pending,
    perItem,
    perObjective: [...objectives.values()],
  }
  if (options.certainty !== true) return base
  const passOn = options.passOn ?? 'accuracy'
  const cbm = cbmSummary(perItem.map(cbmInput), passOn)
  if (passOn === 'accuracy') return { ...base, cbm }
  const cbmPassed = pending > 0 ? null : cbm.weight > 0 && passed(100 * cbm.accuracyAndBonus, passMark)
  return { ...base, passed: cbmPassed, cbm }
}

function cbmInput(result: ItemResult) {
  return {
    score: result.grade.score,
    max: result.grade.max,
    certainty: result.certainty ?? null,
    answered: result.grade.state !== 'unanswered',
    pending: result.pending,
  }
}

export interface GradedAttemptSummary {
  startedAt: number
  percent: number
}

/** One grade from several attempts, as a percent (rules at the top of the file). */
export function finalGrade(attempts: readonly GradedAttemptSummary[], method: GradingMethod): number | null {
  if (attempts.length === 0) return null
  const byStart = [...attempts].sort((a, b) => a.startedAt - b.startedAt)
  switch (method) {
    case 'highest':
      return Math.max(...byStart.map((a) => a.percent))
    case 'first':
      return byStart[0]?.percent ?? null
    case 'last':
      return byStart[byStart.length - 1]?.percent ?? null
    case 'average':
      return round(byStart.reduce((sum, a) => sum + a.percent, 0) / byStart.length)
  }
}
