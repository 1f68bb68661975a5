import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { freetext, numeric, short } from './items.ts'
import { lastAnswer, mountQuestion } from './mountQuestion.ts'

describe('text renderers', () => {
  it.each([short, numeric])('labels the $type input with the stem', (item) => {
    const wrapper = mountQuestion(item)
    const input = wrapper.find('input[type=text]')
    expect(wrapper.find(`label[for="${input.attributes('id')}"]`).text()).toBe(item.stem)
  })

  it('labels the free-text box with the stem', () => {
    const wrapper = mountQuestion(freetext)
    const box = wrapper.find('textarea')
    expect(wrapper.find(`label[for="${box.attributes('id')}"]`).text()).toBe(freetext.stem)
  })

  it.each([
    [short, 'input', 'Severn', { type: 'short', text: 'Severn' }],
    [numeric, 'input', '18 months', { type: 'numeric', text: '18 months' }],
    [freetext, 'textarea', 'Heavy rain fell.', { type: 'freetext', text: 'Heavy rain fell.' }],
  ] as const)('emits the raw text typed for $0.type', async (item, selector, typed, expected) => {
    const wrapper = mountQuestion(item)
    await wrapper.find(selector).setValue(typed)
    expect(lastAnswer(wrapper)).toEqual(expected)
  })

  it('emits an empty text answer when the learner clears the box', async () => {
    const wrapper = mountQuestion(short, { modelValue: { type: 'short', text: 'Thames' } })
    await wrapper.find('input').setValue('')
    expect(lastAnswer(wrapper)).toEqual({ type: 'short', text: '' })
  })

  it('asks phones for a decimal keypad on numeric items only', () => {
    expect(mountQuestion(numeric).find('input').attributes('inputmode')).toBe('decimal')
    expect(mountQuestion(short).find('input').attributes('inputmode')).toBeUndefined()
  })

  it('tells the learner that a unit may follow the number', () => {
    const wrapper = mountQuestion(numeric)
    const hint = wrapper.find(`#${wrapper.find('input').attributes('aria-describedby')}`)
    expect(hint.text()).toContain('“months”')
  })

  it('shows the saved text', () => {
    const wrapper = mountQuestion(numeric, { modelValue: { type: 'numeric', text: '1,5' } })
    expect((wrapper.find('input').element as HTMLInputElement).value).toBe('1,5')
  })

  it('ignores a saved answer of another type', () => {
    const wrapper = mountQuestion(short, { modelValue: { type: 'numeric', text: '12' } })
    expect((wrapper.find('input').element as HTMLInputElement).value).toBe('')
  })

  it('counts the words of a free-text answer against the minimum', () => {
    const wrapper = mountQuestion(freetext, { modelValue: { type: 'freetext', text: 'Heavy rain and weak levees' } })
    expect(wrapper.find('.question-text__count').text()).toBe('5 words of at least 5')
  })

  it('updates the word count as the learner types', async () => {
    const wrapper = mountQuestion(freetext, { modelValue: { type: 'freetext', text: 'Rain' } })
    await wrapper.setProps({ modelValue: { type: 'freetext', text: 'Rain and levees' } })
    expect(wrapper.find('.question-text__count').text()).toBe('3 words of at least 5')
  })

  it('describes the free-text box by its hint and word count', () => {
    const wrapper = mountQuestion(freetext)
    const ids = wrapper.find('textarea').attributes('aria-describedby')!.split(' ')
    expect(ids.map((id) => wrapper.find(`#${id}`).text())).toEqual(['Write at least 5 words.', '0 words of at least 5'])
  })

  it.each([
    ['input', short],
    ['textarea', freetext],
  ] as const)('disables the %s once submitted', (selector, item) => {
    expect((mountQuestion(item, { disabled: true }).find(selector).element as HTMLInputElement).disabled).toBe(true)
  })

  it.each([
    ['Severn', 'Your answer — correct'],
    ['Thames', 'Your answer — incorrect'],
  ])('marks the typed answer %s in words', (text, words) => {
    const answer = { type: 'short' as const, text }
    const wrapper = mountQuestion(short, { modelValue: answer, grade: gradeResponse(short, answer) })
    expect(wrapper.find('.question-mark').text()).toContain(words)
  })
})
