/**
 * Every released database version, opened by today's app: fixture rows as that version stored
 * them go in, the real chain of src/db/schema.ts reopens them, and the data must come out intact.
 * A new schema version adds its own fixture below (and keeps the old ones as they are).
 */
import { describe, expect, it } from 'vitest'
import { exportLearnerResults } from '../../../src/db/importResults.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
import { fingerprintOf, publicJwkOf, verifyFile } from '../../../src/domain/deviceSignature.ts'
import { reopen, seedAtVersion, uniqueName } from './upgradeHarness.ts'

type Rows = Record<string, object[]>

/** Rows as version 1 stored them: learners had no origin, there were no instructor tables. */
const V1_ROWS: Rows = {
  learners: [{ id: 'ana', name: 'Ana', createdAt: 1_700_000_000_000 }],
  lessonProgress: [
    { learnerId: 'ana', courseId: 'c', lessonId: 'l1', state: 'in-progress', readFraction: 0.4, secondsSpent: 120, updatedAt: 1_700_000_100_000 },
  ],
  attempts: [{ id: 'a1', learnerId: 'ana', courseId: 'c', sourceId: 'final', mode: 'assessment', startedAt: 1, submittedAt: 5 }],
  responses: [{ attemptId: 'a1', itemId: 'q1', answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: 3, seq: 1 }],
  reviewCards: [{ learnerId: 'ana', courseId: 'c', itemId: 'q1', due: 1_700_086_400_000, card: { reps: 1 } }],
  settings: [{ key: 'activeLearner', value: 'ana' }],
}

/** Rows as version 2 stored them: local and imported learners, grades by hand and their history. */
const V2_ROWS: Rows = {
  learners: [
    { id: 'ana', name: 'Ana', createdAt: 1_700_000_000_000, origin: 'local', allowance: { extraMinutes: 10 } },
    { id: 'ben', name: 'Ben', createdAt: 1_700_000_000_001, origin: 'imported' },
  ],
  attempts: [{ id: 'b1', learnerId: 'ben', courseId: 'c', sourceId: 'final', mode: 'assessment', startedAt: 1, submittedAt: 9 }],
  manualGrades: [{ attemptId: 'b1', itemId: 'q6', score: 2, max: 3, gradedAt: 10, comment: 'Good' }],
  gradeHistory: [{ attemptId: 'b1', at: 10, kind: 'manual-grade', itemId: 'q6', before: null, after: 2, note: '' }],
  settings: [{ key: 'activeLearner', value: 'ana' }],
}

/** A cloze item with one drop-down and one typed blank, as a snapshot stores it. */
const CLOZE_SNAPSHOT = {
  id: 'q7', version: 'v-q7', lesson: 'l1', type: 'cloze', stem: 'Complete.', text: '{{m}} {{y}}',
  blanks: [{ id: 'm', accept: ['June'], options: ['March', 'June', 'October'] }, { id: 'y', accept: ['2024'] }],
  explanation: 'x', passages: ['p1'], objective: 'o1', difficulty: 1, bloom: 'remember',
}

/** Rows as version 3 stores them: cloze slots say in which order their drop-downs were shown. */
const V3_ROWS: Rows = {
  attempts: [{
    id: 'c3', learnerId: 'ana', courseId: 'c', sourceId: 'quiz', mode: 'assessment', startedAt: 1, submittedAt: 5,
    slots: [{ itemId: 'q7', version: 'v-q7', blankOrders: { m: ['June', 'October', 'March'] } }],
    snapshots: { 'v-q7': CLOZE_SNAPSHOT },
  }],
}

/** Rows as version 4 stores them: an imported attempt and its course check (flags, learner-device grades kept apart). */
const V4_ROWS: Rows = {
  attempts: [{ id: 'd4', learnerId: 'ben', courseId: 'c', sourceId: 'final', mode: 'assessment', startedAt: 1, submittedAt: 5, slots: [], snapshots: {} }],
  importFlags: [{
    attemptId: 'd4', checkedAt: 6,
    flags: [{ code: 'snapshot-mismatch', itemId: 'q1', message: 'The file\'s copy of item q1 differs from version v-q1 as published.' }],
    learnerGrades: [{ attemptId: 'd4', itemId: 'q6', criteria: {}, score: 3, comment: '', gradedAt: 5 }],
  }],
}

