import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { courseConflicts, resolveConflict } from '../../../src/db/importConflicts.ts'
import { importResultText, webSha256 } from '../../../src/db/importResults.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { createResultFile, serializeResultFile, type ResultLearner } from '../../../src/domain/resultFile.ts'
import type { Answer } from '../../../src/domain/types.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { makeAttempt, respond, RIGHT_SINGLE, single, T0, WRONG_SINGLE } from './fixtures.ts'

const NOW = T0 + 86_400_000
const options = { courseId: 'c1', now: NOW }
const resolveOptions = { now: NOW, sha256: webSha256 }

/** A result file of `learner` with one attempt per id, each answering `answer`. */
async function fileText(learner: ResultLearner, attemptIds: string[], answer: Answer = RIGHT_SINGLE): Promise<string> {
  return serializeResultFile(await createResultFile({
    courseId: 'c1',
    exportedAt: T0 + 3_600_000,
    learner,
    attempts: attemptIds.map((id, i) => ({
      attempt: makeAttempt({ id, learnerId: learner.id, startedAt: T0 + i, items: [single] }),
      responses: [respond(id, single.id, answer)],
    })),
  }, webSha256))
}

const ANA = { id: 'ana', name: 'Ana Lopez' }
const importAs = (name: string, text: string) => importResultText(db, name, text, options)

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => db.close())

describe('impersonation: a file naming a learner already on the device under another name', () => {
  beforeEach(async () => {
    await importAs('ana.json', await fileText(ANA, ['a1']))
  })

  it('writes nothing and says so in plain words', async () => {
    const outcome = await importAs('fake.json', await fileText({ id: 'ana', name: 'Ana L' }, ['a2']))
    expect(outcome).toMatchObject({
      ok: false, code: 'conflict',
      message: 'This file names learner "ana", who is already on this device as "Ana Lopez"; the file says "Ana L". Nothing was imported: choose how to resolve it below.',
    })
    expect([await db.attempts.count(), (await db.learners.get('ana'))?.name]).toEqual([1, 'Ana Lopez'])
  })

  it('keeps the file and what the device holds side by side', async () => {
    await importAs('fake.json', await fileText({ id: 'ana', name: 'Ana L' }, ['a2']))
    const [conflict] = await courseConflicts(db, 'c1')
    expect(conflict).toMatchObject({
      fileName: 'fake.json', learner: 'other-name', newLearnerId: 'ana~2', file: { learner: { name: 'Ana L' } },
      device: { learner: { name: 'Ana Lopez' }, attempts: [{ id: 'a1', score: { points: 1, max: 1 } }] }, fileAttempts: [{ id: 'a2' }],
    })
  })

  it('imports into the learner when the instructor says it is the same person', async () => {
    await importAs('fake.json', await fileText({ id: 'ana', name: 'Ana L' }, ['a2']))
    const [conflict] = await courseConflicts(db, 'c1')
    expect(await resolveConflict(db, conflict!.id!, 'same-person', resolveOptions)).toEqual({ learnerId: 'ana', added: 1, alreadyImported: 0 })
    expect([(await db.attempts.get('a2'))?.learnerId, await db.importConflicts.count()]).toEqual(['ana', 0])
  })

  it('imports as a new learner under the id it showed, when it is someone else', async () => {
    await importAs('fake.json', await fileText({ id: 'ana', name: 'Ana L' }, ['a2']))
    const [conflict] = await courseConflicts(db, 'c1')
    await resolveConflict(db, conflict!.id!, 'new-learner', resolveOptions)
    expect([await db.learners.get('ana~2'), (await db.attempts.get('a2'))?.learnerId, (await db.learners.get('ana'))?.name])
      .toEqual([expect.objectContaining({ name: 'Ana L', origin: 'imported' }), 'ana~2', 'Ana Lopez'])
  })

  it('writes nothing when the instructor discards the file', async () => {
    await importAs('fake.json', await fileText({ id: 'ana', name: 'Ana L' }, ['a2']))
    const [conflict] = await courseConflicts(db, 'c1')
    await resolveConflict(db, conflict!.id!, 'discard', resolveOptions)
    expect([await db.attempts.count(), await db.learners.count(), await db.importConflicts.count()]).toEqual([1, 1, 0])
  })
})

