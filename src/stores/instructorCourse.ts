import { courses, loadCourseItems, loadCourseVersions } from 'virtual:debrief/catalog'
import { sealedItemsByVersion } from '../db/sealedItems.ts'
import type { CourseItems } from '../domain/catalog.ts'
import { itemsByVersion, type InstructorCourse } from '../domain/importChecks.ts'
import type { VersionedItem } from '../domain/types.ts'
import { useStorageStore } from './storage.ts'

/**
 * The instructor's own copy of a course, to check imported attempts against (issue 12): its
 * blueprints, current items and the manifest of every version it published. The items and the
 * manifest load lazily, only on the import path. Throws (nothing is imported) when they cannot.
 * The items of sealed assessments are the full ones once this device has unlocked them
 * (stores/sealed.ts), else the stubs the course ships (an import that needs them is refused).
 */
export async function loadInstructorCourse(courseId: string): Promise<InstructorCourse> {
  const summary = courses.find((c) => c.id === courseId)
  const [items, manifest] = await Promise.all([loadInstructorItems(courseId), loadCourseVersions(courseId)])
  if (summary === undefined || items === undefined || manifest === undefined) {
    throw new Error('This course\'s questions could not be loaded, so no result file can be checked. Nothing was imported; reload the page and try again.')
  }
  return { id: courseId, blueprints: summary.blueprints, items: itemsByVersion(items.banks), manifest }
}

/** The course's banks and passages as the instructor sees them: unlocked sealed items in full (rules above). */
export async function loadInstructorItems(courseId: string): Promise<CourseItems | undefined> {
  const [items, sealed] = await Promise.all([loadCourseItems(courseId), sealedItemsByVersion(useStorageStore().database(), courseId)])
  if (items === undefined || sealed.size === 0) return items
  const full = (item: VersionedItem) => sealed.get(item.version) ?? item
  return { ...items, banks: items.banks.map((bank) => ({ ...bank, items: bank.items.map(full) })) }
}
