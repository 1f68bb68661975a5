import { beforeEach, describe, expect, it } from 'vitest'
import { useAttemptsStore } from '../../../src/stores/attempts.ts'
import { practiceSession, reviewSession } from '../../../src/app/checkRuns.ts'
import { useCheckSessionStore } from '../../../src/stores/checkSession.ts'
import { useReviewStore } from '../../../src/stores/review.ts'
import type { Answer, VersionedItem } from '../../../src/domain/types.ts'
import { COURSE, LEARNER, manualClock, storeHarness } from './storeHarness.ts'

const DAY = 86_400_000
let clock: ReturnType<typeof manualClock>
beforeEach(() => {
  clock = manualClock()
})

/** A right answer for the fixture's auto-graded types, and a wrong one. */
function answerFor(item: VersionedItem, right: boolean): Answer {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: right ? item.answer : item.options.find((o) => o.id !== item.answer)!.id }
    case 'truefalse':
      return { type: 'truefalse', value: right ? item.answer : !item.answer }
    case 'numeric':
      return { type: 'numeric', text: right ? String(item.answer) : '99' }
    case 'short':
      return { type: 'short', text: right ? item.accept[0]! : 'nothing' }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, right ? b.accept[0]! : 'x'])) }
    default:
      return { type: 'freetext', text: right ? 'the levee was not repaired' : 'no idea' }
  }
}

/** Answers and passes over free-text items, whose scores are only provisional. */
async function skipFreeText(practice: ReturnType<typeof useCheckSessionStore>) {
  while (practice.item?.type === 'freetext') {
    practice.draft = answerFor(practice.item, true)
    await practice.check()
    await practice.next()
  }
}

async function startPractice() {
  const harness = await storeHarness()
  const practice = useCheckSessionStore()
  await practice.start(practiceSession(COURSE, 'l1-flood'), LEARNER)
  return { ...harness, practice }
}

describe('practice', () => {
  it('goes through every item of the lesson once', async () => {
    const { practice } = await startPractice()
    expect(practice.attempt?.slots).toHaveLength(6)
    expect(practice.index).toBe(0)
  })

  it('saves the first checked answer as evidence and shows feedback', async () => {
    const { practice, db } = await startPractice()
    await skipFreeText(practice)
    const answered = await db.responses.count()
    practice.draft = answerFor(practice.item!, true)
    await practice.check()
    expect(practice.grade?.state).toBe('correct')
    expect(await db.responses.count()).toBe(answered + 1)
  })

  it('does not save a second try', async () => {
    const { practice, db } = await startPractice()
    await skipFreeText(practice)
    const item = practice.item!
    practice.draft = answerFor(item, false)
    await practice.check()
    practice.tryAgain()
    practice.draft = answerFor(item, true)
    await practice.check()
    expect(practice.grade?.state).toBe('correct')
    expect((await db.responses.get([practice.attempt!.id, item.id]))?.answer).toEqual(answerFor(item, false))
  })

  it('resumes at the first unanswered item', async () => {
    const { practice, name } = await startPractice()
    practice.draft = answerFor(practice.item!, true)
    await practice.check()
    await practice.next()
    const attemptId = practice.attempt!.id
    await storeHarness(name)
    const resumed = useCheckSessionStore()
    await resumed.start(practiceSession(COURSE, 'l1-flood'), LEARNER)
    expect(resumed.attempt!.id).toBe(attemptId)
    expect(resumed.index).toBe(1)
  })

  it('brings a missed item back sooner than a known one', async () => {
    const { practice } = await startPractice()
    await skipFreeText(practice)
    const first = practice.item!
    practice.draft = answerFor(first, false)
    await practice.check()
    await practice.next()
    await skipFreeText(practice)
    const second = practice.item!
    practice.draft = answerFor(second, true)
    await practice.check()
    const cards = useReviewStore().cards
    expect(cards[first.id]!.due).toBeLessThan(cards[second.id]!.due)
    clock.advance(DAY)
    useReviewStore().refresh()
    expect(useReviewStore().due).toContain(first.id)
  })

  it('raises mastery of the objective after right answers', async () => {
    const { practice } = await startPractice()
    await skipFreeText(practice)
    const item = practice.item!
    const before = useAttemptsStore().mastery.find((m) => m.objective === item.objective)!
    practice.draft = answerFor(item, true)
    await practice.check()
    const after = useAttemptsStore().mastery.find((m) => m.objective === item.objective)!
    expect(after.mastery).toBeGreaterThan(before.mastery)
  })

  it('closes the run after the last item', async () => {
    const { practice, db } = await startPractice()
    for (let i = 0; i < 6; i++) {
      practice.draft = answerFor(practice.item!, true)
      await practice.check()
      await practice.next()
    }
    expect(practice.finished).toBe(true)
    expect((await db.attempts.get(practice.attempt!.id))?.submittedAt).toBe(clock.now)
    expect(practice.score.answered).toBe(6)
  })
})

describe('review', () => {
  /** A review of f-q04, missed a day ago. */
  async function startReview() {
    const harness = await storeHarness()
    await useReviewStore().record([{ itemId: 'f-q04', grade: { state: 'incorrect', score: 0, max: 1 } }])
    clock.advance(DAY)
    const session = useCheckSessionStore()
    await session.start(reviewSession(COURSE), LEARNER)
    return { ...harness, session }
  }

  it('writes its attempt only at the first check, so opening and leaving writes nothing', async () => {
    const { session, db } = await startReview()
    expect(session.item?.id).toBe('f-q04')
    expect(await db.attempts.count()).toBe(0)
    session.draft = answerFor(session.item!, true)
    await session.check()
    expect(await db.attempts.toArray()).toMatchObject([{ mode: 'practice', sourceId: 'review', submittedAt: null }])
    expect(await db.responses.count()).toBe(1)
  })

  it('offers no second try', async () => {
    const { session } = await startReview()
    session.draft = answerFor(session.item!, false)
    await session.check()
    session.tryAgain()
    expect(session.canTryAgain).toBe(false)
    expect(session.grade?.state).toBe('incorrect')
  })
})
