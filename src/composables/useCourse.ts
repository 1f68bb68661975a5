import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { courses } from 'virtual:debrief/catalog'

/** The course summary for an id (undefined when no such course). */
export function useCourse(courseId: MaybeRefOrGetter<string>) {
  return computed(() => courses.find((c) => c.id === toValue(courseId)))
}
