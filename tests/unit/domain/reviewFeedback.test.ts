import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { feedbackBeforeKey } from '../../../src/domain/reviewFeedback.ts'
import type { Answer, Item } from '../../../src/domain/types.ts'
import { keyedCases } from '../../fixtures/keyedItems.ts'

const item = (id: string): Item => keyedCases.find((c) => c.item.id === id)!.item

/** The feedback the review shows while the right answers are held back, from the real grader. */
function before(id: string, answer: Answer): string[] {
  const it = item(id)
  return feedbackBeforeKey(it, gradeResponse(it, answer))
}

describe('feedbackBeforeKey', () => {
  it.each(keyedCases.map((c) => [c.item.id, c]))('%s: no line of a wrong answer’s feedback names the key', (_id, c) => {
    const all = gradeResponse(c.item, c.wrong).feedback
    const shown = feedbackBeforeKey(c.item, gradeResponse(c.item, c.wrong))
    expect(shown.filter((line) => c.key.some((k) => line.includes(k)))).toEqual([])
    // The grader did say it: the filter, not the grader, keeps it back.
    expect(all.some((line) => c.key.some((k) => line.includes(k)))).toBe(true)
  })

  it.each<[string, string, Answer, string[]]>([
    ['the learner’s own right choice keeps its “Right. …” feedback', 'k-single', { type: 'single', optionId: 'a' }, ['Right, it is reported.']],
    ['a wrong choice’s feedback is held back', 'k-single', { type: 'single', optionId: 'c' }, []],
    ['ticked right options keep theirs; the ticked wrong one and the count stay apart', 'k-multiple', { type: 'multiple', optionIds: ['a', 'c'] }, ['Yes, rain is named.', '2 of 3 options are not right.']],
    ['a matching item keeps only the count of wrong matches', 'k-matching', { type: 'matching', matches: { p1: 'p1', p2: 'd1' } }, ['1 of 2 matches is not right.']],
    ['a cloze keeps only the count of wrong blanks', 'k-cloze', { type: 'cloze', blanks: { b1: 'two' } }, ['1 of 1 blanks is not right.']],
    ['an ordering keeps only the count of steps out of place', 'k-ordering', { type: 'ordering', order: ['s2', 's1', 's3'] }, ['3 of 3 steps are not right.']],
    ['a number that could not be read says so, without the key', 'k-numeric', { type: 'numeric', text: 'many' }, ['This answer could not be read as a number.']],
    ['a number out of range says so, without the key', 'k-numeric', { type: 'numeric', text: '20' }, ['20 is not within the accepted range of the answer.']],
    ['a wrong short answer shows no authored line', 'k-short', { type: 'short', text: 'Thames' }, []],
    ['a wrong true/false shows no authored line', 'k-tf', { type: 'truefalse', value: true }, []],
  ])('%s', (_label, id, answer, lines) => {
    expect(before(id, answer)).toEqual(lines)
  })

  it('keeps free-text lines: they speak of the answer, and free text has no key to name', () => {
    const freetext: Item = {
      id: 'k-free', type: 'freetext', stem: 'Why?', rubric: [{ id: 'c1', text: 'Names the levee', points: 1, concepts: [['levee']] }],
      modelAnswer: 'The levee.', minWords: 5, explanation: 'x', passages: ['p-flood'], objective: 'o1', difficulty: 1, bloom: 'analyze',
    }
    const grade = gradeResponse(freetext, { type: 'freetext', text: 'The levee' })
    expect(feedbackBeforeKey(freetext, grade)).toEqual(grade.feedback)
    expect(grade.feedback.length).toBeGreaterThan(0)
  })
})
