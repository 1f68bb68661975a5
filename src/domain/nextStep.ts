/**
 * The one thing the course home suggests doing next, in this order:
 * 1. resume an open assessment (its clock is running);
 * 2. start or continue the first lesson not yet read;
 * 3. practise the lesson of the weakest objective not yet mastered;
 * 4. sit the final assessment, while it is not passed and attempts remain;
 * otherwise the course is done.
 */
import type { CourseSummary, LessonSummary } from './catalog.ts'
import { finalStanding, type AssessmentStanding, type LessonProgress } from './courseProgress.ts'
import type { Mastery } from './mastery.ts'
import type { Attempt, Blueprint } from './types.ts'

/** `L`: the lessons it was given, so a page that passed them with their details gets them back. */
export type NextStep<L extends LessonSummary = LessonSummary> =
  | { kind: 'resume'; attempt: Attempt; title: string; minutesLeft: number | null }
  | { kind: 'lesson'; lesson: L; inProgress: boolean; anyStarted: boolean }
  | { kind: 'practise'; lesson: L; objective: L['objectives'][number] }
  | { kind: 'final'; blueprint: Blueprint }
  | { kind: 'done'; passed: boolean }

export interface NextStepInput<L extends LessonSummary = LessonSummary> {
  course: Pick<CourseSummary, 'blueprints'> & { lessons: L[] }
  /** Reading progress by lesson id; a lesson without an entry is not started. */
  progress: Readonly<Record<string, Pick<LessonProgress, 'state'>>>
  openAssessment: Attempt | undefined
  mastery: readonly Mastery[]
  /** Attempts used and counting grade by blueprint id (courseProgress.ts). */
  standings: Readonly<Record<string, AssessmentStanding>>
  /** Epoch ms, for the minutes left on an open assessment. */
  now: number
}

/** The course home's suggestion (order at the top of the file). */
export function nextStep<L extends LessonSummary>(input: NextStepInput<L>): NextStep<L> {
  const { course, progress, openAssessment, now } = input
  if (openAssessment) {
    const title = course.blueprints.find((b) => b.id === openAssessment.sourceId)?.title ?? 'your assessment'
    const minutesLeft = openAssessment.deadline === null ? null : Math.max(0, Math.ceil((openAssessment.deadline - now) / 60_000))
    return { kind: 'resume', attempt: openAssessment, title, minutesLeft }
  }

  const unread = course.lessons.find((l) => progress[l.id]?.state !== 'done')
  if (unread) {
    const inProgress = progress[unread.id]?.state === 'in-progress'
    const anyStarted = Object.values(progress).some((p) => p.state !== 'not-started')
    return { kind: 'lesson', lesson: unread, inProgress, anyStarted }
  }

  const practisable = course.lessons.filter((l) => l.itemCount > 0)
  const weakest = [...input.mastery]
    .filter((m) => m.level !== 'mastered' && practisable.some((l) => l.objectives.some((o) => o.id === m.objective)))
    .sort((a, b) => a.mastery - b.mastery)[0]
  if (weakest) {
    const lesson = practisable.find((l) => l.objectives.some((o) => o.id === weakest.objective))!
    return { kind: 'practise', lesson, objective: lesson.objectives.find((o) => o.id === weakest.objective)! }
  }

  const final = finalStanding(course.blueprints, input.standings)
  if (!final) return { kind: 'done', passed: false }
  const max = final.blueprint.maxAttempts
  const attemptsLeft = max === undefined || final.standing.used < max
  return !final.passed && attemptsLeft ? { kind: 'final', blueprint: final.blueprint } : { kind: 'done', passed: final.passed }
}
