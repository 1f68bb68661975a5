/**
 * Runs the outbox's sender in the app (src/db/outbox.ts): at start, on `online`, every
 * TIMER_MS, and after a submit (`sendSoon`). One tab sends at a time: the `debrief-outbox` Web
 * Lock, taken with ifAvailable (a tab that finds it held leaves the sending to the holder).
 * Nothing runs when no LRS is configured. Loaded lazily from main.ts, after the first paint.
 *
 * A 401/403 pauses sending in this tab; `sendNow` (the instructor's button) and `lrsChanged`
 * (new settings saved) lift the pause without a reload, and `lrsChanged` starts the sender when
 * the app started with no LRS. Pages follow the sender with `onSenderRun`.
 */
import type { DebriefDb } from '../db/database.ts'
import { flushOutbox, type FlushResult } from '../db/outbox.ts'
import { now, randomSeed } from '../platform/clock.ts'
import { noteLastSent } from '../db/lrsDevice.ts'
import { lrsSetup, refreshLrsSetup } from './lrsConfig.ts'

export const TIMER_MS = 30_000

export interface SenderStatus {
  lastSuccessAt: number | null
  paused: string | null
  lastProblem: string | null
}

export const senderStatus: SenderStatus = { lastSuccessAt: null, paused: null, lastProblem: null }

let database: DebriefDb | undefined
let running: Promise<void> | undefined
let started = false
let stopTimers: (() => void) | undefined
const listeners = new Set<() => void>()

/** Calls `listener` after each run of the sender (and after a pause is lifted); returns the unsubscribe. */
export function onSenderRun(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function notify(): void {
  for (const listener of [...listeners]) {
    try {
      listener()
    } catch (e) {
      console.error(e)
    }
  }
}

/** Uniform in [0, 1) for the backoff's jitter. */
function jitter(): number {
  return randomSeed() / 2 ** 32
}

async function flushOnce(db: DebriefDb): Promise<void> {
  const { config } = await lrsSetup()
  if (config === null || senderStatus.paused !== null) return
  if (globalThis.navigator?.onLine === false) return
  const run = async (holdsLock: boolean): Promise<void> => {
    const result: FlushResult = await flushOutbox(db, { endpoint: config.endpoint, auth: config.auth, fetch: globalThis.fetch.bind(globalThis), now, rng: jitter, holdsLock })
    if (result.sent > 0) {
      senderStatus.lastSuccessAt = now()
      await noteLastSent(db, senderStatus.lastSuccessAt).catch(() => undefined)
    }
    senderStatus.paused = result.paused
    senderStatus.lastProblem = result.paused ?? result.retrying
    if (result.paused !== null) console.warn(result.paused)
  }
  const locks = globalThis.navigator?.locks
  // Without Web Locks (none, or null as in happy-dom) another tab may be mid-send: only rows a
  // minute old count as abandoned.
  if (locks == null) return run(false)
  await locks.request('debrief-outbox', { ifAvailable: true }, async (lock) => {
    if (lock !== null) await run(true)
  })
}

/** Sends what waits, unless a send is already running in this tab. */
export function sendSoon(): Promise<void> {
  if (database === undefined) return Promise.resolve()
  const db = database
  running ??= flushOnce(db)
    .catch((e: unknown) => {
      senderStatus.lastProblem = e instanceof Error ? e.message : String(e)
    })
    .finally(() => {
      running = undefined
      notify()
    })
  return running
}

/**
 * Starts the sender for this tab (once; a later call, once an LRS is set, starts it). Rows a
 * closed tab left `sending` go back to the queue at each flush's start.
 */
export async function startOutboxSender(db: DebriefDb): Promise<void> {
  if (started) return
  const { config } = await lrsSetup()
  if (config === null || started) return
  started = true
  database = db
  const online = () => void sendSoon()
  globalThis.addEventListener('online', online)
  const timer = setInterval(() => void sendSoon(), TIMER_MS)
  stopTimers = () => {
    globalThis.removeEventListener('online', online)
    clearInterval(timer)
  }
  await sendSoon()
}

/** Lifts a 401/403 pause and sends what waits now (after any run already under way). */
export async function sendNow(db: DebriefDb): Promise<void> {
  await running
  senderStatus.paused = null
  senderStatus.lastProblem = null
  notify()
  if (!started) return startOutboxSender(db)
  return sendSoon()
}

/** The LRS settings changed (override saved or removed): read them again, lift a pause, send. */
export async function lrsChanged(db: DebriefDb): Promise<void> {
  await running
  await refreshLrsSetup()
  return sendNow(db)
}

/** Stops and forgets this tab's sender (tests). */
export function resetSenderForTests(): void {
  stopTimers?.()
  stopTimers = undefined
  database = undefined
  running = undefined
  started = false
  listeners.clear()
  Object.assign(senderStatus, { lastSuccessAt: null, paused: null, lastProblem: null })
}
