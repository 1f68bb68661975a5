/** Issue 14 §2: certainty in the attempt grade (src/domain/attemptGrading.ts, rules in cbm.ts). */
import { describe, expect, it } from 'vitest'
import { gradeAttempt, gradingOptions } from '../../../src/domain/attemptGrading.ts'
import type { ManualGrade } from '../../../src/domain/types.ts'
import { cbmAttempt, T0, WORKED_EXAMPLE, type Answered } from '../../fixtures/cbmAttempt.ts'

const grade = (answers: readonly Answered[], options: Parameters<typeof gradeAttempt>[3] = { certainty: true }, manual: ManualGrade[] = []) => {
  const { attempt, responses } = cbmAttempt(answers)
  return gradeAttempt(attempt, responses, manual, options)
}

describe('gradeAttempt with certainty', () => {
  it('has no CBM fields without certainty', () => {
    const result = grade(WORKED_EXAMPLE, { passMark: 0.5 })
    expect(result.cbm).toBeUndefined()
    expect(result.perItem.every((i) => !('certainty' in i) && !('cbmMark' in i))).toBe(true)
  })

  it('marks each item at its certainty (the worked example)', () => {
    const result = grade(WORKED_EXAMPLE)
    expect(result.perItem.map((i) => [i.certainty, i.cbmMark])).toEqual([[3, 3], [3, 3], [3, -6], [2, 2], [1, 0], [2, 0]])
    expect(result.cbm).toEqual({
      items: 6, weight: 6, score: 2, accuracy: 0.583333333, averageCbm: 0.333333333, bonus: -0.025, accuracyAndBonus: 0.558333333,
      defaulted: 0, pending: 0, passOn: 'accuracy',
    })
    // The plain grade is unchanged by certainty.
    expect(result).toMatchObject({ score: 3.5, max: 6, percent: 58.333333333 })
  })

  it('counts an answer without certainty at level 1, and says so', () => {
    const result = grade([{ outcome: 'right' }, { outcome: 'wrong' }, { outcome: 'right', certainty: 3 }])
    expect(result.perItem.map((i) => [i.certainty, i.cbmMark])).toEqual([[null, 1], [null, 0], [3, 3]])
    expect(result.cbm).toMatchObject({ score: 4, defaulted: 2 })
  })

  it('never penalises a blank, whatever its certainty', () => {
    expect(grade([{ outcome: 'blank', certainty: 3 }, { outcome: 'right', certainty: 2 }]).cbm).toMatchObject({ items: 2, weight: 2, score: 2, accuracy: 0.5 })
  })

  describe('passing', () => {
    // 3 of 4 right at level 3 and one wrong at 3: accuracy 0.75, average (9 − 6) / 4 = 0.75,
    // best single level at 0.75 is 2 (1.0): bonus −0.025, accuracy + bonus 0.725.
    const overconfident: Answered[] = [{ outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'wrong', certainty: 3 }]

    it.each([
      ['accuracy (the default) reaches 0.75', { certainty: true, passMark: 0.75 }, true],
      ['cbm: accuracy + bonus 0.725 misses 0.75', { certainty: true, passMark: 0.75, passOn: 'cbm' as const }, false],
      ['cbm: accuracy + bonus 0.725 reaches 0.72', { certainty: true, passMark: 0.72, passOn: 'cbm' as const }, true],
      ['passOn cbm without certainty is accuracy', { passMark: 0.75, passOn: 'cbm' as const }, true],
    ])('%s', (_name, options, passed) => {
      const result = grade(overconfident, options)
      expect(result.passed).toBe(passed)
    })

    it('the bonus is as hand-computed', () => {
      expect(grade(overconfident).cbm).toMatchObject({ accuracy: 0.75, averageCbm: 0.75, bonus: -0.025, accuracyAndBonus: 0.725 })
    })
  })

  describe('free text waiting for the instructor', () => {
    const answers: Answered[] = [{ outcome: 'right', certainty: 3 }, { outcome: 'wrong', certainty: 1 }, { outcome: 'free', certainty: 3 }]

    it('is left out of the CBM figures while pending, and counted', () => {
      const result = grade(answers, { certainty: true, passOn: 'cbm', passMark: 0.1 })
      expect(result.perItem[2]).toMatchObject({ pending: true, certainty: 3, cbmMark: null })
      expect(result.cbm).toMatchObject({ items: 2, weight: 2, score: 3, accuracy: 0.5, pending: 1 })
      // Passing on CBM waits: a confident wrong free text could still pull it down.
      expect(result.passed).toBeNull()
    })

    it('joins them, at the learner’s certainty, once graded', () => {
      // The rubric is worth 4; the instructor gives 1 of 4 (f = 0.25 at level 3: 4 × (0.75 − 4.5) = −15).
      const manual: ManualGrade = { attemptId: 'cbm-1', itemId: 'i3', criteria: { c1: 1, c2: 0 }, score: 1, comment: '', gradedAt: T0 + 3_600_000 }
      const result = grade(answers, { certainty: true, passOn: 'cbm', passMark: 0.1 }, [manual])
      expect(result.perItem[2]).toMatchObject({ pending: false, cbmMark: -15 })
      expect(result.cbm).toMatchObject({ items: 3, weight: 6, score: -12, accuracy: 0.333333333, averageCbm: -2, pending: 0 })
      // Best at 1/3 is level 1 (1/3): bonus 0.1 × (−2 − 1/3) = −0.2333…; accuracy + bonus = 0.1, the pass mark.
      expect(result.cbm?.accuracyAndBonus).toBeCloseTo(0.1, 9)
      expect(result.passed).toBe(true)
    })
  })

  describe('negative marking and CBM together (Moodle: a fraction at or below 0 earns the wrong mark)', () => {
    // Ticking a right and a wrong option: 0.5 − 0.5 = 0, clamped; with negative marking as without.
    it('a multiple-response answer that nets 0 earns the wrong mark at its certainty', () => {
      const { attempt, responses } = cbmAttempt([{ outcome: 'half', certainty: 2 }])
      const netZero = [{ ...responses[0]!, answer: { type: 'multiple' as const, optionIds: ['a', 'c'] } }]
      for (const negativeMarking of [false, true]) {
        const result = gradeAttempt(attempt, netZero, [], { certainty: true, negativeMarking })
        expect(result.perItem[0]?.cbmMark).toBe(-2)
      }
    })
  })

  it('gradingOptions carries certainty and its pass rule from the assessment', () => {
    expect(gradingOptions({ id: 'f', title: 'F', passMark: 0.6, gradingMethod: 'highest', certainty: true, passOn: 'cbm' })).toEqual({ passMark: 0.6, negativeMarking: false, certainty: true, passOn: 'cbm' })
    expect(gradingOptions({ id: 'f', title: 'F', passMark: 0.6, gradingMethod: 'highest', certainty: true })).toEqual({ passMark: 0.6, negativeMarking: false, certainty: true, passOn: 'accuracy' })
    expect(gradingOptions(undefined)).toEqual({ passMark: 0.5, negativeMarking: false })
  })
})
