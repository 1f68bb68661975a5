import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gradeResponse, itemMax } from '../../../src/domain/grading/index.ts'
import type { Answer, Item } from '../../../src/domain/types.ts'
import { allItems } from '../../fixtures/items.ts'

/** Ids the fixture items use, plus junk, so random answers hit real options most of the time. */
const id = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', 'm1', 'm2', 'm3', 'm4', 'd1', 's1', 's2', 's3', 's4', 's5', 't1', 't2', 't3', 't4',
    'fact', 'unconfirmed', 'judgment', 'month', 'year', 'city', 'June', '2024'),
  fc.string(),
)
const record = fc.dictionary(id, fc.oneof(id, fc.string()))
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('1,000 years', '1e999', 'South Korea', 'ideological dissent small spread', '-0', '(*'))

const anyAnswer: fc.Arbitrary<Answer | null> = fc.oneof(
  fc.constant(null),
  fc.record({ type: fc.constant('single' as const), optionId: id }),
  fc.record({ type: fc.constant('multiple' as const), optionIds: fc.array(id, { maxLength: 8 }) }),
  fc.record({ type: fc.constant('truefalse' as const), value: fc.boolean() }),
  fc.record({ type: fc.constant('matching' as const), matches: record }),
  fc.record({ type: fc.constant('ordering' as const), order: fc.array(id, { maxLength: 8 }) }),
  fc.record({ type: fc.constant('categorize' as const), assignments: record }),
  fc.record({ type: fc.constant('cloze' as const), blanks: record }),
  fc.record({ type: fc.constant('short' as const), text }),
  fc.record({ type: fc.constant('numeric' as const), text }),
  fc.record({ type: fc.constant('freetext' as const), text }),
)

describe('every score lies within 0..max', () => {
  it.each(allItems.map((item): [string, Item] => [item.type, item]))('%s', (_type, item) => {
    fc.assert(
      fc.property(anyAnswer, fc.boolean(), (answer, negativeMarking) => {
        const grade = gradeResponse(item, answer, { negativeMarking })
        return grade.max === itemMax(item) && grade.score >= 0 && grade.score <= grade.max && Number.isFinite(grade.score)
      }),
      { numRuns: 300 },
    )
  })

  it('holds for multiple response with random author weights', () => {
    const item = allItems.find((i) => i.type === 'multiple')
    if (item?.type !== 'multiple') throw new Error('fixture')
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.subarray(['a', 'b', 'c', 'd']), (weights, ticked) => {
        const weighted = { ...item, options: item.options.map((o, i) => ({ ...o, weight: weights[i] })) }
        const grade = gradeResponse(weighted, { type: 'multiple', optionIds: ticked })
        return grade.score >= 0 && grade.score <= grade.max
      }),
    )
  })

  it('gives full marks only for the right answer of an ordering item', () => {
    const item = allItems.find((i) => i.type === 'ordering')
    if (item?.type !== 'ordering') throw new Error('fixture')
    fc.assert(
      fc.property(fc.shuffledSubarray(item.steps.map((s) => s.id), { minLength: 1 }), (order) => {
        const grade = gradeResponse(item, { type: 'ordering', order })
        const exact = order.join() === item.steps.map((s) => s.id).join()
        expect(grade.score === grade.max).toBe(exact)
      }),
    )
  })
})
