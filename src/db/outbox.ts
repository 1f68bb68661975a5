/**
 * The xAPI outbox: statements waiting for the LRS (table `outbox`, schema version 8), and the
 * sender that carries out outboxPolicy's decisions. A statement's text was serialized once when
 * its event was written (src/db/attempts.ts commitSubmission); a batch is `[` + the stored texts
 * joined by `,` + `]`, so a retry sends the same bytes. Exactly once: a row is deleted only after
 * the LRS said 200/204 for a POST that carried it; a POST cut short leaves it to be sent again,
 * and the LRS answers 200 to a statement it already holds with the same content.
 *
 * Rows are marked `sending` before the POST; a tab that dies leaves them so. At the start of each
 * flush they go back in the queue: all of them when the caller holds the `debrief-outbox` Web Lock
 * (`holdsLock`: a lock dies with its tab, so no live sender can own them), else (no Web Locks)
 * only those older than STALE_MS (`requeueStale`), since another tab may still be sending them.
 */
import { decide, nextBatch, DEFAULT_BACKOFF, DEFAULT_BATCH, type BackoffSettings, type BatchLimits, type LrsOutcome } from '../domain/xapi/outboxPolicy.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import type { OutboxRecord } from './records.ts'

/**
 * Whether this is an LMS package (cmi5 scopes rows to its registration and sends the launch's own
 * Authorization header). `typeof` first: this file also runs in Node (the bench), where no build
 * defines __DEBRIEF_LMS__; in a build it folds to a constant and the web build drops the LMS branches.
 */
const LMS_BUILD = typeof __DEBRIEF_LMS__ !== 'undefined' && __DEBRIEF_LMS__ !== null

export type { OutboxRecord } from './records.ts'

/**
 * A row that belongs to one LMS registration (a cmi5 launch, src/app/lms/cmi5/): sent only by a
 * flush for that registration, with that launch's token; a flush without `registration` (the
 * app's own LRS) never sends it. The field is not indexed: no new database version. Only LMS
 * packages write such rows (their origin is the LMS's), so the web build leaves the check out.
 */
export type ScopedOutboxRecord = OutboxRecord & { registration?: string }

export const STALE_MS = 60_000

export interface SenderOptions {
  /** The LRS's xAPI endpoint without a trailing slash. */
  endpoint: string
  /** A key and secret (Basic auth), or the whole Authorization header (a cmi5 launch's `Basic <auth-token>`). */
  auth: { key: string; secret: string } | { authorization: string }
  /** Send only the rows of this registration (ScopedOutboxRecord); unset: only rows of none. */
  registration?: string
  fetch: typeof fetch
  now: () => number
  rng: () => number
  limits?: BatchLimits
  backoff?: BackoffSettings
  /**
   * True when the caller holds the `debrief-outbox` Web Lock: every `sending` row was left by a
   * dead sender and is queued again at once. Without it, only rows older than STALE_MS are.
   */
  holdsLock?: boolean
}

export interface FlushResult {
  /** Statements the LRS confirmed in this flush. */
  sent: number
  /** Set when the LRS refused the key (401/403): sending stops until the settings change. */
  paused: string | null
  /** Set when a send must wait (network error, 429, 5xx): the reason; rows carry nextTryAt. */
  retrying: string | null
}

/** A row for a statement queued now (the statement already serialized). */
export function queuedRow(id: string, body: string, at: number): OutboxRecord {
  return { id, body, queuedAt: at, state: 'queued', attempts: 0, lastError: null, nextTryAt: 0 }
}

/** A row for a statement of one registration, queued now. */
export function scopedRow(id: string, body: string, at: number, registration: string): ScopedOutboxRecord {
  return { ...queuedRow(id, body, at), registration }
}

/** Queues rows outside an event's transaction (a cmi5 launch's initialized, a session's terminated). */
export function queueRows(db: DebriefDb, rows: readonly OutboxRecord[]): Promise<void> {
  return guarded(async () => {
    await db.outbox.bulkPut([...rows])
  })
}

