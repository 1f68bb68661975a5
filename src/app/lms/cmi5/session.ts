/**
 * A live cmi5 launch (docs/cmi5.md): an LmsSession that turns committed events into cmi5
 * statements, keeps them in the outbox (rows of this registration only, src/db/outbox.ts) and
 * sends them with this launch's token. The order rules (src/domain/lms/cmi5Rules.ts) decide what
 * may be sent; the history of this session lives in the tab (reloads carry on), the registration's
 * in the LRS and on this device (src/app/lms/cmi5/launchStore.ts).
 */
import type { DebriefDb } from '../../../db/database.ts'
import { flushOutbox, queueRows, scopedRow, type FlushResult, type ScopedOutboxRecord } from '../../../db/outbox.ts'
import type { Cmi5Launch } from '../../../domain/lms/cmi5Launch.ts'
import type { LaunchData } from '../../../domain/lms/cmi5LaunchData.ts'
import { record, refusal, type Cmi5History } from '../../../domain/lms/cmi5Rules.ts'
import { attemptPlan, cmi5Terminated, type Cmi5Env, type Cmi5Statement } from '../../../domain/lms/cmi5Statements.ts'
import type { LmsTarget } from '../../../domain/lms/target.ts'
import { VERBS } from '../../../domain/xapi/iris.ts'
import type { Attempt, SavedResponse } from '../../../domain/types.ts'
import { gradableAttempts } from '../gradableAttempts.ts'
import type { LmsEvent, LmsLearner, LmsProblem, LmsSession } from '../session.ts'
import type { LaunchStore } from './launchStore.ts'
import { attemptOutcome } from './outcome.ts'

export interface Cmi5Deps {
  db: DebriefDb
  fetch: typeof fetch
  store: LaunchStore
  /** The Web Locks of the page (one outbox sender at a time across tabs); null where there are none. */
  locks: LockManager | null
  now: () => number
  newId: () => string
  rng: () => number
}

/** A statement held back, serialized once. */
export interface HeldStatement {
  id: string
  body: string
  at: number
}

export interface Cmi5SessionState {
  history: Cmi5History
  initializedAt: number
  lastAt: number
  /**
   * A `failed` held back until the session ends: cmi5 allows one of passed/failed per session, so
   * a pass later in the session replaces it; Exit (or the next launch) sends it before terminated.
   */
  heldFailed?: HeldStatement
}

/** How long a request to the LRS may take before it counts as a network failure (not in tests' logic). */
const REQUEST_MS = 20_000

const EXPIRED = 'Your course system no longer accepts results from this visit (its sign-in has expired). Your work is saved on this device and is sent the next time you open the course from your LMS.'
const UNREACHABLE = 'Your work is saved on this device, but your course system could not be reached just now. Debrief sends it again with your next answer, and when you exit.'

let active: Cmi5Session | undefined

/**
 * What the builders need: the launch, LaunchData, and a base for Debrief's own IRIs in allowed
 * statements (items, extensions): the launch's activityId without query or fragment.
 */
