import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { answerAndCheck, button, openCheckPage } from './checkPage.ts'
import { COURSE, LEARNER, manualClock, MINUTE, realClock, RIGHT, seedCardDue, seedMissedCard, WRONG } from './seed.ts'

enableAutoUnmount(afterEach)
afterEach(realClock)

const PATH = '/course/river-brief/review'
const MISSED_AT = new Date(2030, 0, 7, 15, 0).getTime()

const openReview = (seed: (db: DebriefDb) => Promise<void>, ready?: string) => openCheckPage(PATH, seed, ready)

const cardOf = async (db: DebriefDb, itemId: string) => (await db.reviewCards.get([LEARNER, COURSE, itemId]))?.card

describe('review', () => {
  it('asks a missed item again once it is due', async () => {
    manualClock(MISSED_AT + 10 * MINUTE)
    const app = await openReview((db) => seedMissedCard(db, 'f-q04', MISSED_AT))
    expect(app.wrapper.find('.practice-question__position').text()).toBe('Question 1 of 1')
    expect(app.wrapper.find('.practice-question').text()).toContain('What must be repaired to avoid more flooding?')
  })

  it('shows the explanation and the evidence passage after checking', async () => {
    manualClock(MISSED_AT + 10 * MINUTE)
    const app = await openReview((db) => seedMissedCard(db, 'f-q04', MISSED_AT))
    await answerAndCheck(app, RIGHT)
    expect(app.wrapper.find('.question-feedback__state').text()).toBe('Correct')
    expect(app.wrapper.findAll('figure.evidence').map((f) => f.attributes('data-passage'))).toEqual(['p-outlook'])
  })

  it('reschedules a known item for later', async () => {
    const clock = manualClock(MISSED_AT + 10 * MINUTE)
    const app = await openReview((db) => seedMissedCard(db, 'f-q04', MISSED_AT))
    const before = (await cardOf(app.db, 'f-q04'))!.due
    await answerAndCheck(app, RIGHT)
    await vi.waitFor(async () => expect((await cardOf(app.db, 'f-q04'))!.due).toBeGreaterThan(clock.now))
    expect((await cardOf(app.db, 'f-q04'))!.due).toBeGreaterThan(before)
  })

  it('brings a missed item back soon', async () => {
    const clock = manualClock(MISSED_AT + 10 * MINUTE)
    const app = await openReview((db) => seedMissedCard(db, 'f-q04', MISSED_AT))
    await answerAndCheck(app, WRONG)
    await vi.waitFor(async () => expect((await cardOf(app.db, 'f-q04'))!.due).toBeGreaterThan(clock.now))
    expect((await cardOf(app.db, 'f-q04'))!.due).toBeLessThanOrEqual(clock.now + 60 * MINUTE)
  })

  it('saves each review answer in a practice attempt, as mastery evidence', async () => {
    manualClock(MISSED_AT + 10 * MINUTE)
    const app = await openReview((db) => seedMissedCard(db, 'f-q04', MISSED_AT))
    await answerAndCheck(app, RIGHT)
    await vi.waitFor(async () => expect(await app.db.responses.toArray()).toMatchObject([{ itemId: 'f-q04', answer: RIGHT['f-q04'] }]))
    expect(await app.db.attempts.toArray()).toMatchObject([{ mode: 'practice', sourceId: 'review', learnerId: LEARNER }])
  })

  it('sums up the session and closes its attempt at the end', async () => {
    manualClock(MISSED_AT + 10 * MINUTE)
    const app = await openReview(async (db) => {
      await seedMissedCard(db, 'f-q04', MISSED_AT)
      await seedMissedCard(db, 'f-q03', MISSED_AT - MINUTE)
    })
    await answerAndCheck(app, RIGHT)
    await button(app.wrapper, 'Next question').trigger('click')
    await vi.waitFor(() => expect(app.session.index).toBe(1))
    await answerAndCheck(app, WRONG)
    await button(app.wrapper, 'Finish the review').trigger('click')
    await vi.waitFor(() => expect(app.wrapper.find('.review-done').exists()).toBe(true))
    expect(app.wrapper.find('.review-done').text()).toContain('You reviewed 2 questions and got 1 right.')
    await vi.waitFor(async () => expect((await app.db.attempts.toArray())[0]!.submittedAt).not.toBeNull())
  })

  it('says when the next review is due when nothing is due now', async () => {
    manualClock(MISSED_AT)
    const app = await openReview((db) => seedCardDue(db, 'f-q01', new Date(2030, 0, 8, 9, 30).getTime()), '.review-done')
    expect(app.wrapper.find('.review-done__status').text()).toMatch(/^Nothing to review now\. Your next review is due tomorrow at 0?9:30( AM)?\.$/)
    expect(app.wrapper.find('.review-done a').text()).toBe('Back to the course')
  })

  it('explains that practised questions join the schedule when there are no cards yet', async () => {
    const app = await openReview(async () => {}, '.review-done')
    expect(app.wrapper.find('.review-done__status').text()).toBe('Nothing to review yet. The questions you practise join your review schedule.')
    expect(await app.db.attempts.count()).toBe(0)
  })
})
