import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/domain/random.ts'
import type { AttemptSlot, Bank, Blueprint, VersionedItem } from '../../../src/domain/types.ts'
import {
  atLeastMedianLength,
  blindGuesser,
  guesserFigures,
  guesserRow,
  guesserSeeds,
  numberInText,
  testWiseGuesser,
} from '../../../scripts/guessers.ts'

const base = { explanation: '', passages: [], objective: 'o1', difficulty: 1 as const, bloom: 'remember' as const, lesson: 'l1' }

function single(id: string, texts: string[], answer: string): VersionedItem {
  return { ...base, id, version: `v-${id}`, type: 'single', stem: `Stem ${id}`, options: texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text })), answer }
}

function blueprint(extra: Partial<Blueprint> = {}): Blueprint {
  return { id: 'bp', title: 'BP', kind: 'quiz', draws: [{ count: 5 }], passMark: 0.7, gradingMethod: 'highest', shuffleOptions: true, review: { afterSubmit: [], afterLastAttempt: [] }, ...extra }
}

const plain: AttemptSlot = { itemId: 'x', version: 'v' }
const rng = createRng(1)

describe('the test-wise guesser takes each cue', () => {
  it.each([
    ['the longest option, wherever it is', single('q', ['short', 'much the longest option', 'medium one'], 'a'), plain, { type: 'single', optionId: 'b' }],
    ['a tie goes to the first in authored order', single('q', ['same', 'also', 'tiny'], 'a'), plain, { type: 'single', optionId: 'a' }],
    ['a tie goes to the first shown in the slot order', single('q', ['same', 'also', 'tiny'], 'a'), { ...plain, order: ['c', 'b', 'a'] }, { type: 'single', optionId: 'c' }],
    ['"false" in true/false, even when the key is true', { ...base, id: 't', version: 'v', type: 'truefalse', stem: 'S', answer: true, wrongFeedback: '' }, plain, { type: 'truefalse', value: false }],
    [
      'the first drop-down option in authored order; a typed blank left empty',
      { ...base, id: 'c', version: 'v', type: 'cloze', stem: 'S', text: '{{b1}} {{b2}}', blanks: [{ id: 'b1', accept: ['x'], options: ['first', 'second'] }, { id: 'b2', accept: ['y'] }] },
      plain,
      { type: 'cloze', blanks: { b1: 'first', b2: '' } },
    ],
    [
      'the first drop-down option in the order the slot recorded for this attempt (blankOrders)',
      { ...base, id: 'c', version: 'v', type: 'cloze', stem: 'S', text: '{{b1}}', blanks: [{ id: 'b1', accept: ['x'], options: ['first', 'second'] }] },
      { ...plain, blankOrders: { b1: ['second', 'first'] } },
      { type: 'cloze', blanks: { b1: 'second' } },
    ],
    ['the stem pasted into short text', { ...base, id: 's', version: 'v', type: 'short', stem: 'Who reported it?', accept: ['x'], wrongFeedback: '' }, plain, { type: 'short', text: 'Who reported it?' }],
    [
      'the stem pasted into free text',
      { ...base, id: 'f', version: 'v', type: 'freetext', stem: 'Explain the hedge.', modelAnswer: '', rubric: [{ id: 'r', text: '', points: 1, concepts: [['hedge']] }] },
      plain,
      { type: 'freetext', text: 'Explain the hedge.' },
    ],
    ['a number from the stem into numeric', { ...base, id: 'n', version: 'v', type: 'numeric', stem: 'Of 12 brigades, how many?', answer: 3, wrongFeedback: '' }, plain, { type: 'numeric', text: '12' }],
    ['numeric left empty when the stem has no number', { ...base, id: 'n', version: 'v', type: 'numeric', stem: 'How many brigades?', answer: 3, wrongFeedback: '' }, plain, { type: 'numeric', text: '' }],
  ] as [string, VersionedItem, AttemptSlot, unknown][])('%s', (_label, item, slot, expected) => {
    expect(testWiseGuesser(item, slot, rng)).toEqual(expected)
  })
})

describe('options at least as long as the median (multiple response cue)', () => {
  it.each([
    ['even count: median between the middle two (2.5)', ['a', 'bb', 'ccc', 'dddd'], ['c', 'd']],
    ['odd count: the middle length itself counts', ['a', 'ccc', 'eeeee'], ['b', 'c']],
    ['all the same length: every option', ['xx', 'yy', 'zz'], ['a', 'b', 'c']],
  ])('%s', (_label, texts, expected) => {
    expect(atLeastMedianLength(texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text })))).toEqual(expected)
  })
})

describe('the first number of a stem', () => {
  it.each([
    ['an integer', 'about 11000 troops', '11000'],
    ['a decimal with a comma', 'a ratio of 0,25 then 7', '0,25'],
    ['no digits at all', 'how many troops?', undefined],
  ])('%s', (_label, text, expected) => {
    expect(numberInText(text)).toBe(expected)
  })
})

describe('the blind guesser on a hand-made single-choice bank scores about 1/k', () => {
  it.each([2, 3, 4, 5])('%i options: mean near 100/k over 400 seeds', (k) => {
    const items = Array.from({ length: 10 }, (_, i) => single(`q${i}`, Array.from({ length: k }, (_, j) => `option ${j}`), 'a'))
    const banks: Bank[] = [{ lesson: 'l1', items }]
    const figures = guesserFigures(blueprint(), banks, blindGuesser, guesserSeeds(400), 'blind')
    expect(Math.abs(figures.meanPercent - 100 / k)).toBeLessThan(3)
  })
})

describe('the figures come from the real assembly and grading', () => {
  const longKey = Array.from({ length: 6 }, (_, i) => single(`q${i}`, ['the key, clearly the longest', 'no', 'nope'], 'a'))
  const shortKey = Array.from({ length: 6 }, (_, i) => single(`q${i}`, ['key', 'a long distractor', 'another long one'], 'a'))
  it.each([
    ['the key is always the longest: the test-wise guesser always passes', longKey, 100, 1, false],
    ['the key is always the shortest: the test-wise guesser scores nothing, within the goal', shortKey, 0, 0, true],
  ] as const)('%s', (_label, items, percent, passShare, within) => {
    const row = guesserRow(blueprint(), [{ lesson: 'l1', items: [...items] }], guesserSeeds(50))
    expect(row.testWise.meanPercent).toBe(percent)
    expect(row.testWise.passShare).toBe(passShare)
    expect(row.withinGoal).toBe(within)
    expect(row.testWise.byType.single).toEqual({ score: (percent / 100) * 5 * 50, max: 5 * 50 })
  })

  it("the blueprint's negative marking lowers the blind guesser on categorize (wrong parts cancel right ones)", () => {
    const items: VersionedItem[] = Array.from({ length: 10 }, (_, i) => ({
      ...base, id: `c${i}`, version: `v${i}`, type: 'categorize', stem: 'S',
      categories: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }],
      statements: ['s1', 's2', 's3', 's4'].map((id, j) => ({ id, text: id, category: j % 2 === 0 ? 'x' : 'y' })),
    }))
    const without = guesserFigures(blueprint(), [{ lesson: 'l1', items }], blindGuesser, guesserSeeds(400), 'blind')
    const withMarking = guesserFigures(blueprint({ negativeMarking: true }), [{ lesson: 'l1', items }], blindGuesser, guesserSeeds(400), 'blind')
    expect(Math.abs(without.meanPercent - 50)).toBeLessThan(4)
    expect(withMarking.meanPercent).toBeLessThan(without.meanPercent - 20)
  })
})
