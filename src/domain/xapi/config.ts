/**
 * Validating the LRS part of `debrief.config.json` (deploy-time file, or an instructor's
 * override on a device). Every problem is reported, each naming its field and how to fix it;
 * nothing is half-accepted. No `lrs` key at all: no LRS, nothing is queued (config null).
 *
 *   { "lrs": { "endpoint": "https://lrs.example.org/xapi",
 *              "homePage": "https://example.org/learners",
 *              "auth": { "type": "basic", "key": "…", "secret": "…" },
 *              "sendDisplayName": false,
 *              "sendFreeText": false,                              (optional, default false)
 *              "activityBase": "https://example.org/debrief" } }   (optional, default homePage/debrief)
 */
import type { XapiSettings } from './iris.ts'

export interface LrsConfig extends XapiSettings {
  /** Without a trailing slash; statements go to `${endpoint}/statements`. */
  endpoint: string
  auth: { type: 'basic'; key: string; secret: string }
}

export type ConfigCheck = { ok: true; config: LrsConfig | null } | { ok: false; errors: string[] }

const MAX_TEXT = 2_000
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])
const KNOWN = new Set(['endpoint', 'homePage', 'auth', 'sendDisplayName', 'sendFreeText', 'activityBase'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > MAX_TEXT) return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}

function checkEndpoint(value: unknown, errors: string[]): string {
  const url = parseUrl(value)
  if (url === null) {
    errors.push('lrs.endpoint must be the LRS address, for example "https://lrs.example.org/xapi".')
    return ''
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname)
  if (url.protocol !== 'https:' && !local) {
    errors.push(`lrs.endpoint "${url.origin}" must use https:// (plain http:// is allowed only for 127.0.0.1 or localhost, for testing).`)
  }
  if (url.username !== '' || url.password !== '') errors.push('lrs.endpoint must not contain a user name or password: put them in lrs.auth.key and lrs.auth.secret.')
  if (url.search !== '' || url.hash !== '') errors.push('lrs.endpoint must not have a query (?…) or fragment (#…): give the address the LRS documents as its xAPI endpoint.')
  return url.href.replace(/\/+$/u, '')
}

function checkIri(field: string, value: unknown, errors: string[]): string {
  const url = parseUrl(value)
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    errors.push(`${field} must be a web address such as "https://example.org/learners".`)
    return ''
  }
  return url.href.replace(/\/+$/u, '')
}

function checkText(field: string, value: unknown, errors: string[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push(`${field} must be a non-empty text (the LRS gives it when you create a client).`)
    return ''
  }
  if (value.length > MAX_TEXT) errors.push(`${field} is longer than ${MAX_TEXT} characters.`)
  return value
}

function checkBoolean(field: string, value: unknown, fallback: boolean | undefined, errors: string[]): boolean {
  if (value === undefined && fallback !== undefined) return fallback
  if (typeof value !== 'boolean') {
    errors.push(`${field} must be true or false${fallback === undefined ? ' (it has no default: say whether learners\' names are sent)' : ''}.`)
    return false
  }
  return value
}

/** Check a parsed `debrief.config.json` (rules at the top of the file). */
export function checkLrsConfig(file: unknown): ConfigCheck {
  if (!isRecord(file)) return { ok: false, errors: ['debrief.config.json must hold one JSON object, for example { "lrs": { … } }.'] }
  if (file.lrs === undefined || file.lrs === null) return { ok: true, config: null }
  const lrs = file.lrs
  if (!isRecord(lrs)) return { ok: false, errors: ['lrs must be an object with endpoint, homePage, auth and sendDisplayName.'] }
  const errors: string[] = []
  for (const key of Object.keys(lrs)) if (!KNOWN.has(key)) errors.push(`lrs.${key.slice(0, 40)} is not a setting Debrief knows: remove it or check its spelling (known: ${[...KNOWN].join(', ')}).`)
  const endpoint = checkEndpoint(lrs.endpoint, errors)
  const homePage = checkIri('lrs.homePage', lrs.homePage, errors)
  const activityBase = lrs.activityBase === undefined ? (homePage === '' ? '' : `${homePage}/debrief`) : checkIri('lrs.activityBase', lrs.activityBase, errors)
  let key = ''
  let secret = ''
  if (!isRecord(lrs.auth) || lrs.auth.type !== 'basic') {
    errors.push('lrs.auth must be { "type": "basic", "key": "…", "secret": "…" }.')
  } else {
    key = checkText('lrs.auth.key', lrs.auth.key, errors)
    secret = checkText('lrs.auth.secret', lrs.auth.secret, errors)
    if (key.includes(':')) errors.push('lrs.auth.key must not contain ":" (Basic authentication joins key and secret with it).')
  }
  const sendDisplayName = checkBoolean('lrs.sendDisplayName', lrs.sendDisplayName, undefined, errors)
  const sendFreeText = checkBoolean('lrs.sendFreeText', lrs.sendFreeText, false, errors)
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, config: { endpoint, homePage, activityBase, auth: { type: 'basic', key, secret }, sendDisplayName, sendFreeText } }
}
