import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { mountApp } from '../mountApp.ts'
import {
  COURSE,
  LEARNER,
  LESSON,
  manualClock,
  MINUTE,
  realClock,
  RIGHT,
  seedAssessment,
  seedCardDue,
  seedLearner,
  seedPractice,
  WRONG,
} from './seed.ts'

enableAutoUnmount(afterEach)

const T = 1_800_000_000_000
const NOW = T + 2 * MINUTE

beforeEach(() => manualClock(NOW))
afterEach(realClock)

async function openHome(seed?: (db: DebriefDb) => Promise<void>) {
  return mountApp('/course/river-brief', async (db) => {
    await seedLearner(db)
    await seed?.(db)
  })
}

const readAll = (db: DebriefDb) =>
  recordReading(db, { learnerId: LEARNER, courseId: COURSE, lessonId: LESSON, readFraction: 1, finished: true, secondsDelta: 60, now: T })

/** Every automatically graded item right (or the outlook ones wrong), in `runs` practice runs. */
async function practise(db: DebriefDb, runs: number, outlook: 'right' | 'wrong' = 'right') {
  const { 'f-q06': _freeText, ...graded } = RIGHT
  for (let i = 0; i < runs; i++) {
    const answers = outlook === 'right' ? graded : { ...graded, 'f-q04': WRONG['f-q04']!, 'f-q05': WRONG['f-q05']! }
    await seedPractice(db, { id: `run-${i}`, at: T - (runs - i) * MINUTE, submitted: true, answers })
  }
}

describe('course home before and after a profile', () => {
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
    const { wrapper } = await openHome(async (db) => {
      if (reading) await recordReading(db, { learnerId: LEARNER, courseId: COURSE, lessonId: LESSON, secondsDelta: 10, now: 5, ...reading })
    })
    expect(wrapper.find('.lesson-list__state').text()).toBe(badge)
    expect(wrapper.find('.course-home__next .button').text()).toBe(action)
  })

  it('congratulates a learner who has read every lesson', async () => {
    const { wrapper } = await openHome(async (db) => {
      await readAll(db)
    })
    expect(wrapper.find('.lesson-list__state').text()).toBe('Done')
    expect(wrapper.text()).toContain('You have read every lesson')
  })

  it('says plainly when a course does not exist', async () => {
    const { wrapper } = await mountApp('/course/nope')
    expect(wrapper.find('h1').text()).toBe('We could not find that course')
  })
})

