import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { answerAndCheck, button, openCheckPage, type CheckPage } from './checkPage.ts'
import { RIGHT, seedPractice, WRONG } from './seed.ts'

enableAutoUnmount(afterEach)

const PATH = '/course/river-brief/lesson/l1-flood/practice'

const openPractice = (seed?: (db: DebriefDb) => Promise<unknown>, ready?: string) => openCheckPage(PATH, seed, ready)

/** An open run (no answers yet) whose first question is `itemId`. */
const startsWith = (itemId: string) => async (db: DebriefDb) => {
  await seedPractice(db, { id: 'run-1', at: 1_000, first: itemId })
}

/** Moves on and waits until the next question (or the summary) is on screen. */
async function goOn(app: CheckPage, label: string) {
  const index = app.session.index
  await button(app.wrapper, label).trigger('click')
  await vi.waitFor(() => expect(app.session.index).toBe(index + 1))
  await flushPromises()
}

describe('practice', () => {
  it('shows the lesson title and the first of the lesson’s questions', async () => {
    const { wrapper } = await openPractice()
    expect(wrapper.find('h1').text()).toBe('Practice: The flood and what comes next')
    expect(wrapper.find('.practice-question__position').text()).toBe('Question 1 of 6')
  })

  it('keeps "Check answer" disabled until something is answered', async () => {
    const app = await openPractice()
    expect(button(app.wrapper, 'Check answer').attributes('disabled')).toBeDefined()
    app.session.draft = RIGHT[app.session.item!.id]!
    await flushPromises()
    expect(button(app.wrapper, 'Check answer').attributes('disabled')).toBeUndefined()
  })

  it('shows feedback with the evidence passage and saves the first try', async () => {
    const app = await openPractice(startsWith('f-q01'))
    const item = app.session.item!
    await answerAndCheck(app, WRONG)
    const feedback = app.wrapper.find('.question-feedback')
    expect(feedback.find('.question-feedback__state').text()).toBe('Not quite')
    expect(feedback.text()).toContain(item.explanation)
    expect(feedback.findAll('figure.evidence').map((f) => f.attributes('data-passage'))).toEqual(item.passages)
    expect(document.activeElement?.classList.contains('question-feedback__state')).toBe(true)
    await vi.waitFor(async () => expect(await app.db.responses.toArray()).toMatchObject([{ itemId: item.id, answer: WRONG[item.id], seq: 1 }]))
  })

  it('does not save a second response when the learner tries again', async () => {
    const app = await openPractice(startsWith('f-q01'))
    const item = app.session.item!
    await answerAndCheck(app, WRONG)
    await button(app.wrapper, 'Try again').trigger('click')
    expect(app.wrapper.find('.question-feedback').exists()).toBe(false)
    expect(app.session.item!.id).toBe(item.id)
    await answerAndCheck(app, RIGHT)
    expect(app.wrapper.find('.question-feedback__state').text()).toBe('Correct')
    expect(await app.db.responses.toArray()).toMatchObject([{ itemId: item.id, answer: WRONG[item.id] }])
  })

  it('still shows the feedback, and says why, when the first try cannot be saved', async () => {
    const app = await openPractice(startsWith('f-q01'))
    app.db.close()
    await answerAndCheck(app, WRONG)
    expect(app.wrapper.find('.question-feedback__state').text()).toBe('Not quite')
    await vi.waitFor(() => expect(app.wrapper.find('main [role="alert"]').text()).toBe('Debrief lost its connection to storage on this device. Reload the page to keep saving your work.'))
  })

  it('goes on to the next question', async () => {
    const app = await openPractice()
    const first = app.session.item!.id
    await answerAndCheck(app, RIGHT)
    await goOn(app, 'Next question')
    expect(app.wrapper.find('.practice-question__position').text()).toBe('Question 2 of 6')
    expect(app.session.item!.id).not.toBe(first)
    expect(app.wrapper.find('.question-feedback').exists()).toBe(false)
  })

  it('resumes an unfinished run at the first unanswered question', async () => {
    let run: Awaited<ReturnType<typeof seedPractice>> | undefined
    const app = await openPractice(async (db) => {
      run = await seedPractice(db, { id: 'run-1', at: 1_000, answers: {} })
      const [a, b] = run.slots
      await seedPractice(db, { id: 'other', at: 500, submitted: true })
      // The first two slots of run-1 were answered before the learner left.
      for (const slot of [a!, b!]) {
        await db.responses.put({ attemptId: 'run-1', itemId: slot.itemId, answer: RIGHT[slot.itemId]!, flagged: false, savedAt: 1_000, seq: 1 })
      }
    })
    expect(app.session.attempt!.id).toBe('run-1')
    expect(app.wrapper.find('.practice-question__position').text()).toBe('Question 3 of 6')
    expect(app.session.item!.id).toBe(run!.slots[2]!.itemId)
  })

  it('says that a written answer’s score is provisional and the instructor’s grade is final', async () => {
    const app = await openPractice(startsWith('f-q06'))
    expect(app.session.item!.id).toBe('f-q06')
    expect(app.wrapper.find('.practice-freetext__note').text()).toContain('provisional: your instructor\'s grade is final')
    await answerAndCheck(app, RIGHT)
    expect(app.wrapper.find('.practice-freetext__model').text()).toContain('Because the levee has not been repaired')
  })

  it('ends with the first-try score, what it means for mastery and where to go next', async () => {
    const app = await openPractice()
    for (let i = 0; i < 6; i++) {
      // Everything right except the written answer (its provisional score is 0 of 2).
      await answerAndCheck(app, app.session.item!.id === 'f-q06' ? WRONG : RIGHT)
      await goOn(app, i < 5 ? 'Next question' : 'Finish and see your score')
    }
    const summary = app.wrapper.find('.practice-summary')
    expect(summary.find('.practice-summary__score').text()).toBe('First-try score: 5 of 7 (71%) over 6 questions.')
    expect(summary.text()).toContain('What this means for your mastery')
    expect(summary.findAll('.mastery__row')).toHaveLength(2)
    expect(summary.findAll('a').map((a) => a.text())).toEqual(['Review due items', 'Back to the course'])
    await vi.waitFor(async () => expect((await app.db.attempts.get(app.session.attempt!.id))?.submittedAt).not.toBeNull())
  })

  it('starts a fresh run when the learner practises again', async () => {
    const app = await openPractice((db) => seedPractice(db, { id: 'done-run', at: 1_000, answers: RIGHT }), '.practice-summary')
    await button(app.wrapper, 'Practise again').trigger('click')
    await vi.waitFor(() => expect(app.wrapper.find('.practice-question__position').text()).toBe('Question 1 of 6'))
    expect(app.session.attempt!.id).not.toBe('done-run')
    expect(await app.db.attempts.count()).toBe(2)
  })
})
