/**
 * Reading statements an LRS returned (untrusted JSON) into the few facts the instructor's LRS
 * view needs (fromStatements.ts). Anything not in the shape Debrief writes is left out and
 * counted, never thrown on: an LRS holds statements from every system of the organisation.
 */
import { VERBS, blueprintIri, courseIri, itemIri, itemVersionExtension, modeExtension, type XapiSettings } from './iris.ts'

export type ReadVerb = 'initialized' | 'answered' | 'completed' | 'terminated' | 'passed' | 'failed' | 'voided'

/** One statement of a course's assessment attempt, as far as the LRS view reads it. */
export interface ReadStatement {
  id: string
  verb: ReadVerb
  learnerId: string
  learnerName?: string
  registration: string
  /** Epoch ms of `timestamp`. */
  at: number
  /** Epoch ms of `stored` (the LRS's clock); `at` when the LRS gave none. */
  stored: number
  /** The blueprint: the object (attempt verbs) or the parent (answered). */
  blueprintId?: string
  /** answered only. */
  itemId?: string
  version?: string
  response?: string
  score?: { raw: number; max: number }
  completion?: boolean
}

/** Why a statement was left out, in words the instructor reads (counted per reason). */
export type Skip = 'not-readable' | 'other-account' | 'not-this-course' | 'practice' | 'no-registration'

export type Read = { ok: true; statement: ReadStatement } | { ok: false; skip: Skip } | { ok: true; voids: string }

const VERB_BY_IRI = new Map<string, ReadVerb>(
  (['initialized', 'answered', 'completed', 'terminated', 'passed', 'failed', 'voided'] as const).map((v) => [VERBS[v], v]),
)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 10_000 ? value : undefined
}

function time(value: unknown): number | undefined {
  const text = str(value)
  if (text === undefined) return undefined
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? ms : undefined
}

function childId(iri: string | undefined, prefix: string): string | undefined {
  if (iri === undefined || !iri.startsWith(prefix) || iri.length === prefix.length) return undefined
  const rest = iri.slice(prefix.length)
  if (rest.includes('/')) return undefined
  try {
    return decodeURIComponent(rest)
  } catch {
    return undefined
  }
}

/** Where the course's IRIs start, for one configuration and course. */
export interface CourseIris {
  homePage: string
  course: string
  blueprints: string
  items: string
  versionKey: string
  modeKey: string
}

export function courseIris(settings: XapiSettings, courseId: string): CourseIris {
  return {
    homePage: settings.homePage,
    course: courseIri(settings, courseId),
    blueprints: blueprintIri(settings, courseId, ''),
    items: itemIri(settings, courseId, ''),
    versionKey: itemVersionExtension(settings),
    modeKey: modeExtension(settings),
  }
}

function score(result: Record<string, unknown>): ReadStatement['score'] {
  const s = result.score
  if (!isRecord(s) || typeof s.raw !== 'number' || typeof s.max !== 'number' || !Number.isFinite(s.raw) || !Number.isFinite(s.max)) return undefined
  return { raw: s.raw, max: s.max }
}

/** One statement read (rules at the top of the file). */
export function readStatement(raw: unknown, iris: CourseIris): Read {
  if (!isRecord(raw) || !isRecord(raw.verb) || !isRecord(raw.object)) return { ok: false, skip: 'not-readable' }
  const id = str(raw.id)
  const verb = VERB_BY_IRI.get(str(raw.verb.id) ?? '')
  if (id === undefined || verb === undefined) return { ok: false, skip: 'not-readable' }
  if (verb === 'voided') {
    const target = raw.object.objectType === 'StatementRef' ? str(raw.object.id) : undefined
    return target === undefined ? { ok: false, skip: 'not-readable' } : { ok: true, voids: target }
  }
  const actor = raw.actor
  const account = isRecord(actor) && isRecord(actor.account) ? actor.account : undefined
  const learnerId = str(account?.name)
  const at = time(raw.timestamp)
  if (account === undefined || learnerId === undefined || learnerId === '' || at === undefined) return { ok: false, skip: 'not-readable' }
  if (str(account.homePage)?.replace(/\/+$/u, '') !== iris.homePage) return { ok: false, skip: 'other-account' }
  const context = isRecord(raw.context) ? raw.context : {}
  const extensions = isRecord(context.extensions) ? context.extensions : {}
  const activities = isRecord(context.contextActivities) ? context.contextActivities : {}
  const grouping = Array.isArray(activities.grouping) ? activities.grouping : []
  const objectId = str(raw.object.id)
  const inCourse = grouping.some((g) => isRecord(g) && g.id === iris.course) || (objectId?.startsWith(`${iris.course}/`) ?? false)
  if (!inCourse) return { ok: false, skip: 'not-this-course' }
  if (extensions[iris.modeKey] !== undefined && extensions[iris.modeKey] !== 'assessment') return { ok: false, skip: 'practice' }
  const registration = str(context.registration)?.toLowerCase() ?? ''
  const result = isRecord(raw.result) ? raw.result : {}
  const name = isRecord(actor) ? str(actor.name) : undefined
  const statement: ReadStatement = { id, verb, learnerId, registration, at, stored: time(raw.stored) ?? at, ...(name !== undefined ? { learnerName: name } : {}) }
  if (verb === 'answered') {
    const parents = Array.isArray(activities.parent) ? activities.parent : []
    const parent = parents.map((p) => (isRecord(p) ? childId(str(p.id), iris.blueprints) : undefined)).find((b) => b !== undefined)
    const itemId = childId(objectId, iris.items)
    const version = str(extensions[iris.versionKey])
    if (itemId === undefined || version === undefined) return { ok: false, skip: 'not-readable' }
    const s = score(result)
    const response = str(result.response)
    Object.assign(statement, { itemId, version, ...(parent !== undefined ? { blueprintId: parent } : {}), ...(s !== undefined ? { score: s } : {}), ...(response !== undefined ? { response } : {}) })
    if (typeof result.completion === 'boolean') statement.completion = result.completion
  } else {
    const blueprintId = childId(objectId, iris.blueprints)
    if (blueprintId === undefined) return { ok: false, skip: 'not-this-course' }
    statement.blueprintId = blueprintId
  }
  // Checked last: a lesson's statements have none, and are "not about this course's assessments".
  if (registration === '') return { ok: false, skip: 'no-registration' }
  return { ok: true, statement }
}

export const SKIP_TEXT: Record<Skip, string> = {
  'not-readable': 'not in the form Debrief writes',
  'other-account': 'for learners of another account system (homePage)',
  'not-this-course': 'not about this course\'s assessments',
  practice: 'from practice, not an assessment',
  'no-registration': 'without a registration (attempt id)',
}
