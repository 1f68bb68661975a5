/**
 * Taking an assessment, as a reducer: `nextSession(state, event)` returns the new state and the
 * commands a caller must run (commit a response, submit the attempt, read it again). The caller
 * runs them one at a time and feeds each outcome back as an event; nothing here waits or writes.
 *
 * Rules:
 * - What the learner sees (`answers`, `flags`) is kept apart from what storage holds (`saved`):
 *   an item is 'saved' only after its commit succeeded, and an answer that failed stays on screen.
 * - One commit per item at a time. A newer answer while one is in flight waits here and is sent
 *   when the first settles, built on the stored response, so sequence numbers never race.
 * - A submit asked for while commits are in flight is sent once they settle; asking twice sends
 *   one submit. Once a submit is asked for, new answers and flags are ignored.
 * - An answer or flag refused as overdue, or the deadline itself, asks for submit('deadline'):
 *   answers given after time is up are dropped, never sent late.
 * - A conflict (another tab wrote newer, or submitted) asks to read the attempt again; what
 *   storage holds then replaces what is on screen (and the conflict's message, now answered),
 *   and a submit asked for is sent after.
 * - Time comes in on the events.
 */
import { isEmptyAnswer, isOverdue, saveAnswer, submitAttempt, toggleFlag, type SaveResult } from './attempt.ts'
import type { Answer, Attempt, SavedResponse } from './attemptTypes.ts'

export type SaveState = 'saving' | 'saved' | 'failed'
export type SubmitReason = 'learner' | 'deadline'

export interface SessionState {
  readonly attempt: Attempt | undefined
  /** What storage holds, per item id. */
  readonly saved: Readonly<Record<string, SavedResponse>>
  /** The answers on screen, saved or not. */
  readonly answers: Readonly<Record<string, Answer | null>>
  /** The flag the learner last asked for, per item (saved or not). */
  readonly flags: Readonly<Record<string, boolean>>
  readonly saveState: Readonly<Record<string, SaveState>>
  /** The response being committed, per item. */
  readonly inFlight: Readonly<Record<string, SavedResponse>>
  /** Items whose answer changed after their last commit was sent. */
  readonly unsent: Readonly<Record<string, true>>
  /** Items whose flag was toggled after their last commit was sent. */
  readonly unsentFlags: Readonly<Record<string, true>>
  /** Index of the slot on screen. */
  readonly position: number
  /** A submit asked for; `sending` once its command went out. */
  readonly submit: { readonly reason: SubmitReason; readonly at: number; readonly sending: boolean } | null
  /** A read of the attempt was asked for and has not come back. */
  readonly reopening: boolean
  /** Words for the learner about the last problem; cleared once nothing is left unsaved. */
  readonly message: string | undefined
}

export type SessionEvent =
  /** The attempt as storage holds it (first open, or a read asked for by `reopen`). */
  | { type: 'opened'; attempt: Attempt | undefined; responses: readonly SavedResponse[]; at: number; position?: number }
  | { type: 'answer'; itemId: string; answer: Answer | null; at: number }
  | { type: 'flag'; itemId: string; at: number }
  /** Send the item's answer on screen again (after a failed save). */
  | { type: 'retry'; itemId: string; at: number }
  | { type: 'navigate'; to: number }
  | { type: 'step'; by: number }
  | { type: 'saved'; response: SavedResponse; at: number }
  | { type: 'saveFailed'; itemId: string; message: string; at: number }
  | { type: 'conflict'; itemId: string; message: string; at: number }
  | { type: 'reopenFailed'; message: string }
  | { type: 'deadline'; at: number }
  | { type: 'submit'; at: number }
  | { type: 'submitted'; attempt: Attempt }
  | { type: 'submitFailed'; message: string }

export type SessionCommand =
  | { type: 'commit'; response: SavedResponse }
  | { type: 'submit'; attempt: Attempt; reason: SubmitReason }
  | { type: 'reopen'; attemptId: string }

export interface SessionStep {
  state: SessionState
  commands: SessionCommand[]
}

/** A session with no attempt open. */
export function emptySession(): SessionState {
  return { attempt: undefined, saved: {}, answers: {}, flags: {}, saveState: {}, inFlight: {}, unsent: {}, unsentFlags: {}, position: 0, submit: null, reopening: false, message: undefined }
}

/** The index of the first slot with no saved answer, or 0. */
export function firstUnanswered(attempt: Attempt, saved: Readonly<Record<string, SavedResponse>>): number {
  return Math.max(0, attempt.slots.findIndex((s) => isEmptyAnswer(saved[s.itemId]?.answer)))
}

/** Answered (saved, not empty) and flagged, per slot, in slot order. */
export function slotMarks(state: SessionState): { answered: boolean; flagged: boolean }[] {
  return (state.attempt?.slots ?? []).map((s) => ({ answered: !isEmptyAnswer(state.saved[s.itemId]?.answer), flagged: state.saved[s.itemId]?.flagged ?? false }))
}

