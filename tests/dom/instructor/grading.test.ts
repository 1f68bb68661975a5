import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { addFinalAttempt, mountInstructor } from './seed.ts'

const PATH = '/course/river-brief/instructor/grading'
const ANSWER = 'The levee was never repaired, so the river can flood again.'

async function seed(db: DebriefDb) {
  await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
  await addFinalAttempt(db, 'ana-1', 'ana', { 'f-q01': { type: 'single', optionId: 'a' }, 'f-q06': { type: 'freetext', text: ANSWER } })
}

async function grade(points: string, comment = '') {
  const mounted = await mountInstructor(PATH, seed)
  const card = mounted.wrapper.find('.grading-card')
  await card.find('input[type="number"]').setValue(points)
  await card.find('textarea').setValue(comment)
  await card.find('form').trigger('submit')
  await vi.waitFor(() => expect(mounted.wrapper.find('.grading-page__status').text()).not.toBe(''))
  await flushPromises()
  return mounted
}

describe('free-text grading queue', () => {
  it('shows the answer beside its rubric and the provisional score', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const card = wrapper.find('.grading-card')
    expect([card.find('blockquote').text(), card.text().includes('Provisional score: 2 of 2'), card.text().includes('Found 2 of 2')]).toEqual([ANSWER, true, true])
  })

  it('labels every points box with its criterion and range', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const input = wrapper.find('.grading-card input[type="number"]')
    expect(wrapper.find(`label[for="${input.attributes('id')}"]`).text()).toBe('Names the unrepaired levee. (0 to 2 points)')
  })

  it('labels the comment box', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const textarea = wrapper.find('.grading-card textarea')
    expect(wrapper.find(`label[for="${textarea.attributes('id')}"]`).text()).toBe('Comment for the learner')
  })

  it('clamps points above the criterion’s maximum', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const input = wrapper.find('.grading-card input[type="number"]')
    await input.setValue('5')
    await input.trigger('change')
    expect((input.element as HTMLInputElement).value).toBe('2')
  })

  it('saves the points per criterion and the comment', async () => {
    const { db } = await grade('1.5', 'Name the repair too.')
    await vi.waitFor(async () => expect(await db.manualGrades.toArray()).toEqual([
      expect.objectContaining({ attemptId: 'ana-1', itemId: 'f-q06', criteria: { c1: 1.5 }, score: 1.5, comment: 'Name the repair too.' }),
    ]))
  })

  it('writes a history row with the provisional and the final score', async () => {
    const { db } = await grade('1.5')
    await vi.waitFor(async () => expect(await db.gradeHistory.toArray()).toEqual([expect.objectContaining({ kind: 'manual-grade', before: 2, after: 1.5 })]))
  })

  it.each([
    ['2', 'now scores 3 of 3 (100%): passed.'],
    ['1', 'now scores 2 of 3 (66.67%): not passed.'],
  ])('updates the attempt’s total and result after %s points', async (points, message) => {
    const { wrapper } = await grade(points)
    expect(wrapper.find('.grading-page__status').text()).toContain(message)
  })

  it('takes a graded answer off the queue', async () => {
    const { wrapper } = await grade('2')
    expect([wrapper.findAll('.grading-card').length, wrapper.text().includes('Nothing to grade')]).toEqual([0, true])
  })
})
