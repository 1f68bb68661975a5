import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createLearner } from '../../src/db/learners.ts'
import { recordReading } from '../../src/db/progress.ts'
import { mountApp } from './mountApp.ts'

const ana = { id: 'ana', name: 'Ana', createdAt: 1 }

describe('course home', () => {
  it('asks a new learner to create a profile first', async () => {
    const { wrapper } = await mountApp('/course/river-brief')
    expect(wrapper.find('h1').text()).toBe('Analysis: spring flooding on the Lowe')
    expect(wrapper.text()).toContain('Create your profile')
    expect(wrapper.find('.lesson-list').exists()).toBe(false)
  })

  it('creates a profile from a name and shows the lessons', async () => {
    const { wrapper, learner } = await mountApp('/course/river-brief')
    await wrapper.find('#profile-name').setValue('  Ana  ')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(learner.active?.name).toBe('Ana'))
    await flushPromises()
    expect(wrapper.findAll('.lesson-list__item')).toHaveLength(1)
    expect(wrapper.text()).toContain('Start here')
  })

  it('explains why an empty name is refused', async () => {
    const { wrapper } = await mountApp('/course/river-brief')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe('Please type a name for the profile.')
    expect(wrapper.find('#profile-name').attributes('aria-invalid')).toBe('true')
  })

  it.each([
    ['not started', undefined, 'Not started', 'Start the lesson'],
    ['in progress', { readFraction: 0.4 }, 'In progress', 'Continue reading'],
  ])('shows a lesson that is %s', async (_name, reading, badge, action) => {
    const { wrapper } = await mountApp('/course/river-brief', async (db) => {
      await createLearner(db, ana)
      if (reading) await recordReading(db, { learnerId: 'ana', courseId: 'river-brief', lessonId: 'l1-flood', secondsDelta: 10, now: 5, ...reading })
    })
    expect(wrapper.find('.lesson-list__state').text()).toBe(badge)
    expect(wrapper.find('.course-home__next .button').text()).toBe(action)
  })

  it('congratulates a learner who has read every lesson', async () => {
    const { wrapper } = await mountApp('/course/river-brief', async (db) => {
      await createLearner(db, ana)
      await recordReading(db, { learnerId: 'ana', courseId: 'river-brief', lessonId: 'l1-flood', readFraction: 1, finished: true, secondsDelta: 10, now: 5 })
    })
    expect(wrapper.find('.lesson-list__state').text()).toBe('Done')
    expect(wrapper.text()).toContain('You have read every lesson')
  })

  it('says plainly when a course does not exist', async () => {
    const { wrapper } = await mountApp('/course/nope')
    expect(wrapper.find('h1').text()).toBe('We could not find that course')
  })
})
