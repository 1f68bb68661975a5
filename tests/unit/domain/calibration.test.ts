/** Issue 14 §3: calibration per level, sentences, Brier, confidence index, confident wrong (rules in src/domain/calibration.ts). */
import { describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import {
  calibration, calibrationAnswers, cohortCalibration, confidenceFigures, confidentWrong, levelCalibration, type CalibrationAnswer,
} from '../../../src/domain/calibration.ts'
import type { Certainty } from '../../../src/domain/cbm.ts'
import { cbmAttempt, WORKED_EXAMPLE } from '../../fixtures/cbmAttempt.ts'

let n = 0
const answers = (count: number, certainty: Certainty, fraction: number, objective = 'o1', itemId?: string): CalibrationAnswer[] =>
  Array.from({ length: count }, () => ({ itemId: itemId ?? `i${++n}`, objective, certainty, fraction }))

/** 10 at level 3 (6 right), 5 at level 2 (3 right, 1 half, 1 wrong), 2 at level 1 (1 right). */
const learner = [
  ...answers(6, 3, 1), ...answers(4, 3, 0),
  ...answers(3, 2, 1), ...answers(1, 2, 0.5), ...answers(1, 2, 0),
  ...answers(1, 1, 1, 'o2'), ...answers(1, 1, 0, 'o2'),
]

describe('levelCalibration', () => {
  it('gives each level its answers, right, rate, band, position and sentence (hand-computed)', () => {
    expect(levelCalibration(learner)).toEqual([
      { certainty: 1, answers: 2, right: 1, rate: 0.5, band: { low: 0, high: 2 / 3 }, position: 'too-few', sentence: "You chose 'not sure' 2 times: too few answers to judge (at least 5 are needed)." },
      { certainty: 2, answers: 5, right: 3.5, rate: 0.7, band: { low: 2 / 3, high: 0.8 }, position: 'within', sentence: "When you were fairly sure you were right 7 times out of 10: about right for 'fairly sure'." },
      { certainty: 3, answers: 10, right: 6, rate: 0.6, band: { low: 0.8, high: 1 }, position: 'below', sentence: "When you were very sure you were right 6 times out of 10: be more careful before choosing 'very sure'." },
    ])
  })

  it.each([
    ['level 1 within', answers(5, 1, 0.4), 1, 'within', "When you were not sure you were right 4 times out of 10: that is what 'not sure' is for."],
    ['level 1 above (under-confident)', answers(5, 1, 0.9), 1, 'above', "When you were not sure you were right 9 times out of 10: you know more than you think: choose 'fairly sure' more often."],
    ['level 2 below (over-confident)', [...answers(1, 2, 1), ...answers(4, 2, 0)], 2, 'below', "When you were fairly sure you were right 2 times out of 10: choose 'not sure' when you hesitate this much."],
    ['level 2 above (under-confident)', answers(5, 2, 1), 2, 'above', "When you were fairly sure you were right 10 times out of 10: you can choose 'very sure' more often."],
    ['level 3 within', [...answers(9, 3, 1), ...answers(1, 3, 0)], 3, 'within', "When you were very sure you were right 9 times out of 10: 'very sure' suits you."],
    ['level 3 exactly on its bound (4 of 5)', [...answers(4, 3, 1), ...answers(1, 3, 0)], 3, 'within', "When you were very sure you were right 8 times out of 10: 'very sure' suits you."],
    ['level 2 exactly on 2/3 (4 of 6)', [...answers(4, 2, 1), ...answers(2, 2, 0)], 2, 'within', "When you were fairly sure you were right 7 times out of 10: about right for 'fairly sure'."],
    ['level 3 once', answers(1, 3, 1), 3, 'too-few', "You chose 'very sure' once: too few answers to judge (at least 5 are needed)."],
    ['level 3 four times, all wrong', answers(4, 3, 0), 3, 'too-few', "You chose 'very sure' 4 times: too few answers to judge (at least 5 are needed)."],
    ['level 2 never', [], 2, 'too-few', "You never chose 'fairly sure'."],
    ['once out of 10', [...answers(1, 3, 1), ...answers(9, 3, 0)], 3, 'below', "When you were very sure you were right once out of 10: be more careful before choosing 'very sure'."],
  ] as const)('%s', (_name, given, certainty, position, sentence) => {
    const level = levelCalibration(given)[certainty - 1]!
    expect(level.position).toBe(position)
    expect(level.sentence).toBe(sentence)
  })
})

describe('confidenceFigures', () => {
  it('Brier and confidence index (hand-computed, level probabilities 0.5, 0.7333…, 0.9)', () => {
    // Level 3: 6 × 0.1² + 4 × 0.9² = 3.3; level 2: 3 × (4/15)² + (7/30)² + (11/15)² = 0.8055…;
    // level 1: 0.5² + 0.5² = 0.5. Brier = 4.6055… / 17. Stated 9 + 11/3 + 1, earned 6 + 3.5 + 1.
    const figures = confidenceFigures(learner)
    expect(figures.answers).toBe(17)
    expect(figures.brier).toBeCloseTo(4.605555556 / 17, 8)
    expect(figures.confidenceIndex).toBeCloseTo((13 + 2 / 3 - 10.5) / 17, 8)
  })

  it.each([
    ['perfect and very sure', answers(4, 3, 1), 0.01, -0.1],
    ['always wrong and very sure', answers(4, 3, 0), 0.81, 0.9],
    ['right half the time when not sure', [...answers(2, 1, 1), ...answers(2, 1, 0)], 0.25, 0],
  ])('%s', (_name, given, brier, index) => {
    const figures = confidenceFigures(given)
    expect(figures.brier).toBeCloseTo(brier, 9)
    expect(figures.confidenceIndex).toBeCloseTo(index, 9)
  })

  it('says nothing without answers', () => {
    expect(confidenceFigures([])).toEqual({ answers: 0, brier: null, confidenceIndex: null })
  })
})

describe('calibration per objective and for a cohort', () => {
  it('splits the levels by objective, and says when an objective has too few answers', () => {
    const result = calibration(learner)
    expect(result.perObjective.map((o) => o.objective)).toEqual(['o1', 'o2'])
    const o2 = result.perObjective[1]!.levels
    expect(o2.map((l) => [l.answers, l.position])).toEqual([[2, 'too-few'], [0, 'too-few'], [0, 'too-few']])
    expect(result.perObjective[0]!.levels[2]).toMatchObject({ answers: 10, rate: 0.6, position: 'below' })
  })

  it('pools a cohort’s answers and counts the learners who gave any', () => {
    const cohort = cohortCalibration(new Map([['ann', answers(5, 3, 1)], ['bo', answers(5, 3, 0)], ['cy', []]]))
    expect(cohort).toMatchObject({ learners: 2, answers: 10, brier: 0.41, confidenceIndex: 0.4 })
    expect(cohort.levels[2]).toMatchObject({ answers: 10, right: 5, rate: 0.5, position: 'below' })
  })
})

describe('calibrationAnswers from a graded attempt', () => {
  it('counts decided, answered items; no certainty is level 1; blanks and pending free text are left out', () => {
    const { attempt, responses } = cbmAttempt([...WORKED_EXAMPLE, { outcome: 'blank', certainty: 3 }, { outcome: 'free', certainty: 3 }, { outcome: 'right' }])
    const counted = calibrationAnswers(gradeAttempt(attempt, responses, [], { certainty: true }))
    expect(counted.map((a) => [a.itemId, a.certainty, a.fraction])).toEqual([
      ['i1', 3, 1], ['i2', 3, 1], ['i3', 3, 0], ['i4', 2, 1], ['i5', 1, 0], ['i6', 2, 0.5], ['i9', 1, 1],
    ])
  })

  it('is empty for an attempt graded without certainty', () => {
    const { attempt, responses } = cbmAttempt(WORKED_EXAMPLE)
    expect(calibrationAnswers(gradeAttempt(attempt, responses))).toEqual([])
  })
})

describe('confidentWrong', () => {
  it.each([
    ['3 of 10 very sure and wrong: flagged', [...answers(3, 3, 0, 'o1', 'q'), ...answers(7, 2, 1, 'o1', 'q')], 3, true],
    ['2 very sure and wrong: too few to flag', [...answers(2, 3, 0, 'o1', 'q'), ...answers(1, 2, 1, 'o1', 'q')], 2, false],
    ['3 of 20 (under a fifth): not flagged', [...answers(3, 3, 0, 'o1', 'q'), ...answers(17, 3, 1, 'o1', 'q')], 3, false],
    ['4 of 20 (exactly a fifth): flagged', [...answers(4, 3, 0, 'o1', 'q'), ...answers(16, 3, 1, 'o1', 'q')], 4, true],
    ['wrong but not very sure does not count', [...answers(5, 2, 0, 'o1', 'q'), ...answers(5, 1, 0, 'o1', 'q')], 0, false],
    ['half right at level 3 is not wrong', answers(5, 3, 0.5, 'o1', 'q'), 0, false],
  ])('%s', (_name, given, count, flagged) => {
    expect(confidentWrong(given)).toEqual([{ itemId: 'q', answers: given.length, confidentWrong: count, flagged }])
  })

  it('one row per item, sorted by id', () => {
    expect(confidentWrong([...answers(1, 3, 0, 'o1', 'b'), ...answers(1, 3, 0, 'o1', 'a')]).map((r) => r.itemId)).toEqual(['a', 'b'])
  })
})
