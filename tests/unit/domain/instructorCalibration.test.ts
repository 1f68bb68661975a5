/** Issue 14, for the instructor: src/domain/instructorCalibration.ts and the gradebook's certainty sort keys. */
import { describe, expect, it } from 'vitest'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { levelCalibration, type CalibrationAnswer } from '../../../src/domain/calibration.ts'
import { gradebookRows, gradeFor, type GradebookInput } from '../../../src/domain/gradebook.ts'
import { certaintyValue, sortRows } from '../../../src/domain/gradebookView.ts'
import { cohortOf, instructorSentence, judgedObjectives, learnerCalibrations, positionText, targetBand } from '../../../src/domain/instructorCalibration.ts'
import type { Attempt, SavedResponse } from '../../../src/domain/types.ts'
import { cbmAttempt, T0, type Answered } from '../../fixtures/cbmAttempt.ts'

const info = (over: Partial<AssessmentInfo> = {}): AssessmentInfo => ({ id: 'final', title: 'Final', passMark: 0.5, gradingMethod: 'highest', certainty: true, passOn: 'accuracy', ...over })
const at = (certainty: 1 | 2 | 3, fractions: number[], objective = 'o1'): CalibrationAnswer[] => fractions.map((fraction, i) => ({ itemId: `i${i}`, objective, certainty, fraction }))
const times = (n: number, a: Answered): Answered[] => Array.from({ length: n }, () => a)

function inputOf(assessments: AssessmentInfo[], made: { attempt: Attempt; responses: SavedResponse[] }[]): GradebookInput {
  return {
    learners: [...new Set(made.map((m) => m.attempt.learnerId))].map((id) => ({ id, name: id, origin: 'imported' as const })),
    assessments, attempts: made.map((m) => m.attempt), responses: new Map(made.map((m) => [m.attempt.id, m.responses])), manualGrades: new Map(),
  }
}
/** An attempt by another learner, or started later. */
function made(answers: readonly Answered[], id: string, learnerId = 'ann', startedAt = T0) {
  const m = cbmAttempt(answers, id)
  return { attempt: { ...m.attempt, learnerId, startedAt }, responses: m.responses }
}

describe('the target band in words', () => {
  it.each([[1, 'up to 67%'], [2, '67% to 80%'], [3, '80% or more']] as const)('level %i: %s', (certainty, text) => {
    expect(targetBand(levelCalibration([])[certainty - 1]!)).toBe(text)
  })
})

describe('the instructor’s sentence and judgement', () => {
  it.each([
    ['never chosen', at(3, []), 'learner', 'Never chosen', "The learner never chose 'very sure'."],
    ['once', at(3, [1]), 'learner', 'Too few answers to judge', "The learner chose 'very sure' once: too few answers to judge (at least 5 are needed)."],
    ['four times', at(2, [1, 1, 1, 0]), 'cohort', 'Too few answers to judge', "The cohort chose 'fairly sure' 4 times: too few answers to judge (at least 5 are needed)."],
    // 3 of 5 = 60 %, below 80 %.
    ['below the band', at(3, [1, 1, 1, 0, 0]), 'learner', 'Over-confident', 'When very sure, the learner was right 60% of the time (the target is 80% or more): over-confident at this level.'],
    // 4 of 5 = 80 %: the bound belongs to the band.
    ['on the bound', at(3, [1, 1, 1, 1, 0]), 'cohort', 'Well calibrated', 'When very sure, the cohort was right 80% of the time (the target is 80% or more): well calibrated at this level.'],
    // 5 of 5 at level 1 = 100 %, above 67 %.
    ['above the band', at(1, [1, 1, 1, 1, 1]), 'learner', 'Under-confident', 'When not sure, the learner was right 100% of the time (the target is up to 67%): under-confident at this level.'],
  ] as const)('%s', (_name, answers, who, position, sentence) => {
    const level = levelCalibration(answers).find((l) => l.certainty === (answers[0]?.certainty ?? 3))!
    expect([positionText(level), instructorSentence(level, who)]).toEqual([position, sentence])
  })
})

describe('judged objectives', () => {
  it('keeps an objective with 5 answers at some level and leaves out one with 4 at each', () => {
    const answers = [...at(3, [1, 1, 1, 1, 1], 'o1'), ...at(1, [1, 0, 1, 0], 'o2'), ...at(3, [1, 1, 1, 1], 'o2')]
    const m = made(answers.map((a) => ({ outcome: a.fraction === 1 ? 'right' : 'wrong', certainty: a.certainty, objective: a.objective })), 'a1')
    const [entry] = learnerCalibrations(inputOf([info()], [m]), 'ann')
    expect(entry!.calibration.perObjective.map((o) => o.objective)).toEqual(['o1', 'o2'])
    expect(judgedObjectives(entry!.calibration).map((o) => o.objective)).toEqual(['o1'])
  })
})

