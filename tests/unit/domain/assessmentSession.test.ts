import { describe, expect, it } from 'vitest'
import { emptySession, firstUnanswered, isSettled, nextSession, onScreenResponses, slotMarks, type SessionCommand, type SessionEvent, type SessionState } from '../../../src/domain/assessmentSession.ts'
import type { Answer, Attempt, SavedResponse } from '../../../src/domain/types.ts'

const T0 = 1_700_000_000_000
const DEADLINE = T0 + 10 * 60_000
const A: Answer = { type: 'single', optionId: 'a' }
const B: Answer = { type: 'single', optionId: 'b' }

const attempt: Attempt = {
  id: 'at1',
  courseId: 'c1',
  learnerId: 'ann',
  mode: 'assessment',
  sourceId: 'final',
  seed: 1,
  startedAt: T0,
  deadline: DEADLINE,
  submittedAt: null,
  submitReason: null,
  slots: ['q1', 'q2', 'q3'].map((itemId) => ({ itemId, version: `${itemId}@1` })),
  snapshots: {},
}

function response(itemId: string, answer: Answer | null, seq: number, flagged = false): SavedResponse {
  return { attemptId: 'at1', itemId, answer, flagged, savedAt: T0 + seq, seq }
}

/** Reduces events in order from an opened attempt; returns the final state and every command, step by step. */
function run(events: SessionEvent[], responses: SavedResponse[] = [], start: Attempt = attempt) {
  let { state, commands } = nextSession(emptySession(), { type: 'opened', attempt: start, responses, at: T0 })
  const steps: SessionCommand[][] = [commands]
  for (const event of events) {
    ;({ state, commands } = nextSession(state, event))
    steps.push(commands)
  }
  return { state, steps, all: steps.flat() }
}

const answer = (itemId: string, value: Answer | null, at = T0 + 100): SessionEvent => ({ type: 'answer', itemId, answer: value, at })
const saved = (r: SavedResponse, at = T0 + 200): SessionEvent => ({ type: 'saved', response: r, at })
const commit = (r: SavedResponse): SessionCommand => ({ type: 'commit', response: r })
/** A commit of `value` to `itemId` as sequence `seq`, saved at `at`. */
const write = (itemId: string, value: Answer | null, seq: number, at: number, flagged = false): SavedResponse => ({ attemptId: 'at1', itemId, answer: value, flagged, savedAt: at, seq })
const submitCommand = (submittedAt: number, reason: 'learner' | 'deadline'): SessionCommand => ({
  type: 'submit',
  reason,
  attempt: { ...attempt, submittedAt, submitReason: reason },
})

describe('opening an attempt', () => {
  it.each<[string, SavedResponse[], number | undefined, number]>([
    ['nothing answered, no position kept', [], undefined, 0],
    ['the first question answered', [response('q1', A, 1)], undefined, 1],
    ['a position kept for this tab', [response('q1', A, 1)], 2, 2],
    ['a kept position past the last question', [], 7, 0],
  ])('with %s, starts at the right question', (_label, responses, position, expected) => {
    const { state } = nextSession(emptySession(), { type: 'opened', attempt, responses, at: T0, position })
    expect(state.position).toBe(expected)
  })

  it('shows the stored answers and flags as saved', () => {
    const { state } = run([], [response('q1', A, 2, true)])
    expect(state.answers).toEqual({ q1: A })
    expect(state.saveState).toEqual({ q1: 'saved' })
    expect(slotMarks(state)).toEqual([{ answered: true, flagged: true }, { answered: false, flagged: false }, { answered: false, flagged: false }])
  })

  it('submits as of the deadline an attempt whose time ran out while closed', () => {
    const { state, commands } = nextSession(emptySession(), { type: 'opened', attempt, responses: [], at: DEADLINE + 60_000 })
    expect(commands).toEqual([submitCommand(DEADLINE, 'deadline')])
    expect(state.submit).toMatchObject({ reason: 'deadline', sending: true })
  })

  it('finds the first unanswered slot, skipping empty answers', () => {
    expect(firstUnanswered(attempt, { q1: response('q1', { type: 'short', text: ' ' }, 1) })).toBe(0)
  })
})

