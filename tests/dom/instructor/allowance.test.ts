/**
 * Per-learner extra time (issue 12 §7): the instructor sets it on the learner's page, the
 * learner's start page says how long they have, and attempts started afterwards get the longer
 * deadline while an attempt already started keeps its own.
 */
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLearner } from '../../../src/db/learners.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { manualClock, type ManualClock } from '../manualClock.ts'
import { mountApp } from '../mountApp.ts'
import { mountInstructor } from './seed.ts'

enableAutoUnmount(afterEach)
const MINUTE = 60_000
const PAGE = '/course/river-brief/instructor/learner/ana'
let clock: ManualClock
beforeEach(() => {
  clock = manualClock()
})

const seed = async (db: DebriefDb) => void (await createLearner(db, { id: 'ana', name: 'Ana', createdAt: clock.now }))
const field = (wrapper: VueWrapper, label: string) => {
  const id = wrapper.findAll('label').find((l) => l.text().startsWith(label))!.attributes('for')
  return wrapper.find(`input[id="${id}"]`)
}

async function setTime(wrapper: VueWrapper, multiplier: string, minutes: string) {
  await field(wrapper, 'Time multiplier').setValue(multiplier)
  await field(wrapper, 'Extra minutes').setValue(minutes)
  await wrapper.find('form.allowance').trigger('submit')
  await flushPromises()
  await vi.waitFor(() => expect(wrapper.find('.allowance [role="status"]').exists()).toBe(true))
}

describe('extra time for timed assessments', () => {
  it('is set on the instructor’s learner page with labelled native inputs, and stored on the learner', async () => {
    const { wrapper, db } = await mountInstructor(PAGE, seed, 'form.allowance')
    expect(wrapper.find('form.allowance h2').text()).toBe('Extra time for timed assessments')
    expect(wrapper.find('form.allowance').text()).toContain('No extra time.')
    await setTime(wrapper, '1.25', '0')
    expect(wrapper.find('.allowance [role="status"]').text()).toBe(
      'Saved. Timed assessments this learner starts from now on use it; attempts already started keep their time.',
    )
    expect((await db.learners.get('ana'))?.allowance).toEqual({ multiplier: 1.25 })
    expect(wrapper.find('form.allowance').text()).toContain('Now: the time limit × 1.25.')
  })

  it.each([
    ['a multiplier of 5', '5', '0', 'The time multiplier should be a number from 1 to 4'],
    ['a multiplier below 1', '0.5', '0', 'The time multiplier should be a number from 1 to 4'],
    ['601 extra minutes', '1', '601', 'Extra minutes should be a number from 0 to 600.'],
    ['minus 5 minutes', '1', '-5', 'Extra minutes should be a number from 0 to 600.'],
  ])('refuses %s and keeps what was stored', async (_label, multiplier, minutes, message) => {
    const { wrapper, db } = await mountInstructor(PAGE, seed, 'form.allowance')
    await setTime(wrapper, multiplier, minutes)
    expect(wrapper.find('.allowance__message--error').text()).toContain(message)
    expect((await db.learners.get('ana'))?.allowance).toBeUndefined()
  })

  it('going back to 1 and 0 removes the allowance', async () => {
    const { wrapper, db } = await mountInstructor(PAGE, async (db) => {
      await seed(db)
      await db.learners.update('ana', { allowance: { extraMinutes: 10 } })
    }, 'form.allowance')
    expect((field(wrapper, 'Extra minutes').element as HTMLInputElement).value).toBe('10')
    await setTime(wrapper, '1', '0')
    expect(await db.learners.get('ana')).not.toHaveProperty('allowance')
  })

  it('cannot be changed with instructor mode locked', async () => {
    const { db } = await mountApp('/courses', seed)
    await expect(useInstructorStore().setAllowance('ana', { multiplier: 2 })).rejects.toThrow('Only an instructor can change extra time.')
    expect((await db.learners.get('ana'))?.allowance).toBeUndefined()
  })

  it('is shown on the start page and gives attempts started afterwards the longer deadline', async () => {
    const { wrapper, db, router } = await mountInstructor(PAGE, seed, 'form.allowance')
    await setTime(wrapper, '1.25', '0')
    useInstructorStore().lock()
    await router.push('/course/river-brief/assessment/final')
    await vi.waitFor(() => expect(wrapper.find('[data-fact="time"]').exists()).toBe(true))
    // The fixture's final has a 10-minute limit.
    expect(wrapper.find('[data-fact="time"]').text()).toBe('10 minutes. You have 12 minutes 30 seconds (extra time).')
    const start = clock.now
    await wrapper.findAll('button').find((b) => b.text() === 'Start')!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt'))
    const attempt = await db.attempts.get(router.currentRoute.value.params.attemptId as string)
    expect(attempt?.deadline).toBe(start + 12.5 * MINUTE)
  })

  it('leaves the deadline of an attempt already started as it was', async () => {
    const { wrapper, db, router } = await mountInstructor('/course/river-brief/assessment/final', seed, '[data-fact="time"]')
    await wrapper.findAll('button').find((b) => b.text() === 'Start')!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('attempt'))
    const id = router.currentRoute.value.params.attemptId as string
    const before = (await db.attempts.get(id))?.deadline
    await useInstructorStore().setAllowance('ana', { extraMinutes: 30 })
    expect((await db.attempts.get(id))?.deadline).toBe(before)
  })
})
