/**
 * What the LRS pages say, pure: a set-aside statement in a line (verb, object, learner, when),
 * "Last sent 3 minutes ago", the check's errors grouped by form field, and the verdict of a
 * "Test connection" (GET {endpoint}/about, then a read that needs the key). No secret is ever
 * put into a sentence here.
 */
import { plural } from '../format.ts'

export interface OutboxLine {
  verb: string
  object: string
  learner: string
  /** The statement's own timestamp (ISO), or '' when the body does not say. */
  when: string
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function firstText(value: unknown): string {
  const first = Object.values(record(value)).find((v) => typeof v === 'string')
  return text(first)
}

/** A stored statement body as one line; a body that is not a statement reads "unknown". */
export function outboxLine(body: string): OutboxLine {
  let statement: Record<string, unknown>
  try {
    statement = record(JSON.parse(body))
  } catch {
    return { verb: 'unknown', object: 'unknown', learner: 'unknown', when: '' }
  }
  const verb = record(statement.verb)
  const object = record(statement.object)
  const actor = record(statement.actor)
  const definition = record(object.definition)
  const verbId = text(verb.id)
  return {
    verb: firstText(verb.display) || verbId.slice(verbId.lastIndexOf('/') + 1) || 'unknown',
    object: firstText(definition.name) || text(object.id) || 'unknown',
    learner: text(record(actor.account).name) || text(actor.name) || 'unknown',
    when: text(statement.timestamp),
  }
}

/** "Last sent 3 minutes ago" / "Nothing sent yet" (times in ms since 1970). */
export function lastSentText(at: number | null, now: number): string {
  if (at === null) return 'Nothing sent yet.'
  const seconds = Math.max(0, Math.round((now - at) / 1000))
  if (seconds < 60) return 'Last sent less than a minute ago.'
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `Last sent ${plural(minutes, 'minute')} ago.`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `Last sent ${plural(hours, 'hour')} ago.`
  return `Last sent ${plural(Math.floor(hours / 24), 'day')} ago.`
}

export type LrsField = 'endpoint' | 'homePage' | 'key' | 'secret' | 'sendDisplayName' | 'sendFreeText' | 'activityBase' | 'form'

const FIELD_OF: readonly [string, LrsField][] = [
  ['lrs.endpoint', 'endpoint'], ['lrs.homePage', 'homePage'], ['lrs.auth.key', 'key'], ['lrs.auth.secret', 'secret'], ['lrs.auth', 'key'],
  ['lrs.sendDisplayName', 'sendDisplayName'], ['lrs.sendFreeText', 'sendFreeText'], ['lrs.activityBase', 'activityBase'],
]

/** checkLrsConfig's errors, each under the form field it names ('form' for the rest). */
export function errorsByField(errors: readonly string[]): Partial<Record<LrsField, string[]>> {
  const out: Partial<Record<LrsField, string[]>> = {}
  for (const error of errors) {
    const field = FIELD_OF.find(([prefix]) => error.startsWith(`${prefix} `))?.[1] ?? 'form'
    ;(out[field] ??= []).push(error)
  }
  return out
}

/** One answer of the LRS (or none) to a request of the test. */
export type ProbeAnswer = { kind: 'response'; status: number; body: string } | { kind: 'network-error'; offline: boolean }

export type ConnectionVerdict = { ok: true; versions: string[]; message: string } | { ok: false; message: string }

function unreachable(answer: { offline: boolean }, endpoint: string, site: string): ConnectionVerdict {
  if (answer.offline) return { ok: false, message: 'This device is offline: connect to the network, then test again.' }
  return {
    ok: false,
    message: `No answer from ${endpoint}: the address may be wrong or the LRS down, or the LRS does not accept requests from this site (CORS: its administrator must allow ${site}). Check the address in a browser tab; the browser does not tell which of these it is.`,
  }
}

function refused(status: number): ConnectionVerdict | null {
  if (status === 401) return { ok: false, message: 'The LRS refused the key and secret (401): check both, as the LRS shows them for this client, and try again.' }
  if (status === 403) return { ok: false, message: 'The LRS knows this key but does not allow it (403): give the client permission to write statements in the LRS.' }
  return null
}

/** The versions an /about body lists, or null when it is not xAPI's JSON. */
function versionsOf(body: string): string[] | null {
  try {
    const version = record(JSON.parse(body)).version
    return Array.isArray(version) && version.every((v) => typeof v === 'string') ? version : null
  } catch {
    return null
  }
}

/** The verdict on `GET {endpoint}/about` (sent with the version header and the credentials). */
export function aboutVerdict(answer: ProbeAnswer, endpoint: string, site: string): ConnectionVerdict {
  if (answer.kind === 'network-error') return unreachable(answer, endpoint, site)
  const no = refused(answer.status)
  if (no !== null) return no
  if (answer.status === 404) return { ok: false, message: `Nothing answers at ${endpoint}/about (404): this is not an LRS's xAPI endpoint. Check the address; it often ends in /xapi or /data/xAPI.` }
  if (answer.status < 200 || answer.status > 299) return { ok: false, message: `The LRS answered ${answer.status} to ${endpoint}/about: try again later, or ask its administrator.` }
  const versions = versionsOf(answer.body)
  if (versions === null) return { ok: false, message: `${endpoint}/about answered, but not with xAPI's description of itself: this is not an LRS's xAPI endpoint (perhaps a web page or a login page). Check the address.` }
  if (!versions.some((v) => /^1\.0(\.\d+)?$/u.test(v))) {
    return { ok: false, message: `The LRS speaks xAPI ${versions.join(', ') || '(no version)'}, not 1.0.x, which Debrief sends (1.0.3). Use an endpoint of the LRS that speaks xAPI 1.0.` }
  }
  return { ok: true, versions, message: `Connected: the LRS speaks xAPI ${versions.join(', ')}.` }
}

/**
 * The verdict on the key: a read of one statement by an id no one uses, which the LRS answers
 * 404 or 200 once it accepts the key, 401/403 when not (many LRSs answer /about without a key).
 */
export function keyVerdict(about: ConnectionVerdict & { ok: true }, answer: ProbeAnswer, endpoint: string, site: string): ConnectionVerdict {
  if (answer.kind === 'network-error') return unreachable(answer, endpoint, site)
  // A key that may write but not read (a common LRS client setup) is refused this read: not a fault.
  if (answer.status === 403) return { ...about, message: `${about.message.slice(0, -1)}. It knows the key but does not let it read statements (403), so this test cannot show it may write them: the first send will.` }
  const no = refused(answer.status)
  if (no !== null) return no
  if (answer.status === 200 || answer.status === 404) return { ...about, message: `${about.message.slice(0, -1)}, and it accepts the key and secret.` }
  return { ok: false, message: `The LRS answered /about but ${answer.status} to a read with the key: try again later, or ask its administrator.` }
}

/** The queue in a sentence: "3 statements wait to be sent." */
export function waitingText(waiting: number): string {
  return waiting === 0 ? 'No statements wait to be sent.' : `${plural(waiting, 'statement')} ${waiting === 1 ? 'waits' : 'wait'} to be sent.`
}

/**
 * Why sending is stopped or failing, for the learner, in one sentence (no key, no LRS message);
 * null when all is well. `setupProblem` is the configuration's own problem (a bad deploy file).
 */
export function learnerSendingProblem(setupProblem: string | null, paused: string | null, lastProblem: string | null): string | null {
  if (setupProblem !== null) return setupProblem
  if (paused !== null) return 'Sending is paused: the LRS did not accept this device’s key. Your statements stay on this device until your instructor checks the LRS settings.'
  if (lastProblem !== null) return 'The last send did not get through (the LRS could not be reached or was busy). Debrief tries again by itself; your statements stay on this device until then.'
  return null
}
