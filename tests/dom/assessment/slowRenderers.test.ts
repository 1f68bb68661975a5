import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setRendererLoader, type Family } from '../../../src/components/question/renderers.ts'
import { useAssessmentStore } from '../../../src/stores/assessment.ts'
import { manualClock, mountAttempt } from './assessmentApp.ts'

// Question 1 is a choice (its renderer loads at once); 2 is typed text, 3 a cloze, 4 a choice.
const ITEMS = ['f-q01', 'f-q04', 'f-q05', 'f-q02']

/** The renderer loader the app uses, held at a gate the test opens (a slow network), or failing (offline). */
const loading = { gate: Promise.resolve(), open: () => {}, failing: new Set<Family>() }
function holdRenderers() {
  loading.gate = new Promise((resolve) => (loading.open = resolve))
}

enableAutoUnmount(afterEach)
beforeEach(() => {
  manualClock()
  sessionStorage.clear()
  loading.failing.clear()
  loading.gate = Promise.resolve()
  // Forget the renderers the test setup preloaded: these tests see them arrive.
  setRendererLoader(async (family, real) => {
    if (family === 'choice') return real()
    await loading.gate
    if (loading.failing.has(family)) throw new TypeError('Failed to fetch dynamically imported module')
    return real()
  })
})
afterAll(() => setRendererLoader())

async function openAttempt() {
  const app = await mountAttempt(ITEMS)
  await vi.waitFor(() => expect(app.wrapper.find('.question-choice input').exists()).toBe(true))
  return app
}

const heading = (w: VueWrapper) => w.find('#assessment-question-heading').text()
const question = (w: VueWrapper) => w.find('.assessment-question .question-item')
const next = (w: VueWrapper) => w.findAll('button').find((b) => b.text() === 'Next')!

describe('moving on while the next question’s renderer loads', () => {
  it('shows the next question’s placeholder at once, with nothing of question 1 left to click', async () => {
    const { wrapper, db } = await openAttempt()
    holdRenderers()
    await next(wrapper).trigger('click')

    expect(heading(wrapper)).toBe('Question 2 of 4')
    expect(question(wrapper).attributes()).toMatchObject({ 'data-item-id': 'f-q04', 'data-state': 'loading' })
    expect(question(wrapper).find('.question-item__loading').text()).toContain('What must be repaired to avoid more flooding?')
    expect(wrapper.findAll('.assessment-question input, .assessment-question select, .assessment-question textarea')).toHaveLength(0)
    expect(document.querySelectorAll('input[name="q-f-q01"]')).toHaveLength(0)
    expect(wrapper.find('.assessment-question__tools').attributes('inert')).toBeDefined()
    expect(document.activeElement?.id).toBe('assessment-question-heading')

    loading.open()
    await vi.waitFor(() => expect(question(wrapper).attributes('data-state')).toBe('ready'))
    expect(wrapper.find('.question-text input').exists()).toBe(true)
    expect(wrapper.find('.assessment-question__tools').attributes('inert')).toBeUndefined()
    expect(useAssessmentStore().answers['f-q01']).toBeUndefined()
    expect(await db.responses.get(['att', 'f-q01'])).toBeUndefined()
  })

  it('moves two questions on a quick double Next', async () => {
    const { wrapper } = await openAttempt()
    holdRenderers()
    const button = next(wrapper).element as HTMLButtonElement
    button.click()
    button.click()
    await vi.waitFor(() => expect(heading(wrapper)).toBe('Question 3 of 4'))
    expect(question(wrapper).attributes('data-item-id')).toBe('f-q05')

    loading.open()
    await vi.waitFor(() => expect(wrapper.find('.question-cloze').exists()).toBe(true))
    expect(sessionStorage.getItem('debrief:attempt-position:att')).toBe('2')
  })

  it('says so when a renderer cannot be loaded, and "Try again" brings the question', async () => {
    const { wrapper } = await openAttempt()
    loading.failing.add('text')
    await next(wrapper).trigger('click')
    await vi.waitFor(() => expect(question(wrapper).attributes('data-state')).toBe('failed'))
    expect(question(wrapper).find('[role="alert"]').text()).toContain('This question could not be loaded. Check your connection, then try again.')
    expect(wrapper.findAll('.assessment-question input')).toHaveLength(0)

    loading.failing.clear()
    await question(wrapper).findAll('button').find((b) => b.text() === 'Try again')!.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.question-text input').exists()).toBe(true))
    expect(question(wrapper).find('[role="alert"]').exists()).toBe(false)
  })
})
