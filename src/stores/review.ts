import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { listReviewCards, putReviewCards } from '../db/review.ts'
import type { Grade } from '../domain/grading/index.ts'
import type { ReviewCard } from '../domain/schedule.ts'
import { now } from '../platform/clock.ts'
import { useStorageStore } from './storage.ts'

export interface GradedItem {
  itemId: string
  grade: Pick<Grade, 'state' | 'score' | 'max'>
  firstTry?: boolean
  /** How sure the learner said they were (certainty on only): feeds the rating (schedule.ts). */
  certainty?: 1 | 2 | 3
}

/** The learner's FSRS review schedule in one course. */
export const useReviewStore = defineStore('review', () => {
  const storage = useStorageStore()
  const cards = shallowRef<Record<string, ReviewCard>>({})
  const key = ref<{ learnerId: string; courseId: string }>()
  const checkedAt = ref(0)

  async function load(learnerId: string, courseId: string) {
    cards.value = await listReviewCards(storage.database(), learnerId, courseId)
    key.value = { learnerId, courseId }
    checkedAt.value = now()
  }

  /** Ids of items due now, most overdue first. Cheap: no FSRS code is needed to read due dates. */
  const due = computed(() =>
    Object.entries(cards.value)
      .filter(([, card]) => card.due <= checkedAt.value)
      .sort(([a, x], [b, y]) => x.due - y.due || a.localeCompare(b))
      .map(([id]) => id),
  )

  function refresh() {
    checkedAt.value = now()
  }

  /**
   * Reschedules graded items with FSRS: a missed item comes back soon, a known one later.
   * The scheduler (ts-fsrs) is loaded only when first needed.
   */
  async function record(graded: readonly GradedItem[]): Promise<void> {
    if (!key.value || graded.length === 0) return
    const { scheduleReview } = await import('../domain/schedule.ts')
    const at = new Date(now())
    const next: Record<string, ReviewCard> = {}
    for (const { itemId, grade, firstTry, certainty } of graded) next[itemId] = scheduleReview(cards.value[itemId], grade, at, { firstTry, certainty })
    await putReviewCards(storage.database(), key.value.learnerId, key.value.courseId, next)
    cards.value = { ...cards.value, ...next }
    checkedAt.value = now()
  }

  return { cards, due, load, refresh, record }
})
