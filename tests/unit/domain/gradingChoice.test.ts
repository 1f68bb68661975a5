import { describe, expect, it } from 'vitest'
import { gradeResponse, optionWeights, type Grade } from '../../../src/domain/grading/index.ts'
import type { Answer, Item } from '../../../src/domain/types.ts'
import { multiple, single, truefalse } from '../../fixtures/items.ts'

const pick = (g: Grade) => ({ score: g.score, state: g.state })

describe('single choice (all or nothing)', () => {
  it.each<[string, Answer | null, number, Grade['state']]>([
    ['right option', { type: 'single', optionId: 'a' }, 1, 'correct'],
    ['wrong option', { type: 'single', optionId: 'b' }, 0, 'incorrect'],
    ['unknown option', { type: 'single', optionId: 'zz' }, 0, 'incorrect'],
    ['no answer', null, 0, 'unanswered'],
    ['empty option id', { type: 'single', optionId: '' }, 0, 'unanswered'],
    ['answer of another type', { type: 'truefalse', value: true }, 0, 'incorrect'],
  ])('%s', (_label, answer, score, state) => {
    expect(pick(gradeResponse(single, answer))).toEqual({ score, state })
  })

  it('shows the chosen option’s feedback', () => {
    expect(gradeResponse(single, { type: 'single', optionId: 'b' }).feedback).toEqual(['No confirmation is cited.'])
  })

  it('scales to the item’s points', () => {
    expect(gradeResponse({ ...single, points: 3 }, { type: 'single', optionId: 'a' }).score).toBe(3)
  })

  it('stays at zero for a wrong answer with negative marking', () => {
    expect(gradeResponse(single, { type: 'single', optionId: 'b' }, { negativeMarking: true }).score).toBe(0)
  })
})

describe('true/false (all or nothing)', () => {
  it.each<[string, Answer | null, number, Grade['state']]>([
    ['right value', { type: 'truefalse', value: false }, 1, 'correct'],
    ['wrong value', { type: 'truefalse', value: true }, 0, 'incorrect'],
    ['no answer', null, 0, 'unanswered'],
    ['another type', { type: 'single', optionId: 'a' }, 0, 'incorrect'],
  ])('%s', (_label, answer, score, state) => {
    expect(pick(gradeResponse(truefalse, answer))).toEqual({ score, state })
  })

  it('shows the wrong-answer feedback only when wrong', () => {
    expect(gradeResponse(truefalse, { type: 'truefalse', value: true }).feedback).toEqual(['The brief calls it unconfirmed.'])
  })

  it('never goes below zero with negative marking', () => {
    expect(gradeResponse(truefalse, { type: 'truefalse', value: true }, { negativeMarking: true }).score).toBe(0)
  })
})

describe('multiple response (weights: +1/R per right, −1/W per wrong, clamped)', () => {
  it.each<[string, string[], number, Grade['state']]>([
    ['exactly the right options', ['a', 'b'], 1, 'correct'],
    ['one of two right options', ['a'], 0.5, 'partial'],
    ['both right and one wrong', ['a', 'b', 'c'], 0.5, 'partial'],
    ['every option ticked', ['a', 'b', 'c', 'd'], 0, 'incorrect'],
    ['only wrong options (clamped at 0)', ['c', 'd'], 0, 'incorrect'],
    ['one right one wrong', ['a', 'c'], 0, 'incorrect'],
    ['repeated ids count once', ['a', 'a', 'b', 'b'], 1, 'correct'],
    ['unknown ids ignored', ['a', 'b', 'zz'], 1, 'correct'],
    ['nothing ticked', [], 0, 'unanswered'],
  ])('%s', (_label, optionIds, score, state) => {
    expect(pick(gradeResponse(multiple, { type: 'multiple', optionIds }))).toEqual({ score, state })
  })

  it('lets author weights override the default', () => {
    const weighted: Item = { ...multiple, options: multiple.options.map((o) => (o.id === 'a' ? { ...o, weight: 0.8 } : o)) }
    expect(gradeResponse(weighted, { type: 'multiple', optionIds: ['a'] }).score).toBeCloseTo(0.8)
  })

  it('gives each option its default weight', () => {
    expect([...optionWeights(multiple).values()]).toEqual([0.5, 0.5, -0.5, -0.5])
  })

  it('shows the feedback of the ticked options', () => {
    expect(gradeResponse(multiple, { type: 'multiple', optionIds: ['a', 'c'] }).feedback).toContain('Not mentioned.')
  })

  it('reports each option as a part', () => {
    const parts = gradeResponse(multiple, { type: 'multiple', optionIds: ['a', 'c'] }).parts ?? []
    expect(parts.map((p) => [p.id, p.correct])).toEqual([['a', true], ['b', false], ['c', false], ['d', true]])
  })
})
