import { useGradingEngine } from '../composables/useGradingEngine.ts'
import { showedStubs } from '../stores/sealedStubs.ts'
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
    // A sealed assessment's items (stubs here) are never practised, so nothing of it is scheduled.
    submitted.filter((a) => !showedStubs(a)).flatMap((a) =>
      gradeAttempt(a, attempts.responses.get(a.id) ?? [])
        .perItem.filter((r) => r.response !== null)
        .map((r) => ({ itemId: r.itemId, grade: r.grade, certainty: r.response?.certainty })),
    ),
  )
}
