/** One impossible time stored on this device (issue 12 §2) never blanks the gradebook or its CSV. */
import { describe, expect, it } from 'vitest'
import { gradebookCsv, gradebookRows, gradebookTable, type GradebookInput } from '../../../src/domain/gradebook.ts'
import { sortRows } from '../../../src/domain/gradebookView.ts'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { byAttempt, makeAttempt, respond, RIGHT_SINGLE, T0 } from '../instructor/fixtures.ts'

const final: AssessmentInfo = { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' }
const learners = ['ana', 'ben', 'cy'].map((id) => ({ id, name: id.toUpperCase(), origin: 'imported' as const }))

describe('a gradebook holding a time of 1e20', () => {
  const input: GradebookInput = {
    learners,
    assessments: [final],
    attempts: [
      makeAttempt({ id: 'a-ana', learnerId: 'ana', startedAt: T0 }),
      makeAttempt({ id: 'a-ben', learnerId: 'ben', startedAt: 1e20 }),
      makeAttempt({ id: 'a-cy', learnerId: 'cy', startedAt: T0 }),
    ],
    responses: byAttempt([respond('a-ana', 'q-single', RIGHT_SINGLE), respond('a-ben', 'q-single', RIGHT_SINGLE, 1e20), respond('a-cy', 'q-single', RIGHT_SINGLE)]),
    manualGrades: byAttempt([]),
  }

  it('lists every learner, sorted by last activity', () => {
    const { rows } = gradebookRows(input)
    expect(sortRows(rows, 'lastActivity', 'descending').map((r) => r.learnerId).sort()).toEqual(['ana', 'ben', 'cy'])
  })

  it('writes the CSV with "unknown date" for that time and real dates for the others', () => {
    const { rows, objectives } = gradebookRows(input)
    const table = gradebookTable(rows, [final], objectives)
    const lastActivity = Object.fromEntries(table.rows.map((r) => [r[0], r[3]]))
    expect(lastActivity.ben).toBe('unknown date')
    expect(lastActivity.ana).toBe(new Date(T0 + 60_000).toISOString())
    expect(gradebookCsv(rows, [final], objectives).split('\r\n').filter((l) => l !== '')).toHaveLength(4)
  })
})
