/**
 * The IRIs of Debrief's xAPI statements: ADL verbs, activity types, and every activity and
 * extension under one configured base (`https://example.org/debrief` → `…/courses/c1`).
 * Ids are percent-encoded, so any content id gives a valid IRI.
 */

/** What the statements need from the configuration (`debrief.config.json`, see config.ts). */
export interface XapiSettings {
  /** Base of every activity and extension IRI, without a trailing slash. */
  activityBase: string
  /** The account's homePage: the organisation's learner accounts. */
  homePage: string
  /** Send the learner's display name as `actor.name`. */
  sendDisplayName: boolean
  /** Send what a learner typed in free-text (essay) items. */
  sendFreeText: boolean
}

export const XAPI_VERSION = '1.0.3'

const ADL = 'http://adlnet.gov/expapi/verbs/'
export const VERBS = {
  initialized: `${ADL}initialized`,
  terminated: `${ADL}terminated`,
  answered: `${ADL}answered`,
  passed: `${ADL}passed`,
  failed: `${ADL}failed`,
  completed: `${ADL}completed`,
  progressed: `${ADL}progressed`,
  voided: `${ADL}voided`,
} as const
export type VerbName = keyof typeof VERBS

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const

/** cmi5's progress extension: a lesson's reading progress in percent (0..100). */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress'

function trimBase(base: string): string {
  return base.replace(/\/+$/u, '')
}

function part(id: string): string {
  return encodeURIComponent(id)
}

export function courseIri(settings: XapiSettings, courseId: string): string {
  return `${trimBase(settings.activityBase)}/courses/${part(courseId)}`
}

export function lessonIri(settings: XapiSettings, courseId: string, lessonId: string): string {
  return `${courseIri(settings, courseId)}/lessons/${part(lessonId)}`
}

export function blueprintIri(settings: XapiSettings, courseId: string, blueprintId: string): string {
  return `${courseIri(settings, courseId)}/assessments/${part(blueprintId)}`
}

export function itemIri(settings: XapiSettings, courseId: string, itemId: string): string {
  return `${courseIri(settings, courseId)}/items/${part(itemId)}`
}

/** Context extension: the content hash of the item version the learner saw. */
export function itemVersionExtension(settings: XapiSettings): string {
  return `${trimBase(settings.activityBase)}/extensions/item-version`
}

/** Context extension: the attempt's mode (`assessment` or `practice`). */
export function modeExtension(settings: XapiSettings): string {
  return `${trimBase(settings.activityBase)}/extensions/mode`
}
