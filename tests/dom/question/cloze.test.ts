import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import type { ClozeItem } from '../../../src/domain/types.ts'
import { cloze } from './items.ts'
import { lastAnswer, mountQuestion } from './mountQuestion.ts'

describe('cloze renderer', () => {
  it('keeps the text around the blanks', () => {
    expect(mountQuestion(cloze).find('.question-cloze__text').text()).toContain('The river rose for')
  })

  it('names each blank by its place among the blanks', () => {
    const wrapper = mountQuestion(cloze)
    expect(wrapper.findAll('input, select').map((c) => c.attributes('aria-label'))).toEqual(['Blank 1 of 2', 'Blank 2 of 2'])
  })

  it('offers a drop-down for a blank with options', () => {
    const select = mountQuestion(cloze).find('select')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Choose…', 'evacuated', 'rebuilt', 'ignored'])
  })

  it('shows a drop-down in the order the slot recorded for this attempt', () => {
    const select = mountQuestion(cloze, { blankOrders: { b2: ['ignored', 'evacuated', 'rebuilt'] } }).find('select')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Choose…', 'ignored', 'evacuated', 'rebuilt'])
  })

  it('shows the authored order when the recorded order does not fit the item (another version)', () => {
    const select = mountQuestion(cloze, { blankOrders: { b2: ['ignored', 'evacuated', 'moved'] } }).find('select')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Choose…', 'evacuated', 'rebuilt', 'ignored'])
  })

  it('keeps the chosen option selected whatever the order', () => {
    const wrapper = mountQuestion(cloze, { blankOrders: { b2: ['rebuilt', 'ignored', 'evacuated'] }, modelValue: { type: 'cloze', blanks: { b2: 'ignored' } } })
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe('ignored')
  })

  it('emits a partial answer when one blank is typed', async () => {
    const wrapper = mountQuestion(cloze)
    await wrapper.find('input').setValue('three')
    expect(lastAnswer(wrapper)).toEqual({ type: 'cloze', blanks: { b1: 'three' } })
  })

  it('keeps the typed blank when an option is chosen for the other', async () => {
    const wrapper = mountQuestion(cloze, { modelValue: { type: 'cloze', blanks: { b1: '3' } } })
    await wrapper.find('select').setValue('rebuilt')
    expect(lastAnswer(wrapper)).toEqual({ type: 'cloze', blanks: { b1: '3', b2: 'rebuilt' } })
  })

  it('leaves a marker that names no blank as plain text', () => {
    const odd: ClozeItem = { ...cloze, text: 'Rose {{b1}} then {{nope}}.' }
    expect(mountQuestion(odd).find('.question-cloze__text').text()).toContain('{{nope}}')
  })

  it('disables every blank once submitted', () => {
    const controls = mountQuestion(cloze, { disabled: true }).findAll('input, select')
    expect(controls.every((c) => (c.element as HTMLInputElement).disabled)).toBe(true)
  })

  it('marks each blank in words', () => {
    const answer = { type: 'cloze' as const, blanks: { b1: 'three', b2: 'rebuilt' } }
    const wrapper = mountQuestion(cloze, { modelValue: answer, grade: gradeResponse(cloze, answer) })
    expect(wrapper.findAll('.question-mark').map((m) => m.find('.question-mark__text').text())).toEqual(['Correct', 'Your answer — incorrect'])
  })
})
