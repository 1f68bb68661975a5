/**
 * A learner's attempts at one course as this device can grade them now: a sealed attempt's stubs
 * are swapped for the full items once a release code (or the instructor's unlock) has opened them
 * here (src/stores/sealedAttempts.ts), and stay stubs until then (the outcome skips those).
 * What an LMS is told is the grade the result page shows.
 */
import { listAttempts, listManualGradesFor, listResponsesFor } from '../../db/attempts.ts'
import type { DebriefDb } from '../../db/database.ts'
import { sealedItemsByVersion } from '../../db/sealedItems.ts'
import type { Attempt, ManualGrade, SavedResponse } from '../../domain/types.ts'
import { gradable } from '../../stores/sealedAttempts.ts'
import { showedStubs } from '../../stores/sealedStubs.ts'

export interface LearnerAttempts {
  attempts: Attempt[]
  responses: Map<string, SavedResponse[]>
  manualGrades: Map<string, ManualGrade[]>
  /** The sealed attempts stored with stubs that the opened items make gradable now. */
  opened: Set<string>
}

export async function gradableAttempts(db: DebriefDb, learnerId: string, courseId: string): Promise<LearnerAttempts> {
  const stored = await listAttempts(db, learnerId, courseId)
  const ids = stored.map((a) => a.id)
  const [responses, manualGrades] = await Promise.all([listResponsesFor(db, ids), listManualGradesFor(db, ids)])
  const opened = new Set<string>()
  if (!stored.some(showedStubs)) return { attempts: stored, responses, manualGrades, opened }
  const full = await sealedItemsByVersion(db, courseId)
  const attempts = stored.map((attempt) => {
    if (!showedStubs(attempt)) return attempt
    const now = gradable(attempt, responses.get(attempt.id) ?? [], full)
    if (now === undefined) return attempt
    opened.add(attempt.id)
    responses.set(attempt.id, now.responses)
    return now.attempt
  })
  return { attempts, responses, manualGrades, opened }
}
