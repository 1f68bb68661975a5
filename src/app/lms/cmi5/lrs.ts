/**
 * The requests of a cmi5 launch (docs/cmi5.md): the one POST to the `fetch` URL, then, with the
 * token (`Authorization: Basic <auth-token>`, xAPI 1.0.3), the LMS.LaunchData State document, the
 * learner-preferences agent profile and what this registration already holds. Each answer is read
 * by the pure readers in src/domain/lms/cmi5LaunchData.ts; a network failure is a plain problem.
 */
import type { Cmi5Launch } from '../../../domain/lms/cmi5Launch.ts'
import { readAuthToken, readLanguagePreference, readLaunchData, type Cmi5Problem, type LaunchData, type Read } from '../../../domain/lms/cmi5LaunchData.ts'
import { VERBS } from '../../../domain/xapi/iris.ts'

export interface Answer {
  status: number
  text: string
}

const AGAIN = 'Close this window and open the course again from your LMS.'

async function request(fetchFn: typeof fetch, url: string, init: RequestInit): Promise<Answer | Cmi5Problem> {
  try {
    const response = await fetchFn(url, { ...init, cache: 'no-store' })
    return { status: response.status, text: await response.text() }
  } catch (e) {
    return { message: 'Debrief could not reach your course system. Check your connection, then close this window and open the course again from your LMS.', detail: `${init.method ?? 'GET'} ${new URL(url).origin}: ${e instanceof Error ? e.message : String(e)}` }
  }
}

function isProblem(value: Answer | Cmi5Problem): value is Cmi5Problem {
  return 'message' in value
}

/** The xAPI headers for the launch's token. */
export function xapiHeaders(token: string): Record<string, string> {
  return { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3' }
}

/** POSTs to the fetch URL (once per launch: the caller keeps the token for reloads). */
export async function fetchAuthToken(fetchFn: typeof fetch, launch: Cmi5Launch): Promise<Read<string>> {
  const answer = await request(fetchFn, launch.fetch, { method: 'POST' })
  return isProblem(answer) ? { ok: false, problem: answer } : readAuthToken(answer.status, answer.text)
}

function stateUrl(launch: Cmi5Launch): string {
  const query = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration })
  return `${launch.endpoint}/activities/state?${query.toString()}`
}

export async function fetchLaunchData(fetchFn: typeof fetch, launch: Cmi5Launch, token: string): Promise<Read<LaunchData>> {
  const answer = await request(fetchFn, stateUrl(launch), { headers: xapiHeaders(token) })
  if (isProblem(answer)) return { ok: false, problem: answer }
  if (answer.status === 401 || answer.status === 403) return { ok: false, problem: { message: `Your course system did not let Debrief read this unit's launch settings (its sign-in for this visit was refused). ${AGAIN}`, detail: `GET LMS.LaunchData answered ${answer.status}.` } }
  return readLaunchData(answer.status, answer.text)
}

/** The learner's languages (cmi5 §11: read at start; Debrief is in English, so they are only kept). */
export async function fetchLanguages(fetchFn: typeof fetch, launch: Cmi5Launch, token: string): Promise<string[]> {
  const query = new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent: JSON.stringify(launch.actor) })
  const answer = await request(fetchFn, `${launch.endpoint}/agents/profile?${query.toString()}`, { headers: xapiHeaders(token) })
  return isProblem(answer) ? [] : readLanguagePreference(answer.status, answer.text)
}

/**
 * Whether the LRS already holds a `verb` statement of this AU in this registration for this
 * learner (the registration rules: passed once, no failed after passed, completed once). Null
 * when the LRS could not say (the caller then relies on what this device remembers).
 */
export async function registrationHolds(fetchFn: typeof fetch, launch: Cmi5Launch, token: string, verb: 'passed' | 'completed'): Promise<boolean | null> {
  const query = new URLSearchParams({ registration: launch.registration, agent: JSON.stringify(launch.actor), verb: VERBS[verb], activity: launch.activityId, limit: '1' })
  const answer = await request(fetchFn, `${launch.endpoint}/statements?${query.toString()}`, { headers: xapiHeaders(token) })
  if (isProblem(answer) || answer.status !== 200) return null
  try {
    const result = JSON.parse(answer.text) as { statements?: unknown }
    return Array.isArray(result.statements) ? result.statements.length > 0 : null
  } catch {
    return null
  }
}
