/**
 * Practice with a certainty (the course's practiceCertainty): the certainty goes into the same
 * commit as the checked try, and feeds the review schedule (very sure and right → Easy, not sure
 * and right → Hard; schedule.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { practiceSession } from '../../../src/app/checkRuns.ts'
import { scheduleReview } from '../../../src/domain/schedule.ts'
import type { Answer, VersionedItem } from '../../../src/domain/types.ts'
import { useCheckSessionStore } from '../../../src/stores/checkSession.ts'
import { useReviewStore } from '../../../src/stores/review.ts'
import { COURSE, LEARNER, manualClock, storeHarness } from './storeHarness.ts'

let clock: ReturnType<typeof manualClock>
beforeEach(() => {
  clock = manualClock()
})

/** A right answer for the fixture's auto-graded types (the run's order is shuffled). */
function rightAnswer(item: VersionedItem): Answer {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: item.answer }
    case 'truefalse':
      return { type: 'truefalse', value: item.answer }
    case 'numeric':
      return { type: 'numeric', text: String(item.answer) }
    case 'short':
      return { type: 'short', text: item.accept[0]! }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.accept[0]!])) }
    default:
      throw new Error(`no right answer written for ${item.type}`)
  }
}

async function checkFirst(certainty: 1 | 2 | 3 | undefined) {
  const harness = await storeHarness()
  const practice = useCheckSessionStore()
  await practice.start(practiceSession(COURSE, 'l1-flood'), LEARNER)
  // Free text has only a provisional score: move past it to an automatically graded item.
  while (practice.item?.type === 'freetext') {
    practice.draft = { type: 'freetext', text: 'the levee' }
    await practice.check()
    await practice.next()
  }
  const item = practice.item!
  practice.draft = rightAnswer(item)
  practice.certainty = certainty
  await practice.check()
  return { ...harness, practice, item }
}

describe('practice with a certainty', () => {
  it('saves the certainty in the row of the checked try', async () => {
    const { db, practice, item } = await checkFirst(3)
    expect(await db.responses.get([practice.attempt!.id, item.id])).toMatchObject({ itemId: item.id, certainty: 3 })
  })

  it.each([
    [3, 'Easy'],
    [2, 'Good'],
    [1, 'Hard'],
  ] as const)('right at certainty %i schedules the item as FSRS rates it %s', async (certainty, _rating) => {
    const at = clock.now
    const { item } = await checkFirst(certainty)
    const card = useReviewStore().cards[item.id]
    const grade = { state: 'correct' as const, score: 1, max: 1 }
    expect(card).toEqual(scheduleReview(undefined, grade, new Date(at), { firstTry: true, certainty }))
    // The rating differs by certainty: the schedule is not the one without it (Good) unless 2 was chosen.
    const plain = scheduleReview(undefined, grade, new Date(at), { firstTry: true })
    expect(card!.due === plain.due).toBe(certainty === 2)
  })

  it('without a certainty saves none and keeps the old rule', async () => {
    const { db, practice, item } = await checkFirst(undefined)
    expect((await db.responses.get([practice.attempt!.id, item.id]))?.certainty).toBeUndefined()
    expect(practice.certainty).toBeUndefined()
  })

  it('clears the certainty for the next question', async () => {
    const { practice } = await checkFirst(3)
    await practice.next()
    expect(practice.certainty).toBeUndefined()
  })
})
