import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { courses } from 'virtual:debrief/catalog'
import { details } from 'virtual:debrief/details'
import { withDetails } from '../domain/catalog.ts'

/**
 * The course for an id with its details (summaries, objectives' text), for the pages that show
 * them; undefined when no such course. Importing this file puts the details module in the
 * importing page's chunks, fetched together with them: nothing waits on a further request.
 * The assessment page uses `useCourse` instead (tests/unit/build/assessmentGraph.test.ts).
 */
export function useCourseWithDetails(courseId: MaybeRefOrGetter<string>) {
  return computed(() => {
    const id = toValue(courseId)
    const course = courses.find((c) => c.id === id)
    return course && withDetails(course, details[id])
  })
}

/** Every course with its details (the course list). */
export function coursesWithDetails() {
  return courses.map((c) => withDetails(c, details[c.id]))
}
