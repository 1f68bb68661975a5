import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { addAttempt, commitResponse, commitSubmission } from '../db/attempts.ts'
import { saveAnswer, submitAttempt } from '../domain/attempt.ts'
import { gradeResponse, type Grade, type GradeState } from '../domain/grading/index.ts'
import { startPractice } from '../domain/practice.ts'
import type { Answer, Attempt, Response, VersionedItem } from '../domain/types.ts'
import { useAttemptsStore } from './attempts.ts'
import { newId, now, randomSeed } from '../platform/clock.ts'
import { useCourseItemsStore } from './courseItems.ts'
import { plainCopy } from '../platform/plainCopy.ts'
import { useReviewStore } from './review.ts'
import { errorMessage } from '../app/errorMessage.ts'
import { useStorageStore } from './storage.ts'

/** The source id of the practice attempt that records one review session's answers. */
export const REVIEW_SOURCE = 'review'

/**
 * One review session: the items due when it opened, one at a time. Each checked answer
 * reschedules its card and is saved in a practice attempt (source 'review'), so reviews are
 * mastery evidence like any practice. The attempt is written at the first check, so opening
 * the page and leaving writes nothing.
 */
export const useReviewSessionStore = defineStore('reviewSession', () => {
  const storage = useStorageStore()
  const queue = ref<string[]>([])
  const index = ref(0)
  const draft = ref<Answer | null>(null)
  const grade = shallowRef<Grade>()
  const error = ref<string>()
  const attempt = shallowRef<Attempt>()
  const saved = shallowRef<Response[]>([])
  let persisted = false
  /** The check being saved; moving on waits for it, so the session cannot close first. */
  let saving: Promise<void> = Promise.resolve()
  /** The state of each item checked in this session, in order. */
  const results = shallowRef<GradeState[]>([])

  const item = computed<VersionedItem | undefined>(() => {
    const id = queue.value[index.value]
    return id === undefined ? undefined : useCourseItemsStore().items.get(id)
  })
  /** The option order the session's attempt fixed for the current item. */
  const order = computed(() => attempt.value?.slots.find((s) => s.itemId === item.value?.id)?.order)
  const finished = computed(() => index.value >= queue.value.length)

  /** Loads the items and takes the ones due now, most overdue first, as this session's queue. */
  async function start(courseId: string, learnerId: string): Promise<void> {
    const items = useCourseItemsStore()
    await items.load(courseId)
    const review = useReviewStore()
    review.refresh()
    const due = review.due.map((id) => items.items.get(id)).filter((i): i is VersionedItem => i !== undefined)
    queue.value = due.map((i) => i.id)
    index.value = 0
    draft.value = null
    grade.value = undefined
    error.value = undefined
    saved.value = []
    results.value = []
    persisted = false
    // Built now so option orders are fixed from the first view; written at the first check.
    attempt.value =
      due.length > 0
        ? startPractice({ courseId, lessonId: REVIEW_SOURCE, learnerId, items: due, attemptId: newId(), seed: randomSeed(), now: now() })
        : undefined
  }

  async function ensureSaved(run: Attempt): Promise<void> {
    if (persisted) return
    await addAttempt(storage.database(), run)
    persisted = true
    useAttemptsStore().remember(run, [])
  }

  /** Grades the draft, shows feedback, saves the answer and reschedules the item. */
  function check(): Promise<void> {
    saving = saveCheck()
    return saving
  }

  async function saveCheck(): Promise<void> {
    const current = item.value
    const run = attempt.value
    if (!current || !run || grade.value) return
    const result = gradeResponse(current, draft.value)
    grade.value = result
    results.value = [...results.value, result.state]
    try {
      await ensureSaved(run)
      const write = saveAnswer(undefined, plainCopy(draft.value), now(), run, current.id)
      if (write.ok) {
        await commitResponse(storage.database(), write.response)
        saved.value = [...saved.value, write.response]
        useAttemptsStore().remember(run, saved.value)
      }
      await useReviewStore().record([{ itemId: current.id, grade: result }])
    } catch (e) {
      storage.noteProblem(e)
      error.value = errorMessage(e)
    }
  }

  /** Moves on; after the last item the session's attempt is closed. */
  async function next(): Promise<void> {
    await saving.catch(() => undefined)
    index.value += 1
    draft.value = null
    grade.value = undefined
    error.value = undefined
    const run = attempt.value
    if (!finished.value || !run || !persisted || run.submittedAt !== null) return
    try {
      const closed = await commitSubmission(storage.database(), submitAttempt(run, now(), 'learner'))
      attempt.value = closed
      useAttemptsStore().remember(closed, saved.value)
    } catch (e) {
      storage.noteProblem(e)
      error.value = errorMessage(e)
    }
  }

  return { queue, index, item, order, draft, grade, error, finished, results, start, check, next }
})
