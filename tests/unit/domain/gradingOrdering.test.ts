import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import type { Answer, OrderingItem, OrderingScoring } from '../../../src/domain/types.ts'
import { ordering } from '../../fixtures/items.ts'

/** [why, grading type (undefined = the default), learner's order, score out of 1, state] */
type Case = [string, OrderingScoring | undefined, string[], number, string]

const grade = (scoring: OrderingScoring | undefined, order: string[]) => {
  const item: OrderingItem = { ...ordering }
  if (scoring !== undefined) item.scoring = scoring
  return gradeResponse(item, { type: 'ordering', order } satisfies Answer)
}

describe('ordering: the five-step fixture s1…s5 under each grading type', () => {
  it.each<Case>([
    // longest-ordered-subset = L/n, L ≥ 2 (the default)
    ['default: the right order is full marks', undefined, ['s1', 's2', 's3', 's4', 's5'], 1, 'correct'],
    ['default is longest-ordered-subset: one neighbour swap leaves L = 4, 4/5 (was 0.75 under the old (L−1)/(n−1))', undefined, ['s2', 's1', 's3', 's4', 's5'], 0.8, 'partial'],
    ['longest-ordered-subset: first step moved last leaves L = 4, 4/5 (was 0.75 under the old rule)', 'longest-ordered-subset', ['s2', 's3', 's4', 's5', 's1'], 0.8, 'partial'],
    ['longest-ordered-subset: reversed has L = 1, and a lone step does not count', 'longest-ordered-subset', ['s5', 's4', 's3', 's2', 's1'], 0, 'incorrect'],
    ['longest-ordered-subset: one step alone is L = 1, not counted', 'longest-ordered-subset', ['s3'], 0, 'incorrect'],
    ['longest-ordered-subset: two steps in order are L = 2 of n = 5 (was 0.25 under the old rule)', 'longest-ordered-subset', ['s1', 's2'], 0.4, 'partial'],
    ['longest-ordered-subset: the subset need not be contiguous (s1 s3 s5 in order), 3/5', 'longest-ordered-subset', ['s1', 's4', 's3', 's2', 's5'], 0.6, 'partial'],
    ['longest-ordered-subset: repeated and unknown ids are ignored before grading', 'longest-ordered-subset', ['s1', 's1', 'x', 's2', 's3', 's4', 's5'], 1, 'correct'],
    ['longest-ordered-subset: an empty order is unanswered', 'longest-ordered-subset', [], 0, 'unanswered'],
    // relative-to-next = right pairs / (n − 1)
    ['relative-to-next: the right order has all 4 pairs', 'relative-to-next', ['s1', 's2', 's3', 's4', 's5'], 1, 'correct'],
    ['relative-to-next: one neighbour swap breaks s1→s2 and s2→s3 (s2 s1 s3), keeps s3→s4, s4→s5: 2/4', 'relative-to-next', ['s2', 's1', 's3', 's4', 's5'], 0.5, 'partial'],
    ['relative-to-next: first step moved last keeps s2→s3, s3→s4, s4→s5: 3/4', 'relative-to-next', ['s2', 's3', 's4', 's5', 's1'], 0.75, 'partial'],
    ['relative-to-next: reversed has no step followed by its successor', 'relative-to-next', ['s5', 's4', 's3', 's2', 's1'], 0, 'incorrect'],
    ['relative-to-next: an ordered but gapped subset earns nothing (s1 s3 s5 never adjacent to their successors)', 'relative-to-next', ['s1', 's4', 's3', 's2', 's5'], 0, 'incorrect'],
    ['relative-to-next: two blocks in order, swapped (s4 s5 s1 s2 s3), keep 3 of 4 pairs', 'relative-to-next', ['s4', 's5', 's1', 's2', 's3'], 0.75, 'partial'],
    ['relative-to-next: two steps in order are one pair of four', 'relative-to-next', ['s1', 's2'], 0.25, 'partial'],
    ['relative-to-next: the last step is not checked, so ending on s5 earns nothing by itself', 'relative-to-next', ['s3', 's1', 's5'], 0, 'incorrect'],
    // all-or-nothing
    ['all-or-nothing: the exact order is full marks', 'all-or-nothing', ['s1', 's2', 's3', 's4', 's5'], 1, 'correct'],
    ['all-or-nothing: a near miss (one neighbour swap) is 0', 'all-or-nothing', ['s2', 's1', 's3', 's4', 's5'], 0, 'incorrect'],
    ['all-or-nothing: the right steps in order but one missing is 0', 'all-or-nothing', ['s1', 's2', 's3', 's4'], 0, 'incorrect'],
  ])('%s', (_label, scoring, order, score, state) => {
    const g = grade(scoring, order)
    expect(g.score).toBeCloseTo(score, 10)
    expect(g.state).toBe(state)
  })
})

describe('ordering: a one-step item is all or nothing under every grading type', () => {
  const one: OrderingItem = { ...ordering, steps: [{ id: 's1', text: 'Only' }] }
  it.each<[string, OrderingScoring | undefined, string[], number]>([
    ['default: the step given is right (a lone step would not count as a subset)', undefined, ['s1'], 1],
    ['relative-to-next: no pairs to check, so n − 1 = 0 must not divide', 'relative-to-next', ['s1'], 1],
    ['all-or-nothing: the step given is right', 'all-or-nothing', ['s1'], 1],
    ['default: only an unknown id gives no step, so 0', undefined, ['x'], 0],
  ])('%s', (_label, scoring, order, score) => {
    const item: OrderingItem = scoring === undefined ? one : { ...one, scoring }
    expect(gradeResponse(item, { type: 'ordering', order }).score).toBe(score)
  })
})

describe('ordering: a snapshot saved before issue 11', () => {
  it('with the retired `scoring: partial` grades by the default, longest-ordered-subset (one swap: 4/5)', () => {
    const old = { ...ordering, scoring: 'partial' } as unknown as OrderingItem
    expect(gradeResponse(old, { type: 'ordering', order: ['s2', 's1', 's3', 's4', 's5'] }).score).toBeCloseTo(0.8, 10)
  })
})

describe('ordering: which steps the feedback marks right', () => {
  it.each<[string, OrderingScoring, string[], string[]]>([
    ['longest-ordered-subset marks the subset (s1 s2 s3 s4), not the misplaced s5', 'longest-ordered-subset', ['s1', 's5', 's2', 's3', 's4'], ['s1', 's2', 's3', 's4']],
    ['longest-ordered-subset marks nothing when L = 1', 'longest-ordered-subset', ['s5', 's4', 's3', 's2', 's1'], []],
    ['relative-to-next marks both steps of every right pair', 'relative-to-next', ['s4', 's5', 's1', 's2', 's3'], ['s1', 's2', 's3', 's4', 's5']],
    ['relative-to-next marks nothing without a right pair', 'relative-to-next', ['s1', 's4', 's3', 's2', 's5'], []],
    ['all-or-nothing marks nothing on a near miss', 'all-or-nothing', ['s2', 's1', 's3', 's4', 's5'], []],
  ])('%s', (_label, scoring, order, right) => {
    const parts = grade(scoring, order).parts ?? []
    expect(parts.filter((p) => p.correct).map((p) => p.id)).toEqual(right)
  })
})
