import { describe, expect, it } from 'vitest'
import { MAX_PATTERN_LENGTH, patternProblem } from '../../../src/domain/grading/patternSafety.ts'

describe('patternProblem', () => {
  it.each([
    '^(a+)+$',
    '(a*)*',
    '(\\w+\\s?)*',
    '(x{1,9})+',
    '((ab)+c)*',
    '(a+){2,}',
    '(?:[a-z]+)+',
    '(a+)+?',
  ])('refuses nested quantifiers: %s', (pattern) => {
    expect(patternProblem(pattern)).toContain('nested quantifiers')
  })

  it.each([
    '(a|aa)+',
    '(a|a?)+',
    '(\\w|\\d)+',
    '^(a|ab)*$',
    '(A|a)+',
    '(?:x|xy){2,}',
    '(.|a)+',
    '([a-z]|b)+',
    '((a)|b)+',
    '(a||b)+',
    '(?=a|b)+',
    '(\\.|\\.x)+',
  ])('refuses overlapping alternatives under a repeat: %s', (pattern) => {
    expect(patternProblem(pattern)).toContain('alternatives can match the same text')
  })

  it.each([
    'levee',
    '(the )?levee',
    '(un)?confirmed',
    'colou?r',
    '\\d+ (troops|soldiers)',
    '(ab){2}',
    '[(+]+',
    '\\(a+\\)+',
    '(a|b)+',
    '(a?)+',
    '(ab|cd)*',
    '(?:yes |no )+',
    '(\\.|,)+',
    '(a|aa)?',
    '(secur(e|es|ing)|gain(s|ing)?) knowledge',
  ])('allows %s', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined()
  })

  it('refuses a pattern longer than the limit', () => {
    expect(patternProblem('a'.repeat(MAX_PATTERN_LENGTH + 1))).toContain(`at most ${MAX_PATTERN_LENGTH}`)
    expect(patternProblem('a'.repeat(MAX_PATTERN_LENGTH))).toBeUndefined()
  })
})
