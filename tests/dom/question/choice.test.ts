import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { multiple, single, truefalse } from './items.ts'
import { lastAnswer, mountQuestion } from './mountQuestion.ts'

describe('choice renderers', () => {
  it.each([
    [single, 'radio', 'Choose one.'],
    [truefalse, 'radio', 'Choose one.'],
    [multiple, 'checkbox', 'Choose all that apply.'],
  ] as const)('groups $0.type options in a fieldset whose legend is the stem', (item, kind, hint) => {
    const wrapper = mountQuestion(item)
    const legend = wrapper.find('fieldset > legend')
    expect(legend.text()).toContain(item.stem)
    expect(legend.text()).toContain(hint)
    expect(wrapper.findAll(`fieldset input[type=${kind}]`).length).toBeGreaterThan(1)
  })

  it('labels every option with its text', () => {
    const wrapper = mountQuestion(single)
    expect(wrapper.findAll('label').map((l) => [l.text(), l.find('input').attributes('value')])).toEqual([
      ['Reported', 'a'],
      ['Confirmed', 'b'],
      ['Denied', 'c'],
    ])
  })

  it('gives the radios of one question a shared name so arrow keys move between them', () => {
    const names = mountQuestion(single).findAll('input').map((i) => i.attributes('name'))
    expect(new Set(names).size).toBe(1)
    expect(names[0]).toBeTruthy()
  })

  it('names the radio group after the item, so it stays the same whenever the question is shown', () => {
    expect(mountQuestion(single).find('input').attributes('name')).toBe('q-q-single')
  })

  it('emits the chosen option of a single-choice item', async () => {
    const wrapper = mountQuestion(single)
    await wrapper.findAll('input')[1]!.setValue(true)
    expect(lastAnswer(wrapper)).toEqual({ type: 'single', optionId: 'b' })
  })

  it.each([
    ['True', true],
    ['False', false],
  ])('emits value %s → %s for a true/false item', async (label, value) => {
    const wrapper = mountQuestion(truefalse)
    const option = wrapper.findAll('label').find((l) => l.text() === label)!
    await option.find('input').setValue(true)
    expect(lastAnswer(wrapper)).toEqual({ type: 'truefalse', value })
  })

  it('adds a ticked option to a multiple-response answer, in authored order', async () => {
    const wrapper = mountQuestion(multiple, { modelValue: { type: 'multiple', optionIds: ['c'] } })
    await wrapper.findAll('input')[0]!.setValue(true)
    expect(lastAnswer(wrapper)).toEqual({ type: 'multiple', optionIds: ['a', 'c'] })
  })

  it('removes an unticked option from a multiple-response answer', async () => {
    const wrapper = mountQuestion(multiple, { modelValue: { type: 'multiple', optionIds: ['a', 'b'] } })
    await wrapper.findAll('input')[0]!.setValue(false)
    expect(lastAnswer(wrapper)).toEqual({ type: 'multiple', optionIds: ['b'] })
  })

  it('shows the saved answer as checked', () => {
    const wrapper = mountQuestion(single, { modelValue: { type: 'single', optionId: 'c' } })
    expect(wrapper.findAll('input').map((i) => (i.element as HTMLInputElement).checked)).toEqual([false, false, true])
  })

  it('never mutates the answer it was given', async () => {
    const answer = { type: 'multiple' as const, optionIds: ['a'] }
    const wrapper = mountQuestion(multiple, { modelValue: answer })
    await wrapper.findAll('input')[1]!.setValue(true)
    expect(answer.optionIds).toEqual(['a'])
  })

  it('shows options in the slot order when the assessment shuffled them', () => {
    const wrapper = mountQuestion(single, { order: ['c', 'a', 'b'] })
    expect(wrapper.findAll('label').map((l) => l.text())).toEqual(['Denied', 'Reported', 'Confirmed'])
  })

  it('disables every option once submitted', () => {
    const inputs = mountQuestion(multiple, { disabled: true }).findAll('input')
    expect(inputs.every((i) => (i.element as HTMLInputElement).disabled)).toBe(true)
  })

  it.each([
    ['a', 'Your answer — correct'],
    ['b', 'Your answer — incorrect'],
  ])('marks chosen option %s in words: %s', (optionId, text) => {
    const answer = { type: 'single' as const, optionId }
    const wrapper = mountQuestion(single, { modelValue: answer, grade: gradeResponse(single, answer), disabled: true })
    const chosen = wrapper.findAll('label').find((l) => l.find('input').attributes('value') === optionId)!
    expect(chosen.find('.question-mark').text()).toContain(text)
    expect(wrapper.findAll('.question-mark')).toHaveLength(1)
  })

  it('names the right option only when the review may show it', () => {
    const answer = { type: 'single' as const, optionId: 'b' }
    const grade = gradeResponse(single, answer)
    const hidden = mountQuestion(single, { modelValue: answer, grade })
    const shown = mountQuestion(single, { modelValue: answer, grade, showCorrect: true })
    expect(hidden.text()).not.toContain('Correct answer')
    expect(shown.findAll('label')[0]!.text()).toContain('Correct answer')
  })

  it('marks each ticked multiple-response option from the grade parts', () => {
    const answer = { type: 'multiple' as const, optionIds: ['a', 'c'] }
    const wrapper = mountQuestion(multiple, { modelValue: answer, grade: gradeResponse(multiple, answer) })
    const marks = wrapper.findAll('label').map((l) => l.find('.question-mark'))
    expect(marks[0]!.text()).toContain('Your answer — correct')
    expect(marks[1]!.exists()).toBe(false)
    expect(marks[2]!.text()).toContain('Your answer — incorrect')
  })

  it('points out a missed right option when the review may show it', () => {
    const answer = { type: 'multiple' as const, optionIds: ['a'] }
    const wrapper = mountQuestion(multiple, { modelValue: answer, grade: gradeResponse(multiple, answer), showCorrect: true })
    expect(wrapper.findAll('label')[1]!.text()).toContain('Missed — this one is correct')
  })
})
