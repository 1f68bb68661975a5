import { describe, expect, it } from 'vitest'
import { allowanceProblem, normalAllowance, secondsAllowed, spokenDuration, timeAllowedText, type Allowance } from '../../../src/domain/allowance.ts'
import { checkAllowance } from '../../../src/domain/allowanceCheck.ts'
import { Invalid } from '../../../src/domain/validate.ts'

describe('extra time: bounds', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a multiplier of 1.25', { multiplier: 1.25 }, undefined],
    ['60 extra minutes', { extraMinutes: 60 }, undefined],
    ['both at their limits', { multiplier: 4, extraMinutes: 600 }, undefined],
    ['nothing at all', {}, undefined],
    ['a multiplier above 4', { multiplier: 4.5 }, 'allowance.multiplier is 4.5: it should be between 1 and 4'],
    ['a multiplier below 1', { multiplier: 0.5 }, 'allowance.multiplier is 0.5: it should be between 1 and 4'],
    ['601 extra minutes', { extraMinutes: 601 }, 'allowance.extraMinutes is 601: it should be between 0 and 600'],
    ['negative minutes', { extraMinutes: -1 }, 'allowance.extraMinutes is -1'],
    ['a multiplier in words', { multiplier: 'double' }, 'allowance.multiplier should be a number'],
    ['Infinity minutes', { extraMinutes: Infinity }, 'allowance.extraMinutes should be a number'],
    ['an unknown field', { multiplier: 1, bonusPoints: 5 }, 'allowance.bonusPoints is not part of an allowance'],
    ['a list', [1.5], 'allowance should be an object'],
  ])('%s', (_label, value, problem) => {
    let found: string | undefined
    try {
      checkAllowance(value, 'allowance')
    } catch (error) {
      if (!(error instanceof Invalid)) throw error
      found = `${error.path} ${error.message}`
    }
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toContain(problem)
  })

  it.each<[Allowance, string | undefined]>([
    [{ multiplier: 1, extraMinutes: 0 }, undefined],
    [{ multiplier: 4.01 }, 'The time multiplier should be a number from 1 to 4'],
    [{ multiplier: Number.NaN }, 'The time multiplier should be a number from 1 to 4'],
    [{ extraMinutes: 600.5 }, 'Extra minutes should be a number from 0 to 600.'],
  ])('the instructor’s form: %j → %s', (allowance, problem) => {
    expect(allowanceProblem(allowance)?.slice(0, problem?.length)).toBe(problem)
  })

  it.each<[Allowance | undefined, Allowance | undefined]>([
    [undefined, undefined],
    [{ multiplier: 1, extraMinutes: 0 }, undefined],
    [{ multiplier: 1.5, extraMinutes: 0 }, { multiplier: 1.5 }],
    [{ multiplier: 1, extraMinutes: 10 }, { extraMinutes: 10 }],
  ])('stores %j as %j', (allowance, stored) => {
    expect(normalAllowance(allowance)).toEqual(stored)
  })
})

describe('extra time: what the learner is told', () => {
  it.each<[number, Allowance | undefined, number, string]>([
    [30, undefined, 1800, 'You have 30 minutes'],
    [30, { multiplier: 1.25 }, 2250, 'You have 37 minutes 30 seconds (extra time)'],
    [30, { extraMinutes: 15 }, 2700, 'You have 45 minutes (extra time)'],
    [45, { multiplier: 1.5, extraMinutes: 5 }, 4350, 'You have 1 hour 12 minutes 30 seconds (extra time)'],
    [60, { multiplier: 1 }, 3600, 'You have 1 hour'],
    [1, { extraMinutes: 0 }, 60, 'You have 1 minute'],
  ])('a %d-minute limit with %j', (limit, allowance, seconds, text) => {
    expect(secondsAllowed(limit, allowance)).toBe(seconds)
    expect(timeAllowedText(limit, allowance)).toBe(text)
  })

  it.each([
    [0, '0 minutes'],
    [1, '1 second'],
    [3661, '1 hour 1 minute 1 second'],
    [7200, '2 hours'],
  ])('%d seconds read as "%s"', (seconds, text) => {
    expect(spokenDuration(seconds)).toBe(text)
  })
})
