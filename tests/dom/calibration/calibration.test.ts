/**
 * The learner's calibration on the result page (one attempt of the fixture's "sure" blueprint,
 * with certainty) and on the progress page (across attempts and practice). Every figure below is
 * worked out by hand in the comments, from Moodle's CBM marks (docs/cbm.md).
 */
import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import type { Answer, SavedResponse } from '../../../src/domain/types.ts'
import { addLearner, handAttempt, manualClock, MINUTE, mountOn, START } from '../assessment/assessmentApp.ts'
import { addSureBlueprint } from './sureBlueprint.ts'

enableAutoUnmount(afterEach)
addSureBlueprint()
beforeEach(() => manualClock(START + 60 * MINUTE))

const R: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'a' },
  'f-q02': { type: 'truefalse', value: true },
  'f-q03': { type: 'numeric', text: '3' },
  'f-q04': { type: 'short', text: 'levee' },
  'f-q05': { type: 'cloze', blanks: { word: 'expected', months: '12' } },
}
const W: Record<string, Answer> = { 'f-q01': { type: 'single', optionId: 'b' }, 'f-q03': { type: 'numeric', text: '4' } }
/** Half right: the word right, the months wrong (fraction 0.5). */
const HALF: Answer = { type: 'cloze', blanks: { word: 'expected', months: '10' } }
const ITEMS = ['f-q01', 'f-q02', 'f-q03', 'f-q04', 'f-q05']

type Given = [itemId: string, answer: Answer, certainty?: 1 | 2 | 3]

/**
 * Attempt s1 (the one the result page shows):
 *   f-q01 right, very sure: +3 · f-q02 right, very sure: +3 · f-q03 wrong, very sure: −6
 *   f-q04 right, fairly sure: +2 · f-q05 half right, no certainty (counts as not sure): 0.5·1 + 0.5·0 = 0.5
 * accuracy = (1 + 1 + 0 + 1 + 0.5) / 5 = 70 %; average CBM mark = (3 + 3 − 6 + 2 + 0.5) / 5 = 0.5
 * best single level at 70 %: not sure 0.7, fairly sure 0.7·2 − 0.3·2 = 0.8, very sure 0.7·3 − 0.3·6 = 0.3 → 0.8
 * CBM bonus = 0.1 · (0.5 − 0.8) = −3 %; accuracy + bonus = 67 %.
 */
const S1: Given[] = [['f-q01', R['f-q01']!, 3], ['f-q02', R['f-q02']!, 3], ['f-q03', W['f-q03']!, 3], ['f-q04', R['f-q04']!, 2], ['f-q05', HALF]]
/** Attempt s2: all very sure, f-q01 wrong, the rest right. */
const S2: Given[] = [['f-q01', W['f-q01']!, 3], ['f-q02', R['f-q02']!, 3], ['f-q03', R['f-q03']!, 3], ['f-q04', R['f-q04']!, 3], ['f-q05', R['f-q05']!, 3]]

async function storeSitting(db: DebriefDb, id: string, given: Given[], at: number) {
  const attempt = await handAttempt({ id, blueprintId: 'sure', itemIds: ITEMS, startedAt: at, minutes: null, submittedAt: at + MINUTE })
  await db.attempts.add(attempt)
  const rows: SavedResponse[] = given.map(([itemId, answer, certainty]) => ({ attemptId: id, itemId, answer, flagged: false, savedAt: at + 1000, seq: 1, ...(certainty ? { certainty } : {}) }))
  await db.responses.bulkPut(rows)
}

/** A practice run on the lesson: f-q01 right at "not sure", f-q02 right with no certainty (not counted). */
async function storePractice(db: DebriefDb, at: number) {
  const base = await handAttempt({ id: 'p1', itemIds: ['f-q01', 'f-q02'], startedAt: at, minutes: null, submittedAt: at + MINUTE })
  await db.attempts.add({ ...base, mode: 'practice', sourceId: 'l1-flood' })
  await db.responses.bulkPut([
    { attemptId: 'p1', itemId: 'f-q01', answer: R['f-q01']!, flagged: false, savedAt: at + 1000, seq: 1, certainty: 1 },
    { attemptId: 'p1', itemId: 'f-q02', answer: R['f-q02']!, flagged: false, savedAt: at + 1000, seq: 1 },
  ])
}

const rows = (table: VueWrapper | ReturnType<VueWrapper['find']>) =>
  table.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))

