import { defineStore } from 'pinia'
import { errorMessage } from '../app/errorMessage.ts'
import { now } from '../platform/clock.ts'
import { computed, ref, shallowRef, toRaw } from 'vue'
import { addAttempt, commitResponse, commitSubmission } from '../db/attempts.ts'
import { saveAnswer, submitAttempt } from '../domain/attempt.ts'
import * as rules from '../domain/checkSession.ts'
import type { Certainty } from '../domain/certainty.ts'
import type { Answer, Attempt, SavedResponse, VersionedItem } from '../domain/types.ts'
import { useAttemptsStore } from './attempts.ts'
import { useCourseItemsStore } from './courseItems.ts'
import { useReviewStore } from './review.ts'
import { useStorageStore } from './storage.ts'
import { snapshotOf } from '../domain/own.ts'
import { lrsWanted } from '../app/lrsFile.ts'

/** A run ready to be asked: the attempt that keeps its answers and the items in order. */
export interface CheckRun {
  /** Undefined when there is nothing to ask. */
  attempt?: Attempt
  /** The attempt is in the database already (a resumed run). */
  stored: boolean
  /** Item ids in the order asked. */
  queue: string[]
  /** Tries this attempt saved before. */
  saved: SavedResponse[]
}

export interface CheckSessionOptions extends rules.CheckRules {
  /** Write a new attempt only at the first check, so opening the page and leaving writes nothing. */
  lazyAttempt: boolean
  /** Loads the course's items and resumes or builds the run. */
  load(learnerId: string, fresh: boolean): Promise<CheckRun>
}

/**
 * The check session on screen, practice or review (`checkRuns.ts` gives their options): runs the
 * rules of `domain/checkSession.ts` and writes what they say to save, record and close.
 */
export const useCheckSessionStore = defineStore('checkSession', () => {
  const storage = useStorageStore()
  const session = shallowRef<rules.CheckSession>(rules.openSession(rules.PRACTICE_RULES, []))
  const attempt = shallowRef<Attempt>()
  const saved = shallowRef<SavedResponse[]>([])
  const draft = ref<Answer | null>(null)
  /** How sure the learner says they are of the draft (only asked with the course's practiceCertainty). */
  const certainty = ref<Certainty>()
  const error = ref<string>()
  /** The run's attempt is in the database (a lazy one is written at the first saved check). */
  let written = false
  /** The check being saved; moving on waits for it, so a quick "Next" cannot close the run first. */
  let saving: Promise<void> = Promise.resolve()

  const index = computed(() => session.value.index)
  const total = computed(() => session.value.queue.length)
  const grade = computed(() => session.value.grade)
  const results = computed(() => session.value.results)
  const finished = computed(() => attempt.value === undefined || rules.isFinished(session.value))
  const isLast = computed(() => rules.isLastItem(session.value))
  const namesCorrect = computed(() => rules.namesCorrectAnswer(session.value))
  const canTryAgain = computed(() => session.value.rules.allowTryAgain)
  const slot = computed(() => attempt.value?.slots.find((s) => s.itemId === rules.currentItemId(session.value)))
  const item = computed<VersionedItem | undefined>(() => (slot.value ? (attempt.value ? snapshotOf(attempt.value, slot.value.version) : undefined) : undefined))
  const score = computed(() => (attempt.value ? rules.practiceScore(attempt.value, saved.value) : { score: 0, max: 0, answered: 0 }))
  const outlook = computed(() => {
    const items = useCourseItemsStore().items
    const review = useReviewStore()
    return rules.reviewOutlook(review.cards, review.due, (id) => items.has(id))
  })

  /** Opens a session: resumes or builds its run, and writes a new attempt unless it is lazy. */
  async function start(options: CheckSessionOptions, learnerId: string, fresh = false): Promise<void> {
    const run = await options.load(learnerId, fresh)
    attempt.value = run.attempt
    saved.value = run.saved
    written = run.stored
    session.value = rules.openSession({ saveEvery: options.saveEvery, allowTryAgain: options.allowTryAgain }, run.queue, run.saved.map((r) => r.itemId))
    draft.value = null
    certainty.value = undefined
    error.value = undefined
    if (run.attempt && !options.lazyAttempt) await writeAttempt(run.attempt)
  }

  async function writeAttempt(run: Attempt): Promise<void> {
    if (written) return
    await addAttempt(storage.database(), run)
    written = true
    useAttemptsStore().remember(run, saved.value)
  }

  /** Grades the draft and shows feedback; saves the try and reschedules its item when the rules say so. */
  function check(): Promise<void> {
    saving = saveCheck()
    return saving
  }

  async function saveCheck(): Promise<void> {
    const run = attempt.value
    const current = item.value
    if (!run || !current) return
    // The try as it was when checked, not the reactive draft the learner may change next.
    const answer = toRaw(draft.value)
    const sure = certainty.value
    const outcome = rules.checkAnswer(session.value, current, answer)
    session.value = outcome.session
    if (!outcome.grade || !outcome.save) return
    try {
      await writeAttempt(run)
      const write = saveAnswer(undefined, answer, now(), run, current.id)
      if (!write.ok) return
      // The certainty goes in the same commit as the try it belongs to.
      const response: SavedResponse = sure === undefined ? write.response : { ...write.response, certainty: sure }
      // The statement's code loads only when an LRS is wanted (src/app/practiceOutbox.ts).
      const rows = (await lrsWanted()) ? await import('../app/practiceOutbox.ts').then((m) => m.checkRowsFor(run, current, outcome.grade!, response), () => []) : []
      await commitResponse(storage.database(), response, rows)
      saved.value = [...saved.value, response]
      useAttemptsStore().remember(run, saved.value)
      await useReviewStore().record([{ itemId: current.id, grade: outcome.grade, firstTry: outcome.firstTry, certainty: sure }])
    } catch (e) {
      storage.noteProblem(e)
      error.value = errorMessage(e)
    }
  }

  /** Clears the feedback for another go at the same item (practice). */
  function tryAgain() {
    session.value = rules.tryAgain(session.value)
  }

  /** Moves to the next item; after the last one the run's attempt is closed. */
  async function next(): Promise<void> {
    await saving.catch(() => undefined)
    const moved = rules.moveOn(session.value)
    session.value = moved.session
    draft.value = null
    certainty.value = undefined
    error.value = undefined
    const run = attempt.value
    if (!moved.close || !run || !written || run.submittedAt !== null) return
    try {
      const closed = await commitSubmission(storage.database(), submitAttempt(run, now(), 'learner'))
      attempt.value = closed
      useAttemptsStore().remember(closed, saved.value)
    } catch (e) {
      storage.noteProblem(e)
      error.value = errorMessage(e)
    }
  }

  return {
    attempt, index, total, slot, item, draft, certainty, grade, results, error, finished, isLast, namesCorrect, canTryAgain, score, outlook,
    start, check, tryAgain, next,
  }
})
