/**
 * Backups on a shared device: who may back up and restore what (checked in the db layer), what a
 * restore keeps, and the passphrase record a restore can never remove or replace. The attacks of
 * issue 12 §5 are replayed here against the db functions.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEVICE_BACKUP_INSTRUCTOR_ONLY, INSTRUCTOR_ONLY, readDeviceTables, readLearnerTables, restoreBackup, type BackupAccess,
} from '../../../src/db/backup.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { getPassphraseRecord, hasPassphrase, setPassphrase, verifyPassphrase } from '../../../src/db/instructorAuth.ts'
import { createLearner, getActiveLearnerId } from '../../../src/db/learners.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
import { createBackupFile, parseBackupFile, type BackupFile, type BackupScope, type BackupTables } from '../../../src/domain/backupFile.ts'
import { attemptFor, classroomDevice, emptyDevice, ITERATIONS, PASSPHRASE, sha256 } from './backupDevice.ts'

const CURRENT = SCHEMA_VERSIONS.at(-1)!.version
const LOCKED: BackupAccess = { instructorUnlocked: false }
const UNLOCKED: BackupAccess = { instructorUnlocked: true }
const ana: BackupScope = { kind: 'learner', learnerId: 'ana' }
const device: BackupScope = { kind: 'device' }

const fileOf = (tables: BackupTables, scope: BackupScope) => createBackupFile(tables, scope, CURRENT, '2026-11-26T10:00:00.000Z', sha256)
/** A file through the same reader the app uses, as a learner would hand it over (re-signed by hand when edited). */
async function parsed(tables: BackupTables, scope: BackupScope): Promise<BackupFile> {
  const result = await parseBackupFile(JSON.stringify(await fileOf(tables, scope)), { sha256, databaseVersion: CURRENT })
  if (!result.ok) throw new Error(result.message)
  return result.file
}
const everything = async (db: DebriefDb) => {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}
const byId = (rows: readonly object[]) => rows.map((r) => { const o = r as Record<string, unknown>; return o.id ?? o.attemptId ?? o.learnerId }).sort()

let db: DebriefDb
beforeEach(async () => {
  db = await classroomDevice()
})
afterEach(() => db.close())

describe('a profile backup (what a learner can make with instructor mode locked)', () => {
  it('holds the profile’s own rows and nothing of other learners, grades or the passphrase', async () => {
    const tables = await readLearnerTables(db, 'ana')
    expect(Object.keys(tables).sort()).toEqual(['attempts', 'learners', 'lessonProgress', 'responses', 'reviewCards', 'settings'])
    expect(JSON.stringify(tables)).not.toMatch(/"bob|"cy|instructorPassphrase|"Good"/)
    expect(byId(tables.learners!)).toEqual(['ana'])
    expect(byId(tables.attempts!)).toEqual(['ana-1'])
    expect(tables.responses!.map((r) => r.attemptId)).toEqual(['ana-1'])
    expect(tables.settings).toEqual([{ key: 'activeLearner', value: 'ana' }])
  })

  it('cannot be made of an imported learner', async () => {
    await expect(readLearnerTables(db, 'cy')).rejects.toThrow('That profile is no longer on this device')
  })

  it('restores on another device without touching that device’s own profile', async () => {
    const file = await parsed(await readLearnerTables(db, 'ana'), ana)
    const other = await emptyDevice()
    await createLearner(other, { id: 'cal', name: 'Cal', createdAt: Date.UTC(2026, 10, 1) })
    const outcome = await restoreBackup(other, file, LOCKED)
    expect(outcome.counts).toMatchObject({ learners: 1, attempts: 1, responses: 1, lessonProgress: 1, reviewCards: 1 })
    expect(await other.attempts.get('ana-1')).toEqual(await db.attempts.get('ana-1'))
    expect((await other.learners.toArray()).map((l) => l.name).sort()).toEqual(['Ana', 'Cal'])
    expect(await getActiveLearnerId(other)).toBe('ana')
    other.close()
  })

  it('replaces only that learner’s rows of the tables it holds; the rest is kept (restored by an instructor)', async () => {
    const tables = await readLearnerTables(db, 'ana')
    const { lessonProgress: _kept, ...withoutProgress } = tables
    const later = { ...attemptFor('ana', 'ana-2'), submittedAt: null }
    const file = await parsed({ ...withoutProgress, attempts: [later], responses: [] }, ana)
    await restoreBackup(db, file, UNLOCKED)
    expect(byId(await db.attempts.filter((a) => a.learnerId === 'ana').toArray())).toEqual(['ana-2'])
    expect(await db.lessonProgress.where('[learnerId+courseId]').equals(['ana', 'c1']).count()).toBe(1)
    expect(byId(await db.attempts.filter((a) => a.learnerId !== 'ana').toArray())).toEqual(['bob-1', 'cy-1'])
    expect(await db.manualGrades.count()).toBe(1)
    expect(await hasPassphrase(db)).toBe(true)
  })

  it('is refused when it would take over another learner’s attempt, and changes nothing', async () => {
    const before = await everything(db)
    const stolen = { ...(await db.attempts.get('bob-1'))!, learnerId: 'ana' }
    const file = await parsed({ ...(await readLearnerTables(db, 'ana')), attempts: [stolen], responses: [] }, ana)
    await expect(restoreBackup(db, file, LOCKED)).rejects.toThrow('This backup holds an attempt ("bob-1") that belongs to another learner on this device, so nothing was restored.')
    expect(await everything(db)).toEqual(before)
  })

  it('is refused for a learner an instructor imported, unless instructor mode is unlocked', async () => {
    const cy = { id: 'cy', name: 'Cy', createdAt: 1_790_000_000_000, origin: 'local' }
    const file = await parsed({ learners: [cy] }, { kind: 'learner', learnerId: 'cy' })
    await expect(restoreBackup(db, file, LOCKED)).rejects.toThrow('a learner whose results an instructor imported, so only an instructor can restore it')
    expect(await db.learners.get('cy')).toMatchObject({ origin: 'imported' })
  })
})

