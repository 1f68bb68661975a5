/** Issue 14 §5: on import, certainty is part of the answer (importConflicts.ts digest, importBatch.ts grading). */
import { describe, expect, it } from 'vitest'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { gradeChecked } from '../../../src/domain/importBatch.ts'
import { attemptDigest } from '../../../src/domain/importConflicts.ts'
import { cbmAttempt, WORKED_EXAMPLE } from '../../fixtures/cbmAttempt.ts'

const { attempt, responses } = cbmAttempt(WORKED_EXAMPLE)
const COURSE_SETTINGS: AssessmentInfo = { id: 'final', title: 'Final', passMark: 0.56, gradingMethod: 'highest', certainty: true, passOn: 'cbm' }

describe('certainty on import', () => {
  it('a copy of an attempt with one certainty changed is other content (a conflict), not the same attempt', () => {
    const changed = responses.map((r, i) => (i === 2 ? { ...r, certainty: 1 as const } : r))
    expect(attemptDigest(attempt, changed)).not.toBe(attemptDigest(attempt, responses))
    const dropped = responses.map(({ certainty: _c, ...r }, i) => (i === 0 ? r : { ...r, certainty: responses[i]!.certainty }))
    expect(attemptDigest(attempt, dropped)).not.toBe(attemptDigest(attempt, responses))
    expect(attemptDigest(attempt, responses.map((r) => ({ ...r })))).toBe(attemptDigest(attempt, responses))
  })

  it('grades an imported attempt with the course’s certainty rules (the worked example, failing on CBM)', () => {
    const grade = gradeChecked({ entry: { attempt, responses }, assessment: COURSE_SETTINGS })
    expect(grade.cbm).toMatchObject({ accuracy: 0.583333333, bonus: -0.025, accuracyAndBonus: 0.558333333, passOn: 'cbm' })
    expect(grade.passed).toBe(false)
  })

  it('ignores the certainties of an attempt whose course assessment has none', () => {
    const grade = gradeChecked({ entry: { attempt, responses }, assessment: { ...COURSE_SETTINGS, certainty: undefined, passOn: undefined } })
    expect(grade.cbm).toBeUndefined()
    expect(grade.passed).toBe(true)
  })
})
