import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { assessmentOutcome, blueprintReport, outcomeValues, type GradedSummary, type Outcome } from '../../../src/domain/lms/outcome.ts'
import type { Attempt, Blueprint, GradingMethod, SavedResponse } from '../../../src/domain/types.ts'
import { ANSWERS, ITEMS, T0 } from '../xapi/xapiFixtures.ts'

const g = (startedAt: number, percent: number, pending = 0): GradedSummary => ({ startedAt, percent, pending })

describe('assessmentOutcome', () => {
  it.each<[string, number, GradingMethod, GradedSummary[], number, Outcome]>([
    ['one pass', 0.7, 'highest', [g(1, 80)], 1, { percent: 80, success: 'passed', completed: true }],
    ['one fail', 0.7, 'highest', [g(1, 60)], 1, { percent: 60, success: 'failed', completed: true }],
    ['exactly the mark (float sum)', 0.7, 'highest', [g(1, 69.99999999999999)], 1, { percent: 70, success: 'passed', completed: true }],
    ['highest of a fail and a pass', 0.7, 'highest', [g(1, 90), g(2, 50)], 2, { percent: 90, success: 'passed', completed: true }],
    ['last of a pass then a fail', 0.7, 'last', [g(1, 90), g(2, 50)], 2, { percent: 50, success: 'failed', completed: true }],
    ['first', 0.7, 'first', [g(2, 50), g(1, 90)], 2, { percent: 90, success: 'passed', completed: true }],
    ['average', 0.7, 'average', [g(1, 90), g(2, 40)], 2, { percent: 65, success: 'failed', completed: true }],
    ['rounded to 2 decimals', 0.5, 'average', [g(1, 100), g(2, 0), g(3, 0)], 3, { percent: 33.33, success: 'failed', completed: true }],
    ['no pass mark', 0, 'highest', [g(1, 40)], 1, { percent: 40, success: 'unknown', completed: true }],
    ['below the mark with free text pending', 0.7, 'highest', [g(1, 50, 1)], 1, { percent: 50, success: 'unknown', completed: true }],
    ['pending but already passed', 0.5, 'highest', [g(1, 60, 1)], 1, { percent: 60, success: 'passed', completed: true }],
    ['sealed: submitted, not gradable here', 0.7, 'highest', [], 1, { percent: null, success: 'unknown', completed: true }],
    ['nothing submitted', 0.7, 'highest', [], 0, { percent: null, success: 'unknown', completed: false }],
  ])('%s', (_name, passMark, gradingMethod, graded, submitted, expected) => {
    expect(assessmentOutcome({ passMark, gradingMethod, graded, submitted })).toEqual(expected)
  })
})

