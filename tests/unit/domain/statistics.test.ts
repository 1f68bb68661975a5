import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { responseAnalysis } from '../../../src/domain/responseAnalysis.ts'
import {
  cronbachAlpha, firstAttempts, itemStatistics, quizStatistics, testStatistics, type StatisticsAttempt,
} from '../../../src/domain/statistics.ts'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import type { Answer, Item } from '../../../src/domain/types.ts'
import { categorize, cloze, short, single } from '../../fixtures/items.ts'

/** Build attempts from a score matrix: rows are attempts, columns items q1, q2, … (max 1). */
function attemptsFrom(matrix: number[][]): StatisticsAttempt[] {
  return matrix.map((row, i) => ({
    learnerId: `l${i}`,
    attemptId: `a${i}`,
    startedAt: i,
    items: Object.fromEntries(row.map((score, j) => [`q${j + 1}`, { score, max: 1 }])),
  }))
}

// Worked by hand (see the comments for the intermediate values).
const worked = attemptsFrom([
  [1, 1, 1],
  [1, 0, 1],
  [0, 1, 1],
  [0, 0, 0],
])

/** A second, naive method: two-pass means, then sums of products. */
function naiveCorrelation(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length
  const mx = mean(xs)
  const my = mean(ys)
  let sxy = 0
  let sxx = 0
  let syy = 0
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) ** 2
    syy += (y - my) ** 2
  })
  return sxy / Math.sqrt(sxx * syy)
}

describe('item statistics on a worked example', () => {
  const q1 = itemStatistics(worked).find((s) => s.itemId === 'q1')

  it('facility is the mean score as a percentage', () => {
    expect(q1?.facility).toBeCloseTo(50)
  })

  it('sd uses the n − 1 denominator (100·√(1/3))', () => {
    expect(q1?.sd).toBeCloseTo(57.735, 3)
  })

  it('discrimination index is the item–rest correlation (Cov 1/6, V(x) 1/3, V(R) 11/12)', () => {
    expect(q1?.discriminationIndex).toBeCloseTo(30.151, 3)
  })

  it('discriminative efficiency divides by the covariance of the sorted columns (1/6 ÷ 1/2)', () => {
    expect(q1?.discriminativeEfficiency).toBeCloseTo(33.333, 3)
  })
})

describe('test statistics on the worked example', () => {
  const test = testStatistics(worked)

  it.each([
    ['mean', test.mean, 58.333],
    ['median', test.median, 66.667],
    ['sd', test.sd, 41.944],
    ['alpha', test.alpha, 0.631579],
    ['cic', test.cic, 63.1579],
    ['error ratio', test.errorRatio, 60.698],
    ['standard error', test.standardError, 25.459],
  ])('%s', (_label, value, expected) => {
    expect(value).toBeCloseTo(expected, 2)
  })

  it('skewness is Moodle’s k₃/k₂^1.5 (was m₃/s³, which lacks the n²/((n−1)(n−2)) correction Moodle applies)', () => {
    // percents 100, 66.7, 66.7, 0: d = 41.67, 8.33, 8.33, −58.33; m₃ = Σd³/4; k₂ = s²; k₃ = 16·m₃/(3·2)
    const d = [41.6667, 8.3333, 8.3333, -58.3333]
    const m3 = d.reduce((s, x) => s + x ** 3, 0) / 4
    expect(test.skewness).toBeCloseTo(((16 / 6) * m3) / 41.9435 ** 3, 3)
  })
})

/** Attempts of one item (max 100) whose percents are the given values. */
const withPercents = (percents: number[]): StatisticsAttempt[] => attemptsFrom(percents.map((p) => [p / 100]))

describe('skewness, as Moodle’s quiz statistics calculator computes it', () => {
  it.each<[string, number[], number | null]>([
    // d = −33.3, −33.3, 66.7: Σd² = 6666.7, k₂ = 3333.3; m₃ = 222222.2/3 = 74074.1, k₃ = 9·m₃/2 = 333333.3; k₃/k₂^1.5 = √3
    ['one high score of three: √3 (m₃/s³ alone would give 0.385)', [0, 0, 100], Math.sqrt(3)],
    // d = −25 ×3, 75: k₂ = 7500/3 = 2500; m₃ = 375000/4 = 93750, k₃ = 16·m₃/6 = 250000; 250000/125000 = 2
    ['one high score of four: 2', [0, 0, 0, 100], 2],
    ['one low score of four: −2, the mirror image', [100, 100, 100, 0], -2],
    ['symmetric scores: 0', [0, 50, 50, 100], 0],
    ['two attempts: null, Moodle needs more than 2', [0, 100], null],
    ['every score equal: null, k₂ is 0', [40, 40, 40, 40], null],
  ])('%s', (_label, percents, expected) => {
    const skewness = testStatistics(withPercents(percents)).skewness
    if (expected === null) expect(skewness).toBeNull()
    else expect(skewness).toBeCloseTo(expected, 9)
  })
})

