import { useGradingEngine } from '../composables/useGradingEngine.ts'
import { snapshotOf } from '../domain/own.ts'
import { useAttemptsStore } from '../stores/attempts.ts'
import { useLearnerStore } from '../stores/learner.ts'
import { useProgressStore } from '../stores/progress.ts'
import { useReviewStore } from '../stores/review.ts'

/**
 * The router's data loader for a course's pages: reads everything the active learner has in the
 * course from IndexedDB before a page of it renders (so no page starts empty), and submits any
 * attempt whose time ran out while the app was closed, with the answers saved before the
 * deadline (their items are then rescheduled for review, as after any submission).
 */
export async function loadLearnerCourse(courseId: string): Promise<void> {
  const learnerId = useLearnerStore().activeId
  if (!learnerId) return
  const attempts = useAttemptsStore()
  const review = useReviewStore()
  await Promise.all([useProgressStore().load(learnerId, courseId), attempts.load(learnerId, courseId), review.load(learnerId, courseId)])
  const submitted = await attempts.submitOverdue()
  if (submitted.length === 0) return
  const { gradeAttempt } = await useGradingEngine().ready
  await review.record(
    submitted.flatMap((a) => {
      // A sealed assessment awaiting release is not graded here, so it schedules nothing.
      const ready = attempts.gradableFor(a, attempts.responses.get(a.id) ?? [])
      if (ready === undefined) return []
      return gradeAttempt(ready.attempt, ready.responses)
        // Items reserved for a sealed assessment are never practised, so never scheduled for review.
        .perItem.filter((r) => r.response !== null && snapshotOf(ready.attempt, r.version)?.sealed !== true)
        .map((r) => ({ itemId: r.itemId, grade: r.grade }))
    }),
  )
}