describe('calibration on the result page', () => {
  async function showResult() {
    const app = await mountOn('/course/river-brief/attempt/s1/result', {
      seed: async (db) => {
        await addLearner(db)
        await storeSitting(db, 's1', S1, START)
      },
    })
    await vi.waitFor(() => expect(app.wrapper.find('.calibration').exists()).toBe(true))
    return app
  }

  it('gives accuracy, CBM bonus and accuracy + bonus as worked out by hand, and says one answer had no certainty', async () => {
    const { wrapper } = await showResult()
    const figure = (name: string) => wrapper.find(`[data-figure="${name}"]`).text()
    expect(figure('accuracy')).toBe('70%')
    expect(figure('bonus')).toBe('−3%')
    expect(figure('accuracy-and-bonus')).toBe('67%')
    expect(wrapper.findAll('.calibration__cbm dt').map((d) => d.text())).toEqual(['Accuracy', 'CBM bonus', 'Accuracy + bonus'])
    expect(wrapper.find('.calibration__defaulted').text()).toBe("You did not say how sure you were for 1 question: they counted as 'not sure'.")
  })

  it('shows per level right n of m against the band, with the sentence, in a table; the chart is hidden from assistive technology', async () => {
    const { wrapper } = await showResult()
    const table = wrapper.find('.calibration__levels table')
    expect(table.find('caption').text()).toBe('How often you were right at each certainty')
    // not sure: f-q05 half right (0.5 of 1); fairly sure: f-q04 (1 of 1); very sure: f-q01, f-q02 right, f-q03 wrong (2 of 3).
    expect(rows(table)).toEqual([
      ['not sure', '0.5 of 1', 'below 67%', "You chose 'not sure' once: too few answers to judge (at least 5 are needed)."],
      ['fairly sure', '1 of 1', '67% to 80%', "You chose 'fairly sure' once: too few answers to judge (at least 5 are needed)."],
      ['very sure', '2 of 3', 'above 80%', "You chose 'very sure' 3 times: too few answers to judge (at least 5 are needed)."],
    ])
    const chart = wrapper.find('svg.calibration-chart')
    expect(chart.attributes('aria-hidden')).toBe('true')
    // A dot per level chosen, at its rate: very sure 2/3 → y = 10 + (1 − 2/3)·100.
    expect(Number(chart.find('[data-level="3"] circle').attributes('cy'))).toBeCloseTo(10 + 100 / 3, 6)
    expect(wrapper.find('.calibration__too-few').text()).toBe('Not enough answers yet to judge any objective (at least 5 at one certainty are needed).')
  })

  it('passes axe (no serious or critical violation in the calibration section)', async () => {
    const { wrapper } = await showResult()
    const result = await axe.run(wrapper.find('.calibration').element, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  })

  it('is not shown for an assessment without certainty', async () => {
    const app = await mountOn('/course/river-brief/attempt/q1/result', {
      seed: async (db) => {
        await addLearner(db)
        const attempt = await handAttempt({ id: 'q1', blueprintId: 'quiz-l1', itemIds: ITEMS.slice(0, 4), minutes: null, submittedAt: START + MINUTE })
        await db.attempts.add(attempt)
        await db.responses.put({ attemptId: 'q1', itemId: 'f-q01', answer: R['f-q01']!, flagged: false, savedAt: START + 1000, seq: 1, certainty: 3 })
      },
    })
    await vi.waitFor(() => expect(app.wrapper.find('.result-summary, .assessment-result').exists() || app.wrapper.text().includes('Your result')).toBe(true))
    await vi.waitFor(() => expect(app.wrapper.text()).toContain('%'))
    expect(app.wrapper.find('.calibration').exists()).toBe(false)
  })
})

describe('calibration on the progress page', () => {
  it('pools submitted attempts and practice answers with a certainty, and judges a level and an objective once they have 5 answers', async () => {
    const app = await mountOn('/course/river-brief/progress', {
      seed: async (db) => {
        await addLearner(db)
        await storeSitting(db, 's1', S1, START)
        await storeSitting(db, 's2', S2, START + 10 * MINUTE)
        await storePractice(db, START + 20 * MINUTE)
      },
    })
    await vi.waitFor(() => expect(app.wrapper.find('.calibration__levels table').exists()).toBe(true))
    const { wrapper } = app
    // Not a single attempt: no CBM figures.
    expect(wrapper.find('.calibration__cbm').exists()).toBe(false)
    // not sure: s1 f-q05 (0.5) + practice f-q01 (1) = 1.5 of 2 (practice f-q02 had no certainty: not counted).
    // fairly sure: s1 f-q04 = 1 of 1.
    // very sure: s1 2 of 3 + s2 4 of 5 = 6 of 8 = 0.75, below 0.8: "right 8 times out of 10" (7.5 rounds to 8).
    expect(rows(wrapper.find('.calibration__levels table'))).toEqual([
      ['not sure', '1.5 of 2', 'below 67%', "You chose 'not sure' 2 times: too few answers to judge (at least 5 are needed)."],
      ['fairly sure', '1 of 1', '67% to 80%', "You chose 'fairly sure' once: too few answers to judge (at least 5 are needed)."],
      ['very sure', '6 of 8', 'above 80%', "When you were very sure you were right 8 times out of 10: be more careful before choosing 'very sure'."],
    ])
    // By objective: o1-event (f-q01..f-q03) very sure: s1 R R W, s2 W R R = 4 of 6 = 0.667 → 7 out of 10, below.
    const event = wrapper.find('.calibration [data-objective="o1-event"]')
    expect(event.find('caption').text()).toBe('State what the brief reports and how sure it is.')
    expect(rows(event)[2]).toEqual(['very sure', '4 of 6', 'above 80%', "When you were very sure you were right 7 times out of 10: be more careful before choosing 'very sure'."])
    // o1-outlook: very sure 2, fairly sure 1, not sure 1: too few at every level.
    expect(wrapper.find('.calibration [data-objective="o1-outlook"]').exists()).toBe(false)
    expect(wrapper.find('.calibration__too-few').text()).toBe('Not enough answers yet to judge these objectives (at least 5 at one certainty are needed):')
    expect(wrapper.findAll('.calibration__too-few-list li').map((li) => li.text())).toEqual(['Explain what the brief expects next and why.'])
  })
})
