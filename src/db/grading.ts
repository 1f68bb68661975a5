/**
 * Instructor grades: free-text grades by hand and regrades to a new item version. Each change
 * writes its grade (or attempt) and a gradeHistory row in one transaction, so the record of who
 * changed what can never be missing. With `statements` (src/app/instructorOutbox.ts, when an LRS
 * is wanted) the xAPI rows the change sends are made from the attempt's state before and after it,
 * read inside that transaction, and written in it too: all or nothing.
 */
import { regradeAttempt, type RegradeChange } from '../domain/regrade.ts'
import type { ManualGrade, VersionedItem } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import { listManualGradesFor } from './attempts.ts'
import { guarded, StorageError } from './errors.ts'
import { gradingTables, stateOf, type GradeStatements, type StoredGradeState } from './gradeState.ts'

export type { GradeStatements, StoredGradeState } from './gradeState.ts'

/** Instructor grades of many attempts, by attempt id (every id present, possibly empty). */
export { listManualGradesFor }

/**
 * Saves an instructor's grade for one response and its history row in one transaction.
 * `before` is the score the item had (the provisional or previous grade).
 */
export function saveManualGrade(db: DebriefDb, grade: ManualGrade, before: number | null, statements?: GradeStatements): Promise<void> {
  return guarded(() =>
    db.transaction('rw', gradingTables(db), async () => {
      const attempt = await db.attempts.get(grade.attemptId)
      if (attempt === undefined || attempt.submittedAt === null) throw new StorageError('conflict')
      const was = statements !== undefined ? await stateOf(db, grade.attemptId) : undefined
      await db.manualGrades.put(grade)
      await db.gradeHistory.add({
        attemptId: grade.attemptId,
        itemId: grade.itemId,
        at: grade.gradedAt,
        kind: 'manual-grade',
        before,
        after: grade.score,
        note: grade.comment,
      })
      const now = was !== undefined ? await stateOf(db, grade.attemptId) : undefined
      const rows = was !== undefined && now !== undefined ? statements!(was, now, grade.gradedAt) : []
      if (rows.length > 0) await db.outbox.bulkAdd(rows)
    }),
  )
}

/**
 * Applies regrade changes (from `regradePreview`) in one transaction: each attempt's slot moves to
 * the new version (old snapshot kept) and a 'regrade' history row names both versions. A change
 * whose slot is no longer at its old version (applied already, or elsewhere) is skipped.
 * Resolves to the number of slots regraded.
 */
export function applyRegrades(db: DebriefDb, changes: readonly RegradeChange[], items: ReadonlyMap<string, VersionedItem>, now: number, statements?: GradeStatements): Promise<number> {
  return guarded(() =>
    db.transaction('rw', gradingTables(db), async () => {
      let applied = 0
      const before = new Map<string, StoredGradeState>()
      for (const change of changes) {
        const attempt = await db.attempts.get(change.attemptId)
        const item = items.get(change.itemId)
        const slot = attempt?.slots.find((s) => s.itemId === change.itemId)
        if (attempt === undefined || item === undefined || slot?.version !== change.fromVersion || item.version !== change.toVersion) continue
        if (statements !== undefined && !before.has(attempt.id)) before.set(attempt.id, (await stateOf(db, attempt.id))!)
        await db.attempts.put(regradeAttempt(attempt, item))
        await db.gradeHistory.add({
          attemptId: change.attemptId,
          itemId: change.itemId,
          at: now,
          kind: 'regrade',
          before: change.oldItemScore,
          after: change.newItemScore,
          note: `Regraded from version ${change.fromVersion} to version ${change.toVersion}; the old version is kept with the attempt.`,
        })
        applied++
      }
      for (const [attemptId, was] of before) {
        const rows = statements!(was, (await stateOf(db, attemptId))!, now)
        if (rows.length > 0) await db.outbox.bulkAdd(rows)
      }
      return applied
    }),
  )
}