describe('answering and flagging', () => {
  it.each<[string, SessionEvent[], SessionCommand[], Record<string, string>]>([
    ['one answer', [answer('q1', A)], [commit(write('q1', A, 1, T0 + 100))], { q1: 'saving' }],
    ['one answer, saved', [answer('q1', A), saved(write('q1', A, 1, T0 + 100))], [commit(write('q1', A, 1, T0 + 100))], { q1: 'saved' }],
    [
      // Two answers while the first commit is in flight: one commit at a time, and the last answer wins.
      'two answers to one item while the first commit is in flight',
      [answer('q1', A), answer('q1', B, T0 + 150), saved(write('q1', A, 1, T0 + 100), T0 + 300)],
      [commit(write('q1', A, 1, T0 + 100)), commit(write('q1', B, 2, T0 + 300))],
      { q1: 'saving' },
    ],
    [
      'answers to two items at once (each has its own commit)',
      [answer('q1', A), answer('q2', B)],
      [commit(write('q1', A, 1, T0 + 100)), commit(write('q2', B, 1, T0 + 100))],
      { q1: 'saving', q2: 'saving' },
    ],
    [
      // The answer event names its item, so an answer that lands after Next still goes to its own question.
      'an answer during navigation',
      [{ type: 'step', by: 1 }, answer('q1', A)],
      [commit(write('q1', A, 1, T0 + 100))],
      { q1: 'saving' },
    ],
    [
      'a flag (kept apart from the answer, which keeps its save time)',
      [{ type: 'flag', itemId: 'q1', at: T0 + 500 }],
      [commit({ ...write('q1', A, 2, T0 + 1), flagged: true })],
      { q1: 'saving' },
    ],
  ])('%s', (_label, events, commands, saveState) => {
    const responses = events.some((e) => e.type === 'flag') ? [response('q1', A, 1)] : []
    const { state, all } = run(events, responses)
    expect(all).toEqual(commands)
    expect(state.saveState).toEqual(saveState)
  })

  it('sends a flag asked for while the answer commits after it, on the saved response', () => {
    const { all, state } = run([answer('q1', A), { type: 'flag', itemId: 'q1', at: T0 + 150 }, saved(write('q1', A, 1, T0 + 100), T0 + 300)])
    expect(all).toEqual([commit(write('q1', A, 1, T0 + 100)), commit(write('q1', A, 2, T0 + 100, true))])
    expect(state.inFlight.q1?.seq).toBe(2)
  })

  it('unflags again when the learner toggles twice while the first is in flight', () => {
    const flag = (at: number): SessionEvent => ({ type: 'flag', itemId: 'q1', at })
    const first = write('q1', null, 1, T0 + 100, true)
    const { all } = run([flag(T0 + 100), flag(T0 + 150), saved(first, T0 + 200)])
    expect(all).toEqual([commit(first), commit(write('q1', null, 2, T0 + 100, false))])
  })

  it.each<[string, Attempt, SessionEvent, string]>([
    ['a flag after submission', { ...attempt, submittedAt: T0 + 50, submitReason: 'learner' }, { type: 'flag', itemId: 'q1', at: T0 + 100 }, 'This attempt has been submitted; answers can no longer change.'],
    ['an answer after submission', { ...attempt, submittedAt: T0 + 50, submitReason: 'learner' }, answer('q1', A), 'This attempt has been submitted; answers can no longer change.'],
    ['an answer to an item not in the attempt', attempt, answer('zz', A), 'This question is not part of the attempt.'],
  ])('refuses %s and says why', (_label, start, event, message) => {
    const { all, state } = run([event], [], start)
    expect(all).toEqual([])
    expect(state.message).toBe(message)
    expect(state.answers).toEqual({})
  })

  it('moves two questions on a double Next, and never past the last', () => {
    const step: SessionEvent = { type: 'step', by: 1 }
    expect(run([step, step]).state.position).toBe(2)
    expect(run([step, step, step]).state.position).toBe(2)
    expect(run([{ type: 'navigate', to: 1 }, { type: 'step', by: -1 }, { type: 'step', by: -1 }]).state.position).toBe(0)
  })
})

