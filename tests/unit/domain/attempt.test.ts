import { describe, expect, it } from 'vitest'
import {
  AttemptLimitError, attemptsLeft, autoSubmitIfOverdue, isOverdue, saveAnswer, submitAttempt, toggleFlag,
} from '../../../src/domain/attempt.ts'
import { finalGrade, gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import type { Answer, Attempt, ManualGrade, SavedResponse } from '../../../src/domain/types.ts'
import { blueprint, makeBanks, mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'

const MIN = 60_000
const T0 = 1_700_000_000_000
const banks = makeBanks()

function start(overrides: Partial<Parameters<typeof startAttempt>[0]> = {}): Attempt {
  return startAttempt({ blueprint, banks, learnerId: 'ann', courseId: 'c1', attemptId: 'at1', seed: 7, now: T0, previousAttempts: [], ...overrides })
}

function saved(result: ReturnType<typeof saveAnswer>): SavedResponse {
  if (!result.ok) throw new Error(result.message)
  return result.response
}

describe('startAttempt', () => {
  it.each([
    ['no allowance', {}, T0 + 30 * MIN],
    ['a multiplier', { multiplier: 1.5 }, T0 + 45 * MIN],
    ['extra minutes', { extraMinutes: 10 }, T0 + 40 * MIN],
    ['both', { multiplier: 2, extraMinutes: 5 }, T0 + 65 * MIN],
  ])('fixes an absolute deadline with %s', (_label, allowance, deadline) => {
    expect(start({ allowance }).deadline).toBe(deadline)
  })

  it('has no deadline when untimed', () => {
    expect(start({ blueprint: { ...blueprint, timeLimit: undefined } }).deadline).toBeNull()
  })

  it('draws its slots and snapshots from the seed', () => {
    const attempt = start()
    expect(attempt.slots).toHaveLength(7)
    expect(Object.keys(attempt.snapshots)).toHaveLength(7)
  })

  it('refuses when every attempt has been used', () => {
    const previous = [start({ attemptId: 'p1' }), start({ attemptId: 'p2' })]
    expect(() => start({ previousAttempts: previous })).toThrow(AttemptLimitError)
  })

  it('ignores other learners’ and other blueprints’ attempts', () => {
    const previous = [start({ attemptId: 'p1', learnerId: 'bob' }), { ...start({ attemptId: 'p2' }), sourceId: 'other' }]
    expect(start({ previousAttempts: previous }).id).toBe('at1')
  })
})

describe('attemptsLeft', () => {
  it.each([
    [0, 2],
    [1, 1],
    [2, 0],
    [3, 0],
  ])('after %i attempts, %i left', (used, left) => {
    const previous = Array.from({ length: used }, (_, i) => start({ attemptId: `p${i}` }))
    expect(attemptsLeft(blueprint, previous, 'ann')).toBe(left)
  })

  it('is null when unlimited', () => {
    expect(attemptsLeft({ ...blueprint, maxAttempts: undefined }, [])).toBeNull()
  })
})

describe('saveAnswer and toggleFlag', () => {
  const attempt = start()
  const itemId = attempt.slots[0]?.itemId ?? ''
  const answer: Answer = { type: 'single', optionId: 'a' }

  it('saves a first answer with sequence 1', () => {
    expect(saved(saveAnswer(undefined, answer, T0 + MIN, attempt, itemId))).toEqual({
      attemptId: 'at1', itemId, answer, flagged: false, savedAt: T0 + MIN, seq: 1,
    })
  })

  it('increments the sequence on every save', () => {
    const first = saved(saveAnswer(undefined, answer, T0 + MIN, attempt, itemId))
    expect(saved(saveAnswer(first, null, T0 + 2 * MIN, attempt)).seq).toBe(2)
  })

  it('accepts a save exactly at the deadline', () => {
    expect(saveAnswer(undefined, answer, T0 + 30 * MIN, attempt, itemId).ok).toBe(true)
  })

  it('refuses a save after the deadline', () => {
    expect(saveAnswer(undefined, answer, T0 + 30 * MIN + 1, attempt, itemId)).toMatchObject({ ok: false, reason: 'overdue' })
  })

  it('refuses a save after submission', () => {
    expect(saveAnswer(undefined, answer, T0 + MIN, submitAttempt(attempt, T0, 'learner'), itemId)).toMatchObject({ ok: false, reason: 'submitted' })
  })

  it('refuses an item that is not in the attempt', () => {
    expect(saveAnswer(undefined, answer, T0, attempt, 'nope')).toMatchObject({ ok: false, reason: 'unknown-item' })
  })

  it('toggles a flag without changing the answer or its save time', () => {
    const first = saved(saveAnswer(undefined, answer, T0 + MIN, attempt, itemId))
    expect(saved(toggleFlag(first, T0 + 5 * MIN, attempt))).toMatchObject({ flagged: true, answer, savedAt: T0 + MIN, seq: 2 })
  })
})

describe('submission and deadlines', () => {
  const attempt = start()

  it('records a learner’s submit time and reason', () => {
    expect(submitAttempt(attempt, T0 + MIN, 'learner')).toMatchObject({ submittedAt: T0 + MIN, submitReason: 'learner' })
  })

  it('does not resubmit a submitted attempt', () => {
    const once = submitAttempt(attempt, T0 + MIN, 'learner')
    expect(submitAttempt(once, T0 + 2 * MIN, 'learner')).toBe(once)
  })

  it.each([
    [T0 + 30 * MIN, false],
    [T0 + 30 * MIN + 1, true],
  ])('at %i is overdue: %s', (now, overdue) => {
    expect(isOverdue(attempt, now)).toBe(overdue)
  })

  it('auto-submits an overdue attempt as of its deadline', () => {
    expect(autoSubmitIfOverdue(attempt, T0 + 5 * 60 * MIN)).toMatchObject({ submittedAt: T0 + 30 * MIN, submitReason: 'deadline' })
  })

  it('leaves an attempt within its time alone', () => {
    expect(autoSubmitIfOverdue(attempt, T0 + MIN)).toBe(attempt)
  })

  it('never auto-submits an untimed attempt', () => {
    const untimed = start({ blueprint: { ...blueprint, timeLimit: undefined } })
    expect(autoSubmitIfOverdue(untimed, T0 + 1e12)).toBe(untimed)
  })
})

describe('gradeAttempt', () => {
  const attempt = startAttempt({ blueprint: mixedBlueprint, banks: mixedBanks, learnerId: 'ann', courseId: 'c1', attemptId: 'm1', seed: 3, now: T0, previousAttempts: [] })
  const response = (itemId: string, answer: Answer | null, savedAt = T0 + MIN, seq = 1): SavedResponse =>
    ({ attemptId: 'm1', itemId, answer, flagged: false, savedAt, seq })
  const right: SavedResponse[] = [
    response('q-single', { type: 'single', optionId: 'a' }),
    response('q-multiple', { type: 'multiple', optionIds: ['a', 'b'] }),
    response('q-tf', { type: 'truefalse', value: false }),
    response('q-matching', { type: 'matching', matches: { m1: 'm1', m2: 'm2', m3: 'm3', m4: 'm4' } }),
    response('q-ordering', { type: 'ordering', order: ['s1', 's2', 's3', 's4', 's5'] }),
    response('q-categorize', { type: 'categorize', assignments: { t1: 'fact', t2: 'unconfirmed', t3: 'judgment', t4: 'fact' } }),
    response('q-cloze', { type: 'cloze', blanks: { month: 'June', year: '2024', city: 'Pyongyang' } }),
    response('q-short', { type: 'short', text: 'South Korea' }),
    response('q-numeric', { type: 'numeric', text: '1000' }),
    response('q-free', { type: 'freetext', text: 'ideological dissent' }),
  ]
  const manual: ManualGrade = { attemptId: 'm1', itemId: 'q-free', criteria: { c1: 2, c2: 1 }, score: 3, comment: '', gradedAt: T0 }

  it('counts everything but the pending free text', () => {
    expect(gradeAttempt(attempt, right, [], { passMark: 0.6 })).toMatchObject({ score: 9, max: 13, pending: 1 })
  })

  it('reports the provisional score separately', () => {
    expect(gradeAttempt(attempt, right, [], { passMark: 0.6 }).provisionalScore).toBe(11)
  })

  it('passes once the counted score reaches the pass mark, whatever is pending', () => {
    expect(gradeAttempt(attempt, right, [], { passMark: 0.6 }).passed).toBe(true)
  })

  it('leaves passing undecided while pending items could decide it', () => {
    expect(gradeAttempt(attempt, right, [], { passMark: 0.9 }).passed).toBeNull()
  })

  it('uses the instructor’s grade for free text', () => {
    expect(gradeAttempt(attempt, right, [manual], { passMark: 0.9 })).toMatchObject({ score: 12, pending: 0, passed: true })
  })

  it('fails when nothing is pending and the pass mark is missed', () => {
    expect(gradeAttempt(attempt, right, [{ ...manual, score: 0 }], { passMark: 0.95 }).passed).toBe(false)
  })

  it('ignores a response saved after the deadline', () => {
    const late = [...right.slice(1), response('q-single', { type: 'single', optionId: 'a' }, T0 + 31 * MIN)]
    expect(gradeAttempt(attempt, late).score).toBe(8)
  })

  it('uses the response with the highest sequence', () => {
    const changed = [...right, response('q-single', { type: 'single', optionId: 'b' }, T0 + 2 * MIN, 2)]
    expect(gradeAttempt(attempt, changed).score).toBe(8)
  })

  it('scores an attempt with no responses as zero', () => {
    expect(gradeAttempt(attempt, [])).toMatchObject({ score: 0, percent: 0, passed: false, pending: 0 })
  })

  it('breaks the score down by objective', () => {
    const byObjective = gradeAttempt(attempt, right, [manual]).perObjective
    expect(byObjective.find((o) => o.objective === 'o6')).toEqual({ objective: 'o6', score: 3, max: 4 })
  })

  it('applies negative marking from the options', () => {
    const wrongMatch = [response('q-matching', { type: 'matching', matches: { m1: 'm1', m2: 'm1', m3: 'm1', m4: 'm1' } })]
    expect(gradeAttempt(attempt, wrongMatch, [], { negativeMarking: true }).score).toBeCloseTo(0.375)
  })
})

describe('finalGrade', () => {
  const attempts = [
    { startedAt: 3, percent: 70 },
    { startedAt: 1, percent: 40 },
    { startedAt: 2, percent: 90 },
  ]
  it.each([
    ['highest', 90],
    ['first', 40],
    ['last', 70],
    ['average', 200 / 3],
  ] as const)('%s', (method, expected) => {
    expect(finalGrade(attempts, method)).toBeCloseTo(expected)
  })

  it('is null without attempts', () => {
    expect(finalGrade([], 'highest')).toBeNull()
  })
})
