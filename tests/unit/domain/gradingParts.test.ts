import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import type { Answer } from '../../../src/domain/types.ts'
import { categorize, cloze, matching } from '../../fixtures/items.ts'

type Case = [string, Answer | null, number, string]

describe('matching (equal share per prompt)', () => {
  it.each<Case>([
    ['all right', { type: 'matching', matches: { m1: 'm1', m2: 'm2', m3: 'm3', m4: 'm4' } }, 1, 'correct'],
    ['a shared match text counts for both prompts', { type: 'matching', matches: { m1: 'm3', m2: 'm2', m3: 'm1', m4: 'm4' } }, 1, 'correct'],
    ['one match used for every prompt', { type: 'matching', matches: { m1: 'm1', m2: 'm1', m3: 'm1', m4: 'm1' } }, 0.5, 'partial'],
    ['a distractor chosen', { type: 'matching', matches: { m1: 'd1', m2: 'm2', m3: 'm3', m4: 'm4' } }, 0.75, 'partial'],
    ['only some prompts answered', { type: 'matching', matches: { m2: 'm2' } }, 0.25, 'partial'],
    ['nothing matched', { type: 'matching', matches: {} }, 0, 'unanswered'],
    ['answer of another type', { type: 'ordering', order: ['m1'] }, 0, 'incorrect'],
  ])('%s', (_label, answer, score, state) => {
    const grade = gradeResponse(matching, answer)
    expect([grade.score, grade.state]).toEqual([score, state])
  })

  it('with negative marking a wrong prompt costs 1/(k−1) of its share', () => {
    const grade = gradeResponse(matching, { type: 'matching', matches: { m1: 'm1', m2: 'm1', m3: 'm1', m4: 'm1' } }, { negativeMarking: true })
    // 2 right × 0.25 − 2 wrong × 0.25 / (5 choices − 1)
    expect(grade.score).toBeCloseTo(0.375)
  })

  it('names how many prompts were wrong', () => {
    const grade = gradeResponse(matching, { type: 'matching', matches: { m1: 'd1', m2: 'm2', m3: 'm3', m4: 'm4' } })
    expect(grade.feedback).toEqual(['It is reported.', '1 of 4 matches is not right.'])
  })
})

describe('categorize (equal share per statement)', () => {
  const c = (assignments: Record<string, string>): Answer => ({ type: 'categorize', assignments })
  it.each<Case>([
    ['all right', c({ t1: 'fact', t2: 'unconfirmed', t3: 'judgment', t4: 'fact' }), 1, 'correct'],
    ['one wrong', c({ t1: 'judgment', t2: 'unconfirmed', t3: 'judgment', t4: 'fact' }), 0.75, 'partial'],
    ['everything in one category', c({ t1: 'fact', t2: 'fact', t3: 'fact', t4: 'fact' }), 0.5, 'partial'],
    ['unknown category', c({ t1: 'nope', t2: 'nope', t3: 'nope', t4: 'nope' }), 0, 'incorrect'],
    ['nothing assigned', c({}), 0, 'unanswered'],
  ])('%s', (_label, answer, score, state) => {
    const grade = gradeResponse(categorize, answer)
    expect([grade.score, grade.state]).toEqual([score, state])
  })

  it('with negative marking a wrong statement costs half its share (3 categories)', () => {
    const grade = gradeResponse(categorize, c({ t1: 'fact', t2: 'fact', t3: 'fact', t4: 'fact' }), { negativeMarking: true })
    expect(grade.score).toBeCloseTo(0.5 - 2 * 0.125)
  })

  it('reports the expected category label per statement', () => {
    const parts = gradeResponse(categorize, c({ t1: 'judgment' })).parts ?? []
    expect(parts[0]).toEqual({ id: 't1', correct: false, expected: 'Reported fact', given: 'judgment' })
  })
})

describe('cloze (equal share per blank, normalised)', () => {
  const b = (blanks: Record<string, string>): Answer => ({ type: 'cloze', blanks })
  it.each<Case>([
    ['all right', b({ month: 'June', year: '2024', city: 'Pyongyang' }), 1, 'correct'],
    ['case, spaces and full stop', b({ month: ' june ', year: '2024.', city: 'PYONGYANG' }), 1, 'correct'],
    ['diacritics', b({ month: 'June', year: '2024', city: 'Pyöngyang' }), 1, 'correct'],
    ['full-width letters and digits', b({ month: 'Ｊｕｎｅ', year: '２０２４', city: 'Pyongyang' }), 1, 'correct'],
    ['one blank wrong', b({ month: 'March', year: '2024', city: 'Pyongyang' }), 2 / 3, 'partial'],
    ['one blank filled', b({ year: '2024' }), 1 / 3, 'partial'],
    ['blanks left empty', b({ month: '', year: '  ' }), 0, 'unanswered'],
  ])('%s', (_label, answer, score, state) => {
    const grade = gradeResponse(cloze, answer)
    expect(grade.score).toBeCloseTo(score)
    expect(grade.state).toBe(state)
  })

  it('with negative marking only a wrong drop-down costs (1/(3−1) of its share)', () => {
    const grade = gradeResponse(cloze, b({ month: 'March', year: '1999', city: 'Pyongyang' }), { negativeMarking: true })
    expect(grade.score).toBeCloseTo(1 / 3 - 1 / 6)
  })

  it('shows the feedback of a wrong blank', () => {
    expect(gradeResponse(cloze, b({ year: '1999' })).feedback[0]).toBe('June 2024.')
  })
})
