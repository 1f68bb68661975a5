/**
 * What the app needs to grade a learner's attempts and estimate mastery, in one module so the
 * app can load it only once there is something to grade (a new learner's start page stays light).
 */
export { finalGrade, gradeAttempt } from './attemptGrading.ts'
export { masteryEvidence } from './evidence.ts'
export { computeMastery, masteryLevel } from './mastery.ts'
