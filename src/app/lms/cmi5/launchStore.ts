/**
 * What a cmi5 launch keeps in the browser's storage besides IndexedDB (docs/cmi5.md):
 *
 * - sessionStorage (this tab): the launch's token and session state, keyed by nothing but the
 *   tab, so a reload inside the AU reuses the token (the fetch URL works once) and carries on the
 *   same session (no second initialized). A new launch (another fetch URL) replaces it.
 * - localStorage (this LMS origin, every tab): per registration, the verbs this device sent
 *   (passed, completed), in case the LRS cannot be asked; and the `terminated` of a session whose
 *   page went away without Exit, written synchronously on pagehide: a reload cancels it (the
 *   session goes on), the next launch in the registration sends it first.
 *
 * Storage that throws (blocked, full) only loses these conveniences, never the learner's work.
 */
import type { Cmi5History } from '../../../domain/lms/cmi5Rules.ts'

const TAB_KEY = 'debrief.cmi5.tab'
const SENT_PREFIX = 'debrief.cmi5.sent.'
const ENDING_PREFIX = 'debrief.cmi5.ending.'

export interface TabState {
  fetch: string
  registration: string
  token: string
  sessionId?: string
  initializedAt?: number
  lastAt?: number
  history?: Cmi5History
  heldFailed?: { id: string; body: string; at: number }
  /** Set once terminated was queued by Exit: this launch is over. */
  ended?: boolean
}

/** A session's terminated statement, kept until it is sent (or its session comes back on reload). */
export interface Ending {
  sessionId: string
  id: string
  body: string
  at: number
  /** The session's held-back failed (session.ts), sent before terminated. */
  held?: { id: string; body: string; at: number }
}

function read<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const text = storage?.getItem(key)
    return text == null ? undefined : (JSON.parse(text) as T)
  } catch {
    return undefined
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === undefined) storage?.removeItem(key)
    else storage?.setItem(key, JSON.stringify(value))
  } catch {
    // Storage blocked or full: the launch works without the convenience.
  }
}

export class LaunchStore {
  constructor(
    private readonly tab: Storage | undefined,
    private readonly shared: Storage | undefined,
  ) {}

  /** The tab's state when it belongs to this launch (same fetch URL and registration). */
  tabState(fetch: string, registration: string): TabState | undefined {
    const state = read<TabState>(this.tab, TAB_KEY)
    return state?.fetch === fetch && state.registration === registration && typeof state.token === 'string' ? state : undefined
  }

  saveTab(state: TabState): void {
    write(this.tab, TAB_KEY, state)
  }

  sent(registration: string): Cmi5History['registration'] {
    const value = read<Partial<Cmi5History['registration']>>(this.shared, SENT_PREFIX + registration)
    return { passed: value?.passed === true, completed: value?.completed === true }
  }

  noteSent(registration: string, sent: Cmi5History['registration']): void {
    write(this.shared, SENT_PREFIX + registration, sent)
  }

  ending(registration: string): Ending | undefined {
    return read<Ending>(this.shared, ENDING_PREFIX + registration)
  }

  setEnding(registration: string, ending: Ending | undefined): void {
    write(this.shared, ENDING_PREFIX + registration, ending)
  }
}
