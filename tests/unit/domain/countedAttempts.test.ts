import { describe, expect, it } from 'vitest'
import { countedAttempts, type AttemptsCounted } from '../../../src/domain/assessmentReport.ts'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { byAttempt, makeAttempt, respond, RIGHT_SINGLE, RIGHT_TF, T0, WRONG_TF } from '../instructor/fixtures.ts'

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
  ])('%s', (_label, which, ids) => {
    expect(countedAttempts(input, final, which).map((g) => g.attempt.id)).toEqual(ids)
  })

  it('grades each counted attempt with the assessment’s pass mark', () => {
    const graded = countedAttempts(input, { ...final, passMark: 1 }, 'all')
    expect(graded.map((g) => [g.attempt.id, g.grade.passed])).toEqual([
      ['ana-2', true],
      ['ana-1', false],
      ['ben-b', false],
      ['ben-a', false],
    ])
  })

  it('counts nothing at an assessment nobody sat', () => {
    expect(countedAttempts(input, { ...final, id: 'other' }, 'all')).toEqual([])
  })
})