/** Rows as version 5 stores them: a file kept back on import, waiting for the instructor. */
const V5_ROWS: Rows = {
  learners: [{ id: 'ana', name: 'Ana Lopez', createdAt: 1, origin: 'imported' }],
  importConflicts: [{
    id: 1, courseId: 'c', fileName: 'ana.json', receivedAt: 7, message: 'This file names learner "ana", who is already on this device as "Ana Lopez"; the file says "Ana L".',
    learner: 'other-name', conflictingAttemptIds: [], newLearnerId: 'ana~2',
    file: { format: 'debrief-result', version: 3, courseId: 'c', exportedAt: '2026-01-01T00:00:00.000Z', learner: { id: 'ana', name: 'Ana L' }, attempts: [], checksum: 'sha256:0' },
    device: { learner: { id: 'ana', name: 'Ana Lopez', origin: 'imported' }, attempts: [] }, fileAttempts: [],
  }],
}

/** Rows as version 6 stores them: a course's sealed items, opened here with the unlock code. */
const V6_ROWS: Rows = {
  sealedItems: [{
    courseId: 'c', via: 'secret', releaseCode: 'ABCD-EFGH', openedAt: 8,
    items: [{ id: 'q9', version: 'v-q9', lesson: 'l1', type: 'single', stem: 'Which?', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }], objective: 'o1', difficulty: 1, bloom: 'remember', sealed: true }],
  }],
}

/** A real device key pair: version 7 stores the private key as a non-extractable CryptoKey. */
const PAIR = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
const JWK = publicJwkOf(await crypto.subtle.exportKey('jwk', PAIR.publicKey))
const FINGERPRINT = await fingerprintOf(JWK, crypto.subtle)

