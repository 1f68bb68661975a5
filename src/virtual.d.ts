declare module 'virtual:debrief/catalog' {
  export const courses: import('./domain/catalog.ts').CourseSummary[]
  export function loadLessonBody(courseId: string, lessonId: string): Promise<import('./domain/catalog.ts').LessonBody | undefined>
  export function loadCourseVersions(courseId: string): Promise<import('./domain/versionManifest.ts').VersionManifest | undefined>
  export function loadCourseItems(courseId: string): Promise<import('./domain/catalog.ts').CourseItems | undefined>
}