describe('outcomeValues', () => {
  it.each<[string, Outcome, [string, string][], [string, string][]]>([
    [
      'passed',
      { percent: 80, success: 'passed', completed: true },
      [['cmi.core.score.raw', '80'], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.lesson_status', 'passed']],
      [['cmi.score.scaled', '0.8'], ['cmi.score.raw', '80'], ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.completion_status', 'completed'], ['cmi.success_status', 'passed']],
    ],
    [
      'failed',
      { percent: 33.33, success: 'failed', completed: true },
      [['cmi.core.score.raw', '33.33'], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.lesson_status', 'failed']],
      [['cmi.score.scaled', '0.3333'], ['cmi.score.raw', '33.33'], ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.completion_status', 'completed'], ['cmi.success_status', 'failed']],
    ],
    [
      'sealed (no score)',
      { percent: null, success: 'unknown', completed: true },
      [['cmi.core.lesson_status', 'completed']],
      [['cmi.completion_status', 'completed'], ['cmi.success_status', 'unknown']],
    ],
    [
      'no pass mark',
      { percent: 40, success: 'unknown', completed: true },
      [['cmi.core.score.raw', '40'], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.lesson_status', 'completed']],
      [['cmi.score.scaled', '0.4'], ['cmi.score.raw', '40'], ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.completion_status', 'completed'], ['cmi.success_status', 'unknown']],
    ],
  ])('%s, and scorm-again takes every value', (_name, outcome, v12, v2004) => {
    expect(outcomeValues(outcome, 'scorm12')).toEqual(v12)
    expect(outcomeValues(outcome, 'scorm2004')).toEqual(v2004)
    const a = new Scorm12API({ logLevel: 5 })
    a.LMSInitialize('')
    for (const [name, value] of v12) expect([name, a.LMSSetValue(name, value), String(a.LMSGetLastError())]).toEqual([name, 'true', '0'])
    const b = new Scorm2004API({ logLevel: 5 })
    b.Initialize('')
    for (const [name, value] of v2004) expect([name, b.SetValue(name, value), String(b.GetLastError())]).toEqual([name, 'true', '0'])
  })

  it('adds the lesson progress in 2004 (clamped to 0..1)', () => {
    expect(outcomeValues({ percent: null, success: 'unknown', completed: false }, 'scorm2004', 2 / 3)).toContainEqual(['cmi.progress_measure', '0.6667'])
    expect(outcomeValues({ percent: null, success: 'unknown', completed: false }, 'scorm2004', 1.5)).toContainEqual(['cmi.progress_measure', '1'])
  })
})

describe('blueprintReport', () => {
  const blueprint: Blueprint = {
    id: 'quiz', title: 'Quiz', kind: 'quiz', draws: [{ count: 2 }], passMark: 0.5, gradingMethod: 'highest', shuffleOptions: false, maxAttempts: 2,
    review: { afterSubmit: ['score'], afterLastAttempt: ['score', 'correct'] },
  }
  const items = [ITEMS[0]!, ITEMS[2]!]
  function attempt(id: string, startedAt: number, submitted: boolean): Attempt {
    return {
      id, courseId: 'c', learnerId: 'l', mode: 'assessment', sourceId: 'quiz', seed: 1, startedAt, deadline: null,
      submittedAt: submitted ? startedAt + 1 : null, submitReason: submitted ? 'learner' : null,
      slots: items.map((i) => ({ itemId: i.id, version: i.version })), snapshots: Object.fromEntries(items.map((i) => [i.version, i])),
    }
  }
  const response = (attemptId: string, itemId: string, answer: SavedResponse['answer']): SavedResponse => ({ attemptId, itemId, answer, flagged: false, savedAt: T0, seq: 1 })
  const a1 = attempt('a1', T0, true)
  const a2 = attempt('a2', T0 + 10, true)
  // a1: both right (100); a2: one right (50).
  const responses = new Map([
    ['a1', [response('a1', 'q-single', ANSWERS['q-single']!), response('a1', 'q-tf', { type: 'truefalse', value: false })]],
    ['a2', [response('a2', 'q-single', ANSWERS['q-single']!), response('a2', 'q-tf', { type: 'truefalse', value: true })]],
  ])

  it('grades every submitted attempt and reports the grade the grading method gives', () => {
    const report = blueprintReport(blueprint, [a1, a2], responses, new Map())
    expect([...report.grades].map(([id, grade]) => [id, grade.percent])).toEqual([['a1', 100], ['a2', 50]])
    expect(report.outcome).toEqual({ percent: 100, success: 'passed', completed: true })
    expect(report.showsCorrect).toBe(true)
    expect(blueprintReport({ ...blueprint, gradingMethod: 'last' }, [a1, a2], responses, new Map()).outcome.percent).toBe(50)
  })

  it('keeps the right answers back while the review policy does', () => {
    expect(blueprintReport(blueprint, [a1], responses, new Map()).showsCorrect).toBe(false)
  })

  it('leaves a sealed attempt ungraded: completed, no score', () => {
    const { answer: _a, explanation: _e, ...stub } = ITEMS[0] as typeof ITEMS[0] & { answer: string }
    const sealed = { ...a1, snapshots: { ...a1.snapshots, [ITEMS[0]!.version]: { ...stub, sealed: true } as never } }
    const report = blueprintReport(blueprint, [sealed], responses, new Map())
    expect(report.grades.size).toBe(0)
    expect(report.outcome).toEqual({ percent: null, success: 'unknown', completed: true })
  })
})
