import { afterEach, describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { ordering } from './items.ts'
import { lastAnswer, mountQuestion } from './mountQuestion.ts'

const stepTexts = (wrapper: ReturnType<typeof mountQuestion>) => wrapper.findAll('.question-ordering__text').map((s) => s.text())
const button = (wrapper: ReturnType<typeof mountQuestion>, name: string) => wrapper.find(`button[aria-label="${name}"]`)

describe('ordering renderer', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists the steps in an ordered list inside a fieldset named by the stem', () => {
    const wrapper = mountQuestion(ordering, { order: ['s3', 's1', 's4', 's2'] })
    expect(wrapper.find('fieldset > legend').text()).toContain(ordering.stem)
    expect(wrapper.findAll('fieldset ol > li')).toHaveLength(4)
  })

  it('shows the steps in the slot order', () => {
    expect(stepTexts(mountQuestion(ordering, { order: ['s3', 's1', 's4', 's2'] }))).toEqual(['Relief', 'Flood', 'Rebuilding', 'Evacuation'])
  })

  it('never starts solved: without a slot order the steps are rotated by one', () => {
    expect(stepTexts(mountQuestion(ordering))).toEqual(['Evacuation', 'Relief', 'Rebuilding', 'Flood'])
  })

  it('shows the learner’s saved order over the slot order', () => {
    const wrapper = mountQuestion(ordering, { order: ['s3', 's1', 's4', 's2'], modelValue: { type: 'ordering', order: ['s4', 's3', 's2', 's1'] } })
    expect(stepTexts(wrapper)).toEqual(['Rebuilding', 'Relief', 'Evacuation', 'Flood'])
  })

  it('names each move button after its step', () => {
    const names = mountQuestion(ordering).findAll('li')[0]!.findAll('button').map((b) => b.attributes('aria-label'))
    expect(names).toEqual(['Move “Evacuation” up', 'Move “Evacuation” down'])
  })

  it.each([
    ['Move “Evacuation” up'],
    ['Move “Flood” down'],
  ])('disables %s at the end of the list', (name) => {
    expect(button(mountQuestion(ordering), name).attributes('disabled')).toBeDefined()
  })

  it('emits the new order when the first step moves down', async () => {
    const wrapper = mountQuestion(ordering)
    await button(wrapper, 'Move “Evacuation” down').trigger('click')
    expect(lastAnswer(wrapper)).toEqual({ type: 'ordering', order: ['s3', 's2', 's4', 's1'] })
  })

  it('shows the move at once, before the parent writes the answer back', async () => {
    const wrapper = mountQuestion(ordering)
    await button(wrapper, 'Move “Relief” up').trigger('click')
    expect(stepTexts(wrapper)).toEqual(['Relief', 'Evacuation', 'Rebuilding', 'Flood'])
  })

  it('announces the move politely', async () => {
    const wrapper = mountQuestion(ordering)
    await button(wrapper, 'Move “Evacuation” down').trigger('click')
    const live = wrapper.find('[aria-live="polite"]')
    expect(live.text()).toBe('“Evacuation” moved to position 2 of 4.')
  })

  it('keeps focus on the moved step’s button', async () => {
    const wrapper = mountQuestion(ordering, {}, document.body)
    const down = button(wrapper, 'Move “Evacuation” down')
    ;(down.element as HTMLButtonElement).focus()
    await down.trigger('click')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Evacuation” down')
  })

  it('moves focus to the partner button when the step reaches the end', async () => {
    const wrapper = mountQuestion(ordering, {}, document.body)
    await button(wrapper, 'Move “Relief” up').trigger('click')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Relief” down')
  })

  it('lets a step be dragged onto another position as an extra', async () => {
    const wrapper = mountQuestion(ordering)
    const items = wrapper.findAll('li')
    await items[3]!.trigger('dragstart')
    await items[0]!.trigger('drop')
    expect(lastAnswer(wrapper)).toEqual({ type: 'ordering', order: ['s1', 's2', 's3', 's4'] })
  })

  it('disables moving and dragging once submitted', () => {
    const wrapper = mountQuestion(ordering, { disabled: true })
    expect(wrapper.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    expect(wrapper.findAll('li').every((li) => li.attributes('draggable') === 'false')).toBe(true)
  })

  it('marks each step in or out of order in words', () => {
    const answer = { type: 'ordering' as const, order: ['s2', 's3', 's4', 's1'] }
    const wrapper = mountQuestion(ordering, { modelValue: answer, grade: gradeResponse(ordering, answer), disabled: true })
    expect(wrapper.findAll('li').map((li) => li.find('.question-mark__text').text())).toEqual([
      'In the right order',
      'In the right order',
      'In the right order',
      'Out of order',
    ])
  })

  it('names the right position only when the review may show it', () => {
    const answer = { type: 'ordering' as const, order: ['s4', 's1', 's2', 's3'] }
    const wrapper = mountQuestion(ordering, { modelValue: answer, grade: gradeResponse(ordering, answer), showCorrect: true })
    expect(wrapper.findAll('li')[0]!.text()).toContain('Out of order — belongs at position 4')
  })
})
