import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readAllTables, restoreAllTables } from '../../../src/db/backup.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
import { createBackupFile, parseBackupFile, type BackupFile } from '../../../src/domain/backupFile.ts'
import { uniqueName } from './upgradeHarness.ts'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
const CURRENT = SCHEMA_VERSIONS.at(-1)!.version
const parse = (text: string) => parseBackupFile(text, { sha256, databaseVersion: CURRENT })

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
  await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
  await recordReading(db, { learnerId: 'ana', courseId: 'c', lessonId: 'l1', readFraction: 0.5, secondsDelta: 60, now: 2 })
})
afterEach(() => db.close())

async function backupOf(source: DebriefDb): Promise<BackupFile> {
  return createBackupFile(await readAllTables(source), CURRENT, '2026-11-26T10:00:00.000Z', sha256)
}

describe('device backup', () => {
  it('restores every row on another device', async () => {
    const text = JSON.stringify(await backupOf(db))
    const parsed = await parse(text)
    const other = new DebriefDb(uniqueName())
    await other.open()
    expect(parsed.ok && (await restoreAllTables(other, parsed.file))).toMatchObject({ learners: 1, lessonProgress: 1 })
    expect(await readAllTables(other)).toEqual(await readAllTables(db))
    other.close()
  })

  it('changes nothing when a row cannot be written', async () => {
    const backup = await backupOf(db)
    const broken = { ...backup, tables: { ...backup.tables, learners: [{ id: 'zoe', name: 'Zoe', createdAt: 5 }, { id: 'zoe', name: 'Zoe again', createdAt: 6 }] } }
    await expect(restoreAllTables(db, broken)).rejects.toThrow()
    expect((await db.learners.toArray()).map((l) => l.name)).toEqual(['Ana'])
    expect(await db.lessonProgress.count()).toBe(1)
  })

  it('marks learners from an older backup as this device’s profiles', async () => {
    const backup = await backupOf(db)
    const old = { ...backup, tables: { ...backup.tables, learners: [{ id: 'ana', name: 'Ana', createdAt: 1 }] } }
    await restoreAllTables(db, old)
    expect(await db.learners.get('ana')).toMatchObject({ origin: 'local' })
  })
})

describe('reading a backup file', () => {
  const edit = async (change: (file: Record<string, unknown>) => void) => {
    const file = JSON.parse(JSON.stringify(await backupOf(db))) as Record<string, unknown>
    change(file)
    return JSON.stringify(file)
  }

  it.each([
    ['text that is not JSON', async () => 'not json {', 'it is not valid JSON'],
    ['a result file', async () => JSON.stringify({ format: 'debrief-result', version: 1 }), 'not a Debrief backup'],
    ['an unknown format version', () => edit((f) => (f.version = 9)), 'format version 9'],
    ['a backup from a newer Debrief', () => edit((f) => (f.databaseVersion = CURRENT + 1)), 'made by a newer version of Debrief'],
    ['an edited backup', () => edit((f) => ((f.tables as Record<string, unknown[]>).learners = [])), 'checksum does not match'],
  ])('refuses %s', async (_name, make, message) => {
    const result = await parse(await make())
    expect(result.ok ? 'accepted' : result.message).toContain(message)
  })

  it.each([
    ['an unknown table', { secrets: [] }, 'unknown table "secrets"'],
    ['a row without its key', { learners: [{ name: 'No id' }] }, 'row 1 of "learners" has no id'],
  ])('refuses %s even with a valid checksum', async (_name, tables, message) => {
    const file = await createBackupFile(tables as never, CURRENT, '2026-11-26T10:00:00.000Z', sha256)
    const result = await parse(JSON.stringify(file))
    expect(result.ok ? 'accepted' : result.message).toContain(message)
  })
})
