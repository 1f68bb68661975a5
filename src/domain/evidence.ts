/**
 * Turning a learner's attempts into mastery evidence. Practice counts as soon as an answer is
 * checked; an assessment counts only once submitted (answers in an open attempt may change).
 */
import { gradeResponse } from './grading/index.ts'
import type { MasteryEvidence } from './mastery.ts'
import type { Attempt, SavedResponse } from './types.ts'
import { snapshotOf } from './own.ts'

export function masteryEvidence(attempts: readonly Attempt[], responsesByAttempt: ReadonlyMap<string, readonly SavedResponse[]>): MasteryEvidence[] {
  const evidence: MasteryEvidence[] = []
  for (const attempt of attempts) {
    if (attempt.mode === 'assessment' && attempt.submittedAt === null) continue
    for (const response of responsesByAttempt.get(attempt.id) ?? []) {
      if (response.answer === null) continue
      if (attempt.deadline !== null && response.savedAt > attempt.deadline) continue
      const slot = attempt.slots.find((s) => s.itemId === response.itemId)
      const item = slot ? snapshotOf(attempt, slot.version) : undefined
      if (!item) continue
      const grade = gradeResponse(item, response.answer)
      if (grade.state === 'needs-grading') continue
      evidence.push({
        objective: item.objective,
        score: grade.score,
        max: grade.max,
        at: response.savedAt,
        source: attempt.mode,
        itemType: item.type,
        difficulty: item.difficulty,
      })
    }
  }
  return evidence
}
