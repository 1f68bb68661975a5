/** The practice score the progress page shows (formatting lives in src/domain/format.ts). */
import { gradeResponse } from '../../domain/grading/index.ts'
import type { Attempt, Response } from '../../domain/types.ts'

/**
 * The first-try score of a practice run: each saved response is the first checked answer to its
 * item (retries are never saved), graded against the snapshot the run showed.
 */
export function practiceScore(attempt: Attempt, responses: readonly Response[]): { score: number; max: number; answered: number } {
  let score = 0
  let max = 0
  let answered = 0
  for (const response of responses) {
    const slot = attempt.slots.find((s) => s.itemId === response.itemId)
    const item = slot ? attempt.snapshots[slot.version] : undefined
    if (!item || response.answer === null) continue
    const grade = gradeResponse(item, response.answer)
    score += grade.score
    max += grade.max
    answered += 1
  }
  return { score, max, answered }
}
