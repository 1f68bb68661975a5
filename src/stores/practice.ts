import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { addAttempt, commitResponse, commitSubmission, listResponses } from '../db/attempts.ts'
import { saveAnswer, submitAttempt } from '../domain/attempt.ts'
import { gradeResponse, type Grade } from '../domain/grading/index.ts'
import { nextPracticeSlot, startPractice } from '../domain/practice.ts'
import type { Answer, Attempt, Response, VersionedItem } from '../domain/types.ts'
import { useAttemptsStore } from './attempts.ts'
import { newId, now, randomSeed } from '../platform/clock.ts'
import { useCourseItemsStore } from './courseItems.ts'
import { useReviewStore } from './review.ts'
import { plainCopy } from '../platform/plainCopy.ts'
import { errorMessage } from '../app/errorMessage.ts'
import { useStorageStore } from './storage.ts'

/** One practice run through a lesson's bank: answer, check, see why, try again, move on. */
export const usePracticeStore = defineStore('practice', () => {
  const storage = useStorageStore()
  const attempt = shallowRef<Attempt>()
  const saved = shallowRef<Response[]>([])
  const index = ref(0)
  const draft = ref<Answer | null>(null)
  const grade = shallowRef<Grade>()
  const retrying = ref(false)
  const error = ref<string>()
  /** The check being saved; moving on waits for it, so a quick "Next" cannot close the run first. */
  let saving: Promise<void> = Promise.resolve()

  const slot = computed(() => attempt.value?.slots[index.value])
  const item = computed<VersionedItem | undefined>(() => (slot.value ? attempt.value?.snapshots[slot.value.version] : undefined))
  const finished = computed(() => attempt.value !== undefined && index.value >= attempt.value.slots.length)
  const firstTryScore = computed(() => {
    const items = attempt.value?.snapshots ?? {}
    let score = 0
    let max = 0
    for (const response of saved.value) {
      const snapshot = Object.values(items).find((i) => i.id === response.itemId)
      if (!snapshot || response.answer === null) continue
      const g = gradeResponse(snapshot, response.answer)
      score += g.score
      max += g.max
    }
    return { score, max, answered: saved.value.length }
  })

  function reset() {
    draft.value = null
    grade.value = undefined
    retrying.value = false
    error.value = undefined
  }

  /** Resumes the open practice run of this lesson, or starts a new one. */
  async function start(courseId: string, lessonId: string, learnerId: string, fresh = false): Promise<void> {
    const items = useCourseItemsStore()
    await items.load(courseId)
    const history = useAttemptsStore()
    let run = fresh ? undefined : history.attempts.find((a) => a.mode === 'practice' && a.sourceId === lessonId && a.submittedAt === null)
    if (!run) {
      const bank = items.banks.find((b) => b.lesson === lessonId)
      if (!bank) throw new Error('This lesson has no practice questions yet.')
      run = startPractice({ courseId, lessonId, learnerId, items: bank.items, attemptId: newId(), seed: randomSeed(), now: now() })
      await addAttempt(storage.database(), run)
      history.remember(run, [])
    }
    attempt.value = run
    saved.value = await listResponses(storage.database(), run.id)
    index.value = nextPracticeSlot(run, new Set(saved.value.map((r) => r.itemId)))
    reset()
  }

  /**
   * Grades the draft and shows feedback. The first check of an item is saved (it is the
   * evidence for mastery and the review schedule); a retry is graded but not saved.
   */
  function check(): Promise<void> {
    saving = saveCheck()
    return saving
  }

  async function saveCheck(): Promise<void> {
    const run = attempt.value
    const current = item.value
    if (!run || !current) return
    const result = gradeResponse(current, draft.value)
    grade.value = result
    if (retrying.value || saved.value.some((r) => r.itemId === current.id)) return
    const write = saveAnswer(undefined, plainCopy(draft.value), now(), run, current.id)
    if (!write.ok) return
    try {
      await commitResponse(storage.database(), write.response)
      saved.value = [...saved.value, write.response]
      useAttemptsStore().remember(run, saved.value)
      await useReviewStore().record([{ itemId: current.id, grade: result, firstTry: true }])
    } catch (e) {
      storage.noteProblem(e)
      error.value = errorMessage(e)
    }
  }

  function tryAgain() {
    grade.value = undefined
    retrying.value = true
  }

  /** Moves to the next item; after the last one the run is closed. */
  async function next(): Promise<void> {
    await saving.catch(() => undefined)
    index.value += 1
    reset()
    if (finished.value && attempt.value && attempt.value.submittedAt === null) {
      try {
        const closed = await commitSubmission(storage.database(), submitAttempt(attempt.value, now(), 'learner'))
        attempt.value = closed
        useAttemptsStore().remember(closed, saved.value)
      } catch (e) {
        storage.noteProblem(e)
        error.value = errorMessage(e)
      }
    }
  }

  return { attempt, index, slot, item, draft, grade, retrying, error, finished, firstTryScore, start, check, tryAgain, next }
})
