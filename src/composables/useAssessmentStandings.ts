import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import type { CourseSummary } from '../domain/catalog.ts'
import { assessmentStandings } from '../domain/courseProgress.ts'
import { useAttemptsStore } from '../stores/attempts.ts'

/** Attempts used and the counting grade of each of a course's assessments, for the active learner. */
export function useAssessmentStandings(course: MaybeRefOrGetter<CourseSummary | undefined>) {
  const attempts = useAttemptsStore()
  return computed(() =>
    assessmentStandings(
      toValue(course)?.blueprints ?? [],
      (id) => attempts.attemptsAt(id).length,
      (id) => attempts.finalFor(id),
    ),
  )
}