/**
 * Every answer on screen, saved or not, as the responses a result file carries (for when this
 * device cannot save: the learner keeps their work and an instructor can import it).
 */
export function onScreenResponses(state: SessionState, at: number): SavedResponse[] {
  const { attempt, saved } = state
  if (!attempt) return []
  return Object.entries(state.answers).map(([itemId, answer]) => ({
    attemptId: attempt.id,
    itemId,
    answer,
    flagged: state.flags[itemId] ?? false,
    savedAt: at,
    seq: (saved[itemId]?.seq ?? 0) + 1,
  }))
}

/** Whether nothing is waiting to be committed or being committed. */
export function isSettled(state: SessionState): boolean {
  return Object.keys(state.inFlight).length === 0 && pendingItems(state).length === 0
}

/** The next state and the commands to run for one event (rules at the top of the file). */
export function nextSession(state: SessionState, event: SessionEvent): SessionStep {
  switch (event.type) {
    case 'opened':
      return opened(state, event)
    case 'answer':
    case 'flag':
    case 'retry':
      return change(state, event)
    case 'navigate':
      return { state: { ...state, position: clampPosition(state, event.to, state.position) }, commands: [] }
    case 'step':
      return { state: { ...state, position: clampPosition(state, state.position + event.by, state.position) }, commands: [] }
    case 'saved': {
      const { itemId, seq } = event.response
      const newer = (state.saved[itemId]?.seq ?? 0) < seq
      const next = {
        ...state,
        inFlight: state.inFlight[itemId]?.seq === seq ? without(state.inFlight, itemId) : state.inFlight,
        saved: newer ? { ...state.saved, [itemId]: event.response } : state.saved,
        saveState: { ...state.saveState, [itemId]: 'saved' as const },
      }
      return settle(Object.values(next.saveState).includes('failed') ? next : { ...next, message: undefined }, event.at)
    }
    case 'saveFailed':
      return settle({ ...failed(state, event.itemId), message: event.message }, event.at)
    case 'conflict': {
      const next = { ...failed(state, event.itemId), message: event.message }
      if (state.reopening || !state.attempt) return { state: next, commands: [] }
      return { state: { ...next, reopening: true }, commands: [{ type: 'reopen', attemptId: state.attempt.id }] }
    }
    case 'reopenFailed':
      return { state: { ...state, reopening: false, message: event.message }, commands: [] }
    case 'deadline':
      return askToSubmit(state, 'deadline', event.at)
    case 'submit':
      return askToSubmit(state, 'learner', event.at)
    case 'submitted':
      return { state: { ...state, attempt: event.attempt, submit: null, unsent: {}, unsentFlags: {}, flags: flagsOf(state.saved) }, commands: [] }
    case 'submitFailed':
      return { state: { ...state, submit: null, message: event.message }, commands: [] }
  }
}

function opened(state: SessionState, event: Extract<SessionEvent, { type: 'opened' }>): SessionStep {
  const { attempt } = event
  if (!attempt) return { state: emptySession(), commands: [] }
  const saved = Object.fromEntries(event.responses.map((r) => [r.itemId, r]))
  // A read asked for by a conflict keeps the learner where they were.
  const again = state.reopening && state.attempt?.id === attempt.id
  const fallback = again ? state.position : firstUnanswered(attempt, saved)
  const next: SessionState = {
    ...emptySession(),
    attempt,
    saved,
    answers: Object.fromEntries(event.responses.map((r) => [r.itemId, r.answer])),
    flags: flagsOf(saved),
    saveState: Object.fromEntries(event.responses.map((r) => [r.itemId, 'saved' as const])),
    // Commits still out when the read came back report their outcome later.
    inFlight: again ? state.inFlight : {},
    position: event.position !== undefined ? clampPosition({ attempt }, event.position, fallback) : fallback,
    submit: again && attempt.submittedAt === null ? state.submit : null,
  }
  if (isOverdue(attempt, event.at)) return askToSubmit(next, 'deadline', event.at)
  return settle(next, event.at)
}

