declare module 'virtual:debrief/catalog' {
  export const courses: import('./domain/catalog.ts').CourseSummary[]
  export function loadLessonBody(courseId: string, lessonId: string): Promise<import('./domain/catalog.ts').LessonBody | undefined>
  export function loadCourseVersions(courseId: string): Promise<import('./domain/versionManifest.ts').VersionManifest | undefined>
  /** The URL of the course's sealed-assessment key file (docs/sealed-assessments.md); undefined when nothing is sealed. */
  export function sealedKeyFileUrl(courseId: string): string | undefined
  export function loadCourseItems(courseId: string): Promise<import('./domain/catalog.ts').CourseItems | undefined>
}

declare module 'virtual:debrief/details' {
  /** Each course's details (summaries, objectives' text) by course id. */
  export const details: Record<string, import('./domain/catalog.ts').CourseDetails>
}

/**
 * The LMS a package build is for (src/domain/lms/target.ts), null in the web build: a compile-time
 * constant (vite.config.ts `define`), so `if (__DEBRIEF_LMS__)` branches drop out of the web build.
 * Use it directly where web code calls LMS code; the bundler does not fold it through an import.
 */
declare const __DEBRIEF_LMS__: import('./domain/lms/target.ts').LmsTarget | null
