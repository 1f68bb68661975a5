import { describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { CalibrationAnswer } from '../../../src/domain/calibration.ts'
import { learnerCalibrationAnswers } from '../../../src/domain/learnerCalibration.ts'
import type { Attempt, SavedResponse } from '../../../src/domain/types.ts'
import { cbmAttempt, type Answered } from '../../fixtures/cbmAttempt.ts'

/** One attempt of `answers` in `mode`, graded with certainty when it is an assessment. */
function run(answers: readonly Answered[], id: string, mode: Attempt['mode'] = 'assessment', submitted = true) {
  const { attempt, responses } = cbmAttempt(answers, id)
  const shaped: Attempt = { ...attempt, mode, submittedAt: submitted ? attempt.submittedAt : null, submitReason: submitted ? 'learner' : null }
  return { attempt: shaped, responses }
}

function answersOf(runs: { attempt: Attempt; responses: SavedResponse[] }[]): CalibrationAnswer[] {
  const grades = new Map(
    runs.filter((r) => r.attempt.mode === 'assessment' && r.attempt.submittedAt !== null).map((r) => [r.attempt.id, gradeAttempt(r.attempt, r.responses, [], { certainty: true })] as const),
  )
  return learnerCalibrationAnswers(runs.map((r) => r.attempt), new Map(runs.map((r) => [r.attempt.id, r.responses])), grades)
}

const brief = (answers: CalibrationAnswer[]) => answers.map((a) => `${a.itemId}:${a.certainty}:${a.fraction}`)

describe('learnerCalibrationAnswers', () => {
  it.each<[string, { attempt: Attempt; responses: SavedResponse[] }[], string[]]>([
    ['a submitted assessment counts every decided answer, none given as level 1', [run([{ outcome: 'right', certainty: 3 }, { outcome: 'wrong' }], 'a1')], ['i1:3:1', 'i2:1:0']],
    ['an open assessment counts nothing', [run([{ outcome: 'right', certainty: 3 }], 'a1', 'assessment', false)], []],
    ['blanks and free text waiting for an instructor are left out', [run([{ outcome: 'blank', certainty: 3 }, { outcome: 'free', certainty: 2 }, { outcome: 'half', certainty: 2 }], 'a1')], ['i3:2:0.5']],
    ['practice counts only answers saved with a certainty', [run([{ outcome: 'right', certainty: 1 }, { outcome: 'right' }, { outcome: 'wrong', certainty: 3 }], 'p1', 'practice')], ['i1:1:1', 'i3:3:0']],
    ['practice leaves out free text and blanks', [run([{ outcome: 'free', certainty: 3 }, { outcome: 'blank', certainty: 2 }], 'p1', 'practice')], []],
    [
      'attempts and practice pool, in attempt order',
      [run([{ outcome: 'wrong', certainty: 2 }], 'a1'), run([{ outcome: 'half', certainty: 3 }], 'p1', 'practice')],
      ['i1:2:0', 'i1:3:0.5'],
    ],
  ])('%s', (_name, runs, expected) => {
    expect(brief(answersOf(runs))).toEqual(expected)
  })

  it('carries each answer’s objective', () => {
    const [answer] = answersOf([run([{ outcome: 'right', certainty: 2, objective: 'o-x' }], 'p1', 'practice')])
    expect(answer).toEqual({ itemId: 'i1', objective: 'o-x', certainty: 2, fraction: 1 })
  })
})
