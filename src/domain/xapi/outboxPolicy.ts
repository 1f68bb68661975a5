/**
 * The outbox's sending rules, pure: what to do with a batch after the LRS answered (or did not),
 * and which queued statements form the next batch. The sender (src/db, later) only carries out
 * the decision; it never rebuilds a statement (bytes are replayed as queued).
 *
 * Decisions for one POST of a batch:
 * - 200 / 204 → done: every statement of the batch is stored.
 * - 413 → split the batch in two halves and send each (a single statement too large: quarantine).
 * - 409 → split until the conflicting statement is alone; a lone statement answered 409 goes to
 *   review and is never retried (the LRS holds other content under its id).
 * - 400 → quarantine with the LRS's message (trimmed to MAX_REASON characters); a batch of more
 *   than one is split first, so one bad statement does not hold back the others.
 * - 401 / 403 → pause sending and tell the instructor (credentials or permissions).
 * - network error, 408, 429, 5xx → retry later: exponential backoff with full jitter,
 *   delay = rng() × min(cap, base × 2^failures); 429 and 503 honour Retry-After (seconds or an
 *   HTTP date), never shorter than the LRS asked, still capped at `maxRetryAfterMs`.
 * - anything else (other 4xx, 3xx) → quarantine with the status, as for 400.
 */

export interface QueuedStatement {
  id: string
  /** The statement serialized once, replayed byte for byte. */
  body: string
  /** Epoch ms when it was queued: batches go oldest first. */
  queuedAt: number
  state: 'queued' | 'quarantined' | 'review'
}

export type LrsOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string | undefined>; body: string }
  | { kind: 'network-error'; message: string }

export type SendDecision =
  | { kind: 'done'; ids: string[] }
  | { kind: 'split'; parts: [string[], string[]]; reason: string }
  | { kind: 'quarantine'; ids: string[]; reason: string }
  | { kind: 'review'; ids: string[]; reason: string }
  | { kind: 'pause'; reason: string }
  | { kind: 'retry'; afterMs: number; reason: string }

export interface BackoffSettings {
  baseMs: number
  capMs: number
  /** Longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 1_000, capMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 }
export const MAX_REASON = 500

export interface DecideInput {
  ids: readonly string[]
  outcome: LrsOutcome
  /** Consecutive failed sends before this one (0 on the first failure). */
  failures: number
  /** Uniform in [0, 1): Math.random on the device, a fixed sequence in tests. */
  rng: () => number
  /** Epoch ms now, to read a Retry-After given as an HTTP date. */
  now: number
  backoff?: BackoffSettings
}

function bounded(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim()
  return clean.length > MAX_REASON ? `${clean.slice(0, MAX_REASON - 1)}…` : clean
}

function halves(ids: readonly string[]): [string[], string[]] {
  const middle = Math.ceil(ids.length / 2)
  return [ids.slice(0, middle), ids.slice(middle)]
}

/** Full-jitter exponential backoff: a delay in [0, min(cap, base × 2^failures)). */
export function backoffDelay(failures: number, rng: () => number, settings: BackoffSettings = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(0, Math.floor(failures)), 30)
  const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** exponent)
  const r = Math.min(Math.max(rng(), 0), 1)
  return Math.floor(r * ceiling)
}

/** Retry-After in ms (delta seconds, or an HTTP date such as `Wed, 21 Oct 2026 07:28:00 GMT`), or null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined) return null
  const text = value.trim()
  if (/^\d+$/u.test(text)) return Number(text) * 1000
  if (!/^[A-Za-z]{3}, /u.test(text)) return null
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value
  return undefined
}

function retry(input: DecideInput, reason: string, asked: number | null): SendDecision {
  const settings = input.backoff ?? DEFAULT_BACKOFF
  const jittered = backoffDelay(input.failures, input.rng, settings)
  const afterMs = asked === null ? jittered : Math.min(settings.maxRetryAfterMs, Math.max(asked, jittered))
  return { kind: 'retry', afterMs, reason }
}

/** What to do with a batch after one POST (rules at the top of the file). */
export function decide(input: DecideInput): SendDecision {
  const { ids, outcome } = input
  if (outcome.kind === 'network-error') return retry(input, bounded(`The LRS could not be reached: ${outcome.message}`), null)
  const { status, body } = outcome
  const message = bounded(body)
  const said = message === '' ? '' : `: ${message}`
  if (status === 200 || status === 204) return { kind: 'done', ids: [...ids] }
  if (status === 401 || status === 403) {
    return { kind: 'pause', reason: bounded(`The LRS refused Debrief's key (${status})${said}. Check the LRS key and secret in instructor mode.`) }
  }
  if (status === 408 || status === 429 || status >= 500) {
    return retry(input, bounded(`The LRS answered ${status}${said}`), retryAfterMs(header(outcome.headers, 'retry-after'), input.now))
  }
  if (status === 409) {
    if (ids.length > 1) return { kind: 'split', parts: halves(ids), reason: 'The LRS holds different content under one of these ids (409): finding which.' }
    return { kind: 'review', ids: [...ids], reason: bounded(`The LRS already holds a different statement with this id (409)${said}`) }
  }
  if (status === 413) {
    if (ids.length > 1) return { kind: 'split', parts: halves(ids), reason: 'The batch is too large for the LRS (413).' }
    return { kind: 'quarantine', ids: [...ids], reason: bounded(`This statement alone is too large for the LRS (413)${said}`) }
  }
  if (ids.length > 1) return { kind: 'split', parts: halves(ids), reason: `The LRS refused the batch (${status}): finding which statement.` }
  return { kind: 'quarantine', ids: [...ids], reason: bounded(`The LRS refused this statement (${status})${said}`) }
}

export interface BatchLimits {
  maxStatements: number
  maxBytes: number
}

export const DEFAULT_BATCH: BatchLimits = { maxStatements: 50, maxBytes: 256 * 1024 }

/** Bytes of `[a,b,c]` built from the queued bodies (UTF-8). */
export function batchBytes(bodies: readonly string[]): number {
  const encoder = new TextEncoder()
  return 2 + Math.max(0, bodies.length - 1) + bodies.reduce((sum, b) => sum + encoder.encode(b).length, 0)
}

/**
 * The next batch: queued statements oldest first (ties by id), at most `maxStatements` and
 * `maxBytes` as a JSON array; quarantined and review ones are left out. A first statement larger
 * than `maxBytes` goes alone (the LRS's 413 then quarantines it), so the queue never sticks.
 */
export function nextBatch(queue: readonly QueuedStatement[], limits: BatchLimits = DEFAULT_BATCH): QueuedStatement[] {
  const waiting = queue.filter((s) => s.state === 'queued').sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const encoder = new TextEncoder()
  const batch: QueuedStatement[] = []
  let bytes = 2
  for (const s of waiting) {
    if (batch.length >= limits.maxStatements) break
    const size = encoder.encode(s.body).length + (batch.length > 0 ? 1 : 0)
    if (batch.length > 0 && bytes + size > limits.maxBytes) break
    batch.push(s)
    bytes += size
  }
  return batch
}
