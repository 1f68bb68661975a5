import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SERVICE_WORKER_DELAY_MS } from '../../../src/components/app/serviceWorkerStart.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { stub } from '../pwaRegisterStub.ts'
import { addLearner, FINAL_ITEMS, handAttempt, manualClock, MINUTE, mountOn, reload, START, storeAttempt } from './assessmentApp.ts'

enableAutoUnmount(afterEach)

const PATH = '/course/river-brief/attempt/att'
const DEADLINE = START + 10 * MINUTE
let clock: ReturnType<typeof manualClock>

beforeEach(() => {
  clock = manualClock()
  sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
  stub.needRefresh.value = false
})

async function seedOpen(db: DebriefDb) {
  await addLearner(db)
  await storeAttempt(db, await handAttempt({ id: 'att', itemIds: FINAL_ITEMS }))
}

/** The page reads the attempt from IndexedDB after mounting; wait until a question is on screen. */
async function questionShown(w: VueWrapper) {
  await vi.waitFor(() => expect(w.find('#assessment-question-heading').exists()).toBe(true))
}

async function openFinal() {
  const app = await mountOn(PATH, { seed: seedOpen })
  await questionShown(app.wrapper)
  return app
}

const heading = (w: VueWrapper) => w.find('#assessment-question-heading').text()
const status = (w: VueWrapper) => w.find('.assessment-save__text').text()
const flagButton = (w: VueWrapper) => w.find('.assessment-question__flag')
const paletteLabels = (w: VueWrapper) => w.findAll('.assessment-palette__button').map((b) => b.attributes('aria-label'))
const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text() === text)!

async function chooseFirstOption(w: VueWrapper) {
  await w.find('.question-choice input').setValue(true)
}

