import { describe, expect, it } from 'vitest'
import type { GradebookInput } from '../../../src/domain/gradebook.ts'
import { clampPoints, gradingQueue, manualGradeFor } from '../../../src/domain/manualGrading.ts'
import { byAttempt, FREE_ANSWER, freetext, makeAttempt, manual, respond, single, T0 } from './fixtures.ts'

describe('points per criterion', () => {
  it.each([
    [1.5, 2, 1.5],
    [3, 2, 2],
    [-1, 2, 0],
    [Number.NaN, 2, 0],
    [1.234, 2, 1.23],
  ])('clamps %s of %s to %s', (value, max, expected) => {
    expect(clampPoints(value, max)).toBe(expected)
  })

  it('makes a ManualGrade whose score is the clamped points', () => {
    expect(manualGradeFor({ attemptId: 'a1', item: freetext }, { c1: 2, c2: 5 }, '  Clear.  ', 7)).toEqual({
      attemptId: 'a1', itemId: freetext.id, criteria: { c1: 2, c2: 2 }, score: 4, comment: 'Clear.', gradedAt: 7,
    })
  })

  it('scales the points to an item that sets its own maximum', () => {
    expect(manualGradeFor({ attemptId: 'a1', item: { ...freetext, points: 1 } }, { c1: 2, c2: 0 }, '', 7).score).toBe(0.5)
  })
})

describe('grading queue', () => {
  const input = (extra: Partial<GradebookInput> = {}): GradebookInput => ({
    learners: [{ id: 'ana', name: 'Ana', origin: 'local' }],
    assessments: [{ id: 'final', title: 'Final', passMark: 0.5, gradingMethod: 'highest' }],
    attempts: [
      makeAttempt({ id: 'late', startedAt: T0 + 5e6, items: [single, freetext] }),
      makeAttempt({ id: 'early', startedAt: T0, items: [single, freetext] }),
      makeAttempt({ id: 'open', submitted: false, items: [freetext] }),
      makeAttempt({ id: 'blank', items: [freetext] }),
    ],
    responses: byAttempt([respond('late', freetext.id, FREE_ANSWER), respond('early', freetext.id, FREE_ANSWER), respond('open', freetext.id, FREE_ANSWER)]),
    manualGrades: new Map(),
    ...extra,
  })

  it('lists answered free text of submitted attempts, oldest first', () => {
    expect(gradingQueue(input()).map((t) => t.attempt.id)).toEqual(['early', 'late'])
  })

  it('leaves out answers an instructor has graded', () => {
    expect(gradingQueue(input({ manualGrades: byAttempt([manual('early', freetext.id, 2)]) })).map((t) => t.attempt.id)).toEqual(['late'])
  })

  it('carries the provisional score and the concepts found', () => {
    const task = gradingQueue(input())[0]!
    expect(task.result.grade.conceptsFound).toEqual([
      { criterion: 'c1', found: 1, total: 2, points: 2 },
      { criterion: 'c2', found: 2, total: 2, points: 2 },
    ])
  })
})
