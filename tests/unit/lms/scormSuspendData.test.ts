import fc from 'fast-check'
import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { rebuildAttempt } from '../../../src/domain/lms/scormResume.ts'
import {
  answerFromValue, answerValue, decodeSuspendData, encodeSuspendData, suspendAttempt, SUSPEND_LIMITS, type SuspendedAttempt,
} from '../../../src/domain/lms/suspendData.ts'
import { buildSlot } from '../../../src/domain/assembly.ts'
import type { Answer, Attempt, SavedResponse } from '../../../src/domain/types.ts'
import { ANSWERS, ITEMS, T0 } from '../xapi/xapiFixtures.ts'

const ATTEMPT_ID = '0b9c6a52-3f1e-4d2a-9b7c-5e8f0a1d2c3b'
const banks = [{ lesson: 'l1', items: ITEMS }]

function openAttempt(): Attempt {
  return {
    id: ATTEMPT_ID, courseId: 'c', learnerId: 'learner', mode: 'assessment', sourceId: 'quiz', seed: 987654321, startedAt: T0, deadline: T0 + 1_800_000,
    submittedAt: null, submitReason: null, slots: ITEMS.map((i) => buildSlot(i, true, 987654321)), snapshots: Object.fromEntries(ITEMS.map((i) => [i.version, i])),
  }
}

function responsesFor(answers: Record<string, Answer>): SavedResponse[] {
  return ITEMS.map((item, i) => ({ attemptId: ATTEMPT_ID, itemId: item.id, answer: answers[item.id] ?? null, flagged: i % 3 === 0, savedAt: T0 + 1000 * (i + 1), seq: i + 1, ...(i === 1 ? { certainty: 2 as const } : {}) }))
}

const longest = 'ы'.repeat(20_000)
/** Every text answer as long as the screen lets anyone type (and more). */
const LONG: Record<string, Answer> = {
  ...ANSWERS,
  'q-cloze': { type: 'cloze', blanks: { b1: longest, b2: longest } },
  'q-short': { type: 'short', text: longest },
  'q-num': { type: 'numeric', text: longest },
  'q-free': { type: 'freetext', text: longest },
}

