import { describe, expect, it } from 'vitest'
import { countedAttempts, defaultAttemptsCounted, type AttemptsCounted } from '../../../src/domain/assessmentReport.ts'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import type { GradingMethod } from '../../../src/domain/types.ts'
import {
  byAttempt, FREE_ANSWER, freetext, makeAttempt, manual, respond, RIGHT_SINGLE, RIGHT_TF, single, T0, WRONG_TF,
} from '../instructor/fixtures.ts'

const final: AssessmentInfo = { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' }
const HOUR = 3_600_000

const attempts = [
  makeAttempt({ id: 'ana-2', learnerId: 'ana', startedAt: T0 + 2 * HOUR }),
  makeAttempt({ id: 'ana-1', learnerId: 'ana', startedAt: T0 }),
  makeAttempt({ id: 'ben-b', learnerId: 'ben', startedAt: T0 + HOUR }),
  makeAttempt({ id: 'ben-a', learnerId: 'ben', startedAt: T0 + HOUR }),
  makeAttempt({ id: 'cy-open', learnerId: 'cy', submitted: false }),
  makeAttempt({ id: 'cy-practice', learnerId: 'cy', mode: 'practice' }),
  makeAttempt({ id: 'cy-quiz', learnerId: 'cy', sourceId: 'quiz' }),
]
const responses = byAttempt([
  respond('ana-1', 'q-single', RIGHT_SINGLE),
  respond('ana-1', 'q-tf', WRONG_TF),
  respond('ana-2', 'q-single', RIGHT_SINGLE),
  respond('ana-2', 'q-tf', RIGHT_TF),
])
const input = { attempts, responses, manualGrades: new Map() }

describe('countedAttempts', () => {
  it.each<[string, AttemptsCounted, string[]]>([
    ['each learner’s first, earliest start, ties by id', 'first', ['ana-1', 'ben-a']],
    ['all submitted attempts at the assessment', 'all', ['ana-2', 'ana-1', 'ben-b', 'ben-a']],
    ['highest: ana’s 100 % over her 50 %; ben’s equal 0 % ties to ben-a (same start, earlier id)', 'highest', ['ana-2', 'ben-a']],
    ['last: latest start; ben’s same-start tie goes to the later id, ben-b', 'last', ['ana-2', 'ben-b']],
  ])('%s', (_label, which, ids) => {
    expect(countedAttempts(input, final, { which }).map((g) => g.attempt.id)).toEqual(ids)
  })

  it.each<[string, GradingMethod, string[]]>([
    ['first → each learner’s first', 'first', ['ana-1', 'ben-a']],
    ['highest → each learner’s highest-graded', 'highest', ['ana-2', 'ben-a']],
    ['last → each learner’s last', 'last', ['ana-2', 'ben-b']],
    ['average → all attempts, since every attempt shapes the grade', 'average', ['ana-2', 'ana-1', 'ben-b', 'ben-a']],
  ])('by default the grading method decides: %s', (_label, gradingMethod, ids) => {
    expect(countedAttempts(input, { ...final, gradingMethod }).map((g) => g.attempt.id)).toEqual(ids)
  })

  it.each<[GradingMethod, AttemptsCounted]>([
    ['first', 'first'],
    ['highest', 'highest'],
    ['last', 'last'],
    ['average', 'all'],
  ])('the default for %s is %s', (method, which) => {
    expect(defaultAttemptsCounted(method)).toBe(which)
  })

  it('grades each counted attempt with the assessment’s pass mark', () => {
    const graded = countedAttempts(input, { ...final, passMark: 1 }, { which: 'all' })
    expect(graded.map((g) => [g.attempt.id, g.grade.passed])).toEqual([
      ['ana-2', true],
      ['ana-1', false],
      ['ben-b', false],
      ['ben-a', false],
    ])
  })

  it('counts nothing at an assessment nobody sat', () => {
    expect(countedAttempts(input, { ...final, id: 'other' }, { which: 'all' })).toEqual([])
  })
})

describe('countedAttempts and attempts waiting for a grade', () => {
  const items = [single, freetext]
  const pendingInput = {
    attempts: [
      makeAttempt({ id: 'dee-1', learnerId: 'dee', items, startedAt: T0 }),
      makeAttempt({ id: 'dee-2', learnerId: 'dee', items, startedAt: T0 + HOUR }),
      makeAttempt({ id: 'eve-1', learnerId: 'eve', items, startedAt: T0 }),
    ],
    responses: byAttempt([
      respond('dee-1', 'q-single', RIGHT_SINGLE),
      respond('dee-1', 'q-free', FREE_ANSWER),
      respond('dee-2', 'q-single', RIGHT_SINGLE),
      respond('dee-2', 'q-free', FREE_ANSWER),
      respond('eve-1', 'q-free', FREE_ANSWER),
    ]),
    // dee-1's free text is graded; dee-2's and eve-1's wait for the instructor.
    manualGrades: byAttempt([manual('dee-1', 'q-free', 2)]),
  }

  it.each<[string, AttemptsCounted, boolean, string[]]>([
    ['all: pending dee-2 and eve-1 left out, as Moodle leaves out ungraded attempts', 'all', false, ['dee-1']],
    ['all, pending included: every submitted attempt', 'all', true, ['dee-1', 'dee-2', 'eve-1']],
    ['last: dee’s last attempt is pending, so dee is left out, not replaced by dee-1', 'last', false, []],
    ['last, pending included: dee-2 and eve-1', 'last', true, ['dee-2', 'eve-1']],
    ['first: dee-1 is graded and counts; eve-1 waits', 'first', false, ['dee-1']],
    ['highest: dee-1 (free text graded 2) beats pending dee-2 (free text counts 0 until graded)', 'highest', false, ['dee-1']],
  ])('%s', (_label, which, includePending, ids) => {
    const assessment: AssessmentInfo = { ...final, gradingMethod: 'average' }
    expect(countedAttempts(pendingInput, assessment, { which, includePending }).map((g) => g.attempt.id)).toEqual(ids)
  })
})
