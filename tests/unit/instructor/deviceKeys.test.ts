/**
 * Device keys end to end through the database (fake-indexeddb keeps a real CryptoKey by structured
 * clone, as Chromium does): a learner's device makes a key with the profile and signs its export;
 * the instructor's device pins the first key and flags or refuses what disagrees with it.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAttempt } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { deviceKeyFor } from '../../../src/db/deviceKeys.ts'
import { exportLearnerResults, importResultText, webSha256 } from '../../../src/db/importResults.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { resolveConflict } from '../../../src/db/importConflicts.ts'
import { pinnedKeyOf, trustOfferedKey } from '../../../src/db/pinnedKeys.ts'
import { StorageError } from '../../../src/db/errors.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { fingerprintOf, keyLabel, verifyFile } from '../../../src/domain/deviceSignature.ts'
import { serializeResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { makeAttempt, respond, RIGHT_SINGLE, single, T0 } from './fixtures.ts'

const NOW = T0 + 86_400_000
const options = { courseId: 'c1', now: NOW }
const opened: DebriefDb[] = []

async function open(): Promise<DebriefDb> {
  const db = new DebriefDb(uniqueName())
  await db.open()
  opened.push(db)
  return db
}

/** A learner's device with the profile "ana" (and its key, as the profile form makes it) and submitted attempts `ids`. */
async function learnerDevice(ids: string[]): Promise<DebriefDb> {
  const db = await open()
  await createLearner(db, { id: 'ana', name: 'Ana', createdAt: T0 })
  await deviceKeyFor(db, 'ana', T0)
  for (const [i, id] of ids.entries()) {
    await addAttempt(db, makeAttempt({ id, startedAt: T0 + i * 1000, items: [single] }))
    await db.responses.put(respond(id, single.id, RIGHT_SINGLE))
  }
  return db
}

const exportFrom = (db: DebriefDb) => exportLearnerResults(db, { learnerId: 'ana', courseId: 'c1', now: NOW, assessments: new Map() })

/** The file as a forger writes it: content changed, checksum recomputed. */
async function reseal(data: Record<string, unknown>): Promise<string> {
  const { checksum: _c, ...rest } = data
  const { signature: _s, ...covered } = rest
  return JSON.stringify({ ...rest, checksum: `sha256:${await webSha256(canonicalJson(covered))}` })
}

const flagCodes = async (db: DebriefDb, attemptId: string) => (await db.importFlags.get(attemptId))?.flags.map((f) => f.code) ?? []

let instructor: DebriefDb
let device: DebriefDb
beforeEach(async () => {
  instructor = await open()
  device = await learnerDevice(['a1', 'a2'])
})
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