describe('a profile restore with instructor mode locked keeps what an instructor decided', () => {
  it('keeps an assessment attempt started after the backup (attack: erase a failed attempt to win it back)', async () => {
    const file = await parsed(await readLearnerTables(db, 'ana'), ana)
    await db.attempts.add({ ...attemptFor('ana', 'ana-failed'), submittedAt: Date.UTC(2026, 10, 21), submitReason: 'learner' })
    await restoreBackup(db, file, LOCKED)
    expect(byId(await db.attempts.filter((a) => a.learnerId === 'ana').toArray())).toEqual(['ana-1', 'ana-failed'])
  })

  it('keeps a submitted attempt as it is here when the file has it open (attack: reopen a sitting)', async () => {
    const submitted = { ...(await db.attempts.get('ana-1'))!, submittedAt: Date.UTC(2026, 10, 21), submitReason: 'learner' as const }
    await db.attempts.put(submitted)
    const tables = await readLearnerTables(db, 'ana')
    const reopened = await parsed({ ...tables, attempts: [{ ...tables.attempts![0]!, submittedAt: null, submitReason: null }] }, ana)
    const outcome = await restoreBackup(db, reopened, LOCKED)
    expect(await db.attempts.get('ana-1')).toEqual(submitted)
    expect(outcome.attemptsKept).toBe(1)
    await restoreBackup(db, reopened, UNLOCKED)
    expect((await db.attempts.get('ana-1'))?.submittedAt).toBeNull()
  })

  it('keeps this device’s extra time instead of one written into the file (attack: grant yourself 4×)', async () => {
    const tables = await readLearnerTables(db, 'ana')
    const file = await parsed({ ...tables, learners: [{ ...tables.learners![0]!, allowance: { multiplier: 4 } }] }, ana)
    expect((await restoreBackup(db, file, LOCKED)).allowanceKept).toBe(true)
    expect(await db.learners.get('ana')).not.toHaveProperty('allowance')
    await restoreBackup(db, file, UNLOCKED)
    expect((await db.learners.get('ana'))?.allowance).toEqual({ multiplier: 4 })
  })
})

