/**
 * The answers a learner's calibration counts across a course (the progress page): every
 * submitted assessment attempt graded with certainty (its decided answers, `calibrationAnswers`)
 * and every practice or review answer saved with a certainty, graded as practice grades it.
 * Practice answers without a certainty are left out (the learner was not asked); blanks, free
 * text waiting for an instructor and answers saved after a deadline are left out too.
 */
import type { AttemptGrade } from './attemptGrading.ts'
import { calibrationAnswers, type CalibrationAnswer } from './calibration.ts'
import { gradeResponse } from './grading/index.ts'
import { snapshotOf } from './own.ts'
import type { Attempt, SavedResponse } from './types.ts'

export function learnerCalibrationAnswers(
  attempts: readonly Attempt[],
  responsesByAttempt: ReadonlyMap<string, readonly SavedResponse[]>,
  grades: ReadonlyMap<string, Pick<AttemptGrade, 'perItem'>>,
): CalibrationAnswer[] {
  const out: CalibrationAnswer[] = []
  for (const attempt of attempts) {
    if (attempt.mode === 'assessment') {
      const grade = grades.get(attempt.id)
      if (attempt.submittedAt !== null && grade) out.push(...calibrationAnswers(grade))
      continue
    }
    for (const response of responsesByAttempt.get(attempt.id) ?? []) {
      if (response.certainty === undefined || response.answer === null) continue
      const slot = attempt.slots.find((s) => s.itemId === response.itemId)
      const item = slot ? snapshotOf(attempt, slot.version) : undefined
      if (!item) continue
      const grade = gradeResponse(item, response.answer)
      if (grade.state === 'needs-grading' || grade.state === 'unanswered' || grade.max <= 0) continue
      out.push({ itemId: item.id, objective: item.objective, certainty: response.certainty, fraction: Math.min(1, Math.max(0, grade.score / grade.max)) })
    }
  }
  return out
}
