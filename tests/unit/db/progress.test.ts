import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { createLearner, getActiveLearnerId, listLearners, setActiveLearner } from '../../../src/db/learners.ts'
import { listLessonProgress, recordReading } from '../../../src/db/progress.ts'
import { uniqueName } from './upgradeHarness.ts'

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => db.close())

const read = (fraction: number, extra: Partial<Parameters<typeof recordReading>[1]> = {}) =>
  recordReading(db, { learnerId: 'ana', courseId: 'c', lessonId: 'l1', readFraction: fraction, secondsDelta: 30, now: 1000, ...extra })

describe('reading progress', () => {
  it('starts a lesson as in progress', async () => {
    expect(await read(0.3)).toMatchObject({ state: 'in-progress', readFraction: 0.3, secondsSpent: 30 })
  })

  it('never goes backwards when the learner scrolls up', async () => {
    await read(0.8)
    expect((await read(0.2)).readFraction).toBe(0.8)
  })

  it('adds up the time spent', async () => {
    await read(0.1)
    expect((await read(0.2, { secondsDelta: 45 })).secondsSpent).toBe(75)
  })

  it('marks a finished lesson done, and it stays done', async () => {
    await read(1, { finished: true })
    expect(await read(0.1)).toMatchObject({ state: 'done', readFraction: 1 })
  })

  it('keeps each learner’s progress apart', async () => {
    await read(0.5)
    await read(0.9, { learnerId: 'ben' })
    expect((await listLessonProgress(db, 'ana', 'c')).map((p) => p.readFraction)).toEqual([0.5])
  })
})

describe('learner profiles', () => {
  it('makes a new profile the active one', async () => {
    await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
    expect(await getActiveLearnerId(db)).toBe('ana')
  })

  it('lists profiles by name', async () => {
    await createLearner(db, { id: '2', name: 'Zoe', createdAt: 1 })
    await createLearner(db, { id: '1', name: 'Ana', createdAt: 2 })
    expect((await listLearners(db)).map((l) => l.name)).toEqual(['Ana', 'Zoe'])
  })

  it('refuses to switch to a profile that does not exist, and changes nothing', async () => {
    await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
    await expect(setActiveLearner(db, 'ghost')).rejects.toThrow('That profile is no longer on this device')
    expect(await getActiveLearnerId(db)).toBe('ana')
  })
})