describe('a learner’s calibration per assessment', () => {
  const worse = times(5, { outcome: 'wrong', certainty: 3 })
  const better = [...times(4, { outcome: 'right', certainty: 3 } as Answered), { outcome: 'wrong', certainty: 3 } as Answered]

  it('counts the attempts the grading method picks, as the gradebook does (highest: the better attempt)', () => {
    const input = inputOf([info()], [made(worse, 'a1'), made(better, 'a2', 'ann', T0 + 1e6)])
    const [entry] = learnerCalibrations(input, 'ann')
    // The better attempt: 4 of 5 very sure and right; Brier (4·0.1² + 0.9²)/5 = 0.17, the gradebook's figure too.
    expect([entry!.attempts, entry!.calibration.levels[2]!.right, entry!.calibration.brier]).toEqual([1, 4, 0.17])
    expect(gradebookRows(input).rows[0]!.cells.final!.certainty!.brier).toBe(0.17)
  })

  it('pools every attempt for the average method', () => {
    const [entry] = learnerCalibrations(inputOf([info({ gradingMethod: 'average' })], [made(worse, 'a1'), made(better, 'a2', 'ann', T0 + 1e6)]), 'ann')
    expect([entry!.attempts, entry!.calibration.levels[2]!.answers, entry!.calibration.levels[2]!.right]).toEqual([2, 10, 4])
  })

  it('is empty for an assessment without certainty, another learner, or only answers waiting for an instructor', () => {
    expect(learnerCalibrations(inputOf([info({ certainty: undefined, passOn: undefined })], [made(better, 'a1')]), 'ann')).toEqual([])
    expect(learnerCalibrations(inputOf([info()], [made(better, 'a1', 'bo')]), 'ann')).toEqual([])
    expect(learnerCalibrations(inputOf([info()], [made([{ outcome: 'free', certainty: 3 }], 'a1')]), 'ann')).toEqual([])
  })
})

describe('the cohort’s calibration', () => {
  it('pools every learner’s answers and counts the learners with one', () => {
    const input = inputOf([info()], [made(times(3, { outcome: 'right', certainty: 3 }), 'a1', 'ann'), made(times(2, { outcome: 'wrong', certainty: 3 }), 'b1', 'bo'), made([{ outcome: 'free', certainty: 3 }], 'c1', 'cy')])
    const graded = input.attempts.map((attempt) => ({ attempt, grade: gradeFor(attempt, input, input.assessments[0]) }))
    const cohort = cohortOf(graded)
    // 5 very sure answers, 3 right: 60 %; Brier (3·0.01 + 2·0.81)/5 = 0.33; confidence 0.9 − 0.6 = 0.3. Cy's pending answer counts nowhere.
    expect([cohort.learners, cohort.answers, cohort.levels[2]!.right, cohort.levels[2]!.position, cohort.brier, cohort.confidenceIndex]).toEqual([2, 5, 3, 'below', 0.33, 0.3])
  })
})

describe('sorting the gradebook by certainty figures', () => {
  // Ann 4 of 5 very sure right; Bo 2 of 2 not sure right; Cy 1 right 1 wrong fairly sure; Dee without attempt.
  const input = inputOf([info()], [
    made([...times(4, { outcome: 'right', certainty: 3 } as Answered), { outcome: 'wrong', certainty: 3 }], 'a1', 'ann'),
    made(times(2, { outcome: 'right', certainty: 1 }), 'b1', 'bo'),
    made([{ outcome: 'right', certainty: 2 }, { outcome: 'wrong', certainty: 2 }], 'c1', 'cy'),
  ])
  const rows = gradebookRows({ ...input, learners: [...input.learners, { id: 'dee', name: 'dee', origin: 'local' }] }).rows
  const order = (key: Parameters<typeof sortRows>[1], direction: 'ascending' | 'descending') => sortRows(rows, key, direction).map((r) => r.learnerId)

  it.each([
    // Accuracy: Ann 0.8, Bo 1, Cy 0.5.
    ['accuracy:final', ['bo', 'ann', 'cy', 'dee']],
    // Brier: Ann (4·0.01 + 0.81)/5 = 0.17, Bo 0.25, Cy ((4/15)² + (11/15)²)/2 = 0.3044.
    ['brier:final', ['cy', 'bo', 'ann', 'dee']],
    // Confidence: Ann 0.9 − 0.8 = 0.1, Bo 0.5 − 1 = −0.5, Cy 0.7333 − 0.5 = 0.2333.
    ['confidence:final', ['cy', 'ann', 'bo', 'dee']],
  ] as const)('%s, descending (missing last)', (key, expected) => {
    expect(order(key, 'descending')).toEqual(expected)
    expect(order(key, 'ascending')).toEqual([...expected.slice(0, 3)].reverse().concat('dee'))
  })

  it('CBM bonus: Bo best (all right at level 1 is the best single level), missing last', () => {
    const bonus = Object.fromEntries(rows.map((r) => [r.learnerId, certaintyValue(r.cells.final!.certainty, 'bonus')]))
    // Bo: accuracy 1, average mark 1, best single level at 100 % is 'very sure' (3): 0.1 × (1 − 3) = −0.2.
    expect(bonus.bo).toBeCloseTo(-0.2, 9)
    expect(bonus.dee).toBeNull()
    expect(order('bonus:final', 'descending').at(-1)).toBe('dee')
  })
})
