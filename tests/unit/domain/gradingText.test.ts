import { describe, expect, it } from 'vitest'
import { applyManualGrade, gradeResponse, parseNumber } from '../../../src/domain/grading/index.ts'
import type { ClozeBlank, ClozeItem, ManualGrade, ShortTextItem } from '../../../src/domain/types.ts'
import { cloze, freetext, numeric, short } from '../../fixtures/items.ts'

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

  it.each<[string, Partial<ShortTextItem>, string, number]>([
    ['an unanchored pattern must match the whole answer', { patterns: ['knowledge'] }, 'no knowledge', 0],
    ['an unanchored pattern still matches the whole answer', { patterns: ['knowledge'] }, 'Knowledge.', 1],
    ['an alternation is anchored as a whole, not per branch', { patterns: ['drone|missile'] }, 'anti-missile', 0],
    ['an author-anchored pattern works as before', { patterns: ['^drones?$'] }, 'Drones', 1],
    ['a pattern with a curly quote matches the straight quote typed', { patterns: ['c[oô]te d’ivoire'] }, "Cote d'Ivoire", 1],
    ['a pattern with a diacritic matches the folded answer', { patterns: ['kyïv'] }, 'Kyiv', 1],
    ['a pattern in capitals matches case-insensitively by default', { patterns: ['KYIV'] }, 'kyiv', 1],
    ['caseSensitive: a pattern no longer ignores case', { patterns: ['Kyiv'], caseSensitive: true }, 'kyiv', 0],
    ['caseSensitive: a pattern matches the right case', { patterns: ['Kyiv'], caseSensitive: true }, 'Kyiv', 1],
    ['caseSensitive: an accepted answer needs its case', { accept: ['NATO'], caseSensitive: true }, 'nato', 0],
    ['caseSensitive: the accepted case is right', { accept: ['NATO'], caseSensitive: true }, 'NATO.', 1],
    ['caseSensitive still folds accents', { accept: ['Kyïv'], caseSensitive: true }, 'Kyiv', 1],
    ['accentSensitive: a dropped diacritic is wrong', { accept: ['résumé'], accentSensitive: true, allowTypo: false }, 'resume', 0],
    ['accentSensitive: the diacritic typed is right, in any case', { accept: ['résumé'], accentSensitive: true }, 'RÉSUMÉ', 1],
    ['accentSensitive: a pattern keeps its diacritic', { patterns: ['résumé'], accentSensitive: true, allowTypo: false }, 'resume', 0],
    ['Japanese: は is not accepted for ば (a voicing mark is a letter)', { accept: ['ば'] }, 'は', 0],
    ['Devanagari: कम is not accepted for काम (a vowel sign is a letter)', { accept: ['काम'] }, 'कम', 0],
    ['reject beats a pattern that matches', { patterns: ['.*korea'], reject: ['North Korea'] }, 'north korea', 0],
    ['reject beats a forgiven typo', { accept: ['mortal'], reject: ['portal'] }, 'portal', 0],
    ['reject beats a partial answer', { reject: ['Korea'] }, 'Korea', 0],
    ['reject is normalised like the answer', { patterns: ['.*korea'], reject: ['NORTH  Korea.'] }, 'North Korea', 0],
    ['an answer not rejected still earns its credit', { reject: ['North Korea'] }, 'South Korea', 1],
    ['reject follows caseSensitive: another case is not the rejected answer', { accept: ['us'], patterns: ['us|US'], reject: ['US'], caseSensitive: true }, 'us', 1],
  ])('%s', (_label, change, text, fraction) => {
    expect(gradeResponse({ ...short, ...change }, { type: 'short', text }).score).toBe(fraction)
  })

  it('is unanswered when blank', () => {
    expect(gradeResponse(short, { type: 'short', text: '   ' }).state).toBe('unanswered')
  })

  it('gives no typo note when a rejected answer is marked wrong', () => {
    expect(gradeResponse({ ...short, accept: ['mortal'], reject: ['portal'] }, { type: 'short', text: 'portal' }).feedback).toEqual([short.wrongFeedback])
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

describe('cloze typed blanks (the short-text rules, through textCredit)', () => {
  const withCity = (change: Partial<ClozeBlank>): ClozeItem => ({
    ...cloze,
    blanks: cloze.blanks.map((blank) => (blank.id === 'city' ? { ...blank, ...change } : blank)),
  })
  it.each<[string, Partial<ClozeBlank>, string, boolean]>([
    ['an accepted answer, normalised like short text', {}, ' PYÖNGYANG. ', true],
    ['a curly quote typed for a straight one', { accept: ["Cote d'Ivoire"] }, 'Côte d’Ivoire', true],
    ['a rejected answer is wrong even though it is also accepted', { accept: ['Pyongyang', 'Seoul'], reject: ['Seoul'] }, 'Seoul', false],
    ['reject is normalised like the answer', { accept: ['Seoul'], reject: ['SEOUL.'] }, 'seoul', false],
    ['an answer not rejected is still right', { reject: ['Seoul'] }, 'Pyongyang', true],
    ['no typo is forgiven in a blank', {}, 'Pyongyagn', false],
    ['Japanese: a voicing mark is a letter, not an accent', { accept: ['ば'] }, 'は', false],
    ['caseSensitive blank: another case is wrong', { accept: ['NATO'], caseSensitive: true }, 'nato', false],
    ['caseSensitive blank: the accepted case is right', { accept: ['NATO'], caseSensitive: true }, 'NATO', true],
    ['accentSensitive blank: a dropped diacritic is wrong', { accept: ['Kyïv'], accentSensitive: true }, 'Kyiv', false],
    ['default blank: a dropped diacritic is right', { accept: ['Kyïv'] }, 'Kyiv', true],
  ])('%s', (_label, change, city, right) => {
    const grade = gradeResponse(withCity(change), { type: 'cloze', blanks: { month: 'June', year: '2024', city } })
    expect(grade.parts?.find((p) => p.id === 'city')?.correct).toBe(right)
  })
})

describe('quoting the brief', () => {
  it.each<[string, string, number]>([
    ['the accepted word in curly quotes (review l0-q09)', '“South Korea”', 1],
    ['the accepted word in single quotes with a stop', "'South Korea'.", 1],
    ['quotes do not turn a wrong answer right', '“North Korea”', 0],
  ])('%s', (_label, text, fraction) => {
    expect(gradeResponse(short, { type: 'short', text }).score).toBe(fraction)
  })
})