function change(state: SessionState, event: Extract<SessionEvent, { type: 'answer' | 'flag' | 'retry' }>): SessionStep {
  const { attempt } = state
  if (!attempt || state.submit) return { state, commands: [] }
  const { itemId, at } = event
  // Asked now only for its refusal: the response itself is built when the commit is sent.
  const check = saveAnswer(state.saved[itemId], null, at, attempt, itemId)
  if (!check.ok) return settle(refused(state, itemId, check, at), at)
  if (event.type === 'flag') {
    return settle({ ...state, flags: { ...state.flags, [itemId]: !(state.flags[itemId] ?? false) }, unsentFlags: { ...state.unsentFlags, [itemId]: true } }, at)
  }
  if (event.type === 'answer') return settle({ ...state, answers: { ...state.answers, [itemId]: event.answer }, unsent: { ...state.unsent, [itemId]: true } }, at)
  // A retry sends again whatever did not reach storage: the answer, the flag, or both.
  const answerLost = !sameAnswer(state.answers[itemId] ?? null, state.saved[itemId]?.answer ?? null)
  const flagLost = flagDiffers(state, itemId)
  return settle({
    ...state,
    unsent: answerLost ? { ...state.unsent, [itemId]: true } : state.unsent,
    unsentFlags: flagLost ? { ...state.unsentFlags, [itemId]: true } : state.unsentFlags,
    saveState: answerLost || flagLost ? state.saveState : { ...state.saveState, [itemId]: 'saved' },
  }, at)
}

/** Drops what was refused for an item; time up asks for submit('deadline'), anything else is said. */
function refused(state: SessionState, itemId: string, refusal: Extract<SaveResult, { ok: false }>, at: number): SessionState {
  const next = {
    ...failed(state, itemId),
    unsent: without(state.unsent, itemId),
    unsentFlags: without(state.unsentFlags, itemId),
    flags: { ...state.flags, [itemId]: state.saved[itemId]?.flagged ?? false },
  }
  if (refusal.reason !== 'overdue') return { ...next, message: refusal.message }
  return { ...next, submit: next.submit ?? { reason: 'deadline', at, sending: false } }
}

function askToSubmit(state: SessionState, reason: SubmitReason, at: number): SessionStep {
  if (!state.attempt || state.attempt.submittedAt !== null || state.submit) return { state, commands: [] }
  return settle({ ...state, submit: { reason, at, sending: false } }, at)
}

/** Sends what can be sent now: the next commit of each idle item, then a submit once all settled. */
function settle(state: SessionState, at: number): SessionStep {
  const { attempt } = state
  if (!attempt || attempt.submittedAt !== null || state.reopening) return { state, commands: [] }
  const commands: SessionCommand[] = []
  let next = state
  for (const itemId of pendingItems(state)) {
    const result = nextWrite(next, itemId, at)
    if (!result.ok) {
      next = refused(next, itemId, result, at)
      continue
    }
    const answerSent = next.unsent[itemId] === true
    next = {
      ...next,
      inFlight: { ...next.inFlight, [itemId]: result.response },
      unsent: without(next.unsent, itemId),
      unsentFlags: answerSent ? next.unsentFlags : without(next.unsentFlags, itemId),
      saveState: { ...next.saveState, [itemId]: 'saving' },
    }
    commands.push({ type: 'commit', response: result.response })
  }
  if (next.submit && !next.submit.sending && isSettled(next)) {
    const { reason, at: asked } = next.submit
    // A deadline submit is recorded at the deadline even when noticed a moment early.
    const when = reason === 'deadline' && attempt.deadline !== null ? Math.max(asked, attempt.deadline) : asked
    const submitted = submitAttempt(attempt, when, reason)
    commands.push({ type: 'submit', attempt: submitted, reason: submitted.submitReason ?? reason })
    next = { ...next, submit: { ...next.submit, sending: true } }
  }
  return { state: next, commands }
}

/** Items with something to send and no commit in flight (a flag toggled back and forth has nothing). */
function pendingItems(state: SessionState): string[] {
  const ids = new Set([...Object.keys(state.unsent), ...Object.keys(state.unsentFlags)])
  return [...ids].filter((id) => !state.inFlight[id] && (state.unsent[id] === true || flagDiffers(state, id)))
}

function flagDiffers(state: SessionState, itemId: string): boolean {
  return (state.flags[itemId] ?? false) !== (state.saved[itemId]?.flagged ?? false)
}

/** An answer first (it keeps the stored flag), then a flag change on its own commit. */
function nextWrite(state: SessionState, itemId: string, at: number): SaveResult {
  const previous = state.saved[itemId]
  if (state.unsent[itemId]) return saveAnswer(previous, state.answers[itemId] ?? null, at, state.attempt!, itemId)
  return toggleFlag(previous, at, state.attempt!, itemId)
}

function failed(state: SessionState, itemId: string): SessionState {
  return { ...state, inFlight: without(state.inFlight, itemId), saveState: { ...state.saveState, [itemId]: 'failed' } }
}

function clampPosition(state: Pick<SessionState, 'attempt'>, to: number, otherwise: number): number {
  const count = state.attempt?.slots.length ?? 0
  return Number.isInteger(to) && to >= 0 && to < count ? to : otherwise
}

function flagsOf(saved: Readonly<Record<string, SavedResponse>>): Record<string, boolean> {
  return Object.fromEntries(Object.values(saved).map((r) => [r.itemId, r.flagged]))
}

function sameAnswer(a: Answer | null, b: Answer | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record
  return rest
}