export function cmi5Env(launch: Cmi5Launch, launchData: LaunchData, newId: () => string): Cmi5Env {
  const base = launch.activityId.replace(/[?#].*$/su, '').replace(/\/+$/u, '')
  return { launch, launchData, settings: { activityBase: base, homePage: launch.actor.account.homePage, sendDisplayName: false, sendFreeText: false }, newId }
}

/** The live cmi5 session of this page, for the submit's row builder (src/app/lms/cmi5/submitRows.ts). */
export function activeCmi5(): Cmi5Session | undefined {
  return active
}

/** Makes `session` the page's live cmi5 session (connect.ts; undefined in tests to forget it). */
export function setActiveCmi5(session: Cmi5Session | undefined): void {
  active = session
}

export class Cmi5Session implements LmsSession {
  readonly kind = 'cmi5' as const
  readonly returnUrl?: string
  private state: Cmi5SessionState
  private finished = false
  private profileId: string | undefined
  private readonly plans = new Map<string, { rows: ScopedOutboxRecord[]; history: Cmi5History; lastAt: number; failed?: HeldStatement; passed: boolean }>()
  private sending: Promise<LmsProblem | undefined> = Promise.resolve(undefined)

  constructor(
    private readonly deps: Cmi5Deps,
    private readonly target: LmsTarget,
    readonly launch: Cmi5Launch,
    readonly launchData: LaunchData,
    private readonly token: string,
    readonly learner: LmsLearner,
    state: Cmi5SessionState,
    /** The learner's languages from cmi5LearnerPreferences (Debrief is in English: kept, not used). */
    readonly languages: readonly string[],
  ) {
    this.state = state
    this.saveTab()
    if (launchData.returnUrl !== undefined) this.returnUrl = launchData.returnUrl
  }

  get history(): Cmi5History {
    return this.state.history
  }

  private env(): Cmi5Env {
    return cmi5Env(this.launch, this.launchData, this.deps.newId)
  }

  /** A time for the next statement: now, never before the last one (the order is by timestamp). */
  private nextAt(): number {
    return Math.max(this.deps.now(), this.state.lastAt + 1)
  }

  private rows(statements: readonly Cmi5Statement[], at: number): ScopedOutboxRecord[] {
    return statements.map((s, i) => scopedRow(s.id, JSON.stringify(s), at + i, this.launch.registration))
  }

  private saveTab(ended?: true): void {
    this.deps.store.saveTab({ fetch: this.launch.fetch, registration: this.launch.registration, token: this.token, sessionId: this.launchData.sessionId, ...this.state, ...(ended ? { ended } : {}) })
  }

  private remember(history: Cmi5History, lastAt: number, ended?: true, heldFailed: HeldStatement | undefined = this.state.heldFailed): void {
    const { heldFailed: _old, ...rest } = this.state
    this.state = { ...rest, history, lastAt, ...(heldFailed !== undefined ? { heldFailed } : {}) }
    this.deps.store.noteSent(this.launch.registration, history.registration)
    this.saveTab(ended)
  }

  /**
   * The outbox rows of a submitted attempt, for the submit's own transaction (src/stores/outboxRows.ts).
   * Nothing is recorded until the bridge reports the committed submit: a submit that fails sends nothing.
   */
  planSubmit(attempt: Attempt, responses: readonly SavedResponse[]): ScopedOutboxRecord[] {
    const outcome = this.finished ? null : attemptOutcome(this.target, attempt, responses)
    if (outcome === null || refusal('allowed', this.state.history, this.launchData.launchMode) !== null) return []
    const at = this.nextAt()
    const plan = attemptPlan(this.env(), attempt, outcome.source, outcome.grade, this.state.history, at)
    // failed waits for the session's end (a pass later in it replaces it); the rules see it as unsent.
    const failedAt = plan.statements.findIndex((s) => s.verb.id === VERBS.failed)
    const failed = failedAt < 0 ? undefined : plan.statements[failedAt]!
    const statements = plan.statements.filter((s) => s !== failed)
    const history = failed === undefined ? plan.history : { ...plan.history, session: plan.history.session.filter((v) => v !== 'failed') }
    const rows = this.rows(statements, at)
    this.plans.set(attempt.id, {
      rows,
      history,
      lastAt: at + Math.max(0, plan.statements.length - 1),
      ...(failed !== undefined ? { failed: { id: failed.id, body: JSON.stringify(failed), at: at + failedAt } } : {}),
      passed: plan.statements.some((s) => s.verb.id === VERBS.passed),
    })
    return rows
  }

  async report(event: LmsEvent): Promise<LmsProblem | undefined> {
    if (this.finished) return undefined
    if (event.type === 'submitted') await this.submitted(event.attempt, event.responses)
    if (event.type === 'released') await this.released(event.courseId)
    return this.flush()
  }

  /** This device's profile of the launch's learner (start.ts), to read their attempts at a release. */
  resume(profileId: string): Promise<LmsProblem | undefined> {
    this.profileId = profileId
    return Promise.resolve(undefined)
  }

  private async submitted(attempt: Attempt, responses: readonly SavedResponse[]): Promise<void> {
    let plan = this.plans.get(attempt.id)
    if (plan === undefined) {
      // The submit did not carry the rows (they are built only for a live session): queue them now.
      const rows = this.planSubmit(attempt, responses)
      plan = this.plans.get(attempt.id)
      if (rows.length > 0) await queueRows(this.deps.db, rows)
    }
    this.plans.delete(attempt.id)
    if (plan !== undefined) this.remember(plan.history, plan.lastAt, undefined, plan.passed ? undefined : (this.state.heldFailed ?? plan.failed))
  }

  /**
   * A release code opened the course's sealed items here: each sealed attempt that sent completed
   * alone at its submit can be graded now, and its answered and passed/failed go out as the rules
   * still allow (completed is not sent twice in a registration).
   */
  private async released(courseId: string): Promise<void> {
    if (courseId !== this.target.courseId || this.profileId === undefined) return
    const { attempts, responses, opened } = await gradableAttempts(this.deps.db, this.profileId, courseId)
    for (const attempt of attempts.filter((a) => opened.has(a.id)).sort((a, b) => a.startedAt - b.startedAt)) await this.submitted(attempt, responses.get(attempt.id) ?? [])
  }

  /** Sends this registration's rows, one flush at a time; the problem in words, or undefined. */
  flush(): Promise<LmsProblem | undefined> {
    this.sending = this.sending.then(() => this.flushOnce())
    return this.sending
  }

  private async flushOnce(): Promise<LmsProblem | undefined> {
    const fetchFn: typeof fetch = (input, init) => this.deps.fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_MS) })
    const run = (holdsLock: boolean): Promise<FlushResult> =>
      flushOutbox(this.deps.db, { endpoint: this.launch.endpoint, auth: { authorization: `Basic ${this.token}` }, registration: this.launch.registration, fetch: fetchFn, now: this.deps.now, rng: this.deps.rng, holdsLock })
    let result: FlushResult
    try {
      result = this.deps.locks === null ? await run(false) : await this.deps.locks.request('debrief-outbox', () => run(true))
    } catch (e) {
      return { message: UNREACHABLE, detail: e instanceof Error ? e.message : String(e) }
    }
    if (result.paused !== null) return { message: EXPIRED, detail: result.paused }
    if (result.retrying !== null) return { message: UNREACHABLE, detail: result.retrying }
    return undefined
  }

  /** Exit: sends what waits, then `terminated` (its duration: the whole session), once. */
  async finish(): Promise<LmsProblem | undefined> {
    if (this.finished) return undefined
    this.finished = true
    const before = await this.flush()
    if (refusal('terminated', this.state.history, this.launchData.launchMode) === null) {
      const held = this.heldRows()
      const at = this.nextAt()
      const statement = cmi5Terminated(this.env(), at, at - this.state.initializedAt)
      await queueRows(this.deps.db, [...held, ...this.rows([statement], at)])
      if (held.length > 0) this.remember(record(this.state.history, 'failed'), this.state.lastAt, undefined, undefined)
      this.deps.store.setEnding(this.launch.registration, undefined)
      this.remember(record(this.state.history, 'terminated'), at, true)
    }
    return (await this.flush()) ?? before
  }

  /** The held-back failed as an outbox row, when the rules still allow it. */
  private heldRows(): ScopedOutboxRecord[] {
    const held = this.state.heldFailed
    if (held === undefined || refusal('failed', this.state.history, this.launchData.launchMode) !== null) return []
    return [scopedRow(held.id, held.body, held.at, this.launch.registration)]
  }

  /**
   * The page is going away without Exit (closed, reloaded, navigated off): `terminated` is kept in
   * localStorage, synchronously. A reload finds it and carries on the session; the next launch in
   * this registration sends it first (docs/cmi5.md, "Leaving without Exit").
   */
  leave(): void {
    if (this.finished || refusal('terminated', this.state.history, this.launchData.launchMode) !== null) return
    const at = this.nextAt()
    const statement = cmi5Terminated(this.env(), at, at - this.state.initializedAt)
    const held = this.heldRows()[0]
    this.deps.store.setEnding(this.launch.registration, { sessionId: this.launchData.sessionId, id: statement.id, body: JSON.stringify(statement), at, ...(held !== undefined ? { held: { id: held.id, body: held.body, at: held.queuedAt } } : {}) })
  }
}
