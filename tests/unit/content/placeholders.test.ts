import { describe, expect, it } from 'vitest'
import { checkItem } from '../../../src/content/checks.ts'
import type { Item } from '../../../src/domain/types.ts'

const base = { id: 'q1', stem: 'Which?', explanation: 'Because.', passages: ['p1'], objective: 'o1', difficulty: 1, bloom: 'understand' }
const single = (over: Record<string, unknown>) =>
  ({ ...base, type: 'single', answer: 'a', options: [{ id: 'a', text: 'Yes', feedback: 'Right.' }, { id: 'b', text: 'No', feedback: 'Wrong.' }], ...over }) as unknown as Item

/** bank:import writes "TODO: …" where the imported file had no text; content:check refuses it until written. */
describe('bank:import placeholders in content:check', () => {
  it.each([
    ['none', single({}), []],
    ['the explanation', single({ explanation: 'TODO: write this text (it was empty in the imported file).' }), ['explanation']],
    ['an option feedback, deep in the item', single({ options: [{ id: 'a', text: 'Yes', feedback: 'TODO: x' }, { id: 'b', text: 'No', feedback: 'Wrong.' }] }), ['options.0.feedback']],
    ['"TODO" not at the start is text', single({ explanation: 'Nothing is left TODO: the brief says so.' }), []],
  ])('%s', (_label, item, paths) => {
    const found = checkItem(item).filter(([, message]) => message.includes('placeholder'))
    expect(found.map(([path]) => path.join('.'))).toEqual(paths)
  })
})