describe('against a naive second method', () => {
  it('discrimination index equals 100 × the two-pass item–rest correlation', () => {
    const matrix = fc.sample(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }), { numRuns: 60, seed: 4 })
      .map((row) => row.map((v) => v / 4))
    const attempts = attemptsFrom(matrix)
    const stats = itemStatistics(attempts)
    for (const [j, stat] of stats.entries()) {
      const xs = matrix.map((row) => row[j] ?? 0)
      const rest = matrix.map((row) => row.reduce((a, b) => a + b, 0) - (row[j] ?? 0))
      expect(stat.discriminationIndex).toBeCloseTo(100 * naiveCorrelation(xs, rest), 6)
    }
  })

  it('alpha equals k/(k−1)·(1 − Σ item variances / total variance) computed directly', () => {
    const matrix = [[1, 0, 1, 1], [0.5, 0.5, 0, 1], [1, 1, 1, 1], [0, 0, 0.5, 0], [1, 0.5, 1, 0]]
    const variance = (v: number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length
      return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1)
    }
    const items = [0, 1, 2, 3].map((j) => variance(matrix.map((r) => r[j] ?? 0)))
    const total = variance(matrix.map((r) => r.reduce((a, b) => a + b, 0)))
    const expected = (4 / 3) * (1 - items.reduce((a, b) => a + b, 0) / total)
    expect(cronbachAlpha(attemptsFrom(matrix))).toBeCloseTo(expected, 10)
  })
})

describe('degenerate cases give null or defined values, never NaN', () => {
  it('one attempt: facility only', () => {
    expect(itemStatistics(attemptsFrom([[1, 0]]))[0]).toEqual({
      itemId: 'q1', n: 1, mean: 1, facility: 100, sd: null, discriminationIndex: null, discriminativeEfficiency: null,
    })
  })

  it('everyone right: facility 100, sd 0, no discrimination', () => {
    const stat = itemStatistics(attemptsFrom([[1, 0], [1, 1], [1, 0]]))[0]
    expect([stat?.facility, stat?.sd, stat?.discriminationIndex, stat?.discriminativeEfficiency]).toEqual([100, 0, null, null])
  })

  it('zero variance of the totals: no alpha', () => {
    expect(testStatistics(attemptsFrom([[1, 0], [0, 1]]))).toMatchObject({ alpha: null, cic: null, errorRatio: null, standardError: null })
  })

  it('no attempts at all', () => {
    expect(testStatistics([])).toEqual({
      attempts: 0, mean: null, median: null, sd: null, skewness: null, alpha: null, cic: null, errorRatio: null, standardError: null,
    })
  })

  it('an item not seen by some attempts uses those that saw it', () => {
    const attempts = attemptsFrom([[1, 1], [0, 1], [1, 0]])
    delete attempts[2]?.items.q2
    expect(itemStatistics(attempts).find((s) => s.itemId === 'q2')?.n).toBe(2)
  })

  it('attempts with different numbers of slots: no alpha', () => {
    const attempts = attemptsFrom([[1, 1], [0, 1], [1, 0]])
    delete attempts[2]?.items.q2
    expect(cronbachAlpha(attempts)).toBeNull()
  })

  it('random matrices never produce NaN', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.constantFrom(0, 0.5, 1), { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (matrix) => {
      const { test, items } = quizStatistics(attemptsFrom(matrix), 'all')
      const values = [...Object.values(test), ...items.flatMap((s) => Object.values(s))]
      return values.every((v) => typeof v !== 'number' || !Number.isNaN(v))
    }))
  })
})

describe('firstAttempts', () => {
  it('keeps each learner’s earliest attempt', () => {
    const attempts: StatisticsAttempt[] = [
      { learnerId: 'ann', attemptId: 'a2', startedAt: 20, items: {} },
      { learnerId: 'ann', attemptId: 'a1', startedAt: 10, items: {} },
      { learnerId: 'bob', attemptId: 'b1', startedAt: 30, items: {} },
    ]
    expect(firstAttempts(attempts).map((a) => a.attemptId)).toEqual(['a1', 'b1'])
  })

  it('is the default for quizStatistics', () => {
    const attempts = [...attemptsFrom([[1], [0]]), { learnerId: 'l0', attemptId: 'late', startedAt: 99, items: { q1: { score: 0, max: 1 } } }]
    expect(quizStatistics(attempts).test.attempts).toBe(2)
  })
})

