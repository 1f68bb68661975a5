/**
 * An attempt's grading state as stored (attempt, responses, instructor grades, grade history,
 * learner's name), read inside a grade change's transaction so its xAPI statements can be made
 * from the state before and after it (src/app/instructorOutbox.ts). Used by grading.ts and
 * sealedItems.ts.
 */
import type { Attempt, ManualGrade, SavedResponse } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import type { OutboxRecord } from './records.ts'

/** An attempt as stored, with what grading it needs (src/app/instructorOutbox.ts GradeState). */
export interface StoredGradeState {
  attempt: Attempt
  responses: SavedResponse[]
  manualGrades: ManualGrade[]
  history: { itemId: string }[]
  learnerName?: string
}

/** Makes the xAPI rows of one attempt's grade change at `at`. */
export type GradeStatements = (before: StoredGradeState, after: StoredGradeState, at: number) => OutboxRecord[]

/** The attempt's state, read inside the caller's transaction (which holds gradingTables). */
export async function stateOf(db: DebriefDb, attemptId: string): Promise<StoredGradeState | undefined> {
  const attempt = await db.attempts.get(attemptId)
  if (attempt === undefined) return undefined
  const responses = await db.responses.where('attemptId').equals(attemptId).toArray()
  const manualGrades = await db.manualGrades.where('attemptId').equals(attemptId).toArray()
  const history = await db.gradeHistory.where('attemptId').equals(attemptId).toArray()
  const learner = await db.learners.get(attempt.learnerId)
  return { attempt, responses, manualGrades, history, ...(learner !== undefined ? { learnerName: learner.name } : {}) }
}

/** The tables a grade change and its statements touch. */
export function gradingTables(db: DebriefDb) {
  return [db.attempts, db.manualGrades, db.gradeHistory, db.responses, db.learners, db.outbox]
}
