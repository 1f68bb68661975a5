import { describe, expect, it } from 'vitest'
import { assessmentInfo, itemCount, passed } from '../../../src/domain/blueprints.ts'
import type { Blueprint } from '../../../src/domain/types.ts'

const blueprint: Blueprint = {
  id: 'final',
  title: 'Final check',
  kind: 'final',
  draws: [{ lesson: 'l1', count: 3 }, { objective: 'o2', count: 2 }],
  passMark: 0.7,
  gradingMethod: 'highest',
  shuffleOptions: true,
  review: { afterSubmit: ['score'], afterLastAttempt: ['score', 'correct'] },
}

describe('passed', () => {
  it.each([
    ['well above the mark', 85, 0.7, true],
    ['exactly the mark', 70, 0.7, true],
    ['the mark as 0.7 * 100 computes it', 0.7 * 100, 0.7, true],
    ['float noise just below the mark', 69.999999999, 0.7, true],
    ['the mean of three 70% grades (69.99999999999999)', ((0.7 + 0.7 + 0.7) / 3) * 100, 0.7, true],
    ['a real shortfall', 69.99, 0.7, false],
    ['zero against a zero mark', 0, 0, true],
    ['zero against a mark', 0, 0.5, false],
    ['a full score against a full mark', 100, 1, true],
    ['not a number', Number.NaN, 0.5, false],
  ])('%s: %s against %s is %s', (_label, percent, passMark, expected) => {
    expect(passed(percent, passMark)).toBe(expected)
  })
})

describe('assessmentInfo', () => {
  it.each([
    ['without negative marking', {}, false],
    ['with negative marking', { negativeMarking: true }, true],
  ])('keeps what grading needs, %s', (_label, extra, negativeMarking) => {
    expect(assessmentInfo({ ...blueprint, ...extra })).toEqual({ id: 'final', title: 'Final check', passMark: 0.7, gradingMethod: 'highest', negativeMarking })
  })
})

describe('itemCount', () => {
  it.each([
    ['no draws', [], 0],
    ['one draw', [{ count: 4 }], 4],
    ['several draws', blueprint.draws, 5],
  ])('%s', (_label, draws, expected) => {
    expect(itemCount({ draws })).toBe(expected)
  })
})
