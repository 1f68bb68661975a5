import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { mountApp } from '../mountApp.ts'
import { COURSE, LEARNER, LESSON, manualClock, realClock, RIGHT, seedAssessment, seedLearner, seedPractice, WRONG } from './seed.ts'

enableAutoUnmount(afterEach)

const PATH = '/course/river-brief/progress'
const T = 1_800_000_000_000

beforeEach(() => manualClock(T + 2 * 3_600_000))
afterEach(realClock)

async function openProgress(seed?: (db: DebriefDb) => Promise<void>) {
  return mountApp(PATH, async (db) => {
    await seedLearner(db)
    await seed?.(db)
  })
}

const read = (db: DebriefDb, seconds: number, finished = false) =>
  recordReading(db, { learnerId: LEARNER, courseId: COURSE, lessonId: LESSON, readFraction: finished ? 1 : 0.5, finished, secondsDelta: seconds, now: T })

/** The event objective right, the outlook objective wrong, as first tries. */
const practised = async (db: DebriefDb) => {
  await seedPractice(db, {
    id: 'run-1',
    at: T,
    submitted: true,
    answers: { 'f-q01': RIGHT['f-q01']!, 'f-q02': RIGHT['f-q02']!, 'f-q03': RIGHT['f-q03']!, 'f-q04': WRONG['f-q04']!, 'f-q05': WRONG['f-q05']! },
  })
}

describe('progress page', () => {
  describe('a new learner', () => {
    it('says the course has not been started and where to begin', async () => {
      const { wrapper } = await openProgress()
      expect(wrapper.find('.progress-page__status').text()).toContain('You have not started this course yet.')
      expect(wrapper.find('.progress-page__status a').attributes('href')).toBe('/course/river-brief/lesson/l1-flood')
    })

    it('shows every objective as not started and no history', async () => {
      const { wrapper } = await openProgress()
      expect(wrapper.findAll('.mastery__level').map((l) => l.text())).toEqual(['Not started', 'Not started'])
      expect(wrapper.find('.history__empty').exists()).toBe(true)
      expect(wrapper.findAll('.assessment-list__grade').map((g) => g.text())).toEqual(['No grade yet', 'No grade yet'])
      expect(wrapper.find('.progress-page__time').text()).toBe('Time spent reading and in assessments: none yet')
    })
  })

  describe('a learner part way through', () => {
    it('counts the lessons read so far', async () => {
      const { wrapper } = await openProgress(async (db) => {
        await read(db, 120)
        await practised(db)
      })
      expect(wrapper.find('.progress-page__status').text()).toBe('You are on your way: 0 of 1 lesson read.')
    })

    it('lists a practice run with its first-try score', async () => {
      const { wrapper } = await openProgress(practised)
      const row = wrapper.find('.history__row')
      expect(row.find('.history__title').text()).toBe('Practice: The flood and what comes next')
      expect(row.find('.history__result').text()).toBe('First try: 3 of 5 (60%)')
    })

    it('shows mastery per objective in words, with the percentage and the evidence', async () => {
      const { wrapper } = await openProgress(practised)
      const rows = wrapper.findAll('.mastery__row')
      expect(rows.map((r) => r.find('.mastery__level').text())).toEqual(['Practised', 'Learning'])
      expect(rows[0]!.find('.mastery__figures').text()).toMatch(/^\d+% · from 3 answers$/)
      expect(rows[1]!.find('.mastery__figures').text()).toBe('0% · from 2 answers')
    })

    it('adds reading time and time in assessments', async () => {
      const { wrapper } = await openProgress(async (db) => {
        await read(db, 3_600)
        await seedAssessment(db, { id: 'quiz-1', blueprintId: 'quiz-l1', at: T, answers: 'wrong', minutes: 5 })
      })
      expect(wrapper.find('.progress-page__time strong').text()).toBe('1 h 5 min')
    })

    it('offers to resume an open assessment from the history', async () => {
      const { wrapper } = await openProgress((db) => seedAssessment(db, { id: 'open-1', blueprintId: 'quiz-l1', at: T, answers: 'right', open: true }).then(() => undefined))
      const row = wrapper.find('.history__row')
      expect(row.find('.history__result').text()).toBe('In progress')
      expect(row.find('a').attributes('href')).toBe('/course/river-brief/attempt/open-1')
    })
  })

  describe('a learner who passed the final', () => {
    const passed = async (db: DebriefDb) => {
      await read(db, 600, true)
      await seedAssessment(db, { id: 'final-1', blueprintId: 'final', at: T, answers: 'wrong' })
      await seedAssessment(db, { id: 'final-2', blueprintId: 'final', at: T + 3_600_000, answers: 'right' })
    }

    it('says the course is complete', async () => {
      const { wrapper } = await openProgress(passed)
      expect(wrapper.find('.progress-page__status').text()).toBe('You have completed this course: you passed Final check with 100%.')
    })

    it('shows the grade that counts, by the grading method, with the attempts used', async () => {
      const { wrapper } = await openProgress(passed)
      const final = wrapper.find('[data-blueprint="final"]')
      expect(final.find('.assessment-list__grade').text()).toBe('100% — passed')
      expect(final.find('.assessment-list__meta').text()).toBe('Pass mark 70%; your highest grade counts. 2 of 2 attempts used.')
    })

    it('lists each attempt with its score and a link to its result', async () => {
      const { wrapper } = await openProgress(passed)
      const rows = wrapper.findAll('.history__row')
      expect(rows.map((r) => r.find('.history__result').text())).toEqual(['100% — passed', '0% — not passed'])
      expect(rows[0]!.find('a').attributes('href')).toBe('/course/river-brief/attempt/final-2/result')
    })

    it('offers the result file for the instructor', async () => {
      const { wrapper } = await openProgress(passed)
      expect(wrapper.find('.progress-page__export button').text()).toBe('Download my results for my instructor')
    })
  })
})