describe('course home for a learner', () => {
  it('says how many questions are due for review, with a link to review them', async () => {
    const { wrapper } = await openHome(async (db) => {
      await seedCardDue(db, 'f-q01', T - MINUTE)
      await seedCardDue(db, 'f-q02', T - 2 * MINUTE)
      await seedCardDue(db, 'f-q03', NOW + 86_400_000)
    })
    expect(wrapper.find('.course-review__count').text()).toBe('2 questions are due for review.')
    expect(wrapper.find('.course-review a').attributes('href')).toBe('/course/river-brief/review')
  })

  it('says when nothing is due for review', async () => {
    const { wrapper } = await openHome()
    expect(wrapper.find('.course-review__count').text()).toBe('No questions are due for review.')
  })

  it('offers to resume an open assessment before anything else, with the time left', async () => {
    const { wrapper } = await openHome((db) => seedAssessment(db, { id: 'open-final', blueprintId: 'final', at: T, answers: 'right', open: true }).then(() => undefined))
    const action = wrapper.find('.course-home__next .button')
    expect(action.text()).toBe('Resume your assessment — 8 minutes left')
    expect(action.attributes('href')).toBe('/course/river-brief/attempt/open-final')
  })

  it('suggests practising the weakest objective once every lesson is read', async () => {
    const { wrapper } = await openHome(async (db) => {
      await readAll(db)
      await practise(db, 1, 'wrong')
    })
    const next = wrapper.find('.course-home__next')
    expect(next.text()).toContain('You have read every lesson. Next, practise “Explain what the brief expects next and why.”')
    expect(next.find('.button').attributes('href')).toBe('/course/river-brief/lesson/l1-flood/practice')
  })

  it('suggests the final assessment once every objective is mastered', async () => {
    const { wrapper } = await openHome(async (db) => {
      await readAll(db)
      await practise(db, 6)
    })
    const action = wrapper.find('.course-home__next .button')
    expect(action.text()).toBe('Go to the final assessment')
    expect(action.attributes('href')).toBe('/course/river-brief/assessment/final')
  })

  it('says the course is complete once the final is passed', async () => {
    const { wrapper } = await openHome(async (db) => {
      await readAll(db)
      await practise(db, 6)
      await seedAssessment(db, { id: 'final-1', blueprintId: 'final', at: T - 60 * MINUTE, answers: 'right' })
    })
    expect(wrapper.find('.course-home__next h2').text()).toBe('You have completed this course')
  })

  it('shows mastery per objective in words', async () => {
    const { wrapper } = await openHome((db) => practise(db, 1, 'wrong'))
    expect(wrapper.findAll('[data-objective] .mastery__level').map((l) => l.text())).toEqual(['Practised', 'Learning'])
  })

  it('shows mastered objectives in words', async () => {
    const { wrapper } = await openHome((db) => practise(db, 6))
    expect(wrapper.findAll('[data-objective] .mastery__level').map((l) => l.text())).toEqual(['Mastered', 'Mastered'])
  })

  it('shows mastery per lesson in words, not started before any answer, with the objectives one click away', async () => {
    const { wrapper } = await openHome()
    const rows = wrapper.findAll('.lesson-mastery__row')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.find('.lesson-mastery__title').text()).toBe('The flood and what comes next')
    expect(rows[0]!.find(':scope > .mastery__level').text()).toBe('Not started')
    expect(rows[0]!.find(':scope > .mastery__figures').text()).toBe('No answers yet · 2 objectives')
    const objectives = rows[0]!.find('details.lesson-mastery__objectives')
    expect(objectives.find('summary').text()).toBe('Objectives of The flood and what comes next')
    expect(objectives.findAll('[data-objective]')).toHaveLength(2)
  })

  it('sums up a lesson whose objectives are all mastered', async () => {
    const { wrapper } = await openHome((db) => practise(db, 6))
    const row = wrapper.find('.lesson-mastery__row')
    expect(row.find(':scope > .mastery__level').text()).toBe('Mastered')
    expect(row.find(':scope > .mastery__figures').text()).toMatch(/^\d+% · 2 of 2 objectives mastered$/)
  })

  it('lists the assessments with their size, time, attempts used and the grade that counts', async () => {
    const { wrapper } = await openHome((db) => seedAssessment(db, { id: 'final-1', blueprintId: 'final', at: T - 60 * MINUTE, answers: 'right' }).then(() => undefined))
    const quiz = wrapper.find('[data-blueprint="quiz-l1"]')
    expect(quiz.find('.assessment-list__meta').text()).toBe('Quiz · 4 questions · No time limit · 0 attempts used')
    expect(quiz.find('.assessment-list__grade').text()).toBe('No grade yet.')
    const final = wrapper.find('[data-blueprint="final"]')
    expect(final.find('.assessment-list__meta').text()).toBe('Final assessment · 4 questions · 10 minutes · 1 of 2 attempts used')
    expect(final.find('.assessment-list__grade').text()).toBe('Your grade: 100% (your highest grade counts).')
    expect(final.find('a').attributes('href')).toBe('/course/river-brief/assessment/final')
  })

  it('links each lesson to its practice and the page to the learner’s progress', async () => {
    const { wrapper } = await openHome()
    expect(wrapper.find('.lesson-list__practice').attributes('href')).toBe('/course/river-brief/lesson/l1-flood/practice')
    expect(wrapper.findAll('a').some((a) => a.attributes('href') === '/course/river-brief/progress')).toBe(true)
  })

  it('loads the new learner’s data when a profile is created here', async () => {
    const { wrapper, learner } = await mountApp('/course/river-brief')
    await wrapper.find('#profile-name').setValue('Ben')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('.course-review__count').exists()).toBe(true))
    expect(learner.active?.name).toBe('Ben')
    expect(wrapper.findAll('[data-objective] .mastery__level').map((l) => l.text())).toEqual(['Not started', 'Not started'])
  })
})

describe('lesson page footer', () => {
  it('ends with a link to practise the lesson', async () => {
    const { wrapper } = await mountApp('/course/river-brief/lesson/l1-flood', seedLearner)
    const link = wrapper.findAll('.lesson-page__end a').find((a) => a.text() === 'Practise this lesson')
    expect(link?.attributes('href')).toBe('/course/river-brief/lesson/l1-flood/practice')
  })
})
