/** The certainty group under every item type (QuestionItem with `askCertainty`). */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import QuestionItem from '../../../src/components/question/QuestionItem.vue'
import type { Item } from '../../../src/domain/types.ts'
import { everyItem } from './items.ts'

function mountAsking(item: Item, props: { certainty?: 1 | 2 | 3; disabled?: boolean } = {}) {
  return mount(QuestionItem, { props: { item, modelValue: null, askCertainty: true, ...props } })
}

const group = (w: ReturnType<typeof mountAsking>) => w.findAll<HTMLInputElement>('fieldset.certainty input[type="radio"]')

describe('the certainty group', () => {
  it.each(everyItem)('follows the $type answer, names its radios apart from the answer, and emits the level chosen', async (item) => {
    const wrapper = mountAsking(item)
    expect(group(wrapper)).toHaveLength(3)
    expect(group(wrapper).every((r) => r.attributes('name') === `certainty-${item.id}`)).toBe(true)
    // The answer's own controls never share the group's name.
    const others = wrapper.findAll('input, select, textarea').filter((c) => !c.element.closest('fieldset.certainty'))
    expect(others.every((c) => c.attributes('name') !== `certainty-${item.id}`)).toBe(true)
    await group(wrapper)[1]!.setValue(true)
    expect(wrapper.emitted('update:certainty')).toEqual([[2]])
  })

  it('shows the level given as checked, and nothing is checked when none was given', () => {
    expect(group(mountAsking(everyItem[0]!, { certainty: 3 })).map((r) => r.element.checked)).toEqual([false, false, true])
    expect(group(mountAsking(everyItem[0]!)).map((r) => r.element.checked)).toEqual([false, false, false])
  })

  it('is read-only with the question (review, or after a practice check)', () => {
    // Each radio is disabled itself (as the answer's controls are), not only through its fieldset.
    expect(group(mountAsking(everyItem[0]!, { disabled: true })).every((r) => r.element.disabled)).toBe(true)
  })

  it('is absent unless asked for', () => {
    expect(mount(QuestionItem, { props: { item: everyItem[0]!, modelValue: null } }).find('.certainty').exists()).toBe(false)
  })
})
