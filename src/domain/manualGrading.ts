/**
 * The free-text grading queue and the instructor's grade for one answer.
 *
 * Rules:
 * - The queue holds every free-text answer of a submitted assessment attempt that is still
 *   waiting for an instructor (an answered free text without a ManualGrade), oldest submission
 *   first. Unanswered free text scores 0 and needs no grading.
 * - Points per criterion are clamped into 0..criterion points (not a number counts 0) and kept to
 *   two decimals. The item score is the points' share of the rubric total times the item's
 *   maximum (equal to the points themselves unless the item sets its own `points`).
 */
import type { AttemptGrade, ItemResult } from './attemptGrading.ts'
import type { AssessmentInfo } from './blueprints.ts'
import { gradeFor, type GradebookInput } from './gradebook.ts'
import { itemMax } from './grading/index.ts'
import type { Attempt, FreeTextItem, ManualGrade } from './types.ts'
import { own, snapshotOf } from './own.ts'

export interface GradingTask {
  attempt: Attempt
  assessment: AssessmentInfo | undefined
  learnerName: string
  item: FreeTextItem
  result: ItemResult
  /** The attempt's grade before this answer is graded. */
  attemptGrade: AttemptGrade
}

/** Free-text answers waiting for an instructor (rules at the top of the file). */
export function gradingQueue(input: GradebookInput): GradingTask[] {
  const assessments = new Map(input.assessments.map((a) => [a.id, a]))
  const names = new Map(input.learners.map((l) => [l.id, l.name]))
  const tasks: GradingTask[] = []
  const submitted = input.attempts
    .filter((a) => a.mode === 'assessment' && a.submittedAt !== null)
    .sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || a.id.localeCompare(b.id))
  for (const attempt of submitted) {
    const assessment = assessments.get(attempt.sourceId)
    const attemptGrade = gradeFor(attempt, input, assessment)
    for (const result of attemptGrade.perItem) {
      const item = snapshotOf(attempt, result.version)
      if (!result.pending || item?.type !== 'freetext') continue
      tasks.push({ attempt, assessment, learnerName: names.get(attempt.learnerId) ?? attempt.learnerId, item, result, attemptGrade })
    }
  }
  return tasks
}

/** One criterion's points, clamped into 0..max with two decimals. */
export function clampPoints(value: number, max: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0
  return Math.round(Math.min(value, max) * 100) / 100
}

/** The ManualGrade for points per criterion and a comment (rules at the top of the file). */
export function manualGradeFor(
  task: { attemptId: string; item: FreeTextItem },
  points: Readonly<Record<string, number>>,
  comment: string,
  gradedAt: number,
): ManualGrade {
  const criteria: Record<string, number> = {}
  let earned = 0
  let total = 0
  for (const criterion of task.item.rubric) {
    const awarded = clampPoints(own(points, criterion.id) ?? 0, criterion.points)
    criteria[criterion.id] = awarded
    earned += awarded
    total += criterion.points
  }
  const max = itemMax(task.item)
  const score = total > 0 ? Math.round(((earned / total) * max) * 1e9) / 1e9 : 0
  return { attemptId: task.attemptId, itemId: task.item.id, criteria, score, comment: comment.trim(), gradedAt }
}
