import { useAttemptsStore } from './attempts.ts'
import { useLearnerStore } from './learner.ts'
import { useProgressStore } from './progress.ts'
import { useReviewStore } from './review.ts'
import { useStorageStore } from './storage.ts'

/**
 * Reads everything the active learner has in a course from IndexedDB before a page of it
 * renders (so no page starts empty), and submits any attempt whose time ran out while the
 * app was closed, with the answers saved before the deadline.
 */
export async function loadLearnerCourse(courseId: string): Promise<void> {
  const learnerId = useLearnerStore().activeId
  if (!learnerId) return
  const attempts = useAttemptsStore()
  // Instructors' grades and comments on free text, so the learner sees them with their results.
  const manualGrades = async (ids: string[]) => (await import('../db/grading.ts')).listManualGradesFor(useStorageStore().database(), ids)
  await Promise.all([useProgressStore().load(learnerId, courseId), attempts.load(learnerId, courseId, manualGrades), useReviewStore().load(learnerId, courseId)])
  const submitted = await attempts.submitOverdue()
  if (submitted.length > 0) {
    const { gradeAttempt } = await import('../domain/learnerEngine.ts')
    await useReviewStore().record(
      submitted.flatMap((a) =>
        gradeAttempt(a, attempts.responses.get(a.id) ?? [])
          .perItem.filter((r) => r.response !== null)
          .map((r) => ({ itemId: r.itemId, grade: r.grade })),
      ),
    )
  }
}
