/** The two kinds of check session: where their items come from and the rules they keep. */
import { PRACTICE_RULES, REVIEW_RULES, REVIEW_SOURCE } from '../domain/checkSession.ts'
import { startPractice } from '../domain/practice.ts'
import type { Attempt, VersionedItem } from '../domain/types.ts'
import { listResponses } from '../db/attempts.ts'
import { useAttemptsStore } from '../stores/attempts.ts'
import type { CheckSessionOptions } from '../stores/checkSession.ts'
import { newId, now, randomSeed } from '../platform/clock.ts'
import { useCourseItemsStore } from '../stores/courseItems.ts'
import { useReviewStore } from '../stores/review.ts'
import { useStorageStore } from '../stores/storage.ts'

function newRun(courseId: string, sourceId: string, learnerId: string, items: readonly VersionedItem[]): Attempt {
  return startPractice({ courseId, lessonId: sourceId, learnerId, items, attemptId: newId(), seed: randomSeed(), now: now() })
}

/** Every item of a lesson's bank in a seeded order; an unfinished run is resumed unless `fresh`. */
export function practiceSession(courseId: string, lessonId: string): CheckSessionOptions {
  return {
    ...PRACTICE_RULES,
    lazyAttempt: false,
    async load(learnerId, fresh) {
      const items = useCourseItemsStore()
      await items.load(courseId)
      const open = fresh
        ? undefined
        : useAttemptsStore().attempts.find((a) => a.mode === 'practice' && a.sourceId === lessonId && a.submittedAt === null)
      const queueOf = (run: Attempt) => run.slots.map((s) => s.itemId)
      if (open) return { attempt: open, stored: true, queue: queueOf(open), saved: await listResponses(useStorageStore().database(), open.id) }
      const bank = items.banks.find((b) => b.lesson === lessonId)
      if (!bank) throw new Error('This lesson has no practice questions yet.')
      const run = newRun(courseId, lessonId, learnerId, bank.items)
      return { attempt: run, stored: false, queue: queueOf(run), saved: [] }
    },
  }
}

/** The items due now, most overdue first; their answers go in a practice attempt (source 'review'). */
export function reviewSession(courseId: string): CheckSessionOptions {
  return {
    ...REVIEW_RULES,
    lazyAttempt: true,
    async load(learnerId) {
      const items = useCourseItemsStore()
      await items.load(courseId)
      const review = useReviewStore()
      review.refresh()
      const due = review.due.map((id) => items.items.get(id)).filter((i): i is VersionedItem => i !== undefined)
      // Built now so option orders are fixed from the first view.
      const attempt = due.length > 0 ? newRun(courseId, REVIEW_SOURCE, learnerId, due) : undefined
      return { attempt, stored: false, queue: due.map((i) => i.id), saved: [] }
    },
  }
}
