/**
 * Calibration for the instructor's pages (issue 14): per learner, per cohort, in the instructor's
 * words. Pure; the figures themselves are calibration.ts's.
 *
 * Rules:
 * - A learner's calibration at an assessment with certainty pools the answers of the attempts its
 *   grading method picks (`chosenAttempts`), as the gradebook's Brier and confidence columns do, so
 *   the learner page and the gradebook agree.
 * - The cohort's calibration (statistics page) pools the answers of the attempts the page counts.
 * - Per objective: shown only where at least one level has MIN_ANSWERS answers to judge.
 * - The sentence speaks about "the learner" or "the cohort", never "you" (that is the learner's).
 */
import { calibration, calibrationAnswers, cohortCalibration, LEVEL_NAMES, MIN_ANSWERS, type Calibration, type CalibrationAnswer, type CohortCalibration, type LevelCalibration } from './calibration.ts'
import type { AssessmentInfo } from './blueprints.ts'
import { chosenAttempts, gradeFor, type GradebookInput, type GradedAttempt } from './gradebook.ts'

export interface AssessmentCalibration {
  assessment: AssessmentInfo
  /** Submitted attempts the grading method picks. */
  attempts: number
  calibration: Calibration
}

const pct = (rate: number) => `${Math.round(rate * 100)}%`

/** The target band in words: "up to 67%", "67% to 80%", "80% or more". */
export function targetBand(level: Pick<LevelCalibration, 'certainty' | 'band'>): string {
  if (level.certainty === 1) return `up to ${pct(level.band.high)}`
  return level.certainty === 3 ? `${pct(level.band.low)} or more` : `${pct(level.band.low)} to ${pct(level.band.high)}`
}

/** The judgement in a word or two: over-confident, under-confident, well calibrated, too few answers. */
export function positionText(level: Pick<LevelCalibration, 'position' | 'answers'>): string {
  if (level.answers === 0) return 'Never chosen'
  return { below: 'Over-confident', within: 'Well calibrated', above: 'Under-confident', 'too-few': 'Too few answers to judge' }[level.position]
}

/** The instructor's sentence for one level ("the learner" or "the cohort"). */
export function instructorSentence(level: Pick<LevelCalibration, 'certainty' | 'answers' | 'rate' | 'position' | 'band'>, who: 'learner' | 'cohort'): string {
  const name = LEVEL_NAMES[level.certainty]
  const subject = who === 'learner' ? 'The learner' : 'The cohort'
  if (level.answers === 0) return `${subject} never chose '${name}'.`
  if (level.position === 'too-few' || level.rate === null) {
    return `${subject} chose '${name}' ${level.answers === 1 ? 'once' : `${level.answers} times`}: too few answers to judge (at least ${MIN_ANSWERS} are needed).`
  }
  const judged = { below: 'over-confident', within: 'well calibrated', above: 'under-confident' }[level.position]
  return `When ${name}, ${subject.toLowerCase()} was right ${pct(level.rate)} of the time (the target is ${targetBand(level)}): ${judged} at this level.`
}

/** The objectives of a calibration worth showing: some level has enough answers to judge. */
export function judgedObjectives(result: Calibration): Calibration['perObjective'] {
  return result.perObjective.filter((o) => o.levels.some((l) => l.answers >= MIN_ANSWERS))
}

/** One learner's calibration at each assessment with certainty where they have a counted answer. */
export function learnerCalibrations(input: GradebookInput, learnerId: string): AssessmentCalibration[] {
  const out: AssessmentCalibration[] = []
  for (const assessment of input.assessments) {
    if (assessment.certainty !== true) continue
    const submitted = input.attempts
      .filter((a) => a.learnerId === learnerId && a.mode === 'assessment' && a.sourceId === assessment.id && a.submittedAt !== null)
      .map((attempt): GradedAttempt => ({ attempt, grade: gradeFor(attempt, input, assessment) }))
    const chosen = chosenAttempts(submitted, assessment.gradingMethod)
    const answers = chosen.flatMap((g) => calibrationAnswers(g.grade))
    if (answers.length > 0) out.push({ assessment, attempts: chosen.length, calibration: calibration(answers) })
  }
  return out
}

/** The cohort's calibration over some graded attempts (every learner's answers pooled). */
export function cohortOf(graded: readonly GradedAttempt[]): CohortCalibration {
  const byLearner = new Map<string, CalibrationAnswer[]>()
  for (const g of graded) {
    const list = byLearner.get(g.attempt.learnerId) ?? []
    list.push(...calibrationAnswers(g.grade))
    byLearner.set(g.attempt.learnerId, list)
  }
  return cohortCalibration(byLearner)
}