describe('taking an assessment', () => {
  it('shows one question at a time with its number, the palette and the time left', async () => {
    const { wrapper } = await openFinal()
    expect(heading(wrapper)).toBe('Question 1 of 4')
    expect(wrapper.find('legend').text()).toContain('How sure is the brief that the river burst its banks?')
    expect(paletteLabels(wrapper)).toEqual(['Question 1, unanswered', 'Question 2, unanswered', 'Question 3, unanswered', 'Question 4, unanswered'])
    expect(wrapper.find('.assessment-palette__button').attributes('aria-current')).toBe('step')
    expect(wrapper.find('[role="timer"]').text()).toBe('10:00')
  })

  it('moves to the next question and back with the step buttons', async () => {
    const { wrapper } = await openFinal()
    expect(button(wrapper, 'Previous').attributes('disabled')).toBeDefined()
    await button(wrapper, 'Next').trigger('click')
    await flushPromises()
    expect(heading(wrapper)).toBe('Question 2 of 4')
    expect(wrapper.findAll('.assessment-palette__button')[1]!.attributes('aria-current')).toBe('step')
    expect(document.activeElement?.id).toBe('assessment-question-heading')
    await button(wrapper, 'Previous').trigger('click')
    await flushPromises()
    expect(heading(wrapper)).toBe('Question 1 of 4')
  })

  it('toggles the flag, shows it with aria-pressed and stores it', async () => {
    const { wrapper, db } = await openFinal()
    expect(flagButton(wrapper).attributes('aria-pressed')).toBe('false')
    await flagButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(flagButton(wrapper).attributes('aria-pressed')).toBe('true'))
    expect((await db.responses.get(['att', 'f-q01']))?.flagged).toBe(true)
    await flagButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(flagButton(wrapper).attributes('aria-pressed')).toBe('false'))
    expect((await db.responses.get(['att', 'f-q01']))?.flagged).toBe(false)
  })

  it('shows answered and flagged questions in the palette in words', async () => {
    const { wrapper } = await openFinal()
    await chooseFirstOption(wrapper)
    await wrapper.findAll('.assessment-palette__button')[1]!.trigger('click')
    await flushPromises()
    await flagButton(wrapper).trigger('click')
    await vi.waitFor(() =>
      expect(paletteLabels(wrapper)).toEqual([
        'Question 1, answered',
        'Question 2, unanswered, flagged',
        'Question 3, unanswered',
        'Question 4, unanswered',
      ]),
    )
    expect(wrapper.find('.assessment-bar__counts').text()).toBe('1 of 4 answered · 1 flagged')
  })

  it('saves a typed answer after a pause in typing, not on every key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, db } = await openFinal()
    await wrapper.findAll('.assessment-palette__button')[2]!.trigger('click')
    await flushPromises()
    await wrapper.find('.question-text input').setValue('the lev')
    await wrapper.find('.question-text input').setValue('the levee')
    expect(status(wrapper)).toBe('Saving…')
    await flushPromises()
    expect(await db.responses.get(['att', 'f-q04'])).toBeUndefined()
    vi.advanceTimersByTime(400)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    expect(await db.responses.get(['att', 'f-q04'])).toMatchObject({ answer: { type: 'short', text: 'the levee' }, seq: 1 })
  })

  it('saves a typed answer at once when the learner leaves the field', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, db } = await openFinal()
    await wrapper.findAll('.assessment-palette__button')[2]!.trigger('click')
    await flushPromises()
    const input = wrapper.find('.question-text input')
    await input.setValue('levee')
    await input.trigger('focusout')
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    expect((await db.responses.get(['att', 'f-q04']))?.answer).toEqual({ type: 'short', text: 'levee' })
  })

  it('comes back after a reload with the answers, flags, question and deadline as they were', async () => {
    const first = await openFinal()
    await chooseFirstOption(first.wrapper)
    await vi.waitFor(() => expect(status(first.wrapper)).toBe('Saved'))
    await first.wrapper.findAll('.assessment-palette__button')[1]!.trigger('click')
    await flushPromises()
    await flagButton(first.wrapper).trigger('click')
    await vi.waitFor(() => expect(flagButton(first.wrapper).attributes('aria-pressed')).toBe('true'))
    clock.advance(3 * MINUTE)

    const { wrapper, db } = await reload(first)
    await questionShown(wrapper)
    expect(heading(wrapper)).toBe('Question 2 of 4')
    expect(flagButton(wrapper).attributes('aria-pressed')).toBe('true')
    expect(paletteLabels(wrapper).slice(0, 2)).toEqual(['Question 1, answered', 'Question 2, unanswered, flagged'])
    expect(wrapper.find('[role="timer"]').text()).toBe('07:00')
    expect((await db.attempts.get('att'))?.deadline).toBe(DEADLINE)
    await wrapper.findAll('.assessment-palette__button')[0]!.trigger('click')
    await flushPromises()
    expect((wrapper.find('.question-choice input').element as HTMLInputElement).checked).toBe(true)
    expect(status(wrapper)).toBe('Saved')
  })

  it('lists the unanswered questions before submitting and goes to one', async () => {
    const { wrapper } = await openFinal()
    await chooseFirstOption(wrapper)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    await button(wrapper, 'Finish and submit…').trigger('click')
    // The dialog's code loads when first asked for.
    await vi.waitFor(() => expect(wrapper.find('dialog').attributes('open')).toBeDefined())
    await flushPromises()
    const dialog = wrapper.find('dialog')
    expect(dialog.text()).toContain('You have answered 1 of 4 questions.')
    expect(dialog.find('[data-group="unanswered"] h3').text()).toBe('3 questions not answered')
    expect(dialog.findAll('[data-group="unanswered"] button').map((b) => b.text())).toEqual(['Go to question 2', 'Go to question 3', 'Go to question 4'])
    expect(document.activeElement?.textContent).toBe('Keep working')
    await dialog.findAll('[data-group="unanswered"] button')[1]!.trigger('click')
    await flushPromises()
    expect(wrapper.find('dialog').attributes('open')).toBeUndefined()
    expect(heading(wrapper)).toBe('Question 3 of 4')
  })

  it('submits on "Submit now" and shows the result', async () => {
    const { wrapper, router, db } = await openFinal()
    await chooseFirstOption(wrapper)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    clock.advance(MINUTE)
    await button(wrapper, 'Finish and submit…').trigger('click')
    // The dialog's code loads when first asked for.
    await vi.waitFor(() => expect(wrapper.find('dialog').attributes('open')).toBeDefined())
    await button(wrapper, 'Submit now').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt-result'))
    expect(await db.attempts.get('att')).toMatchObject({ submittedAt: START + MINUTE, submitReason: 'learner' })
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('Your result: Final check')
  })

  it('announces five minutes left and one minute left to screen readers, once each', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { wrapper } = await openFinal()
    const announcement = () => wrapper.find('[data-timer-announcement]')
    expect(announcement().attributes('aria-live')).toBe('assertive')
    expect(wrapper.find('[role="timer"]').attributes('aria-live')).toBe('off')
    clock.set(DEADLINE - 5 * MINUTE - 1000)
    await vi.advanceTimersByTimeAsync(1000)
    expect(announcement().text()).toBe('')
    clock.set(DEADLINE - 5 * MINUTE)
    await vi.advanceTimersByTimeAsync(1000)
    expect(announcement().text()).toBe('5 minutes left')
    expect(wrapper.find('[role="timer"]').text()).toBe('05:00')
    clock.set(DEADLINE - 2 * MINUTE)
    await vi.advanceTimersByTimeAsync(1000)
    expect(announcement().text()).toBe('5 minutes left')
    clock.set(DEADLINE - 30_000)
    await vi.advanceTimersByTimeAsync(1000)
    expect(announcement().text()).toBe('1 minute left')
  })

  it('submits the saved answers when time runs out and says so on the result', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { wrapper, router, db } = await openFinal()
    await chooseFirstOption(wrapper)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    clock.set(DEADLINE + 400)
    await vi.advanceTimersByTimeAsync(1000)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt-result'))
    expect(await db.attempts.get('att')).toMatchObject({ submittedAt: DEADLINE, submitReason: 'deadline' })
    await flushPromises()
    expect(wrapper.text()).toContain('Time ran out, so your saved answers were submitted for you.')
    expect(wrapper.find('.result-summary__percent').text()).toBe('25%')
  })

  it('submits and shows the result when an answer comes in after the deadline, before the timer ticks', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { wrapper, router, db } = await openFinal()
    clock.set(DEADLINE + 500)
    await chooseFirstOption(wrapper)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt-result'))
    expect(await db.attempts.get('att')).toMatchObject({ submittedAt: DEADLINE, submitReason: 'deadline' })
    expect(await db.responses.get(['att', 'f-q01'])).toBeUndefined()
  })

  it('does not offer an app update while the assessment is open, and does after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    stub.needRefresh.value = true
    const { wrapper, router } = await openFinal()
    // The update prompt (with the service worker) starts a moment after the page has loaded.
    vi.advanceTimersByTime(SERVICE_WORKER_DELAY_MS)
    await vi.waitFor(() => expect(wrapper.find('[data-update]').attributes('data-update')).toBe('held'))
    expect(wrapper.text()).not.toContain('Update now')
    await router.push('/course/river-brief')
    await vi.waitFor(() => expect(wrapper.text()).toContain('Update now'))
  })

  it('goes straight to the result of an attempt already submitted', async () => {
    const done = await handAttempt({ id: 'done', itemIds: FINAL_ITEMS, submittedAt: START + MINUTE })
    const { router } = await mountOn('/course/river-brief/attempt/done', { seed: async (db) => (await addLearner(db), await storeAttempt(db, done)) })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt-result'))
  })

  it('says plainly when the attempt belongs to another profile', async () => {
    const theirs = await handAttempt({ id: 'theirs', itemIds: FINAL_ITEMS, learnerId: 'ben' })
    const { wrapper } = await mountOn('/course/river-brief/attempt/theirs', { seed: async (db) => (await addLearner(db), await storeAttempt(db, theirs)) })
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('This attempt belongs to another profile'))
    expect(wrapper.find('.question-item').exists()).toBe(false)
  })

  it('says plainly when the attempt does not exist', async () => {
    const { wrapper } = await mountOn('/course/river-brief/attempt/nope', { seed: (db) => addLearner(db) })
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('We could not find this attempt'))
  })
})
