import { beforeEach, describe, expect, it } from 'vitest'
import { courses } from 'virtual:debrief/catalog'
import { startAssessment } from '../../../src/app/startAssessment.ts'
import { useAssessmentStore } from '../../../src/stores/assessment.ts'
import { useAttemptsStore } from '../../../src/stores/attempts.ts'
import { useCourseItemsStore } from '../../../src/stores/courseItems.ts'
import { COURSE, LEARNER, manualClock, storeHarness } from './storeHarness.ts'

const final = courses[0]!.blueprints.find((b) => b.id === 'final')!
const MINUTE = 60_000
let clock: ReturnType<typeof manualClock>

beforeEach(() => {
  clock = manualClock()
})

async function startFinal() {
  const harness = await storeHarness()
  const store = useAssessmentStore()
  const attempt = await startAssessment(final, COURSE, LEARNER)
  await store.open(attempt.id)
  return { ...harness, store, attempt }
}

/** A right single-choice or true/false answer for a slot, whatever the draw gave. */
function someAnswer(itemId: string) {
  const item = useCourseItemsStore().items.get(itemId)!
  if (item.type === 'single') return { type: 'single' as const, optionId: item.answer }
  if (item.type === 'truefalse') return { type: 'truefalse' as const, value: item.answer }
  return { type: 'short' as const, text: 'levee' }
}

describe('taking an assessment', () => {
  it('fixes an absolute deadline from the time limit when it starts', async () => {
    const { attempt } = await startFinal()
    expect(attempt.deadline).toBe(clock.now + 10 * MINUTE)
    expect(attempt.slots).toHaveLength(4)
  })

  it('adds the learner’s extra time to the deadline', async () => {
    await storeHarness()
    const attempt = await startAssessment(final, COURSE, LEARNER, { multiplier: 1.5 })
    expect(attempt.deadline).toBe(clock.now + 15 * MINUTE)
  })

  it('says "saved" only once the answer is in IndexedDB', async () => {
    const { store, db, attempt } = await startFinal()
    const itemId = attempt.slots[0]!.itemId
    const saving = store.answer(itemId, someAnswer(itemId))
    expect(store.saveState[itemId]).not.toBe('saved')
    await saving
    expect(store.saveState[itemId]).toBe('saved')
    expect(await db.responses.get([attempt.id, itemId])).toMatchObject({ answer: someAnswer(itemId), seq: 1 })
  })

  it('keeps every answer when the same question is changed quickly', async () => {
    const { store, db, attempt } = await startFinal()
    const itemId = attempt.slots[0]!.itemId
    await Promise.all([store.answer(itemId, null), store.answer(itemId, someAnswer(itemId))])
    expect(await db.responses.get([attempt.id, itemId])).toMatchObject({ answer: someAnswer(itemId), seq: 2 })
  })

  it('restores answers, flags and the deadline when the attempt is opened again', async () => {
    const { store, attempt, name } = await startFinal()
    const itemId = attempt.slots[1]!.itemId
    const given = someAnswer(itemId)
    await store.answer(itemId, given)
    await store.toggleFlag(itemId)
    await storeHarness(name)
    const reopened = useAssessmentStore()
    await reopened.open(attempt.id)
    expect(reopened.answers[itemId]).toEqual(given)
    expect(reopened.responses[itemId]?.flagged).toBe(true)
    expect(reopened.attempt?.deadline).toBe(attempt.deadline)
  })

  it('refuses an answer from a stale second tab and keeps the newer one', async () => {
    const { store, attempt, db } = await startFinal()
    const itemId = attempt.slots[0]!.itemId
    await store.answer(itemId, someAnswer(itemId))
    // A second tab opened before the first answer, then answers: its sequence number is stale.
    const stale = { attemptId: attempt.id, itemId, answer: null, flagged: false, savedAt: clock.now, seq: 1 }
    await expect(import('../../../src/db/attempts.ts').then((m) => m.commitResponse(db, stale))).rejects.toMatchObject({ kind: 'conflict' })
    expect((await db.responses.get([attempt.id, itemId]))?.answer).toEqual(someAnswer(itemId))
  })

  it('reads the attempt again when another tab saved first, and shows what that tab saved', async () => {
    const { store, attempt, db } = await startFinal()
    const itemId = attempt.slots[0]!.itemId
    const theirs = someAnswer(itemId)
    const { commitResponse } = await import('../../../src/db/attempts.ts')
    await commitResponse(db, { attemptId: attempt.id, itemId, answer: theirs, flagged: true, savedAt: clock.now, seq: 1 })
    await store.answer(itemId, null)
    expect(store.answers[itemId]).toEqual(theirs)
    expect(store.responses[itemId]).toMatchObject({ flagged: true, seq: 1 })
    expect(store.saveState[itemId]).toBe('saved')
    expect(await db.responses.get([attempt.id, itemId])).toMatchObject({ answer: theirs, seq: 1 })
  })

  it('submits only once the answer given just before is committed, and grades it', async () => {
    const { store, attempt, name } = await startFinal()
    const itemId = attempt.slots[0]!.itemId
    void store.answer(itemId, someAnswer(itemId))
    await Promise.all([store.submit(), store.submit()])
    expect(store.attempt?.submitReason).toBe('learner')
    await storeHarness(name)
    const grade = useAttemptsStore().grades.get(attempt.id)
    expect(grade?.perItem.filter((r) => r.response !== null).map((r) => r.itemId)).toEqual([itemId])
  })

  it('submits automatically with the answers saved before the deadline', async () => {
    const { store, attempt, name } = await startFinal()
    const first = attempt.slots[0]!.itemId
    const second = attempt.slots[1]!.itemId
    await store.answer(first, someAnswer(first))
    clock.advance(11 * MINUTE)
    await store.answer(second, someAnswer(second))
    expect(store.attempt?.submittedAt).toBe(attempt.deadline)
    expect(store.attempt?.submitReason).toBe('deadline')
    await storeHarness(name)
    const grade = useAttemptsStore().grades.get(attempt.id)
    expect(grade?.perItem.filter((r) => r.response !== null).map((r) => r.itemId)).toEqual([first])
  })

  it('submits an attempt whose time ran out while the app was closed, on next open', async () => {
    const { attempt, name } = await startFinal()
    clock.advance(60 * MINUTE)
    await storeHarness(name)
    const submitted = await useAttemptsStore().submitOverdue()
    expect(submitted.map((a) => [a.id, a.submitReason, a.submittedAt])).toEqual([[attempt.id, 'deadline', attempt.deadline]])
  })

  it('counts answered and flagged questions for the palette', async () => {
    const { store, attempt } = await startFinal()
    const [a, b] = attempt.slots.map((s) => s.itemId)
    await store.answer(a!, someAnswer(a!))
    await store.toggleFlag(b!)
    expect(store.counts).toEqual({ total: 4, answered: 1, unanswered: 3, flagged: 1 })
  })

  it('refuses a third attempt when two are allowed', async () => {
    await startFinal()
    await startAssessment(final, COURSE, LEARNER)
    await expect(startAssessment(final, COURSE, LEARNER)).rejects.toThrow('All 2 attempts')
  })
})
