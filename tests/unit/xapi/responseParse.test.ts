/** parseResponse is the inverse of responseString: a round trip over every item type, and what cannot be read. */
import { describe, expect, it } from 'vitest'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import type { Answer, VersionedItem } from '../../../src/domain/types.ts'
import { responseString } from '../../../src/domain/xapi/interactions.ts'
import { parseResponse } from '../../../src/domain/xapi/responseParse.ts'
import { ANSWERS, ITEMS } from './xapiFixtures.ts'

const item = (id: string): VersionedItem => ITEMS.find((i) => i.id === id)!

/** Answers per item: each sent, read back, and expected back (numeric loses its unit only). */
const ROUND_TRIPS: [string, Answer, Answer][] = [
  ['q-single', ANSWERS['q-single']!, ANSWERS['q-single']!],
  ['q-multi', ANSWERS['q-multi']!, ANSWERS['q-multi']!],
  ['q-multi', { type: 'multiple', optionIds: [] }, { type: 'multiple', optionIds: [] }],
  ['q-tf', ANSWERS['q-tf']!, ANSWERS['q-tf']!],
  ['q-tf', { type: 'truefalse', value: true }, { type: 'truefalse', value: true }],
  ['q-match', ANSWERS['q-match']!, ANSWERS['q-match']!],
  ['q-match', { type: 'matching', matches: { m1: 'm1' } }, { type: 'matching', matches: { m1: 'm1' } }],
  ['q-order', ANSWERS['q-order']!, ANSWERS['q-order']!],
  ['q-cat', ANSWERS['q-cat']!, ANSWERS['q-cat']!],
  ['q-cloze', ANSWERS['q-cloze']!, ANSWERS['q-cloze']!],
  ['q-cloze', { type: 'cloze', blanks: { b2: 'two metres' } }, { type: 'cloze', blanks: { b2: 'two metres' } }],
  ['q-short', ANSWERS['q-short']!, ANSWERS['q-short']!],
  ['q-short', { type: 'short', text: 'a [,] b' }, { type: 'short', text: 'a [,] b' }],
  ['q-num', ANSWERS['q-num']!, { type: 'numeric', text: '12.5' }],
  ['q-num', { type: 'numeric', text: '-3e2' }, { type: 'numeric', text: '-300' }],
  ['q-free', ANSWERS['q-free']!, ANSWERS['q-free']!],
]

describe('parseResponse', () => {
  it.each(ROUND_TRIPS)('reads back %s: %j', (id, answer, expected) => {
    const sent = responseString(item(id), answer, true)
    expect(sent).toBeTypeOf('string')
    const read = parseResponse(item(id), sent)
    expect(read).toEqual({ ok: true, answer: expected })
    // What matters for the gradebook: the answer read back grades as the one sent.
    if (read.ok) expect(gradeResponse(item(id), read.answer)).toEqual(gradeResponse(item(id), answer))
  })

  it('covers every item type', () => {
    expect(new Set(ROUND_TRIPS.map(([id]) => item(id).type))).toEqual(new Set(ITEMS.map((i) => i.type)))
  })

  it('reads a missing response as no answer', () => {
    for (const i of ITEMS) expect(parseResponse(i, undefined)).toEqual({ ok: true, answer: null })
  })

  it.each([
    ['q-tf', 'yes', /not true or false/u],
    ['q-match', 'm1[.]m1[,]m1[.]d1', /source\[\.\]target pairs/u],
    ['q-match', 'm1', /source\[\.\]target pairs/u],
    ['q-cat', 'st1[.][,]st2[.]dry', /source\[\.\]target pairs/u],
    ['q-cloze', 'river', /2 blank\(s\)/u],
    ['q-num', 'twelve', /not a number/u],
    ['q-num', '', /not a number/u],
  ])('says what is wrong with %s response %j', (id, response, problem) => {
    const read = parseResponse(item(id), response)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.problem).toMatch(problem)
    if (!read.ok) expect(read.problem).toContain(id)
  })
})
