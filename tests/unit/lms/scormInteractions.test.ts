import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import {
  scorm12Time, scorm2004Time, scormCorrectPattern, scormDecimal, scormDuration, scormResponse, scormResult, scormType,
} from '../../../src/domain/lms/scormInteractions.ts'
import { INTERACTION_TYPES } from '../../../src/domain/xapi/interactions.ts'
import type { Answer, VersionedItem } from '../../../src/domain/types.ts'
import { ANSWERS, ITEMS } from '../xapi/xapiFixtures.ts'

const item = (id: string) => ITEMS.find((i) => i.id === id)!

// id, type 1.2, response 1.2, pattern 1.2, type 2004, response 2004, pattern 2004
const TABLE: [string, string, string, string | undefined, string, string, string | undefined][] = [
  ['q-single', 'choice', 'a', 'a', 'choice', 'a', 'a'],
  ['q-multi', 'choice', 'a,b', 'a,c', 'choice', 'a[,]b', 'a[,]c'],
  ['q-tf', 'true-false', 'f', 'f', 'true-false', 'false', 'false'],
  // Matching in 1.2: sources and targets by position (targets: the pairs' matches, then distractors).
  ['q-match', 'matching', 'a.c,b.b', 'a.a,b.b', 'matching', 'm1[.]d1[,]m2[.]m2', 'm1[.]m1[,]m2[.]m2'],
  ['q-order', 'sequencing', 'a,c,b', 'a,b,c', 'sequencing', 's1[,]s3[,]s2', 's1[,]s2[,]s3'],
  ['q-cat', 'matching', 'a.a,b.b', 'a.a,b.b', 'matching', 'st1[.]wet[,]st2[.]dry', 'st1[.]wet[,]st2[.]dry'],
  ['q-cloze', 'fill-in', 'river,three metres', 'river,two metres', 'fill-in', 'river[,]three metres', 'river[,]two metres'],
  ['q-short', 'fill-in', 'levee', 'levee', 'fill-in', 'levee', '{case_matters=true}levee'],
  ['q-num', 'numeric', '12.5', '12', 'numeric', '12.5', '11[:]13'],
  ['q-free', 'fill-in', 'Heavy rain upstream.', undefined, 'long-fill-in', 'Heavy rain upstream.', undefined],
]

/** scorm-again's verdict on one interaction: the error code of the first value it refused, "0" when it took them all. */
function scormAgain12(n: number, values: [string, string | undefined][]): string {
  const api = new Scorm12API({ logLevel: 5 })
  api.LMSInitialize('')
  for (let i = 0; i < n; i++) api.LMSSetValue(`cmi.interactions.${i}.id`, `x${i}`)
  for (const [name, value] of values) {
    if (value === undefined) continue
    if (api.LMSSetValue(`cmi.interactions.${n}.${name}`, value) !== 'true') return `${name}: ${api.LMSGetLastError()}`
  }
  return '0'
}

function scormAgain2004(values: [string, string | undefined][]): string {
  const api = new Scorm2004API({ logLevel: 5 })
  api.Initialize('')
  for (const [name, value] of values) {
    if (value === undefined) continue
    if (api.SetValue(`cmi.interactions.0.${name}`, value) !== 'true') return `${name}: ${api.GetLastError()}`
  }
  return '0'
}

describe('SCORM interactions for every item type', () => {
  it.each(TABLE)('%s in SCORM 1.2: %s "%s"', (id, type12, response12, pattern12) => {
    const it12 = item(id)
    expect(scormType(it12, 'scorm12')).toBe(type12)
    expect(scormResponse(it12, ANSWERS[id]!, 'scorm12')).toBe(response12)
    expect(scormCorrectPattern(it12, 'scorm12')).toBe(pattern12)
  })

  it.each(TABLE)('%s in SCORM 2004: %s "%s"', (id, _t, _r, _p, type2004, response2004, pattern2004) => {
    const it2004 = item(id)
    expect(scormType(it2004, 'scorm2004')).toBe(type2004)
    expect(scormResponse(it2004, ANSWERS[id]!, 'scorm2004')).toBe(response2004)
    expect(scormCorrectPattern(it2004, 'scorm2004')).toBe(pattern2004)
  })

  it.each(TABLE)('scorm-again takes %s as SCORM 1.2 sets it', (id) => {
    const it12 = item(id)
    const values: [string, string | undefined][] = [
      ['id', it12.id], ['type', scormType(it12, 'scorm12')], ['weighting', '1'], ['time', scorm12Time(Date.UTC(2027, 0, 15, 8, 5, 9))],
      ['student_response', scormResponse(it12, ANSWERS[id]!, 'scorm12')], ['result', 'wrong'], ['correct_responses.0.pattern', scormCorrectPattern(it12, 'scorm12')],
    ]
    expect(scormAgain12(2, values)).toBe('0')
  })

  it.each(TABLE)('scorm-again takes %s as SCORM 2004 sets it', (id) => {
    const it2004 = item(id)
    const values: [string, string | undefined][] = [
      ['id', it2004.id], ['type', scormType(it2004, 'scorm2004')], ['weighting', '2'], ['timestamp', scorm2004Time(Date.UTC(2027, 0, 15, 8, 5, 9, 250))],
      ['learner_response', scormResponse(it2004, ANSWERS[id]!, 'scorm2004')], ['result', scormResult('partial', 0.5, 'scorm2004')], ['correct_responses.0.pattern', scormCorrectPattern(it2004, 'scorm2004')],
    ]
    expect(scormAgain2004(values)).toBe('0')
  })

  it('uses the xAPI type mapping (free text aside: 1.2 has no long-fill-in)', () => {
    for (const it2004 of ITEMS) expect(scormType(it2004, 'scorm2004')).toBe(INTERACTION_TYPES[it2004.type])
  })
})