describe('failed saves', () => {
  const failure: SessionEvent = { type: 'saveFailed', itemId: 'q1', message: 'Debrief lost its connection to storage.', at: T0 + 200 }

  it('keeps the answer on screen, says why, and sends it again on retry', () => {
    const failedOnce = run([answer('q1', A), failure])
    expect(failedOnce.state.saveState.q1).toBe('failed')
    expect(failedOnce.state.answers.q1).toEqual(A)
    expect(failedOnce.state.message).toBe('Debrief lost its connection to storage.')
    expect(isSettled(failedOnce.state)).toBe(true)

    const retried = nextSession(failedOnce.state, { type: 'retry', itemId: 'q1', at: T0 + 400 })
    expect(retried.commands).toEqual([commit(write('q1', A, 1, T0 + 400))])
    const done = nextSession(retried.state, saved(write('q1', A, 1, T0 + 400)))
    expect(done.state.saveState.q1).toBe('saved')
    expect(done.state.message).toBeUndefined()
  })

  it('keeps an unsaved answer and flag in the file of answers on screen, one version past the stored one', () => {
    const { state } = run([answer('q1', B), { type: 'flag', itemId: 'q1', at: T0 + 150 }, failure], [response('q1', A, 3)])
    expect(onScreenResponses(state, T0 + 900)).toEqual([{ attemptId: 'at1', itemId: 'q1', answer: B, flagged: true, savedAt: T0 + 900, seq: 4 }])
  })

  it('does not send a failed flag again by itself, and sends it on retry', () => {
    const flagFailed = run([{ type: 'flag', itemId: 'q1', at: T0 + 100 }, failure])
    expect(flagFailed.steps.at(-1)).toEqual([])
    expect(isSettled(flagFailed.state)).toBe(true)
    expect(nextSession(flagFailed.state, { type: 'retry', itemId: 'q1', at: T0 + 300 }).commands).toEqual([commit(write('q1', null, 1, T0 + 300, true))])
  })

  it('sends the newer answer that waited behind a commit that failed', () => {
    const { steps } = run([answer('q1', A), answer('q1', B), failure])
    expect(steps.at(-1)).toEqual([commit(write('q1', B, 1, T0 + 200))])
  })
})

describe('the deadline', () => {
  it.each<[string, SessionEvent[], SavedResponse[], SessionCommand[]]>([
    ['an answer after the deadline is dropped and submits', [answer('q1', A, DEADLINE + 1)], [], [submitCommand(DEADLINE, 'deadline')]],
    ['a flag after the deadline submits', [{ type: 'flag', itemId: 'q1', at: DEADLINE + 1 }], [], [submitCommand(DEADLINE, 'deadline')]],
    ['the deadline event submits as of the deadline', [{ type: 'deadline', at: DEADLINE + 400 }], [], [submitCommand(DEADLINE, 'deadline')]],
    [
      'a commit in flight at the deadline is waited for, then submitted',
      [answer('q1', A, DEADLINE - 10), { type: 'deadline', at: DEADLINE }, saved(write('q1', A, 1, DEADLINE - 10), DEADLINE + 5)],
      [],
      [commit(write('q1', A, 1, DEADLINE - 10)), submitCommand(DEADLINE, 'deadline')],
    ],
    [
      'an answer waiting behind a commit when time runs out is dropped',
      [answer('q1', A, DEADLINE - 10), answer('q1', B, DEADLINE - 5), { type: 'deadline', at: DEADLINE + 1 }, saved(write('q1', A, 1, DEADLINE - 10), DEADLINE + 2)],
      [],
      [commit(write('q1', A, 1, DEADLINE - 10)), submitCommand(DEADLINE, 'deadline')],
    ],
    ['the deadline twice submits once', [{ type: 'deadline', at: DEADLINE + 1 }, { type: 'deadline', at: DEADLINE + 2 }], [], [submitCommand(DEADLINE, 'deadline')]],
  ])('%s', (_label, events, responses, commands) => {
    const { all, state } = run(events, responses)
    expect(all).toEqual(commands)
    expect(isSettled(state)).toBe(true)
  })
})

