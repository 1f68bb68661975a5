/**
 * Saying how sure you are while taking an assessment with `certainty: true` (the fixture's "sure"
 * blueprint): the radio group, its commit with the answer, reload, and the submit dialog's note.
 * The quiz without certainty shows no group. Chromium's keyboard is in tests/e2e/certainty.test.ts.
 */
import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useStorageStore } from '../../../src/stores/storage.ts'
import { addLearner, handAttempt, manualClock, mountOn, reload, storeAttempt } from './assessmentApp.ts'
import { addSureBlueprint } from '../calibration/sureBlueprint.ts'

// Each commit can be held at the door, so the test sees the page while IndexedDB has not committed.
const gate = vi.hoisted(() => ({ hold: undefined as Promise<void> | undefined }))
vi.mock('../../../src/db/attempts.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/db/attempts.ts')>()
  return {
    ...real,
    commitResponse: async (...args: Parameters<typeof real.commitResponse>) => {
      await gate.hold
      return real.commitResponse(...args)
    },
  }
})

enableAutoUnmount(afterEach)
addSureBlueprint()
beforeEach(() => {
  manualClock()
  sessionStorage.clear()
  gate.hold = undefined
})

const ITEMS = ['f-q01', 'f-q02', 'f-q04']

async function open(blueprintId = 'sure') {
  const app = await mountOn('/course/river-brief/attempt/att', {
    seed: async (db) => {
      await addLearner(db)
      await storeAttempt(db, await handAttempt({ id: 'att', blueprintId, itemIds: ITEMS }))
    },
  })
  await vi.waitFor(() => expect(app.wrapper.find('.question-choice input').exists()).toBe(true))
  return app
}

const status = (w: VueWrapper) => w.find('.assessment-save__text').text()
const radios = (w: VueWrapper) => w.findAll<HTMLInputElement>('.certainty input[type="radio"]')
const checked = (w: VueWrapper) => radios(w).findIndex((r) => r.element.checked)

describe('certainty while taking an assessment', () => {
  it('is one fieldset with a legend and three native radios of one name (one tab stop; arrow keys move within it), and passes axe', async () => {
    const { wrapper } = await open()
    const group = wrapper.find('fieldset.certainty')
    expect(group.find('legend').text()).toBe('How sure are you?')
    expect(radios(wrapper).map((r) => r.element.parentElement!.textContent!.trim())).toEqual(['Not sure', 'Fairly sure', 'Very sure'])
    expect(new Set(radios(wrapper).map((r) => r.attributes('name')))).toEqual(new Set(['certainty-f-q01']))
    expect(checked(wrapper)).toBe(-1)
    const result = await axe.run(group.element, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    expect(result.violations).toEqual([])
  })

  it('is not asked on an assessment without certainty', async () => {
    const { wrapper } = await open('final')
    expect(wrapper.find('.certainty').exists()).toBe(false)
  })

  it('is saved with the answer in one commit, and said "Saved" only once that commit is in IndexedDB', async () => {
    const { wrapper } = await open()
    const responses = useStorageStore().database().responses
    await wrapper.find('.question-choice input').setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    expect((await responses.get(['att', 'f-q01']))?.certainty).toBeUndefined()

    let release!: () => void
    gate.hold = new Promise((resolve) => (release = resolve))
    await radios(wrapper)[2]!.setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saving…'))
    expect(checked(wrapper)).toBe(2)
    expect((await responses.get(['att', 'f-q01']))?.certainty).toBeUndefined()

    release()
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    // The answer and its certainty in the same row, written by the same commit.
    expect(await responses.get(['att', 'f-q01'])).toMatchObject({ answer: { type: 'single', optionId: 'a' }, certainty: 3, seq: 2 })
  })

  it('keeps the certainty across a flag and a reload', async () => {
    const app = await open()
    await app.wrapper.find('.question-choice input').setValue(true)
    await radios(app.wrapper)[1]!.setValue(true)
    await vi.waitFor(() => expect(status(app.wrapper)).toBe('Saved'))
    await app.wrapper.find('.assessment-question__flag').trigger('click')
    await vi.waitFor(() => expect(status(app.wrapper)).toBe('Saved'))
    const db = useStorageStore().database()
    expect(await db.responses.get(['att', 'f-q01'])).toMatchObject({ flagged: true, certainty: 2 })

    const again = await reload(app)
    await vi.waitFor(() => expect(again.wrapper.find('.certainty').exists()).toBe(true))
    // The attempt reopens at its first unanswered question; question 1 is one step back.
    expect(again.wrapper.find('.question-item').attributes('data-item-id')).toBe('f-q02')
    expect(checked(again.wrapper)).toBe(-1)
    await again.wrapper.findAll('button').find((b) => b.text() === 'Previous')!.trigger('click')
    await vi.waitFor(() => expect(again.wrapper.find('[data-item-id="f-q01"] .certainty').exists()).toBe(true))
    expect(checked(again.wrapper)).toBe(1)
  })

  it('a certainty given before the answer is kept when the answer comes', async () => {
    const { wrapper } = await open()
    await radios(wrapper)[0]!.setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    await wrapper.find('.question-choice input').setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    expect(await useStorageStore().database().responses.get(['att', 'f-q01'])).toMatchObject({ answer: { type: 'single', optionId: 'a' }, certainty: 1 })
  })

  it('says before submit how many answered questions have no certainty, and that they count as "not sure"', async () => {
    const { wrapper } = await open()
    // Question 1: answered, very sure. Question 2: answered, no certainty. Question 3: not answered.
    await wrapper.find('.question-choice input').setValue(true)
    await radios(wrapper)[2]!.setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    await wrapper.findAll('button').find((b) => b.text() === 'Next')!.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-item-id="f-q02"] input').exists()).toBe(true))
    await wrapper.find('[data-item-id="f-q02"] input').setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    await wrapper.findAll('button').find((b) => b.text() === 'Finish and submit…')!.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.assessment-submit__uncertain').exists()).toBe(true))
    expect(wrapper.find('.assessment-submit__uncertain').text()).toBe("You did not say how sure you were for 1 question: they count as 'not sure'.")
  })
})
