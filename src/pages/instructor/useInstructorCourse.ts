import { computed, ref, shallowRef } from 'vue'
import { errorMessage } from '../../app/errorMessage.ts'
import { useBusy } from '../../composables/useBusy.ts'
import { useCourseWithDetails } from '../../composables/useCourseDetails.ts'
import type { CourseItems } from '../../domain/catalog.ts'
import { assessmentInfo, type AssessmentInfo } from '../../domain/blueprints.ts'
import { splitFlagged, type FlaggedAttempt } from '../../domain/flaggedAttempts.ts'
import type { GradebookInput } from '../../domain/gradebook.ts'
import { useInstructorStore } from '../../stores/instructor.ts'
import { loadInstructorItems } from '../../stores/instructorCourse.ts'

/**
 * What every instructor page needs of a course: its assessments, objective texts and the
 * records from the instructor store, loaded on `refresh()`; `run(action)` for the page's own
 * actions. Failures of either land in `error` in friendly words (see useBusy).
 */
export function useInstructorCourse(courseId: () => string) {
  const store = useInstructorStore()
  const course = useCourseWithDetails(courseId)
  const { busy, error, run } = useBusy()
  const loaded = ref(false)
  const items = shallowRef<CourseItems>()

  const assessments = computed((): AssessmentInfo[] => (course.value?.blueprints ?? []).map(assessmentInfo))
  const objectiveText = computed(() => new Map((course.value?.lessons ?? []).flatMap((l) => l.objectives.map((o) => [o.id, o.text] as const))))
  /** Every attempt, and apart from them the flagged ones (shown with their reasons, never counted). */
  const split = computed(() => {
    const records = store.records
    if (records === undefined || store.courseId !== courseId()) return undefined
    const all: GradebookInput = { learners: records.learners, assessments: assessments.value, attempts: records.attempts, responses: records.responses, manualGrades: records.manualGrades }
    return splitFlagged(all, records.importFlags)
  })
  /** What counts: the course's records without flagged attempts. */
  const input = computed((): GradebookInput | undefined => split.value?.counted)
  const flagged = computed((): FlaggedAttempt[] => split.value?.flagged ?? [])

  async function refresh(force = false): Promise<void> {
    await run(async () => {
      await store.load(courseId(), force)
      loaded.value = true
    })
  }

  /**
   * The course's current banks and passages (for reviews and regrades; sealed items in full once
   * unlocked here, stores/instructorCourse.ts); undefined, with the
   * reason in `error`, when they cannot be loaded. Leaves an earlier error in place.
   */
  async function loadItems(): Promise<CourseItems | undefined> {
    try {
      items.value ??= await loadInstructorItems(courseId())
    } catch (e) {
      error.value = errorMessage(e)
    }
    return items.value
  }

  return { store, course, assessments, objectiveText, input, flagged, busy, error, run, loaded, items, refresh, loadItems }
}
