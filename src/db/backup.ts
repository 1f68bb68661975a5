/** One-step backup of everything on this device, and an all-or-nothing restore. */
import { BACKUP_TABLE_KEYS, type BackupFile, type BackupTables } from '../domain/backupFile.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

const TABLES = Object.keys(BACKUP_TABLE_KEYS)

export function readAllTables(db: DebriefDb): Promise<BackupTables> {
  return guarded(() =>
    db.transaction('r', TABLES, async () => {
      const out: BackupTables = {}
      for (const name of TABLES) out[name] = (await db.table(name).toArray()) as Record<string, unknown>[]
      return out
    }),
  )
}

/**
 * Replaces this device's data with the backup's, in one transaction: if any row cannot be
 * written (a full disk, a bad row), IndexedDB rolls back and the old data is untouched.
 * Learners from backups made before database version 2 are marked as this device's profiles,
 * as the version 2 upgrade does.
 */
export function restoreAllTables(db: DebriefDb, backup: BackupFile): Promise<Record<string, number>> {
  return guarded(() =>
    db.transaction('rw', TABLES, async () => {
      const counts: Record<string, number> = {}
      for (const name of TABLES) {
        const rows = backup.tables[name] ?? []
        const table = db.table(name)
        await table.clear()
        const prepared = name === 'learners' ? rows.map((r) => ({ origin: 'local', ...r })) : rows
        await table.bulkAdd(prepared)
        counts[name] = rows.length
      }
      return counts
    }),
  )
}
