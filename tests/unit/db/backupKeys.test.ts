/**
 * Device keys and backups (issue 12 §3): a profile's private key never leaves the device — it is in
 * no backup, and a file that names `deviceKeys` anyway has that table ignored on restore. The keys
 * an instructor pinned travel in a whole-device backup, row-checked like every other table.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readDeviceTables, readLearnerTables, restoreBackup } from '../../../src/db/backup.ts'
import { deviceKeyFor } from '../../../src/db/deviceKeys.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { setPassphrase } from '../../../src/db/instructorAuth.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
import { NEVER_IN_BACKUP } from '../../../src/domain/backupRows.ts'
import { createBackupFile, parseBackupFile, type BackupScope, type BackupTables } from '../../../src/domain/backupFile.ts'
import { fingerprintOf, publicJwkOf } from '../../../src/domain/deviceSignature.ts'
import { classroomDevice, emptyDevice, ITERATIONS, sha256, T0 } from './backupDevice.ts'

const CURRENT = SCHEMA_VERSIONS.at(-1)!.version
const UNLOCKED = { instructorUnlocked: true }
const device: BackupScope = { kind: 'device' }

const read = async (tables: BackupTables, scope: BackupScope = device) =>
  parseBackupFile(JSON.stringify(await createBackupFile(tables, scope, CURRENT, '2026-11-26T10:00:00.000Z', sha256)), { sha256, databaseVersion: CURRENT })

const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
const JWK = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
const PIN = { learnerId: 'cy', fingerprint: await fingerprintOf(JWK, crypto.subtle), publicJwk: JWK, pinnedAt: T0, fromFile: 'cy.json' }

let db: DebriefDb
beforeEach(async () => {
  db = await classroomDevice()
  // The keys the profile form makes for Ana's and Bob's profiles.
  for (const id of ['ana', 'bob']) await deviceKeyFor(db, id, T0)
  await db.pinnedKeys.put(PIN)
})
afterEach(() => db.close())

describe('a private device key never leaves the device', () => {
  it('the profiles of the classroom device have keys', async () => {
    expect((await db.deviceKeys.toCollection().primaryKeys()).sort()).toEqual(['ana', 'bob'])
    expect(NEVER_IN_BACKUP).toEqual(['deviceKeys'])
  })

  it('is in no backup: not a profile\'s, not the whole device\'s', async () => {
    expect(Object.keys(await readLearnerTables(db, 'ana'))).not.toContain('deviceKeys')
    const tables = await readDeviceTables(db, UNLOCKED)
    expect(Object.keys(tables)).not.toContain('deviceKeys')
    expect(JSON.stringify(tables)).not.toContain('privateKey')
  })

  it('a restore ignores a deviceKeys table written into a file, and keeps this device\'s keys', async () => {
    const keysBefore = await db.deviceKeys.toArray()
    const tables = { ...(await readDeviceTables(db, UNLOCKED)), deviceKeys: [{ learnerId: 'ana', privateKey: { forged: true }, publicJwk: JWK, fingerprint: PIN.fingerprint, createdAt: T0 }] }
    const parsed = await read(tables)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(Object.keys(parsed.file.tables)).not.toContain('deviceKeys')
    await restoreBackup(db, parsed.file, UNLOCKED)
    expect(await db.deviceKeys.toArray()).toEqual(keysBefore)
  })
})

describe('pinned keys in a whole-device backup', () => {
  it('travel to a new device', async () => {
    const parsed = await read(await readDeviceTables(db, UNLOCKED))
    if (!parsed.ok) throw new Error(parsed.message)
    const other = await emptyDevice()
    await setPassphrase(other, 'a new device passphrase', ITERATIONS)
    await restoreBackup(other, parsed.file, UNLOCKED)
    expect(await other.pinnedKeys.toArray()).toEqual([PIN])
    expect(await other.deviceKeys.count()).toBe(0)
    other.close()
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a fingerprint that is not hex', { ...PIN, fingerprint: 'not-a-fingerprint' }, 'fingerprint'],
    ['a private key part in the JWK', { ...PIN, publicJwk: { ...JWK, d: JWK.x } }, 'publicJwk'],
    ['another curve', { ...PIN, publicJwk: { ...JWK, crv: 'P-521' } }, 'publicJwk'],
    ['an offered key without a time', { ...PIN, offered: { fingerprint: PIN.fingerprint, publicJwk: JWK, fromFile: 'x.json' } }, 'offered.at'],
    ['a history entry without replacedAt', { ...PIN, history: [{ fingerprint: PIN.fingerprint, publicJwk: JWK, fromFile: 'x.json', at: T0 }] }, 'history[0].replacedAt'],
  ])('a row with %s is refused, naming the field', async (_what, row, field) => {
    const parsed = await read({ ...(await readDeviceTables(db, UNLOCKED)), pinnedKeys: [row] })
    expect(parsed.ok ? 'ok' : parsed.message).toContain(`row 1 of "pinnedKeys": ${field}`)
  })
})
