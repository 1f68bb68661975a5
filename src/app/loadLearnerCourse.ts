import { listManualGradesFor } from '../db/attempts.ts'
import { useAttemptsStore } from '../stores/attempts.ts'
import { useLearnerStore } from '../stores/learner.ts'
import { useProgressStore } from '../stores/progress.ts'
import { useStorageStore } from '../stores/storage.ts'

/**
 * Reads everything the active learner has in a course from IndexedDB before a page of it
 * renders (so no page starts empty), and submits any attempt whose time ran out while the
 * app was closed, with the answers saved before the deadline.
 */
export async function loadLearnerCourse(courseId: string, options: { deferEngine?: boolean } = {}): Promise<void> {
  const learnerId = useLearnerStore().activeId
  if (!learnerId) return
  const attempts = useAttemptsStore()
  // Instructors' grades and comments on free text, so the learner sees them with their results.
  const manualGrades = async (ids: string[]) => listManualGradesFor(useStorageStore().database(), ids)
  // The review schedule is for the course pages, not the page taking an assessment.
  const review = options.deferEngine ? undefined : (await import('../stores/review.ts')).useReviewStore()
  await Promise.all([useProgressStore().load(learnerId, courseId), attempts.load(learnerId, courseId, manualGrades, options), review?.load(learnerId, courseId)])
  const submitted = await attempts.submitOverdue()
  if (submitted.length > 0) {
    const { gradeAttempt } = await import('../domain/attemptGrading.ts')
    const { useReviewStore } = await import('../stores/review.ts')
    await useReviewStore().record(
      submitted.flatMap((a) =>
        gradeAttempt(a, attempts.responses.get(a.id) ?? [])
          .perItem.filter((r) => r.response !== null)
          .map((r) => ({ itemId: r.itemId, grade: r.grade })),
      ),
    )
  }
}