/** The rows of one registration still waiting (queued or sending), oldest first. */
export function registrationRows(db: DebriefDb, registration: string): Promise<ScopedOutboxRecord[]> {
  return guarded(async () => {
    const rows = (await db.outbox.orderBy('queuedAt').toArray()) as ScopedOutboxRecord[]
    return rows.filter((r) => r.registration === registration && (r.state === 'queued' || r.state === 'sending'))
  })
}

/**
 * Puts back in the queue every `sending` row older than `staleMs` (its tab closed mid-send), or
 * every `sending` row when `staleMs` is null (the caller holds the outbox's Web Lock).
 */
export function requeueStale(db: DebriefDb, at: number, staleMs: number | null = STALE_MS): Promise<number> {
  return guarded(() =>
    db.outbox
      .where('state')
      .equals('sending')
      .filter((r) => staleMs === null || (r.sendingSince ?? 0) <= at - staleMs)
      .modify((r: OutboxRecord) => {
        r.state = 'queued'
        delete r.sendingSince
      }),
  )
}

/** How many statements wait, and how many were set aside (review, quarantined). */
export function outboxCounts(db: DebriefDb): Promise<Record<OutboxRecord['state'], number>> {
  return guarded(async () => {
    const counts = { queued: 0, sending: 0, review: 0, quarantined: 0 }
    await db.outbox.each((r) => {
      counts[r.state] += 1
    })
    return counts
  })
}

/** The rows set aside (review after a 409, quarantined after a 400), oldest first. */
export function setAsideRows(db: DebriefDb): Promise<OutboxRecord[]> {
  return guarded(async () => {
    const rows = await db.outbox.where('state').anyOf(['review', 'quarantined']).toArray()
    return rows.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1))
  })
}

/** Set-aside rows (review, quarantined) go back to the queue: an instructor's retry. */
export function retrySetAside(db: DebriefDb, ids: readonly string[]): Promise<void> {
  return guarded(async () => {
    await db.outbox.where('id').anyOf([...ids]).modify((r: OutboxRecord) => {
      if (r.state === 'review' || r.state === 'quarantined') Object.assign(r, { state: 'queued', nextTryAt: 0 })
    })
  })
}

function authorization(auth: SenderOptions['auth']): string {
  // Only an LMS package has a whole header (a cmi5 token): the web build keeps its key and secret alone.
  if (LMS_BUILD && 'authorization' in auth) return auth.authorization
  const bytes = new TextEncoder().encode(`${(auth as { key: string }).key}:${(auth as { secret: string }).secret}`)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return `Basic ${btoa(binary)}`
}

