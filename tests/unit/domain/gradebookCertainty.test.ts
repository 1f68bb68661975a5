/** Issue 14 §5: certainty in the gradebook and its CSV (src/domain/gradebook.ts, certaintyReport.ts). */
import { describe, expect, it } from 'vitest'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { certaintyHeader } from '../../../src/domain/certaintyReport.ts'
import { gradebookRows, gradebookTable, type GradebookInput } from '../../../src/domain/gradebook.ts'
import { cbmAttempt, WORKED_EXAMPLE, type Answered } from '../../fixtures/cbmAttempt.ts'

const info = (over: Partial<AssessmentInfo> = {}): AssessmentInfo => ({ id: 'final', title: 'Final', passMark: 0.56, gradingMethod: 'highest', certainty: true, passOn: 'accuracy', ...over })

function book(assessment: AssessmentInfo, attempts: { answers: readonly Answered[]; id: string }[] = [{ answers: WORKED_EXAMPLE, id: 'cbm-1' }]) {
  const made = attempts.map((a) => cbmAttempt(a.answers, a.id))
  const input: GradebookInput = {
    learners: [{ id: 'ann', name: 'Ann', origin: 'imported' }],
    assessments: [assessment],
    attempts: made.map((m) => m.attempt),
    responses: new Map(made.map((m) => [m.attempt.id, m.responses])),
    manualGrades: new Map(),
  }
  return gradebookRows(input)
}

describe('gradebook with certainty', () => {
  it('gives the cell the worked example’s figures (hand-computed in docs/cbm.md)', () => {
    const cell = book(info()).rows[0]!.cells.final!
    expect(cell.certainty?.cbm).toMatchObject({ accuracy: 0.583333333, averageCbm: 0.333333333, bonus: -0.025, accuracyAndBonus: 0.558333333 })
    expect(cell.certainty?.brier).toBeCloseTo(1.205555556 / 6, 8)
    expect(cell.certainty?.confidenceIndex).toBeCloseTo((4 + 2 / 3 - 3.5) / 6, 8)
  })

  it('adds the certainty columns, with their values, for an assessment with certainty', () => {
    const assessment = info()
    const { rows } = book(assessment)
    const table = gradebookTable(rows, [assessment], [])
    expect(table.header).toEqual(['learner id', 'learner', 'origin', 'last activity', 'Final: grade %', 'Final: attempts', 'Final: result', 'Final: pending grading', 'Final: last activity',
      ...certaintyHeader('Final: '), 'flags'])
    expect(certaintyHeader('Final: ')).toEqual(['Final: accuracy %', 'Final: CBM average mark', 'Final: CBM bonus %', 'Final: accuracy + bonus %', 'Final: Brier score', 'Final: confidence index'])
    expect(table.rows[0]!.slice(9, 15)).toEqual([58.33, 0.3333, -2.5, 55.83, 0.2009, 0.1944])
  })

  it('has no certainty columns or figures for an assessment without certainty', () => {
    const assessment = info({ certainty: undefined, passOn: undefined })
    const { rows } = book(assessment)
    expect(rows[0]!.cells.final!.certainty).toBeUndefined()
    expect(gradebookTable(rows, [assessment], []).header.some((h) => h.includes('CBM') || h.includes('Brier'))).toBe(false)
  })

  it.each([
    ['accuracy 58.33 % reaches 56 %', 'accuracy' as const, 'passed'],
    ['accuracy + bonus 55.83 % misses 56 %', 'cbm' as const, 'failed'],
  ])('passes on %s', (_name, passOn, result) => {
    expect(book(info({ passOn })).rows[0]!.cells.final!.result).toBe(result)
  })

  it('on CBM, a deciding attempt waiting for an instructor leaves the result pending, even above the mark', () => {
    const answers: Answered[] = [{ outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'free', certainty: 3 }]
    expect(book(info({ passOn: 'cbm', passMark: 0.1 }), [{ answers, id: 'p1' }]).rows[0]!.cells.final!.result).toBe('pending')
    // On accuracy the same attempt has passed already (grading can only add).
    expect(book(info({ passOn: 'accuracy', passMark: 0.1 }), [{ answers, id: 'p1' }]).rows[0]!.cells.final!.result).toBe('passed')
  })

  it('pools the attempts an average picks', () => {
    const right: Answered[] = [{ outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }]
    const wrong: Answered[] = [{ outcome: 'wrong', certainty: 3 }, { outcome: 'wrong', certainty: 1 }]
    const cell = book(info({ gradingMethod: 'average' }), [{ answers: right, id: 'r1' }, { answers: wrong, id: 'w1' }]).rows[0]!.cells.final!
    // 4 items: raw 2, CBM 3 + 3 − 6 + 0 = 0.
    expect(cell.certainty?.cbm).toMatchObject({ items: 4, weight: 4, accuracy: 0.5, score: 0, averageCbm: 0 })
  })
})
