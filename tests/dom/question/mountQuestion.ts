import { mount } from '@vue/test-utils'
import type { Answer, Item } from '../../../src/domain/types.ts'
import type { Grade } from '../../../src/domain/grading/grade.ts'
import QuestionItem from '../../../src/components/question/QuestionItem.vue'

export interface QuestionProps {
  modelValue?: Answer | null
  disabled?: boolean
  order?: string[]
  blankOrders?: Record<string, string[]>
  grade?: Grade
  showCorrect?: boolean
}

/** Mount one item's renderer; extra options (attachTo) pass through. */
export function mountQuestion(item: Item, props: QuestionProps = {}, attachTo?: HTMLElement) {
  return mount(QuestionItem, {
    props: { item, modelValue: null, ...props },
    ...(attachTo ? { attachTo } : {}),
  })
}

/** The last answer the renderer emitted. */
export function lastAnswer(wrapper: ReturnType<typeof mountQuestion>): Answer | undefined {
  const events = wrapper.emitted('update:modelValue') as [Answer][] | undefined
  return events?.at(-1)?.[0]
}
