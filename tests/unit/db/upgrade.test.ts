import { describe, expect, it } from 'vitest'
import type { SchemaVersion } from '../../../src/db/schema.ts'
import { SCHEMA_VERSIONS } from '../../../src/db/schema.ts'
import { reopen, seedAtVersion, uniqueName } from './upgradeHarness.ts'

/** Rows as version 1 stored them. Keep this fixture as it is when later versions change the shape. */
const V1_ROWS = {
  learners: [{ id: 'ana', name: 'Ana', createdAt: 1_700_000_000_000 }],
  lessonProgress: [
    { learnerId: 'ana', courseId: 'c', lessonId: 'l1', state: 'in-progress', readFraction: 0.4, secondsSpent: 120, updatedAt: 1_700_000_100_000 },
  ],
  settings: [{ key: 'activeLearner', value: 'ana' }],
}

describe('database upgrades', () => {
  it('has consecutive version numbers, each declared once', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1))
  })

  it('keeps version 1 data when reopened with the current chain', async () => {
    const name = uniqueName()
    await seedAtVersion(name, 1, V1_ROWS)
    const db = await reopen(name)
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version)
    expect(await db.learners.get('ana')).toMatchObject(V1_ROWS.learners[0]!)
    expect(await db.lessonProgress.get(['ana', 'c', 'l1'])).toMatchObject({ readFraction: 0.4, state: 'in-progress' })
    expect(await db.settings.get('activeLearner')).toEqual({ key: 'activeLearner', value: 'ana' })
    db.close()
  })

  it('version 2 marks existing learners as profiles of this device', async () => {
    const name = uniqueName()
    await seedAtVersion(name, 1, V1_ROWS)
    const db = await reopen(name, SCHEMA_VERSIONS.filter((v) => v.version <= 2))
    expect(await db.learners.get('ana')).toEqual({ ...V1_ROWS.learners[0], origin: 'local' })
    expect(await db.learners.where('origin').equals('local').count()).toBe(1)
    db.close()
  })

  it('version 2 adds the instructor tables, empty, beside the old attempts', async () => {
    const name = uniqueName()
    const attempt = { id: 'a1', learnerId: 'ana', courseId: 'c', sourceId: 'final', submittedAt: 5 }
    await seedAtVersion(name, 1, { ...V1_ROWS, attempts: [attempt] })
    const db = await reopen(name, SCHEMA_VERSIONS.filter((v) => v.version <= 2))
    expect(await db.attempts.where('[courseId+sourceId]').equals(['c', 'final']).count()).toBe(1)
    expect(await db.manualGrades.count()).toBe(0)
    expect(await db.gradeHistory.count()).toBe(0)
    db.close()
  })

  it('runs a later version’s upgrade over the old rows (the shape every new version’s test takes)', async () => {
    // A stand-in for the next real version: adds an index and fills a new field from old data.
    const next: SchemaVersion = {
      version: SCHEMA_VERSIONS.length + 1,
      stores: { learners: 'id, name, createdAt' },
      upgrade: async (tx) => {
        await tx.table('learners').toCollection().modify((learner: { name: string; initials?: string }) => {
          learner.initials = learner.name.slice(0, 1)
        })
      },
    }
    const name = uniqueName()
    await seedAtVersion(name, 1, V1_ROWS)
    const db = await reopen(name, [...SCHEMA_VERSIONS, next])
    expect(db.verno).toBe(next.version)
    expect(await db.learners.get('ana')).toMatchObject({ name: 'Ana', initials: 'A' })
    expect(await db.learners.where('createdAt').above(0).count()).toBe(1)
    expect(await db.lessonProgress.count()).toBe(1)
    db.close()
  })
})
