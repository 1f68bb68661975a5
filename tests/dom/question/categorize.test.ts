import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { categorize } from './items.ts'
import { lastAnswer, mountQuestion } from './mountQuestion.ts'

describe('categorize renderer', () => {
  it('gives each statement its own radio group named by the statement', () => {
    const groups = mountQuestion(categorize).findAll('fieldset fieldset')
    expect(groups.map((g) => [g.find('legend').text(), g.findAll('input[type=radio]').length])).toEqual([
      ['The river burst its banks.', 2],
      ['Help is on its way.', 2],
    ])
  })

  it('labels each radio with its category', () => {
    const labels = mountQuestion(categorize).findAll('fieldset fieldset')[0]!.findAll('label').map((l) => l.text())
    expect(labels).toEqual(['Confirmed', 'Reported'])
  })

  it('keeps each statement’s radios in a group of their own', () => {
    const names = mountQuestion(categorize).findAll('fieldset fieldset').map((g) => g.find('input').attributes('name'))
    expect(names[0]).not.toBe(names[1])
  })

  it('emits a partial answer when one statement is sorted', async () => {
    const wrapper = mountQuestion(categorize)
    await wrapper.findAll('fieldset fieldset')[1]!.findAll('input')[1]!.setValue(true)
    expect(lastAnswer(wrapper)).toEqual({ type: 'categorize', assignments: { t2: 'unsure' } })
  })

  it('keeps earlier assignments when another statement is sorted', async () => {
    const wrapper = mountQuestion(categorize, { modelValue: { type: 'categorize', assignments: { t1: 'sure' } } })
    await wrapper.findAll('fieldset fieldset')[1]!.findAll('input')[0]!.setValue(true)
    expect(lastAnswer(wrapper)).toEqual({ type: 'categorize', assignments: { t1: 'sure', t2: 'sure' } })
  })

  it('shows the statements in the slot order', () => {
    const legends = mountQuestion(categorize, { order: ['t2', 't1'] }).findAll('fieldset fieldset legend').map((l) => l.text())
    expect(legends).toEqual(['Help is on its way.', 'The river burst its banks.'])
  })

  it('disables every radio once submitted', () => {
    const inputs = mountQuestion(categorize, { disabled: true }).findAll('input')
    expect(inputs.every((i) => (i.element as HTMLInputElement).disabled)).toBe(true)
  })

  it('marks each statement in words', () => {
    const answer = { type: 'categorize' as const, assignments: { t1: 'sure', t2: 'sure' } }
    const wrapper = mountQuestion(categorize, { modelValue: answer, grade: gradeResponse(categorize, answer) })
    expect(wrapper.findAll('.question-mark').map((m) => m.find('.question-mark__text').text())).toEqual(['Correct', 'Your answer — incorrect'])
  })
})
