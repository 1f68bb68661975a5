/**
 * The LRS secret an instructor sets on a device never leaves it in a file: not in a whole-device
 * backup, not in a profile backup, not in a result file; and a restore neither removes this
 * device's LRS override nor writes one from a file.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readDeviceTables, readLearnerTables, restoreBackup } from '../../../src/db/backup.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { exportLearnerResults } from '../../../src/db/importResults.ts'
import { noteLastSent, readLastSent, readLrsOverride, saveLrsOverride } from '../../../src/db/lrsDevice.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
import { createBackupFile, parseBackupFile, type BackupTables } from '../../../src/domain/backupFile.ts'
import { serializeResultFile } from '../../../src/domain/resultFile.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { classroomDevice, emptyDevice, sha256, T0 } from './backupDevice.ts'

const SECRET = 'S3CRET-never-in-a-file'
const LRS: LrsConfig = { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/learners/debrief', auth: { type: 'basic', key: 'debrief-key', secret: SECRET }, sendDisplayName: false, sendFreeText: false }
const CURRENT = SCHEMA_VERSIONS.at(-1)!.version
const UNLOCKED = { instructorUnlocked: true }

async function deviceFile(tables: BackupTables) {
  const result = await parseBackupFile(JSON.stringify(await createBackupFile(tables, { kind: 'device' }, CURRENT, '2026-11-26T10:00:00.000Z', sha256)), { sha256, databaseVersion: CURRENT })
  if (!result.ok) throw new Error(result.message)
  return result.file
}

let db: DebriefDb
beforeEach(async () => {
  db = await classroomDevice()
  await saveLrsOverride(db, LRS)
  await noteLastSent(db, T0)
})
afterEach(() => db.close())

describe('the LRS secret stays on the device', () => {
  it('is not in a whole-device backup, nor is the override or the last-sent time', async () => {
    const tables = await readDeviceTables(db, UNLOCKED)
    const text = JSON.stringify(tables)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('lrsOverride')
    expect(tables.settings!.map((s) => s.key)).toEqual(['activeLearner'])
    // The override is still on the device: the test reads what the backup left out.
    expect(JSON.stringify(await readLrsOverride(db))).toContain(SECRET)
  })

  it('is not in a profile backup', async () => {
    expect(JSON.stringify(await readLearnerTables(db, 'ana'))).not.toContain(SECRET)
  })

  it('is not in a result file', async () => {
    const file = await exportLearnerResults(db, { learnerId: 'ana', courseId: 'c1', now: T0 + 1_000_000, assessments: new Map() })
    const text = serializeResultFile(file)
    expect(text).toContain('"ana"')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('debrief-key')
  })

  it('a restore keeps this device’s override and ignores one a file carries', async () => {
    const tables = await readDeviceTables(db, UNLOCKED)
    const forged = { lrs: { ...LRS, endpoint: 'https://attacker.example.org/xapi', auth: { ...LRS.auth, secret: 'theirs' } } }
    tables.settings = [...tables.settings!, { key: 'lrsOverride', value: forged }, { key: 'lrsLastSent', value: 1 }]
    const other = await emptyDevice()
    const mine = { ...LRS, endpoint: 'https://mine.example.org/xapi' }
    await saveLrsOverride(other, mine)
    await restoreBackup(other, await deviceFile(tables), UNLOCKED)
    expect(await readLrsOverride(other)).toEqual({ lrs: mine })
    expect(await readLastSent(other)).toBeNull()
    expect(await other.learners.count()).toBe(3)
    other.close()
  })
})
