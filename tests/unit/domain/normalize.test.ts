import { describe, expect, it } from 'vitest'
import { containsPhrase, editDistance, normalizeText } from '../../../src/domain/normalize.ts'

describe('normalizeText', () => {
  it.each([
    ['full-width letters', 'ＵＳＡ', 'usa'],
    ['case and spaces', '  South   KOREA ', 'south korea'],
    ['curly single quotes', 'd’Ivoire ‘x’', "d'ivoire 'x'"],
    ['curly double quotes', '“quoted”', '"quoted"'],
    ['en dash', 'Guinea–Bissau', 'guinea-bissau'],
    ['em dash', 'Guinea—Bissau', 'guinea-bissau'],
    ['minus sign', '−3', '-3'],
    ['non-breaking hyphen', 'a\u2011b', 'a-b'],
    ['diacritics', 'Côte Kyïv Ñandú', 'cote kyiv nandu'],
    ['decomposed diacritics', 'Cafe\u0301', 'cafe'],
    ['trailing full stop', 'South Korea.', 'south korea'],
    ['only one trailing stop removed', 'U.S.', 'u.s'],
    ['tabs and newlines', 'a\t\nb', 'a b'],
    ['ligature', 'ﬁne', 'fine'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })
})

describe('editDistance', () => {
  it.each([
    ['korea', 'korea', 0],
    ['korea', 'kroea', 1],
    ['korea', 'kore', 1],
    ['korea', 'koreaa', 1],
    ['korea', 'kprea', 1],
    ['korea', 'okrae', 2],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 1)).toBe(2)
  })
})

describe('containsPhrase', () => {
  it.each([
    ['stem finds a longer word', 'Ideological contamination', 'ideolog', true],
    ['does not match inside a word', 'nonsmall group', 'small', false],
    ['multi-word phrase', 'more foreign influences here', 'foreign influence', true],
    ['multi-word phrase needs whole earlier words', 'foreigners influence', 'foreign influence', false],
    ['diacritics and case ignored', 'DISSÉNT grows', 'dissent', true],
    ['empty phrase never matches', 'anything', '  ', false],
  ])('%s', (_label, text, phrase, expected) => {
    expect(containsPhrase(text, phrase)).toBe(expected)
  })
})
