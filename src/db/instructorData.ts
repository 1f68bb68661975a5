/** Everything the instructor pages read for one course: learners, attempts and their grades. */
import Dexie from 'dexie'
import type { Learner } from '../domain/learnerTypes.ts'
import { isStub, unsealAttempt } from '../domain/sealed.ts'
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
  /**
   * Attempts made on this device at a sealed assessment (they hold stubs) while it is not unlocked
   * here: left out of `attempts`, since they cannot be graded yet. Unlocked, they are read in full.
   */
  sealedLocked: number
}

/** Every learner on this device, local and imported, by name. */
export function listAllLearners(db: DebriefDb): Promise<Learner[]> {
  return guarded(async () => (await db.learners.toArray()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)))
}

/** A course's attempts (all learners), with their responses and instructor grades, in one read. */
export function loadCourseRecords(db: DebriefDb, courseId: string): Promise<CourseRecords> {
  return guarded(() =>
    db.transaction('r', [db.learners, db.attempts, db.responses, db.manualGrades, db.importFlags, db.sealedItems], async () => {
      const learners = await listAllLearners(db)
      const stored = (await db.attempts.where('[courseId+sourceId]').between([courseId, Dexie.minKey], [courseId, Dexie.maxKey]).toArray()).sort(
        (a, b) => a.startedAt - b.startedAt,
      )
      const storedIds = stored.map((a) => a.id)
      const [storedResponses, sealed] = await Promise.all([groupedByAttempt(db.responses, storedIds), db.sealedItems.get(courseId)])
      // Attempts sat on this device at a sealed assessment hold stubs: read them on the full items once unlocked.
      const full = new Map((sealed?.items ?? []).map((item) => [item.version, item] as const))
      const attempts: Attempt[] = []
      const responses = new Map<string, SavedResponse[]>()
      for (const attempt of stored) {
        if (!Object.values(attempt.snapshots).some(isStub)) {
          attempts.push(attempt)
          responses.set(attempt.id, storedResponses.get(attempt.id) ?? [])
          continue
        }
        const unsealed = unsealAttempt(attempt, storedResponses.get(attempt.id) ?? [], (version) => full.get(version))
        if (unsealed.sealedLeft.length > 0) continue
        attempts.push(unsealed.attempt)
        responses.set(attempt.id, unsealed.responses)
      }
      const ids = attempts.map((a) => a.id)
      return {
        learners, attempts, responses,
        manualGrades: await groupedByAttempt(db.manualGrades, ids), importFlags: await flagsOf(db, ids), sealedLocked: stored.length - attempts.length,
      }
    }),
  )
}

/** An attempt's grade history, oldest first. */
export function listGradeHistory(db: DebriefDb, attemptId: string): Promise<GradeHistoryRecord[]> {
  return guarded(async () => (await db.gradeHistory.where('attemptId').equals(attemptId).toArray()).sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0)))
}
