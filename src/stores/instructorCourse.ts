import { courses, loadCourseItems, loadCourseVersions } from 'virtual:debrief/catalog'
import { itemsByVersion, type InstructorCourse } from '../domain/importChecks.ts'

/**
 * The instructor's own copy of a course, to check imported attempts against (issue 12): its
 * blueprints, current items and the manifest of every version it published. The items and the
 * manifest load lazily, only on the import path. Throws (nothing is imported) when they cannot.
 */
export async function loadInstructorCourse(courseId: string): Promise<InstructorCourse> {
  const summary = courses.find((c) => c.id === courseId)
  const [items, manifest] = await Promise.all([loadCourseItems(courseId), loadCourseVersions(courseId)])
  if (summary === undefined || items === undefined || manifest === undefined) {
    throw new Error('This course\'s questions could not be loaded, so no result file can be checked. Nothing was imported; reload the page and try again.')
  }
  return { id: courseId, blueprints: summary.blueprints, items: itemsByVersion(items.banks), manifest }
}