describe('the learner\'s device', () => {
  it('makes a non-extractable key for the profile, and signs every export with it', async () => {
    const key = await device.deviceKeys.get('ana')
    expect([key?.privateKey.type, key?.privateKey.extractable, key?.createdAt]).toEqual(['private', false, T0])
    const file = await exportFrom(device)
    expect(await verifyFile(file as unknown as Record<string, unknown>, crypto.subtle)).toEqual({ status: 'signed', fingerprint: key!.fingerprint, publicKey: key!.publicJwk })
  })

  it('the key made with the profile has the fingerprint the signature check computes (sha256 of the canonical JWK)', async () => {
    const key = (await device.deviceKeys.get('ana'))!
    expect(key.fingerprint).toBe(await fingerprintOf(key.publicJwk, crypto.subtle))
    expect(Object.keys(key.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y'])
  })

  it('keeps the same key from one export to the next', async () => {
    const [one, two] = [await exportFrom(device), await exportFrom(device)]
    expect(one.signature?.publicKey).toEqual(two.signature?.publicKey)
    expect(await device.deviceKeys.count()).toBe(1)
  })
})

describe('the instructor\'s device (trust on first use)', () => {
  it('pins the key of the first signed file, and imports it unflagged', async () => {
    const file = await exportFrom(device)
    const outcome = await importResultText(instructor, 'ana-1.json', serializeResultFile(file), options)
    expect(outcome).toMatchObject({ ok: true, added: 2 })
    const pin = await pinnedKeyOf(instructor, 'ana')
    expect(pin).toEqual({ learnerId: 'ana', fingerprint: (await device.deviceKeys.get('ana'))!.fingerprint, publicJwk: file.signature!.publicKey, pinnedAt: NOW, fromFile: 'ana-1.json' })
    expect(await instructor.importFlags.count()).toBe(0)
  })

  it('a later file signed by the pinned key is fine', async () => {
    await importResultText(instructor, 'ana-1.json', serializeResultFile(await exportFrom(device)), options)
    await addAttempt(device, makeAttempt({ id: 'a3', startedAt: T0 + 5000, items: [single] }))
    expect(await importResultText(instructor, 'ana-2.json', serializeResultFile(await exportFrom(device)), options)).toMatchObject({ ok: true, added: 1, alreadyImported: 2 })
    expect(await flagCodes(instructor, 'a3')).toEqual([])
  })

  it('a file signed by another key flags its attempts key-changed, and offers that key', async () => {
    const first = await exportFrom(device)
    await importResultText(instructor, 'ana-1.json', serializeResultFile(first), options)
    const other = await learnerDevice(['b1'])
    const second = await exportFrom(other)
    const outcome = await importResultText(instructor, 'ana-other.json', serializeResultFile(second), options)
    expect(outcome).toMatchObject({ ok: true, added: 1, flagged: 1 })
    const [oldKey, newKey] = [(await device.deviceKeys.get('ana'))!.fingerprint, (await other.deviceKeys.get('ana'))!.fingerprint]
    expect((await instructor.importFlags.get('b1'))?.flags).toEqual([{
      code: 'key-changed',
      message: `This file is signed by a different device key (${keyLabel(newKey)}) than the first file from this learner (${keyLabel(oldKey)}).`,
    }])
    expect(await pinnedKeyOf(instructor, 'ana')).toMatchObject({ fingerprint: oldKey, offered: { fingerprint: newKey, fromFile: 'ana-other.json', at: NOW } })
  })

  it('an unsigned file while a key is pinned flags its attempts unsigned-after-signed', async () => {
    await importResultText(instructor, 'ana-1.json', serializeResultFile(await exportFrom(device)), options)
    const other = await learnerDevice(['c1'])
    const { signature: _s, ...unsigned } = await exportFrom(other)
    expect(await importResultText(instructor, 'ana-unsigned.json', await reseal(unsigned), options)).toMatchObject({ ok: true, added: 1, flagged: 1 })
    expect(await flagCodes(instructor, 'c1')).toEqual(['unsigned-after-signed'])
  })

  it('an unsigned file with nothing pinned is imported as before, and pins nothing', async () => {
    const { signature: _s, ...unsigned } = await exportFrom(device)
    expect(await importResultText(instructor, 'ana.json', await reseal(unsigned), options)).toMatchObject({ ok: true, added: 2 })
    expect([await instructor.pinnedKeys.count(), await instructor.importFlags.count()]).toEqual([0, 0])
  })

  it('refuses a file changed after it was signed, and writes nothing (no learner, attempt or pin)', async () => {
    const file = JSON.parse(serializeResultFile(await exportFrom(device))) as ResultFile
    file.attempts[0]!.responses = []
    const outcome = await importResultText(instructor, 'ana-edited.json', await reseal(file as unknown as Record<string, unknown>), options)
    expect(outcome).toEqual({
      fileName: 'ana-edited.json', ok: false, code: 'bad-signature', path: 'signature',
      message: 'The file\'s signature does not match its content: it was changed after it was signed. Nothing was imported.',
    })
    expect([await instructor.learners.count(), await instructor.attempts.count(), await instructor.pinnedKeys.count()]).toEqual([0, 0, 0])
  })

  it('"Trust the new key" pins the offered key, keeps the old one on record, and later files from it are fine', async () => {
    await importResultText(instructor, 'ana-1.json', serializeResultFile(await exportFrom(device)), options)
    const other = await learnerDevice(['d1'])
    await importResultText(instructor, 'ana-new.json', serializeResultFile(await exportFrom(other)), options)
    const [oldKey, newKey] = [(await device.deviceKeys.get('ana'))!.fingerprint, (await other.deviceKeys.get('ana'))!.fingerprint]
    const trusted = await trustOfferedKey(instructor, 'ana', NOW + 5)
    expect(trusted).toMatchObject({ fingerprint: newKey, pinnedAt: NOW + 5, fromFile: 'ana-new.json', history: [{ fingerprint: oldKey, fromFile: 'ana-1.json', at: NOW, replacedAt: NOW + 5 }] })
    expect(trusted.offered).toBeUndefined()
    // The flag already on the attempt stays on record.
    expect(await flagCodes(instructor, 'd1')).toEqual(['key-changed'])
    await addAttempt(other, makeAttempt({ id: 'd2', startedAt: T0 + 9000, items: [single] }))
    await importResultText(instructor, 'ana-new-2.json', serializeResultFile(await exportFrom(other)), options)
    expect(await flagCodes(instructor, 'd2')).toEqual([])
  })

  it('"Trust the new key" is refused when no other key is waiting', async () => {
    await importResultText(instructor, 'ana-1.json', serializeResultFile(await exportFrom(device)), options)
    await expect(trustOfferedKey(instructor, 'ana', NOW)).rejects.toBeInstanceOf(StorageError)
    await expect(trustOfferedKey(instructor, 'nobody', NOW)).rejects.toBeInstanceOf(StorageError)
  })

  it('a file kept back as a conflict pins nothing; once resolved, its key is pinned for the learner it went to', async () => {
    await instructor.learners.add({ id: 'ana', name: 'Ana Lopez', createdAt: T0, origin: 'imported' })
    const file = await exportFrom(device)
    const outcome = await importResultText(instructor, 'ana.json', serializeResultFile(file), options)
    if (outcome.ok || outcome.code !== 'conflict') throw new Error(`expected a conflict, got ${JSON.stringify(outcome)}`)
    expect(await instructor.pinnedKeys.count()).toBe(0)
    await resolveConflict(instructor, outcome.conflictId, 'new-learner', { now: NOW, sha256: webSha256 })
    expect(await pinnedKeyOf(instructor, 'ana~2')).toMatchObject({ fingerprint: (await device.deviceKeys.get('ana'))!.fingerprint, fromFile: 'ana.json' })
    expect(await pinnedKeyOf(instructor, 'ana')).toBeUndefined()
  })
})
