import { describe, expect, it } from 'vitest'
import { gradeResponse, parseNumber } from '../../../src/domain/grading/index.ts'
import type { NumericItem } from '../../../src/domain/types.ts'
import { numeric } from '../../fixtures/items.ts'

/** The rules at the top of src/domain/grading/numeric.ts; older rows live in gradingText.test.ts. */
const grade = (change: Partial<NumericItem>, text: string): string =>
  gradeResponse({ ...numeric, units: undefined, tolerance: undefined, ...change }, { type: 'numeric', text }).state

describe('numeric tolerance edges', () => {
  it.each<[string, Partial<NumericItem>, string, string]>([
    ['exactly on an absolute edge above (0.4 − 0.3 is 0.10000000000000003 in floating point)', { answer: 0.3, tolerance: { absolute: 0.1 } }, '0.4', 'correct'],
    ['exactly on an absolute edge below', { answer: 0.3, tolerance: { absolute: 0.1 } }, '0.2', 'correct'],
    ['just past an absolute edge', { answer: 0.3, tolerance: { absolute: 0.1 } }, '0.4000001', 'incorrect'],
    ['exactly on a relative edge (0.7 ± 10 %: 0.77)', { answer: 0.7, tolerance: { relative: 0.1 } }, '0.77', 'correct'],
    ['just past a relative edge', { answer: 0.7, tolerance: { relative: 0.1 } }, '0.7701', 'incorrect'],
    ['the more generous tolerance wins, its edge included (0.7 + absolute 0.2 = 0.9)', { answer: 0.7, tolerance: { absolute: 0.2, relative: 0.1 } }, '0.9', 'correct'],
    ['a relative tolerance on a tiny value is not widened: 0 is not 1e-12 ± 1 %', { answer: 1e-12, tolerance: { relative: 0.01 } }, '0', 'incorrect'],
    ['a relative tolerance on a tiny value still accepts its own range', { answer: 1e-12, tolerance: { relative: 0.01 } }, '1.005e-12', 'correct'],
    ['a relative tolerance on a tiny value rejects a value 2 % off', { answer: 1e-12, tolerance: { relative: 0.01 } }, '1.02e-12', 'incorrect'],
    ['no tolerance: a tiny value twice the answer is wrong (no absolute floor)', { answer: 1e-12 }, '2e-12', 'incorrect'],
    ['no tolerance: floating-point noise is absorbed (0.1 + 0.2 written 0.3)', { answer: 0.1 + 0.2 }, '0.3', 'correct'],
    ['no tolerance: a real difference in the ninth digit of a large answer is wrong', { answer: 1000 }, '1000.01', 'incorrect'],
    ['no tolerance: zero must be zero', { answer: 0 }, '0.000001', 'incorrect'],
  ])('%s', (_label, change, text, state) => {
    expect(grade(change, text)).toBe(state)
  })
})

describe('numeric decimal commas', () => {
  it.each<[string, string, { value: number; unit: string } | null]>([
    ['a leading zero is never a thousands group', '0,001', { value: 0.001, unit: '' }],
    ['three digits after a leading zero are decimals', '0,250', { value: 0.25, unit: '' }],
    ['with a sign and a unit', '−0,250 m', { value: -0.25, unit: 'm' }],
    ['ambiguous, read as thousands: a comma and three digits after a non-zero', '1,250', { value: 1250, unit: '' }],
    ['a single comma not followed by three digits is a decimal comma', '12,5', { value: 12.5, unit: '' }],
    ['a thousands number cannot start with a zero group', '0,001,000', null],
    ['a decimal comma and a decimal point together are unreadable', '0,250.5', null],
    ['a capital exponent is read (the text keeps its case)', '1E3', { value: 1000, unit: '' }],
    ['the unit keeps its case for a case-sensitive check', '10 Years', { value: 10, unit: 'Years' }],
  ])('%s: %s', (_label, text, expected) => {
    expect(parseNumber(text)).toEqual(expected)
  })

  it.each<[string, string, string]>([
    ['0,250 is right for 0.25', '0,250', 'correct'],
    ['0.250 is right for 0.25', '0.250', 'correct'],
    ['1,250 is not 1.25 (read as thousands; see the rule)', '1,250', 'incorrect'],
  ])('%s', (_label, text, state) => {
    expect(grade({ answer: 0.25 }, text)).toBe(state)
  })
})

describe('numeric units and case', () => {
  it.each<[string, Partial<NumericItem>, string, string]>([
    ['default: units ignore case', { answer: 5, units: ['mm'] }, '5 MM', 'correct'],
    ['unitsCaseSensitive: millimetres are not megametres', { answer: 5, units: ['mm'], unitsCaseSensitive: true }, '5 Mm', 'incorrect'],
    ['unitsCaseSensitive: the exact unit is right', { answer: 5, units: ['mm'], unitsCaseSensitive: true }, '5 mm', 'correct'],
    ['unitsCaseSensitive: each listed case is right', { answer: 5, units: ['ms', 'Ms'], unitsCaseSensitive: true }, '5 Ms', 'correct'],
    ['unitsCaseSensitive: a bare number is still right', { answer: 5, units: ['mm'], unitsCaseSensitive: true }, '5', 'correct'],
    ['unitsCaseSensitive: full-width letters still count as the unit', { answer: 5, units: ['mm'], unitsCaseSensitive: true }, '5 ｍｍ', 'correct'],
  ])('%s', (_label, change, text, state) => {
    expect(grade(change, text)).toBe(state)
  })

  it('names the unit as the learner wrote it', () => {
    const item = { ...numeric, answer: 5, units: ['mm'], unitsCaseSensitive: true }
    expect(gradeResponse(item, { type: 'numeric', text: '5 Mm' }).feedback[0]).toBe('"Mm" is not an accepted unit here (use mm).')
  })
})
