import { describe, expect, it } from 'vitest'
import type { LaunchMode, MoveOn } from '../../../src/domain/lms/cmi5LaunchData.ts'
import { EMPTY_HISTORY, moveOnSatisfied, outcomeVerbs, record, refusal, type Cmi5History, type Cmi5Verb } from '../../../src/domain/lms/cmi5Rules.ts'

/** Plays `verbs` in one session after `earlier` sessions of the same registration; returns the first refusal, or null. */
function play(verbs: readonly Cmi5Verb[], earlier: readonly (readonly Cmi5Verb[])[] = [], mode: LaunchMode = 'Normal'): string | null {
  let history: Cmi5History = EMPTY_HISTORY
  for (const session of [...earlier, verbs]) {
    history = { ...history, session: [] }
    for (const verb of session) {
      const why = refusal(verb, history, mode)
      if (why !== null) return `${verb}: ${why}`
      history = record(history, verb)
    }
  }
  return null
}

describe('cmi5 order rules', () => {
  it.each<[string, Cmi5Verb[], Cmi5Verb[][]]>([
    ['a full session', ['initialized', 'allowed', 'completed', 'passed', 'terminated'], []],
    ['passed before completed', ['initialized', 'passed', 'completed', 'terminated'], []],
    ['initialized and terminated alone', ['initialized', 'terminated'], []],
    ['failed, then passed in a later session', ['initialized', 'passed', 'terminated'], [['initialized', 'failed', 'terminated']]],
    ['failed in two sessions', ['initialized', 'failed', 'terminated'], [['initialized', 'failed', 'terminated']]],
    ['completed in one session, passed in the next', ['initialized', 'passed', 'terminated'], [['initialized', 'completed', 'terminated']]],
    ['allowed statements between initialized and terminated', ['initialized', 'allowed', 'allowed', 'terminated'], []],
  ])('allows %s', (_, verbs, earlier) => {
    expect(play(verbs, earlier)).toBeNull()
  })

  it.each<[string, Cmi5Verb[], Cmi5Verb[][], string]>([
    ['anything before initialized', ['allowed'], [], 'allowed: initialized has not been sent yet'],
    ['completed before initialized', ['completed'], [], 'completed: initialized has not been sent yet'],
    ['terminated before initialized', ['terminated'], [], 'terminated: initialized has not been sent yet'],
    ['initialized twice', ['initialized', 'initialized'], [], 'initialized: initialized was already sent in this session'],
    ['anything after terminated', ['initialized', 'terminated', 'allowed'], [], 'allowed: the session has ended (terminated was sent)'],
    ['terminated twice', ['initialized', 'terminated', 'terminated'], [], 'terminated: the session has ended (terminated was sent)'],
    ['failed twice in a session', ['initialized', 'failed', 'failed'], [], 'failed: failed was already sent in this session'],
    ['failed then passed in a session', ['initialized', 'failed', 'passed'], [], 'passed: this session already sent passed or failed'],
    ['passed then failed in a session', ['initialized', 'passed', 'failed'], [], 'failed: this session already sent passed or failed'],
    ['completed twice in a session', ['initialized', 'completed', 'completed'], [], 'completed: completed was already sent in this session'],
    ['failed after passed in the registration', ['initialized', 'failed'], [['initialized', 'passed', 'terminated']], 'failed: failed may not follow passed in a registration'],
    ['passed after passed in the registration', ['initialized', 'passed'], [['initialized', 'passed', 'terminated']], 'passed: passed was already sent in this registration'],
    ['completed after completed in the registration', ['initialized', 'completed'], [['initialized', 'completed', 'terminated']], 'completed: completed was already sent in this registration'],
  ])('refuses %s', (_, verbs, earlier, why) => {
    expect(play(verbs, earlier)).toBe(why)
  })

  it.each<LaunchMode>(['Browse', 'Review'])('a %s launch sends initialized, allowed and terminated only', (mode) => {
    expect(play(['initialized', 'allowed', 'terminated'], [], mode)).toBeNull()
    for (const verb of ['completed', 'passed', 'failed'] as const) expect(play(['initialized', verb], [], mode)).toBe(`${verb}: a ${mode} launch sends no ${verb}`)
  })
})

describe('outcomeVerbs', () => {
  const started = record(EMPTY_HISTORY, 'initialized')
  const passedBefore: Cmi5History = { session: ['initialized'], registration: { passed: true, completed: true } }
  const failedThisSession = record(record(started, 'completed'), 'failed')
  it.each<[string, boolean | null, Cmi5History, LaunchMode, string[]]>([
    ['a first pass', true, started, 'Normal', ['completed', 'passed']],
    ['a first fail', false, started, 'Normal', ['completed', 'failed']],
    ['no decision yet', null, started, 'Normal', ['completed']],
    ['a fail after an earlier pass', false, passedBefore, 'Normal', []],
    ['a pass after an earlier pass', true, passedBefore, 'Normal', []],
    ['a pass after a fail in the same session', true, failedThisSession, 'Normal', []],
    ['a pass in Browse', true, started, 'Browse', []],
    ['a pass in Review', true, started, 'Review', []],
    ['a pass before initialized', true, EMPTY_HISTORY, 'Normal', []],
  ])('%s → %j', (_, passed, history, mode, verbs) => {
    expect(outcomeVerbs(passed, history, mode)).toEqual(verbs)
  })
})

describe('moveOnSatisfied', () => {
  const cases: Array<[MoveOn, boolean, boolean, boolean]> = [
    ['Passed', false, false, false], ['Passed', true, false, true], ['Passed', false, true, false], ['Passed', true, true, true],
    ['Completed', false, false, false], ['Completed', true, false, false], ['Completed', false, true, true], ['Completed', true, true, true],
    ['CompletedAndPassed', false, false, false], ['CompletedAndPassed', true, false, false], ['CompletedAndPassed', false, true, false], ['CompletedAndPassed', true, true, true],
    ['CompletedOrPassed', false, false, false], ['CompletedOrPassed', true, false, true], ['CompletedOrPassed', false, true, true], ['CompletedOrPassed', true, true, true],
    ['NotApplicable', false, false, true], ['NotApplicable', true, true, true],
  ]
  it.each(cases)('%s with passed=%s completed=%s → %s', (moveOn, passed, completed, satisfied) => {
    expect(moveOnSatisfied(moveOn, { passed, completed })).toBe(satisfied)
  })
})
