import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createLearner } from '../../src/db/learners.ts'
import { listLessonProgress } from '../../src/db/progress.ts'
import { mountApp } from './mountApp.ts'

const seedAna = async (db: Parameters<NonNullable<Parameters<typeof mountApp>[1]>>[0]) => {
  await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
}

describe('lesson page', () => {
  it('sends a visitor without a profile to choose one first', async () => {
    const { router } = await mountApp('/course/river-brief/lesson/l1-flood')
    expect(router.currentRoute.value.name).toBe('profiles')
    expect(router.currentRoute.value.query.next).toBe('/course/river-brief/lesson/l1-flood')
  })

  it('shows the objectives and the brief’s passages as attributed evidence', async () => {
    const { wrapper } = await mountApp('/course/river-brief/lesson/l1-flood', seedAna)
    await vi.waitFor(() => expect(wrapper.find('figure.evidence').exists()).toBe(true))
    expect(wrapper.find('h1').text()).toBe('The flood and what comes next')
    expect(wrapper.findAll('.lesson-objectives li').map((li) => li.text())).toEqual([
      'State what the brief reports and how sure it is.',
      'Explain what the brief expects next and why.',
    ])
    const cards = wrapper.findAll('figure.evidence')
    expect(cards.map((c) => c.attributes('data-passage'))).toEqual(['p-event', 'p-outlook'])
    expect(cards[0]!.find('figcaption').text()).toBe('Fixture brief — Event')
  })

  it('saves the lesson as done when the learner says they finished it', async () => {
    const { wrapper, db } = await mountApp('/course/river-brief/lesson/l1-flood', seedAna)
    await wrapper.find('.lesson-page__end button').trigger('click')
    await vi.waitFor(async () => expect((await listLessonProgress(db, 'ana', 'river-brief'))[0]).toMatchObject({ state: 'done', readFraction: 1 }))
    await flushPromises()
    expect(wrapper.find('.lesson-page__end').text()).toContain('You have finished this lesson.')
  })

  it('says plainly when a lesson does not exist', async () => {
    const { wrapper } = await mountApp('/course/river-brief/lesson/nope', seedAna)
    expect(wrapper.find('h1').text()).toBe('We could not find that lesson')
  })
})