describe('suspend_data', () => {
  it('round-trips an open attempt: rebuilt, it is the attempt and the responses the first device had', () => {
    const attempt = openAttempt()
    const responses = responsesFor(ANSWERS)
    const text = encodeSuspendData(suspendAttempt(attempt, responses, 3, 4), SUSPEND_LIMITS.scorm12)
    const decoded = decodeSuspendData(text)
    if (!decoded.ok || !decoded.attempt) throw new Error('not decoded')
    expect(decoded.attempt.interactionBase).toBe(3)
    expect(decoded.attempt.position).toBe(4)
    const rebuilt = rebuildAttempt(decoded.attempt, { courseId: 'c', learnerId: 'learner', blueprint: { id: 'quiz', shuffleOptions: true }, banks })
    expect(rebuilt).toEqual({ ok: true, attempt, responses })
  })

  it('says "no attempt" with {"v":1} and for an empty value', () => {
    expect(encodeSuspendData(undefined, 4096)).toBe('{"v":1}')
    expect(decodeSuspendData('{"v":1}')).toEqual({ ok: true, attempt: undefined })
    expect(decodeSuspendData('')).toEqual({ ok: true, attempt: undefined })
  })

  it.each([
    ['not JSON', 'lesson=3', 'is not data Debrief wrote'],
    ['another version', '{"v":2}', 'is version 2'],
    ['a broken header', '{"v":1,"a":"x","b":"quiz","s":"seed"}', 'broken attempt header'],
    ['an answer to no slot', `{"v":1,"a":"x","b":"quiz","s":1,"t":1,"d":null,"i":["q"],"n":0,"p":0,"r":[[5,"a",0,1,0,0]]}`, 'broken answer'],
  ])('refuses %s in plain words', (_name, text, words) => {
    const decoded = decodeSuspendData(text)
    expect(decoded.ok).toBe(false)
    if (!decoded.ok) expect(decoded.problem).toContain(words)
  })

  // 1.2: the short answers (choices, true/false, pairs, order) fit, no 20,000-character text does;
  // 2004: the cloze (40,000) and the short text (20,000) fit too, the numeric and free text do not.
  it.each([['scorm12', SUSPEND_LIMITS.scorm12, [0, 1, 2, 3, 4, 5]], ['scorm2004', SUSPEND_LIMITS.scorm2004, [0, 1, 2, 3, 4, 5, 6, 7]]] as const)(
    'never exceeds the %s limit with the longest answers, and keeps what fits in slot order',
    (_version, limit, slots) => {
      const text = encodeSuspendData(suspendAttempt(openAttempt(), responsesFor(LONG), 0, 0), limit)
      expect(text.length).toBeLessThanOrEqual(limit)
      const decoded = decodeSuspendData(text)
      if (!decoded.ok || !decoded.attempt) throw new Error('not decoded')
      const kept = decoded.attempt.responses.map((r) => r.slot)
      expect(kept).toEqual(slots)
      expect(decoded.attempt.itemIds).toHaveLength(ITEMS.length)
    },
  )

  it('keeps a long answer that fits within 2004\'s 64,000', () => {
    const answers = { ...ANSWERS, 'q-free': { type: 'freetext', text: 'w'.repeat(50_000) } as Answer }
    const text = encodeSuspendData(suspendAttempt(openAttempt(), responsesFor(answers), 0, 0), SUSPEND_LIMITS.scorm2004)
    const decoded = decodeSuspendData(text)
    expect(decoded.ok && decoded.attempt?.responses.some((r) => r.value === 'w'.repeat(50_000))).toBe(true)
  })

  it('is taken by scorm-again as suspend_data in both versions', () => {
    const text12 = encodeSuspendData(suspendAttempt(openAttempt(), responsesFor(LONG), 0, 0), SUSPEND_LIMITS.scorm12)
    const a = new Scorm12API({ logLevel: 5 })
    a.LMSInitialize('')
    expect(a.LMSSetValue('cmi.suspend_data', text12)).toBe('true')
    const text2004 = encodeSuspendData(suspendAttempt(openAttempt(), responsesFor(LONG), 0, 0), SUSPEND_LIMITS.scorm2004)
    const b = new Scorm2004API({ logLevel: 5 })
    b.Initialize('')
    expect(b.SetValue('cmi.suspend_data', text2004)).toBe('true')
  })

  it('falls back to "no attempt" when even the header does not fit', () => {
    expect(encodeSuspendData(suspendAttempt(openAttempt(), [], 0, 0), 100)).toBe('{"v":1}')
  })

  it('round-trips any texts within any limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.string({ maxLength: 300 }), fc.integer({ min: 700, max: 70_000 }), (free, short, limit) => {
        const answers = { ...ANSWERS, 'q-free': { type: 'freetext', text: free } as Answer, 'q-short': { type: 'short', text: short } as Answer }
        const suspended = suspendAttempt(openAttempt(), responsesFor(answers), 0, 0)
        const text = encodeSuspendData(suspended, limit)
        expect(text.length).toBeLessThanOrEqual(limit)
        const decoded = decodeSuspendData(text)
        if (!decoded.ok || !decoded.attempt) throw new Error(`not decoded: ${text.slice(0, 80)}`)
        // Whatever was kept is exactly what was given.
        for (const kept of decoded.attempt.responses) expect(kept).toEqual(suspended.responses.find((r) => r.slot === kept.slot))
      }),
      { numRuns: 200 },
    )
  })
})

describe('answers kept without their type', () => {
  it.each(Object.entries(ANSWERS))('%s comes back as it was', (itemId, answer) => {
    const type = ITEMS.find((i) => i.id === itemId)!.type
    expect(answerFromValue(type, JSON.parse(JSON.stringify(answerValue(answer))))).toEqual(answer)
  })

  it('refuses a value of another shape', () => {
    expect(answerFromValue('single', ['a'])).toBeUndefined()
    expect(answerFromValue('matching', { a: 1 })).toBeUndefined()
    expect(answerFromValue('truefalse', 'true')).toBeUndefined()
    expect(answerFromValue('short', null)).toBeNull()
  })
})

describe('rebuildAttempt', () => {
  const suspended = (extra: Partial<SuspendedAttempt> = {}): SuspendedAttempt => ({ ...suspendAttempt(openAttempt(), responsesFor(ANSWERS), 0, 0), ...extra })
  const context = { courseId: 'c', learnerId: 'learner', blueprint: { id: 'quiz', shuffleOptions: true }, banks }

  it('refuses an attempt at another assessment', () => {
    expect(rebuildAttempt(suspended({ blueprintId: 'final' }), context)).toEqual({ ok: false, problem: expect.stringContaining('"final"') })
  })

  it('refuses a question the course no longer has', () => {
    expect(rebuildAttempt(suspended({ itemIds: ['gone', ...ITEMS.slice(1).map((i) => i.id)] }), context)).toEqual({ ok: false, problem: expect.stringContaining('"gone"') })
  })

  it('refuses an answer that does not fit its question', () => {
    const bad = suspended()
    bad.responses[0] = { ...bad.responses[0]!, value: true }
    expect(rebuildAttempt(bad, context)).toEqual({ ok: false, problem: expect.stringContaining('"q-single"') })
  })
})
