import { describe, expect, it } from 'vitest'
import { attemptsUsed, ordinal, reviewLaterText, reviewPolicyText, standingLines, verdict } from '../../../src/components/assessment/policyText.ts'
import type { Blueprint, ReviewPart, ReviewPolicy } from '../../../src/domain/types.ts'
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

const ALL: ReviewPart[] = ['score', 'responses', 'feedback', 'correct']
const SHOWN: ReviewPart[] = ['score', 'responses', 'feedback']
const withReview = (review: ReviewPolicy, maxAttempts?: number): Pick<Blueprint, 'maxAttempts' | 'review'> => ({ review, ...(maxAttempts ? { maxAttempts } : {}) })
const courseQuiz = withReview({ afterSubmit: SHOWN, afterLastAttempt: ALL, fullReviewWhen: { passed: true, attempts: 3 } })
const courseFinal = withReview({ afterSubmit: ['score'], afterLastAttempt: ALL }, 3)

describe('reviewPolicyText (the start page)', () => {
  it.each<[string, Pick<Blueprint, 'maxAttempts' | 'review'>, string]>([
    [
      'the course’s quizzes',
      courseQuiz,
      'After you submit, you see your score, your answers and feedback on what you got right. ' +
        'Once you pass or after your third attempt, you also see the right answers, with the explanations and the evidence from the brief.',
    ],
    [
      'the course’s final (unchanged)',
      courseFinal,
      'After you submit, you see your score. Once you have used all your attempts, you also see your answers, feedback with the evidence from the brief and the right answers.',
    ],
    ['everything at once', withReview({ afterSubmit: ALL, afterLastAttempt: ALL }), 'After you submit, you see your score, your answers, feedback with the evidence from the brief and the right answers.'],
    ['unlimited without fullReviewWhen: nothing later', withReview({ afterSubmit: SHOWN, afterLastAttempt: ALL }), 'After you submit, you see your score, your answers and feedback on what you got right.'],
    ['on a pass only', withReview({ afterSubmit: ['score'], afterLastAttempt: ['score', 'correct'], fullReviewWhen: { passed: true } }), 'After you submit, you see your score. Once you pass, you also see the right answers.'],
    ['after attempts only', withReview({ afterSubmit: [], afterLastAttempt: ['score'], fullReviewWhen: { attempts: 2 } }), 'Results are not shown right after you submit. After your second attempt, you also see your score.'],
    ['a pass, or the limit before the count', withReview({ afterSubmit: ['score'], afterLastAttempt: ['score', 'responses'], fullReviewWhen: { passed: true, attempts: 5 } }, 2), 'After you submit, you see your score. Once you pass or have used all your attempts, you also see your answers.'],
    ['a count below the limit', withReview({ afterSubmit: ['score'], afterLastAttempt: ['score', 'responses'], fullReviewWhen: { attempts: 2 } }, 4), 'After you submit, you see your score. After your second attempt, you also see your answers.'],
  ])('%s', (_label, bp, text) => {
    expect(reviewPolicyText(bp)).toBe(text)
  })
})

describe('reviewLaterText (the result page)', () => {
  it.each<[string, Pick<Blueprint, 'maxAttempts' | 'review'>, ReviewPart[], number, string]>([
    [
      'a quiz not yet passed',
      courseQuiz,
      SHOWN,
      1,
      'Once you pass or after your third attempt, you can also see the right answers, with the explanations and the evidence from the brief. You have submitted 1 attempt so far.',
    ],
    ['a quiz passed: nothing more to wait for', courseQuiz, ALL, 1, ''],
    ['the final with attempts left', courseFinal, ['score'], 1, 'Once you have used all your attempts, you can also see your answers, feedback with the evidence from the brief and the right answers.'],
    ['unlimited without fullReviewWhen: never, so not promised', withReview({ afterSubmit: ['score'], afterLastAttempt: ALL }), ['score'], 4, ''],
  ])('%s', (_label, bp, shown, submitted, text) => {
    expect(reviewLaterText(bp, shown, submitted)).toBe(text)
  })
})

describe('ordinal', () => {
  it.each([[1, 'first'], [3, 'third'], [10, 'tenth'], [11, '11th'], [12, '12th'], [21, '21st'], [22, '22nd'], [23, '23rd'], [113, '113th']])('%i is %s', (n, words) => {
    expect(ordinal(n)).toBe(words)
  })
})