describe('responseAnalysis', () => {
  const attempts: StatisticsAttempt[] = [
    { learnerId: 'a', attemptId: '1', startedAt: 0, items: { 'q-single': { score: 1, max: 1, answer: { type: 'single', optionId: 'a' } } } },
    { learnerId: 'b', attemptId: '2', startedAt: 0, items: { 'q-single': { score: 0, max: 1, answer: { type: 'single', optionId: 'b' } } } },
    { learnerId: 'c', attemptId: '3', startedAt: 0, items: { 'q-single': { score: 1, max: 1, answer: { type: 'single', optionId: 'a' } } } },
    { learnerId: 'd', attemptId: '4', startedAt: 0, items: { 'q-single': { score: 0, max: 1, answer: null } } },
  ]

  it('counts each option, including unchosen ones and no answer', () => {
    const rows = responseAnalysis([single], attempts)[0]?.parts[0]?.responses.map((r) => [r.response, r.count, r.correct])
    expect(rows).toEqual([['a', 2, true], ['b', 1, false], ['c', 0, false], ['d', 0, false], ['', 1, false]])
  })

  it('gives fractions of the attempts that saw the item', () => {
    expect(responseAnalysis([single], attempts)[0]?.parts[0]?.responses[0]?.fraction).toBe(0.5)
  })

  it('analyses each statement of a categorize item as a part', () => {
    const withCat: StatisticsAttempt[] = [{ learnerId: 'a', attemptId: '1', startedAt: 0, items: { 'q-categorize': { score: 0, max: 1, answer: { type: 'categorize', assignments: { t1: 'judgment' } } } } }]
    const part = responseAnalysis([categorize], withCat)[0]?.parts[0]
    expect(part?.responses.find((r) => r.response === 'judgment')).toMatchObject({ count: 1, correct: false })
  })

  it.each<[string, Item, Answer, string, boolean]>([
    ['short: text kept in its case when the item is caseSensitive', { ...short, accept: ['NATO'], caseSensitive: true }, { type: 'short', text: 'nato' }, 'nato', false],
    ['short: the accepted case is judged right', { ...short, accept: ['NATO'], caseSensitive: true }, { type: 'short', text: 'NATO' }, 'NATO', true],
    ['short: an unanchored pattern does not make "no knowledge" right', { ...short, patterns: ['knowledge'] }, { type: 'short', text: 'no knowledge' }, 'no knowledge', false],
    ['cloze: a caseSensitive blank keeps the case given', { ...cloze, blanks: [{ id: 'city', accept: ['NATO'], caseSensitive: true }] }, { type: 'cloze', blanks: { city: 'NATO' } }, 'NATO', true],
    ['cloze: a rejected blank answer is judged wrong, as the grader does', { ...cloze, blanks: [{ id: 'city', accept: ['Seoul'], reject: ['Seoul'] }] }, { type: 'cloze', blanks: { city: 'Seoul' } }, 'seoul', false],
  ])('judges text as the grader does: %s', (_label, item, answer, response, correct) => {
    const given: StatisticsAttempt[] = [{ learnerId: 'a', attemptId: '1', startedAt: 0, items: { [item.id]: { score: 0, max: 1, answer } } }]
    const row = responseAnalysis([item], given)[0]?.parts[0]?.responses.find((r) => r.response !== '')
    expect([row?.response, row?.correct]).toEqual([response, correct])
  })
})

describe('responseAnalysis judges typed answers as grading does', () => {
  /** One attempt per answer, all at the same item. */
  const sat = (itemId: string, answers: Answer[]): StatisticsAttempt[] =>
    answers.map((answer, i) => ({ learnerId: `l${i}`, attemptId: `a${i}`, startedAt: i, items: { [itemId]: { score: 0, max: 1, answer } } }))
  const blanks = (month: string, city: string): Answer => ({ type: 'cloze', blanks: { month, year: '2024', city } })
  const typed = (text: string): Answer => ({ type: 'short', text })

  it.each<[string, string, [string, number, boolean][]]>([
    // Accepted 'June'; options March, June, October. Listed: the options, no answer, then texts in order of first sight.
    ['month: options judged by grading alone in their blank; " june. " normalises to the key, as grading reads it', 'month', [
      ['march', 1, false], ['june', 2, true], ['october', 0, false], ['', 0, false],
    ]],
    ['city: a typed blank, accepted "Pyongyang" with diacritics and case folded; "Seoul" wrong', 'city', [
      ['', 0, false], ['pyongyang', 2, true], ['seoul', 1, false],
    ]],
  ])('cloze %s', (_label, blankId, expected) => {
    const attempts = sat('q-cloze', [blanks('June', 'Pyongyang'), blanks(' june. ', 'PYÖNGYANG'), blanks('March', 'Seoul')])
    const part = responseAnalysis([cloze], attempts)[0]?.parts.find((p) => p.partId === blankId)
    expect(part?.responses.map((r) => [r.response, r.count, r.correct])).toEqual(expected)
  })

  it.each<[string, string, boolean]>([
    ['an accepted answer, case and stop folded', 'south korea.', true],
    ['one typo in a long key, which the item allows', 'South Kroea', true],
    ['a pattern match', 'United States of America', true],
    ['a partial answer is not right', 'Korea', false],
    ['a wrong answer', 'Japan', false],
  ])('short: %s', (_label, text, right) => {
    const row = responseAnalysis([short], sat('q-short', [typed(text)]))[0]?.parts[0]?.responses.find((r) => r.count === 1)
    expect([row?.correct, gradeResponse(short, typed(text)).state === 'correct']).toEqual([right, right])
  })
})
