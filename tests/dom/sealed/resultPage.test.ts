import axe from 'axe-core'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answer } from '../../../src/domain/types.ts'
import { addLearner, manualClock, MINUTE, mountOn, reload, START, storeAttempt } from '../assessment/assessmentApp.ts'
import { keyFile, keyFileFetch, sealedAttempt } from './sealedFixture.ts'

vi.mock('virtual:debrief/catalog', async (importOriginal) => ({
  ...(await importOriginal<typeof import('virtual:debrief/catalog')>()),
  sealedKeyFileUrl: (courseId: string) => `/sealed/${courseId}.json`,
}))

enableAutoUnmount(afterEach)
beforeEach(() => {
  manualClock(START + 60 * MINUTE)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

const ANSWERS: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'a' },
  'f-q02': { type: 'truefalse', value: false },
}

/** Ana's submitted attempts at the sealed final (one unless `count`), her first one's result open. */
async function showSealed(options: { count?: number; versions?: 'catalog' } = {}) {
  const app = await mountOn('/course/river-brief/attempt/s1/result', {
    seed: async (db) => {
      await addLearner(db)
      for (let i = 1; i <= (options.count ?? 1); i++) await storeAttempt(db, await sealedAttempt(`s${i}`, START + (i - 1) * 2 * MINUTE, options.versions), ANSWERS)
    },
  })
  await vi.waitFor(() => expect(app.wrapper.find('h1').text()).toMatch(/^Your result/))
  return app
}

async function enterCode(wrapper: VueWrapper, code: string) {
  await vi.waitFor(() => expect(wrapper.find('.release-code input').exists()).toBe(true))
  await wrapper.find('.release-code input').setValue(code)
  await wrapper.find('.release-code').trigger('submit')
  // Done when the form is gone (the results show) or ready again (with its reason).
  await vi.waitFor(() => expect(wrapper.find('.release-code button:disabled').exists()).toBe(false))
  await flushPromises()
}

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('the result of a sealed final before its results are released', () => {
  it('says it is submitted and the instructor will release the results, with no score or verdict', async () => {
    const { wrapper } = await showSealed()
    expect(wrapper.find('.result-page__sealed').text()).toBe('Submitted. Your instructor will release your results.')
    expect(wrapper.find('.result-summary').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/%|[Pp]assed|incorrect|[Cc]orrect answer|points/)
  })

  it('shows what was answered, read-only, with no marks', async () => {
    const { wrapper } = await showSealed()
    expect(wrapper.find('.sealed-answers__count').text()).toBe('You answered 2 of 4 questions.')
    const first = wrapper.find('[data-item="f-q01"]')
    expect((first.find('input[value="a"]').element as HTMLInputElement).checked).toBe(true)
    expect(first.find('input[value="a"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('.question-mark').exists()).toBe(false)
    expect(wrapper.find('[data-item="f-q04"] h3').text()).toBe('Question 3 (not answered)')
  })

  it('passes axe-core’s structural rules, with the release-code form', async () => {
    const { wrapper } = await showSealed()
    await vi.waitFor(() => expect(wrapper.find('.release-code input').exists()).toBe(true))
    expect(await violations()).toEqual([])
  })
})

describe('a release code on the sealed result page', () => {
  it('with the right code: stores the full items and shows the score the policy allows, from then on', async () => {
    const { file, releaseCode } = await keyFile()
    vi.stubGlobal('fetch', keyFileFetch(file))
    const app = await showSealed()
    // Typed in lower case with spaces instead of dashes: still the code.
    await enterCode(app.wrapper, releaseCode.toLowerCase().replaceAll('-', ' '))
    await vi.waitFor(() => expect(app.wrapper.find('.result-summary__percent').exists()).toBe(true))
    expect(app.wrapper.find('.result-summary__percent').text()).toBe('25%')
    expect(app.wrapper.find('.result-page__sealed').exists()).toBe(false)
    expect((await app.db.sealedItems.get('river-brief'))?.via).toBe('release-code')
    expect(await violations()).toEqual([])
    // Reloaded, offline: the device keeps the items, so the result stays.
    vi.stubGlobal('fetch', keyFileFetch('offline'))
    const again = await reload(app)
    await vi.waitFor(() => expect(again.wrapper.find('.result-summary__percent').text()).toBe('25%'))
  })

  it('after the last attempt: the review shows each answer against the full item', async () => {
    const { file, releaseCode } = await keyFile()
    vi.stubGlobal('fetch', keyFileFetch(file))
    const { wrapper } = await showSealed({ count: 2 })
    await enterCode(wrapper, releaseCode)
    await vi.waitFor(() => expect(wrapper.find('.answer-list').exists()).toBe(true))
    expect(wrapper.find('[data-item="f-q01"] .question-mark').text()).toContain('Your answer — correct')
    expect(wrapper.find('[data-item="f-q01"] .question-feedback').text()).toContain('The brief says the river "reportedly" burst its banks.')
  })

  it('with a wrong code: says so and stores nothing', async () => {
    const { file } = await keyFile()
    vi.stubGlobal('fetch', keyFileFetch(file))
    const app = await showSealed()
    await enterCode(app.wrapper, 'AAAA-BBBB-CCCC-DDDD')
    expect(app.wrapper.find('.release-code [role="alert"]').text()).toBe('That release code does not open this course’s results. Check it with your instructor.')
    expect(app.wrapper.find('.result-page__sealed').exists()).toBe(true)
    expect(await app.db.sealedItems.count()).toBe(0)
    expect(await violations()).toEqual([])
  })

  it('offline: says the key file could not be fetched and to try again online', async () => {
    vi.stubGlobal('fetch', keyFileFetch('offline'))
    const app = await showSealed()
    await enterCode(app.wrapper, 'AAAA-BBBB')
    expect(app.wrapper.find('.release-code [role="alert"]').text()).toBe(
      'The key file for this course could not be fetched: this device seems to be offline. Try again when you are online.',
    )
    expect(await app.db.sealedItems.count()).toBe(0)
  })

  it('when the server has no key file: says what it answered', async () => {
    vi.stubGlobal('fetch', keyFileFetch(404))
    const { wrapper } = await showSealed()
    await enterCode(wrapper, 'AAAA-BBBB')
    expect(wrapper.find('.release-code [role="alert"]').text()).toContain('(the server answered 404)')
  })
})

describe('a newer deployment that ships the sealed items in full', () => {
  it('grades the attempt on this device without a code', async () => {
    const { wrapper } = await showSealed({ versions: 'catalog' })
    await vi.waitFor(() => expect(wrapper.find('.result-summary__percent').exists()).toBe(true))
    expect(wrapper.find('.result-page__sealed').exists()).toBe(false)
    expect(wrapper.find('.release-code').exists()).toBe(false)
  })
})
