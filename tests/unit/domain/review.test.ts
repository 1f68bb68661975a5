import { describe, expect, it } from 'vitest'
import { reviewStanding, reviewVisibility, type ReviewContext } from '../../../src/domain/review.ts'
import type { Attempt, Blueprint, ReviewPart, ReviewPolicy } from '../../../src/domain/types.ts'
import { blueprint as fixtureBlueprint } from '../../fixtures/items.ts'

const SHOWN: ReviewPart[] = ['score', 'responses', 'feedback']
const FULL: ReviewPart[] = ['score', 'responses', 'feedback', 'correct']

/** The course's quizzes: unlimited attempts, the right answers once passed or after three. */
const quiz: Blueprint = {
  ...fixtureBlueprint,
  id: 'quiz',
  maxAttempts: undefined,
  timeLimit: undefined,
  review: { afterSubmit: SHOWN, afterLastAttempt: FULL, fullReviewWhen: { passed: true, attempts: 3 } },
}
/** The course's final: three attempts, the score after each, everything after the last. */
const final: Blueprint = { ...fixtureBlueprint, id: 'final', maxAttempts: 3, review: { afterSubmit: ['score'], afterLastAttempt: FULL } }

type Outcome = 'passed' | 'not passed' | 'pending' | 'open'

/** A learner's attempts at a blueprint, in order, and their grades' `passed`. */
function history(bp: Blueprint, outcomes: Outcome[]): { attempts: Attempt[]; grades: Map<string, { passed: boolean | null }> } {
  const attempts = outcomes.map((outcome, i): Attempt => ({
    id: `a${i + 1}`, courseId: 'c1', learnerId: 'ann', mode: 'assessment', sourceId: bp.id, seed: i, startedAt: i * 1000,
    deadline: null, submittedAt: outcome === 'open' ? null : i * 1000 + 500, submitReason: outcome === 'open' ? null : 'learner', slots: [], snapshots: {},
  }))
  const PASSED = { passed: true, 'not passed': false, pending: null } as const
  const grades = new Map(outcomes.flatMap((o, i) => (o === 'open' ? [] : [[`a${i + 1}`, { passed: PASSED[o] }] as const])))
  return { attempts, grades }
}

function partsAfter(bp: Blueprint, outcomes: Outcome[]): ReviewPart[] {
  const { attempts, grades } = history(bp, outcomes)
  return reviewVisibility(bp.review, { submitted: true, ...reviewStanding(bp, attempts, grades) })
}

describe('reviewVisibility for a quiz that shows the right answers once passed or after three attempts', () => {
  it.each<[Outcome[], ReviewPart[], string]>([
    [['not passed'], SHOWN, 'one attempt, not passed: the right answers stay hidden'],
    [['not passed', 'not passed'], SHOWN, 'two attempts, not passed: still hidden'],
    [['passed'], FULL, 'passed on the first attempt: shown at once'],
    [['passed', 'not passed'], FULL, 'passed on attempt 1: shown on later attempts too, even ones that did not pass'],
    [['not passed', 'passed'], FULL, 'passed on attempt 2: shown, on attempt 1 as well'],
    [['not passed', 'not passed', 'not passed'], FULL, 'three attempts submitted: shown without a pass'],
    [['pending'], SHOWN, 'free text waiting for the instructor is not a pass'],
    [['pending', 'pending'], SHOWN, 'two pending attempts are still not a pass'],
    [['not passed', 'not passed', 'open'], SHOWN, 'an attempt started but not submitted does not count towards three'],
    [['not passed', 'pending', 'not passed'], FULL, 'a pending attempt still counts as submitted'],
  ])('%j → %j: %s', (outcomes, parts) => {
    expect(partsAfter(quiz, outcomes)).toEqual(parts)
  })
})

describe('reviewVisibility for the final (limited attempts, no fullReviewWhen): unchanged', () => {
  it.each<[Outcome[], ReviewPart[], string]>([
    [['passed'], ['score'], 'a pass does not open the review while attempts are left'],
    [['not passed', 'not passed'], ['score'], 'one attempt left'],
    [['not passed', 'not passed', 'open'], ['score'], 'the last attempt started but not submitted: still closed (its keys cannot be read in another tab)'],
    [['not passed', 'passed', 'not passed'], FULL, 'no attempts left'],
  ])('%j → %j: %s', (outcomes, parts) => {
    expect(partsAfter(final, outcomes)).toEqual(parts)
  })
})

describe('reviewVisibility from plain inputs', () => {
  const base: ReviewContext = { submitted: true, attemptsLeft: null, attemptsSubmitted: 1, passedEver: false, attemptOpen: false }
  const policy = (fullReviewWhen?: ReviewPolicy['fullReviewWhen']): ReviewPolicy => ({ afterSubmit: SHOWN, afterLastAttempt: FULL, ...(fullReviewWhen ? { fullReviewWhen } : {}) })
  it.each<[string, ReviewPolicy, Partial<ReviewContext>, ReviewPart[]]>([
    ['nothing before submission, whatever else holds', policy({ passed: true }), { submitted: false, passedEver: true, attemptsLeft: 0 }, []],
    ['no fullReviewWhen, unlimited: never, even passed after ten attempts', policy(), { passedEver: true, attemptsSubmitted: 10 }, SHOWN],
    ['no fullReviewWhen: no attempts left opens it, as before', policy(), { attemptsLeft: 0 }, FULL],
    ['passed only: many attempts without a pass do not open it', policy({ passed: true }), { attemptsSubmitted: 9 }, SHOWN],
    ['passed only: a pass opens it', policy({ passed: true }), { passedEver: true }, FULL],
    ['attempts only: a pass does not open it', policy({ attempts: 2 }), { passedEver: true }, SHOWN],
    ['attempts only: the second submitted attempt opens it', policy({ attempts: 2 }), { attemptsSubmitted: 2 }, FULL],
    ['either way, no attempts left opens it', policy({ attempts: 5 }), { attemptsLeft: 0, attemptsSubmitted: 2 }, FULL],
    ['no attempts left, but the last one is still being taken', policy(), { attemptsLeft: 0, attemptOpen: true }, SHOWN],
    ['a pass opens it even while a later attempt is open (its keys were already shown)', policy({ passed: true }), { passedEver: true, attemptOpen: true }, FULL],
  ])('%s', (_label, p, context, parts) => {
    expect(reviewVisibility(p, { ...base, ...context })).toEqual(parts)
  })

  it('keeps the display order whatever order the author wrote', () => {
    expect(reviewVisibility({ afterSubmit: ['feedback', 'score'], afterLastAttempt: ['correct', 'responses'] }, { ...base, attemptsLeft: 0 })).toEqual(FULL)
  })
})

describe('reviewStanding', () => {
  it('counts only this blueprint’s submitted assessment attempts', () => {
    const mine = history(quiz, ['not passed', 'open'])
    const other: Attempt = { ...mine.attempts[0]!, id: 'other', sourceId: 'other-quiz' }
    const practice: Attempt = { ...mine.attempts[0]!, id: 'practice', mode: 'practice' }
    const grades = new Map([...mine.grades, ['other', { passed: true }], ['practice', { passed: true }]])
    expect(reviewStanding(quiz, [...mine.attempts, other, practice], grades)).toEqual({
      attemptsLeft: null,
      attemptsSubmitted: 1,
      passedEver: false,
      attemptOpen: true,
    })
  })
})
