import { describe, expect, it } from 'vitest'
import { attemptsUsed, standingLines, verdict } from '../../../src/components/assessment/policyText.ts'
import { blueprint } from '../domain/courseFixtures.ts'

const quiz = blueprint('quiz', 'quiz')
const final = blueprint('final', 'final', { maxAttempts: 2, timeLimit: 10, draws: [{ count: 3 }, { count: 1 }] })

describe('standingLines', () => {
  it.each([
    ['a quiz not yet sat, on the course home', quiz, 0, null, 'course', 'Quiz · 4 questions · No time limit · 0 attempts used', 'No grade yet.'],
    ['a graded final, on the course home', final, 1, 100, 'course', 'Final assessment · 4 questions · 10 minutes · 1 of 2 attempts used', 'Your grade: 100% (your highest grade counts).'],
    ['a final not yet sat, on the progress page', final, 0, null, 'progress', 'Pass mark 70%; your highest grade counts. 0 of 2 attempts used.', 'No grade yet'],
    ['a final passed at the mark, on the progress page', final, 2, 69.99999999999999, 'progress', 'Pass mark 70%; your highest grade counts. 2 of 2 attempts used.', '70% — passed'],
    ['a quiz not passed, on the progress page', quiz, 3, 40, 'progress', 'Pass mark 70%; your highest grade counts. 3 attempts used.', '40% — not passed'],
  ] as const)('%s', (_label, bp, used, countingGrade, view, meta, grade) => {
    expect(standingLines(bp, { used, countingGrade }, view)).toEqual({ meta, grade })
  })
})

describe('verdict and attempts', () => {
  it.each([
    [true, 'passed'],
    [false, 'not passed'],
    [null, 'waiting for your instructor'],
  ])('verdict(%s) is %s', (outcome, words) => {
    expect(verdict(outcome)).toBe(words)
  })

  it.each([
    [quiz, 1, '1 attempt used'],
    [final, 1, '1 of 2 attempts used'],
  ])('attemptsUsed', (bp, used, words) => {
    expect(attemptsUsed(bp, used)).toBe(words)
  })
})