describe('a file naming a profile of this device', () => {
  beforeEach(async () => {
    await createLearner(db, { id: 'ana', name: 'Ana Lopez', createdAt: 1 })
  })

  it('never writes into it, even under the same name', async () => {
    const outcome = await importAs('ana.json', await fileText(ANA, ['a1']))
    expect([outcome.ok, outcome.ok ? '' : outcome.code, await db.attempts.count()]).toEqual([false, 'conflict', 0])
  })

  it('refuses "the same person" for it', async () => {
    await importAs('ana.json', await fileText(ANA, ['a1']))
    const [conflict] = await courseConflicts(db, 'c1')
    await expect(resolveConflict(db, conflict!.id!, 'same-person', resolveOptions)).rejects.toMatchObject({ kind: 'conflict' })
    expect(await db.attempts.count()).toBe(0)
  })

  it('imports it as a new learner when the instructor says so', async () => {
    await importAs('ana.json', await fileText(ANA, ['a1']))
    const [conflict] = await courseConflicts(db, 'c1')
    await resolveConflict(db, conflict!.id!, 'new-learner', resolveOptions)
    expect([(await db.learners.get('ana'))?.origin, (await db.attempts.get('a1'))?.learnerId]).toEqual(['local', 'ana~2'])
  })
})

describe('attempt ids: shadows and second copies', () => {
  it('a claimed attempt id does not shadow the real one: the real file is a conflict, not "already imported"', async () => {
    await importAs('eve.json', await fileText({ id: 'eve', name: 'Eve' }, ['ana-1'], WRONG_SINGLE))
    const outcome = await importAs('ana.json', await fileText(ANA, ['ana-1']))
    expect([outcome.ok, outcome.ok ? '' : outcome.code, await db.attempts.count(), (await db.attempts.get('ana-1'))?.learnerId]).toEqual([false, 'conflict', 1, 'eve'])
  })

  it('a file claiming an attempt id already here is kept back, the attempt unchanged', async () => {
    await importAs('ana.json', await fileText(ANA, ['ana-1']))
    const outcome = await importAs('eve.json', await fileText({ id: 'eve', name: 'Eve' }, ['ana-1']))
    expect([outcome.ok, (await db.attempts.get('ana-1'))?.learnerId, await db.learners.get('eve')]).toEqual([false, 'ana', undefined])
  })

  it('the second of two different copies of one attempt does not silently lose or win', async () => {
    await importAs('first.json', await fileText(ANA, ['a1'], WRONG_SINGLE))
    const outcome = await importAs('second.json', await fileText(ANA, ['a1', 'a2']))
    expect(outcome).toMatchObject({ ok: false, message: 'Attempt "a1" is already on this device with other answers or times. Nothing was imported: choose how to resolve it below.' })
    expect([await db.attempts.count(), (await db.responses.get(['a1', single.id]))?.answer]).toEqual([1, WRONG_SINGLE])
  })

  it('"keep the one on this device" imports the file\'s other attempts and never replaces the one here', async () => {
    await importAs('first.json', await fileText(ANA, ['a1'], WRONG_SINGLE))
    await importAs('second.json', await fileText(ANA, ['a1', 'a2']))
    const [conflict] = await courseConflicts(db, 'c1')
    expect(conflict?.conflictingAttemptIds).toEqual(['a1'])
    expect(await resolveConflict(db, conflict!.id!, 'keep-device', resolveOptions)).toEqual({ learnerId: 'ana', added: 1, alreadyImported: 1 })
    expect((await db.responses.get(['a1', single.id]))?.answer).toEqual(WRONG_SINGLE)
  })

  it('the same file twice is idempotent: already imported, no conflict', async () => {
    const text = await fileText(ANA, ['a1', 'a2'])
    await importAs('ana.json', text)
    expect(await importAs('again.json', text)).toMatchObject({ ok: true, added: 0, alreadyImported: 2 })
    expect(await db.importConflicts.count()).toBe(0)
  })
})

describe('extra time from the file (result file v3)', () => {
  it('is stored on a learner new to the device', async () => {
    await importAs('ana.json', await fileText({ ...ANA, allowance: { extraMinutes: 15 } }, ['a1']))
    expect((await db.learners.get('ana'))?.allowance).toEqual({ extraMinutes: 15 })
  })

  it('never changes a learner already here', async () => {
    await importAs('ana.json', await fileText(ANA, ['a1']))
    await importAs('ana2.json', await fileText({ ...ANA, allowance: { multiplier: 4 } }, ['a2']))
    expect((await db.learners.get('ana'))?.allowance).toBeUndefined()
  })
})

describe('the same kept-back file imported again', () => {
  it('is one conflict, not two', async () => {
    await importAs('ana.json', await fileText(ANA, ['a1']))
    const fake = await fileText({ id: 'ana', name: 'Ana L' }, ['a2'])
    const first = await importAs('fake.json', fake)
    const second = await importAs('fake-again.json', fake)
    expect(second).toMatchObject({ code: 'conflict', conflictId: (first as { conflictId: number }).conflictId })
    expect(await db.importConflicts.count()).toBe(1)
  })
})
