/**
 * The upgrade harness: create a database at an older point of the version
 * chain, fill it with fixture rows, close it, then reopen it with a newer
 * chain — exactly what happens on a learner's device after an update.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { applyVersions, DebriefDb } from '../../../src/db/database.ts'
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../../src/db/schema.ts'

let counter = 0
export function uniqueName(prefix = 'debrief-test'): string {
  counter += 1
  return `${prefix}-${counter}-${process.pid}`
}

/** Opens `name` with the chain up to `version`, writes `rows` (table → rows), closes it. */
export async function seedAtVersion(
  name: string,
  version: number,
  rows: Record<string, object[]>,
  chain: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): Promise<void> {
  const old = new Dexie(name)
  applyVersions(
    old,
    chain.filter((step) => step.version <= version),
  )
  await old.open()
  await old.transaction('rw', Object.keys(rows), async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list)
  })
  old.close()
}

/** Reopens `name` with a (newer) chain, running its upgrades. */
export async function reopen(name: string, chain: readonly SchemaVersion[] = SCHEMA_VERSIONS): Promise<DebriefDb> {
  const db = new DebriefDb(name, undefined, chain)
  await db.open()
  return db
}
