/** Issue 14 §2: certainty-based marking, Moodle's marks and summary figures (rules in src/domain/cbm.ts). */
import { describe, expect, it } from 'vitest'
import { cbmBonus, cbmFraction, cbmItemMark, cbmSummary, expectedForAccuracy, type CbmItemInput } from '../../../src/domain/cbm.ts'
import { checkCertainty } from '../../../src/domain/certaintyCheck.ts'
import { Invalid } from '../../../src/domain/validate.ts'

describe('cbmFraction: marks per item maximum', () => {
  it.each([
    // Moodle's table: right 1/2/3, wrong 0/−2/−6.
    [1, 1, 1], [1, 2, 2], [1, 3, 3],
    [0, 1, 0], [0, 2, -2], [0, 3, -6],
    // Partial credit, linear: f·right + (1 − f)·wrong.
    [0.5, 1, 0.5], [0.5, 2, 0], [0.5, 3, -1.5],
    [0.75, 3, 0.75], [0.25, 2, -1],
    // Out-of-range fractions are clamped to 0..1 (graders never give them).
    [-0.25, 3, -6], [1.5, 2, 2], [Number.NaN, 2, -2],
  ] as const)('fraction %s at certainty %s earns %s', (fraction, certainty, mark) => {
    expect(cbmFraction(fraction, certainty)).toBeCloseTo(mark, 12)
  })

  it('differs from Moodle 4.x on partial credit, by choice (docs/cbm.md)', () => {
    // Moodle 4.x: right(c)·f for any f > 0, so half right at level 3 earns +1.5 there.
    expect(cbmFraction(0.5, 3)).toBe(-1.5)
  })
})

describe('expectedForAccuracy and cbmBonus (Moodle calculate_bonus)', () => {
  it.each([
    // The best single level: 1 below 2/3, 2 between 2/3 and 0.8, 3 above 0.8.
    [0, 0], [0.5, 0.5], [2 / 3, 2 / 3], [0.75, 1], [0.8, 1.2], [0.9, 2.1], [1, 3],
  ])('accuracy %s: at best %s a question', (accuracy, expected) => {
    expect(expectedForAccuracy(accuracy)).toBeCloseTo(expected, 12)
  })

  it.each([
    ['all right at level 3', 3, 1, 0],
    ['all right at level 1 (under-confident)', 1, 1, -0.2],
    ['75 % right, all at level 2', 1, 0.75, 0],
    ['75 % right, well told apart', 1.5, 0.75, 0.05],
  ])('%s', (_name, averageCbm, accuracy, bonus) => {
    expect(cbmBonus(averageCbm, accuracy)).toBeCloseTo(bonus, 12)
  })
})

const item = (over: Partial<CbmItemInput>): CbmItemInput => ({ score: 1, max: 1, certainty: 3, answered: true, pending: false, ...over })

describe('cbmItemMark', () => {
  it.each([
    ['right, very sure, 2 points', item({ score: 2, max: 2 }), { certainty: 3, defaulted: false, mark: 6 }],
    ['wrong, fairly sure, 2 points', item({ score: 0, max: 2, certainty: 2 }), { certainty: 2, defaulted: false, mark: -4 }],
    ['right with no certainty: level 1', item({ certainty: null }), { certainty: 1, defaulted: true, mark: 1 }],
    ['wrong with no certainty: level 1, no penalty', item({ score: 0, certainty: null }), { certainty: 1, defaulted: true, mark: 0 }],
    ['unanswered at level 3: never penalised', item({ score: 0, answered: false }), { certainty: 3, defaulted: false, mark: 0 }],
    ['pending free text: no mark yet', item({ score: 0.5, pending: true }), { certainty: 3, defaulted: false, mark: null }],
  ])('%s', (_name, input, expected) => {
    expect(cbmItemMark(input)).toEqual(expected)
  })
})

describe('cbmSummary (hand-computed)', () => {
  it('the worked example of docs/cbm.md', () => {
    const items = [
      item({}), item({}), item({ score: 0 }), item({ certainty: 2 }), item({ score: 0, certainty: 1 }), item({ score: 0.5, certainty: 2 }),
    ]
    // Raw 3.5 / 6; CBM 3 + 3 − 6 + 2 + 0 + 0 = 2, average 1/3; best single level at 7/12 is level 1
    // (7/12); bonus 0.1 × (1/3 − 7/12) = −0.025.
    expect(cbmSummary(items)).toEqual({
      items: 6, weight: 6, score: 2, accuracy: 0.583333333, averageCbm: 0.333333333, bonus: -0.025, accuracyAndBonus: 0.558333333,
      defaulted: 0, pending: 0, passOn: 'accuracy',
    })
  })

  it('leaves pending items out of every figure, and counts them', () => {
    const summary = cbmSummary([item({}), item({ score: 0, certainty: 1 }), item({ score: 4, max: 4, pending: true })], 'cbm')
    expect(summary).toMatchObject({ items: 2, weight: 2, score: 3, accuracy: 0.5, averageCbm: 1.5, pending: 1, passOn: 'cbm' })
    // Best at 0.5 is level 1 (0.5): bonus 0.1 × (1.5 − 0.5) = 0.1.
    expect(summary.bonus).toBeCloseTo(0.1, 9)
  })

  it('counts answers without a certainty, not blanks', () => {
    expect(cbmSummary([item({ certainty: null }), item({ certainty: null, answered: false, score: 0 })]).defaulted).toBe(1)
  })

  it('weights by item maximum, as Moodle does', () => {
    // 2-point item right at 3 (6), 1-point wrong at 3 (−6): average 0 over weight 3, accuracy 2/3.
    expect(cbmSummary([item({ score: 2, max: 2 }), item({ score: 0 })])).toMatchObject({ weight: 3, score: 0, accuracy: 0.666666667, averageCbm: 0 })
  })

  it('is all zero when nothing is decided', () => {
    expect(cbmSummary([item({ pending: true })])).toMatchObject({ items: 0, weight: 0, accuracy: 0, averageCbm: 0, bonus: 0, accuracyAndBonus: 0, pending: 1 })
  })
})

describe('checkCertainty', () => {
  it.each([1, 2, 3])('accepts %s', (level) => {
    expect(checkCertainty(level, 'responses[0].certainty')).toBe(level)
  })

  it.each([
    [4, 'is 4: a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)'],
    ['3', 'is the text "3": a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)'],
    [0, 'is 0:'],
    [2.5, 'is 2.5:'],
    [null, 'is null:'],
    [true, 'is true:'],
  ])('refuses %j with a clear message', (value, message) => {
    expect(() => checkCertainty(value, 'responses[0].certainty')).toThrow(Invalid)
    try {
      checkCertainty(value, 'responses[0].certainty')
    } catch (error) {
      expect((error as Invalid).path).toBe('responses[0].certainty')
      expect((error as Invalid).message.startsWith(message)).toBe(true)
    }
  })
})
