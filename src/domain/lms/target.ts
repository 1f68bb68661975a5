/**
 * Which LMS a build is packaged for (issue 15, docs/lms.md). A normal build is for the web: no LMS,
 * an offline PWA. A package build (`npm run package`) sets DEBRIEF_LMS, DEBRIEF_LMS_COURSE and
 * optionally DEBRIEF_LMS_BLUEPRINT; vite.config.ts reads them with `lmsTargetFromEnv` and compiles
 * the result into the app as `__DEBRIEF_LMS__`, so a web build carries no LMS code at all.
 */
export const LMS_KINDS = ['scorm12', 'scorm2004', 'cmi5'] as const
export type LmsKind = (typeof LMS_KINDS)[number]

export interface LmsTarget {
  kind: LmsKind
  /** The course the package holds. */
  courseId: string
  /** Set when the package is one blueprint (one assessment) rather than the whole course. */
  blueprintId?: string
}

export function isLmsKind(value: unknown): value is LmsKind {
  return typeof value === 'string' && (LMS_KINDS as readonly string[]).includes(value)
}

/** The target named by the environment, undefined for a web build; a clear error for a bad one. */
export function lmsTargetFromEnv(env: Readonly<Record<string, string | undefined>>): LmsTarget | undefined {
  const kind = env.DEBRIEF_LMS
  if (kind === undefined || kind === '') return undefined
  if (!isLmsKind(kind)) throw new Error(`DEBRIEF_LMS is "${kind}": use one of ${LMS_KINDS.join(', ')}, or leave it unset for the web build.`)
  const courseId = env.DEBRIEF_LMS_COURSE
  if (courseId === undefined || courseId === '') throw new Error('DEBRIEF_LMS is set but DEBRIEF_LMS_COURSE is not: name the course the package holds.')
  const blueprintId = env.DEBRIEF_LMS_BLUEPRINT
  return blueprintId ? { kind, courseId, blueprintId } : { kind, courseId }
}
