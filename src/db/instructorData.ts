/** Everything the instructor pages read for one course: learners, attempts and their grades. */
import Dexie from 'dexie'
import type { Attempt, ManualGrade, Response } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import { toStorageError } from './errors.ts'
import { listManualGradesFor } from './grading.ts'
import type { GradeHistoryRecord, LearnerRecord } from './records.ts'

export interface CourseRecords {
  /** Profiles on this device and learners whose results were imported. */
  learners: LearnerRecord[]
  attempts: Attempt[]
  responses: Map<string, Response[]>
  manualGrades: Map<string, ManualGrade[]>
}

/** Every learner on this device, local and imported, by name. */
export async function listAllLearners(db: DebriefDb): Promise<LearnerRecord[]> {
  try {
    return (await db.learners.toArray()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  } catch (error) {
    throw toStorageError(error)
  }
}

/** A course's attempts (all learners), with their responses and instructor grades, in one read. */
export async function loadCourseRecords(db: DebriefDb, courseId: string): Promise<CourseRecords> {
  try {
    return await db.transaction('r', [db.learners, db.attempts, db.responses, db.manualGrades], async () => {
      const learners = await listAllLearners(db)
      const attempts = (await db.attempts.where('[courseId+sourceId]').between([courseId, Dexie.minKey], [courseId, Dexie.maxKey]).toArray()).sort(
        (a, b) => a.startedAt - b.startedAt,
      )
      const ids = attempts.map((a) => a.id)
      const responses = new Map<string, Response[]>(ids.map((id) => [id, []]))
      for (const row of await db.responses.where('attemptId').anyOf(ids).toArray()) responses.get(row.attemptId)?.push(row)
      return { learners, attempts, responses, manualGrades: await listManualGradesFor(db, ids) }
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

/** An attempt's grade history, oldest first. */
export async function listGradeHistory(db: DebriefDb, attemptId: string): Promise<GradeHistoryRecord[]> {
  try {
    return (await db.gradeHistory.where('attemptId').equals(attemptId).toArray()).sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0))
  } catch (error) {
    throw toStorageError(error)
  }
}
