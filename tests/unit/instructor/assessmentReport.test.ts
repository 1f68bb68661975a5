import { describe, expect, it } from 'vitest'
import { itemFlags, objectiveMastery, scoreDistribution } from '../../../src/domain/assessmentReport.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { makeAttempt, respond, RIGHT_SINGLE, RIGHT_TF, single, truefalse, WRONG_TF } from './fixtures.ts'

describe('item flags', () => {
  it.each([
    [95, 50, ['too-easy']],
    [90, 50, []],
    [15, 50, ['too-hard']],
    [20, 50, []],
    [50, 19.9, ['weak-discrimination']],
    [50, 0, ['weak-discrimination']],
    [50, -5, ['negative-discrimination']],
    [50, 20, []],
    [95, -1, ['too-easy', 'negative-discrimination']],
    [null, null, []],
  ] as const)('facility %s and discrimination %s raise %j', (facility, discriminationIndex, flags) => {
    expect(itemFlags({ facility, discriminationIndex })).toEqual(flags)
  })
})

describe('score distribution', () => {
  it.each([
    [0, 0],
    [9.99, 0],
    [10, 1],
    [55, 5],
    [99.9, 9],
    [100, 9],
  ])('puts %s%% in bin %i', (percent, bin) => {
    expect(scoreDistribution([percent]).findIndex((b) => b.count === 1)).toBe(bin)
  })

  it('has ten bins of ten points', () => {
    expect(scoreDistribution([]).map((b) => [b.from, b.to])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10, i * 10 + 10]))
  })
})

describe('mastery by objective', () => {
  const graded = ['a1', 'a2'].map((id, i) => {
    const attempt = makeAttempt({ id })
    const responses = [respond(id, single.id, RIGHT_SINGLE), respond(id, truefalse.id, i === 0 ? RIGHT_TF : WRONG_TF)]
    return { attempt, grade: gradeAttempt(attempt, responses) }
  })

  it('gives each objective its mean and the share of attempts at the pass mark', () => {
    expect(objectiveMastery(graded, 0.6)).toEqual([
      { objective: 'o1', attempts: 2, meanPercent: 100, masteredPercent: 100 },
      { objective: 'o2', attempts: 2, meanPercent: 50, masteredPercent: 50 },
    ])
  })
})
