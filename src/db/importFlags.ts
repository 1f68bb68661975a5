/**
 * The course check of imported attempts, on the instructor's device (issue 12): before a result
 * file is written, every attempt is checked with the same batch rules as `npm run report`
 * (src/domain/importBatch.ts), its siblings being the learner's attempts already on this device.
 * The import then stores the trusted attempt (the instructor's items only), the flags of each
 * attempt and the learner-device grades kept apart, in the same transaction as the attempt.
 * Accepting an attempt or its learner-device grades is a grade change like a free-text grade
 * (grading.ts): with `statements` (an LRS wanted), the xAPI correction it sends is made from the
 * attempt's state before and after it, read and written in its transaction.
 */
import type { ResultFile, Sha256 } from '../domain/resultFile.ts'
import { checkBatch, type CheckedEntry } from '../domain/importBatch.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import type { DebriefDb } from './database.ts'
import { guarded, StorageError } from './errors.ts'
import { gradingTables, stateOf, type GradeStatements } from './gradeState.ts'
import type { ImportFlagRecord } from './records.ts'

/** Checks a parsed file's attempts against the course; reads the device, writes nothing. */
export async function checkFileAttempts(db: DebriefDb, file: ResultFile, course: InstructorCourse, sha256: Sha256): Promise<CheckedEntry[]> {
  const [existing, learner] = await Promise.all([
    db.attempts.where('[learnerId+courseId]').equals([file.learner.id, file.courseId]).toArray(),
    db.learners.get(file.learner.id),
  ])
  // A learner this device knows is checked with the allowance the instructor set here; a new one
  // with the file's (importBatch.ts).
  const allowances = learner !== undefined ? new Map([[file.learner.id, learner.allowance]]) : undefined
  return checkBatch({
    entries: file.attempts.map((entry) => ({ learner: file.learner, entry })),
    course,
    existing,
    ...(allowances !== undefined ? { allowances } : {}),
    sha256,
  })
}

/** The row stored for a checked attempt (inside the import's transaction). */
export function flagRecord(checked: CheckedEntry, now: number): ImportFlagRecord {
  return { attemptId: checked.entry.attempt.id, flags: checked.flags, checkedAt: now, learnerGrades: checked.learnerGrades }
}

/** The flag rows of some attempts, by attempt id. */
export async function flagsOf(db: DebriefDb, attemptIds: readonly string[]): Promise<Map<string, ImportFlagRecord>> {
  const rows = await db.importFlags.bulkGet([...attemptIds])
  return new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.attemptId, row] as const])))
}

/** The instructor counts a flagged attempt after all (its flags stay on record). */
export function acceptFlaggedAttempt(db: DebriefDb, attemptId: string, now: number, statements?: GradeStatements): Promise<void> {
  return guarded(() =>
    db.transaction('rw', [db.importFlags, ...gradingTables(db)], async () => {
      const row = await db.importFlags.get(attemptId)
      if (row === undefined) throw new StorageError('conflict')
      await corrected(db, attemptId, now, statements, () => db.importFlags.put({ ...row, acceptedAt: now }))
    }),
  )
}

/**
 * The instructor accepts the grades the learner's device carried for an attempt: each becomes an
 * instructor grade (with a history row saying where it came from), unless the instructor has
 * graded that item already, and the row keeps none apart. One transaction.
 */
export function acceptLearnerGrades(db: DebriefDb, attemptId: string, now: number, statements?: GradeStatements): Promise<number> {
  return guarded(() =>
    db.transaction('rw', [db.importFlags, ...gradingTables(db)], async () => {
      const row = await db.importFlags.get(attemptId)
      if (row === undefined) throw new StorageError('conflict')
      return corrected(db, attemptId, now, statements, async () => {
        let accepted = 0
        for (const grade of row.learnerGrades) {
          if ((await db.manualGrades.get([grade.attemptId, grade.itemId])) !== undefined) continue
          await db.manualGrades.put(grade)
          await db.gradeHistory.add({ attemptId, itemId: grade.itemId, at: now, kind: 'manual-grade', before: null, after: grade.score, note: `Accepted from the learner's device. ${grade.comment}`.trim() })
          accepted++
        }
        await db.importFlags.put({ ...row, learnerGrades: [] })
        return accepted
      })
    }),
  )
}

/** Runs `change` and writes the correction it makes (inside the caller's transaction over gradingTables). */
async function corrected<T>(db: DebriefDb, attemptId: string, at: number, statements: GradeStatements | undefined, change: () => Promise<T>): Promise<T> {
  const was = statements !== undefined ? await stateOf(db, attemptId) : undefined
  const result = await change()
  const now = was !== undefined ? await stateOf(db, attemptId) : undefined
  const rows = was !== undefined && now !== undefined ? statements!(was, now, at) : []
  if (rows.length > 0) await db.outbox.bulkAdd(rows)
  return result
}
