/**
 * A cmi5 launch (cmi5 spec §8.1): the LMS opens the AU with `endpoint`, `fetch`, `actor`,
 * `registration` and `activityId` in the query string, each URL-encoded, in any order. Each one
 * missing or malformed is its own error in words for the learner, who can do one thing about it:
 * open the course again from the LMS. Pure: the caller passes `location.search` in.
 */

/** The learner as the LMS names them (an xAPI Agent with an account, cmi5 §9.2). */
export interface Cmi5Actor {
  objectType: 'Agent'
  name?: string
  account: { homePage: string; name: string }
}

export interface Cmi5Launch {
  /** The LRS's xAPI endpoint, without a trailing slash. */
  endpoint: string
  /** The one-time URL that gives the auth-token (POST). */
  fetch: string
  actor: Cmi5Actor
  /** The learner's enrolment (a UUID), in every statement's context. */
  registration: string
  /** The AU's activity id: the object of every cmi5 defined statement. */
  activityId: string
}

export type Cmi5LaunchResult = { ok: true; launch: Cmi5Launch } | { ok: false; error: string }

const AGAIN = 'Close this window and open the course again from your LMS.'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/iu
/** An absolute IRI: a scheme, then no spaces (RFC 3987, as far as a launch needs). */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/iu
/** Longest launch value accepted (a URL or an actor; anything longer is not a real launch). */
const MAX_VALUE = 4096

function without(what: string): string {
  return `The course system opened Debrief without ${what}, so your results cannot reach it. ${AGAIN}`
}

function bad(what: string, why: string): string {
  return `The course system opened Debrief with ${what} that ${why}, so your results cannot reach it. ${AGAIN}`
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}

/** The actor parameter: a JSON Agent with an account (homePage IRI + name), or what is wrong with it. */
export function parseActor(text: string): Cmi5Actor | string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'is not JSON'
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object'
  const agent = value as Record<string, unknown>
  if (agent.objectType !== undefined && agent.objectType !== 'Agent') return `is a "${String(agent.objectType)}", not an Agent`
  const account = agent.account as Record<string, unknown> | undefined
  if (typeof account !== 'object' || account === null) return 'has no account (cmi5 needs the learner\'s LMS account)'
  if (typeof account.homePage !== 'string' || !IRI.test(account.homePage)) return 'has an account without a homePage address'
  if (typeof account.name !== 'string' || account.name.trim() === '') return 'has an account without a name'
  if (agent.name !== undefined && typeof agent.name !== 'string') return 'has a name that is not text'
  return {
    objectType: 'Agent',
    ...(typeof agent.name === 'string' && agent.name.trim() !== '' ? { name: agent.name } : {}),
    account: { homePage: account.homePage, name: account.name },
  }
}

/** Reads the launch parameters from a query string (`?endpoint=…&fetch=…`; rules at the top). */
export function parseCmi5Launch(search: string): Cmi5LaunchResult {
  const query = new URLSearchParams(search)
  const get = (name: string): string | undefined => {
    const value = query.get(name)
    return value === null || value.trim() === '' ? undefined : value.trim()
  }
  const endpointText = get('endpoint')
  if (endpointText === undefined) return { ok: false, error: without('the address of its learning record store (the "endpoint" parameter)') }
  const endpoint = httpUrl(endpointText)
  if (endpoint === undefined || endpointText.length > MAX_VALUE) return { ok: false, error: bad('an "endpoint" parameter', 'is not a web address') }
  const fetchText = get('fetch')
  if (fetchText === undefined) return { ok: false, error: without('the address to sign in to it (the "fetch" parameter)') }
  if (httpUrl(fetchText) === undefined || fetchText.length > MAX_VALUE) return { ok: false, error: bad('a "fetch" parameter', 'is not a web address') }
  const actorText = get('actor')
  if (actorText === undefined) return { ok: false, error: without('saying who you are (the "actor" parameter)') }
  const actor = actorText.length > MAX_VALUE ? 'is too long' : parseActor(actorText)
  if (typeof actor === 'string') return { ok: false, error: bad('an "actor" parameter', actor) }
  const registration = get('registration')
  if (registration === undefined) return { ok: false, error: without('your enrolment (the "registration" parameter)') }
  if (!UUID.test(registration)) return { ok: false, error: bad('a "registration" parameter', 'is not a UUID') }
  const activityId = get('activityId')
  if (activityId === undefined) return { ok: false, error: without('naming this course unit (the "activityId" parameter)') }
  if (!IRI.test(activityId) || activityId.length > MAX_VALUE) return { ok: false, error: bad('an "activityId" parameter', 'is not an IRI') }
  return { ok: true, launch: { endpoint: endpointText.replace(/\/+$/u, ''), fetch: fetchText, actor, registration: registration.toLowerCase(), activityId } }
}

/** The learner for the app's profile: the account name as id, the Agent's name (else the account name) to show. */
export function actorLearner(actor: Cmi5Actor): { id: string; name: string } {
  return { id: actor.account.name, name: actor.name ?? actor.account.name }
}
