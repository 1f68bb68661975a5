/**
 * What the LMS tells a cmi5 AU at launch, read from its answers (pure; the requests are in
 * src/app/lms/cmi5/lrs.ts): the auth-token from the `fetch` URL (cmi5 §8.2), the `LMS.LaunchData`
 * State document (§10) and the `cmi5LearnerPreferences` agent profile (§11). Every reader takes
 * the status and the body text and never throws: a problem is a sentence for the learner, with
 * the LMS's own words kept apart as `detail` for support.
 */
import type { XapiContext } from '../xapi/statementTypes.ts'

export const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid'
export const LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const
export type LaunchMode = (typeof LAUNCH_MODES)[number]
export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const
export type MoveOn = (typeof MOVE_ON)[number]

/** A context template: an xAPI Context the AU copies into every statement and never overwrites. */
export type ContextTemplate = XapiContext & { extensions: Record<string, unknown> } & Record<string, unknown>

export interface LaunchData {
  contextTemplate: ContextTemplate
  /** The LMS's session id (contextTemplate.extensions[sessionid]). */
  sessionId: string
  launchMode: LaunchMode
  moveOn: MoveOn
  /** Scaled score needed to pass (0–1); overrides the blueprint's pass mark. */
  masteryScore?: number
  /** Where to send the learner when they leave (http or https only). */
  returnUrl?: string
  launchParameters?: string
}

export interface Cmi5Problem {
  message: string
  detail?: string
}

export type Read<T> = { ok: true; value: T; warnings: string[] } | { ok: false; problem: Cmi5Problem }

/** Largest answer read (a LaunchData document is a few hundred bytes; 64 KiB is generous). */
export const MAX_DOCUMENT_CHARS = 64 * 1024
const AGAIN = 'Close this window and open the course again from your LMS.'

function parseJson(text: string): unknown {
  if (text.length > MAX_DOCUMENT_CHARS) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function said(text: string): string {
  return text.trim().slice(0, 200)
}

const FETCH_ERRORS: Record<string, string> = {
  '1': 'This visit\'s sign-in to your course system was already used or has expired.',
  '2': 'Your course system refused to sign Debrief in for this visit (a security check failed).',
  '3': 'Your course system had a problem signing Debrief in for this visit.',
}

/** The `fetch` URL's answer: the auth-token, or the LMS's error (`error-code` 1–3, §8.2.3) in words. */
export function readAuthToken(status: number, text: string): Read<string> {
  const body = parseJson(text)
  if (isObject(body) && typeof body['auth-token'] === 'string' && body['auth-token'] !== '' && status >= 200 && status < 300) {
    return { ok: true, value: body['auth-token'], warnings: [] }
  }
  if (isObject(body) && body['error-code'] !== undefined) {
    const code = String(body['error-code'])
    const text = typeof body['error-text'] === 'string' ? said(body['error-text']) : ''
    const what = FETCH_ERRORS[code] ?? 'Your course system did not sign Debrief in for this visit.'
    return { ok: false, problem: { message: `${what} ${AGAIN}`, detail: `cmi5 fetch error ${code}${text !== '' ? `: ${text}` : ''}` } }
  }
  const detail = status >= 200 && status < 300 ? `The fetch URL answered ${status} without an auth-token.` : `The fetch URL answered ${status}${said(text) !== '' ? `: ${said(text)}` : ''}.`
  return { ok: false, problem: { message: `Your course system did not sign Debrief in for this visit. ${AGAIN}`, detail } }
}

function launchDataProblem(what: string): Read<never> {
  return { ok: false, problem: { message: `Your course system's launch settings for this unit are incomplete, so your results cannot reach it. ${AGAIN} If it happens again, tell the course administrator.`, detail: `LMS.LaunchData ${what}.` } }
}

/** A returnURL Debrief may navigate to: an absolute http(s) address (never `javascript:` or `data:`). */
function safeReturnUrl(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** The `LMS.LaunchData` State document (§10), from the LRS's answer to the State GET. */
export function readLaunchData(status: number, text: string): Read<LaunchData> {
  if (status === 404) return launchDataProblem('is missing (the LRS answered 404 for stateId=LMS.LaunchData)')
  if (status !== 200) return launchDataProblem(`could not be read (the LRS answered ${status})`)
  const doc = parseJson(text)
  if (!isObject(doc)) return launchDataProblem(text.length > MAX_DOCUMENT_CHARS ? `is larger than ${MAX_DOCUMENT_CHARS} characters` : 'is not a JSON object')
  const template = doc.contextTemplate
  if (!isObject(template)) return launchDataProblem('has no contextTemplate object')
  const extensions = template.extensions
  if (!isObject(extensions)) return launchDataProblem('has a contextTemplate without extensions (cmi5 puts the session id there)')
  const sessionId = extensions[SESSION_ID_EXTENSION]
  if (typeof sessionId !== 'string' || sessionId === '') return launchDataProblem(`has a contextTemplate without the session id (${SESSION_ID_EXTENSION})`)
  if (template.contextActivities !== undefined && !isObject(template.contextActivities)) return launchDataProblem('has a contextTemplate whose contextActivities is not an object')
  const launchMode = doc.launchMode
  if (!(LAUNCH_MODES as readonly unknown[]).includes(launchMode)) return launchDataProblem(`has launchMode ${JSON.stringify(launchMode)}: expected ${LAUNCH_MODES.join(', ')}`)
  const moveOn = doc.moveOn
  if (!(MOVE_ON as readonly unknown[]).includes(moveOn)) return launchDataProblem(`has moveOn ${JSON.stringify(moveOn)}: expected ${MOVE_ON.join(', ')}`)
  const mastery = doc.masteryScore
  if (mastery !== undefined && (typeof mastery !== 'number' || !Number.isFinite(mastery) || mastery < 0 || mastery > 1)) return launchDataProblem(`has masteryScore ${JSON.stringify(mastery)}: expected a number from 0 to 1`)
  const warnings: string[] = []
  let returnUrl: string | undefined
  if (doc.returnURL !== undefined) {
    returnUrl = typeof doc.returnURL === 'string' ? safeReturnUrl(doc.returnURL) : undefined
    if (returnUrl === undefined) warnings.push(`LMS.LaunchData returnURL ${JSON.stringify(doc.returnURL).slice(0, 100)} is not an http(s) address: Debrief will not go there on exit.`)
  }
  const value: LaunchData = {
    contextTemplate: template as ContextTemplate,
    sessionId,
    launchMode: launchMode as LaunchMode,
    moveOn: moveOn as MoveOn,
    ...(typeof mastery === 'number' ? { masteryScore: mastery } : {}),
    ...(returnUrl !== undefined ? { returnUrl } : {}),
    ...(typeof doc.launchParameters === 'string' ? { launchParameters: doc.launchParameters } : {}),
  }
  return { ok: true, value, warnings }
}

/** The learner's language preference (§11.1), first tag first; none when the profile is absent or unreadable. */
export function readLanguagePreference(status: number, text: string): string[] {
  if (status !== 200) return []
  const doc = parseJson(text)
  if (!isObject(doc) || typeof doc.languagePreference !== 'string') return []
  return doc.languagePreference.split(',').map((tag) => tag.trim()).filter((tag) => /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/iu.test(tag))
}
