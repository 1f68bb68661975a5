/**
 * Every released database version, opened by today's app: fixture rows as that version stored
 * them go in, the real chain of src/db/schema.ts reopens them, and the data must come out intact.
 * A new schema version adds its own fixture below (and keeps the old ones as they are).
 */
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
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

const FIXTURES: Record<number, Rows> = { 1: V1_ROWS, 2: V2_ROWS }
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
})
