import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import QuestionItem from '../../../src/components/question/QuestionItem.vue'
import { inDisplayOrder, initialStepOrder } from '../../../src/components/question/displayOrder.ts'
import { everyItem, single } from './items.ts'
import { mountQuestion } from './mountQuestion.ts'

describe('question item', () => {
  it.each(everyItem)('shows the $type stem', (item) => {
    expect(mountQuestion(item).text()).toContain(item.stem)
  })

  // The loading placeholder repeats the stem; once the renderer is there it must be gone, with or
  // without "How sure are you?" (a v-if chain that skipped the renderer showed it under every answer).
  it.each(everyItem.flatMap((item) => [{ item, askCertainty: false }, { item, askCertainty: true }]))('shows the $item.type stem once when loaded (certainty asked: $askCertainty)', async ({ item, askCertainty }) => {
    const wrapper = mount(QuestionItem, { props: { item, modelValue: null, askCertainty } })
    await vi.waitFor(() => expect(wrapper.find('.question-item__loading').exists()).toBe(false))
    expect(wrapper.text().split(item.stem).length - 1).toBe(1)
    expect(wrapper.find('.certainty').exists()).toBe(askCertainty)
  })

  it.each(everyItem)('gives every $type control a label', (item) => {
    const wrapper = mountQuestion(item)
    const controls = wrapper.findAll('input, select, textarea, button')
    expect(controls.length).toBeGreaterThan(0)
    for (const control of controls) {
      const el = control.element as HTMLElement
      const labelled =
        el.closest('label') !== null ||
        el.hasAttribute('aria-label') ||
        (el.id !== '' && wrapper.find(`label[for="${el.id}"]`).exists()) ||
        (el.tagName === 'BUTTON' && el.textContent?.trim() !== '')
      expect(labelled, el.outerHTML).toBe(true)
    }
  })

  it.each(everyItem)('disables every $type control in review', (item) => {
    const controls = mountQuestion(item, { disabled: true }).findAll('input, select, textarea, button')
    expect(controls.every((c) => (c.element as HTMLInputElement).disabled)).toBe(true)
  })

  it('shows no marks before the answer is graded', () => {
    const wrapper = mountQuestion(single, { modelValue: { type: 'single', optionId: 'a' } })
    expect(wrapper.find('.question-mark').exists()).toBe(false)
  })

  it('shows a saved answer of another type as no answer', () => {
    const wrapper = mountQuestion(single, { modelValue: { type: 'truefalse', value: true } })
    expect(wrapper.findAll('input').some((i) => (i.element as HTMLInputElement).checked)).toBe(false)
  })
})

describe('display order', () => {
  it('shows parts a stored order forgot after the ordered ones', () => {
    expect(inDisplayOrder([{ id: 'a' }, { id: 'b' }, { id: 'c' }], ['c', 'x']).map((p) => p.id)).toEqual(['c', 'a', 'b'])
  })

  it.each([
    [['a'], ['a']],
    [['a', 'b', 'c'], ['b', 'c', 'a']],
  ])('starts unordered steps %j as %j', (ids, expected) => {
    expect(initialStepOrder(ids)).toEqual(expected)
  })
})
