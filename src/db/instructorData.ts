/** Everything the instructor pages read for one course: learners, attempts and their grades. */
import Dexie from 'dexie'
import type { Learner } from '../domain/learnerTypes.ts'
import type { Attempt, ManualGrade, SavedResponse } from '../domain/types.ts'
import { groupedByAttempt } from './attempts.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import { flagsOf } from './importFlags.ts'
import type { GradeHistoryRecord, ImportFlagRecord } from './records.ts'

export interface CourseRecords {
  /** Profiles on this device and learners whose results were imported. */
  learners: Learner[]
  attempts: Attempt[]
  responses: Map<string, SavedResponse[]>
  manualGrades: Map<string, ManualGrade[]>
  /** The course check of imported attempts, by attempt id (none for attempts made here or imported before it existed). */
  importFlags: Map<string, ImportFlagRecord>
}

/** Every learner on this device, local and imported, by name. */
export function listAllLearners(db: DebriefDb): Promise<Learner[]> {
  return guarded(async () => (await db.learners.toArray()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)))
}

/** A course's attempts (all learners), with their responses and instructor grades, in one read. */
export function loadCourseRecords(db: DebriefDb, courseId: string): Promise<CourseRecords> {
  return guarded(() =>
    db.transaction('r', [db.learners, db.attempts, db.responses, db.manualGrades, db.importFlags], async () => {
      const learners = await listAllLearners(db)
      const attempts = (await db.attempts.where('[courseId+sourceId]').between([courseId, Dexie.minKey], [courseId, Dexie.maxKey]).toArray()).sort(
        (a, b) => a.startedAt - b.startedAt,
      )
      const ids = attempts.map((a) => a.id)
      return {
        learners, attempts,
        responses: await groupedByAttempt(db.responses, ids), manualGrades: await groupedByAttempt(db.manualGrades, ids), importFlags: await flagsOf(db, ids),
      }
    }),
  )
}

/** An attempt's grade history, oldest first. */
export function listGradeHistory(db: DebriefDb, attemptId: string): Promise<GradeHistoryRecord[]> {
  return guarded(async () => (await db.gradeHistory.where('attemptId').equals(attemptId).toArray()).sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0)))
}
