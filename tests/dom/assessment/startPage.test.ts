import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useStorageStore } from '../../../src/stores/storage.ts'
import { addLearner, handAttempt, manualClock, MINUTE, mountOn, START, storeAttempt } from './assessmentApp.ts'

enableAutoUnmount(afterEach)
beforeEach(() => {
  manualClock()
})

const FINAL = '/course/river-brief/assessment/final'

describe('assessment start page', () => {
  it('tells a new learner what the final involves before it starts', async () => {
    const { wrapper } = await mountOn(FINAL, { seed: (db) => addLearner(db) })
    expect(wrapper.find('h1').text()).toBe('Final check')
    const text = wrapper.text()
    expect(text).toContain('4 questions')
    expect(wrapper.find('[data-fact="time"]').text()).toBe('10 minutes')
    expect(wrapper.find('[data-fact="attempts"]').text()).toBe('0 of 2 used, 2 left.')
    expect(text).toContain('70%')
    expect(text).toContain('Your highest grade counts.')
    expect(text).toContain('Your saved answers are submitted automatically when time runs out, even if you close the app.')
    expect(text).toContain(
      'After you submit, you see your score. Once you have used all your attempts, you also see your answers, feedback with the evidence from the brief and the right answers.',
    )
    expect(wrapper.find('button.button').text()).toBe('Start')
  })

  it('shows the time limit with the learner’s extra time', async () => {
    const { wrapper } = await mountOn(FINAL, { seed: (db) => addLearner(db, { multiplier: 1.25, extraMinutes: 2 }) })
    expect(wrapper.find('[data-fact="time"]').text()).toBe('10 minutes. You have 14 minutes 30 seconds (extra time).')
  })

  it('says an untimed quiz has no time limit and no time-out rule', async () => {
    const { wrapper } = await mountOn('/course/river-brief/assessment/quiz-l1', { seed: (db) => addLearner(db) })
    expect(wrapper.find('[data-fact="time"]').text()).toBe('No time limit')
    expect(wrapper.text()).not.toContain('when time runs out')
    expect(wrapper.find('[data-fact="attempts"]').text()).toBe('As many as you like; you have used 0.')
  })

  it('tells the learner of a quiz when the right answers will show', async () => {
    const { wrapper } = await mountOn('/course/river-brief/assessment/quiz-l1', { seed: (db) => addLearner(db) })
    expect(wrapper.find('[data-fact="review"]').text()).toBe(
      'After you submit, you see your score, your answers and feedback on what you got right. ' +
        'Once you pass or after your third attempt, you also see the right answers, with the explanations and the evidence from the brief.',
    )
  })

  it('starts an attempt with the extra time in its deadline and opens it', async () => {
    const { wrapper, router, db } = await mountOn(FINAL, { seed: (db) => addLearner(db, { extraMinutes: 5 }) })
    await wrapper.find('button.button').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt'))
    const stored = await db.attempts.get(router.currentRoute.value.params.attemptId as string)
    expect(stored?.deadline).toBe(START + 15 * MINUTE)
    await vi.waitFor(() => expect(wrapper.find('#assessment-question-heading').text()).toBe('Question 1 of 4'))
  })

  it('offers to resume an attempt in progress instead of starting another', async () => {
    const open = await handAttempt({ id: 'open-1', itemIds: ['f-q01'] })
    const { wrapper } = await mountOn(FINAL, { seed: async (db) => (await addLearner(db), await storeAttempt(db, open)) })
    const resume = wrapper.find('a.button')
    expect(resume.text()).toBe('Resume your attempt')
    expect(resume.attributes('href')).toBe('/course/river-brief/attempt/open-1')
    expect(wrapper.findAll('button').filter((b) => b.text() === 'Start')).toHaveLength(0)
    expect(wrapper.find('[data-fact="attempts"]').text()).toBe('1 of 2 used, 1 left.')
  })

  it('says plainly when no attempts are left, lists the earlier ones and offers no start', async () => {
    const first = await handAttempt({ id: 'a1', itemIds: ['f-q01'], submittedAt: START + MINUTE })
    const second = await handAttempt({ id: 'a2', itemIds: ['f-q01'], startedAt: START + 2 * MINUTE, submittedAt: START + 3 * MINUTE })
    const { wrapper } = await mountOn(FINAL, {
      seed: async (db) => {
        await addLearner(db)
        await storeAttempt(db, first, { 'f-q01': { type: 'single', optionId: 'a' } })
        await storeAttempt(db, second, { 'f-q01': { type: 'single', optionId: 'b' } })
      },
    })
    expect(wrapper.find('.assessment-start__none').text()).toBe('You have used all 2 attempts at this assessment, so you cannot start another.')
    expect(wrapper.findAll('button').filter((b) => b.text() === 'Start')).toHaveLength(0)
    const rows = wrapper.findAll('.assessment-history__list li')
    expect(rows.map((r) => r.text())).toEqual([
      expect.stringContaining('100%, passed.'),
      expect.stringContaining('0%, not passed.'),
    ])
    expect(rows[0]!.find('a').attributes('href')).toBe('/course/river-brief/attempt/a1/result')
    expect(wrapper.find('.assessment-start__final').text()).toBe('Your grade for this assessment so far: 100%.')
  })

  it('explains in plain words when the attempt cannot be stored', async () => {
    const { wrapper, router } = await mountOn(FINAL, { seed: (db) => addLearner(db) })
    useStorageStore().database().close()
    await wrapper.find('button.button').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.find('[role="alert"]').text()).toBe('Debrief lost its connection to storage on this device. Reload the page to keep saving your work.')
    expect(router.currentRoute.value.name).toBe('assessment-start')
  })

  it('says plainly when the assessment does not exist', async () => {
    const { wrapper } = await mountOn('/course/river-brief/assessment/nope', { seed: (db) => addLearner(db) })
    expect(wrapper.find('h1').text()).toBe('We could not find that assessment')
  })
})