/** Rows as version 7 stores them: a profile's device key, and a key pinned for an imported learner. */
const V7_ROWS: Rows = {
  learners: [{ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' }],
  deviceKeys: [{ learnerId: 'ana', privateKey: PAIR.privateKey, publicJwk: JWK, fingerprint: FINGERPRINT, createdAt: 1 }],
  pinnedKeys: [{ learnerId: 'ben', fingerprint: FINGERPRINT, publicJwk: JWK, pinnedAt: 2, fromFile: 'ben.json' }],
}

/** Rows as version 8 stores them: statements waiting for the LRS, one queued, one set aside for review. */
const STATEMENT = '{"id":"0b6f3d1e-8a2c-4c1e-9f00-000000000001","actor":{"objectType":"Agent","account":{"homePage":"https://example.org","name":"ana"}}}'
const V8_ROWS: Rows = {
  outbox: [
    { id: '0b6f3d1e-8a2c-4c1e-9f00-000000000001', body: STATEMENT, queuedAt: 5, state: 'queued', attempts: 0, lastError: null, nextTryAt: 0 },
    { id: '0b6f3d1e-8a2c-4c1e-9f00-000000000002', body: '{"id":"0b6f3d1e-8a2c-4c1e-9f00-000000000002"}', queuedAt: 6, state: 'review', attempts: 1, lastError: 'The LRS already holds a different statement with this id (409)', nextTryAt: 0 },
  ],
}

/** Rows as version 9 stores them: responses with the learner's certainty, and one given without. */
const V9_ROWS: Rows = {
  attempts: [{ id: 'e12', learnerId: 'ana', courseId: 'c', sourceId: 'final', mode: 'assessment', startedAt: 1, submittedAt: 9, slots: [], snapshots: {} }],
  responses: [
    { attemptId: 'e12', itemId: 'q1', answer: { type: 'truefalse', value: false }, flagged: false, savedAt: 3, seq: 1, certainty: 3 },
    { attemptId: 'e12', itemId: 'q2', answer: { type: 'single', optionId: 'a' }, flagged: true, savedAt: 4, seq: 2, certainty: 1 },
    { attemptId: 'e12', itemId: 'q3', answer: { type: 'single', optionId: 'b' }, flagged: false, savedAt: 5, seq: 1 },
  ],
}

const FIXTURES: Record<number, Rows> = { 1: V1_ROWS, 2: V2_ROWS, 3: V3_ROWS, 4: V4_ROWS, 5: V5_ROWS, 6: V6_ROWS, 7: V7_ROWS, 8: V8_ROWS, 9: V9_ROWS }
const CURRENT = SCHEMA_VERSIONS.at(-1)!.version

/** A database left by release `version` with its fixture rows, opened by today's app. */
async function upgradedFrom(version: number) {
  const name = uniqueName()
  await seedAtVersion(name, version, FIXTURES[version]!)
  return reopen(name)
}

describe('database upgrades', () => {
  it('has consecutive version numbers, each declared once', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1))
  })

  it('has a fixture for every released version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version))
  })

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('opens a version %i database with the current chain and keeps every row', async (version) => {
    const db = await upgradedFrom(version)
    expect(db.verno).toBe(CURRENT)
    for (const [table, rows] of Object.entries(FIXTURES[version]!)) {
      const stored = await db.table(table).toArray()
      expect(stored, table).toHaveLength(rows.length)
      expect(stored, table).toEqual(rows.map((row) => expect.objectContaining(row)))
    }
    db.close()
  })

  it('marks version 1 learners as profiles of this device', async () => {
    const db = await upgradedFrom(1)
    expect(await db.learners.get('ana')).toEqual({ ...V1_ROWS.learners![0], origin: 'local' })
    expect(await db.learners.where('origin').equals('local').count()).toBe(1)
    db.close()
  })

  it('finds version 1 attempts by assessment and starts the instructor tables empty', async () => {
    const db = await upgradedFrom(1)
    expect(await db.attempts.where('[courseId+sourceId]').equals(['c', 'final']).primaryKeys()).toEqual(['a1'])
    expect(await db.responses.where('attemptId').equals('a1').count()).toBe(1)
    expect(await db.manualGrades.count()).toBe(0)
    expect(await db.gradeHistory.count()).toBe(0)
    db.close()
  })

  it('keeps version 2 imported learners out of the profiles, with their grades by hand', async () => {
    const db = await upgradedFrom(2)
    expect(await db.learners.where('origin').equals('local').primaryKeys()).toEqual(['ana'])
    expect(await db.learners.get('ben')).toMatchObject({ origin: 'imported' })
    expect(await db.manualGrades.where('attemptId').equals('b1').toArray()).toEqual([expect.objectContaining({ itemId: 'q6', score: 2 })])
    expect(await db.gradeHistory.where('attemptId').equals('b1').count()).toBe(1)
    db.close()
  })

  it('writes down the authored drop-down order of version 2 cloze attempts, and leaves other slots alone', async () => {
    const name = uniqueName()
    const single = { itemId: 'q1', version: 'v-q1', order: ['b', 'a'] }
    await seedAtVersion(name, 2, {
      attempts: [{
        id: 'old', learnerId: 'ana', courseId: 'c', sourceId: 'quiz', mode: 'assessment', startedAt: 1, submittedAt: 5,
        slots: [{ itemId: 'q7', version: 'v-q7' }, single, { itemId: 'gone', version: 'no-snapshot' }],
        snapshots: { 'v-q7': CLOZE_SNAPSHOT, 'v-q1': { id: 'q1', type: 'single' } },
      }],
    })
    const db = await reopen(name)
    const slots = (await db.attempts.get('old'))!.slots
    expect(slots).toEqual([{ itemId: 'q7', version: 'v-q7', blankOrders: { m: ['March', 'June', 'October'] } }, single, { itemId: 'gone', version: 'no-snapshot' }])
    db.close()
  })

  it('keeps a version 3 drop-down order as it was shown', async () => {
    const db = await upgradedFrom(3)
    expect((await db.attempts.get('c3'))!.slots[0]!.blankOrders).toEqual({ m: ['June', 'October', 'March'] })
    db.close()
  })

  it('starts the import checks empty for version 3 databases: attempts imported before stay as they were', async () => {
    const db = await upgradedFrom(3)
    expect([await db.importFlags.count(), (await db.attempts.get('c3'))?.id]).toEqual([0, 'c3'])
    db.close()
  })

  it('keeps a version 4 course check with its flags and the learner-device grades apart from the instructor\'s', async () => {
    const db = await upgradedFrom(4)
    expect((await db.importFlags.get('d4'))?.flags.map((f) => f.code)).toEqual(['snapshot-mismatch'])
    expect([(await db.importFlags.get('d4'))?.learnerGrades.length, await db.manualGrades.count()]).toEqual([1, 0])
    db.close()
  })

  it('starts the import conflicts empty for version 4 databases', async () => {
    const db = await upgradedFrom(4)
    expect(await db.importConflicts.count()).toBe(0)
    db.close()
  })

  it('keeps a version 5 conflict with the file and what the device held, found by course', async () => {
    const db = await upgradedFrom(5)
    const [row] = await db.importConflicts.where('courseId').equals('c').toArray()
    expect([row?.file.learner.name, row?.device.learner?.name, row?.newLearnerId]).toEqual(['Ana L', 'Ana Lopez', 'ana~2'])
    db.close()
  })

  it('starts the sealed items empty for version 5 databases: no device has opened a key file yet', async () => {
    const db = await upgradedFrom(5)
    expect([await db.sealedItems.count(), await db.importConflicts.count()]).toEqual([0, 1])
    db.close()
  })

  it('keeps a version 6 course\'s sealed items with how they were opened, found by course', async () => {
    const db = await upgradedFrom(6)
    const row = await db.sealedItems.get('c')
    expect([row?.via, row?.releaseCode, row?.items.map((i) => i.version)]).toEqual(['secret', 'ABCD-EFGH', ['v-q9']])
    db.close()
  })

  it('starts the device keys empty for version 6 databases; a profile made before gets its key at its first export', async () => {
    const db = await upgradedFrom(6)
    expect([await db.deviceKeys.count(), await db.pinnedKeys.count()]).toEqual([0, 0])
    await db.learners.put({ id: 'old', name: 'Old Profile', createdAt: 1, origin: 'local' })
    const file = await exportLearnerResults(db, { learnerId: 'old', courseId: 'c', now: Date.UTC(2026, 0, 1), assessments: new Map() })
    const key = await db.deviceKeys.get('old')
    expect(key?.privateKey.extractable).toBe(false)
    expect(await verifyFile(file as unknown as Record<string, unknown>, crypto.subtle)).toMatchObject({ status: 'signed', fingerprint: key?.fingerprint })
    db.close()
  })

  it('keeps a version 7 private key usable for signing, and still not extractable', async () => {
    const db = await upgradedFrom(7)
    const key = (await db.deviceKeys.get('ana'))!
    expect([key.privateKey.type, key.privateKey.extractable]).toEqual(['private', false])
    const bytes = new TextEncoder().encode('x')
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, bytes)
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, PAIR.publicKey, sig, bytes)).toBe(true)
    expect((await db.pinnedKeys.get('ben'))?.fingerprint).toBe(FINGERPRINT)
    db.close()
  })

  it('starts the outbox empty for version 7 databases: nothing done before is sent', async () => {
    const db = await upgradedFrom(7)
    expect(await db.outbox.count()).toBe(0)
    db.close()
  })

  it('keeps version 8 statements byte for byte, found by state and by age', async () => {
    const db = await upgradedFrom(8)
    expect((await db.outbox.get('0b6f3d1e-8a2c-4c1e-9f00-000000000001'))?.body).toBe(STATEMENT)
    expect((await db.outbox.where('state').equals('review').toArray()).map((r) => r.lastError)).toEqual(['The LRS already holds a different statement with this id (409)'])
    expect((await db.outbox.orderBy('queuedAt').primaryKeys())).toEqual(['0b6f3d1e-8a2c-4c1e-9f00-000000000001', '0b6f3d1e-8a2c-4c1e-9f00-000000000002'])
    db.close()
  })

  it('keeps older responses without a certainty: none is invented (they count as given without one)', async () => {
    const db = await upgradedFrom(1)
    const [row] = await db.responses.where('attemptId').equals('a1').toArray()
    expect(row).toEqual(V1_ROWS.responses![0])
    expect(row && 'certainty' in row).toBe(false)
    db.close()
  })

  it('keeps a version 9 response’s certainty with its answer, found by attempt', async () => {
    const db = await upgradedFrom(9)
    expect((await db.responses.where('attemptId').equals('e12').toArray()).map((r) => [r.itemId, r.certainty])).toEqual([['q1', 3], ['q2', 1], ['q3', undefined]])
    db.close()
  })

  it('stores a certainty with a new answer in a database upgraded from version 8', async () => {
    const db = await upgradedFrom(8)
    await db.responses.put({ attemptId: 'n1', itemId: 'q1', answer: { type: 'truefalse', value: true }, flagged: false, savedAt: 3, seq: 1, certainty: 2 })
    expect((await db.responses.get(['n1', 'q1']))?.certainty).toBe(2)
    db.close()
  })
})
