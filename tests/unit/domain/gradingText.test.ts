import { describe, expect, it } from 'vitest'
import { applyManualGrade, gradeResponse, parseNumber } from '../../../src/domain/grading/index.ts'
import type { ManualGrade } from '../../../src/domain/types.ts'
import { freetext, numeric, short } from '../../fixtures/items.ts'

describe('short text', () => {
  it.each([
    ['exact', 'South Korea', 1],
    ['case, spaces and full stop', '  south   KOREA. ', 1],
    ['full-width letters', 'Ｓｏｕｔｈ Ｋｏｒｅａ', 1],
    ['straight quote for a curly key', "Cote d'Ivoire", 1],
    ['other curly quote', 'Côte d‘Ivoire', 1],
    ['diacritics dropped by the learner', 'Cote d’Ivoire', 1],
    ['en dash for a hyphen', 'Guinea–Bissau', 1],
    ['em dash for a hyphen', 'Guinea—Bissau', 1],
    ['abbreviation with or without its final stop', 'U.S', 1],
    ['one swapped pair (typo allowed)', 'Sotuh Korea', 1],
    ['one missing letter (typo allowed)', 'Suth Korea', 1],
    ['two typos', 'Soth Kora', 0],
    ['typo on a key shorter than 5 characters', 'U.K.', 0],
    ['regex pattern', 'United States of America', 1],
    ['partial answer', 'Korea', 0.5],
    ['partial answer with a typo', 'Koera', 0.5],
    ['wrong answer (an invalid pattern is skipped)', 'North Korea and China', 0],
  ])('%s', (_label, text, fraction) => {
    expect(gradeResponse(short, { type: 'short', text }).score).toBe(fraction)
  })

  it('is unanswered when blank', () => {
    expect(gradeResponse(short, { type: 'short', text: '   ' }).state).toBe('unanswered')
  })

  it('says when a typo was forgiven', () => {
    expect(gradeResponse(short, { type: 'short', text: 'Sotuh Korea' }).feedback).toEqual(['Accepted, though the spelling is slightly off.'])
  })

  it('does not forgive typos unless the item allows them', () => {
    expect(gradeResponse({ ...short, allowTypo: false }, { type: 'short', text: 'Sotuh Korea' }).score).toBe(0)
  })

  it('shows the wrong-answer feedback for a partial answer', () => {
    expect(gradeResponse(short, { type: 'short', text: 'Korea' }).feedback).toEqual([short.wrongFeedback])
  })
})

describe('numeric', () => {
  it.each([
    ['plain', '1000', 'correct'],
    ['thousands comma', '1,000', 'correct'],
    ['exponent', '1e3', 'correct'],
    ['with unit', '1000 years', 'correct'],
    ['unit in capitals', '1000 YEARS', 'correct'],
    ['singular unit without space', '1000year', 'correct'],
    ['within tolerance', '1004.5', 'correct'],
    ['decimal comma', '999,5', 'correct'],
    ['full-width digits', '１０００', 'correct'],
    ['trailing full stop', '1000.', 'correct'],
    ['out of range', '1006', 'incorrect'],
    ['negative', '-1000', 'incorrect'],
    ['unaccepted unit', '1000 months', 'incorrect'],
    ['not a number', 'about a thousand', 'incorrect'],
    ['NaN', 'NaN', 'incorrect'],
    ['Infinity', 'Infinity', 'incorrect'],
    ['overflow to infinity', '1e999', 'incorrect'],
    ['blank', ' ', 'unanswered'],
  ])('%s: %s', (_label, text, state) => {
    expect(gradeResponse(numeric, { type: 'numeric', text }).state).toBe(state)
  })

  it.each([
    ['10', 10, ''],
    ['10 years', 10, 'years'],
    ['1,000', 1000, ''],
    ['-3.5', -3.5, ''],
    ['−3.5', -3.5, ''],
    ['+.5', 0.5, ''],
    ['1e3', 1000, ''],
    ['2.5E-2 m', 0.025, 'm'],
  ])('reads %s', (text, value, unit) => {
    expect(parseNumber(text)).toEqual({ value, unit })
  })

  it('says why an out-of-range number is wrong', () => {
    expect(gradeResponse(numeric, { type: 'numeric', text: '1006' }).feedback[0]).toMatch(/not within the accepted range/)
  })

  it('says which units are accepted', () => {
    expect(gradeResponse(numeric, { type: 'numeric', text: '1000 months' }).feedback[0]).toMatch(/use years, year/)
  })

  it('applies a relative tolerance', () => {
    const item = { ...numeric, tolerance: { relative: 0.1 } }
    expect(gradeResponse(item, { type: 'numeric', text: '1090' }).state).toBe('correct')
  })

  it('takes the more generous of absolute and relative tolerance', () => {
    const item = { ...numeric, tolerance: { absolute: 200, relative: 0.01 } }
    expect(gradeResponse(item, { type: 'numeric', text: '1150' }).state).toBe('correct')
  })

  it('refuses a unit when the item lists none', () => {
    const item = { ...numeric, units: undefined }
    expect(gradeResponse(item, { type: 'numeric', text: '1000 years' }).feedback[0]).toBe('Answer with a number only.')
  })
})

