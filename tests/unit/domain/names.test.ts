import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanName, MAX_NAME_LENGTH, nameProblem } from '../../../src/domain/names.ts'

describe('cleanName', () => {
  it.each([
    ['every bidi control', 'a\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061Cb', 'ab'],
    ['every zero-width character', 'a\u200B\u200C\u200D\u2060\uFEFFb', 'ab'],
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
