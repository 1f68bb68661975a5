import { describe, expect, it } from 'vitest'
import {
  checkAnswer, currentItemId, isFinished, isLastItem, moveOn, namesCorrectAnswer, openSession, practiceScore, PRACTICE_RULES,
  REVIEW_RULES, reviewOutlook, tryAgain, type CheckRules, type CheckSession,
} from '../../../src/domain/checkSession.ts'
import { startPractice } from '../../../src/domain/practice.ts'
import type { Answer, SavedResponse } from '../../../src/domain/types.ts'
import { numeric, single, truefalse } from '../../fixtures/items.ts'

const RIGHT: Answer = { type: 'single', optionId: 'a' }
const WRONG: Answer = { type: 'single', optionId: 'b' }
/** Review's every-try rule with "Try again" offered, to show a retry is never saved under any rule. */
const EVERY_TRY_WITH_RETRY: CheckRules = { saveEvery: 'every-try', allowTryAgain: true }

/** A session on [single, truefalse] with the single-choice item on screen. */
function onSingle(rules: CheckRules, state: Partial<CheckSession> = {}): CheckSession {
  return { ...openSession(rules, [single.id, truefalse.id]), ...state }
}

describe('openSession', () => {
  it.each([
    ['a new run', ['a', 'b', 'c'], [], 0],
    ['a run with its first item saved', ['a', 'b', 'c'], ['a'], 1],
    ['a run saved out of order', ['a', 'b', 'c'], ['a', 'c'], 1],
    ['a run with every item saved', ['a', 'b'], ['a', 'b'], 2],
    ['an empty queue (nothing due)', [], [], 0],
  ])('opens %s at its first item without a saved try', (_label, queue, saved, index) => {
    const session = openSession(PRACTICE_RULES, queue, saved)
    expect(session.index).toBe(index)
    expect(currentItemId(session)).toBe(queue[index])
    expect(isFinished(session)).toBe(index >= queue.length)
  })
})

describe('checkAnswer', () => {
  it.each([
    ['practice, first try', true, PRACTICE_RULES, {}],
    ['practice, after "Try again"', false, PRACTICE_RULES, { retrying: true }],
    ['practice, item saved on an earlier visit', false, PRACTICE_RULES, { saved: [single.id] }],
    ['review, first try', true, REVIEW_RULES, {}],
    ['review, item saved before', true, REVIEW_RULES, { saved: [single.id] }],
    ['every try with a retry', false, EVERY_TRY_WITH_RETRY, { retrying: true }],
  ])('under %s, saves the try: %s', (_label, save, rules, state: Partial<CheckSession>) => {
    const outcome = checkAnswer(onSingle(rules, state), single, WRONG)
    expect(outcome.grade?.state).toBe('incorrect')
    expect(outcome.save).toBe(save)
    expect(outcome.session.saved.includes(single.id)).toBe(save || (state.saved ?? []).includes(single.id))
  })

  it.each([
    ['practice', PRACTICE_RULES, true],
    ['review', REVIEW_RULES, false],
  ])('tells the scheduler whether %s keeps first tries', (_label, rules, firstTry) => {
    expect(checkAnswer(onSingle(rules), single, RIGHT).firstTry).toBe(firstTry)
  })

  it.each([
    ['the feedback is already showing', (s: CheckSession) => checkAnswer(s, single, RIGHT).session, single],
    ['the item is not the one on screen', (s: CheckSession) => s, truefalse],
  ])('refuses a check while %s', (_label, before, item) => {
    const session = before(onSingle(REVIEW_RULES))
    const outcome = checkAnswer(session, item, RIGHT)
    expect(outcome.session).toBe(session)
    expect(outcome.grade).toBeUndefined()
    expect(outcome.save).toBe(false)
  })

  it.each([
    ['a first check', ['incorrect'], {}],
    ['a retry', [], { retrying: true }],
  ])('after %s, the session results are %j', (_label, results, state) => {
    expect(checkAnswer(onSingle(PRACTICE_RULES, state), single, WRONG).session.results).toEqual(results)
  })
})