describe('what does not fit a SCORM format', () => {
  const long = 'x'.repeat(5000)
  const free = item('q-free')
  const short = item('q-short')
  const cloze = item('q-cloze')
  it.each<[string, VersionedItem, Answer, 'scorm12' | 'scorm2004', number]>([
    ['free text, 1.2: 255', free, { type: 'freetext', text: long }, 'scorm12', 255],
    ['free text, 2004: 4,000', free, { type: 'freetext', text: long }, 'scorm2004', 4000],
    ['short text, 2004: 250', short, { type: 'short', text: long }, 'scorm2004', 250],
    ['cloze, 1.2: 255 in all', cloze, { type: 'cloze', blanks: { b1: long, b2: long } }, 'scorm12', 255],
    ['cloze, 2004: 250 a blank', cloze, { type: 'cloze', blanks: { b1: long, b2: long } }, 'scorm2004', 250 * 2 + 3],
  ])('cuts %s characters', (_name, it, answer, version, length) => {
    expect(scormResponse(it, answer, version)).toHaveLength(length)
  })

  it('takes the longest 2004 texts in scorm-again', () => {
    const values: [string, string | undefined][] = [['id', 'q-free'], ['type', 'long-fill-in'], ['learner_response', scormResponse(free, { type: 'freetext', text: long }, 'scorm2004')]]
    expect(scormAgain2004(values)).toBe('0')
    expect(scormAgain2004([['id', 'q'], ['type', 'fill-in'], ['learner_response', scormResponse(cloze, { type: 'cloze', blanks: { b1: long, b2: long } }, 'scorm2004')]])).toBe('0')
  })

  it('keeps a 2004 text that starts with "{" from being read as a delimiter', () => {
    const given = scormResponse(short, { type: 'short', text: '{lang=fr}oui' }, 'scorm2004')!
    expect(given).toBe(' {lang=fr}oui')
    expect(scormAgain2004([['id', 'q'], ['type', 'fill-in'], ['learner_response', given]])).toBe('0')
  })

  it('leaves out a 1.2 choice past the 36 one-character names', () => {
    const options = Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, text: `O${i}` }))
    const many = { ...item('q-single'), options } as VersionedItem
    expect(scormResponse(many, { type: 'single', optionId: 'o35' }, 'scorm12')).toBe('9')
    expect(scormResponse(many, { type: 'single', optionId: 'o36' }, 'scorm12')).toBeUndefined()
    expect(scormResponse(many, { type: 'single', optionId: 'o36' }, 'scorm2004')).toBe('o36')
  })

  it.each([['1e21'], ['abc'], ['1,5'], ['NaN']])('leaves out the numeric answer "%s"', (text) => {
    expect(scormResponse(item('q-num'), { type: 'numeric', text }, 'scorm2004')).toBeUndefined()
  })

  it('gives no pattern for a sealed stub, and no response for an answer of another type', () => {
    const { answer: _answer, ...stub } = item('q-single') as VersionedItem & { answer: string }
    const sealed = { ...stub, sealed: true, explanation: undefined } as unknown as VersionedItem
    delete (sealed as { explanation?: string }).explanation
    expect(scormCorrectPattern(sealed, 'scorm2004')).toBeUndefined()
    expect(scormResponse(item('q-single'), { type: 'truefalse', value: true }, 'scorm12')).toBeUndefined()
    expect(scormResponse(item('q-single'), null, 'scorm12')).toBeUndefined()
  })
})

describe('results, times and durations', () => {
  it.each<[Parameters<typeof scormResult>[0], number, string | undefined, string | undefined]>([
    ['correct', 1, 'correct', 'correct'],
    ['incorrect', 0, 'wrong', 'incorrect'],
    ['unanswered', 0, 'wrong', 'incorrect'],
    ['partial', 0.5, '0.5', '0.5'],
    ['needs-grading', 0, undefined, undefined],
  ])('%s (score %s) is %s in 1.2 and %s in 2004', (state, score, v12, v2004) => {
    expect(scormResult(state, score, 'scorm12')).toBe(v12)
    expect(scormResult(state, score, 'scorm2004')).toBe(v2004)
  })

  it.each([
    [0, '0000:00:00.00', 'PT0H0M0S'],
    [61_250, '0000:01:01.25', 'PT0H1M1.25S'],
    [3_600_000 * 12 + 5, '0012:00:00.01', 'PT12H0M0.01S'],
  ])('a duration of %s ms is %s / %s, and scorm-again takes both', (ms, v12, v2004) => {
    expect(scormDuration(ms, 'scorm12')).toBe(v12)
    expect(scormDuration(ms, 'scorm2004')).toBe(v2004)
    const a = new Scorm12API({ logLevel: 5 })
    a.LMSInitialize('')
    expect(a.LMSSetValue('cmi.core.session_time', v12)).toBe('true')
    const b = new Scorm2004API({ logLevel: 5 })
    b.Initialize('')
    expect(b.SetValue('cmi.session_time', v2004)).toBe('true')
  })

  it('writes decimals without exponents', () => {
    expect(scormDecimal(0.1 + 0.2)).toBe('0.3')
    expect(scormDecimal(1e21)).toBeUndefined()
    expect(scormDecimal(-3)).toBe('-3')
  })
})
