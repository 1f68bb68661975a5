/**
 * Connects a cmi5 package to the LMS that launched it (cmi5 spec §8, §10, §11; docs/cmi5.md):
 * reads the launch from the address, gets the token (the fetch URL once per launch; a reload
 * reuses the one this tab kept), reads LMS.LaunchData and the learner's preferences, learns what
 * the registration already holds, queues `initialized` (not on a reload: the session goes on) and
 * sends it. Every failure is an LmsConnectError with words for the learner; nothing is queued then.
 */
import type { DebriefDb } from '../../../db/database.ts'
import { queueRows, registrationRows, scopedRow, type ScopedOutboxRecord } from '../../../db/outbox.ts'
import { actorLearner, parseCmi5Launch, type Cmi5Launch } from '../../../domain/lms/cmi5Launch.ts'
import { record, type Cmi5History } from '../../../domain/lms/cmi5Rules.ts'
import { CMI5_CATEGORY, cmi5Initialized } from '../../../domain/lms/cmi5Statements.ts'
import type { LmsTarget } from '../../../domain/lms/target.ts'
import { VERBS } from '../../../domain/xapi/iris.ts'
import { newId, now, randomSeed } from '../../../platform/clock.ts'
import { lmsProblem } from '../bridge.ts'
import { LmsConnectError, type LmsSession } from '../session.ts'
import { LaunchStore } from './launchStore.ts'
import { fetchAuthToken, fetchLanguages, fetchLaunchData, registrationHolds } from './lrs.ts'
import { Cmi5Session, cmi5Env, setActiveCmi5, type Cmi5Deps, type Cmi5SessionState } from './session.ts'

const ENDED = {
  message: 'This visit to the course has ended: your course system has your results from it. Your work is saved on this device. To carry on, close this window and open the course again from your LMS.',
}

function storage(get: () => Storage): Storage | undefined {
  try {
    return get()
  } catch {
    return undefined
  }
}

/** The defined verbs of this registration's rows still waiting on this device (another session's, unsent). */
function waitingVerbs(rows: readonly { body: string }[]): Set<string> {
  const verbs = new Set<string>()
  for (const row of rows) {
    try {
      const s = JSON.parse(row.body) as { verb?: { id?: string }; context?: { contextActivities?: { category?: { id?: string }[] } } }
      if (s.context?.contextActivities?.category?.some((c) => c.id === CMI5_CATEGORY) === true && typeof s.verb?.id === 'string') verbs.add(s.verb.id)
    } catch {
      // A row that is not JSON is the sender's problem (quarantined on a 400), not the rules'.
    }
  }
  return verbs
}

/** What the registration already holds: the LRS's word, this device's memory and its unsent rows. */
async function registrationHistory(deps: Cmi5Deps, launch: Cmi5Launch, token: string): Promise<Cmi5History['registration']> {
  const [passed, completed, rows] = await Promise.all([
    registrationHolds(deps.fetch, launch, token, 'passed'),
    registrationHolds(deps.fetch, launch, token, 'completed'),
    registrationRows(deps.db, launch.registration),
  ])
  const remembered = deps.store.sent(launch.registration)
  const waiting = waitingVerbs(rows)
  return {
    passed: passed === true || remembered.passed || waiting.has(VERBS.passed),
    completed: completed === true || remembered.completed || waiting.has(VERBS.completed),
  }
}

/** The live session for this launch, or an LmsConnectError in the learner's words. */
export async function connectCmi5Session(target: LmsTarget, search: string, deps: Cmi5Deps): Promise<Cmi5Session> {
  const parsed = parseCmi5Launch(search)
  if (!parsed.ok) throw new LmsConnectError({ message: parsed.error })
  const launch = parsed.launch
  const learner = actorLearner(launch.actor)
  const kept = deps.store.tabState(launch.fetch, launch.registration)
  if (kept?.ended === true) throw new LmsConnectError(ENDED, learner)
  let token = kept?.token
  if (token === undefined) {
    const read = await fetchAuthToken(deps.fetch, launch)
    if (!read.ok) throw new LmsConnectError(read.problem, learner)
    token = read.value
  }
  const launchData = await fetchLaunchData(deps.fetch, launch, token)
  if (!launchData.ok) throw new LmsConnectError(launchData.problem, learner)
  for (const warning of launchData.warnings) console.warn(warning)
  const data = launchData.value
  const [languages, registration] = await Promise.all([fetchLanguages(deps.fetch, launch, token), registrationHistory(deps, launch, token)])
  // A reload in the same session carries on: same history, no second initialized.
  const resumed = kept !== undefined && kept.sessionId === data.sessionId && kept.history !== undefined && kept.initializedAt !== undefined ? kept : undefined
  // A page that went away without Exit left its terminated: its own reload cancels it, any other launch sends it first.
  const ending = deps.store.ending(launch.registration)
  const rows: ScopedOutboxRecord[] = []
  if (ending !== undefined && !(resumed !== undefined && ending.sessionId === data.sessionId)) {
    // Its held-back failed goes too, unless the registration has a pass by now (no failed after passed).
    if (ending.held !== undefined && !registration.passed) rows.push(scopedRow(ending.held.id, ending.held.body, ending.held.at, launch.registration))
    rows.push(scopedRow(ending.id, ending.body, ending.at, launch.registration))
  }
  const at = Math.max(deps.now(), (ending?.at ?? 0) + 1)
  let state: Cmi5SessionState
  if (resumed !== undefined) {
    const before = resumed.history!.registration
    state = {
      history: { session: resumed.history!.session, registration: { passed: registration.passed || before.passed, completed: registration.completed || before.completed } },
      initializedAt: resumed.initializedAt!,
      lastAt: resumed.lastAt ?? at,
      ...(resumed.heldFailed !== undefined ? { heldFailed: resumed.heldFailed } : {}),
    }
  } else {
    const statement = cmi5Initialized(cmi5Env(launch, data, deps.newId), at)
    rows.push(scopedRow(statement.id, JSON.stringify(statement), at, launch.registration))
    state = { history: record({ session: [], registration }, 'initialized'), initializedAt: at, lastAt: at }
  }
  if (rows.length > 0) await queueRows(deps.db, rows)
  if (ending !== undefined) deps.store.setEnding(launch.registration, undefined)
  const session = new Cmi5Session(deps, target, launch, data, token, learner, state, languages)
  setActiveCmi5(session)
  const problem = await session.flush()
  if (problem !== undefined) lmsProblem.value = problem
  return session
}

/** The cmi5 LmsSession for this page (start.ts): the browser's storage, fetch, Web Locks and clock. */
export function connectCmi5(target: LmsTarget, win: Window, db: DebriefDb): Promise<LmsSession> {
  const deps: Cmi5Deps = {
    db,
    fetch: win.fetch.bind(win),
    store: new LaunchStore(storage(() => win.sessionStorage), storage(() => win.localStorage)),
    locks: win.navigator.locks ?? null,
    now,
    newId,
    rng: () => randomSeed() / 2 ** 32,
  }
  return connectCmi5Session(target, win.location.search, deps)
}
