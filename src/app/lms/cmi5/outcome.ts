/**
 * Which submitted attempts count for the cmi5 AU, and their grade: the package's blueprint, or for
 * a whole-course package the course's `final` blueprint (as the SCORM runtime reports). Loaded only
 * inside a cmi5 package, with the grading code.
 */
import { courses } from 'virtual:debrief/catalog'
import { gradeAttempt, gradingOptions, type AttemptGrade } from '../../../domain/attemptGrading.ts'
import { assessmentInfo } from '../../../domain/blueprints.ts'
import { reportedBlueprintId as reportedBlueprint } from '../../../domain/lms/packageInfo.ts'
import type { LmsTarget } from '../../../domain/lms/target.ts'
import type { Attempt, SavedResponse } from '../../../domain/types.ts'
import type { AttemptSource } from '../../../domain/xapi/statements.ts'
import { showedStubs } from '../../../stores/sealedStubs.ts'

export interface AttemptOutcome {
  source: AttemptSource
  /** Null when this device cannot grade it (a sealed assessment's stubs). */
  grade: AttemptGrade | null
}

/** The blueprint whose attempts the AU reports. */
export function reportedBlueprintId(target: LmsTarget): string | undefined {
  return reportedBlueprint(target, courses.find((c) => c.id === target.courseId))
}

/** The outcome of a submitted attempt, or null when it is not one the AU reports. */
export function attemptOutcome(target: LmsTarget, attempt: Attempt, responses: readonly SavedResponse[]): AttemptOutcome | null {
  if (attempt.mode !== 'assessment' || attempt.submittedAt === null || attempt.courseId !== target.courseId || attempt.sourceId !== reportedBlueprintId(target)) return null
  const course = courses.find((c) => c.id === attempt.courseId)
  const blueprint = course?.blueprints.find((b) => b.id === attempt.sourceId)
  const source: AttemptSource = { courseTitle: course?.title ?? attempt.courseId, sourceTitle: blueprint?.title ?? attempt.sourceId }
  if (showedStubs(attempt)) return { source, grade: null }
  return { source, grade: gradeAttempt(attempt, responses, [], blueprint ? gradingOptions(assessmentInfo(blueprint)) : {}) }
}
