import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanName, MAX_NAME_LENGTH, nameProblem } from '../../../src/domain/names.ts'

describe('cleanName', () => {
  it.each([
    ['every bidi control', 'a\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061Cb', 'ab'],
    ['every zero-width character', 'a\u200B\u200C\u200D\u2060\uFEFFb', 'ab'],
    ['a non-joiner between Latin letters', 'Ann\u200Ca', 'Anna'],
    ['a joiner between Latin letters', 'Jo\u200Dhn', 'John'],
    ['a non-joiner at the start and end of a Persian name', '\u200Cمریم\u200C', 'مریم'],
    ['two non-joiners in a row', 'می\u200C\u200Cخواهم', 'میخواهم'],
    ['a non-joiner beside a space', 'می\u200C خواهم', 'می خواهم'],
    ['a non-joiner between two scripts', 'Ali\u200Cعلی', 'Aliعلی'],
    ['a joiner in an emoji sequence', 'Sam \u{1F469}\u200D\u{1F4BB}', 'Sam \u{1F469}\u{1F4BB}'],
    ['a bidi override beside a kept non-joiner', 'می\u200C\u202Eخواهم', 'میخواهم'],
    ['other invisible format characters: soft hyphen, invisible times, a tag character', 'a\u00ADb\u2062c\u{E0041}d', 'abcd'],
    ['control characters', 'a\u0000\u0007b\u007F', 'ab'],
    ['NFC', 'e\u0301', '\u00E9'],
    ['NFC across a removed zero-width space', 'e\u200B\u0301', '\u00E9'],
    ['a control character between spaces', 'a \u0001 b', 'a b'],
    ['white space', ' \t a  \n b ', 'a b'],
    ['a name left alone', 'Zoë O’Brien-Łukasz', 'Zoë O’Brien-Łukasz'],
  ])('%s', (_why, name, clean) => {
    expect(cleanName(name)).toBe(clean)
  })

  // Names that need a joiner between two letters of their script keep it, and stay as typed.
  it.each([
    ['Persian, ZWNJ between Arabic letters', 'می\u200Cخواهم'],
    ['a Persian family name', 'محمد\u200Cعلی رضایی'],
    ['Persian, ZWNJ after a letter with a vowel mark', 'نامه\u064E\u200Cها'],
    ['Hindi, ZWJ after a virama (half form)', 'क्\u200Dष'],
    ['Hindi, ZWNJ after a virama (explicit virama)', 'श्\u200Cरीमती'],
    ['Malayalam, ZWJ after a virama', 'സ്\u200Dത'],
    ['Bengali with ZWNJ', 'র\u200C্য'],
  ])('keeps a joiner the script needs: %s', (_why, name) => {
    expect(cleanName(name)).toBe(name.normalize('NFC'))
    expect(cleanName(name)).toMatch(/[\u200C\u200D]/)
  })
})

it('is idempotent on any text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (name) => cleanName(cleanName(name)) === cleanName(name)), { numRuns: 300 })
})

describe('nameProblem', () => {
  it.each([
    ['', 'Please type a name'],
    ['A'.repeat(MAX_NAME_LENGTH + 1), `${MAX_NAME_LENGTH} characters or fewer`],
  ])('refuses %j', (name, message) => {
    expect(nameProblem(name)).toContain(message)
  })

  it('accepts a name of the maximum length', () => {
    expect(nameProblem('A'.repeat(MAX_NAME_LENGTH))).toBeUndefined()
  })
})
