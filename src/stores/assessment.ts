import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { errorMessage } from '../app/errorMessage.ts'
import { tellLms } from '../app/lms/bridge.ts'
import { useGradingEngine } from '../composables/useGradingEngine.ts'
import { commitResponse, commitSubmission, getAttempt, listResponses } from '../db/attempts.ts'
import { StorageError } from '../db/errors.ts'
import { emptySession, nextSession, onScreenResponses, slotMarks, type SessionCommand, type SessionEvent } from '../domain/assessmentSession.ts'
import type { Certainty } from '../domain/certainty.ts'
import type { Answer, Attempt, SavedResponse } from '../domain/types.ts'
import { now } from '../platform/clock.ts'
import { useAttemptsStore } from './attempts.ts'
import { showedStubs } from './sealedStubs.ts'
import { useStorageStore } from './storage.ts'

export type { SaveState } from '../domain/assessmentSession.ts'

/**
 * The assessment attempt being taken: the session of `domain/assessmentSession.ts` plus the
 * storage it needs. Events go through the reducer; its commands run here one at a time, in
 * order, and each outcome goes back in as an event. Nothing runs from inside another command.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const storage = useStorageStore()
  const session = shallowRef(emptySession())
  /** True while another tab holds this attempt: this tab shows it but does not write. */
  const lockedOut = ref(false)
  /** Certainties chosen on screen since the attempt was read; every commit of the item carries its one. */
  const chosen = shallowRef<Record<string, Certainty>>({})
  const queue: SessionCommand[] = []
  let running = false
  let idle: Promise<void> = Promise.resolve()

  /** Reduces one event and queues its commands; runs nothing. */
  function apply(event: SessionEvent): void {
    const step = nextSession(session.value, event)
    session.value = step.state
    queue.push(...step.commands)
  }

  /** Applies an event and resolves once every command it led to has run. */
  function dispatch(event: SessionEvent): Promise<void> {
    apply(event)
    if (!running) {
      running = true
      idle = drain()
    }
    return idle
  }

  async function drain(): Promise<void> {
    try {
      for (let command = queue.shift(); command; command = queue.shift()) await run(command)
    } finally {
      running = false
    }
  }

  /** Shows the storage banner when the error is a storage problem, and gives its words. */
  function problem(error: unknown): string {
    storage.noteProblem(error)
    return errorMessage(error)
  }

  async function run(command: SessionCommand): Promise<void> {
    const db = storage.database()
    if (command.type === 'commit') {
      const { itemId } = command.response
      const response = withCertainty(command.response)
      try {
        await commitResponse(db, response)
        storage.saved()
        apply({ type: 'saved', response, at: now() })
        // Inside an LMS, it hears of the answer once IndexedDB has it (src/app/lms/bridge.ts).
        if (__DEBRIEF_LMS__ && session.value.attempt) void tellLms({ type: 'answer', attempt: session.value.attempt, response })
      } catch (e) {
        if (e instanceof StorageError && e.kind === 'conflict') apply({ type: 'conflict', itemId, message: e.message, at: now() })
        else apply({ type: 'saveFailed', itemId, message: problem(e), at: now() })
      }
    } else if (command.type === 'reopen') {
      try {
        const [attempt, responses] = await read(command.attemptId)
        chosen.value = {}
        apply({ type: 'opened', attempt, responses, at: now() })
      } catch (e) {
        apply({ type: 'reopenFailed', message: problem(e) })
      }
    } else {
      let saved: Attempt
      try {
        saved = await commitSubmission(db, command.attempt, await import('./outboxRows.ts').then((m) => m.statementRows(command.attempt, Object.values(session.value.saved)), () => []))
      } catch (e) {
        apply({ type: 'submitFailed', message: problem(e) })
        return
      }
      apply({ type: 'submitted', attempt: saved })
      if (__DEBRIEF_LMS__) void tellLms({ type: 'submitted', attempt: saved, responses: Object.values(session.value.saved) })
      await afterSubmit(saved)
    }
  }

  async function read(attemptId: string): Promise<[Attempt | undefined, SavedResponse[]]> {
    const db = storage.database()
    const attempt = await getAttempt(db, attemptId)
    return [attempt, attempt ? await listResponses(db, attemptId) : []]
  }

  /** Grades the submitted attempt into the history and feeds the review schedule (not for a sealed one). */
  async function afterSubmit(saved: Attempt): Promise<void> {
    const list = Object.values(session.value.saved)
    useAttemptsStore().remember(saved, list)
    // A sealed assessment's items (stubs here) are never practised, so nothing of it is scheduled for review.
    if (showedStubs(saved)) return
    try {
      const [{ gradeAttempt }, { useReviewStore }] = await Promise.all([useGradingEngine().ready, import('./review.ts')])
      const graded = gradeAttempt(saved, list)
      await useReviewStore().record(graded.perItem.filter((r) => r.response !== null).map((r) => ({ itemId: r.itemId, grade: r.grade, certainty: r.response?.certainty })))
    } catch {
      // The attempt is submitted and in the history; the review schedule only suggests practice.
    }
  }

  /**
   * Opens a stored attempt at `position` (else its first unanswered question); one whose
   * deadline passed while closed is submitted before this resolves. Throws when it cannot be read.
   */
  async function open(attemptId: string, position?: number): Promise<Attempt | undefined> {
    // After the last attempt's commands (a failure there was already fed back as an event).
    await idle.catch(() => undefined)
    const [attempt, responses] = await read(attemptId)
    chosen.value = {}
    await dispatch({ type: 'opened', attempt, responses, at: now(), position })
    return session.value.attempt
  }

  /** Reads a stored attempt and its responses, changing nothing here (for the result page). */
  function lookUp(attemptId: string): Promise<[Attempt | undefined, SavedResponse[]]> {
    return read(attemptId)
  }

  /** Records the learner's answer on screen at once; resolves once it is committed. */
  function answer(itemId: string, value: Answer | null): Promise<void> {
    if (lockedOut.value) return idle
    return dispatch({ type: 'answer', itemId, answer: value, at: now() })
  }

  /** The certainty on screen: chosen here, else the stored one (undefined: none given). */
  function certaintyOf(itemId: string): Certainty | undefined {
    return chosen.value[itemId] ?? session.value.saved[itemId]?.certainty
  }

  /** A response as it is committed: with the item's certainty on screen, if any (the session knows no certainty). */
  function withCertainty(response: SavedResponse): SavedResponse {
    const certainty = certaintyOf(response.itemId)
    return certainty === undefined ? response : { ...response, certainty }
  }

  /** Records how sure the learner is; it is committed with the item's answer, and resolves once committed. */
  function setCertainty(itemId: string, certainty: Certainty): Promise<void> {
    if (lockedOut.value || session.value.submit) return idle
    chosen.value = { ...chosen.value, [itemId]: certainty }
    const { answers, saved } = session.value
    return dispatch({ type: 'answer', itemId, answer: itemId in answers ? answers[itemId]! : (saved[itemId]?.answer ?? null), at: now() })
  }

  function toggleFlag(itemId: string): Promise<void> {
    if (lockedOut.value) return idle
    return dispatch({ type: 'flag', itemId, at: now() })
  }

  /** Sends an answer that failed to save again. */
  function retry(itemId: string): Promise<void> {
    return dispatch({ type: 'retry', itemId, at: now() })
  }

  /** Shows another question at once (out-of-range indexes are ignored). */
  function go(index: number): void {
    void dispatch({ type: 'navigate', to: index })
  }

  function step(by: number): void {
    void dispatch({ type: 'step', by })
  }

  /** Submits once the answers in flight are saved; resolves once it is done (or failed). */
  function submit(): Promise<void> {
    return dispatch({ type: 'submit', at: now() })
  }

  /** Time is up: submits with the answers already saved. */
  function timeUp(): Promise<void> {
    return dispatch({ type: 'deadline', at: now() })
  }

  /** Every answer on screen, saved or not, as the responses of a result file (`resultExport.ts`). */
  function onScreen(): SavedResponse[] {
    return onScreenResponses(session.value, now()).map(withCertainty)
  }

  const attempt = computed(() => session.value.attempt)
  const responses = computed(() => session.value.saved)
  const answers = computed(() => session.value.answers)
  const saveState = computed(() => session.value.saveState)
  const message = computed(() => session.value.message)
  const position = computed(() => session.value.position)
  const submitted = computed(() => session.value.attempt?.submittedAt != null)
  const submitting = computed(() => session.value.submit !== null)
  const marks = computed(() => slotMarks(session.value))
  const counts = computed(() => {
    const total = marks.value.length
    const answered = marks.value.filter((m) => m.answered).length
    return { total, answered, unanswered: total - answered, flagged: marks.value.filter((m) => m.flagged).length }
  })

  return {
    attempt, responses, answers, saveState, message, position, submitted, submitting, marks, counts, lockedOut,
    open, lookUp, answer, certaintyOf, setCertainty, toggleFlag, retry, go, step, submit, timeUp, onScreen,
  }
})
