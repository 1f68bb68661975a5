/**
 * The grading engine is one lazy boundary (useGradingEngine): the page taking an assessment
 * never loads it, even for a learner with graded attempts, and a page that shows grades has it
 * before it renders.
 */
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadedEngine } from '../../src/composables/useGradingEngine.ts'
import { useAttemptsStore } from '../../src/stores/attempts.ts'
import { mountApp } from './mountApp.ts'
import { manualClock, MINUTE, realClock, seedAssessment, seedLearner } from './learner/seed.ts'

enableAutoUnmount(afterEach)

const T = 1_800_000_000_000
beforeEach(() => manualClock(T + MINUTE))
afterEach(realClock)

describe('the grading engine', () => {
  it('is not loaded by the page taking an assessment, and is there when the progress page renders', async () => {
    const { wrapper, router } = await mountApp('/course/river-brief/attempt/open-final', async (db) => {
      await seedLearner(db)
      await seedAssessment(db, { id: 'final-1', blueprintId: 'final', at: T - 60 * MINUTE, answers: 'right' })
      await seedAssessment(db, { id: 'open-final', blueprintId: 'final', at: T, answers: 'right', open: true })
    })
    await vi.waitFor(() => expect(wrapper.find('#assessment-question-heading').exists()).toBe(true))
    expect(loadedEngine.value).toBeUndefined()

    await router.push('/course/river-brief/progress')
    await flushPromises()
    expect(loadedEngine.value).toBeDefined()
    expect(useAttemptsStore().grades.get('final-1')?.percent).toBe(100)
  })
})