describe('tryAgain and namesCorrectAnswer', () => {
  it.each([
    ['practice after feedback', true, PRACTICE_RULES, true],
    ['practice before a check', false, PRACTICE_RULES, false],
    ['review after feedback', false, REVIEW_RULES, true],
  ])('in %s, a retry is offered: %s', (_label, retried, rules, checked) => {
    const session = checked ? checkAnswer(onSingle(rules), single, WRONG).session : onSingle(rules)
    const next = tryAgain(session)
    expect(next.retrying).toBe(retried)
    expect(next.grade === undefined).toBe(retried || !checked)
    expect(next.index).toBe(session.index)
  })

  it.each([
    ['practice, first try', false, PRACTICE_RULES, false],
    ['practice, retry', true, PRACTICE_RULES, true],
    ['review', true, REVIEW_RULES, false],
  ])('in %s, names the right answer: %s', (_label, names, rules, retrying) => {
    expect(namesCorrectAnswer(onSingle(rules, { retrying }))).toBe(names)
  })
})

describe('moveOn', () => {
  it.each([
    ['the first of three items', 3, 0, 1, false],
    ['the second of three', 3, 1, 2, false],
    ['the last item', 3, 2, 3, true],
    ['a finished run', 3, 3, 3, false],
  ])('from %s, goes on and closes the run only at the end', (_label, length, index, nextIndex, close) => {
    const queue = ['a', 'b', 'c'].slice(0, length)
    const moved = moveOn({ ...openSession(PRACTICE_RULES, queue), index, retrying: true })
    expect(moved.session.index).toBe(nextIndex)
    expect(moved.close).toBe(close)
    expect(moved.session.grade).toBeUndefined()
    expect(moved.session.retrying).toBe(nextIndex === index)
  })

  it.each([
    [0, false],
    [1, true],
  ])('at index %i of two, the item is the last: %s', (index, last) => {
    expect(isLastItem({ ...openSession(REVIEW_RULES, ['a', 'b']), index })).toBe(last)
  })
})

describe('practiceScore', () => {
  const run = startPractice({ courseId: 'c1', lessonId: 'l1', learnerId: 'ann', items: [single, truefalse, numeric], attemptId: 'r1', seed: 3, now: 0 })
  const saved = (itemId: string, answer: Answer | null): SavedResponse => ({ attemptId: 'r1', itemId, answer, flagged: false, savedAt: 0, seq: 1 })
  /** The run as it would be after the single-choice item was edited: its slot shows the new version. */
  const edited = {
    ...run,
    slots: run.slots.map((s) => (s.itemId === single.id ? { ...s, version: 'v-single-2' } : s)),
    snapshots: { ...run.snapshots, 'v-single-2': { ...single, version: 'v-single-2', answer: 'b' } },
  }

  it.each([
    ['no answers', run, [], { score: 0, max: 0, answered: 0 }],
    ['one right answer', run, [saved(single.id, RIGHT)], { score: 1, max: 1, answered: 1 }],
    ['a right and a wrong one', run, [saved(single.id, RIGHT), saved(truefalse.id, { type: 'truefalse', value: true })], { score: 1, max: 2, answered: 2 }],
    ['an empty answer', run, [saved(single.id, null)], { score: 0, max: 0, answered: 0 }],
    ['an item not in the run', run, [saved('q-gone', RIGHT)], { score: 0, max: 0, answered: 0 }],
    ['the version its slot showed', edited, [saved(single.id, WRONG)], { score: 1, max: 1, answered: 1 }],
  ])('scores %s', (_label, attempt, responses, expected) => {
    expect(practiceScore(attempt, responses)).toEqual(expected)
  })
})

describe('reviewOutlook', () => {
  const cards = { a: { due: 50 }, b: { due: 300 }, gone: { due: 10 } }
  const inCourse = (id: string) => id !== 'gone'

  it.each([
    ['no cards', {}, [], { dueAgain: 0, nextDue: null }],
    ['one card due again', cards, ['gone', 'a'], { dueAgain: 1, nextDue: 50 }],
    ['nothing due', { b: { due: 300 } }, [], { dueAgain: 0, nextDue: 300 }],
    ['only a removed item', { gone: { due: 10 } }, ['gone'], { dueAgain: 0, nextDue: null }],
  ])('with %s, counts and dates only items still in the course', (_label, given, due, expected) => {
    expect(reviewOutlook(given, due, inCourse)).toEqual(expected)
  })
})
