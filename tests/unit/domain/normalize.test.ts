import { describe, expect, it } from 'vitest'
import { containsPhrase, editDistance, normalizeChars, normalizeText, normalizeWith } from '../../../src/domain/normalize.ts'

describe('normalizeText', () => {
  it.each([
    ['full-width letters', 'ＵＳＡ', 'usa'],
    ['case and spaces', '  South   KOREA ', 'south korea'],
    ['curly single quotes', 'd’Ivoire ‘x’', "d'ivoire 'x'"],
    ['curly double quotes (inside the answer: quotes around all of it are now removed, review l0-q09)', 'say “quoted”', 'say "quoted"'],
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
    ['quotes around the whole answer', '“reportedly”', 'reportedly'],
    ['single quotes around the whole answer, stop outside', "'reportedly'.", 'reportedly'],
    ['quotes around, stop inside', '"reportedly."', 'reportedly'],
    ['quotes inside the answer are kept', 'the "reported" event', 'the "reported" event'],
    ['two quoted words are not one quoted answer', '"a" and "b"', '"a" and "b"'],
    ['an apostrophe inside double quotes is kept', '"Cote d\'Ivoire"', "cote d'ivoire"],
    ['Vietnamese stacked Latin marks are all folded', 'Việt Nam', 'viet nam'],
    ['Japanese voicing mark kept: ば is not は', 'ばか', 'ばか'],
    ['Japanese decomposed voicing mark kept (composed again)', '\u306F\u3099', 'ば'],
    ['Devanagari vowel sign kept: काम is not कम', 'काम', 'काम'],
    ['Cyrillic breve kept: й is a letter, not и with an accent', 'Йод', 'йод'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it.each([
    ['は and ば stay different words', 'は', 'ば'],
    ['कम (less) and काम (work) stay different words', 'कम', 'काम'],
    ['и and й stay different letters', 'и', 'й'],
  ])('does not merge marks that are letters: %s', (_label, a, b) => {
    expect(normalizeText(a)).not.toBe(normalizeText(b))
  })

  it.each([
    ['default: case and accents ignored', 'Côte', {}, 'cote'],
    ['caseSensitive keeps case, still folds accents', 'Côte', { caseSensitive: true }, 'Cote'],
    ['accentSensitive keeps accents, still folds case', 'Côte', { accentSensitive: true }, 'côte'],
    ['both keep the text as typed (spaces and stop still tidied)', ' Côte. ', { caseSensitive: true, accentSensitive: true }, 'Côte'],
    ['accentSensitive still composes a decomposed accent', 'Cafe\u0301', { accentSensitive: true }, 'café'],
  ])('%s', (_label, input, sensitivity, expected) => {
    expect(normalizeWith(input, sensitivity)).toBe(expected)
  })
})

describe('normalizeChars (the character rules, for pattern sources)', () => {
  it.each([
    ['keeps regex syntax: case, escapes and a trailing stop', '^\\S+ U\\.S\\.$', {}, '^\\S+ U\\.S\\.$'],
    ['folds a Latin diacritic as the answer is folded', 'c[oô]te d’ivoire', {}, "c[oo]te d'ivoire"],
    ['maps an en dash as the answer is mapped', 'guinea–bissau', {}, 'guinea-bissau'],
    ['keeps a diacritic when accent-sensitive', 'côte', { accentSensitive: true }, 'côte'],
  ])('%s', (_label, input, sensitivity, expected) => {
    expect(normalizeChars(input, sensitivity)).toBe(expected)
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
