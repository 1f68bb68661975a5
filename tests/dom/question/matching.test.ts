import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { matching } from './items.ts'
import { lastAnswer, mountQuestion } from './mountQuestion.ts'

const optionTexts = (select: ReturnType<ReturnType<typeof mountQuestion>['find']>) => select.findAll('option').map((o) => o.text())

describe('matching renderer', () => {
  it('labels each prompt’s select with the prompt', () => {
    const wrapper = mountQuestion(matching)
    const labels = wrapper.findAll('select').map((s) => wrapper.find(`label[for="${s.attributes('id')}"]`).text())
    expect(labels).toEqual(['The ministry', 'The navy', 'The press office'])
  })

  it('groups the prompts in a fieldset named by the stem', () => {
    expect(mountQuestion(matching).find('fieldset > legend').text()).toContain(matching.stem)
  })

  it('offers every match once, with the distractors, in authored order', () => {
    expect(optionTexts(mountQuestion(matching).find('select'))).toEqual(['Choose a match…', 'Announces', 'Deploys', 'Denies'])
  })

  it('offers the matches in the slot order when the assessment shuffled them', () => {
    const wrapper = mountQuestion(matching, { order: ['d1', 'p2', 'p3', 'p1'] })
    expect(optionTexts(wrapper.find('select'))).toEqual(['Choose a match…', 'Denies', 'Deploys', 'Announces'])
  })

  it('emits a partial answer when one prompt is matched', async () => {
    const wrapper = mountQuestion(matching)
    await wrapper.findAll('select')[1]!.setValue('p2')
    expect(lastAnswer(wrapper)).toEqual({ type: 'matching', matches: { p2: 'p2' } })
  })

  it('lets one match be used for several prompts', async () => {
    const wrapper = mountQuestion(matching, { modelValue: { type: 'matching', matches: { p1: 'p1' } } })
    await wrapper.findAll('select')[2]!.setValue('p1')
    expect(lastAnswer(wrapper)).toEqual({ type: 'matching', matches: { p1: 'p1', p3: 'p1' } })
  })

  it('drops a prompt from the answer when its match is cleared', async () => {
    const wrapper = mountQuestion(matching, { modelValue: { type: 'matching', matches: { p1: 'p1', p2: 'd1' } } })
    await wrapper.findAll('select')[1]!.setValue('')
    expect(lastAnswer(wrapper)).toEqual({ type: 'matching', matches: { p1: 'p1' } })
  })

  it('shows the saved matches', () => {
    const wrapper = mountQuestion(matching, { modelValue: { type: 'matching', matches: { p2: 'd1' } } })
    expect(wrapper.findAll('select').map((s) => (s.element as HTMLSelectElement).value)).toEqual(['', 'd1', ''])
  })

  it('disables every select once submitted', () => {
    const selects = mountQuestion(matching, { disabled: true }).findAll('select')
    expect(selects.every((s) => (s.element as HTMLSelectElement).disabled)).toBe(true)
  })

  it('marks each prompt in words, naming the right match only when allowed', () => {
    const answer = { type: 'matching' as const, matches: { p1: 'p1', p2: 'd1' } }
    const wrapper = mountQuestion(matching, { modelValue: answer, grade: gradeResponse(matching, answer), showCorrect: true })
    expect(wrapper.findAll('.question-mark').map((m) => m.find('.question-mark__text').text())).toEqual([
      'Correct',
      'Your answer — incorrect — correct answer: Deploys',
      'Not answered — correct answer: Announces',
    ])
  })
})
