/**
 * What an LMS package says about itself (issue 15, docs/lms-packages.md): its title and
 * description, the identifier its manifest uses, and the pass mark the LMS is told.
 *
 * - A blueprint package holds one assessment: its title, description and pass mark.
 * - A course package holds the whole course. It has one pass mark only when the course has exactly
 *   one `kind: final` blueprint (the assessment that decides the course); otherwise the manifest
 *   names no pass mark, rather than pick one quiz's mark and call it the course's.
 * - Sealed (docs/sealed-assessments.md): the learner's device cannot grade the assessment that
 *   carries the pass mark until the learner enters a release code, so the LMS gets that score only
 *   then. The manifest stays true (the pass mark is the pass mark); the package script warns.
 */
import type { Blueprint, Course } from '../types.ts'
import { LMS_KINDS, type LmsKind, type LmsTarget } from './target.ts'

export interface PackageInfo {
  kind: LmsKind
  courseId: string
  /** Set for a blueprint package. */
  blueprintId?: string
  /** What the LMS shows as the activity's name. */
  title: string
  description: string
  /** The course's own title (cmi5's course element). */
  courseTitle: string
  courseDescription: string
  /** A fraction 0..1, when the package has one pass mark. */
  passMark?: number
  /** Title of the sealed assessment whose score the LMS gets only after a release code. */
  sealedTitle?: string
  /** An XML ID (NCName) naming the package: `debrief-<course>[-<blueprint>]`. */
  identifier: string
}

export type PackageInfoResult = { ok: true; info: PackageInfo } | { ok: false; error: string }

function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ')
}

/** The one blueprint that decides a course package's pass mark: the course's only `kind: final`. */
export function courseFinal(course: Pick<Course, 'blueprints'>): Blueprint | undefined {
  const finals = course.blueprints.filter((b) => b.kind === 'final')
  return finals.length === 1 ? finals[0] : undefined
}

/**
 * The blueprint whose grade a package reports to the LMS: its own, or for a course package the
 * course's only `kind: final` (the one its manifest's mastery score comes from); none otherwise.
 */
export function reportedBlueprintId(target: Pick<LmsTarget, 'blueprintId'>, course: Pick<Course, 'blueprints'> | undefined): string | undefined {
  return target.blueprintId ?? (course === undefined ? undefined : courseFinal(course)?.id)
}

/**
 * The package of `courseId` (and `blueprintId`, when given) in `format`, or a plain error that
 * lists the valid choices. Content ids are `[a-z][a-z0-9-]*`, so the identifier is a valid XML ID.
 */
export function packageInfo(courses: readonly Course[], courseId: string, blueprintId: string | undefined, format: string): PackageInfoResult {
  if (!(LMS_KINDS as readonly string[]).includes(format)) {
    return { ok: false, error: `The format "${format}" is not one Debrief packages. Use --format with one of: ${LMS_KINDS.join(', ')}.` }
  }
  const kind = format as LmsKind
  const course = courses.find((c) => c.id === courseId)
  if (course === undefined) {
    return { ok: false, error: `There is no course "${courseId}". Use --course with one of: ${list(courses.map((c) => c.id))}.` }
  }
  const base = { kind, courseId, courseTitle: course.title, courseDescription: course.summary }
  if (blueprintId === undefined) {
    const final = courseFinal(course)
    const info: PackageInfo = { ...base, title: course.title, description: course.summary, identifier: `debrief-${course.id}` }
    if (final !== undefined) {
      info.passMark = final.passMark
      if (final.sealed === true) info.sealedTitle = final.title
    }
    return { ok: true, info }
  }
  const blueprint = course.blueprints.find((b) => b.id === blueprintId)
  if (blueprint === undefined) {
    return { ok: false, error: `The course "${courseId}" has no blueprint "${blueprintId}". Use --blueprint with one of: ${list(course.blueprints.map((b) => b.id))}, or leave it out to package the whole course.` }
  }
  const info: PackageInfo = {
    ...base,
    blueprintId: blueprint.id,
    title: blueprint.title,
    description: blueprint.description ?? `${blueprint.title} (${course.title})`,
    passMark: blueprint.passMark,
    identifier: `debrief-${course.id}-${blueprint.id}`,
  }
  if (blueprint.sealed === true) info.sealedTitle = blueprint.title
  return { ok: true, info }
}

/** The default file name: `<course>[-<blueprint>]-<format>.zip`. */
export function packageFileName(info: Pick<PackageInfo, 'kind' | 'courseId' | 'blueprintId'>): string {
  return `${info.courseId}${info.blueprintId === undefined ? '' : `-${info.blueprintId}`}-${info.kind}.zip`
}

/** The plain warning the package script prints for a sealed assessment, undefined otherwise. */
export function sealedWarning(info: Pick<PackageInfo, 'sealedTitle'>): string | undefined {
  if (info.sealedTitle === undefined) return undefined
  return (
    `Warning: "${info.sealedTitle}" is sealed. The LMS gets its score only after the learner enters the release code ` +
    'you give out once results are released (docs/sealed-assessments.md); until then the LMS has no score for it.'
  )
}
