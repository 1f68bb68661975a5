/**
 * The full items of a course's sealed assessments on this device (issue 12 §6), one row per course.
 * Rules:
 * - A row is written only once the key file has been opened (with the unlock code or a release
 *   code); until then the device holds only the stubs the course ships.
 * - Opening with a release code never replaces a row opened with the unlock code: the instructor
 *   keeps the release code to hand out.
 * - Never in a backup: the backup tables are listed in src/domain/backupRows.ts, and this is not one.
 * - An opening with the unlock code may send xAPI statements (src/app/instructorOutbox.ts
 *   `unlockRows`): the scored statements of this device's sealed attempts it makes gradable,
 *   written in the same transaction as the row.
 */
import { isStub } from '../domain/sealedStub.ts'
import type { VersionedItem } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import { gradingTables, stateOf, type StoredGradeState } from './gradeState.ts'
import type { OutboxRecord, SealedItemsRecord } from './records.ts'

export type { SealedItemsRecord } from './records.ts'

/** The opened sealed items of a course, or undefined when this device has not opened them. */
export function getSealedItems(db: DebriefDb, courseId: string): Promise<SealedItemsRecord | undefined> {
  return guarded(() => db.sealedItems.get(courseId))
}

/** Makes the rows of an unlock: the course's submitted assessment attempts holding stubs, the full items before and after. */
export type UnlockStatements = (states: StoredGradeState[], had: ReadonlyMap<string, VersionedItem>, opened: ReadonlyMap<string, VersionedItem>, at: number) => OutboxRecord[]

function byVersion(items: readonly VersionedItem[] | undefined): Map<string, VersionedItem> {
  return new Map((items ?? []).map((item) => [item.version, item] as const))
}

/** Stores the items opened from a course's key file (rules at the top of the file); returns the row kept. */
export function saveSealedItems(db: DebriefDb, row: SealedItemsRecord, statements?: UnlockStatements): Promise<SealedItemsRecord> {
  return guarded(() =>
    db.transaction('rw', [db.sealedItems, ...gradingTables(db)], async () => {
      const stored = await db.sealedItems.get(row.courseId)
      if (stored !== undefined && stored.via === 'secret' && row.via === 'release-code') return stored
      await db.sealedItems.put(JSON.parse(JSON.stringify(row)) as SealedItemsRecord)
      if (statements !== undefined && row.via === 'secret') {
        // Only attempts that hold stubs can become gradable here.
        const ids = await db.attempts.filter((a) => a.courseId === row.courseId && a.mode === 'assessment' && a.submittedAt !== null && Object.values(a.snapshots).some(isStub)).primaryKeys()
        const states: StoredGradeState[] = []
        for (const id of ids) states.push((await stateOf(db, id))!)
        const rows = statements(states, byVersion(stored?.items), byVersion(row.items), row.openedAt)
        if (rows.length > 0) await db.outbox.bulkAdd(rows)
      }
      return row
    }),
  )
}

/** The opened items of a course by version (empty when none). */
export async function sealedItemsByVersion(db: DebriefDb, courseId: string): Promise<Map<string, VersionedItem>> {
  return byVersion((await getSealedItems(db, courseId))?.items)
}
