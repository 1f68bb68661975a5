/**
 * Grading as the grading engine loads it (src/composables/useGradingEngine.ts): the attempt
 * grade plus the options a blueprint gives it, `gradingOptions(assessmentInfo(blueprint))`
 * (pass mark, negative marking, certainty and its pass rule).
 */
import { gradingOptions, type AttemptGradeOptions } from './attemptGrading.ts'
import { assessmentInfo } from './blueprints.ts'
import type { Blueprint } from './types.ts'

export { finalGrade, gradeAttempt } from './attemptGrading.ts'

export function gradingOptionsFor(blueprint: Blueprint): AttemptGradeOptions {
  return gradingOptions(assessmentInfo(blueprint))
}