describe('submitting', () => {
  const submit = (at = T0 + 1000): SessionEvent => ({ type: 'submit', at })

  it.each<[string, SessionEvent[], SessionCommand[]]>([
    ['a submit with nothing in flight', [submit()], [submitCommand(T0 + 1000, 'learner')]],
    ['a double submit', [submit(), submit(T0 + 1001)], [submitCommand(T0 + 1000, 'learner')]],
    [
      'a submit while a commit is in flight waits for it',
      [answer('q1', A), submit(), saved(write('q1', A, 1, T0 + 100), T0 + 1200)],
      [commit(write('q1', A, 1, T0 + 100)), submitCommand(T0 + 1000, 'learner')],
    ],
    [
      'a submit waits for an answer that was waiting behind a commit',
      [answer('q1', A), answer('q1', B), submit(), saved(write('q1', A, 1, T0 + 100), T0 + 1200), saved(write('q1', B, 2, T0 + 1200), T0 + 1300)],
      [commit(write('q1', A, 1, T0 + 100)), commit(write('q1', B, 2, T0 + 1200)), submitCommand(T0 + 1000, 'learner')],
    ],
    ['an answer after asking to submit is ignored', [submit(), answer('q1', A, T0 + 1100)], [submitCommand(T0 + 1000, 'learner')]],
    ['a learner submit after the deadline is recorded at the deadline', [submit(DEADLINE + 5)], [submitCommand(DEADLINE, 'deadline')]],
  ])('%s', (_label, events, commands) => {
    expect(run(events).all).toEqual(commands)
  })

  it('reads the attempt again on a conflict during submit, then submits once', () => {
    const conflict: SessionEvent = { type: 'conflict', itemId: 'q1', message: 'Another tab changed this answer.', at: T0 + 1100 }
    const pending = run([answer('q1', A), submit(), conflict])
    expect(pending.steps.at(-1)).toEqual([{ type: 'reopen', attemptId: 'at1' }])
    expect(pending.all.filter((c) => c.type === 'submit')).toEqual([])

    const stored = response('q1', B, 1)
    const reread = nextSession(pending.state, { type: 'opened', attempt, responses: [stored], at: T0 + 1200 })
    expect(reread.commands).toEqual([submitCommand(T0 + 1000, 'learner')])
    expect(reread.state.answers.q1).toEqual(B)
    expect(nextSession(reread.state, submit(T0 + 1300)).commands).toEqual([])
  })

  it('sends nothing when the read after a conflict finds the attempt submitted by another tab', () => {
    const conflict: SessionEvent = { type: 'conflict', itemId: 'q1', message: 'Submitted elsewhere.', at: T0 + 1100 }
    const pending = run([answer('q1', A), submit(), conflict])
    const other = { ...attempt, submittedAt: T0 + 1050, submitReason: 'learner' as const }
    const reread = nextSession(pending.state, { type: 'opened', attempt: other, responses: [], at: T0 + 1200 })
    expect(reread.commands).toEqual([])
    expect(reread.state.attempt?.submittedAt).toBe(T0 + 1050)
  })

  it('asks for one read on two conflicts, and holds commits until it comes back', () => {
    const conflict = (itemId: string): SessionEvent => ({ type: 'conflict', itemId, message: 'Changed elsewhere.', at: T0 + 300 })
    const { steps } = run([answer('q1', A), answer('q2', A), conflict('q1'), conflict('q2'), answer('q3', B)])
    expect(steps.slice(3)).toEqual([[{ type: 'reopen', attemptId: 'at1' }], [], []])
  })

  it('takes the submitted attempt and allows another try after a failed submit', () => {
    const failedSubmit = run([submit(), { type: 'submitFailed', message: 'The disk is full.' }])
    expect(failedSubmit.state.message).toBe('The disk is full.')
    expect(nextSession(failedSubmit.state, submit(T0 + 2000)).commands).toEqual([submitCommand(T0 + 2000, 'learner')])

    const done: SessionState = run([submit(), { type: 'submitted', attempt: { ...attempt, submittedAt: T0 + 1000, submitReason: 'learner' } }]).state
    expect(done.attempt?.submittedAt).toBe(T0 + 1000)
    expect(nextSession(done, submit(T0 + 2000)).commands).toEqual([])
  })
})
