/**
 * The full items of a course's sealed assessments on this device (issue 12 §6), one row per course.
 * Rules:
 * - A row is written only once the key file has been opened (with the unlock code or a release
 *   code); until then the device holds only the stubs the course ships.
 * - Opening with a release code never replaces a row opened with the unlock code: the instructor
 *   keeps the release code to hand out.
 * - Never in a backup: the backup tables are listed in src/domain/backupRows.ts, and this is not one.
 */
import type { VersionedItem } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import type { SealedItemsRecord } from './records.ts'

export type { SealedItemsRecord } from './records.ts'

/** The opened sealed items of a course, or undefined when this device has not opened them. */
export function getSealedItems(db: DebriefDb, courseId: string): Promise<SealedItemsRecord | undefined> {
  return guarded(() => db.sealedItems.get(courseId))
}

/** Stores the items opened from a course's key file (rules at the top of the file); returns the row kept. */
export function saveSealedItems(db: DebriefDb, row: SealedItemsRecord): Promise<SealedItemsRecord> {
  return guarded(() =>
    db.transaction('rw', db.sealedItems, async () => {
      const stored = await db.sealedItems.get(row.courseId)
      if (stored !== undefined && stored.via === 'secret' && row.via === 'release-code') return stored
      await db.sealedItems.put(JSON.parse(JSON.stringify(row)) as SealedItemsRecord)
      return row
    }),
  )
}

/** The opened items of a course by version (empty when none). */
export async function sealedItemsByVersion(db: DebriefDb, courseId: string): Promise<Map<string, VersionedItem>> {
  const row = await getSealedItems(db, courseId)
  return new Map((row?.items ?? []).map((item) => [item.version, item] as const))
}
