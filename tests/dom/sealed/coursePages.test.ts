import { enableAutoUnmount, mount, RouterLinkStub } from '@vue/test-utils'
import CourseNextStep from '../../../src/components/course/CourseNextStep.vue'
import type { Blueprint } from '../../../src/domain/types.ts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addLearner, manualClock, MINUTE, mountOn, START, storeAttempt } from '../assessment/assessmentApp.ts'
import { sealedAttempt } from './sealedFixture.ts'

enableAutoUnmount(afterEach)
beforeEach(() => {
  manualClock(START + 60 * MINUTE)
})

/** Ana with one submitted attempt at the sealed final, results not released. */
async function open(path: string) {
  const app = await mountOn(path, {
    seed: async (db) => {
      await addLearner(db)
      await storeAttempt(db, await sealedAttempt('s1'), { 'f-q01': { type: 'single', optionId: 'a' } })
    },
  })
  await vi.waitFor(() => expect(app.wrapper.find('[data-blueprint="final"]').exists()).toBe(true))
  return app
}

describe('course pages while a sealed final awaits release', () => {
  it('course home: the final says submitted, results not released yet, with no grade', async () => {
    const { wrapper } = await open('/course/river-brief')
    expect(wrapper.find('[data-blueprint="final"] .assessment-list__grade').text()).toBe('Submitted — results not released yet.')
    expect(wrapper.find('[data-blueprint="final"] .assessment-list__meta').text()).toContain('1 of 2 attempts used')
  })

  it('progress page: the final and its attempt say results not released yet, with no pass or fail', async () => {
    const { wrapper } = await open('/course/river-brief/progress')
    expect(wrapper.find('[data-blueprint="final"] .assessment-list__grade').text()).toBe('Submitted — results not released yet')
    const row = wrapper.findAll('.history__row').find((r) => r.text().includes('Final check'))!
    expect(row.find('.history__result').text()).toBe('Submitted — results not released yet')
    expect(wrapper.find('[data-blueprint="final"]').text()).not.toMatch(/not passed|— passed/)
  })

  it('start page of the final: the attempt is listed as not released yet', async () => {
    const app = await mountOn('/course/river-brief/assessment/final', {
      seed: async (db) => {
        await addLearner(db)
        await storeAttempt(db, await sealedAttempt('s1'))
      },
    })
    await vi.waitFor(() => expect(app.wrapper.find('[data-attempt="s1"]').exists()).toBe(true))
    expect(app.wrapper.find('[data-attempt="s1"]').text()).toContain('Submitted — results not released yet.')
  })
})

describe('the next step while the final awaits release', () => {
  const final = { id: 'final', title: 'Final check' } as Blueprint
  const next = (step: InstanceType<typeof CourseNextStep>['$props']['step'], awaiting: boolean) =>
    mount(CourseNextStep, { props: { courseId: 'c', step, ...(awaiting ? { awaitingFinal: final } : {}) }, global: { stubs: { RouterLink: RouterLinkStub } } })

  it.each([
    ['sit the final', { kind: 'final', blueprint: final } as const],
    ['course done, not passed', { kind: 'done', passed: false } as const],
  ])('instead of "%s": says the final is submitted and the results come from the instructor', (_, step) => {
    const wrapper = next(step, true)
    expect(wrapper.find('h2').text()).toBe('Your final assessment is submitted')
    expect(wrapper.find('p').text()).toBe('Final check: your instructor will release your results. Meanwhile, keep what you learned fresh with your reviews.')
  })

  it('without a final awaiting release: suggests the final as before', () => {
    expect(next({ kind: 'final', blueprint: final }, false).find('h2').text()).toBe('Ready for the final assessment')
  })
})
