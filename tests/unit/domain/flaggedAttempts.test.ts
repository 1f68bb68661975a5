import { describe, expect, it } from 'vitest'
import { flagsByLearner, splitFlagged } from '../../../src/domain/flaggedAttempts.ts'
import { gradebookCsv, gradebookRows, type GradebookInput } from '../../../src/domain/gradebook.ts'
import { byAttempt, makeAttempt, respond, RIGHT_SINGLE, RIGHT_TF, single, truefalse } from '../instructor/fixtures.ts'

const assessment = { id: 'final', title: 'Final', passMark: 0.5, gradingMethod: 'highest' as const }
const input: GradebookInput = {
  learners: [{ id: 'ana', name: 'Ana', origin: 'imported' }],
  assessments: [assessment],
  attempts: [makeAttempt({ id: 'a1' }), makeAttempt({ id: 'a2', startedAt: 1 })],
  responses: byAttempt([respond('a1', single.id, RIGHT_SINGLE), respond('a2', single.id, RIGHT_SINGLE), respond('a2', truefalse.id, RIGHT_TF)]),
  manualGrades: new Map(),
}
const checks = new Map([['a2', { flags: [{ code: 'late-submit' as const, message: 'Submitted 2 h after the deadline.' }], learnerGrades: [] }], ['a1', { flags: [], learnerGrades: [] }]])

describe('flagged attempts', () => {
  it('leaves a flagged attempt out of the grade and keeps an attempt checked clean', () => {
    const { counted, flagged } = splitFlagged(input, checks)
    expect([counted.attempts.map((a) => a.id), flagged.map((f) => f.attempt.id)]).toEqual([['a1'], ['a2']])
    // a2 would score 100 %, a1 50 %: the highest grade counted is a1's.
    expect(gradebookRows(counted).rows[0]!.cells.final!.grade).toBe(50)
  })

  it('names the assessment and the reasons in the gradebook CSV\'s flags column', () => {
    const { counted, flagged } = splitFlagged(input, checks)
    const csv = gradebookCsv(gradebookRows(counted).rows, [assessment], [], flagsByLearner(flagged))
    expect(csv.split('\r\n')[1]).toMatch(/,Final \(attempt a2\): Submitted 2 h after the deadline\.$/)
  })
})
