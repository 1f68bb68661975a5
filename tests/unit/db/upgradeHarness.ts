/**
 * The upgrade harness: create a database as an older release of the app left it (the real version
 * chain of src/db/schema.ts, cut at that version), fill it with fixture rows, close it, then reopen
 * it as the app does today — exactly what happens on a learner's device after an update.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { applyVersions, DebriefDb } from '../../../src/db/database.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'

let counter = 0
export function uniqueName(prefix = 'debrief-test'): string {
  counter += 1
  return `${prefix}-${counter}-${process.pid}`
}

/** Opens `name` with the released chain up to `version`, writes `rows` (table → rows), closes it. */
export async function seedAtVersion(name: string, version: number, rows: Record<string, object[]>): Promise<void> {
  const old = new Dexie(name)
  // Released versions never change, so the chain up to `version` is that release's schema.
  applyVersions(
    old,
    SCHEMA_VERSIONS.filter((step) => step.version <= version),
  )
  await old.open()
  await old.transaction('rw', Object.keys(rows), async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list)
  })
  old.close()
}

/** Reopens `name` the way the app opens its database, running every upgrade it has not had. */
export async function reopen(name: string): Promise<DebriefDb> {
  const db = new DebriefDb(name)
  await db.open()
  return db
}
