import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { importResultText, webSha256 } from '../../../src/db/importResults.ts'
import { loadCourseRecords } from '../../../src/db/instructorData.ts'
import { saveSealedItems } from '../../../src/db/sealedItems.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { InstructorCourse } from '../../../src/domain/importChecks.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { publicItem, tokenMap } from '../../../src/domain/sealed.ts'
import type { Answer, Blueprint, VersionedItem } from '../../../src/domain/types.ts'
import { ordering, single } from '../../fixtures/items.ts'
import { uniqueName } from './upgradeHarness.ts'

const T0 = Date.UTC(2026, 0, 5, 9)
const FULL = [{ ...single, sealed: true }, { ...ordering, sealed: true }] as VersionedItem[]
const STUBS = FULL.map(publicItem)
const FINAL = {
  id: 'final', title: 'Final assessment', kind: 'final', sealed: true, passMark: 0.5, gradingMethod: 'highest', maxAttempts: 2,
  draws: [{ lesson: 'l1', count: 1 }, { lesson: 'l2', count: 1 }], review: { afterSubmit: [], afterLastAttempt: ['score'] },
} as unknown as Blueprint

/** The instructor's course: the final's items in full once unlocked here, else the stubs the course ships. */
const course = (unlocked: boolean): InstructorCourse => ({
  id: 'c1', blueprints: [FINAL], manifest: { courseId: 'c1', versions: {} } as unknown as InstructorCourse['manifest'],
  items: new Map((unlocked ? FULL : STUBS).map((i) => [i.version, i])),
})

/** The right (authored) order of the ordering item, in the stub's tokens (as the learner's device saved it). */
function rightOrderInTokens(): string[] {
  const tokenOf = new Map([...tokenMap(FULL[1]!)].map(([token, id]) => [id, token]))
  return ordering.steps.map((s) => tokenOf.get(s.id)!)
}

/** Bea's file: one attempt at the sealed final, taken on stubs, as her device exports it. */
async function beasFile(): Promise<string> {
  const startedAt = T0 - 600_000
  const answers: [string, Answer][] = [[single.id, { type: 'single', optionId: single.answer }], [ordering.id, { type: 'ordering', order: rightOrderInTokens() }]]
  const file = await createResultFile({
    courseId: 'c1', exportedAt: T0, learner: { id: 'bea', name: 'Bea' },
    attempts: [{
      attempt: {
        id: 'bea-1', courseId: 'c1', learnerId: 'bea', mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: null,
        submittedAt: startedAt + 300_000, submitReason: 'learner',
        slots: STUBS.map((s) => ({ itemId: s.id, version: s.version })), snapshots: Object.fromEntries(STUBS.map((s) => [s.version, s])),
      },
      responses: answers.map(([itemId, answer], i) => ({ attemptId: 'bea-1', itemId, answer, flagged: false, savedAt: startedAt + 60_000 * (i + 1), seq: 1 })),
      assessment: { id: 'final', title: 'Final assessment', passMark: 0.5, gradingMethod: 'highest' },
    }],
  }, webSha256)
  return serializeResultFile(file)
}

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => db.close())

describe('importing an attempt at a sealed assessment', () => {
  it('is refused whole while the sealed assessments are locked on this device, and changes nothing', async () => {
    const outcome = await importResultText(db, 'bea.json', await beasFile(), { courseId: 'c1', now: T0, course: course(false) })
    expect(outcome).toEqual({
      fileName: 'bea.json', ok: false, code: 'sealed-locked',
      message: 'This file holds an attempt at a sealed assessment (Final assessment). Unlock sealed assessments on this device (Instructor → Import results → Sealed assessments) and import it again. Nothing was imported.',
    })
    expect([await db.learners.count(), await db.attempts.count(), await db.responses.count(), await db.importFlags.count()]).toEqual([0, 0, 0, 0])
  })

  it('once unlocked: stores the full items and the answers in their ids, with no flag', async () => {
    const outcome = await importResultText(db, 'bea.json', await beasFile(), { courseId: 'c1', now: T0, course: course(true) })
    expect(outcome).toMatchObject({ ok: true, added: 1, flagged: 0 })
    const stored = await db.attempts.get('bea-1')
    expect(Object.values(stored!.snapshots)).toEqual(FULL)
    const order = (await db.responses.get(['bea-1', ordering.id]))?.answer
    expect(order).toEqual({ type: 'ordering', order: ordering.steps.map((s) => s.id) })
    expect((await db.importFlags.get('bea-1'))?.flags).toEqual([])
    // An ordinary attempt from here on: the gradebook grades it from what is stored.
    const graded = gradeAttempt(stored!, await db.responses.where('attemptId').equals('bea-1').toArray())
    expect([graded.score, graded.max]).toEqual([2, 2])
  })
})

describe('an attempt at a sealed assessment made on the instructor’s own device', () => {
  async function storeLocalStubAttempt() {
    const startedAt = T0 - 600_000
    await db.attempts.add({
      id: 'cy-1', courseId: 'c1', learnerId: 'cy', mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: null, submittedAt: startedAt + 300_000, submitReason: 'learner',
      slots: STUBS.map((s) => ({ itemId: s.id, version: s.version })), snapshots: Object.fromEntries(STUBS.map((s) => [s.version, s])),
    })
    await db.responses.add({ attemptId: 'cy-1', itemId: ordering.id, answer: { type: 'ordering', order: rightOrderInTokens() }, flagged: false, savedAt: startedAt + 1000, seq: 1 })
  }

  it('is left out of the instructor’s records, and counted, while the sealed assessments are locked', async () => {
    await storeLocalStubAttempt()
    const records = await loadCourseRecords(db, 'c1')
    expect([records.attempts.length, records.sealedLocked]).toEqual([0, 1])
  })

  it('is read on the full items, answers in their ids, once unlocked here', async () => {
    await storeLocalStubAttempt()
    await saveSealedItems(db, { courseId: 'c1', items: FULL, via: 'secret', releaseCode: 'X', openedAt: T0 })
    const records = await loadCourseRecords(db, 'c1')
    expect([records.attempts.length, records.sealedLocked]).toEqual([1, 0])
    expect(Object.values(records.attempts[0]!.snapshots)).toEqual(FULL)
    expect(records.responses.get('cy-1')?.[0]?.answer).toEqual({ type: 'ordering', order: ordering.steps.map((s) => s.id) })
  })
})