describe('free text (provisional rubric score)', () => {
  const full = 'Foreign influence and ideological contamination may breed dissent, so a small group limits how far it can spread.'
  it.each([
    ['every concept', full, 4],
    ['half of one criterion', 'The ideological risk is real and worth watching closely here.', 1],
    ['no concept', 'I do not know the answer to this question at all.', 0],
  ])('%s', (_label, text, score) => {
    const grade = gradeResponse(freetext, { type: 'freetext', text })
    expect(grade.score).toBeCloseTo(score)
  })

  it('is never final', () => {
    expect(gradeResponse(freetext, { type: 'freetext', text: full })).toMatchObject({ state: 'needs-grading', provisional: true })
  })

  it('reports the concepts found per criterion', () => {
    expect(gradeResponse(freetext, { type: 'freetext', text: 'ideological' }).conceptsFound).toEqual([
      { criterion: 'c1', found: 1, total: 2, points: 2 },
      { criterion: 'c2', found: 0, total: 2, points: 2 },
    ])
  })

  it('notes an answer shorter than minWords', () => {
    expect(gradeResponse(freetext, { type: 'freetext', text: 'dissent' }).feedback[1]).toMatch(/shorter than the 8 words/)
  })

  it('defaults its max to the rubric total', () => {
    expect(gradeResponse(freetext, { type: 'freetext', text: 'x' }).max).toBe(4)
  })

  it('is unanswered when blank', () => {
    expect(gradeResponse(freetext, { type: 'freetext', text: '' }).state).toBe('unanswered')
  })
})

describe('applyManualGrade', () => {
  const manual = (score: number, comment = ''): ManualGrade => ({ attemptId: 'a1', itemId: 'q-free', criteria: { c1: 2, c2: 1 }, score, comment, gradedAt: 5 })
  const provisional = gradeResponse(freetext, { type: 'freetext', text: 'ideological' })

  it.each([
    ['partial', 3, 3, 'partial'],
    ['full', 4, 4, 'correct'],
    ['zero', 0, 0, 'incorrect'],
    ['above max is clamped', 10, 4, 'correct'],
    ['below zero is clamped', -1, 0, 'incorrect'],
  ])('%s', (_label, given, score, state) => {
    const grade = applyManualGrade(provisional, manual(given))
    expect([grade.score, grade.state, grade.provisional]).toEqual([score, state, false])
  })

  it('shows the instructor’s comment', () => {
    expect(applyManualGrade(provisional, manual(3, 'Good point on dissent.')).feedback).toEqual(['Good point on dissent.'])
  })
})
