import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import QuestionFeedback from '../../../src/components/question/QuestionFeedback.vue'
import type { Grade } from '../../../src/domain/grading/grade.ts'
import { passages } from './items.ts'

function mountFeedback(grade: Grade) {
  return mount(QuestionFeedback, {
    props: { grade, explanation: 'The brief reports it but cites no source.', passages, source: 'River brief' },
  })
}

describe('question feedback', () => {
  it.each<[Grade, string]>([
    [{ score: 1, max: 1, state: 'correct', feedback: [] }, 'Correct'],
    [{ score: 2, max: 3, state: 'partial', feedback: [] }, 'Partly right — 2 of 3'],
    [{ score: 0, max: 1, state: 'incorrect', feedback: [] }, 'Not quite'],
    [{ score: 0, max: 1, state: 'unanswered', feedback: [] }, 'Not answered'],
    [{ score: 1.5, max: 2, state: 'needs-grading', feedback: [], provisional: true }, "Waiting for your instructor's grade — provisional score 1.5 of 2"],
  ])('says the state in words: $1', (grade, words) => {
    expect(mountFeedback(grade).find('.question-feedback__state').text()).toBe(words)
  })

  it('rounds a fractional score for reading', () => {
    const grade: Grade = { score: 1 / 3, max: 1, state: 'partial', feedback: [] }
    expect(mountFeedback(grade).find('.question-feedback__state').text()).toBe('Partly right — 0.33 of 1')
  })

  it('lists every feedback line', () => {
    const grade: Grade = { score: 0, max: 1, state: 'incorrect', feedback: ['No confirmation is cited.', '1 of 2 blanks is not right.'] }
    expect(mountFeedback(grade).findAll('li').map((li) => li.text())).toEqual(['No confirmation is cited.', '1 of 2 blanks is not right.'])
  })

  it('puts the state, feedback and explanation in a status region so screen readers hear them', () => {
    const grade: Grade = { score: 0, max: 1, state: 'incorrect', feedback: ['No confirmation is cited.'] }
    const status = mountFeedback(grade).find('[role="status"]')
    expect(status.text()).toContain('Not quite')
    expect(status.text()).toContain('No confirmation is cited.')
    expect(status.text()).toContain('The brief reports it but cites no source.')
  })

  it('shows each supporting passage as an attributed evidence card', () => {
    const cards = mountFeedback({ score: 1, max: 1, state: 'correct', feedback: [] }).findAll('figure.evidence')
    expect(cards.map((c) => [c.attributes('data-passage'), c.find('blockquote p').text(), c.find('figcaption').text(), c.find('cite').text()])).toEqual([
      ['p-event', 'The river burst its banks on Monday.', 'River brief — Event', 'Event'],
      ['p-outlook', 'Rebuilding is expected to take 18 months.', 'River brief — Outlook', 'Outlook'],
    ])
  })

  it('leaves out the evidence heading when no passage supports the item', () => {
    const wrapper = mount(QuestionFeedback, {
      props: { grade: { score: 1, max: 1, state: 'correct', feedback: [] }, explanation: '', passages: [], source: 'River brief' },
    })
    expect(wrapper.text()).not.toContain('From the brief')
  })
})
