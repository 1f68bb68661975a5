/**
 * While the review policy holds the right answers back ('feedback' without 'correct'), nothing
 * in the answer list names a key: not the marks, not feedback on wrong answers, not the
 * explanation, not the evidence. Once 'correct' shows, all of it does.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AssessmentAnswerList from '../../../src/components/assessment/AssessmentAnswerList.vue'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { Answer, Attempt, SavedResponse } from '../../../src/domain/types.ts'
import { FLOOD, keyedCases, type KeyedCase } from '../../fixtures/keyedItems.ts'

function attemptOf(cases: KeyedCase[], answers: Answer[]): { attempt: Attempt; responses: SavedResponse[] } {
  const attempt: Attempt = {
    id: 'a1', courseId: 'c1', learnerId: 'ana', mode: 'assessment', sourceId: 'quiz', seed: 1, startedAt: 0, deadline: null,
    submittedAt: 1000, submitReason: 'learner',
    slots: cases.map((c) => ({ itemId: c.item.id, version: c.item.version })),
    snapshots: Object.fromEntries(cases.map((c) => [c.item.version, c.item])),
  }
  const responses = cases.map((c, i): SavedResponse => ({ attemptId: 'a1', itemId: c.item.id, answer: answers[i] ?? null, flagged: false, savedAt: 500, seq: 1 }))
  return { attempt, responses }
}

function mountList(showCorrect: boolean, cases: KeyedCase[] = keyedCases, answers: Answer[] = cases.map((c) => c.wrong)) {
  const { attempt, responses } = attemptOf(cases, answers)
  return mount(AssessmentAnswerList, {
    props: { attempt, grade: gradeAttempt(attempt, responses), showCorrect, showFeedback: true, passagesFor: () => [FLOOD], source: 'Flood brief' },
  })
}

const row = (wrapper: ReturnType<typeof mountList>, id: string) => wrapper.find(`[data-item="${id}"]`)

describe('the answer list while the right answers are held back', () => {
  const hidden = mountList(false)
  const shown = mountList(true)

  it.each(keyedCases.map((c) => [c.item.type, c]))('%s: no text naming the key before; every one of them after', (_type, c) => {
    for (const key of c.key) expect(row(hidden, c.item.id).text()).not.toContain(key)
    for (const key of c.key) expect(row(shown, c.item.id).text()).toContain(key)
  })

  it.each(keyedCases.map((c) => [c.item.type, c]))('%s: the evidence from the brief only after', (_type, c) => {
    expect(row(hidden, c.item.id).find('figure.evidence').exists()).toBe(false)
    expect(row(hidden, c.item.id).text()).not.toContain(FLOOD.text)
    expect(row(shown, c.item.id).find('figure.evidence').text()).toContain(FLOOD.text)
  })

  it('still says how each answer went, in words', () => {
    expect(hidden.findAll('.question-feedback__state').map((s) => s.text())).toEqual(keyedCases.map(() => expect.stringMatching(/^(Not quite|Partly right)/)))
    expect(row(hidden, 'k-matching').find('.question-feedback').text()).toContain('2 of 2 matches are not right.')
  })

  it('keeps the feedback on the learner’s own right choice', () => {
    const [single] = keyedCases
    const wrapper = mountList(false, [single!], [{ type: 'single', optionId: 'a' }])
    expect(row(wrapper, 'k-single').find('.question-feedback').text()).toContain('Right, it is reported.')
    expect(row(wrapper, 'k-single').text()).not.toContain('The single explanation')
  })
})
