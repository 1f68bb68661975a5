/**
 * The service worker's notices ("ready to work offline", "a new version is ready") never show
 * during an assessment, where the fixed card would cover part of the question; they wait until
 * the learner leaves it.
 */
import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SERVICE_WORKER_DELAY_MS } from '../../../src/components/app/serviceWorkerStart.ts'
import { addLearner, FINAL_ITEMS, handAttempt, mountOn, storeAttempt } from '../assessment/assessmentApp.ts'
import { manualClock } from '../manualClock.ts'
import { stub } from '../pwaRegisterStub.ts'

enableAutoUnmount(afterEach)

const OFFLINE = 'Debrief is ready to work offline.'

beforeEach(() => {
  manualClock()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  stub.offlineReady.value = false
  stub.needRefresh.value = false
})

/** The app on an open final, with the service worker's part started and the offline copy ready. */
async function onOpenAssessment() {
  stub.offlineReady.value = true
  const app = await mountOn('/course/river-brief/attempt/att', {
    seed: async (db) => {
      await addLearner(db)
      await storeAttempt(db, await handAttempt({ id: 'att', itemIds: FINAL_ITEMS }))
    },
  })
  await vi.waitFor(() => expect(app.wrapper.find('#assessment-question-heading').exists()).toBe(true))
  vi.advanceTimersByTime(SERVICE_WORKER_DELAY_MS)
  await vi.waitFor(() => expect(app.wrapper.find('[data-update]').exists()).toBe(true))
  return app
}

const card = (w: VueWrapper) => w.find('.update-notice__card')

describe('the ready-to-work-offline notice', () => {
  it('does not show over the question while an assessment is open', async () => {
    const { wrapper } = await onOpenAssessment()
    expect(wrapper.find('.assessment-question').exists()).toBe(true)
    expect(card(wrapper).exists()).toBe(false)
    expect(wrapper.text()).not.toContain(OFFLINE)
  })

  it('shows once the learner leaves the assessment, in the live region, and goes away by itself', async () => {
    const { wrapper, router } = await onOpenAssessment()
    await router.push('/course/river-brief')
    await vi.waitFor(() => expect(wrapper.find('[role="status"][data-update]').text()).toContain(OFFLINE))
    vi.advanceTimersByTime(6000)
    await vi.waitFor(() => expect(card(wrapper).exists()).toBe(false))
  })

  it('can be dismissed with its button', async () => {
    const { wrapper, router } = await onOpenAssessment()
    await router.push('/course/river-brief')
    await vi.waitFor(() => expect(card(wrapper).exists()).toBe(true))
    await card(wrapper).get('button').trigger('click')
    expect(card(wrapper).exists()).toBe(false)
    expect(stub.offlineReady.value).toBe(false)
  })
})
