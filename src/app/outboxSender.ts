/**
 * Runs the outbox's sender in the app (src/db/outbox.ts): at start, on `online`, every
 * TIMER_MS, and after a submit (`sendSoon`). One tab sends at a time: the `debrief-outbox` Web
 * Lock, taken with ifAvailable (a tab that finds it held leaves the sending to the holder).
 * Nothing runs when no LRS is configured. Loaded lazily from main.ts, after the first paint.
 */
import type { DebriefDb } from '../db/database.ts'
import { flushOutbox, type FlushResult } from '../db/outbox.ts'
import { now, randomSeed } from '../platform/clock.ts'
import { lrsSetup } from './lrsConfig.ts'

export const TIMER_MS = 30_000

export interface SenderStatus {
  lastSuccessAt: number | null
  paused: string | null
  lastProblem: string | null
}

export const senderStatus: SenderStatus = { lastSuccessAt: null, paused: null, lastProblem: null }

let database: DebriefDb | undefined
let running: Promise<void> | undefined

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
    if (result.sent > 0) senderStatus.lastSuccessAt = now()
    senderStatus.paused = result.paused
    senderStatus.lastProblem = result.paused ?? result.retrying
    if (result.paused !== null) console.warn(result.paused)
  }
  const locks = globalThis.navigator?.locks
  // Without Web Locks another tab may be mid-send: only rows a minute old count as abandoned.
  if (locks === undefined) return run(false)
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
    })
  return running
}

/** Starts the sender for this tab (once). Rows a closed tab left `sending` go back to the queue at each flush's start. */
export async function startOutboxSender(db: DebriefDb): Promise<void> {
  if (database !== undefined) return
  const { config } = await lrsSetup()
  if (config === null) return
  database = db
  globalThis.addEventListener('online', () => void sendSoon())
  setInterval(() => void sendSoon(), TIMER_MS)
  await sendSoon()
}
