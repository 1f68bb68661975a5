/** The LMS banner: the LMS's refusal in one plain sentence, and "Finish and return to the course" (once). */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { attachLmsSession, lmsProblem, resetLmsBridge } from '../../../src/app/lms/bridge.ts'
import type { LmsSession } from '../../../src/app/lms/session.ts'
import TheLmsBanner from '../../../src/components/app/TheLmsBanner.vue'

enableAutoUnmount(afterEach)
afterEach(resetLmsBridge)

function session(): LmsSession & { finishes: number } {
  return {
    kind: 'scorm12',
    learner: { id: 'u', name: 'U' },
    finishes: 0,
    report: () => Promise.resolve(undefined),
    finish() {
      this.finishes++
      return Promise.resolve(undefined)
    },
  }
}

describe('TheLmsBanner', () => {
  it('shows what the LMS refused, with its own words in small print', async () => {
    lmsProblem.value = { message: 'Your answers are saved on this device, but your course system (LMS) did not accept part of your progress.', detail: 'cmi.core.score.raw was refused: error 405' }
    const banner = mount(TheLmsBanner)
    await flushPromises()
    expect(banner.get('[role="alert"]').text()).toBe('Your answers are saved on this device, but your course system (LMS) did not accept part of your progress.cmi.core.score.raw was refused: error 405')
    lmsProblem.value = undefined
    await flushPromises()
    expect(banner.find('[role="alert"]').exists()).toBe(false)
  })

  it('offers "Finish and return to the course" once connected, and finishes the session once', async () => {
    const banner = mount(TheLmsBanner)
    expect(banner.find('button').exists()).toBe(false)
    const live = session()
    await attachLmsSession(live)
    await flushPromises()
    await banner.get('button').trigger('click')
    await flushPromises()
    expect(live.finishes).toBe(1)
    expect(banner.find('button').exists()).toBe(false)
    expect(banner.get('[role="status"]').text()).toContain('Your course system has your progress.')
  })
})
