/**
 * Where a learner stands in a course, as the course home and the progress page show it.
 *
 * Rules:
 * - An assessment's standing is the attempts used at it and its counting grade: the percent its
 *   grading method picks from the graded attempts (highest, first, last or average), null before
 *   any graded attempt. "Counting grade" keeps "final" for the blueprint kind.
 * - The final is the course's blueprint of kind 'final' (the first, if a course lists several).
 *   It is passed when its counting grade reaches its pass mark (`passed`, blueprints.ts).
 * - A course is started once the learner has any attempt, or any lesson that is not "not started"
 *   or has reading time.
 * - Time spent is the reading time of every lesson plus, for each submitted assessment attempt,
 *   the time from its start to its submission (never negative). Open attempts and practice add
 *   nothing: practice runs have no reliable end.
 */
import { passed } from './blueprints.ts'
import type { LessonProgress as StoredLessonProgress } from './learnerTypes.ts'
import type { Attempt, Blueprint } from './types.ts'

export type { LessonState } from './learnerTypes.ts'

/** What the course rules read of one lesson's reading progress (the stored row has more). */
export type LessonProgress = Pick<StoredLessonProgress, 'state' | 'secondsSpent'>

export interface AssessmentStanding {
  /** Attempts started at the assessment (submitted or not). */
  used: number
  /** The percent the grading method picks; null before any graded attempt. */
  countingGrade: number | null
}

/** Each blueprint's standing by id, from the learner's attempt count and counting grade per blueprint. */
export function assessmentStandings(
  blueprints: readonly Blueprint[],
  attemptsAt: (blueprintId: string) => number,
  countingGrade: (blueprintId: string) => number | null,
): Record<string, AssessmentStanding> {
  return Object.fromEntries(blueprints.map((b) => [b.id, { used: attemptsAt(b.id), countingGrade: countingGrade(b.id) }]))
}

export interface FinalStanding {
  blueprint: Blueprint
  standing: AssessmentStanding
  passed: boolean
}

/** The course's final assessment and whether it is passed; undefined for a course without one. */
export function finalStanding(blueprints: readonly Blueprint[], standings: Readonly<Record<string, AssessmentStanding>>): FinalStanding | undefined {
  const blueprint = blueprints.find((b) => b.kind === 'final')
  if (blueprint === undefined) return undefined
  const standing = standings[blueprint.id] ?? { used: 0, countingGrade: null }
  return { blueprint, standing, passed: standing.countingGrade !== null && passed(standing.countingGrade, blueprint.passMark) }
}

/** Seconds spent reading and in submitted assessments (rule at the top of the file). */
export function timeSpent(progress: Readonly<Record<string, LessonProgress>>, attempts: readonly Attempt[]): number {
  const reading = Object.values(progress).reduce((sum, p) => sum + p.secondsSpent, 0)
  const assessing = attempts.reduce((sum, a) => (a.mode === 'assessment' && a.submittedAt !== null ? sum + Math.max(0, a.submittedAt - a.startedAt) / 1000 : sum), 0)
  return reading + assessing
}

export interface ProgressSummary {
  started: boolean
  lessonsDone: number
  lessonCount: number
  /** Seconds reading and in submitted assessments. */
  seconds: number
  /** The final, once passed, with its counting grade. */
  passedFinal: { title: string; grade: number } | undefined
}

export interface ProgressSummaryInput {
  lessonIds: readonly string[]
  blueprints: readonly Blueprint[]
  progress: Readonly<Record<string, LessonProgress>>
  attempts: readonly Attempt[]
  standings: Readonly<Record<string, AssessmentStanding>>
}

/** The headline of the progress page (rules at the top of the file). */
export function progressSummary(input: ProgressSummaryInput): ProgressSummary {
  const { progress, attempts } = input
  const started = attempts.length > 0 || Object.values(progress).some((p) => p.state !== 'not-started' || p.secondsSpent > 0)
  const final = finalStanding(input.blueprints, input.standings)
  const grade = final?.standing.countingGrade ?? null
  return {
    started,
    lessonsDone: input.lessonIds.filter((id) => progress[id]?.state === 'done').length,
    lessonCount: input.lessonIds.length,
    seconds: timeSpent(progress, attempts),
    passedFinal: final?.passed && grade !== null ? { title: final.blueprint.title, grade } : undefined,
  }
}