describe('a whole-device backup (instructor mode only)', () => {
  it('cannot be made with instructor mode locked', async () => {
    await expect(readDeviceTables(db, LOCKED)).rejects.toThrow(DEVICE_BACKUP_INSTRUCTOR_ONLY)
  })

  it('holds every table and learner but never the passphrase record', async () => {
    const tables = await readDeviceTables(db, UNLOCKED)
    expect(byId(tables.learners!)).toEqual(['ana', 'bob', 'cy'])
    expect(tables.manualGrades).toHaveLength(1)
    expect(tables.gradeHistory).toHaveLength(1)
    expect(tables.settings!.map((s) => s.key)).toEqual(['activeLearner'])
  })

  it('cannot be restored with instructor mode locked, and changes nothing', async () => {
    const file = await parsed(await readDeviceTables(db, UNLOCKED), device)
    const other = await emptyDevice()
    await expect(restoreBackup(other, file, LOCKED)).rejects.toThrow(INSTRUCTOR_ONLY)
    expect(await other.learners.count()).toBe(0)
    other.close()
  })

  it('restores every row on a new device where the instructor set up a passphrase first', async () => {
    const file = await parsed(await readDeviceTables(db, UNLOCKED), device)
    const other = await emptyDevice()
    await setPassphrase(other, 'a new device passphrase', ITERATIONS)
    const record = await getPassphraseRecord(other)
    await restoreBackup(other, file, UNLOCKED)
    const [mine, theirs] = [await everything(db), await everything(other)]
    for (const table of ['learners', 'lessonProgress', 'attempts', 'responses', 'reviewCards', 'manualGrades', 'gradeHistory']) expect(theirs[table]).toEqual(mine[table])
    expect(await getPassphraseRecord(other)).toEqual(record)
    other.close()
  })

  it.each([
    ['reviewCards', 'reviewCards'],
    ['gradeHistory and manualGrades', 'gradeHistory,manualGrades'],
  ])('keeps the tables it does not hold (%s)', async (_label, missing) => {
    const tables = await readDeviceTables(db, UNLOCKED)
    for (const name of missing.split(',')) delete tables[name]
    const before = await everything(db)
    await restoreBackup(db, await parsed({ ...tables, learners: tables.learners!.filter((l) => l.id !== 'bob'), attempts: tables.attempts!.filter((a) => a.learnerId !== 'bob'), responses: tables.responses!.filter((r) => r.attemptId !== 'bob-1') }, device), UNLOCKED)
    for (const name of missing.split(',')) expect(await db.table(name).toArray()).toEqual(before[name])
    expect(await db.learners.get('bob')).toBeUndefined()
  })

  it('changes nothing when a row cannot be written', async () => {
    const file = await parsed(await readDeviceTables(db, UNLOCKED), device)
    const before = await everything(db)
    const broken = { ...file, tables: { ...file.tables, attempts: [...file.tables.attempts!, file.tables.attempts![0]!] } }
    await expect(restoreBackup(db, broken, UNLOCKED)).rejects.toThrow()
    expect(await everything(db)).toEqual(before)
  })
})

describe('the passphrase record (attack: remove or replace it through a restore)', () => {
  /** A version-1 style whole-device backup, which held the passphrase row. */
  async function withPassphraseRow(change: (row: Record<string, unknown>) => Record<string, unknown> | undefined): Promise<BackupFile> {
    const tables = await readDeviceTables(db, UNLOCKED)
    const record = { key: 'instructorPassphrase', value: await getPassphraseRecord(db) }
    const row = change(structuredClone(record))
    return parsed({ ...tables, settings: [...tables.settings!, ...(row ? [row] : [])] }, device)
  }

  it.each([
    ['with the row removed', () => undefined],
    ['with a different hash', (row: Record<string, unknown>) => ({ ...row, value: { ...(row.value as object), hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' } })],
  ])('a restore %s leaves the record as it was, locked or unlocked', async (_label, change) => {
    const record = await getPassphraseRecord(db)
    const file = await withPassphraseRow(change)
    await expect(restoreBackup(db, file, LOCKED)).rejects.toThrow(INSTRUCTOR_ONLY)
    expect(await getPassphraseRecord(db)).toEqual(record)
    await restoreBackup(db, file, UNLOCKED)
    expect(await getPassphraseRecord(db)).toEqual(record)
    expect(await verifyPassphrase(db, PASSPHRASE)).toBe(true)
    expect(await verifyPassphrase(db, 'a passphrase of my own')).toBe(false)
  })

  it('a profile backup cannot carry a passphrase row at all', async () => {
    const tables = await readLearnerTables(db, 'ana')
    const file = await fileOf({ ...tables, settings: [{ key: 'instructorPassphrase', value: null }] }, ana)
    const result = await parseBackupFile(JSON.stringify(file), { sha256, databaseVersion: CURRENT })
    expect(result.ok ? 'accepted' : result.message).toContain('"settings" row 1 is not this profile\'s own setting')
  })
})