async function post(options: SenderOptions, bodies: readonly string[]): Promise<LrsOutcome> {
  try {
    const response = await options.fetch(`${options.endpoint}/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: authorization(options.auth) },
      body: `[${bodies.join(',')}]`,
    })
    const headers: Record<string, string | undefined> = {}
    response.headers.forEach((value, key) => {
      headers[key] = value
    })
    return { kind: 'response', status: response.status, headers, body: await response.text() }
  } catch (e) {
    return { kind: 'network-error', message: e instanceof Error ? e.message : String(e) }
  }
}

type Stop = { kind: 'pause' | 'retry'; reason: string } | null

/** Marks the next batch `sending` (only rows still queued and due), in one transaction. */
function claim(db: DebriefDb, at: number, limits: BatchLimits & { registration?: string }): Promise<OutboxRecord[]> {
  return db.transaction('rw', db.outbox, async () => {
    // The oldest due rows only, read through the queuedAt index (ties in primary-key order, the
    // same order nextBatch sorts by): a batch never reads the whole backlog's bodies.
    const due = await db.outbox.orderBy('queuedAt').filter((r) => r.state === 'queued' && (LMS_BUILD ? r.nextTryAt <= at && (r as ScopedOutboxRecord).registration === limits.registration : r.nextTryAt <= at)).limit(limits.maxStatements).toArray()
    const chosen = new Set(nextBatch(due.map((r) => ({ ...r, state: 'queued' as const })), limits).map((r) => r.id))
    const batch = due.filter((r) => chosen.has(r.id)).sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1))
    await db.outbox.bulkPut(batch.map((r) => ({ ...r, state: 'sending', sendingSince: at })))
    return batch
  })
}

function settle(db: DebriefDb, ids: readonly string[], change: (r: OutboxRecord) => void): Promise<unknown> {
  return db.outbox.where('id').anyOf([...ids]).modify((r: OutboxRecord) => {
    change(r)
    delete r.sendingSince
  })
}

/**
 * Sends what is due, batch after batch, until the queue is empty or the LRS says stop (pause or
 * retry later). Call it inside the `debrief-outbox` Web Lock so one tab sends at a time.
 */
export function flushOutbox(db: DebriefDb, options: SenderOptions): Promise<FlushResult> {
  return guarded(async () => {
    const result: FlushResult = { sent: 0, paused: null, retrying: null }
    await requeueStale(db, options.now(), options.holdsLock === true ? null : STALE_MS)
    const claimed = new Set<string>()
    for (;;) {
      // An LMS package sends one registration's rows per flush; the web build's claim is unchanged.
      const batch = await claim(db, options.now(), LMS_BUILD ? { ...(options.limits ?? DEFAULT_BATCH), registration: options.registration } : (options.limits ?? DEFAULT_BATCH))
      if (batch.length === 0) return result
      // A statement comes round once per flush: whatever was not settled waits for the next one.
      if (batch.some((r) => claimed.has(r.id))) {
        await settle(db, batch.map((r) => r.id), (r) => Object.assign(r, { state: 'queued' }))
        return result
      }
      for (const r of batch) claimed.add(r.id)
      const rows = new Map(batch.map((r) => [r.id, r]))
      const failures = Math.max(...batch.map((r) => r.attempts))
      let stop: Stop = null
      try {
        stop = await sendIds(db, options, rows, batch.map((r) => r.id), failures, result)
      } finally {
        // Whatever this flush did not settle (a stop mid-split, an error) goes back to the queue.
        await settle(db, batch.map((r) => r.id), (r) => {
          if (r.state === 'sending') r.state = 'queued'
        })
      }
      if (stop?.kind === 'pause') return { ...result, paused: stop.reason }
      if (stop?.kind === 'retry') return { ...result, retrying: stop.reason }
    }
  })
}

async function sendIds(db: DebriefDb, options: SenderOptions, rows: Map<string, OutboxRecord>, ids: string[], failures: number, result: FlushResult): Promise<Stop> {
  const outcome = await post(options, ids.map((id) => rows.get(id)!.body))
  const decision = decide({ ids, outcome, failures, rng: options.rng, now: options.now(), backoff: options.backoff ?? DEFAULT_BACKOFF })
  switch (decision.kind) {
    case 'done':
      await db.outbox.bulkDelete(decision.ids)
      result.sent += decision.ids.length
      return null
    case 'split':
      for (const part of decision.parts) {
        const stop = await sendIds(db, options, rows, part, failures, result)
        if (stop !== null) return stop
      }
      return null
    case 'quarantine':
    case 'review': {
      const state = decision.kind === 'review' ? 'review' : 'quarantined'
      await settle(db, decision.ids, (r) => Object.assign(r, { state, lastError: decision.reason, attempts: r.attempts + 1 }))
      return null
    }
    case 'pause':
      await settle(db, ids, (r) => Object.assign(r, { state: 'queued', lastError: decision.reason }))
      return { kind: 'pause', reason: decision.reason }
    case 'retry': {
      const at = options.now() + decision.afterMs
      await settle(db, ids, (r) => Object.assign(r, { state: 'queued', lastError: decision.reason, attempts: r.attempts + 1, nextTryAt: at }))
      return { kind: 'retry', reason: decision.reason }
    }
  }
}
